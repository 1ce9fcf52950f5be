"""Free annexes are negotiated text: revisions by Side and round, decisions, rounds, the file,
merge and readiness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.checks.readiness import reasons
from minutes_app.errors import ValidationError
from minutes_app.model import Lang, Minutes, SetAnnexes, Side
from minutes_app.model import delegation as dl
from minutes_app.model.annex_tracks import SetAnnexTrack
from minutes_app.model.annexes import roman
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.model.track import Author
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from minutes_app.tracking.annexes import EditAnnexText, annex_blame, edit_annex
from minutes_app.tracking.decide import by_ids, decision, select
from minutes_app.tracking.merge import merge
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.rounds import snapshot

T1, T2, T3 = "2020-12-10T09:00:00Z", "2020-12-14T09:00:00Z", "2020-12-15T09:00:00Z"
HEADING = {Lang.KO: "공동 투자 사업 목록", Lang.EN: "List of Joint Investment Projects"}
PARAS = {Lang.KO: ["나홋카 항만 현대화", "하바롭스크 물류센터 건설"],
         Lang.EN: ["Modernisation of the port of Nakhodka",
                   "Construction of a logistics centre in Khabarovsk"]}


def _with_annex() -> Minutes:
    m = demo(history=False)
    SetAnnexes(dl.add_free(m, HEADING)).apply(m)
    edit_annex(m, len(m.annexes) - 1, {}, {k: list(v) for k, v in PARAS.items()}, T1).apply(m)
    return m


def _sent() -> Minutes:
    m = _with_annex()
    m.rounds.append(snapshot(m, Side.KR, T1, "Draft"))
    return m


def test_before_a_round_an_annex_edit_is_plain_and_after_it_a_revision() -> None:
    m = _with_annex()
    i = len(m.annexes) - 1
    assert m.annexes[i].paragraphs[1][Lang.EN].startswith("Construction") and not all_revisions(m)
    m.rounds.append(snapshot(m, Side.KR, T1))
    assert m.rounds[-1].annexes[i][0] == HEADING  # the round holds the annex texts
    new_en = ["Modernisation of the ports of Nakhodka and Vostochny",
              PARAS[Lang.EN][1]]
    inverse, _ = edit_annex(m, i, {}, {Lang.EN: new_en}, T2).apply(m)
    revs = all_revisions(m)
    assert {(r.annex, r.lang, r.kind, r.side, r.round) for r in revs} >= {
        ((i, 1), Lang.EN, "insert", Side.KR, 2)}
    assert all(r.to_json()["scope"] == "annex" and r.to_json()["annex"] == i + 1 for r in revs)
    assert m.annexes[i].paragraphs[0][Lang.EN] == new_en[0]
    inverse.apply(m)  # undo
    assert m.annexes[i].paragraphs[0][Lang.EN] == PARAS[Lang.EN][0] and not all_revisions(m)


@pytest.mark.parametrize("accept", [True, False])
def test_heading_and_paragraph_revisions_accepted_or_rejected_one_by_one(accept: bool) -> None:
    m = _sent()
    i = len(m.annexes) - 1
    ru = Author(Side.RU, 2, T2)
    EditAnnexText(i, 0, Lang.KO, "공동 투자 사업 및 기술 협력 목록", ru).apply(m)
    EditAnnexText(i, 2, Lang.EN, "Construction of a logistics hub in Khabarovsk", ru).apply(m)
    EditAnnexText(i, 3, Lang.EN, "Joint study of the Northern Sea Route", ru).apply(m)
    revs = all_revisions(m)
    assert {r.annex for r in revs} == {(i, 0), (i, 2), (i, 3)}
    assert all(r.side is Side.RU and r.round == 2 for r in revs)
    for r in list(revs):
        decision(m, by_ids(m, [r.id]), accept).apply(m)  # ids stay stable while deciding
    a = m.annexes[i]
    assert not a.tracks and not all_revisions(m)
    if accept:
        assert a.heading[Lang.KO] == "공동 투자 사업 및 기술 협력 목록"
        assert a.paragraphs[1][Lang.EN] == "Construction of a logistics hub in Khabarovsk"
        assert a.paragraphs[2] == {Lang.EN: "Joint study of the Northern Sea Route"}
    else:
        assert a.heading == HEADING and len(a.paragraphs) == 2  # the added paragraph gone
        assert [p[Lang.EN] for p in a.paragraphs] == PARAS[Lang.EN]


def test_a_removed_paragraph_stays_deleted_until_the_deletion_is_accepted() -> None:
    m = _sent()
    i = len(m.annexes) - 1
    edit_annex(m, i, {}, {lang: texts[1:] for lang, texts in PARAS.items()}, T2).apply(m)
    a = m.annexes[i]
    assert len(a.paragraphs) == 2  # the paragraphs shifted up: tracked as edits of each part
    assert all(r.side is Side.KR for r in all_revisions(m))
    decision(m, select(m, lambda r: True), accept=True).apply(m)
    assert [p[Lang.EN] for p in m.annexes[i].paragraphs] == PARAS[Lang.EN][1:]


def test_a_track_must_lead_to_the_text() -> None:
    m = _sent()
    with pytest.raises(ValidationError):
        SetAnnexTrack(len(m.annexes) - 1, 1, Lang.EN, "other", ()).apply(m)


def test_pending_annex_revisions_survive_the_file_and_refuse_signing(tmp_path: Path) -> None:
    m = _sent()
    i = len(m.annexes) - 1
    EditAnnexText(i, 1, Lang.KO, "나홋카 및 보스토치니 항만 현대화",
                  Author(Side.RU, 2, T2)).apply(m)
    assert minutes_in(minutes_out(m)).annexes == m.annexes
    path = tmp_path / "a.minutes"
    MinutesFile.create(path, m).close()
    f, back = MinutesFile.open(path)
    f.close()
    assert back.annexes == m.annexes and back.rounds[-1].annexes == m.rounds[-1].annexes
    assert any(r.code == "annex_pending" and r.msg.params["annex"] == roman(i + 1)
               for r in reasons(back))
    decision(back, select(back, lambda r: True), accept=True).apply(back)
    assert not any(r.code == "annex_pending" for r in reasons(back))


def test_merge_brings_their_annex_edits_as_their_revisions_and_brackets_a_conflict() -> None:
    ours = _sent()
    i = len(ours.annexes) - 1
    theirs = minutes_in(minutes_out(ours))
    theirs.own_side = Side.RU
    EditAnnexText(i, 1, Lang.EN, "Modernisation of the port of Vostochny",
                  Author(Side.RU, 2, T2)).apply(theirs)
    EditAnnexText(i, 2, Lang.KO, "하바롭스크 물류센터 공동 건설",
                  Author(Side.RU, 2, T2)).apply(theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2, "Counter-draft"))
    # meanwhile we changed the same words of paragraph 1
    EditAnnexText(i, 1, Lang.EN, "Modernisation of the port of Zarubino",
                  Author(Side.KR, 2, T3)).apply(ours)
    op, report = merge(ours, theirs, T3)
    op.apply(ours)
    a = ours.annexes[i]
    assert a.paragraphs[1][Lang.KO] == "하바롭스크 물류센터 공동 건설"
    assert "Zarubino" in a.paragraphs[0][Lang.EN] and "Vostochny" in a.paragraphs[0][Lang.EN]
    assert "[" in a.paragraphs[0][Lang.EN]  # both versions in brackets, none overwritten
    assert report.annex_conflicts == [(i + 1, 1)] and (i + 1, 2) in report.annexes
    sides = {(r.annex, r.side, r.round) for r in all_revisions(ours)}
    assert ((i, 2), Side.RU, 2) in sides and ((i, 1), Side.KR, 3) in sides


def test_blame_credits_annex_words_to_the_round_that_brought_them() -> None:
    m = _sent()
    i = len(m.annexes) - 1
    EditAnnexText(i, 1, Lang.EN, "Modernisation of the port of Vostochny",
                  Author(Side.RU, 2, T2)).apply(m)
    m.rounds.append(snapshot(m, Side.RU, T2, "Counter-draft"))
    EditAnnexText(i, 1, Lang.EN, "Joint modernisation of the port of Vostochny",
                  Author(Side.KR, 3, T3)).apply(m)
    found = {(b.annex, b.part): b for b in annex_blame(m, Lang.EN)}
    spans = [(s.text, s.side, s.round) for s in found[(i, 1)].spans]
    assert ("Vostochny", Side.RU, 2) in spans and ("Joint modernisation", Side.KR, 3) in spans
    assert all(s.side is Side.KR and s.round == 1 for s in found[(i, 0)].spans)


def test_blame_follows_an_annex_moved_since_a_round_by_its_key() -> None:
    m = _with_annex()
    SetAnnexes(dl.add_free(m, {Lang.KO: "부속서", Lang.EN: "Second annex"})).apply(m)
    a = len(m.annexes) - 2  # the first free annex; the second after it
    m.rounds.append(snapshot(m, Side.KR, T1, "Draft"))
    EditAnnexText(a, 1, Lang.EN, "Modernisation of the port of Vostochny",
                  Author(Side.RU, 2, T2)).apply(m)
    m.rounds.append(snapshot(m, Side.RU, T2, "Counter-draft"))
    SetAnnexes(dl.move_annex(m, a + 2, a + 1)).apply(m)  # the second annex now comes first
    moved = a + 1
    assert m.annexes[moved].heading[Lang.EN] == HEADING[Lang.EN]
    found = {(b.annex, b.part): b for b in annex_blame(m, Lang.EN)}
    spans = [(s.text, s.side, s.round) for s in found[(moved, 1)].spans]
    assert ("Vostochny", Side.RU, 2) in spans and ("Modernisation of the port of ", Side.KR, 1) in (
        spans)
    assert [(s.text, s.side) for s in found[(a, 0)].spans] == [("Second annex", Side.KR)]


def test_the_blame_command_names_who_brought_an_annex_s_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from minutes_app.cli.main import main

    m = _sent()
    i = len(m.annexes) - 1
    EditAnnexText(i, 1, Lang.EN, "Modernisation of the port of Vostochny",
                  Author(Side.RU, 2, T2)).apply(m)
    m.rounds.append(snapshot(m, Side.RU, T2, "Counter-draft"))
    path = tmp_path / "annex.minutes"
    MinutesFile.create(path, m).close()
    capsys.readouterr()
    assert main(["--lang", "en", "blame", str(path), "--lang", "en", "--json"]) == 0
    found = {(b["annex"], b["part"]): b for b in json.loads(capsys.readouterr().out)
             if "annex" in b}
    spans = [(s["text"], s["side"], s["round"]) for s in found[(i + 1, 1)]["spans"]]
    assert ("Vostochny", "RU", 2) in spans
    assert main(["--lang", "ko", "blame", str(path), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(x for x in lines if x.split()[0] == f"{roman(i + 1)}.1" and "Vostochny" in x)
    assert " RU r2 " in line and "replaced" not in line and "'Nakhodka'" in line


def test_an_annex_conflict_is_listed_for_the_front_ends() -> None:
    from minutes_app.i18n.messages import render
    from minutes_app.tracking.merge import MergeReport, annex_notes

    lines = [render(n, english=True) for n in annex_notes(MergeReport(annex_conflicts=[(3, 1)]))]
    assert lines == ["Annex III, part 1: both Sides changed the same words; both versions are "
                     "now in square brackets."]


WORDS = st.lists(st.sampled_from(["port", "항만", "Nakhodka", "나홋카", "2021", "and", "건설",
                                  "logistics", "centre", ",", "of"]), max_size=8).map(" ".join)


@given(old=WORDS, theirs=WORDS, ours=WORDS, accept=st.booleans())
@settings(max_examples=60, deadline=None)
def test_laws_accepting_gives_the_new_text_rejecting_the_old_undo_the_document(
        old: str, theirs: str, ours: str, accept: bool) -> None:
    m = _sent()
    i = len(m.annexes) - 1
    SetAnnexTrack(i, 2, Lang.EN, old, None).apply(m)
    m.rounds.append(snapshot(m, Side.KR, T2))
    before = minutes_out(m)
    undo_theirs, _ = EditAnnexText(i, 2, Lang.EN, theirs, Author(Side.RU, 3, T2)).apply(m)
    undo_ours, _ = EditAnnexText(i, 2, Lang.EN, ours, Author(Side.KR, 4, T3)).apply(m)
    undos = []
    # rejecting a deletion of their inserted words makes their insertion pending again
    while pending := select(m, lambda r: True):
        undos.append(decision(m, pending, accept).apply(m)[0])
        assert len(undos) <= 2
    kept = [p.get(Lang.EN, "") for p in m.annexes[i].paragraphs]
    assert (ours if accept else old) in kept or not (ours if accept else old).strip()
    assert not m.annexes[i].tracks
    for undo in reversed(undos):
        undo.apply(m)
    undo_ours.apply(m)
    undo_theirs.apply(m)
    assert minutes_out(m) == before
