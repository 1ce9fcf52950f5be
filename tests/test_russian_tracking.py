"""Tracking in Russian: tokens, revisions by Side and round, blame, decisions and merge."""

from __future__ import annotations

from minutes_app.model import Minutes

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.model import Side
from minutes_app.model.track import (
    DELETE, INSERT, PLAIN, Author, Track, baseline_text, current_text,
)
from minutes_app.tracking.decide import accept_all, decide, reject_all
from minutes_app.tracking.diff import diff, retrack
from minutes_app.tracking.tokens import tokenize

RU2 = Author(Side.RU, 2, "2020-12-14T08:30:00Z")
KR3 = Author(Side.KR, 3, "2020-12-16T10:00:00Z")
NBSP, NNBSP = "\u00a0", "\u202f"


def changes(track: Track) -> list[tuple[str, str, str]]:
    return [(s.kind, s.text, s.author.side.value) for s in track if s.kind != PLAIN
            if s.author]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Стороны договорились", ["Стороны", " ", "договорились"]),
        ("18 декабря 2020 г.", ["18", " ", "декабря", " ", "2020", " ", "г", "."]),
        (f"18{NBSP}декабря", ["18", NBSP, "декабря"]),
        ("1 000 компаний", ["1 000", " ", "компаний"]),
        (f"1{NBSP}000 и 1{NNBSP}500{NNBSP}000", [f"1{NBSP}000", " ", "и", " ",
                                                f"1{NNBSP}500{NNBSP}000"]),
        ("1,5 млн долларов", ["1,5", " ", "млн", " ", "долларов"]),
        ("в 2021 году 500 человек", ["в", " ", "2021", " ", "году", " ", "500", " ", "человек"]),
        ("Северо-Восточный регион", ["Северо-Восточный", " ", "регион"]),
        ("14-е заседание", ["14", "-", "е", " ", "заседание"]),
        ("«Стороны»", ["«", "Стороны", "»"]),
        ("и\u0306од", ["и\u0306од"]),  # a decomposed "й" stays inside its word
    ],
)
def test_russian_tokens(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("base", "current", "expected"),
    [
        ("Стороны договорились расширить торговлю.",
         "Стороны договорились расширить торговлю и инвестиции.",
         [(INSERT, " и инвестиции", "RU")]),
        ("на долю которого приходится 50 процентов", "на долю которого приходится 40 процентов",
         [(DELETE, "50", "RU"), (INSERT, "40", "RU")]),
        ("инвестиции в размере 1 000 долларов", "инвестиции в размере 1 500 долларов",
         [(DELETE, "1 000", "RU"), (INSERT, "1 500", "RU")]),
        (f"до 1{NBSP}000 человек", f"до 12{NBSP}000 человек",
         [(DELETE, f"1{NBSP}000", "RU"), (INSERT, f"12{NBSP}000", "RU")]),
        ("сумма 1,5 млн рублей", "сумма 2,5 млн рублей",
         [(DELETE, "1,5", "RU"), (INSERT, "2,5", "RU")]),
        ("состоялось 18 декабря 2020 г.", "состоялось 17 декабря 2020 г.",
         [(DELETE, "18", "RU"), (INSERT, "17", "RU")]),
        ("в начале 2021 г.", "в первом полугодии 2021 г.",
         [(DELETE, "начале", "RU"), (INSERT, "первом полугодии", "RU")]),
        ("активное содействие", "содействие", [(DELETE, "активное ", "RU")]),
    ],
)
def test_one_russian_change_is_one_readable_revision(
        base: str, current: str, expected: list[tuple[str, str, str]]) -> None:
    track = diff(base, current, Side.RU, 2, RU2.time)
    assert changes(track) == expected
    assert current_text(track) == current and baseline_text(track) == base


def test_blame_a_russian_insertion_keeps_its_side_when_the_korean_side_edits_inside_it() -> None:
    track = diff("Стороны продолжат консультации.", "Стороны продолжат консультации по "
                 "Северному морскому пути и Транссибу.", Side.RU, 2, RU2.time)
    track = retrack(track, "Стороны продолжат консультации по Северному морскому пути.", KR3)
    deleted = [s for s in track if s.kind == DELETE]
    assert [(s.text, s.author.side, s.origin.side) for s in deleted if s.author and s.origin] \
        == [(" и Транссибу", Side.KR, Side.RU)]
    assert (INSERT, " по Северному морскому пути", "RU") in changes(track)
    assert current_text(accept_all(track)) == \
        "Стороны продолжат консультации по Северному морскому пути."
    assert current_text(reject_all(track)) == "Стороны продолжат консультации."
    restored = decide(track, track.index(deleted[0]), accept=False)
    assert changes(restored) == [(INSERT, " по Северному морскому пути и Транссибу", "RU")]


