"""The .minutes schema, its version and the forward migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x4D494E55  # "MINU": tells our files from other SQLite databases
SCHEMA_VERSION = 4
# ``schema_digest`` of what ``expected_schema(SCHEMA_VERSION)`` builds, so that opening a current
# file need not replay every migration on an empty database first (a test recomputes it; a file
# that does not match is still checked against the full expected schema).
CURRENT_SCHEMA_DIGEST = "96ff65f6ce461628217584e1ce861c18"

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE section (
    id INTEGER PRIMARY KEY, position INTEGER NOT NULL, heading TEXT NOT NULL,
    numbered INTEGER NOT NULL);
CREATE TABLE paragraph (
    id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL, position INTEGER NOT NULL,
    texts TEXT NOT NULL, voice TEXT, status TEXT NOT NULL, ad_ref_side TEXT,
    comments TEXT NOT NULL);
CREATE TABLE round (
    number INTEGER PRIMARY KEY, side TEXT NOT NULL, time TEXT NOT NULL, note TEXT NOT NULL,
    snapshot TEXT NOT NULL);
CREATE TRIGGER round_no_update BEFORE UPDATE ON round
    BEGIN SELECT RAISE(ABORT, 'rounds are append-only'); END;
CREATE TRIGGER round_no_delete BEFORE DELETE ON round
    BEGIN SELECT RAISE(ABORT, 'rounds are append-only'); END;
"""

Migration = Callable[[sqlite3.Connection], None]



def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: pending revisions per paragraph, paragraph marks, and an export history."""
    conn.execute("ALTER TABLE paragraph ADD COLUMN tracks TEXT NOT NULL DEFAULT '{}'")
    conn.execute("ALTER TABLE paragraph ADD COLUMN mark TEXT")
    conn.execute("ALTER TABLE paragraph ADD COLUMN brackets TEXT NOT NULL DEFAULT '{}'")
    conn.execute("ALTER TABLE paragraph ADD COLUMN agreed TEXT NOT NULL DEFAULT '{}'")
    conn.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, time TEXT NOT NULL,"
                 " kind TEXT NOT NULL, data TEXT NOT NULL)")


def _v3_headings(conn: sqlite3.Connection) -> None:
    """Section headings are negotiated text: their pending revisions per language."""
    conn.execute("ALTER TABLE section ADD COLUMN tracks TEXT NOT NULL DEFAULT '{}'")


def _v3_checksums(conn: sqlite3.Connection) -> None:
    """A checksum per row of meta, section, paragraph and round (rows changed outside)."""
    from minutes_app.store.checksum import fill_checksums

    for table in ("meta", "section", "paragraph", "round"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN checksum TEXT")
    # rounds are append-only: lift the guard for this one fill, then restore it as written
    conn.execute("DROP TRIGGER round_no_update")
    fill_checksums(conn)
    conn.execute(_statement("CREATE TRIGGER round_no_update"))


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Version 3: heading revisions, then a checksum per row (over every column, so last)."""
    _v3_headings(conn)
    _v3_checksums(conn)


def _v4_withdraw_rounds(conn: sqlite3.Connection) -> None:
    """Undoing a send, an import or a merge withdraws its round: only the latest one may go."""
    conn.execute("DROP TRIGGER round_no_delete")
    conn.execute("CREATE TRIGGER round_no_delete BEFORE DELETE ON round"
                 " WHEN old.number < (SELECT MAX(number) FROM round)"
                 " BEGIN SELECT RAISE(ABORT, 'rounds are append-only'); END")


def _v4_brackets(conn: sqlite3.Connection) -> None:
    """Brackets become objects anchored to the text (the ``brackets`` column holds them)."""
    from minutes_app.store.migrate_brackets import v4_brackets

    v4_brackets(conn)


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """Version 4: rounds that undo can withdraw; brackets as objects (last: it recomputes the
    paragraphs' checksums with the current columns)."""
    _v4_withdraw_rounds(conn)
    _v4_brackets(conn)


def _statement(prefix: str) -> str:
    """The statement of SCHEMA_V1 that starts with ``prefix`` (recreated word for word)."""
    return next(s.strip() for s in SCHEMA_V1.split(";\n") if s.strip().startswith(prefix))


# MIGRATIONS[v] turns a version-v file into version v+1; each runs inside one transaction.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the current schema in an empty database (inside the caller's transaction)."""
    for statement in SCHEMA_V1.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    for version in range(1, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring a file from ``version`` to SCHEMA_VERSION, all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for v in range(version, SCHEMA_VERSION):
            MIGRATIONS[v](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def expected_schema(version: int) -> set[tuple[str, str, str]]:
    """What ``sqlite_master`` holds in a file of ``version`` that we wrote: (type, name, sql)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for statement in SCHEMA_V1.split(";\n"):
            if statement.strip():
                conn.execute(statement)
        for v in range(1, version):
            MIGRATIONS[v](conn)
        return schema_of(conn)
    finally:
        conn.close()


def schema_digest(schema: set[tuple[str, str, str]]) -> str:
    """A short fingerprint of a schema as ``schema_of`` gives it (independent of row order)."""
    from minutes_app.store.checksum import blake2b

    return blake2b(repr(sorted(schema)).encode(), digest_size=16).hexdigest()


def schema_of(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """The (type, name, sql) of every table, index, view and trigger, whitespace folded."""
    return {(kind, name, " ".join((sql or "").split())) for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master")}
