"""Tracking: readable revisions, blame across rounds, decisions and their laws."""

from __future__ import annotations

from tests.helpers import some

from minutes_app.model import Minutes

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.model import Lang, Side
from minutes_app.model.track import (
    DELETE, INSERT, PLAIN, Author, Track, baseline_text, current_text, plain,
)
from minutes_app.tracking.decide import accept_all, decide, decide_many, reject_all
from minutes_app.tracking.diff import diff, retrack
from minutes_app.tracking.tokens import is_hangul

RU2 = Author(Side.RU, 2, "2020-12-15T09:00:00Z")
KR3 = Author(Side.KR, 3, "2020-12-16T09:00:00Z")


def changes(track: Track) -> list[tuple[str, str, str]]:
    return [(s.kind, s.text, s.author.side.value) for s in track if s.kind != PLAIN
            if s.author]


@pytest.mark.parametrize(
    ("base", "current", "expected"),
    [
        ("to expand trade.", "to expand trade and investment.",
         [(INSERT, " and investment", "RU")]),
        ("the two Sides agreed", "the three parties agreed",
         [(DELETE, "two Sides", "RU"), (INSERT, "three parties", "RU")]),
        ("accounts for 50 percent of trade", "accounts for 40 percent of trade",
         [(DELETE, "50", "RU"), (INSERT, "40", "RU")]),
        ("in early 2021.", "in early 2021, in a virtual format.",
         [(INSERT, ", in a virtual format", "RU")]),
        ("양측은 협력을 확대하기로 하였다.", "양측은 협력의 확대하기로 하였다.",
         [(DELETE, "을", "RU"), (INSERT, "의", "RU")]),
        ("2021년 울산에서 개최하기로 하였다.", "2022년 울산에서 개최하기로 하였다.",
         [(DELETE, "2021", "RU"), (INSERT, "2022", "RU")]),
        ("양측은 협력을 평가하였다.", "양측은 실질 협력을 평가하였다.",
         [(INSERT, "실질 ", "RU")]),
        ("The Sides agreed.", "The Sides agreed.", []),
    ],
)
def test_one_change_is_one_readable_revision(base: str, current: str,
                                             expected: list[tuple[str, str, str]]) -> None:
    track = diff(base, current, Side.RU, 2, RU2.time)
    assert changes(track) == expected
    assert current_text(track) == current and baseline_text(track) == base


def test_a_russian_insertion_stays_russian_after_korean_edits_elsewhere() -> None:
    track = diff("The Sides agreed to expand trade.", "The Sides agreed to expand trade and "
                 "investment.", Side.RU, 2, RU2.time)
    track = retrack(track, "Both Sides agreed to expand trade and investment.", KR3)
    assert (INSERT, " and investment", "RU") in changes(track)
    assert (DELETE, "The", "KR") in changes(track) and (INSERT, "Both", "KR") in changes(track)


def test_a_korean_deletion_inside_a_russian_insertion_is_recorded_as_such() -> None:
    track = diff("expand trade.", "expand trade and investment in the Arctic.", Side.RU, 2,
                 RU2.time)
    track = retrack(track, "expand trade and investment.", KR3)
    inside = [s for s in track if s.kind == DELETE]
    assert len(inside) == 1 and inside[0].text == " in the Arctic"
    assert some(inside[0].author).side is Side.KR and some(inside[0].origin).side is Side.RU
    assert current_text(accept_all(track)) == "expand trade and investment."
    assert current_text(reject_all(track)) == "expand trade."
    # rejecting the Korean deletion gives the words back to the Russian insertion
    restored = decide(track, track.index(inside[0]), accept=False)
    assert changes(restored) == [(INSERT, " and investment in the Arctic", "RU")]


def test_taking_back_ones_own_pending_words_leaves_no_trace() -> None:
    track = diff("to expand trade.", "to expand trade and investment.", Side.KR, 3, KR3.time)
    track = retrack(track, "to expand trade and.", KR3)
    assert changes(track) == [(INSERT, " and", "KR")]


def test_rejecting_an_insertion_drops_deletions_made_inside_it() -> None:
    track = diff("expand trade.", "expand trade and investment.", Side.RU, 2, RU2.time)
    track = retrack(track, "expand trade and.", KR3)
    ins = next(i for i, s in enumerate(track) if s.kind == INSERT)
    assert current_text(decide(track, ins, accept=False)) == "expand trade."
    assert baseline_text(decide(track, ins, accept=False)) == "expand trade."


def test_the_author_time_is_an_argument_so_diff_is_deterministic() -> None:
    a = diff("x y z", "x w z", Side.RU, 2, "2020-12-15T09:00:00Z")
    b = diff("x y z", "x w z", Side.RU, 2, "2020-12-15T09:00:00Z")
    assert a == b and all(s.author.time == "2020-12-15T09:00:00Z" for s in a if s.author)


# -- laws -----------------------------------------------------------------------------------
WORDS = ["the", "two", "Sides", "agreed", "trade", "2021", "50", "%", ",", ".", "양측은",
         "협력을", "협력의", "확대", "하였다", "연해주", "극동개발공사", "Primorsky", "Krai"]
