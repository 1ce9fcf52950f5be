"""The negotiation's history: comparison of rounds, provenance of every word, the figures."""

from __future__ import annotations

from tests.helpers import some

import os
import re
import warnings

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisDeprecationWarning

from minutes_app.errors import ValidationError
from minutes_app.model import Lang, Minutes, Paragraph, Section, Side
from minutes_app.model.track import DELETE, INSERT, Author, baseline_text, current_text
from minutes_app.tracking.brackets import choose_op
from minutes_app.tracking.compare import compare, timeline
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.negotiation import figures
from minutes_app.tracking.ops import EditText
from minutes_app.tracking.provenance import blame, stages
from minutes_app.tracking.rounds import snapshot


def _number(m: Minutes, n: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == n)


def _who(m: Minutes, lang: Lang, n: int, words: str) -> set[tuple[str, int]]:
    """The (Side, round) of every span covering ``words`` in paragraph ``n``."""
    b = next(x for x in blame(m, lang) if x.number == n)
    text = m.paragraph(b.pid).text(lang)
    start = text.index(words)
    return {(s.side.value, s.round) for s in b.spans
            if s.start < start + len(words) and start < s.end}


# -- the demo's three rounds ---------------------------------------------------------------
@pytest.mark.parametrize(("lang", "n", "words", "who"), [
    (Lang.EN, 10, "and the Northern Sea Route", {("RU", 2)}),
    (Lang.KO, 10, "및 북극항로", {("RU", 2)}),
    (Lang.EN, 3, "joint", {("RU", 2)}),
    (Lang.EN, 11, "start-ups and venture investors", {("KR", 3)}),
    (Lang.EN, 10, "Trans-Siberian Railway", {("KR", 1)}),
    (Lang.EN, 12, "the first half of", {("RU", 2)}),
    (Lang.EN, 9, "taking into account the situation on the domestic grain market",
     {("RU", 2)}),
])
def test_demo_blame_knows_who_proposed_the_words(demo_minutes: Minutes, lang: Lang, n: int,
                                                  words: str, who: set[tuple[str, int]]) -> None:
    assert _who(demo_minutes, lang, n, words) == who


def test_demo_blame_covers_the_whole_text(demo_minutes: Minutes) -> None:
    for lang in demo_minutes.languages:
        for b in blame(demo_minutes, lang):
            assert "".join(s.text for s in b.spans) == demo_minutes.paragraph(b.pid).text(lang)


def test_demo_round_one_to_two_is_the_russian_counter_draft(demo_minutes: Minutes) -> None:
    c = compare(demo_minutes, 1, 2)
    assert [p.number for p in c.paragraphs] == [3, 6, 9, 10, 12]
    p10 = next(p for p in c.paragraphs if p.number == 10)
    inserted = [(s.text, s.author) for s in p10.tracks[Lang.EN] if s.kind == INSERT]
    assert inserted == [("and the Northern Sea Route ", Author(Side.RU, 2, "2020-12-14T08:30:00Z"))]
    p6 = next(p for p in c.paragraphs if p.number == 6)
    assert [(s.text, s.author.side) for s in p6.tracks[Lang.EN] if s.kind == DELETE and s.author
            ] == [("active ", Side.RU)]


def test_demo_round_two_to_the_current_text_is_the_korean_answer(demo_minutes: Minutes) -> None:
    c = compare(demo_minutes, 2)
    assert c.current and c.newer == 3
    # paragraph 12's bracket is an object on its words: its text did not change
    assert [p.number for p in c.paragraphs] == [9, 11]
    sides = {s.author.side for p in c.paragraphs for t in p.tracks.values() for s in t
             if s.author is not None}
    assert sides == {Side.KR}
    p9 = next(p for p in c.paragraphs if p.number == 9)
    assert [s.text for s in p9.tracks[Lang.EN] if s.kind == DELETE] == [
        " of the Russian Federation"]


def test_compare_accepts_to_newer_and_rejects_to_older(demo_minutes: Minutes) -> None:
    all_stages = stages(demo_minutes)
    for older, newer in ((1, 2), (1, 3), (2, 3)):
        for p in compare(demo_minutes, older, newer).paragraphs:
            for lang, track in p.tracks.items():
                assert current_text(track) == all_stages[newer - 1].texts[p.pid][lang]
                assert baseline_text(track) == all_stages[older - 1].texts[p.pid][lang]


