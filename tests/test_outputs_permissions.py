"""A replaced output keeps what the file it replaces was: its permission bits, its group and
its access list (a 0600 negotiating text never comes back readable by all); a symbolic link
given as the output replaces the file it names and stays a link; a read-only file or folder is
refused with one sentence and loses nothing (files12, item 1). Real files, real modes, and a
real other user where this runs as root (whose access checks would pass everything)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import struct
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_app.outputs import ACCESS_LIST, write_atomically
from tests.exports.schema import assert_valid_docx
from tests.test_outputs import _digest, minutes, run  # noqa: F401 (a fixture)
from tests.test_outputs_replace import COMMANDS, OLD, _args

OTHER_UID = 4243  # a user named in the access list (it need not exist)
NOBODY = 65534


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _other_group() -> int | None:
    """A group this process may give a file, other than its own (None: none to give)."""
    if os.geteuid() == 0:
        return 4242
    return next((g for g in os.getgroups() if g != os.getegid()), None)


def _access_list(mode: int) -> bytes:
    """A POSIX access list (as ``setfacl -m u:4243:r``) over ``mode``, in the kernel's form."""
    entry = struct.Struct("<HHI")
    undefined = 0xFFFFFFFF
    return struct.pack("<I", 2) + b"".join([
        entry.pack(0x01, (mode >> 6) & 7, undefined),  # the owner
        entry.pack(0x02, 4, OTHER_UID),  # a named user: read
        entry.pack(0x04, (mode >> 3) & 7, undefined),  # the group
        entry.pack(0x10, (mode >> 3) & 7, undefined),  # the mask
        entry.pack(0x20, mode & 7, undefined),  # others
    ])


def _target(args: list[str], tmp_path: Path) -> Path:
    (target,) = [Path(a) for a in args if a.startswith(str(tmp_path / "out"))]
    return target


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_replaced_output_keeps_the_old_files_mode_group_and_access_list(
        minutes: Path, tmp_path: Path, name: str) -> None:  # noqa: F811
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    umask = os.umask(0o022)
    os.umask(umask)  # the command's, too: a new file gets 0o666 & ~umask
    assert 0o666 & ~umask not in (0o640, 0o600)  # else keeping the mode would prove nothing
    args = _args(COMMANDS[name], doc, tmp_path / "out")
    target = _target(args, tmp_path)
    target.write_bytes(OLD)
    os.chmod(target, 0o640)
    group = _other_group()
    if group is not None:
        os.chown(target, -1, group)
    os.setxattr(target, ACCESS_LIST, _access_list(0o640))
    assert _mode(target) == 0o640
    done = run(*args, "--force", cwd=tmp_path)
    assert done.returncode == 0, (name, done.stderr)
    assert target.read_bytes() != OLD
    if target.suffix == ".docx":
        assert_valid_docx(target)
    assert _mode(target) == 0o640, oct(_mode(target))
    if group is not None:
        assert target.stat().st_gid == group
    assert os.getxattr(target, ACCESS_LIST) == _access_list(0o640)  # user 4243 reads it still
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["working", "signing-pdf", "report", "delegation", "new"])
def test_a_private_output_stays_private(minutes: Path, tmp_path: Path,  # noqa: F811
                                        name: str) -> None:
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    args = _args(COMMANDS[name], doc, tmp_path / "out")
    target = _target(args, tmp_path)
    target.write_bytes(OLD)
    os.chmod(target, 0o600)
    done = run(*args, "--force", cwd=tmp_path)
    assert done.returncode == 0, (name, done.stderr)
    assert target.read_bytes() != OLD and _mode(target) == 0o600, oct(_mode(target))


