"""Damaged, crafted, read-only and older .minutes files: a sentence, never a traceback, and
never a write to a file the user only asked to read (issue 12, items 1, 5, 6, 11, 12)."""

from __future__ import annotations

import subprocess

from collections.abc import Callable, Iterator

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from minutes_app.errors import DamagedFileError, FileFormatError
from minutes_app.store import SCHEMA_VERSION, MinutesFile
from minutes_app.workflows.templates import demo
from tests.faults.scenes import cli, small_document, their_copy

READERS = (["show"], ["info"], ["revisions"], ["check"])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _no_traceback(done: subprocess.CompletedProcess[str]) -> str:
    err = done.stderr
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(("minutes-app: error: ", "minutes-app: 오류: ")), err
    return lines[0]


def test_a_send_killed_between_page_writes_is_recovered_not_called_truncated(
        tmp_path: Path) -> None:
    doc = small_document(tmp_path / "f.minutes")
    killed = cli("send", str(doc), "--note", "x" * 20_000,
                 strace=["-e", "inject=pwrite64:signal=SIGKILL:when=14"])
    assert killed.returncode != 0
    assert Path(f"{doc}-journal").exists()  # the kill left a hot journal behind
    shown = cli("info", str(doc))
    assert shown.returncode == 0, shown.stderr
    assert "rounds: 2" in shown.stdout  # the send never happened
    sent = cli("send", str(doc))  # and the file takes the next write
    assert sent.returncode == 0, sent.stderr


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for s in statements:
        conn.execute(s)
    conn.close()


ENDLESS = ("CREATE VIEW paragraph AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
           "FROM n) SELECT i AS id, 1 AS section_id, i AS position, '{}' AS texts, NULL AS "
           "voice, 'draft' AS status, NULL AS ad_ref_side, '[]' AS comments, '{}' AS tracks, "
           "NULL AS mark, '{}' AS brackets, '{}' AS agreed, NULL AS checksum FROM n")


@pytest.mark.parametrize("craft", [
    ["DROP TABLE paragraph", ENDLESS],
    ["CREATE TRIGGER spy AFTER INSERT ON meta BEGIN DELETE FROM section; END"],
    ["CREATE TABLE extra (x)"],
    ["ALTER TABLE paragraph ADD COLUMN hidden TEXT"],
], ids=["endless-view", "foreign-trigger", "extra-table", "extra-column"])
def test_a_crafted_schema_is_refused_before_any_row_is_read(tmp_path: Path,
                                                            craft: list[str]) -> None:
    ours = small_document(tmp_path / "ours.minutes")
    crafted = their_copy(ours, tmp_path / "crafted.minutes")
    _sql(crafted, *craft)
    before = _digest(crafted), _digest(ours)
    for args in (["merge", str(ours), str(crafted)], ["show", str(crafted)]):
        done = cli(*args)  # subprocess timeout: a hang fails the test
        assert done.returncode == 1
        assert "not a minutes document as minutes_app writes them" in _no_traceback(done)
    assert (_digest(crafted), _digest(ours)) == before


def _flip(path: Path) -> None:
    data = path.read_bytes()
    assert b"2021" in data
    path.write_bytes(data.replace(b"2021", b"2020", 1))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "bit-flip-in-a-text": _flip,
    "bad-json-cell": lambda p: _sql(p, "UPDATE paragraph SET texts = '{\"en\": \"cut' "
                                       "WHERE id = (SELECT min(id) FROM paragraph)"),
    "unknown-status": lambda p: _sql(p, "UPDATE paragraph SET status = 'signed?' "
                                        "WHERE id = (SELECT max(id) FROM paragraph)"),
    "missing-meta-row": lambda p: _sql(p, "DELETE FROM meta WHERE key = 'languages'"),
    "dangling-section": lambda p: _sql(p, "UPDATE paragraph SET section_id = 9999 "
                                          "WHERE id = (SELECT min(id) FROM paragraph)"),
    "schema-version-0": lambda p: _sql(p, "PRAGMA user_version = 0"),
}
NAMED = {"bit-flip-in-a-text": "changed outside minutes_app", "bad-json-cell": "not readable",
         "unknown-status": "an unknown value", "missing-meta-row": "languages record: missing",
         "dangling-section": "in a section that does not exist",
         "schema-version-0": "file format 0"}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_content_is_a_refusal_that_names_the_damage(tmp_path: Path, kind: str) -> None:
    path = small_document(tmp_path / "d.minutes")
    DAMAGE[kind](path)
    before = _digest(path)
    for args in (*READERS, ["accept", "--all"], ["send"]):
        done = cli(args[0], str(path), *args[1:])
        assert done.returncode == 1, (args, done.stdout)
        assert NAMED[kind] in _no_traceback(done), (args, done.stderr)
    assert _digest(path) == before


@pytest.mark.parametrize("kind", ["bit-flip-in-a-text", "bad-json-cell", "unknown-status",
                                  "dangling-section"])
