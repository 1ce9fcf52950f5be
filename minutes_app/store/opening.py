"""Opening a .minutes file safely: let SQLite recover first, then check the header, the
identity and the exact schema before any row is read, and bound the time reading may take.

Read-only opening never writes the file (no lock, no journal rollback, no migration on disk):
the file is copied into memory (after rolling back a hot journal on a private copy) and
everything happens there.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from minutes_app.errors import (
    FileFormatError, FileLockedError, MinutesError, NewerFileError,
)
from minutes_app.store.schema import (
    APPLICATION_ID, CURRENT_SCHEMA_DIGEST, SCHEMA_VERSION, expected_schema, schema_digest,
    schema_of,
)

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
READ_SECONDS = 30.0  # no real document takes a hundredth of this; a crafted one is stopped


def check_exists(p: Path) -> None:
    """Refuse files that are missing, folders, unreadable or not SQLite at all."""
    try:
        with p.open("rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise MinutesError(code="missing", name=str(p)) from None
    except IsADirectoryError:
        raise FileFormatError(code="folder", name=str(p)) from None
    except PermissionError:
        raise FileLockedError(code="no_permission", name=str(p)) from None
    if not header.startswith(SQLITE_MAGIC[:len(header)]) or not header:
        raise FileFormatError(code="not_minutes", name=p.name)
    if len(header) < 100:
        raise FileFormatError(code="header_truncated", name=p.name)


def check_complete(p: Path) -> None:
    """Refuse a file shorter than its header says (checked after SQLite's own recovery)."""
    with p.open("rb") as fh:
        header = fh.read(100)
        size = os.fstat(fh.fileno()).st_size
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if size < page_size * pages:
        raise FileFormatError(code="truncated", name=p.name, size=f"{size:,}",
                              expected=f"{page_size * pages:,}")


def bound(conn: sqlite3.Connection, seconds: float = READ_SECONDS) -> None:
    """Stop any statement of ``conn`` once ``seconds`` have passed (None: lift the bound)."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)


def unbound(conn: sqlite3.Connection) -> None:
    """Lift ``bound``."""
    conn.set_progress_handler(None, 0)


def check_identity(conn: sqlite3.Connection, p: Path) -> int:
    """Return the schema version, refusing foreign, newer, odd and altered files."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if app_id != APPLICATION_ID:
        raise FileFormatError(code="foreign_sqlite", name=p.name)
    if version > SCHEMA_VERSION:
        raise NewerFileError(code="newer", name=p.name, version=version,
                             supported=SCHEMA_VERSION)
    if version < 1:
        raise FileFormatError(code="bad_version", name=p.name, version=version)
    check_schema(conn, p, version)
    integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
    if integrity != "ok":
        raise FileFormatError(code="damaged", name=p.name, detail=integrity)
    return version


def check_schema(conn: sqlite3.Connection, p: Path, version: int) -> None:
    """The tables, columns, indexes and triggers must be exactly ours: no views, no extras."""
    found = schema_of(conn)
    if version == SCHEMA_VERSION and schema_digest(found) == CURRENT_SCHEMA_DIGEST:
        return  # exactly the schema we write (see CURRENT_SCHEMA_DIGEST)
    expected = expected_schema(version)
    if found == expected:
        return
    odd = sorted(found - expected) or sorted(expected - found)
    kind, name, _sql = odd[0]
    raise FileFormatError(code="foreign_schema", name=p.name, detail=f"{kind} {name!r}")


def hot_journal(p: Path) -> Path | None:
    """The rollback journal a killed writer left next to ``p``, if any."""
    journal = p.with_name(p.name + "-journal")
    try:
        return journal if journal.stat().st_size > 0 else None
    except OSError:
        return None


def read_only_copy(p: Path) -> sqlite3.Connection:
    """``p`` copied into memory without writing it; a hot journal is rolled back on a copy."""
    journal = hot_journal(p)
    with tempfile.TemporaryDirectory(prefix="minutes-ro-") as tmp:
        if journal is not None:  # recover on a private copy: the file itself stays as it is
            source_path = Path(tmp) / p.name
            shutil.copyfile(p, source_path)
            shutil.copyfile(journal, Path(tmp) / journal.name)
            source = sqlite3.connect(source_path, isolation_level=None)
            source.execute("PRAGMA schema_version").fetchone()  # rolls the journal back
        else:
            source_path = p
            uri = f"file:{quote(str(p.resolve()))}?mode=ro"
            source = sqlite3.connect(uri, uri=True, timeout=0.25, isolation_level=None)
        try:
            bound(source)
            source.execute("PRAGMA schema_version").fetchone()
            check_complete(source_path)
            memory = sqlite3.connect(":memory:", isolation_level=None)
            source.backup(memory)
        finally:
            source.close()
    return memory
