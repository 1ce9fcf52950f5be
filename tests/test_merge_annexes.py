"""Merging another copy brings its annex work: a free annex it added (as its pending insertions),
its changes of the delegation lists (three-way from the common round), and names in the summary
whatever it cannot bring; the merge stays one undoable step and merging twice changes nothing."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from minutes_app.cli.main import main
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.annexes import DELEGATION, FREE, SetAnnexes, delegation_of
from minutes_app.model.entities import Person
from minutes_app.model.serialize import minutes_out
from minutes_app.store import MinutesFile
from minutes_app.tracking.annexes import annex_revisions
from minutes_app.tracking.delegation_merge import merge_members
from minutes_app.workflows.exchange import merge_copy
from minutes_app.workflows.edits import decide
from minutes_app.workflows.runner import run
from tests.workflows.conftest import on_disk, state, undo_redo
from tests.helpers.cli import cli_ok, read_minutes

NOW = "2020-12-18T10:00:00Z"
PETROV = "Иван Петров|советник|МИД России"



def _members(m: Minutes, side: Side) -> list[str]:
    i = delegation_of(m, side)
    assert i is not None
    return [p.name.get(Lang.RU, "") for p in m.annexes[i].members]


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """A and B, copies after round 3; B adds annex III (Korean heading and paragraph) and a
    Russian delegate, then sends its text as the Russian Side's round 4."""
    base, a, b = tmp_path / "base.minutes", tmp_path / "A.minutes", tmp_path / "B.minutes"
    cli_ok("demo", "--languages", "ko,ru,en", "--force", str(base))
    cli_ok("send", str(base))
    shutil.copy(base, a)
    shutil.copy(base, b)
    text = tmp_path / "annex.txt"
    text.write_text("양측은 공동 사업 목록을 확인하였다.\n", encoding="utf-8")
    cli_ok("annex", str(b), "--add", "--heading", "공동 사업 목록", "--lang", "ko")
    cli_ok("annex", str(b), "3", "--lang", "ko", "--text", str(text))
    cli_ok("delegation", str(b), "RU", "--lang", "ru", "--add", PETROV)
    cli_ok("send", str(b), "--side", "RU")
    return a, b