# -- properties -----------------------------------------------------------------------------
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
any_text = st.text(alphabet=st.sampled_from(
    [*CYRILLIC, *"0123456789", " ", NBSP, NNBSP, ",", ".", "-", "«", "»", "%", "\u0306",
     "\n", "ㄱ", "협", "a", "Z"]), max_size=60)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_tokens_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text
    assert all(tokenize(text))


def _grouped(n: int, sep: str) -> str:
    digits = str(n)
    head, rest = digits[: len(digits) % 3 or 3], digits[len(digits) % 3 or 3:]
    return sep.join([head, *(rest[i:i + 3] for i in range(0, len(rest), 3))])


numbers = st.one_of(
    st.builds(_grouped, st.integers(0, 10**12), st.sampled_from([" ", NBSP, NNBSP])),
    st.builds(lambda a, b: f"{a},{b}", st.integers(0, 999), st.integers(0, 99)),
    st.integers(0, 10**6).map(str),
)
words = st.text(alphabet=st.sampled_from(CYRILLIC), min_size=1, max_size=10)


@settings(max_examples=400, deadline=None)
@given(words, numbers, words, st.sampled_from([" ", NBSP]))
def test_a_number_between_words_is_one_token(before: str, number: str, after: str,
                                            space: str) -> None:
    tokens = tokenize(f"{before}{space}{number}{space}{after}")
    assert number in tokens


sentences = st.lists(st.one_of(words, numbers), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(sentences, sentences, sentences)
def test_russian_revisions_lead_to_both_texts_across_two_rounds(a: str, b: str, c: str) -> None:
    track = retrack(diff(a, b, Side.RU, 2, RU2.time), c, KR3)
    assert current_text(track) == c and baseline_text(track) == a
    assert current_text(accept_all(track)) == c
    assert current_text(reject_all(track)) == a


@settings(max_examples=300, deadline=None)
@given(words, numbers, numbers, words)
def test_a_changed_number_is_replaced_whole(before: str, old: str, new: str, after: str) -> None:
    track = diff(f"{before} {old} {after}", f"{before} {new} {after}", Side.RU, 2, RU2.time)
    if old != new:
        assert (DELETE, old, "RU") in changes(track) and (INSERT, new, "RU") in changes(track)


# -- merge of the other delegation's copy, in Russian -------------------------------------------
def test_merge_brings_russian_edits_in_as_theirs_and_a_clash_as_a_bracket() -> None:
    from minutes_app.model import Lang
    from minutes_app.model.brackets import open_brackets
    from minutes_app.model.serialize import minutes_in, minutes_out
    from minutes_app.workflows.templates import demo
    from minutes_app.tracking.merge import merge
    from minutes_app.tracking.ops import edit_text
    from minutes_app.tracking.revisions import all_revisions
    from minutes_app.tracking.rounds import snapshot

    t1, t2, t3 = "2020-12-10T09:00:00Z", "2020-12-14T09:00:00Z", "2020-12-15T09:00:00Z"
    ours = demo(history=False, languages=[Lang.KO, Lang.RU, Lang.EN])
    ours.rounds.append(snapshot(ours, Side.KR, t1, "Draft"))
    theirs = minutes_in(minutes_out(ours))
    theirs.own_side = Side.RU

    def replace(m: Minutes, number: int, old: str, new: str, now: str) -> int:
        pid = next(p.id for p in m.paragraphs() if m.number(p.id) == number)
        text = m.paragraph(pid).text(Lang.RU)
        assert old in text
        edit_text(m, pid, Lang.RU, text.replace(old, new, 1), now).apply(m)
        return pid

    replace(theirs, 10, "Транссибирской магистрали", "Транссибирской магистрали и Северного "
            "морского пути", t2)
    clash = replace(theirs, 12, "в начале 2021 г.", "в первом полугодии 2021 г.", t2)
    theirs.rounds.append(snapshot(theirs, Side.RU, t2, "Замечания Российской Стороны"))
    replace(ours, 12, "в начале 2021 г.", "весной 2021 г.", t3)
    op, report = merge(ours, theirs, t3)
    op.apply(ours)
    russian = [(r.number, r.kind, r.text) for r in all_revisions(ours)
               if r.side is Side.RU and r.lang is Lang.RU]
    assert (10, "insert", "и Северного морского пути ") in russian
    [bracket] = open_brackets(ours.paragraph(clash), Lang.RU)
    options = {o.text: o.side for o in bracket.options}
    assert any("первом полугодии" in t and s is Side.RU for t, s in options.items())
    assert any("весной" in t and s is Side.KR for t, s in options.items())
    assert report.conflicts == [clash]