def test_the_intact_rest_opens_read_only(tmp_path: Path, kind: str) -> None:
    path = small_document(tmp_path / "d.minutes")
    whole = len(demo().paragraphs())
    DAMAGE[kind](path)
    with pytest.raises(DamagedFileError) as refused:
        MinutesFile.open(path)
    assert refused.value.intact
    f, m = MinutesFile.open(path, salvage=True)
    assert f.read_only and f.damage == refused.value.places
    lost = 0 if kind == "bit-flip-in-a-text" else 1
    assert len(m.paragraphs()) == whole - lost
    copy = f.save_as(tmp_path / "rescued.minutes", m)  # what was intact, in a sound file
    copy.close()
    g, again = MinutesFile.open(tmp_path / "rescued.minutes")
    g.close()
    assert len(again.paragraphs()) == whole - lost


def test_a_missing_languages_row_is_not_salvageable(tmp_path: Path) -> None:
    path = small_document(tmp_path / "d.minutes")
    DAMAGE["missing-meta-row"](path)
    with pytest.raises(DamagedFileError) as refused:
        MinutesFile.open(path, salvage=True)
    assert not refused.value.intact


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Callable[..., list[Path]]]:
    """A folder nobody may write: a read-only tmpfs as root (root ignores file modes),
    ``chmod`` otherwise. Yields a function copying files into it, then locks it."""
    import subprocess

    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = os.geteuid() == 0
    if mounted:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                       check=True)

    def lock(*files: Path) -> list[Path]:
        out = []
        for f in files:
            shutil.copyfile(f, folder / f.name)
            out.append(folder / f.name)
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for f in out:
                f.chmod(0o444)
            folder.chmod(0o555)
        return out

    yield lock
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)
    else:
        folder.chmod(0o755)


def test_read_only_files_can_be_read_and_exported(tmp_path: Path,
        read_only_folder: Callable[..., list[Path]]) -> None:
    ours = small_document(tmp_path / "ours.minutes")
    theirs = their_copy(ours, tmp_path / "theirs.minutes")
    ro, ro_theirs = read_only_folder(ours, theirs)
    before = _digest(ro), _digest(ro_theirs)
    for args in (["show", str(ro)], ["info", str(ro)], ["revisions", str(ro)],
                 ["check", str(ro)], ["report", str(ro), "-o", str(tmp_path / "r.docx")],
                 ["export", str(ro), "--kind", "working", "-o", str(tmp_path / "w.docx")],
                 ["merge", str(ours), str(ro_theirs)]):
        done = cli(*args)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, (args, done.stderr)
        if args[0] != "check":  # check exits 1 when a finding blocks signing
            assert done.returncode == 0, (args, done.stderr)
    assert (tmp_path / "r.docx").exists() and (tmp_path / "w.docx").exists()
    assert (_digest(ro), _digest(ro_theirs)) == before
    refused = cli("accept", str(ro), "--all")  # writing it is refused with a sentence
    assert refused.returncode == 1 and "read-only" in _no_traceback(refused)


def _write_version_1(path: Path) -> Path:
    from minutes_app.model import Side
    from minutes_app.store import codec
    from minutes_app.tracking.rounds import snapshot
    from tests.test_store import _write_version_1 as write

    m = demo(history=False)
    write(path, m)
    r = snapshot(m, Side.KR, "2020-12-10T09:00:00Z", "Draft")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO round VALUES (?, ?, ?, ?, ?)", codec.round_row(r)[:5])
    conn.commit()
    conn.close()
    return path


def test_reading_an_older_file_never_migrates_it_on_disk(tmp_path: Path) -> None:
    old = _write_version_1(tmp_path / "old.minutes")
    ours = tmp_path / "ours.minutes"
    shutil.copyfile(old, ours)
    before = _digest(old)
    assert cli("show", str(old)).returncode == 0
    assert cli("info", str(old)).returncode == 0
    merged = cli("merge", str(ours), str(old))  # ours is migrated (it is written); theirs not
    assert merged.returncode == 0, merged.stderr
    assert _digest(old) == before
    f, _m = MinutesFile.open(old, read_only=True)
    assert f._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # in memory
    f.close()
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_merging_a_copy_with_itself_or_twice_records_nothing(tmp_path: Path) -> None:
    ours = small_document(tmp_path / "ours.minutes")
    same = tmp_path / "same.minutes"
    shutil.copyfile(ours, same)
    before = _digest(ours)
    done = cli("merge", str(ours), str(same))
    assert done.returncode == 0 and done.stdout.startswith("Nothing new"), done
    assert _digest(ours) == before
    theirs = their_copy(ours, tmp_path / "theirs.minutes")
    first = cli("merge", str(ours), str(theirs))
    assert first.returncode == 0 and first.stdout.startswith("Merged round 3"), first
    once = _digest(ours)
    again = cli("merge", str(ours), str(theirs))
    assert again.returncode == 0 and again.stdout.startswith("Nothing new"), again
    assert _digest(ours) == once
    info = json.loads(cli("info", str(ours), "--json").stdout)
    assert info["rounds"] == 3


def test_a_file_refused_by_schema_is_a_format_error(tmp_path: Path) -> None:
    path = small_document(tmp_path / "d.minutes")
    _sql(path, "CREATE VIEW v AS SELECT 1")
    with pytest.raises(FileFormatError, match="a view “v”"):
        MinutesFile.open(path, read_only=True)
