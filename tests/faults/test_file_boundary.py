"""The file boundary (hostile10): another file's journal beside ours, damaged history rows,
pipes and devices, read-only media, long paths, WAL files and the messages they give."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from minutes_app.errors import FileFormatError
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from tests.faults.scenes import cli, small_document
from tests.faults.test_damaged_files import read_only_folder  # noqa: F401 (a fixture)

_WRITER = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('PRAGMA cache_size=1'); c.execute('BEGIN')
c.execute("UPDATE paragraph SET rowid = rowid")
c.execute("DELETE FROM history")
c.execute("UPDATE paragraph SET rowid = rowid")
print('ready', flush=True); time.sleep(60)
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = [x for x in done.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


def _killed_mid_write(path: Path) -> Path:
    """Leave ``path`` as a writer killed mid-transaction leaves it: pages spilled into the
    file, the journal hot beside it. Returns the journal."""
    with subprocess.Popen([sys.executable, "-c", _WRITER, str(path)],
                          stdout=subprocess.PIPE, text=True) as p:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        p.kill()
    journal = Path(f"{path}-journal")
    assert journal.stat().st_size > 0
    return journal


def test_another_files_journal_is_refused_and_ours_stays_byte_identical(
        tmp_path: Path) -> None:
    other = tmp_path / "other" / "minutes.minutes"
    other.parent.mkdir()
    MinutesFile.create(other, demo(agreed=True)).close()
    journal = _killed_mid_write(other)
    ours = small_document(tmp_path / "minutes.minutes")
    returned = tmp_path / "wc.docx"
    assert cli("export", str(ours), "--kind", "working", "-o", str(returned)).returncode == 0
    shutil.copyfile(journal, f"{ours}-journal")  # a folder copied over ours after a crash
    before = _digest(ours)
    for args in (["import", str(ours), str(returned)], ["info", str(ours)],
                 ["--lang", "ko", "accept", str(ours), "--all"]):
        line = _one_line(cli(*args))
        assert "minutes.minutes-journal" in line, line
        assert ("another file" in line) or ("다른 파일" in line), line
        assert _digest(ours) == before
        assert Path(f"{ours}-journal").exists()  # kept: it may explain the other file
    with pytest.raises(FileFormatError) as refused:
        MinutesFile.open(ours)
    assert refused.value.code == "foreign_journal"
    assert _digest(ours) == before


_WAL_WRITER = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("INSERT INTO history (time, kind, data) VALUES ('2020', 'note', '{}')")
c.execute("UPDATE paragraph SET rowid = rowid")
print('ready', flush=True); time.sleep(60)
"""


