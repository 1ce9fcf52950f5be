"""A merge matches free annexes by their key, wherever each copy moved them: the other copy's
edits land in the annex they were made in, a moved annex brings no edit, and annexes made
before annexes had keys are still matched in order. Keys travel with the file and its rounds."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from minutes_app.cli.main import main
from minutes_app.model import Lang, Minutes
from minutes_app.model.annexes import FREE
from minutes_app.store import MinutesFile
from minutes_app.tracking.annexes import annex_revisions
from minutes_app.workflows.exchange import merge_copy
from minutes_app.workflows.runner import run
from tests.helpers.cli import cli_ok, read_minutes

NOW = "2020-12-18T10:00:00Z"




def _theirs(m: Minutes) -> set[tuple[tuple[int, int] | None, str, str]]:
    """The annex revisions of round 4, the other copy's: (annex, part), kind, words."""
    return {(r.annex, r.kind, r.text.strip()) for r in annex_revisions(m) if r.round == 4}


def _headings(m: Minutes) -> list[str]:
    return [a.heading.get(Lang.EN, "") for a in m.annexes if a.kind == FREE]


def _text(tmp_path: Path, name: str, words: str) -> str:
    path = tmp_path / name
    path.write_text(words + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def parted(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies after round 3, which sent free annexes III "Projects" and IV "Timeline"."""
    base, a, b = tmp_path / "base.minutes", tmp_path / "A.minutes", tmp_path / "B.minutes"
    cli_ok("demo", "--languages", "ko,en", "--force", str(base))
    cli_ok("annex", str(base), "--add", "--heading", "Projects", "--lang", "en")
    cli_ok("annex", str(base), "3", "--lang", "en", "--text",
         _text(tmp_path, "p.txt", "The port of Vladivostok."))
    cli_ok("annex", str(base), "--add", "--heading", "Timeline", "--lang", "en")
    cli_ok("annex", str(base), "4", "--lang", "en", "--text",
         _text(tmp_path, "t.txt", "First half of 2021."))
    cli_ok("send", str(base))
    shutil.copy(base, a)
    shutil.copy(base, b)
    return a, b


def test_keys_are_given_kept_by_a_copy_and_held_by_the_round(parted: tuple[Path, Path]) -> None:
    a, b = parted
    ma, mb = read_minutes(a), read_minutes(b)
    keys = [x.key for x in ma.annexes if x.kind == FREE]
    assert len(set(keys)) == 2 and all(len(k) == 16 for k in keys)
    assert [x.key for x in mb.annexes] == [x.key for x in ma.annexes]
    assert ma.rounds[-1].annex_keys == tuple(x.key for x in ma.annexes)


def test_an_annex_moved_here_takes_their_edits_in_the_annex_they_made_them(
        parted: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = parted
    cli_ok("annex", str(a), "4", "--move-to", "3")  # ours: Timeline is III, Projects IV
    cli_ok("annex", str(b), "3", "--heading", "Joint Projects", "--lang", "en")
    cli_ok("annex", str(b), "4", "--lang", "en", "--text",
         _text(tmp_path, "t2.txt", "First half of 2021, in Vladivostok."))
    cli_ok("send", str(b), "--side", "RU")
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    m = read_minutes(a)
    assert _headings(m) == ["Timeline", "Joint Projects"]
    assert m.annexes[2].paragraphs[0][Lang.EN] == "First half of 2021, in Vladivostok."
    assert m.annexes[3].paragraphs[0][Lang.EN] == "The port of Vladivostok."
    assert _theirs(m) == {((3, 0), "insert", "Joint"), ((2, 1), "insert", ", in Vladivostok")}


def test_an_annex_moved_there_brings_no_edit_and_is_named(
        parted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = parted
    cli_ok("annex", str(b), "4", "--move-to", "3")
    cli_ok("annex", str(b), "4", "--heading", "Joint Projects", "--lang", "en")  # Projects, moved
    cli_ok("send", str(b), "--side", "RU")
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    out = capsys.readouterr().out
    assert "Their copy puts the annexes in another order; ours is kept" in out, out
    m = read_minutes(a)
    assert _headings(m) == ["Joint Projects", "Timeline"]  # our order, their edit in its annex
    assert _theirs(m) == {((2, 0), "insert", "Joint")}


@pytest.mark.usefixtures("english_after")
def test_the_korean_summary_names_their_order_in_korean(
        parted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = parted
    cli_ok("annex", str(b), "4", "--move-to", "3")
    cli_ok("send", str(b), "--side", "RU")
    capsys.readouterr()
    assert main(["--lang", "ko", "merge", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "상대측 사본은 부속서의 순서가 다릅니다" in out, out
    assert "order" not in out


def _keyless(m: Minutes) -> None:
    """As a file written before annexes had keys: none in the annexes or the rounds."""
    m.annexes = [dataclasses.replace(x, key="") for x in m.annexes]
    m.rounds = [dataclasses.replace(r, annex_keys=()) for r in m.rounds]


def test_annexes_without_keys_are_matched_in_order_as_before(
        parted: tuple[Path, Path]) -> None:
    a, b = parted
    cli_ok("annex", str(b), "3", "--heading", "Joint Projects", "--lang", "en")
    cli_ok("send", str(b), "--side", "RU")
    theirs = read_minutes(b)
    _keyless(theirs)
    f, m = MinutesFile.open(a)
    try:
        _keyless(m)
        run(f, m, merge_copy(m, theirs, b.name, NOW))
        assert _headings(m) == ["Joint Projects", "Timeline"]
        assert _theirs(m) == {((2, 0), "insert", "Joint")}
    finally:
        f.close()


def test_an_annex_they_removed_is_kept_and_named(
        parted: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = parted
    cli_ok("annex", str(b), "3", "--remove")
    cli_ok("annex", str(b), "3", "--heading", "Timeline of works", "--lang", "en")  # Timeline
    cli_ok("send", str(b), "--side", "RU")
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    out = capsys.readouterr().out
    assert "Their copy no longer has annex III; ours is kept." in out, out
    m = read_minutes(a)
    assert _headings(m) == ["Projects", "Timeline of works"]  # their edit still brought
