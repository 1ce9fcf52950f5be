"""The .minutes file: one SQLite database, written transactionally and incrementally."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
import sqlite3
from pathlib import Path

from minutes_app.errors import FileFormatError, FileLockedError, MinutesError, NewerFileError
from minutes_app.model import Change, Minutes, Round
from minutes_app.store import codec
from minutes_app.store.schema import APPLICATION_ID, SCHEMA_VERSION, create_schema, migrate

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".minutes"


class MinutesFile:
    """An open .minutes file, held exclusively by this process until ``close``."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    # -- opening and creating --------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], m: Minutes, overwrite: bool = False
               ) -> MinutesFile:
        """Write ``m`` as a new file (atomically: a temporary file renamed into place)."""
        target = Path(path)
        if target.exists() and not overwrite:
            raise MinutesError(f"{target} already exists; choose another name.")
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        conn = _connect(tmp)
        try:
            conn.execute("BEGIN IMMEDIATE")
            create_schema(conn)
            _write_all(conn, m)
            conn.execute("COMMIT")
            conn.close()
            os.replace(tmp, target)
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        opened, _ = cls.open(target, load=False)
        return opened

    @classmethod
    def open(cls, path: str | os.PathLike[str], load: bool = True
             ) -> tuple[MinutesFile, Minutes]:
        """Open, check, lock and load a file; raise a MinutesError the user can act on."""
        p = Path(path)
        _check_header(p)
        conn = sqlite3.connect(p, timeout=0.25, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous = FULL")
            version = _check_identity(conn, p)
            _lock(conn, p)
            if version < SCHEMA_VERSION:
                log.info("migrating %s from schema %d to %d", p, version, SCHEMA_VERSION)
                migrate(conn, version)
            m = codec.read_minutes(conn) if load else Minutes()
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" in str(exc):
                raise _locked(p) from None
            raise FileFormatError(f"{p.name} cannot be read ({exc}).") from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise FileFormatError(f"{p.name} is damaged and cannot be read ({exc}).") from None
        except BaseException:
            conn.close()
            raise
        return cls(p, conn), m

    # -- writing ---------------------------------------------------------------
    def write(self, m: Minutes, change: Change, rounds: Sequence[Round] = ()) -> None:
        """Persist what ``change`` touched, and any new rounds, in one transaction."""
        if change.empty and not rounds:
            return
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            _write_change(conn, m, change)
            conn.executemany("INSERT INTO round VALUES (?, ?, ?, ?, ?)",
                             [codec.round_row(r) for r in rounds])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def write_all(self, m: Minutes) -> None:
        """Rewrite the whole document (after a merge or import), keeping the rounds."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM paragraph")
            conn.execute("DELETE FROM section")
            conn.execute("DELETE FROM meta")
            _write_all(conn, m, rounds=False)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def append_round(self, r: Round) -> None:
        """Add a round; rounds already stored can never change."""
        with_tx(self._conn, "INSERT INTO round VALUES (?, ?, ?, ?, ?)", codec.round_row(r))

    def add_history(self, time: str, kind: str, data: str) -> None:
        """Record an event (an export and its fingerprints) in the document's history."""
        with_tx(self._conn, "INSERT INTO history (time, kind, data) VALUES (?, ?, ?)",
                (time, kind, data))

    def history(self) -> list[tuple[str, str, str]]:
        """The recorded events, oldest first."""
        return list(self._conn.execute("SELECT time, kind, data FROM history ORDER BY id"))

    def save_as(self, path: str | os.PathLike[str]) -> MinutesFile:
        """Copy this file to ``path`` and return the copy, open; this one is closed."""
        target = Path(path)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        dest = sqlite3.connect(tmp)
        try:
            self._conn.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)
        self.close()
        copy, _ = MinutesFile.open(target, load=False)
        return copy

    def close(self) -> None:
        """Release the file (other instances may open it afterwards)."""
        self._conn.close()


