"""A leftover journal of another copy of the same document (same document id, another file)
is refused; our own, left by a save killed midway, is still played back (store11, item 3).

The journals are real: a ``send`` of the CLI killed by strace at one of its writes."""

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

PAGE = 4096  # the page size of every file we write


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _killed_send(doc: Path, note: str) -> Path:
    """Kill ``send`` on ``doc`` at the first write after it wrote every page its journal holds
    (the journal hot, the save half done), as a crash leaves a copy; the journal it left."""
    assert shutil.which("strace"), "strace is needed (Debian package strace)"
    work = doc.parent / "kill"
    work.mkdir()
    for n in range(1, 80):
        target = work / doc.name
        shutil.copyfile(doc, target)
        journal = Path(f"{target}-journal")
        journal.unlink(missing_ok=True)
        killed = cli("send", str(target), "--note", note,
                     strace=["-P", str(target), "-e", f"inject=pwrite64:signal=SIGKILL:when={n}"])
        assert killed.returncode != 0, "the send ended before its pages were written"
        if journal.exists():
            with journal.open("rb") as fh:
                played = read_journal(fh)
            data = target.read_bytes()
            if played is not None and all(data[(k - 1) * PAGE:k * PAGE] != c
                                          for k, c in played.pages.items()):
                return journal
    raise AssertionError("no kill left a hot journal")


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A document; a copy of it that made one save, then crashed in the next; that save's
    journal; and the copy as it stood before the crash."""
    work = tmp_path_factory.mktemp("sibling")
    base = small_document(work / "minutes.minutes")
    crashed = work / "crashed" / "minutes.minutes"
    crashed.parent.mkdir()
    shutil.copyfile(base, crashed)
    assert cli("send", str(crashed), "--note", "note A").returncode == 0
    journal = _killed_send(crashed, "x" * 20_000)
    return {"base": base, "before_crash": _played_back(journal, work / "before-crash"),
            "journal": journal}


def _played_back(journal: Path, folder: Path) -> Path:
    """The crashed copy as it stood when its killed save began (after the first commit of its
    opening, its mark: store.file._stamp), as SQLite's own playback of the journal gives it."""
    folder.mkdir()
    copy = folder / "minutes.minutes"
    shutil.copyfile(journal.with_name(copy.name), copy)
    shutil.copyfile(journal, f"{copy}-journal")
    conn = sqlite3.connect(copy)
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # plays the journal back
    finally:
        conn.close()
    assert not Path(f"{copy}-journal").exists()
    return copy


def test_the_journal_reads_as_the_pages_before_the_save(scene: dict[str, Path]) -> None:
    with scene["journal"].open("rb") as fh:
        played = read_journal(fh)
    assert played is not None and played.page_size == PAGE and played.synced
    before = scene["before_crash"].read_bytes()
    assert played.pages_before == len(before) // PAGE
    assert 1 in played.pages
    for number, content in played.pages.items():  # every checksum held: read as SQLite does
        assert content == before[(number - 1) * PAGE:number * PAGE], number


