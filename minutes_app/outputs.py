"""Where an output (an export, a report, a list) may be written: never over a document.

An export named like the document, or a typo in ``-o``, must not turn a document's rounds and
history into a Word file: nothing the user did may be lost to an output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from minutes_app.errors import MinutesError

MINUTES_SUFFIX = ".minutes"
SQLITE_HEADER = b"SQLite format 3\x00"  # every .minutes file starts so, whatever its name


def check_output(out: str | Path) -> None:
    """Refuse to write an output at ``out`` when that is a folder, a minutes document (the
    one open, another, or a file that would be taken for one) or a read-only file."""
    path = Path(out)
    if path.is_dir():
        raise MinutesError(code="output_folder", name=str(path))
    target = output_target(path)
    if (MINUTES_SUFFIX in (path.suffix.lower(), target.suffix.lower())
            or _is_database(path)):
        raise MinutesError(code="output_minutes", name=str(path))
    check_replaceable(path)
    folder = target.parent  # a missing one is said by the write, naming the output
    if folder.is_dir() and not os.access(folder, os.W_OK):  # a read-only disk too: said
        raise MinutesError(code="folder_read_only", folder=str(folder))  # before a .part file


def check_replaceable(out: str | Path) -> None:
    """Refuse to replace a read-only file: one its owner marked so (no write bit at all, which
    the superuser's access check would not see) or one this user may not write."""
    target = output_target(out)
    try:
        mode = target.stat().st_mode
    except OSError:  # not there (the usual case): nothing to replace
        return
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(target, os.W_OK)):
        raise MinutesError(code="output_read_only", name=str(out))


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:  # not there (the usual case), or not readable: nothing to protect here
        return False


@contextlib.contextmanager
def named_for_user(out: str | Path) -> Iterator[None]:
    """Report a system error of a write by the name the user gave, not by the name of the
    temporary file written beside it (``.report.docx.tmp``), nor by no name at all."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None or exc.filename == str(out):
            raise
        # a write's error (a full disk) names no file at all: it is the user's output too
        raise OSError(exc.errno, exc.strerror, str(out)) from None


def output_target(out: str | Path) -> Path:
    """The file a write to ``out`` replaces: a symbolic link's target (the link stays a link,
    as every editor does), else ``out`` itself."""
    path = Path(out)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def temporary_for(out: str | Path, tag: str = "tmp", suffix: str = "") -> Path:
    """A temporary name beside the file ``out`` names (a link's target: a rename never
    crosses disks), hidden, this process's own."""
    target = output_target(out)
    return target.with_name(f".{target.name}.{os.getpid()}.{tag}{suffix}")


def reserve(tmp: Path, out: str | Path) -> int:
    """Create the temporary file ``tmp`` empty and open it for writing: private (0600) while it
    is written when it will replace a file (it takes that file's mode as it moves into place:
    a 0600 text is never readable by others meanwhile), else as any new file (the umask)."""
    mode = 0o600 if output_target(out).exists() else 0o666
    tmp.unlink(missing_ok=True)  # a leftover of a killed run that had this process id
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)


def replace_file(tmp: Path, out: str | Path) -> None:
    """Move the written ``tmp`` over the file ``out`` names, durably, as the file it replaces
    was: its permissions, owner and group (as far as this process may set them) and access
    list; the only way every output and every new file of the app takes its place."""
    target = output_target(out)
    with named_for_user(out):
        _keep_attributes(target, tmp)
        _sync(tmp, os.O_RDONLY)  # the bytes on disk before the name points at them
        os.replace(tmp, target)
        _sync(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))  # and the name


def _sync(path: Path, flags: int) -> None:
    try:
        fd = os.open(path, flags)
    except OSError:
        if path.is_dir():  # a folder that cannot be opened (Windows): its entries are kept
            return
        raise
    try:
        os.fsync(fd)
    except OSError as exc:
        if not path.is_dir() or exc.errno not in (errno.EINVAL, errno.EBADF):
            raise  # some file systems cannot sync a folder: the file itself is synced
    finally:
        os.close(fd)


def _keep_attributes(old: Path, new: Path) -> None:
    """Give ``new`` the mode, owner, group and access list of ``old`` (when there is one).

    A 0600 negotiating text must not come back readable by all, nor a 0640 one shared with a
    group readable by another group: when the group cannot be kept, the group's bits go.
    """
    try:
        st = old.stat()
    except FileNotFoundError:
        return  # a new file: the user's umask decides, as for any new file
    mode = stat.S_IMODE(st.st_mode)
    group_kept = _chown(new, st)
    if not group_kept:
        mode &= ~0o070
    os.chmod(new, mode)  # after chown, which clears set-id bits
    if group_kept and not _copy_access_list(old, new):
        os.chmod(new, mode & ~0o070)  # the group bits were the list's mask: not the group's


def _chown(new: Path, st: os.stat_result) -> bool:
    """Give ``new`` the owner and group of ``st`` (the owner only as the superuser);
    True when the group is kept."""
    if not hasattr(os, "chown"):
        return True  # no owners nor groups here (Windows)
    for uid in (st.st_uid, -1):
        try:
            os.chown(new, uid, st.st_gid)
            return True
        except PermissionError:
            continue
    return new.stat().st_gid == st.st_gid


ACCESS_LIST = "system.posix_acl_access"


def _copy_access_list(old: Path, new: Path) -> bool:
    """Copy a POSIX access list (``setfacl``) too: the users and groups it names keep access;
    False when ``old`` has one that could not be copied."""
    if not hasattr(os, "getxattr"):
        return True
    try:
        value = os.getxattr(old, ACCESS_LIST)
    except OSError:  # none (the usual case), or a file system without them
        return True
    try:
        os.setxattr(new, ACCESS_LIST, value)
    except OSError:
        return False
    return True


def write_atomically(out: str | Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through a temporary file in the same folder renamed over it:
    a failed write (a full disk, a kill) leaves the old file as it was, never half of a new one."""
    tmp = temporary_for(out)
    try:
        with named_for_user(out), os.fdopen(reserve(tmp, out), "wb") as fh:
            fh.write(data)
        replace_file(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
