"""Where an output (an export, a report, a list) may be written: never over a document.

An export named like the document, or a typo in ``-o``, must not turn a document's rounds and
history into a Word file: nothing the user did may be lost to an output.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from minutes_app.errors import MinutesError

MINUTES_SUFFIX = ".minutes"
SQLITE_HEADER = b"SQLite format 3\x00"  # every .minutes file starts so, whatever its name


def check_output(out: str | Path) -> None:
    """Refuse to write an output at ``out`` when that is a folder or a minutes document (the
    one open, another, or a file that would be taken for one)."""
    path = Path(out)
    if path.is_dir():
        raise MinutesError(code="output_folder", name=str(path))
    if path.suffix.lower() == MINUTES_SUFFIX or _is_database(path):
        raise MinutesError(code="output_minutes", name=str(path))
    folder = path.parent  # a missing one is said by the write, naming the output
    if folder.is_dir() and not os.access(folder, os.W_OK):  # a read-only disk too: said
        raise MinutesError(code="folder_read_only", folder=str(folder))  # before a .part file


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


def write_atomically(out: str | Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through a temporary file in the same folder renamed over it:
    a failed write (a full disk, a kill) leaves the old file as it was, never half of a new one."""
    target = Path(out)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with named_for_user(out):
            with tmp.open("wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())  # the bytes on disk before the name points at them
            os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