@pytest.mark.parametrize("saves", [0, 1, 2, 3])
def test_a_journal_of_another_copy_is_refused_and_ours_stays_byte_identical(
        scene: dict[str, Path], tmp_path: Path, saves: int) -> None:
    """The user copied the document; this copy made ``saves`` sends of its own (0: it is older
    than the crashed one; 1: as many as the crashed one, page 1 alike; 2: one more, so its
    change counter is the one a save of the crashed copy would have written) while the other
    copy crashed mid-save, and its journal came to lie beside this one."""
    ours = tmp_path / "minutes.minutes"
    shutil.copyfile(scene["base"], ours)
    for i in range(saves):
        assert cli("send", str(ours), "--note", f"note {'B' if saves == 1 else i}"
                   ).returncode == 0
    shutil.copyfile(scene["journal"], f"{ours}-journal")
    # the pages tell (store.journal) when the counters differ by anything but one commit (a
    # send is two: its opening's mark, then the save; the killed send made its mark); for the
    # copy one commit ahead, the rows the journal would give back fail their checksums
    # (opening._check_rows) and its mark is another opening's (file._stamp)
    assert could_be_ours(ours, Path(f"{ours}-journal")) == (saves == 2)
    before = _digest(ours)
    for args in (["send", str(ours)], ["info", str(ours)], ["--lang", "ko", "info", str(ours)]):
        done = cli(*args)
        assert done.returncode == 1, (args, done.stdout)
        line = done.stderr.strip()
        assert "Traceback" not in line and "minutes.minutes-journal" in line, line
        assert ("leftover journal" in line) or ("저널 파일" in line), line
        assert _digest(ours) == before
        assert Path(f"{ours}-journal").exists()  # kept: the other copy may need it
    with pytest.raises(FileFormatError) as refused:
        MinutesFile.open(ours)
    assert refused.value.code == "foreign_journal"
    Path(f"{ours}-journal").unlink()  # what the sentence tells the user to do
    document = state(ours)
    assert cli("send", str(ours)).returncode == 0  # and the file is whole
    assert state(ours) != document


def test_a_copy_as_it_stood_before_the_crash_takes_the_journal_that_changes_nothing(
        scene: dict[str, Path], tmp_path: Path) -> None:
    ours = tmp_path / "minutes.minutes"
    shutil.copyfile(scene["before_crash"], ours)
    shutil.copyfile(scene["journal"], f"{ours}-journal")
    assert could_be_ours(ours, Path(f"{ours}-journal"))
    before = state(ours)
    f, _m = MinutesFile.open(ours)
    f.close()
    assert not Path(f"{ours}-journal").exists()
    assert state(ours) == before


def test_our_own_journal_of_a_killed_save_is_played_back(
        scene: dict[str, Path], tmp_path: Path) -> None:
    ours = tmp_path / "minutes.minutes"
    shutil.copyfile(scene["journal"].with_name("minutes.minutes"), ours)
    shutil.copyfile(scene["journal"], f"{ours}-journal")
    assert could_be_ours(ours, Path(f"{ours}-journal"))
    done = cli("info", str(ours))
    assert done.returncode == 0, done.stderr
    assert state(ours) == state(scene["before_crash"])  # the killed send never happened
    assert cli("send", str(ours)).returncode == 0
    assert not Path(f"{ours}-journal").exists()


def _half_played(ours: Path, journal: Path) -> bool:
    """Page 1 already put back by a playback, another page not yet."""
    with journal.open("rb") as fh:
        played = read_journal(fh)
    data = ours.read_bytes()
    if played is None or data[:PAGE] != played.pages[1]:
        return False
    return any(data[(n - 1) * PAGE:n * PAGE] != c for n, c in played.pages.items())


def test_a_playback_of_our_journal_killed_at_any_write_still_recovers(
        scene: dict[str, Path], tmp_path: Path) -> None:
    """The save was killed; the next opening, playing the journal back, is killed too."""
    crashed = scene["journal"].with_name("minutes.minutes")
    expected = state(scene["before_crash"])
    half_played = 0
    for n in range(1, 60):
        ours = tmp_path / str(n) / "minutes.minutes"
        ours.parent.mkdir()
        shutil.copyfile(crashed, ours)
        shutil.copyfile(scene["journal"], f"{ours}-journal")
        killed = cli("send", str(ours),
                     strace=["-P", str(ours), "-e", f"inject=pwrite64:signal=SIGKILL:when={n}"])
        if killed.returncode == 0:
            break
        journal = Path(f"{ours}-journal")
        half_played += journal.exists() and _half_played(ours, journal)
        assert state(ours) == expected, n  # never refused, never a mix
    else:
        raise AssertionError("the send never ended")
    assert half_played, "no kill fell between two pages of the playback"
