"""The .minutes file: round trips, incremental writes, locking, bad files, crashes."""

from __future__ import annotations

import dataclasses

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.errors import FileFormatError, FileLockedError, MinutesError, NewerFileError
from minutes_app.model import Change, Lang, Minutes, Round, SetText, Side
from minutes_app.model.serialize import minutes_out
from minutes_app.store import SCHEMA_VERSION, MinutesFile
from minutes_app.store import schema as schema_module

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_minutes() -> Minutes:
    """The demo before any round (the writer helper edits untracked text)."""
    from minutes_app.workflows.templates import demo

    return demo(history=False)


def test_the_negotiated_demo_round_trips(tmp_path: Path) -> None:
    """Rounds, pending revisions, deletions inside insertions, brackets, ad ref: all kept."""
    from minutes_app.workflows.templates import demo

    m = demo()
    path = tmp_path / "negotiated.minutes"
    MinutesFile.create(path, m).close()
    f, loaded = MinutesFile.open(path)
    f.close()
    assert minutes_out(loaded) == minutes_out(m)
    assert len(loaded.rounds) == 2 and any(p.tracks for p in loaded.paragraphs())
    assert any(p.brackets for p in loaded.paragraphs())


def test_save_then_load_equals_the_document(demo_file: Path, demo_minutes: Minutes) -> None:
    f, loaded = MinutesFile.open(demo_file)
    f.close()
    assert minutes_out(loaded) == minutes_out(demo_minutes)


def test_create_refuses_to_overwrite(demo_file: Path, demo_minutes: Minutes) -> None:
    with pytest.raises(MinutesError, match="already exists"):
        MinutesFile.create(demo_file, demo_minutes)


def test_saving_one_paragraph_writes_one_row(demo_file: Path) -> None:
    f, m = MinutesFile.open(demo_file)
    conn = f._conn
    before = conn.total_changes
    pid = m.paragraphs()[5].id
    _, change = SetText(pid, Lang.KO, "양측은 협력을 확대하기로 합의하였다.").apply(m)
    f.write(m, change)
    # the row, and the writer's mark (store.file._stamp): committed alone first, then again
    assert conn.total_changes - before == 3
    before = conn.total_changes
    _, change = SetText(pid, Lang.KO, "양측은 협력을 확대하였다.").apply(m)
    f.write(m, change)
    assert conn.total_changes - before == 2  # a later save: the row and the mark
    f.close()
    f2, again = MinutesFile.open(demo_file)
    f2.close()
    assert again.paragraph(pid).text(Lang.KO) == "양측은 협력을 확대하였다."


