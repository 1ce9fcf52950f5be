"""A checksum per stored row, so rows changed outside the app (a bit flip, a hand edit) show.

The checksum covers the row's values as written, in the column order of ``COLUMNS``; rows
written before schema 3 get theirs when the file is migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

try:  # hashlib's own blake2b, without the OpenSSL library hashlib loads (ms at start-up)
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as blake2b

COLUMNS: dict[str, str] = {
    "meta": "key, value",
    "section": "id, position, heading, numbered, tracks",
    "paragraph": ("id, section_id, position, texts, voice, status, ad_ref_side, comments,"
                  " tracks, mark, brackets, agreed"),
    "round": "number, side, time, note, snapshot",
}
KEYS = {"meta": "key", "section": "id", "paragraph": "id", "round": "number"}


def checksum(values: Sequence[Any]) -> str:
    """The checksum of one row's values (64 bits of BLAKE2: enough to see a change).

    ``repr`` of the tuple of str, int and None is exact and much cheaper than JSON: the
    whole document's rows are checked on every load.
    """
    return blake2b(repr(tuple(values)).encode(), digest_size=8).hexdigest()


def with_checksum(values: Sequence[Any]) -> tuple[Any, ...]:
    """The row followed by its checksum, ready for ``insert(table)``."""
    return (*values, checksum(values))


def insert(table: str, replace: bool = False) -> str:
    """The INSERT statement of ``table``, checksum included."""
    columns = COLUMNS[table]
    marks = ", ".join("?" * (columns.count(",") + 2))
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    return f"{verb} INTO {table} ({columns}, checksum) VALUES ({marks})"


def fill_checksums(conn: sqlite3.Connection) -> None:
    """Give every row of an older file its checksum (part of the v2→v3 migration)."""
    for table, columns in COLUMNS.items():
        key = KEYS[table]
        rows = list(conn.execute(f"SELECT {columns} FROM {table}"))
        index = [c.strip() for c in columns.split(",")].index(key)
        conn.executemany(f"UPDATE {table} SET checksum = ? WHERE {key} = ?",
                         [(checksum(r), r[index]) for r in rows])