def test_compare_refuses_rounds_out_of_order(demo_minutes: Minutes) -> None:
    for older, newer in ((2, 1), (2, 2), (0, 2), (1, 9)):
        with pytest.raises(ValidationError):
            compare(demo_minutes, older, newer)


def test_timeline_of_a_paragraph_steps_through_every_round(demo_minutes: Minutes) -> None:
    entries = timeline(demo_minutes, _number(demo_minutes, 12))
    assert [(e.round, e.side, e.current) for e in entries] == [
        (1, Side.KR, False), (2, Side.RU, False), (3, Side.KR, True)]
    assert not entries[0].changes  # nothing before the first round to compare with
    assert {s.author.side for t in entries[1].changes.values() for s in t
            if s.author} == {Side.RU}
    assert "[" not in some(entries[2].texts)[Lang.EN]  # rendered, not text


def test_timeline_gives_each_round_its_comments(demo_minutes: Minutes) -> None:
    from minutes_app.model import AddComment, Comment

    m = demo_minutes
    pid = _number(m, 10)
    AddComment(pid, Comment(m.allocate_id(), Side.RU, "The NSR matters to us",
                            "2020-12-13T10:00:00Z")).apply(m)
    AddComment(pid, Comment(m.allocate_id(), Side.KR, "To be checked with MOF",
                            "2020-12-15T10:00:00Z")).apply(m)
    entries = timeline(m, pid)
    assert [[c.text for c in e.comments] for e in entries] == [
        [], ["The NSR matters to us"], ["To be checked with MOF"]]


def test_blame_survives_accepting_and_choosing_a_bracket_option(demo_minutes: Minutes) -> None:
    m = demo_minutes
    p12 = _number(m, 12)
    for lang in (Lang.EN, Lang.KO):
        choose_op(m, p12, lang, 0, 0, "2020-12-17T10:00:00Z").apply(m)
    decision(m, select(m, lambda r: True), accept=True).apply(m)
    assert _who(m, Lang.EN, 12, "the first half of") == {("RU", 2)}
    assert _who(m, Lang.EN, 10, "and the Northern Sea Route") == {("RU", 2)}
    m.rounds.append(snapshot(m, Side.KR, "2020-12-17T11:00:00Z"))
    assert _who(m, Lang.EN, 10, "and the Northern Sea Route") == {("RU", 2)}
    assert _who(m, Lang.KO, 12, "상반기") == {("RU", 2)}


def test_blame_survives_rejecting_a_deletion(demo_minutes: Minutes) -> None:
    m = demo_minutes  # the Korean Side rejects the Russian deletion of "적극적인" after all
    p6 = _number(m, 6)
    text = m.paragraph(p6).text(Lang.KO)
    EditText(p6, Lang.KO, text.replace("협조를", "적극적인 협조를"),
             Author(Side.KR, 3, "2020-12-16T10:00:00Z")).apply(m)
    assert _who(m, Lang.KO, 6, "적극적인") == {("KR", 1)}


def test_blame_follows_words_into_a_split_paragraph(demo_minutes: Minutes) -> None:
    m = demo_minutes
    p10 = m.paragraph(_number(m, 10))
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T10:00:00Z"))
    text = p10.text(Lang.EN)
    cut = text.index("for container")
    section = m.section_of(p10.id)
    tail = Paragraph(m.allocate_id(), {Lang.EN: text[cut:], Lang.KO: ""})
    section.paragraphs.insert(section.paragraphs.index(p10) + 1, tail)
    m.structure_changed()
    EditText(p10.id, Lang.EN, text[:cut].rstrip(),
             Author(Side.KR, 4, "2020-12-17T10:00:00Z")).apply(m)
    moved = next(b for b in blame(m, Lang.EN) if b.pid == tail.id)
    assert {(s.side, s.round) for s in moved.spans if s.text.strip()} == {(Side.KR, 1)}


