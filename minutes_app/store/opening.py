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
from typing import NamedTuple
from urllib.parse import quote

from minutes_app.errors import (
    FileFormatError, FileLockedError, MinutesError, NewerFileError, schema_object, sqlite_detail,
)
from minutes_app.inputs import check_regular
from minutes_app.store.schema import (
    APPLICATION_ID, CURRENT_SCHEMA_DIGEST, SCHEMA_VERSION, expected_schema, schema_digest,
    schema_of,
)

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")  # a rollback journal's header starts so
READ_SECONDS = 30.0  # no real document takes a hundredth of this; a crafted one is stopped
# SQLite's unix VFS takes a path of at most 512 bytes, its journal's ("-journal") included
MAX_PATH_BYTES = 512 - len("-journal")


def check_path_length(p: Path, extra: int = 0) -> None:
    """Refuse a path SQLite cannot open (it would call the file unopenable or damaged);
    ``extra``: how much longer the name of a temporary file written for ``p`` is."""
    size = len(os.fsencode(os.path.abspath(p)))
    if size + extra > MAX_PATH_BYTES:
        raise FileFormatError(code="path_too_long", name=p.name, size=format(size, ","),
                              limit=MAX_PATH_BYTES - extra)


def check_exists(p: Path) -> None:
    """Refuse files that are missing, folders, devices, pipes, unreadable, out of SQLite's
    reach or not SQLite at all."""
    check_regular(p)
    check_path_length(p)
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
        raise FileFormatError(code="damaged", name=p.name, detail=sqlite_detail(integrity, True))
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
    raise FileFormatError(code="foreign_schema", name=p.name,
                          detail=schema_object(kind, name))


def hot_journal(p: Path) -> Path | None:
    """The rollback journal a killed writer left next to ``p``, if any."""
    journal = p.with_name(p.name + "-journal")
    try:
        return journal if journal.stat().st_size > 0 else None
    except OSError:
        return None


def leftovers(p: Path) -> list[Path]:
    """What SQLite would apply to ``p`` on opening it: a hot journal, a write-ahead log."""
    found = [j for j in (hot_journal(p),) if j is not None]
    wal = p.with_name(p.name + "-wal")
    try:
        if wal.stat().st_size > 0:
            found.append(wal)
    except OSError:
        pass
    return found


def in_wal_mode(p: Path) -> bool:
    """The file's header says write-ahead logging (set by another SQLite tool, never by us)."""
    try:
        with p.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18:20] == b"\x02\x02"


def check_leftovers(p: Path) -> None:
    """Refuse a journal or log beside ``p`` that is not of ``p``'s own unfinished save.

    SQLite applies whatever ``p``-journal or ``p``-wal it finds to ``p`` on a writable open:
    one of another file (a folder copied from elsewhere, a file replaced after a crash) would
    overwrite pages of ours and cut the file to the other's length. It is applied on a private
    copy first; it is ours when the result is a sound file of the same document whose rows hold
    (pages of two copies mixed break their checksums) and, while the file stands sound without
    it, its pages fit a save of this file killed midway (``store.journal``: another copy of the
    same document). A genuine journal of ours always passes (SQLite's promise, its pager's order
    of writes, and we never write into a file with damaged rows), so only a foreign one is
    refused.
    """
    found = leftovers(p)
    if not found:
        return
    from minutes_app.store.journal import could_be_ours  # only with a leftover: not at start

    journal = found[0]
    rollback = journal.name.endswith("-journal")  # a -wal is never ours: other tools write it
    if rollback and not _journal_fits(p, journal):
        raise FileFormatError(code="foreign_journal", name=p.name, journal=journal.name)
    try:
        recovered = _probe(p, found, rows=rollback)
    except (MinutesError, sqlite3.Error) as exc:
        try:
            _probe(p, [])
        except (MinutesError, sqlite3.Error):
            raise exc from None  # the file is damaged with or without the journal
        raise FileFormatError(code="foreign_journal", name=p.name,
                              journal=journal.name) from None
    try:
        alone = _probe(p, [], rows=rollback)
    except (MinutesError, sqlite3.Error):
        return  # a save killed midway leaves the file itself unreadable: the journal mends it
    if ((recovered.document and alone.document and recovered.document != alone.document)
            or recovered.damage - alone.damage  # rows of two copies mixed
            or (rollback and not could_be_ours(p, journal, bool(recovered.session)))
            or _other_mark(recovered, alone)):  # another copy's save

        raise FileFormatError(code="foreign_journal", name=p.name, journal=journal.name)


