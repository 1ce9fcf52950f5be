"""Opening a document for a command that changes nothing (show, info, verify, compare, ...).

Such a command never writes the file nor takes its lock: it works on a read-only medium, and
while the editor holds the document open (verify at the signing table).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from minutes_app.errors import FileLockedError, describe_places
from minutes_app.i18n import _
from minutes_app.model import Minutes
from minutes_app.store import MinutesFile
from minutes_app.store.writing import History


def read(path: str) -> Minutes:
    """The document at ``path``, read without writing it."""
    return read_with_history(path)[0]


def read_with_history(path: str) -> tuple[Minutes, list[History]]:
    """The document and its history, read without writing it; a file the editor holds open is
    read from a copy."""
    try:
        f, m = MinutesFile.open(path, read_only=True)
    except FileLockedError as exc:
        if exc.code != "locked" or not os.access(path, os.R_OK):
            raise
        return _read_copy(path)
    try:
        return m, history(f)
    finally:
        f.close()


def _read_copy(path: str) -> tuple[Minutes, list[History]]:
    """Read without the lock: a copy of the file (and of its journal, so a write in progress
    rolls back in the copy) is opened instead, the original left untouched."""
    with tempfile.TemporaryDirectory(prefix="minutes-read-") as folder:
        copy = Path(folder) / Path(path).name
        for _attempt in range(COPY_ATTEMPTS):
            before = _state(path)
            shutil.copyfile(path, copy)
            journal = Path(f"{path}-journal")
            Path(f"{copy}-journal").unlink(missing_ok=True)
            if journal.exists():
                shutil.copyfile(journal, Path(f"{copy}-journal"))
            if _state(path) == before:  # no save went on while copying: a whole copy
                break
            time.sleep(0.05)
        f, m = MinutesFile.open(copy, read_only=True)
        try:
            return m, history(f)
        finally:
            f.close()


COPY_ATTEMPTS = 20  # the editor's saves take milliseconds: a copy between two is soon made


def _state(path: str) -> tuple[tuple[int, int], ...]:
    """Size and time of the file and of its journal: what a save changes."""
    out = []
    for p in (path, f"{path}-journal"):
        try:
            st = os.stat(p)
        except OSError:
            out.append((-1, -1))
        else:
            out.append((st.st_size, st.st_mtime_ns))
    return tuple(out)


def history(f: MinutesFile) -> list[History]:
    """``f``'s history; damaged entries (left out) are said on stderr, the command goes on."""
    entries = f.history()
    damaged = [d for d in f.damage if d[0] == "history"]
    if damaged:
        print(_("{name}: damaged history entries were left out ({detail}).").format(
            name=f.path.name, detail=describe_places(damaged, _)), file=sys.stderr)
    return entries