def test_figures_count_each_sides_changes_per_round(demo_minutes: Minutes) -> None:
    rounds, paragraphs = figures(demo_minutes)
    assert [r.side for r in rounds] == [Side.KR, Side.RU, Side.KR]
    assert set(rounds[1].insertions) == {Side.RU} and rounds[1].changed == 5
    assert set(rounds[2].insertions) == {Side.KR} and rounds[2].bracketed == 1
    p6 = next(p for p in paragraphs if p.number == 6)
    assert p6.proposals[Side.RU]["accepted"] == 2  # "active" / "적극적인" deleted, accepted


# -- laws, for random negotiations -----------------------------------------------------------
def _words(text: str) -> list[str]:
    """The unique words of a text."""
    return re.findall(r"q[a-p]+", text)


def _word(n: int) -> str:
    """A unique word."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 16)
        out = "abcdefghijklmnop"[r] + out
    return "q" + out


class _Negotiation:
    """Two Sides editing one paragraph over rounds; the truth is kept per (unique) word."""

    def __init__(self, words: int) -> None:
        self.count = 0
        self.m = Minutes(languages=[Lang.EN])
        self.creator: dict[str, tuple[Side, int]] = {}
        first = [self._new(Side.KR, 1) for _ in range(words)]
        self.pid = self.m.allocate_id()
        self.m.sections = [Section(self.m.allocate_id(), {}, [Paragraph(self.pid, {
            Lang.EN: " ".join(first)})])]
        self.m.structure_changed()
        self.texts = [""]

    def _new(self, side: Side, round_number: int) -> str:
        w = _word(self.count)
        self.count += 1
        self.creator[w] = (side, round_number)
        return w

    @property
    def text(self) -> str:
        return self.m.paragraph(self.pid).text(Lang.EN)

    def send(self, side: Side) -> None:
        when = f"2020-12-{len(self.m.rounds) + 1:02d}T09:00:00Z"
        self.m.rounds.append(snapshot(self.m, side, when))
        self.texts.append(self.text)

    def act(self, side: Side, choice: int, where: int) -> None:
        r = self.m.working_round
        author = Author(side, r, f"2020-12-{r:02d}T08:00:00Z")
        words = self.text.split(" ") if self.text else []
        if choice == 0 or not words:  # insert a new word
            words.insert(where % (len(words) + 1), self._new(side, r))
            EditText(self.pid, Lang.EN, " ".join(words), author).apply(self.m)
        elif choice == 1:  # delete a word
            del words[where % len(words)]
            EditText(self.pid, Lang.EN, " ".join(words), author).apply(self.m)
        else:  # accept or reject one pending revision of the other Side
            revs = select(self.m, lambda x: x.side is not side)
            if not revs:
                return
            rev = revs[where % len(revs)]
            decision(self.m, [rev], accept=choice == 2).apply(self.m)


EXAMPLES = int(os.environ.get("HISTORY_EXAMPLES", "60"))  # more: HISTORY_EXAMPLES=600
negotiations = st.lists(  # rounds, each a list of (action, position)
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 50)), min_size=1, max_size=5),
    min_size=1, max_size=5)


def _play(words: int, rounds: list[list[tuple[int, int]]]) -> _Negotiation:
    """Play the rounds; glued words (a space lost by the track, not by blame) are no case."""
    neg = _Negotiation(words)
    neg.send(Side.KR)
    for k, actions in enumerate(rounds):
        side = Side.RU if k % 2 == 0 else Side.KR
        for choice, where in actions:
            neg.act(side, choice, where)
        if k < len(rounds) - 1 or side is Side.RU:  # the own Side's last round: working text
            neg.send(side)
    assume(all(len(_words(t)) == len(t.split()) for t in [*neg.texts, neg.text]))
    return neg


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 8), negotiations)
def test_blame_attributes_every_word_to_the_edit_that_inserted_it(
        words: int, rounds: list[list[tuple[int, int]]]) -> None:
    neg = _play(words, rounds)
    (b,) = blame(neg.m, Lang.EN)
    assert "".join(s.text for s in b.spans) == neg.text
    who = [(s.side, s.round) for s in b.spans for _ in s.text]  # per character
    for w in re.finditer(r"q[a-p]+\b", neg.text):
        assert {who[i] for i in range(w.start(), w.end())} == {neg.creator[w.group()]}, w


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 8), negotiations, st.data())
def test_comparing_two_rounds_replays_the_revisions_between_them(
        words: int, rounds: list[list[tuple[int, int]]], data: st.DataObject) -> None:
    neg = _play(words, rounds)
    last = neg.m.working_round
    older = data.draw(st.integers(1, last - 1)) if last > 1 else 1
    newer = data.draw(st.integers(older + 1, last)) if last > older else None
    if newer is None:
        return
    _assert_comparison(neg, older, newer)


def _assert_comparison(neg: _Negotiation, older: int, newer: int) -> None:
    """Comparing ``older`` with ``newer`` replays the revisions between them, each by its
    author, and every deleted word is credited to the Side that deleted it last."""
    all_stages = stages(neg.m)
    old_text = all_stages[older - 1].texts[neg.pid][Lang.EN]
    new_text = all_stages[newer - 1].texts[neg.pid][Lang.EN]
    found = compare(neg.m, older, newer).paragraphs
    if old_text == new_text:
        assert not found
        return
    track = found[0].tracks[Lang.EN]
    assert current_text(track) == new_text  # every change between them replayed
    assert baseline_text(track) == old_text  # and every one undone
    for seg in track:
        assert seg.author is None or older < seg.author.round <= newer
    joined = "".join(seg.text for seg in track)
    per_char = [seg for seg in track for _ in seg.text]
    for w in re.finditer(r"q[a-p]+\b", joined):
        segs = {per_char[i] for i in range(w.start(), w.end())}
        kinds = {seg.kind for seg in segs}
        assert len(kinds) == 1, w  # a word is inserted, deleted or kept whole
        authors = {(seg.author.side, seg.author.round) for seg in segs if seg.author}
        if kinds == {INSERT} and older < neg.creator[w.group()][1]:
            assert authors == {neg.creator[w.group()]}, w
        if kinds == {DELETE}:  # deleted by the Side of the last round it vanished in
            vanished = [s.side for s, t in zip(all_stages[older:newer],
                                               all_stages[older - 1:newer - 1], strict=True)
                        if w.group() in _words(t.texts[neg.pid][Lang.EN])
                        and w.group() not in _words(s.texts[neg.pid][Lang.EN])]
            assert {a[0] for a in authors} == {vanished[-1]}, w


def test_words_back_from_graves_on_either_side_of_a_deleted_word_are_revived_one_by_one(
        ) -> None:
    # RU deletes qb and qd; KR rejects both and deletes qc between them: the diff brings
    # "qb qd" back as one insertion; KR deletes qb again last: its deletion is KR's
    rounds = [[(1, 3), (1, 1)], [(3, 0), (3, 0), (1, 2)], [(0, 0)], [(1, 2)]]
    with warnings.catch_warnings():  # _play's assume() holds here; outside @given it warns
        warnings.simplefilter("ignore", HypothesisDeprecationWarning)
        neg = _play(4, rounds)
    assert [s.texts[neg.pid][Lang.EN] for s in stages(neg.m)] == [
        "qa qb qc qd", "qa qc", "qa qb qd", "qe qa qb qd", "qe qa qd"]
    for older in range(1, 5):
        for newer in range(older + 1, 6):
            _assert_comparison(neg, older, newer)


@pytest.mark.parametrize("words, rounds, texts", [
    # RU deletes qb, KR writes qd for qa: "qa" -> "qd qb" puts qb's space on the other side
    (3, [[(2, 40), (1, 40)], [(0, 0), (3, 1), (1, 21), (2, 24)], [(1, 8)], [(2, 27), (1, 29)]],
     ["qa qb qc", "qa qc", "qd qb qc", "qd qb", "qd"]),
    # KR writes qb for "qa qc"; RU brings qc back after qb (its grave lies before qb)
    (4, [[(1, 45)], [(1, 27), (1, 46), (3, 48), (3, 14)], [(3, 45), (2, 6)], [(1, 33)],
         [(1, 22)]],
     ["qa qb qc qd", "qa qc qd", "qb qd", "qb qc qd", "qc qd", "qd", "qd"]),
    # RU writes qb back for qa: "qb" lies before the space, its grave "qb " after it
    (3, [[(0, 2)], [(1, 1)], [(1, 0), (3, 0)], [(0, 0)], [(1, 0), (1, 0)]],
     ["qa qb qc", "qa qb qd qc", "qa qd qc", "qb qd qc", "qe qb qd qc", "qd qc", "qd qc"]),
])
def test_a_word_back_with_its_space_on_the_other_side_is_revived_across_the_space(
        words: int, rounds: list[list[tuple[int, int]]], texts: list[str]) -> None:
    with warnings.catch_warnings():  # _play's assume() holds here; outside @given it warns
        warnings.simplefilter("ignore", HypothesisDeprecationWarning)
        neg = _play(words, rounds)
    assert [s.texts[neg.pid][Lang.EN] for s in stages(neg.m)] == texts
    for older in range(1, len(texts)):
        for newer in range(older + 1, len(texts) + 1):
            _assert_comparison(neg, older, newer)


# -- blame survives merge, moves and joins --------------------------------------------------------
def test_blame_survives_a_merge_then_accepting_and_sending() -> None:
    from tests.test_merge import T2, T3, _replace, exchanged
    from minutes_app.tracking.merge import merge

    ours, theirs = exchanged()
    _replace(theirs, 10, Lang.EN, "Railway", "Railway and the Northern Sea Route", T2)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2, "Comments"))
    op, report = merge(ours, theirs, T3)
    op.apply(ours)
    assert report.round is not None
    ours.rounds.append(report.round)
    decision(ours, select(ours, lambda r: True), accept=True).apply(ours)
    ours.rounds.append(snapshot(ours, Side.KR, "2020-12-16T09:00:00Z"))
    assert _who(ours, Lang.EN, 10, "and the Northern Sea Route") == {("RU", 2)}
    assert _who(ours, Lang.EN, 10, "Trans-Siberian Railway") == {("KR", 1)}


def test_blame_survives_moving_a_paragraph(demo_minutes: Minutes) -> None:
    from minutes_app.tracking.structure import move_paragraph

    m = demo_minutes
    pid = _number(m, 10)
    first = m.sections[1]
    move_paragraph(m, pid, first.id, 0, "2020-12-16T11:00:00Z").apply(m)
    m.structure_changed()
    b = next(x for x in blame(m, Lang.EN) if x.pid == pid)
    text = m.paragraph(pid).text(Lang.EN)
    at = text.index("and the Northern Sea Route")
    assert {(s.side, s.round) for s in b.spans if s.start <= at < s.end} == {(Side.RU, 2)}


def test_blame_follows_words_into_a_joined_paragraph(demo_minutes: Minutes) -> None:
    m = demo_minutes
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T10:00:00Z"))
    a, b = m.paragraph(_number(m, 10)), m.paragraph(_number(m, 9))
    b_text = b.text(Lang.EN)
    m.section_of(b.id).paragraphs.remove(b)
    m.structure_changed()
    EditText(a.id, Lang.EN, a.text(Lang.EN) + " " + b_text,
             Author(Side.KR, 4, "2020-12-17T10:00:00Z")).apply(m)
    assert _who(m, Lang.EN, 9, "taking into account the situation") == {("RU", 2)}
    assert _who(m, Lang.EN, 9, "grain export restrictions") == {("KR", 1)}


def test_a_word_restored_by_rejecting_its_deletion_keeps_its_author() -> None:
    rounds = [[(0, 0)], [(0, 0), (0, 0), (1, 0), (1, 0), (1, 0)], [(0, 0)],
              [(0, 0), (0, 0), (1, 0), (1, 0), (1, 0)], [(3, 0), (3, 0)]]
    with warnings.catch_warnings():  # _play's assume() holds here; outside @given it warns
        warnings.simplefilter("ignore", HypothesisDeprecationWarning)
        neg = _play(1, rounds)
    (b,) = blame(neg.m, Lang.EN)
    who = [(s.side, s.round) for s in b.spans for _ in s.text]
    for w in re.finditer(r"q[a-p]+\b", neg.text):
        assert {who[i] for i in range(w.start(), w.end())} == {neg.creator[w.group()]}, w