@pytest.mark.parametrize("name", ["working", "signing-pdf", "report", "screenshot", "new"])
def test_an_output_given_as_a_link_replaces_the_file_it_names(
        minutes: Path, tmp_path: Path, name: str) -> None:  # noqa: F811
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    args = _args(COMMANDS[name], doc, tmp_path / "out")
    link = _target(args, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / f"the-real-one{link.suffix}"
    real.write_bytes(OLD)
    os.chmod(real, 0o600)
    link.symlink_to(Path("shared") / real.name)  # relative, as ``ln -s`` makes them
    done = run(*args, "--force", cwd=tmp_path)
    assert done.returncode == 0, (name, done.stderr)
    assert link.is_symlink() and os.readlink(link) == str(Path("shared") / real.name)
    assert real.read_bytes() != OLD and _mode(real) == 0o600
    if real.suffix == ".docx":
        assert_valid_docx(real)
    assert _leftovers(tmp_path) == [] and _leftovers(shared) == []


@pytest.mark.parametrize("name", ["working", "signing-pdf", "report", "delegation", "demo"])
def test_a_read_only_output_is_refused_and_kept(minutes: Path, tmp_path: Path,  # noqa: F811
                                                name: str) -> None:
    """Marked read-only (no write bit): refused even by the superuser, who could write it."""
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    args = _args(COMMANDS[name], doc, tmp_path / "out")
    target = _target(args, tmp_path)
    target.write_bytes(OLD)
    os.chmod(target, 0o444)
    before = _digest(doc)
    for lang, said in (("en", "is read-only: it was not replaced"), ("ko", "읽기 전용")):
        done = run("--lang", lang, *args, "--force", cwd=tmp_path)
        assert done.returncode == 1, done.stdout
        lines = [x for x in done.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and said in lines[0] and str(target) in lines[0], lines
    assert target.read_bytes() == OLD and _mode(target) == 0o444
    assert _digest(doc) == before  # the export not recorded either
    assert _leftovers(tmp_path) == []


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can enter (pytest's own are private to this one)."""
    above = Path(tempfile.mkdtemp(prefix="minutes-other-user-"))
    os.chmod(above, 0o755)
    folder = above / "files"
    folder.mkdir(mode=0o755)
    yield folder
    for inner, _dirs, _files in os.walk(above):
        os.chmod(inner, 0o755)  # a folder a test closed: open again to be removed
    shutil.rmtree(above)


def _as_other_user(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user without the superuser's pass (``nobody`` when this is root)."""
    exe = shutil.which("minutes-app")
    assert exe, "the venv's minutes-app is needed on PATH"
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv is needed (Debian package util-linux)"
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    home = Path(tempfile.mkdtemp(prefix="home-", dir=cwd.parent))  # the catalogs' cache
    if os.geteuid() == 0:
        os.chown(home, NOBODY, NOBODY)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANGUAGE": ""}
    who = subprocess.run([*prefix, "id", "-u"], capture_output=True, text=True, env=env,
                         check=True)
    assert who.stdout.strip() != "0"  # else the checks below would pass for the wrong reason
    return subprocess.run([*prefix, exe, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def test_a_folder_the_user_cannot_write_is_refused(minutes: Path,  # noqa: F811
                                                   shared_folder: Path) -> None:
    doc = shared_folder / "doc.minutes"
    shutil.copyfile(minutes, doc)
    os.chmod(doc, 0o644)
    closed = shared_folder / "closed"
    closed.mkdir()
    out = closed / "out.docx"
    out.write_bytes(OLD)
    os.chmod(out, 0o666)  # writable by all: only the folder says no
    os.chmod(closed, 0o755)  # ours alone to write into
    if os.geteuid() != 0:
        os.chmod(closed, 0o555)
    for lang, said in (("en", "You cannot write into the folder"), ("ko", "폴더")):
        done = _as_other_user("--lang", lang, "export", str(doc), "--kind", "working",
                              "-o", str(out), "--force", cwd=shared_folder)
        assert done.returncode == 1, done.stdout
        lines = [x for x in done.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and said in lines[0] and str(closed) in lines[0], done.stderr
    assert out.read_bytes() == OLD and sorted(p.name for p in closed.iterdir()) == ["out.docx"]


def test_a_file_the_user_cannot_write_is_not_replaced(minutes: Path,  # noqa: F811
                                                      shared_folder: Path) -> None:
    """The folder is the user's, so a rename would replace another user's file: refused."""
    work = shared_folder / "work"
    work.mkdir()
    doc = work / "doc.minutes"
    shutil.copyfile(minutes, doc)
    out = work / "theirs.docx"
    out.write_bytes(OLD)
    os.chmod(out, 0o644)  # root's (or, as a user, ours read-only): not the runner's to write
    if os.geteuid() == 0:
        os.chown(work, NOBODY, NOBODY)
        os.chown(doc, NOBODY, NOBODY)
    else:
        os.chmod(out, 0o444)
    for lang, said in (("en", "is read-only: it was not replaced"), ("ko", "읽기 전용")):
        done = _as_other_user("--lang", lang, "report", str(doc), "-o", str(out), "--force",
                              cwd=work)
        assert done.returncode == 1, done.stdout
        lines = [x for x in done.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and said in lines[0], lines
    assert out.read_bytes() == OLD
    assert sorted(p.name for p in work.iterdir()) == ["doc.minutes", "theirs.docx"]


def test_a_rename_refused_by_the_system_leaves_everything_as_it_was(tmp_path: Path) -> None:
    """Not a permission (the superuser has them all) but a real refusal: a folder full of
    files where the output should go. The write fails whole, naming the output."""
    out = tmp_path / "out.docx"
    out.mkdir()
    (out / "kept.txt").write_bytes(OLD)
    with pytest.raises(OSError) as raised:
        write_atomically(out, b"new")
    assert raised.value.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST)
    assert raised.value.filename == str(out)
    assert (out / "kept.txt").read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


_CREATING = re.compile(r'open(?:at)?\((?:AT_FDCWD, )?"([^"]+)", ([A-Z_|]+), (0\d+)\)')


@pytest.mark.parametrize("name", ["working", "signing-pdf", "report", "delegation", "new"])
def test_a_private_output_is_never_readable_by_others_while_written(
        minutes: Path, tmp_path: Path, name: str) -> None:  # noqa: F811
    """Every file the command creates beside a 0600 output (its temporary copies, SQLite's
    journal) is created 0600: none is readable by others for a moment, as strace shows."""
    assert shutil.which("strace"), "strace is needed (Debian package strace)"
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    out_dir = tmp_path / "private"
    out_dir.mkdir()
    args = _args(COMMANDS[name], doc, out_dir / "out")
    target = _target(args, out_dir)
    target.write_bytes(OLD)
    os.chmod(target, 0o600)
    log = tmp_path / "strace.log"
    exe = shutil.which("minutes-app")
    assert exe, "the venv's minutes-app is needed on PATH"
    done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,creat", "-o",
                           str(log), exe, *args, "--force"], capture_output=True, text=True,
                          timeout=300, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                            "HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stderr
    first: dict[str, int] = {}
    for path, flags, mode in _CREATING.findall(log.read_text()):
        # the output itself is there all along (renamed over, then opened by SQLite's new)
        if "O_CREAT" in flags and Path(path).parent == out_dir and path != str(target):
            first.setdefault(path, int(mode, 8))  # a later open of it creates nothing
    assert first, "strace saw no file created beside the output"
    assert {p: oct(m) for p, m in first.items() if m & 0o077} == {}
    assert _mode(target) == 0o600 and target.read_bytes() != OLD


def test_a_group_the_user_cannot_give_loses_its_bits(minutes: Path,  # noqa: F811
                                                     shared_folder: Path) -> None:
    """The user's file shared 0640 with a group the user is not in (the administrator's doing):
    the new file cannot have that group, so the group's bits go rather than fall to the user's
    own group. A real other user: the superuser could give any group."""
    if os.geteuid() != 0:
        pytest.skip("only the superuser can give the user's file a group the user is not in")
    work = shared_folder / "work"
    work.mkdir()
    doc = work / "doc.minutes"
    shutil.copyfile(minutes, doc)
    out = work / "report.docx"
    out.write_bytes(OLD)
    for path in (work, doc, out):
        os.chown(path, NOBODY, NOBODY)
    os.chown(out, NOBODY, 4242)  # a group nobody is not in
    os.chmod(out, 0o640)
    done = _as_other_user("report", str(doc), "-o", str(out), "--force", cwd=work)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() != OLD
    assert out.stat().st_uid == NOBODY and out.stat().st_gid == NOBODY
    assert _mode(out) == 0o600, oct(_mode(out))
