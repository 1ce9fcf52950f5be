"""The SQL a save runs on a .minutes file: every row of a document, what one change touched,
history entries; and undoing a failed one."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from minutes_app.model import Change, Minutes
from minutes_app.store import codec
from minutes_app.store.checksum import with_checksum

log = logging.getLogger(__name__)

History = tuple[str, str, str]  # time, kind, data
SESSION = "session"  # meta key: the random mark of the opening that wrote the file last


def write_session(conn: sqlite3.Connection, token: str) -> None:
    """Mark the file with this opening's ``token`` (``store.journal``: whose journal is whose)."""
    conn.execute(codec.INSERT_META, with_checksum((SESSION, codec.dumps(token))))


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite ends some on its own, e.g. disk full)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.exception("rollback failed")


def discard(conn: sqlite3.Connection, tmp: Path) -> None:
    """Close a failed new file's connection and remove it and its journal."""
    conn.close()
    tmp.unlink(missing_ok=True)
    Path(f"{tmp}-journal").unlink(missing_ok=True)


def add_history(conn: sqlite3.Connection, entries: Sequence[History]) -> None:
    """Append history entries (time, kind, data)."""
    conn.executemany("INSERT INTO history (time, kind, data) VALUES (?, ?, ?)", entries)


def write_all_rows(conn: sqlite3.Connection, m: Minutes, rounds: bool = True) -> None:
    """Every row of ``m`` (its rounds too, unless told not)."""
    conn.executemany(codec.INSERT_META, codec.meta_rows(m))
    conn.executemany(codec.INSERT_SECTION,
                     [codec.section_row(s, i) for i, s in enumerate(m.sections)])
    conn.executemany(
        codec.INSERT_PARAGRAPH,
        [codec.paragraph_row(p, s.id, i) for s in m.sections for i, p in enumerate(s.paragraphs)],
    )
    if rounds:
        conn.executemany(codec.INSERT_ROUND, [codec.round_row(r) for r in m.rounds])


def write_change(conn: sqlite3.Connection, m: Minutes, change: Change) -> None:
    """The rows ``change`` touched or removed."""
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
        conn.executemany(codec.INSERT_META, codec.meta_rows(m))