def test_the_cli_merge_brings_their_new_annex_and_delegate(
        copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = copies
    ours = read_minutes(a)
    assert len(ours.annexes) == 2 and "Иван Петров" not in _members(ours, Side.RU)
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    out = capsys.readouterr().out
    assert "Annex III was added from their copy" in out, out
    assert "The delegation list of the Russian Side (annex II): their changes were brought." \
        in out, out
    m = read_minutes(a)
    assert [x.kind for x in m.annexes] == [DELEGATION, DELEGATION, FREE]
    added = m.annexes[2]
    assert added.heading[Lang.KO] == "공동 사업 목록"
    assert added.paragraphs[0][Lang.KO] == "양측은 공동 사업 목록을 확인하였다."
    assert _members(m, Side.RU)[-1] == "Иван Петров"
    # every word of the new annex is pending, an insertion of round 4's copy
    revs = [r for r in annex_revisions(m) if r.annex is not None and r.annex[0] == 2]
    assert {(r.annex, r.kind) for r in revs} == {((2, 0), "insert"), ((2, 1), "insert")}
    assert all(r.round == 4 for r in revs)
    # merging the same copy again brings nothing and changes nothing
    before = minutes_out(m)
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    assert "Nothing new" in capsys.readouterr().out
    assert minutes_out(read_minutes(a)) == before


def test_the_korean_summary_names_the_annex_work_in_korean(
        copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = copies
    capsys.readouterr()
    assert main(["--lang", "ko", "merge", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "상대측 사본에서 부속서 III을(를) 추가했습니다." in out, out
    assert "러시아측 대표단 명단(부속서 II): 상대측의 수정을 가져왔습니다." in out, out
    assert "Annex" not in out and "delegation" not in out


def test_rejecting_the_added_annex_takes_the_annex_away_and_undo_brings_it_back(
        copies: tuple[Path, Path]) -> None:
    a, b = copies
    cli_ok("merge", str(a), str(b))
    f, m = MinutesFile.open(a)
    try:
        heading = next(r for r in annex_revisions(m) if r.annex == (2, 0))
        run(f, m, decide(m, False, ids=[heading.id]))  # the annex still holds its paragraph
        assert len(m.annexes) == 3 and m.annexes[2].heading[Lang.KO] == ""
        inverse = undo_redo(f, m, decide(m, False, annex=3))
        assert [x.kind for x in m.annexes] == [DELEGATION, DELEGATION]
        run(f, m, inverse)  # undone: the annex is back with its pending paragraph
        assert m.annexes[2].paragraphs[0][Lang.KO] == "양측은 공동 사업 목록을 확인하였다."
        assert [r.annex for r in annex_revisions(m)] == [(2, 1)]
    finally:
        f.close()


def test_rejecting_their_annex_through_the_cli_removes_it(copies: tuple[Path, Path]) -> None:
    a, b = copies
    cli_ok("merge", str(a), str(b))
    cli_ok("reject", str(a), "--annex", "3")
    assert [x.kind for x in read_minutes(a).annexes] == [DELEGATION, DELEGATION]


def test_an_annex_whose_words_are_kept_stays(copies: tuple[Path, Path]) -> None:
    a, b = copies
    cli_ok("merge", str(a), str(b))
    cli_ok("accept", str(a), "--annex", "3")
    m = read_minutes(a)
    assert m.annexes[2].heading[Lang.KO] == "공동 사업 목록" and not annex_revisions(m)


def test_the_merge_is_one_step_undone_exactly_and_idempotent(copies: tuple[Path, Path]) -> None:
    a, b = copies
    theirs = read_minutes(b)
    f, m = MinutesFile.open(a)
    try:
        before = state(f, m)
        step = merge_copy(m, theirs, b.name, NOW)
        assert step.report.params["annexes_added"] == [3]
        assert step.report.params["delegations"] == ["RU"]
        inverse = undo_redo(f, m, step)
        merged = state(f, m)
        again = merge_copy(m, theirs, b.name, NOW)
        assert again.empty and again.report.code == "merge-nothing"
        assert state(f, m) == merged
        run(f, m, inverse)  # undo: A exactly as it was, in memory and on disk
        assert state(f, m) == before and on_disk(f) == before
    finally:
        f.close()


def _with_ru_members(path: Path, change: object) -> None:
    """Change the Russian delegation list of the file at ``path`` (``change`` maps the members)."""
    f, m = MinutesFile.open(path)
    try:
        i = delegation_of(m, Side.RU)
        assert i is not None
        annexes = list(m.annexes)
        annexes[i] = dataclasses.replace(annexes[i], members=change(annexes[i].members))  # type: ignore[operator]
        SetAnnexes(tuple(annexes)).apply(m)
        f.write_all(m)
    finally:
        f.close()


def _renamed(members: tuple[Person, ...], k: int, name: str) -> tuple[Person, ...]:
    out = list(members)
    out[k] = dataclasses.replace(out[k], name={**out[k].name, Lang.RU: name})
    return tuple(out)


def test_both_sides_changing_one_delegate_keeps_ours_and_lists_theirs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, a, b = tmp_path / "base.minutes", tmp_path / "A.minutes", tmp_path / "B.minutes"
    cli_ok("demo", "--languages", "ko,ru,en", "--force", str(base))
    cli_ok("send", str(base))
    shutil.copy(base, a)
    shutil.copy(base, b)
    _with_ru_members(a, lambda ms: _renamed(ms, 0, "Сергей Орлов-Наш"))
    _with_ru_members(b, lambda ms: _renamed(_renamed(ms, 0, "Сергей Орлов-Их"), 2, "Анна Б."))
    cli_ok("send", str(b), "--side", "RU")
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    out = capsys.readouterr().out
    assert "both Sides changed the same members; ours are kept, theirs were not merged: " in out
    conflict = next(line for line in out.splitlines() if "theirs were not merged" in line)
    assert "Сергей Орлов-Их" in conflict and "Анна Б." not in conflict, out
    names = _members(read_minutes(a), Side.RU)
    assert names[0] == "Сергей Орлов-Наш" and names[2] == "Анна Б."  # ours kept; theirs brought


def test_a_common_round_without_the_lists_names_a_differing_list_as_not_merged(
        copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = copies
    f, m = MinutesFile.open(a)
    theirs = read_minutes(b)
    try:
        # rounds sent before rounds held the delegation lists: strip them from both copies
        m.rounds = [dataclasses.replace(r, delegations=()) for r in m.rounds]
        theirs.rounds = [dataclasses.replace(r, delegations=()) for r in theirs.rounds]
        before = _members(m, Side.RU)
        step = merge_copy(m, theirs, b.name, NOW)
        said = [n.code for n in step.report.messages]
        assert any("does not hold it: it was not merged" in c for c in said), said
        run(f, m, step)
        assert _members(m, Side.RU) == before
        assert m.annexes[2].kind == FREE  # the annex itself is still brought
    finally:
        f.close()


def _p(name: str) -> Person:
    return Person({Lang.RU: name})


@pytest.mark.parametrize(("base", "ours", "theirs", "merged", "conflicts"), [
    ("ab", "ab", "abc", "abc", 0),  # their addition
    ("abc", "ac", "abc", "ac", 0),  # our removal stands
    ("abc", "bc", "abcd", "bcd", 0),  # both, in different places
    ("abc", "aXc", "aYc", "aXc", 1),  # the same member changed: ours kept, a conflict
    ("abc", "aXc", "aXc", "aXc", 0),  # the same change on both sides
    ("abc", "abc", "cab", "cab", 0),  # their new order
])
def test_merge_members(base: str, ours: str, theirs: str, merged: str, conflicts: int) -> None:
    def ms(s: str) -> tuple[Person, ...]:
        return tuple(_p(c) for c in s)

    out = merge_members(ms(base), ms(ours), ms(theirs))
    assert "".join(p.name[Lang.RU] for p in out.members) == merged
    assert len(out.conflicts) == conflicts


def test_an_annex_each_copy_added_both_stay(
        copies: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = copies
    cli_ok("annex", str(a), "--add", "--heading", "Our annex", "--lang", "en")
    cli_ok("merge", str(a), str(b))
    m = read_minutes(a)
    assert [x.heading.get(Lang.EN, "") for x in m.annexes if x.kind == FREE] == ["Our annex", ""]
    assert [x.heading.get(Lang.KO, "") for x in m.annexes if x.kind == FREE][1] == "공동 사업 목록"


def test_an_annex_removed_here_and_edited_there_is_named_as_not_merged(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, a, b = tmp_path / "base.minutes", tmp_path / "A.minutes", tmp_path / "B.minutes"
    cli_ok("demo", "--languages", "ko,ru,en", "--force", str(base))
    cli_ok("annex", str(base), "--add", "--heading", "Projects", "--lang", "en")
    cli_ok("send", str(base))
    shutil.copy(base, a)
    shutil.copy(base, b)
    cli_ok("annex", str(a), "3", "--remove")
    cli_ok("annex", str(b), "3", "--heading", "Joint projects", "--lang", "en")
    cli_ok("send", str(b), "--side", "RU")
    before = minutes_out(read_minutes(a))
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    out = capsys.readouterr().out
    assert ("Annex III of their copy was removed here, and their copy changed it: their "
            "changes were not merged.") in out, out
    # still removed here
    assert [x.kind for x in read_minutes(a).annexes] == [DELEGATION, DELEGATION]
    assert len(before["annexes"]) == 2
