"""Merging the other delegation's copy: their changes as theirs, conflicts as brackets."""

from __future__ import annotations

from tests.helpers import some

import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.errors import MinutesError
from minutes_app.model import Lang, Minutes, RemoveParagraph, SetText, Side, new_paragraph
from minutes_app.model.brackets import open_brackets
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.model.structure import InsertParagraph
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from minutes_app.tracking.merge import merge
from minutes_app.tracking.ops import edit_text
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.rounds import snapshot

ROOT = Path(__file__).resolve().parent.parent
T1, T2, T3 = "2020-12-10T09:00:00Z", "2020-12-14T09:00:00Z", "2020-12-15T09:00:00Z"


def _number(m: Minutes, n: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == n)


def _replace(m: Minutes, n: int, lang: Lang, old: str, new: str, now: str) -> None:
    pid = _number(m, n)
    text = m.paragraph(pid).text(lang)
    assert old in text
    edit_text(m, pid, lang, text.replace(old, new, 1), now).apply(m)


def exchanged() -> tuple[Minutes, Minutes]:
    """Our copy and theirs after round 1 was sent by the Korean Side."""
    ours = demo(history=False)
    ours.rounds.append(snapshot(ours, Side.KR, T1, "Draft"))
    theirs = minutes_in(minutes_out(ours))
    theirs.own_side = Side.RU
    return ours, theirs


def test_their_changes_become_their_revisions_in_their_round() -> None:
    ours, theirs = exchanged()
    _replace(theirs, 10, Lang.EN, "Railway", "Railway and the Northern Sea Route", T2)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2, "Comments"))
    _replace(ours, 11, Lang.EN, "start-up companies", "start-ups", T3)  # ours, unsent
    op, report = merge(ours, theirs, T3)
    before = minutes_out(ours)
    assert minutes_out(ours) == before  # nothing changed until the operation is applied
    op.apply(ours)
    revs = all_revisions(ours)
    theirs_revs = [r for r in revs if r.side is Side.RU]
    assert [(r.number, r.kind, r.text, r.round) for r in theirs_revs] == [
        (10, "insert", "and the Northern Sea Route ", 2)]
    assert {r.round for r in revs if r.side is Side.KR} == {3}  # our edits follow their round
    assert report.round is not None and report.round.number == 2


def test_the_same_words_changed_on_both_sides_become_a_bracket() -> None:
    ours, theirs = exchanged()
    _replace(theirs, 12, Lang.EN, "in early 2021", "in the first half of 2021", T2)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2))
    _replace(ours, 12, Lang.EN, "in early 2021", "in the spring of 2021", T3)
    op, report = merge(ours, theirs, T3)
    op.apply(ours)
    p = ours.paragraph(_number(ours, 12))
    [bracket] = open_brackets(p, Lang.EN)
    texts = {o.text: o.side for o in bracket.options}
    assert any("spring" in t and s is Side.KR for t, s in texts.items())
    assert any("first half" in t and s is Side.RU for t, s in texts.items())
    assert report.conflicts == [p.id]


def test_their_new_and_deleted_paragraphs() -> None:
    ours, theirs = exchanged()
    gone = _number(ours, 11)  # ids, not numbers: numbers shift as paragraphs come and go
    target = theirs.section_of(_number(theirs, 10))
    added = new_paragraph(theirs, {Lang.EN: "The two Sides agreed to study ferry routes.",
                                   Lang.KO: "양측은 여객선 항로를 검토하기로 하였다."})
    InsertParagraph(target.id, 1, added).apply(theirs)
    RemoveParagraph(gone).apply(theirs)
    # our own new paragraph takes the same id counter value: ids must not collide
    mine = new_paragraph(ours, {Lang.EN: "Ours."})
    InsertParagraph(ours.sections[-1].id, 0, mine).apply(ours)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2))
    op, report = merge(ours, theirs, T3)
    op.apply(ours)
    marks = [(r.kind, r.side, r.text) for r in all_revisions(ours) if r.lang is None]
    assert any(k == "insert" and s is Side.RU and "ferry routes" in t for k, s, t in marks)
    assert some(ours.paragraph(gone).mark).kind == "delete"
    assert ours.has_paragraph(mine.id) and len(report.inserted) == 1


def test_unrelated_files_are_refused() -> None:
    ours, _ = exchanged()
    stranger = demo(history=False)
    with pytest.raises(MinutesError, match="share no round"):
        merge(ours, stranger, T3)


def test_merge_command_line(tmp_path: Path) -> None:
    ours, theirs = exchanged()
    SetText(_number(theirs, 15), Lang.KO, theirs.paragraph(_number(theirs, 15)).text(Lang.KO)
            ).apply(theirs)
    _replace(theirs, 15, Lang.EN, "in 2021", "in the second half of 2021", T2)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2, "RU comments"))
    a, b = tmp_path / "ours.minutes", tmp_path / "theirs.minutes"
    MinutesFile.create(a, ours).close()
    MinutesFile.create(b, theirs).close()
    result = subprocess.run([sys.executable, "-m", "minutes_app", "merge", str(a), str(b)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Merged round 2 of the Russian Side: 1 paragraphs changed" in result.stdout
    listed = subprocess.run([sys.executable, "-m", "minutes_app", "revisions", str(a), "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    import json

    revs = json.loads(listed.stdout)
    assert {(r["side"], r["round"], r["kind"]) for r in revs} == {("RU", 2, "insert")}
    assert set(revs[0]) >= {"id", "paragraph_id", "number", "lang", "kind", "text", "side",
                            "round", "status"}
    f, m = MinutesFile.open(a)
    f.close()
    assert [r.number for r in m.rounds] == [1, 2]