def _wal_mode(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()


def test_another_files_write_ahead_log_is_refused_too(tmp_path: Path) -> None:
    other = tmp_path / "other" / "minutes.minutes"
    other.parent.mkdir()
    MinutesFile.create(other, demo(agreed=True)).close()
    ours = small_document(tmp_path / "minutes.minutes")
    for path in (other, ours):
        _wal_mode(path)
    with subprocess.Popen([sys.executable, "-c", _WAL_WRITER, str(other)],
                          stdout=subprocess.PIPE, text=True) as p:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        shutil.copyfile(f"{other}-wal", f"{ours}-wal")  # the other's log, left beside ours
        p.kill()
    before = _digest(ours)
    for args in (["send", str(ours)], ["info", str(ours)]):
        line = _one_line(cli(*args))
        assert "minutes.minutes-wal" in line and "another file" in line, line
        assert _digest(ours) == before


def test_our_own_write_ahead_log_is_applied(tmp_path: Path) -> None:
    ours = small_document(tmp_path / "ours.minutes")
    _wal_mode(ours)
    with subprocess.Popen([sys.executable, "-c", _WAL_WRITER, str(ours)],
                          stdout=subprocess.PIPE, text=True) as p:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        p.kill()
    assert Path(f"{ours}-wal").stat().st_size > 0
    f, _m = MinutesFile.open(ours)
    assert ("2020", "note", "{}") in f.history()  # the logged write is there
    f.close()
    assert not Path(f"{ours}-wal").exists()  # folded into the file, in rollback mode again


def test_our_own_journal_is_still_rolled_back(tmp_path: Path) -> None:
    ours = small_document(tmp_path / "ours.minutes")
    f, m = MinutesFile.open(ours)
    history = f.history()
    f.close()
    _killed_mid_write(ours)
    f, again = MinutesFile.open(ours)  # SQLite rolls the killed write back, as before
    assert f.history() == history and again.paragraphs() == m.paragraphs()
    f.close()
    assert not Path(f"{ours}-journal").exists()


@pytest.mark.parametrize("data", ["not json {", "[1, 2]", "42", '{"fingerprints": [1]}'])
def test_a_damaged_history_row_is_skipped_and_named(tmp_path: Path, data: str) -> None:
    doc = small_document(tmp_path / "doc.minutes")
    agreed = tmp_path / "agreed.minutes"
    MinutesFile.create(agreed, demo(agreed=True)).close()
    original = tmp_path / "sign.docx"
    assert cli("export", str(agreed), "--kind", "signing", "--copy-for", "KR",
               "-o", str(original)).returncode == 0
    returned = tmp_path / "wc.docx"
    assert cli("export", str(doc), "--kind", "working", "-o", str(returned)).returncode == 0
    for path, kind in ((doc, "import"), (agreed, "export-signing")):
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("INSERT INTO history (time, kind, data) VALUES ('2020', ?, ?)",
                     (kind, data))
        conn.close()
    f, _m = MinutesFile.open(doc, read_only=True)
    good = f.history()
    assert (data in [d for _t, _k, d in good]) == data.startswith("{")  # objects are kept
    damaged = [d for d in f.damage if d[0] == "history"]
    assert len(damaged) == (0 if data.startswith("{") else 1)
    f.close()
    imported = cli("import", str(doc), str(returned))
    assert imported.returncode == 0, imported.stderr
    verified = cli("verify", str(agreed), str(original))
    assert verified.returncode == 0, verified.stderr
    if not data.startswith("{"):  # said, not hidden
        assert "damaged history entries were left out" in verified.stderr


@pytest.mark.parametrize("kind", ["fifo", "zero", "urandom"])
def test_pipes_and_devices_are_refused_before_reading(tmp_path: Path, kind: str) -> None:
    doc = small_document(tmp_path / "doc.minutes")
    docx, minutes = tmp_path / "x.docx", tmp_path / "x.minutes"
    for p in (docx, minutes):
        if kind == "fifo":
            os.mkfifo(p)
        else:
            p.symlink_to(f"/dev/{kind}")
    before = _digest(doc)
    started = time.monotonic()
    for args in (["import", str(doc), str(docx)], ["verify", str(doc), str(docx)],
                 ["info", str(minutes)], ["merge", str(doc), str(minutes)],
                 ["revisions", str(docx)]):
        line = _one_line(cli(*args))
        assert "is not a file but a device, a pipe or a socket" in line, (args, line)
    assert time.monotonic() - started < 60  # nothing waited on the pipe
    assert _digest(doc) == before


def test_reading_commands_work_on_read_only_media_and_while_the_editor_holds_the_file(
        tmp_path: Path, read_only_folder: Callable[..., list[Path]]) -> None:  # noqa: F811
    agreed = tmp_path / "agreed.minutes"
    MinutesFile.create(agreed, demo(agreed=True)).close()
    original = tmp_path / "sign.docx"
    assert cli("export", str(agreed), "--kind", "signing", "--copy-for", "KR",
               "-o", str(original)).returncode == 0

    def readers(doc: Path) -> None:
        report = tmp_path / f"h{len(list(tmp_path.glob('h*.docx')))}.docx"  # a new one each
        for args in (["verify", str(doc), str(original)], ["compare", str(doc), "--from", "1"],
                     ["blame", str(doc)], ["info", str(doc)],
                     ["history", str(doc), "-o", str(report)]):
            done = cli(*args)
            assert done.returncode == 0, (args, done.stderr)

    held, _m = MinutesFile.open(agreed)  # the editor has it open (the lock is held)
    try:
        readers(agreed)
    finally:
        held.close()
    (ro,) = read_only_folder(agreed)
    before = _digest(ro)
    readers(ro)
    assert _digest(ro) == before


def test_a_wal_file_reads_on_read_only_media_and_is_written_in_rollback_mode(
        tmp_path: Path, read_only_folder: Callable[..., list[Path]]) -> None:  # noqa: F811
    doc = small_document(tmp_path / "wal.minutes")
    conn = sqlite3.connect(doc)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    assert cli("info", str(doc)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("wal")) == [
        "wal.minutes"]  # no -shm, no -wal left by reading
    (ro,) = read_only_folder(doc)
    shown = cli("info", str(ro))
    assert shown.returncode == 0, shown.stderr
    sent = cli("send", str(doc))
    assert sent.returncode == 0, sent.stderr
    with doc.open("rb") as fh:
        assert fh.read(20)[18:20] == b"\x01\x01"  # back in rollback mode: one file
    assert not Path(f"{doc}-wal").exists()


def test_a_path_too_long_for_sqlite_is_said_so(tmp_path: Path) -> None:
    folder = tmp_path
    while len(os.fsencode(folder)) < 520:
        folder = folder / ("가" * 40)
    folder.mkdir(parents=True)
    doc = folder / "x.minutes"
    line = _one_line(cli("demo", str(doc)))
    assert "is too long" in line and "damaged" not in line, line
    shutil.copyfile(small_document(tmp_path / "d.minutes"), doc)
    for lang, words in (("en", "is too long"), ("ko", "경로가 너무 깁니다")):
        line = _one_line(cli("--lang", lang, "info", str(doc)))
        assert words in line, line


def test_an_export_into_a_read_only_folder_names_the_folder(
        tmp_path: Path, read_only_folder: Callable[..., list[Path]]) -> None:  # noqa: F811
    doc = small_document(tmp_path / "doc.minutes")
    (ro,) = read_only_folder(small_document(tmp_path / "other.minutes"))
    line = _one_line(cli("export", str(doc), "--kind", "working", "-o",
                         str(ro.parent / "out.docx")))
    assert "cannot write into the folder" in line and ".part" not in line, line


@pytest.mark.parametrize("sql, words", [
    ("CREATE TABLE evil (x)", "표 “evil”"),
    ("CREATE TRIGGER t AFTER INSERT ON round BEGIN SELECT 1; END", "트리거 “t”"),
    ("CREATE VIEW v AS SELECT 1", "뷰 “v”"),
])
def test_korean_sentences_name_schema_objects_in_korean(tmp_path: Path, sql: str,
                                                        words: str) -> None:
    doc = small_document(tmp_path / "doc.minutes")
    conn = sqlite3.connect(doc, isolation_level=None)
    conn.execute(sql)
    conn.close()
    line = _one_line(cli("--lang", "ko", "info", str(doc)))
    assert words in line, line
    for english in ("table", "trigger", "view"):
        assert english not in line, line


def test_korean_damage_sentence_carries_no_sqlite_english(tmp_path: Path) -> None:
    doc = small_document(tmp_path / "doc.minutes")
    data = bytearray(doc.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2:page * 2 + 64] = b"\xff" * 64  # a b-tree page header destroyed
    doc.write_bytes(bytes(data))
    line = _one_line(cli("--lang", "ko", "info", str(doc)))
    assert "손상" in line, line
    assert "database" not in line and "malformed" not in line, line