def test_rounds_are_append_only(demo_file: Path) -> None:
    f, m = MinutesFile.open(demo_file)
    r = Round(1, Side.KR, "2020-12-10T09:00:00Z", "Round 1",
              {p.id: dict(p.texts) for p in m.paragraphs()})
    f.append_round(r)
    f.append_round(r2 := dataclasses.replace(r, number=2, note="Round 2"))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        f._conn.execute("UPDATE round SET note = 'rewritten'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        f._conn.execute("DELETE FROM round")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        f._conn.execute("DELETE FROM round WHERE number = 1")
    m.rounds = [r]
    f.write(m, Change(), withdrawn=[r2])  # an undone send: only the latest round may go
    f.close()
    f2, again = MinutesFile.open(demo_file)
    f2.close()
    assert again.rounds == [r]


def _spawn(module: str, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", module, str(path)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def test_a_file_held_by_another_process_is_reported(demo_file: Path) -> None:
    holder = _spawn("tests.helpers.holder", demo_file)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        before = demo_file.read_bytes()
        with pytest.raises(FileLockedError, match="open in another"):
            MinutesFile.open(demo_file)
        assert demo_file.read_bytes() == before
    finally:
        _stop(holder)
    MinutesFile.open(demo_file)[0].close()  # released when the holder died


def test_sigkill_during_a_stream_of_edits_keeps_every_committed_edit(demo_file: Path) -> None:
    writer = _spawn("tests.helpers.writer", demo_file)
    committed: dict[int, int] = {}
    assert writer.stdout is not None
    for line in writer.stdout:
        _, i, pid = line.split()
        committed[int(pid)] = int(i)
        if len(committed) > 5 and int(i) >= 300:
            writer.send_signal(signal.SIGKILL)
            break
    writer.wait()
    writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    f, m = MinutesFile.open(demo_file)
    f.close()
    for done_pid, step in committed.items():
        text = m.paragraph(done_pid).text(Lang.KO)
        # the writer may have committed one more edit after its last report, never fewer
        assert text.startswith("편집 ")
        assert int(text.split()[1].rstrip("번째")) >= step


def _bytes_unchanged(path: Path, exc: type[Exception], match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(exc, match=match):
        MinutesFile.open(path)
    assert path.read_bytes() == before


def test_a_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.minutes"
    path.write_text("These are not minutes.\n" * 20)
    _bytes_unchanged(path, FileFormatError, "not a minutes document")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.minutes"
    path.write_bytes(b"")
    _bytes_unchanged(path, FileFormatError, "not a minutes document")


def test_a_truncated_file_is_refused(demo_file: Path) -> None:
    data = demo_file.read_bytes()
    demo_file.write_bytes(data[: len(data) // 2])
    _bytes_unchanged(demo_file, FileFormatError, "truncated")


def test_a_corrupt_file_is_refused(demo_file: Path) -> None:
    data = bytearray(demo_file.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page * 2, len(data), 7):  # scribble over every page after the first two
        data[offset] = 0xFF
    demo_file.write_bytes(bytes(data))
    _bytes_unchanged(demo_file, FileFormatError, "damaged")


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.minutes"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _bytes_unchanged(path, FileFormatError, "not a minutes document")


def test_a_file_from_a_newer_version_is_refused(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    _bytes_unchanged(demo_file, NewerFileError, "newer version")


def test_an_older_file_is_migrated_forward(demo_file: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    """A future schema 2 adds a table; a schema-1 file is migrated when opened."""
    from minutes_app.store import file as file_module

    def add_history(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE future_notes (time TEXT, what TEXT)")

    monkeypatch.setitem(schema_module.MIGRATIONS, SCHEMA_VERSION, add_history)
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(file_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    f, m = MinutesFile.open(demo_file)
    version = f._conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in f._conn.execute("SELECT name FROM sqlite_master")}
    f.close()
    assert version == SCHEMA_VERSION + 1 and "future_notes" in tables
    assert len(m.paragraphs()) == 18


def _write_version_1(path: Path, m: Minutes) -> None:
    """A file as the first release wrote it (schema 1: no revisions, no history)."""
    from minutes_app.store import codec

    conn = sqlite3.connect(path)
    conn.executescript(schema_module.SCHEMA_V1)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [r[:2] for r in codec.meta_rows(m)])
    conn.executemany("INSERT INTO section VALUES (?, ?, ?, ?)",
                     [codec.section_row(s, i)[:4] for i, s in enumerate(m.sections)])
    conn.executemany("INSERT INTO paragraph VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [codec.paragraph_row(p, s.id, i)[:8]
                      for s in m.sections for i, p in enumerate(s.paragraphs)])
    conn.execute(f"PRAGMA application_id = {schema_module.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_version_1_file_is_migrated_to_the_current_schema(tmp_path: Path,
                                                            demo_minutes: Minutes) -> None:
    path = tmp_path / "old.minutes"
    _write_version_1(path, demo_minutes)
    f, m = MinutesFile.open(path)
    version = f._conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in f._conn.execute("SELECT name FROM sqlite_master")}
    f.close()
    assert version == SCHEMA_VERSION == 4
    assert "history" in tables
    for p in demo_minutes.paragraphs():
        p.agreed_texts = {}  # version 1 did not record what was agreed
    assert minutes_out(m) == minutes_out(demo_minutes)


def test_a_read_only_file_says_so(demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    # root (as in CI) may write anything, so the permission answer is simulated
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    _bytes_unchanged(demo_file, FileLockedError, "read-only")


def test_save_as_copies_and_keeps_editing_the_copy(demo_file: Path, tmp_path: Path) -> None:
    f, m = MinutesFile.open(demo_file)
    copy = f.save_as(tmp_path / "copy.minutes")
    pid = m.paragraphs()[3].id
    _, change = SetText(pid, Lang.EN, "Edited in the copy.").apply(m)
    copy.write(m, change)
    copy.close()
    original, om = MinutesFile.open(demo_file)
    original.close()
    assert om.paragraph(pid).text(Lang.EN) != "Edited in the copy."
    c2, cm = MinutesFile.open(tmp_path / "copy.minutes")
    c2.close()
    assert cm.paragraph(pid).text(Lang.EN) == "Edited in the copy."