def _other_mark(recovered: _Probed, alone: _Probed) -> bool:
    """The journal gives back another opening's mark than the file's, and more than that: only
    an opening's first commit changes the mark alone (``file._stamp``); every save of one
    opening writes its mark again. (A file half written, unsound, or without a mark: untold.)
    """
    return bool(alone.session and not alone.damage and recovered.session != alone.session
                and recovered.rows != alone.rows)


def _journal_fits(p: Path, journal: Path) -> bool:
    """A journal's header records the page size of the database it belongs to."""
    try:
        with journal.open("rb") as fh:
            header = fh.read(28)
        with p.open("rb") as fh:
            db_header = fh.read(18)
    except OSError:
        return True  # SQLite will say what is wrong
    if len(header) < 28 or not header.startswith(JOURNAL_MAGIC):
        return True  # not hot (a zeroed header): SQLite ignores it
    page_size = int.from_bytes(db_header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return int.from_bytes(header[24:28], "big") == page_size


class _Probed(NamedTuple):
    document: str  # its document id ("" when it has none)
    damage: frozenset[tuple[str, str, str]]  # rows whose checksums fail (when asked for)
    session: str = ""  # the mark of the opening that wrote it last (when asked for rows)
    rows: str = ""  # a digest of every other row (when asked for rows)


def _probe(p: Path, extra: list[Path], rows: bool = False) -> _Probed:
    """Open a private copy of ``p`` (with ``extra``: its journal, its log) and check it as an
    opening does; ``rows``: name the rows whose checksums fail too (a save of ours played back
    gives a state we wrote, where every row holds; the pages of two copies mixed do not)."""
    with tempfile.TemporaryDirectory(prefix="minutes-probe-") as tmp:
        copy = Path(tmp) / p.name  # the same name: an error names the user's file
        shutil.copyfile(p, copy)
        for f in extra:
            shutil.copyfile(f, Path(tmp) / f.name)
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            bound(conn)
            conn.execute("PRAGMA schema_version").fetchone()  # applies the journal or log
            check_complete(copy)
            version = check_identity(conn, p)
            checked = rows and version == SCHEMA_VERSION
            damage = _row_damage(conn) if checked else frozenset()
            row = conn.execute("SELECT value FROM meta WHERE key = 'document_id'").fetchone()
            session, digest = _rows(conn) if checked else ("", "")
        finally:
            conn.close()
    return _Probed(str(row[0]) if row else "", damage, session, digest)


def _rows(conn: sqlite3.Connection) -> tuple[str, str]:
    """The writer's mark, and a digest of every other row (what a save changed besides it)."""
    from minutes_app.store.checksum import KEYS, blake2b
    from minutes_app.store.writing import SESSION

    digest, session = blake2b(digest_size=16), ""
    for table, key in (*KEYS.items(), ("history", "id")):
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY {key}"):
            if table == "meta" and row[0] == SESSION:
                session = str(row[1])
            else:
                digest.update(repr((table, *row)).encode())
    return session, digest.hexdigest()


def _row_damage(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    """The rows a reading would call damaged or changed outside minutes_app."""
    from minutes_app.store.reading import Reader

    reader = Reader(conn)
    reader.minutes()
    return frozenset(reader.damage)


def read_only_copy(p: Path) -> sqlite3.Connection:
    """``p`` copied into memory without writing it; a hot journal or a write-ahead log is
    applied on a private copy (nothing, not even a ``-shm`` file, is made beside ``p``)."""
    found = leftovers(p)
    with tempfile.TemporaryDirectory(prefix="minutes-ro-") as tmp:
        if found or in_wal_mode(p):  # recover on a private copy: the file stays as it is
            source_path = Path(tmp) / p.name
            shutil.copyfile(p, source_path)
            for f in found:
                shutil.copyfile(f, Path(tmp) / f.name)
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
