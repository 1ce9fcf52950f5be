"""Opening a current file compares its schema with a stored digest instead of replaying every
migration: the digest must be the one the migrations build, and anything else is still refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from minutes_app.errors import FileFormatError
from minutes_app.store import SCHEMA_VERSION, MinutesFile
from minutes_app.store import schema as schema_module
from minutes_app.store.schema import (
    CURRENT_SCHEMA_DIGEST, expected_schema, schema_digest, schema_of,
)


def test_the_stored_digest_is_the_schema_the_migrations_build() -> None:
    assert schema_digest(expected_schema(SCHEMA_VERSION)) == CURRENT_SCHEMA_DIGEST


def test_a_file_we_wrote_has_that_schema(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    try:
        assert schema_digest(schema_of(conn)) == CURRENT_SCHEMA_DIGEST
    finally:
        conn.close()


def test_the_digest_ignores_row_order_and_sees_every_difference() -> None:
    schema = expected_schema(SCHEMA_VERSION)
    assert schema_digest(set(reversed(sorted(schema)))) == CURRENT_SCHEMA_DIGEST
    kind, name, sql = sorted(schema)[0]
    assert schema_digest((schema - {(kind, name, sql)}) | {(kind, name, sql + " ")}) \
        != CURRENT_SCHEMA_DIGEST


def test_a_current_file_opens_without_replaying_the_migrations(
        demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def replay(version: int) -> set[tuple[str, str, str]]:
        raise AssertionError("the migrations were replayed")

    monkeypatch.setattr("minutes_app.store.opening.expected_schema", replay)
    file, minutes = MinutesFile.open(demo_file)
    file.close()
    assert minutes.paragraphs()


@pytest.mark.parametrize("statement", [
    "CREATE TABLE notes (what TEXT)",
    "CREATE INDEX paragraph_status ON paragraph (status)",
    "CREATE VIEW texts AS SELECT texts FROM paragraph",
    "DROP TRIGGER round_no_delete",
])
def test_a_file_with_another_schema_is_still_refused(demo_file: Path, statement: str) -> None:
    conn = sqlite3.connect(demo_file, isolation_level=None)
    conn.execute(statement)
    conn.close()
    before = demo_file.read_bytes()
    with pytest.raises(FileFormatError):
        MinutesFile.open(demo_file)
    assert demo_file.read_bytes() == before


def test_an_older_file_is_still_checked_against_its_own_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.minutes"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in schema_module.SCHEMA_V1.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {schema_module.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TABLE notes (what TEXT)")
    conn.close()
    with pytest.raises(FileFormatError):
        MinutesFile.open(path)
