"""What a failed open or save of a .minutes file says: SQLite's and the system's errors as the
app's coded errors, in the user's words."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from minutes_app.errors import (
    DamagedFileError, FileFormatError, FileLockedError, MinutesError, StoreWriteError,
    sqlite_detail,
)
from minutes_app.store.reading import Reader


def check_folder(target: Path) -> None:
    """Refuse a missing or read-only folder, or a read-only file to replace, before anything
    is written (a link's target's folder: the new file is written there)."""
    from minutes_app.outputs import check_replaceable, output_target

    check_replaceable(target)
    folder = output_target(target).parent
    if not folder.is_dir():
        raise MinutesError(code="no_folder", folder=str(folder))
    if not os.access(folder, os.W_OK):
        raise MinutesError(code="folder_read_only", folder=str(folder))


def write_error(p: Path, exc: BaseException) -> StoreWriteError:
    """A failed write of ``p`` as the error the user reads."""
    text = str(exc).lower()
    if "full" in text or "no space" in text or "too large" in text:
        return StoreWriteError(code="disk_full", name=p.name)
    if "readonly" in text or "read-only" in text:
        return StoreWriteError(code="read_only", name=p.name)
    if "locked" in text:
        return StoreWriteError(code="locked", name=p.name)
    strerror = getattr(exc, "strerror", None)  # the system's words are the user's language
    detail = strerror if strerror else sqlite_detail(str(exc))
    return StoreWriteError(code="write_failed", name=p.name, detail=detail)


def read_error(p: Path, exc: sqlite3.Error) -> MinutesError:
    """A failed read of ``p`` as the error the user reads."""
    text = str(exc)
    if "locked" in text:
        return FileLockedError(code="locked", name=p.name)
    if "interrupted" in text:
        return FileFormatError(code="too_slow", name=p.name)
    if "readonly" in text or "read-only" in text:
        return FileLockedError(code="read_only", name=p.name)
    return FileFormatError(code="damaged", name=p.name, detail=sqlite_detail(text))


def damaged_error(p: Path, reader: Reader) -> DamagedFileError:
    """The damage ``reader`` found in ``p``, as an error saying whether the rest is intact."""
    changed_only = all(problem == "checksum" for _t, _k, problem in reader.damage)
    if reader.fatal:
        code = "damaged_rows"
    else:
        code = "changed_outside" if changed_only else "damaged_rows_intact"
    return DamagedFileError(code, reader.damage, not reader.fatal, name=p.name)
