"""The leftover-journal gap the pages cannot close (files12, item 3): two copies of one file;
one made a save; the other was killed midway through the same kind of save, touching the same
pages, and its journal came to lie beside the first. Played back there it would give the two
copies' common state, sound in every row: the first copy's save would be lost without a word.

The copies are real (a file copied, a ``send`` in each, one killed by strace mid-save)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from minutes_app.errors import FileFormatError
from minutes_app.store import MinutesFile
from minutes_app.store.journal import could_be_ours, read_journal
from tests.faults.scenes import cli, small_document, state

PAGE = 4096
NOTE = 12_000  # both sends: a round note this long, so both saves touch the same pages


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _last_hot_journal(doc: Path, note: str) -> tuple[Path, Path]:
    """Kill ``send`` on a copy of ``doc`` at each write in turn; the copy and the journal of
    the last kill that left a hot journal with every page it holds already rewritten (the save
    as far along as a save can be and not be done)."""
    assert shutil.which("strace"), "strace is needed (Debian package strace)"
    found: tuple[Path, Path] | None = None
    for n in range(1, 200):
        work = doc.parent / f"kill-{n}"
        work.mkdir()
        target = work / doc.name
        shutil.copyfile(doc, target)
        killed = cli("send", str(target), "--note", note,
                     strace=["-P", str(target), "-e", f"inject=pwrite64:signal=SIGKILL:when={n}"])
        if killed.returncode == 0:
            break
        journal = Path(f"{target}-journal")
        if journal.exists():
            with journal.open("rb") as fh:
                played = read_journal(fh)
            data = target.read_bytes()
            if played is not None and all(data[(k - 1) * PAGE:k * PAGE] != c
                                          for k, c in played.pages.items()):
                found = (target, journal)
    assert found is not None, "no kill left a hot journal"
    return found


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("one-save-ahead")
    base = small_document(work / "minutes.minutes")
    crashed, journal = _last_hot_journal(base, "x" * NOTE)
    return {"base": base, "crashed": crashed, "journal": journal}


def _mark(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (value,) = conn.execute("SELECT value FROM meta WHERE key = 'session'").fetchone()
    finally:
        conn.close()
    return str(value)


def test_each_opening_marks_the_file_before_its_first_save(tmp_path: Path) -> None:
    """What tells the copies apart: an opening commits its own random mark before it saves,
    and every save writes it again, so its page is in every journal of that opening."""
    doc = small_document(tmp_path / "minutes.minutes")
    created, untouched = _mark(doc), _digest(doc)
    f, m = MinutesFile.open(doc)
    f.close()
    assert _digest(doc) == untouched  # an opening that saves nothing writes nothing
    f, m = MinutesFile.open(doc)
    try:
        f.add_history("2020-12-18T10:00:00Z", "note", "{}")
        f.add_history("2020-12-18T10:01:00Z", "note", "{}")
    finally:
        f.close()
    first = _mark(doc)
    assert first != created
    assert cli("send", str(doc)).returncode == 0
    assert _mark(doc) not in (created, first)  # another opening, another mark
    assert m.document_id and state(doc)  # and the document reads as ever


def test_a_copy_one_save_ahead_refuses_the_other_copys_journal(
        copies: dict[str, Path], tmp_path: Path) -> None:
    ours = tmp_path / "minutes.minutes"
    shutil.copyfile(copies["base"], ours)
    assert cli("send", str(ours), "--note", "y" * NOTE).returncode == 0  # our one save
    saved = state(ours)
    shutil.copyfile(copies["journal"], f"{ours}-journal")
    # what the pages say cannot tell it from our own save killed after its last page
    assert could_be_ours(ours, Path(f"{ours}-journal"))
    before = _digest(ours)
    for args in (["info", str(ours)], ["send", str(ours)]):
        done = cli(*args)
        assert done.returncode == 1, (args, done.stdout)
        assert "leftover journal" in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert _digest(ours) == before and Path(f"{ours}-journal").exists()
    with pytest.raises(FileFormatError) as refused:
        MinutesFile.open(ours)
    assert refused.value.code == "foreign_journal"
    Path(f"{ours}-journal").unlink()
    assert state(ours) == saved  # our save is all there


def test_the_crashed_copy_still_takes_its_own_journal_back(
        copies: dict[str, Path], tmp_path: Path) -> None:
    ours = tmp_path / "minutes.minutes"
    shutil.copyfile(copies["crashed"], ours)
    shutil.copyfile(copies["journal"], f"{ours}-journal")
    done = cli("info", str(ours))
    assert done.returncode == 0, done.stderr
    assert state(ours) == state(copies["base"])  # the killed send never happened
    assert cli("send", str(ours)).returncode == 0
    assert not Path(f"{ours}-journal").exists()