def with_tx(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> None:
    """Run one statement in its own transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(sql, params)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit mode: we issue BEGIN/COMMIT ourselves. The default rollback journal (DELETE)
    # leaves one self-contained file whenever no transaction is running.
    conn = sqlite3.connect(path, timeout=0.25, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _check_header(p: Path) -> None:
    """Refuse files that are missing, not SQLite, or shorter than their header says."""
    try:
        size = p.stat().st_size
        with p.open("rb") as fh:
            header = fh.read(100)
    except FileNotFoundError:
        raise MinutesError(f"{p} does not exist.") from None
    except IsADirectoryError:
        raise FileFormatError(f"{p} is a folder, not a .minutes file.") from None
    except PermissionError:
        raise FileLockedError(f"You do not have permission to read {p}.") from None
    if not header.startswith(SQLITE_MAGIC):
        raise FileFormatError(f"{p.name} is not a minutes document (it is not a .minutes file).")
    if len(header) < 100:
        raise FileFormatError(f"{p.name} is truncated: the file ends inside its header.")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if size < page_size * pages:
        raise FileFormatError(
            f"{p.name} is truncated: it holds {size:,} bytes of {page_size * pages:,}. "
            "Use a complete copy of the file."
        )


def _check_identity(conn: sqlite3.Connection, p: Path) -> int:
    """Return the schema version, refusing foreign and newer files."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise FileFormatError(f"{p.name} is an SQLite database but not a minutes document.")
    if version > SCHEMA_VERSION:
        raise NewerFileError(
            f"{p.name} was saved by a newer version of minutes_app (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}). Please update minutes_app."
        )
    integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
    if integrity != "ok":
        raise FileFormatError(f"{p.name} is damaged ({integrity}).")
    return int(version)


def _lock(conn: sqlite3.Connection, p: Path) -> None:
    """Hold an exclusive lock for as long as the file is open (released on close or crash)."""
    if not os.access(p, os.W_OK) or not os.access(p.parent, os.W_OK):
        raise FileLockedError(f"{p.name} is read-only here; use Save As to keep a copy.")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("COMMIT")


def _locked(p: Path) -> FileLockedError:
    return FileLockedError(
        f"{p.name} is open in another minutes_app window or process. "
        "Close it there first, or open a copy."
    )


def _write_all(conn: sqlite3.Connection, m: Minutes, rounds: bool = True) -> None:
    conn.executemany("INSERT INTO meta VALUES (?, ?)", codec.meta_rows(m))
    conn.executemany(
        codec.INSERT_SECTION,
        [codec.section_row(s, i) for i, s in enumerate(m.sections)],
    )
    conn.executemany(
        codec.INSERT_PARAGRAPH,
        [codec.paragraph_row(p, s.id, i) for s in m.sections for i, p in enumerate(s.paragraphs)],
    )
    if rounds:
        conn.executemany("INSERT INTO round VALUES (?, ?, ?, ?, ?)",
                         [codec.round_row(r) for r in m.rounds])


def _write_change(conn: sqlite3.Connection, m: Minutes, change: Change) -> None:
    conn.executemany("DELETE FROM paragraph WHERE id = ?",
                     [(pid,) for pid in change.removed_paragraphs])
    conn.executemany("DELETE FROM section WHERE id = ?",
                     [(sid,) for sid in change.removed_sections])
    rows = []
    for pid in change.paragraphs:
        section = m.section_of(pid)
        index = next(i for i, p in enumerate(section.paragraphs) if p.id == pid)
        rows.append(codec.paragraph_row(section.paragraphs[index], section.id, index))
    conn.executemany(codec.INSERT_PARAGRAPH, rows)
    positions = {s.id: i for i, s in enumerate(m.sections)}
    conn.executemany(
        codec.INSERT_SECTION,
        [codec.section_row(m.section(sid), positions[sid]) for sid in change.sections],
    )
    if change.meta:
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", codec.meta_rows(m))