texts = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_accepting_all_gives_the_current_text_rejecting_all_the_baseline(a: str, b: str
                                                                          ) -> None:
    track = diff(a, b, Side.RU, 2, RU2.time)
    assert current_text(track) == b and baseline_text(track) == a
    assert current_text(accept_all(track)) == b
    assert current_text(reject_all(track)) == a


@settings(max_examples=300, deadline=None)
@given(texts, texts, texts, st.lists(st.booleans(), max_size=40))
def test_any_mix_of_decisions_gives_only_baseline_and_proposed_words(
        a: str, b: str, c: str, choices: list[bool]) -> None:
    track = retrack(diff(a, b, Side.RU, 2, RU2.time), c, KR3)
    assert current_text(track) == c and baseline_text(track) == a
    allowed = set(a.split()) | set(b.split()) | set(c.split())
    # Korean revisions are refined to syllables inside an eojeol, so its pieces are units too
    allowed |= {w[i:j] for w in allowed if is_hangul(w) for i in range(len(w))
                for j in range(i + 1, len(w) + 1)}
    for accept in choices:
        pending = [i for i, s in enumerate(track) if s.kind != PLAIN]
        if not pending:
            break
        track = decide(track, pending[len(pending) // 2], accept)
        for word in current_text(track).split():
            # two proposals at one spot may abut ("two" + "the"): still only their words
            assert made_of(word, allowed), (word, allowed)


def made_of(word: str, allowed: set[str]) -> bool:
    """True when ``word`` is a concatenation of allowed words."""
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[start] and word[start:end] in allowed for start in range(end))
    return ok[-1]


@settings(max_examples=200, deadline=None)
@given(texts, texts, texts)
def test_rounds_compose(a: str, b: str, c: str) -> None:
    track = retrack(diff(a, b, Side.RU, 2, RU2.time), c, KR3)
    assert current_text(accept_all(track)) == c
    assert current_text(reject_all(track)) == a
    assert retrack(track, c, KR3) == track  # no change, no new revision
    assert retrack(plain(a), a, KR3) == plain(a)




# -- brackets and status --------------------------------------------------------------------
def _tracked_demo() -> Minutes:
    from minutes_app.workflows.templates import demo
    from minutes_app.tracking.rounds import snapshot

    m = demo(history=False)
    m.rounds.append(snapshot(m, Side.KR, "2020-12-10T09:00:00Z"))
    return m


def test_bracket_then_choose_an_option() -> None:
    from minutes_app.model import Status
    from minutes_app.model.brackets import BracketOption, open_brackets, status_of
    from minutes_app.tracking.brackets import bracket_op, choose_op
    from minutes_app.tracking.revisions import all_revisions

    m = _tracked_demo()
    p = next(p for p in m.paragraphs() if "in early 2021" in p.text(Lang.EN))
    text = p.text(Lang.EN)
    start = text.index("early 2021")
    op = bracket_op(m, p.id, Lang.EN, start, start + len("early 2021"),
                    [BracketOption("early 2021", Side.KR),
                     BracketOption("the first half of 2021", Side.RU)], "2020-12-16T10:00:00Z")
    before = len(all_revisions(m))
    op.apply(m)
    assert p.text(Lang.EN) == text  # the delimiters are rendered, not stored
    assert status_of(p) is Status.BRACKETED and p.status is Status.BRACKETED
    [bracket] = open_brackets(p, Lang.EN)
    assert [(o.text, o.side) for o in bracket.options] == [
        ("early 2021", Side.KR), ("the first half of 2021", Side.RU)]
    assert len(all_revisions(m)) == before  # bracketing leaves the text as it is
    choose_op(m, p.id, Lang.EN, 0, 1, "2020-12-18T07:00:00Z").apply(m)
    assert p.text(Lang.EN) == text.replace("early 2021", "the first half of 2021")
    assert status_of(p) is Status.PROPOSED and not open_brackets(p, Lang.EN)
    assert [(b.chosen, b.closed_at) for b in p.brackets] == [(1, "2020-12-18T07:00:00Z")]



def test_an_open_bracket_forbids_agreeing() -> None:
    from minutes_app.errors import ValidationError
    from minutes_app.model import SetStatus, Status
    from minutes_app.model.brackets import BracketOption
    from minutes_app.tracking.brackets import bracket_op

    m = _tracked_demo()
    p = m.paragraphs()[5]
    p.texts[Lang.EN] = p.texts[Lang.EN] + " [A / B]"  # typed: text, not a bracket
    SetStatus(p.id, Status.AGREED).apply(m)
    assert p.status is Status.AGREED
    bracket_op(m, p.id, Lang.EN, 0, 3, [BracketOption(p.text(Lang.EN)[:3], Side.KR),
                                        BracketOption("B", Side.RU)], "t").apply(m)
    with pytest.raises(ValidationError, match="open brackets"):
        SetStatus(p.id, Status.AGREED).apply(m)


def test_bracket_options_are_validated() -> None:
    from minutes_app.errors import ValidationError
    from minutes_app.model.brackets import BracketOption
    from minutes_app.tracking.brackets import bracket_op

    m = _tracked_demo()
    p = m.paragraphs()[5]
    with pytest.raises(ValidationError, match="cannot be empty"):
        bracket_op(m, p.id, Lang.EN, 0, 3, [BracketOption("a", Side.KR),
                                            BracketOption("  ", Side.RU)], "t")
    with pytest.raises(ValidationError, match="at least two"):
        bracket_op(m, p.id, Lang.EN, 0, 3, [BracketOption("a", Side.KR)], "t")


def test_whole_paragraphs_inserted_deleted_and_moved_are_revisions() -> None:
    from minutes_app.model import new_paragraph
    from minutes_app.tracking.decide import decision, select
    from minutes_app.tracking.revisions import all_revisions
    from minutes_app.tracking.structure import (
        delete_paragraph, insert_paragraph, move_paragraph,
    )

    m = _tracked_demo()
    section = m.sections[1]
    first, second = section.paragraphs[0].id, section.paragraphs[1].id
    count = len(m.paragraphs())
    p = new_paragraph(m, {Lang.EN: "A new paragraph.", Lang.KO: "새 문단."})
    insert_paragraph(m, section.id, 0, p, "t1").apply(m)
    delete_paragraph(m, second, "t2").apply(m)
    move_paragraph(m, first, m.sections[2].id, 0, "t3").apply(m)
    kinds = {(r.paragraph_id, r.kind) for r in all_revisions(m) if r.lang is None}
    assert kinds == {(p.id, "insert"), (second, "delete"), (first, "move")}
    assert len(m.paragraphs()) == count + 1  # a pending deletion stays visible
    decision(m, select(m, lambda r: r.paragraph_id == second), accept=True).apply(m)
    assert not m.has_paragraph(second)
    decision(m, select(m, lambda r: r.paragraph_id == p.id), accept=False).apply(m)
    assert not m.has_paragraph(p.id)
    decision(m, select(m, lambda r: r.paragraph_id == first), accept=False).apply(m)
    assert m.section_of(first) is section and m.paragraph(first).mark is None


def test_deleting_ones_own_new_paragraph_leaves_no_trace() -> None:
    from minutes_app.model import new_paragraph
    from minutes_app.tracking.structure import delete_paragraph, insert_paragraph

    m = _tracked_demo()
    p = new_paragraph(m, {Lang.EN: "Oops."})
    insert_paragraph(m, m.sections[1].id, 0, p, "t1").apply(m)
    delete_paragraph(m, p.id, "t2").apply(m)
    assert not m.has_paragraph(p.id)


def test_rejecting_an_insertion_with_a_deletion_inside_it_together() -> None:
    # One Side's words deleted by the same Side a round later: rejecting both at once (all of
    # that Side's revisions) once raised IndexError, the deletion gone with its insertion.
    kr2 = Author(Side.KR, 2, "2020-12-15T09:00:00Z")
    track = diff("a b.", "a x y b.", Side.KR, 2, kr2.time)
    track = retrack(track, "a y b.", KR3)
    pending = [i for i, s in enumerate(track) if s.kind != PLAIN]
    assert [track[i].kind for i in pending] == [DELETE, INSERT]
    assert current_text(decide_many(track, pending, accept=False)) == "a b."
    assert current_text(decide_many(track, pending, accept=True)) == "a y b."


@settings(max_examples=300, deadline=None)
@given(texts, texts, texts, st.booleans())
def test_deciding_every_change_at_once(a: str, b: str, c: str, accept: bool) -> None:
    # Accepted together: the current text, nothing pending. Rejected together: the baseline
    # kept, no deletion left (a rejected deletion of inserted words gives the insertion back).
    track = retrack(diff(a, b, Side.RU, 2, RU2.time), c, KR3)
    pending = [i for i, s in enumerate(track) if s.kind != PLAIN]
    if not pending:
        return
    decided = decide_many(track, pending, accept)
    if accept:
        assert all(s.kind == PLAIN for s in decided)
        assert current_text(decided) == current_text(track)
    else:
        assert baseline_text(decided) == baseline_text(track)
        assert all(s.kind != DELETE for s in decided)


@pytest.mark.parametrize("steps", [
    # backspace over "7." then type "8."
    ["Valid until 2027", "Valid until 202", "Valid until 2028", "Valid until 2028."],
    # backspace over the whole "2027." then type "2028."
    ["Valid until ", "Valid until 2", "Valid until 20", "Valid until 202", "Valid until 2028",
     "Valid until 2028."],
    # select "2027." and type over it
    ["Valid until 2", "Valid until 20", "Valid until 202", "Valid until 2028",
     "Valid until 2028."],
])
def test_retyping_a_year_and_its_full_stop_key_by_key_is_two_revisions(steps: list[str]
                                                                         ) -> None:
    track = plain("Valid until 2027.")
    for text in steps:
        track = retrack(track, text, KR3)
    assert changes(track) == [(DELETE, "2027", "KR"), (INSERT, "2028", "KR")]
    assert current_text(track) == "Valid until 2028."
    assert baseline_text(track) == "Valid until 2027."
