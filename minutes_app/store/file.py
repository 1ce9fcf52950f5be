"""The .minutes file: one SQLite database, written transactionally and incrementally."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from minutes_app.errors import (
    FileChangedError, FileFormatError, FileLockedError, MinutesError,
    StoreWriteError,
)
from minutes_app.model import Change, Minutes, Round
from minutes_app.model.keys import random_hex
from minutes_app.outputs import output_target, replace_file, reserve, temporary_for
from minutes_app.store import codec
from minutes_app.store.opening import (
    bound, check_complete, check_exists, check_identity, check_leftovers, check_path_length,
    hot_journal, read_only_copy, unbound,
)
from minutes_app.store.failures import (
    check_folder, damaged_error, read_error, write_error,
)
from minutes_app.store.reading import Reader
from minutes_app.store.writing import (
    History, add_history, discard, rollback, write_all_rows, write_change, write_session,
)
from minutes_app.store.schema import SCHEMA_VERSION, create_schema, migrate

log = logging.getLogger(__name__)

SUFFIX = ".minutes"


class MinutesFile:
    """An open .minutes file, held exclusively by this process until ``close``.

    A read-only one holds an in-memory copy: reading it never wrote the file, and every write
    is refused (Save As writes a copy). ``damage`` lists the places a salvaged open left out.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool = False) -> None:
        self.path = path
        self._conn = conn
        self.read_only = read_only
        self.damage: list[tuple[str, str, str]] = []
        self.closed = False
        self._identity = None if read_only else _identity(path)
        self._held: tuple[int, int] | None = None  # its key in _HELD while this process holds it
        self._session: str | None = None  # this opening's mark, once written (see _stamp)

    # -- opening and creating --------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], m: Minutes, overwrite: bool = False
               ) -> MinutesFile:
        """Write ``m`` as a new file (atomically: a temporary file renamed into place)."""
        target = Path(path)
        if target.exists() and not overwrite:
            raise MinutesError(code="exists", name=str(target))
        if not m.document_id:  # a new document (a copy keeps the id it has)
            m.document_id = random_hex()
        check_folder(target)
        tmp = temporary_for(target)
        check_path_length(target, len(tmp.name) - len(output_target(target).name))
        try:
            os.close(reserve(tmp, target))  # private while written, if it replaces a file
            conn = _connect(tmp)
        except (OSError, sqlite3.Error) as exc:
            raise write_error(target, exc) from None
        try:
            conn.execute("BEGIN IMMEDIATE")
            create_schema(conn)
            write_all_rows(conn, m)
            session = random_hex()
            write_session(conn, session)
            conn.execute("COMMIT")
            conn.close()
            replace_file(tmp, target)  # as the file it replaces was, synced
        except (OSError, sqlite3.Error) as exc:
            discard(conn, tmp)
            raise write_error(target, exc) from None
        except BaseException:
            discard(conn, tmp)
            raise
        opened, _ = cls.open(target, load=False)
        opened._session = session  # written with it: no mark of its own to commit first
        return opened

    @classmethod
    def open(cls, path: str | os.PathLike[str], load: bool = True, read_only: bool = False,
             salvage: bool = False) -> tuple[MinutesFile, Minutes]:
        """Open, check, lock and load a file; raise a MinutesError the user can act on.

        ``read_only`` never writes the file (an older one is migrated in memory);
        ``salvage`` (read-only) opens what is intact of a damaged file instead of refusing.
        """
        p = Path(path)
        holder = _held_by_us(p)
        if holder is not None:  # never opened anew here: see _held_by_us
            return holder._copy(read_only or salvage, load)
        check_exists(p)
        check_leftovers(p)  # another file's journal must never be rolled into this one
        if hot_journal(p) is None:  # else SQLite must roll the journal back before we judge
            check_complete(p)
        read_only = read_only or salvage
        try:
            conn = read_only_copy(p) if read_only else _connect(p)
        except sqlite3.Error as exc:
            raise read_error(p, exc) from None
        try:
            m = _load(conn, p, load, read_only, salvage)
        except sqlite3.Error as exc:
            conn.close()
            raise read_error(p, exc) from None
        except BaseException:
            conn.close()
            raise
        opened = cls(p, conn, read_only)
        opened.damage = m.damage
        if not read_only:
            opened._held = _inode(p)
            _HELD[opened._held] = opened
        return opened, m.minutes

    def _copy(self, read_only: bool, load: bool) -> tuple[MinutesFile, Minutes]:
        """Another opening of the file this process holds: refused for writing, as another
        process's would be; for reading, a copy made through the holder's own connection."""
        if not read_only:
            raise FileLockedError(code="locked", name=self.path.name)
        memory = sqlite3.connect(":memory:", isolation_level=None)
        self._conn.backup(memory)
        try:
            m = _load(memory, self.path, load, True, False)
        except sqlite3.Error as exc:
            memory.close()
            raise read_error(self.path, exc) from None
        opened = MinutesFile(self.path, memory, True)
        opened.damage = m.damage
        return opened, m.minutes

    # -- writing ---------------------------------------------------------------
    def write(self, m: Minutes, change: Change, rounds: Sequence[Round] = (),
              history: Sequence[History] = (), withdrawn: Sequence[Round] = (),
              unrecorded: Sequence[History] = ()) -> None:
        """Persist what ``change`` touched, new rounds and history entries in one transaction.

        ``withdrawn`` rounds (the latest ones) and ``unrecorded`` history entries are removed
        first: an undone send, import or merge takes them back.
        """
        if change.empty and not (rounds or history or withdrawn or unrecorded):
            return

        def body(conn: sqlite3.Connection) -> None:
            for r in sorted(withdrawn, key=lambda r: -r.number):  # the trigger: latest first
                conn.execute("DELETE FROM round WHERE number = ?", (r.number,))
            for entry in reversed(unrecorded):
                conn.execute("DELETE FROM history WHERE id = (SELECT MAX(id) FROM history"
                             " WHERE time = ? AND kind = ? AND data = ?)", entry)
            write_change(conn, m, change)
            conn.executemany(codec.INSERT_ROUND, [codec.round_row(r) for r in rounds])
            add_history(conn, history)

        self._transaction(body)

    def write_all(self, m: Minutes) -> None:
        """Rewrite the whole document (after a merge or import), keeping the rounds."""
        def body(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM paragraph")
            conn.execute("DELETE FROM section")
            conn.execute("DELETE FROM meta")
            write_all_rows(conn, m, rounds=False)

        self._transaction(body)

    def append_round(self, r: Round) -> None:
        """Add a round; rounds already stored can never change."""
        self._transaction(lambda conn: conn.execute(codec.INSERT_ROUND, codec.round_row(r)))

    def add_history(self, time: str, kind: str, data: str) -> None:
        """Record an event (an export and its fingerprints) in the document's history."""
        self._transaction(lambda conn: add_history(conn, [(time, kind, data)]))

    def history(self) -> list[tuple[str, str, str]]:
        """The recorded events, oldest first; a damaged entry (its data not a JSON object, a
        field not text) is left out and named in ``damage``."""
        out: list[tuple[str, str, str]] = []
        for rowid, *entry in self._conn.execute(
                "SELECT id, time, kind, data FROM history ORDER BY id"):
            problem = _history_problem(entry)
            if problem is None:
                out.append((entry[0], entry[1], entry[2]))
            elif ("history", str(rowid), problem) not in self.damage:
                self.damage.append(("history", str(rowid), problem))
        return out

    def check_unchanged(self) -> None:
        """Raise FileChangedError if another program replaced, changed or deleted the file."""
        if self.read_only or self.closed:
            return
        if _identity(self.path) != self._identity or not _ours(self._conn):
            raise FileChangedError(code="file_changed", name=self.path.name)

    def _transaction(self, body: Callable[[sqlite3.Connection], object]) -> None:
        """Run ``body`` in one transaction; a failure leaves the file as it was."""
        if self.read_only:
            raise StoreWriteError(code="opened_read_only", name=self.path.name)
        self.check_unchanged()
        conn = self._conn
        try:
            if self._session is None:
                self._session = _stamp(conn)
            conn.execute("BEGIN IMMEDIATE")
            body(conn)
            write_session(conn, self._session)  # its page in every save's journal
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            rollback(conn)
            raise write_error(self.path, exc) from None
        except BaseException:
            rollback(conn)
            raise
        finally:
            self._identity = _identity(self.path)

    def save_as(self, path: str | os.PathLike[str], m: Minutes | None = None) -> MinutesFile:
        """Copy this file to ``path`` and return the copy, open; this one is closed.

        A salvaged file is written from ``m`` (what was intact), with its history.
        """
        target = Path(path)
        if self.damage and m is not None:
            history = self.history()
            copy = MinutesFile.create(target, m, overwrite=True)
            copy._transaction(lambda conn: add_history(conn, history))
            self.close()
            return copy
        check_folder(target)
        tmp = temporary_for(target)
        check_path_length(target, len(tmp.name) - len(output_target(target).name))
        try:
            os.close(reserve(tmp, target))
            dest = sqlite3.connect(tmp)
            try:
                self._conn.backup(dest)
            finally:
                dest.close()
            replace_file(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            raise write_error(target, exc) from None
        self.close()
        copy, _ = MinutesFile.open(target, load=False)
        return copy

    def close(self) -> None:
        """Release the file (other instances may open it afterwards)."""
        self.closed = True
        if self._held is not None and _HELD.get(self._held) is self:
            del _HELD[self._held]  # by the key it was held under: the path may name another
        self._conn.close()


def _stamp(conn: sqlite3.Connection) -> str:
    """Commit a new random mark for this opening before its first save.

    A save's journal then always holds this opening's mark (the save rewrites it), so a
    journal of another copy is told from ours even when that copy was killed in its first save
    after the two parted: its pages are of the state both copies shared, and the pages alone
    cannot tell (``store.journal``, ``opening.check_leftovers``).
    """
    token = random_hex()
    conn.execute("BEGIN IMMEDIATE")
    write_session(conn, token)
    conn.execute("COMMIT")
    return token


# The files this process holds, by device and inode. Opening one of them again must not touch
# it: checking it reads its header, and closing any descriptor of a file releases every POSIX
# lock the process holds on it, SQLite's too, so another process could then write into it.
_HELD: dict[tuple[int, int], MinutesFile] = {}


def _inode(p: Path) -> tuple[int, int]:
    """The device and inode of ``p`` (a stat: no descriptor opened)."""
    identity = _identity(p)
    return (identity[0], identity[1]) if identity is not None else (-1, -1)


def _held_by_us(p: Path) -> MinutesFile | None:
    """The open MinutesFile of this process holding ``p``, if one does."""
    holder = _HELD.get(_inode(p))
    return holder if holder is not None and not holder.closed else None


def _history_problem(entry: list[object]) -> str | None:
    """Why a history row cannot be used (the table has no checksum: any tool can write it)."""
    if not all(isinstance(v, str) for v in entry):
        return "value"
    try:
        data = json.loads(str(entry[2]))
    except ValueError:
        return "json"
    return None if isinstance(data, dict) else "value"


class _Loaded:
    def __init__(self, minutes: Minutes, damage: list[tuple[str, str, str]]) -> None:
        self.minutes, self.damage = minutes, damage


def _load(conn: sqlite3.Connection, p: Path, load: bool, read_only: bool, salvage: bool
          ) -> _Loaded:
    """Recover, check and read an open connection (the file's own, or a memory copy)."""
    bound(conn)
    if not read_only:
        conn.execute("PRAGMA schema_version").fetchone()  # SQLite rolls a hot journal back
        check_complete(p)
    version = check_identity(conn, p)
    if not read_only:
        _lock(conn, p)
    if version < SCHEMA_VERSION:
        log.info("migrating %s from schema %d to %d", p, version, SCHEMA_VERSION)
        unbound(conn)
        migrate(conn, version)  # in memory when read-only: the file is never written
        bound(conn)
    if not load:
        unbound(conn)
        return _Loaded(Minutes(), [])
    reader = Reader(conn)
    m = reader.minutes()
    unbound(conn)
    if reader.damage and not (salvage and not reader.fatal):
        raise damaged_error(p, reader)
    return _Loaded(m, reader.damage)


def _identity(p: Path) -> tuple[int, int, int, int] | None:
    """What tells our file from one renamed over it or rewritten by another program."""
    try:
        st = p.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _ours(conn: sqlite3.Connection) -> bool:
    """The open file still carries our application id, read through its own connection.

    Never by opening the file anew: closing any descriptor of a file releases every POSIX lock
    the process holds on it, SQLite's too, and another process could then write into the
    file the window holds (the path's identity, checked first, tells a file renamed over it).
    """
    from minutes_app.store.schema import APPLICATION_ID

    try:
        row = conn.execute("PRAGMA application_id").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == APPLICATION_ID


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit mode: we issue BEGIN/COMMIT ourselves. The default rollback journal (DELETE)
    # leaves one self-contained file whenever no transaction is running.
    conn = sqlite3.connect(path, timeout=0.25, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _lock(conn: sqlite3.Connection, p: Path) -> None:
    """Hold an exclusive lock for as long as the file is open (released on close or crash)."""
    if not os.access(p, os.W_OK) or not os.access(p.parent, os.W_OK):
        raise FileLockedError(code="read_only", name=p.name)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        # another tool's setting: our writes would sit in a -wal beside the file, and a copy
        # of the file alone would lack them
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("COMMIT")


__all__ = ["SUFFIX", "FileFormatError", "MinutesFile"]
