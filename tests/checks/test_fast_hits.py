"""The checks' fast paths (literal searches, hints, look-aheads) find what the plain ones find."""

from __future__ import annotations

import random
import re

from bench.checks import distinct_texts
from bench.synthetic import synthetic
from minutes_app.checks import (
    dates, meaning, negation, numbers, periods, val_idents, val_ru_words, words,
)
from minutes_app.checks.context import Context, head_pattern, row_pattern
from minutes_app.checks.names_found import _literal_hits, _word_start_hits, named
from minutes_app.checks.tokens import latin_words
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo

_ALPHABET = ["a", "b", "A", "1", "_", " ", "-", "é", "한", "²", "Busan", "aa", "ab"]


def _generated(rng: random.Random) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))


def test_hits_match_the_regexes_on_generated_texts() -> None:
    rng = random.Random(16)
    for _ in range(600):
        text = _generated(rng)
        variant = rng.choice(["a", "aa", "ab", "A", "Busan", "한", "1", "b a"])
        regex_word = re.compile(r"(?<![^\W\d_])" + re.escape(variant))
        assert _word_start_hits(text, variant) == \
            [(h.start(), h.end()) for h in regex_word.finditer(text)], (text, variant)
        assert _literal_hits(text, variant) == \
            [(h.start(), h.end()) for h in re.finditer(re.escape(variant), text)], (text, variant)


def _regex_named(text: str, lang: Lang, ctx: Context) -> tuple[dict[int, tuple[int, int]], str]:
    """``named`` as it was written with regexes for every hit (the plain path)."""
    found: dict[int, tuple[int, int]] = {}
    lower = text.lower()
    for probe, value, lowered in ctx.head_patterns.get(lang, ()):
        if probe in (lower if lowered else text):
            text = head_pattern(lang, value).sub(lambda h: "\x00" * (h.end() - h.start()), text)
    lower = text.lower()
    for row in ctx.lookup.get(lang, ()):
        variant, index, _phrase, lowered = row
        if variant not in (lower if lowered else text):
            continue
        regex = row_pattern(row)
        hits = [(h.start(), h.end()) for h in regex.finditer(text)]
        for s, e in hits:
            text = text[:s] + "\x00" * (e - s) + text[e:]
            lower = lower[:s] + "\x00" * (e - s) + lower[e:]
        if hits and index not in found:
            found[index] = hits[0]
    return found, text


def test_named_matches_the_regex_path_on_generated_paragraphs() -> None:
    m = synthetic(300)
    distinct_texts(m)
    m.glossary, m.meeting = demo().glossary, demo().meeting
    ctx = Context(m)
    checked = 0
    for p in m.paragraphs():
        for lang in (Lang.EN, Lang.KO):
            text = p.text(lang)
            assert named(text, lang, ctx) == _regex_named(text, lang, ctx)
            checked += bool(named(text, lang, ctx)[0])
    assert checked > 100  # most paragraphs name something: the comparison means something


_ROMANISH = ["I", "II", "IV", "XIV", "IC", "VI", "Annex ", "Annexes ", "Part ", "раздел ",
             "Приложение ", " and ", ", ", "&", "a", "COVID", "1", "half", "third", "two",
             "one and a half", " ", "-", "twenty-", "hundredth", "sides", "the one"]


def test_cheap_tests_never_skip_a_hit_of_the_patterns_they_guard() -> None:
    """The hints and the letter look-aheads of ``words`` drop only texts the patterns miss."""
    rng = random.Random(61)
    plain = {name: re.compile(getattr(words, name).pattern.split(":", 1)[1][:-1])
             for name in ("_EN_WORD", "_EN_FRACTION", "_EN_IDIOM", "_ROMAN")}
    for _ in range(3000):
        text = "".join(rng.choice(_ROMANISH) for _ in range(rng.randint(1, 12)))
        lower = text.lower()
        if words._ROMAN.search(text):
            assert words._ROMAN_HINT.search(text), text
        if words._EN_FRACTION.search(lower):
            assert not latin_words(lower).isdisjoint(words._FRACTIONS), text
        for name, pattern in plain.items():
            subject = text if name == "_ROMAN" else lower
            assert [h.span() for h in getattr(words, name).finditer(subject)] == \
                [h.span() for h in pattern.finditer(subject)], (name, text)


_MIXED = ["1", "20", "2,000", "1.5", " ", "-", "G", "COVID", "코로나", "ковид", "km", "th",
          "조", "억", "천", "만", "원", "a", "Q", "q3", "h1", "first half", "late ", "end of ",
          "2020", " year", "mid-", "year-end", "_", "한", "é", "st", "/", ".", "년", "월", "초",
          "말", "중반", "하반기", "상순", "제", "분기", "연말", "해", "KICP", "Ab", "&",
          "s", "ASEZs"]


def _without_lead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as it was before its look-ahead of first characters was added."""
    source = re.sub(r"^\(\?=\[[^\]]*\]\)", "", pattern.pattern)
    return re.compile(source, pattern.flags)


def test_look_aheads_of_numbers_and_periods_change_no_hit() -> None:
    rng = random.Random(1616)
    led = [numbers._EN_NUM, numbers._RU_NUM, numbers._KO_CHUNK, val_idents.IDENT,
           periods._PERIOD_HINT_RE[Lang.EN], periods._PERIOD_ONE[Lang.EN],
           periods._PERIOD_ONE[Lang.KO], meaning._ACRONYM]
    plain = [_without_lead(p) for p in led]
    old_hint = re.compile(r"[A-Za-z]-?\d|\d[A-Za-z]|코로나|[Кк][Оо][Вв][Ии][Дд]")
    hits = 0
    for _ in range(3000):
        text = "".join(rng.choice(_MIXED) for _ in range(rng.randint(1, 14)))
        for subject in (text, text.lower()):
            for a, b in zip(led, plain, strict=True):
                found = [(h.span(), h.groups(), h.lastgroup) for h in a.finditer(subject)]
                assert found == [(h.span(), h.groups(), h.lastgroup) for h in b.finditer(subject)]
                hits += len(found)
            assert bool(val_idents.IDENT_HINT.search(subject)) == bool(old_hint.search(subject))
    assert hits > 1000


_GUARDED = ["half", "quarter", "h1", "1h", "q3", "mid-", "year-end", "end of ", "early ", "late ",
            " 2021", "the ", "two ", "twenty-", "one", "first", "_", "é", "-", " ", "1", "x",
            "две ", "обеих ", "стороны", "во ", "первых", "впервые", "половина", "трети",
            "четверть", "три ", "Ǆ", "K"]


def test_word_guards_skip_only_texts_without_hits() -> None:
    """The word-set guards (periods, Russian idioms and fractions, number words) lose no hit."""
    rng = random.Random(62)
    for _ in range(4000):
        text = "".join(rng.choice(_GUARDED) for _ in range(rng.randint(1, 10)))
        lower = text.lower()
        if periods._PERIOD_HINT_RE[Lang.EN].search(lower):
            assert not periods._EN_PERIOD_WORDS.isdisjoint(latin_words(lower)), text
        if val_ru_words._IDIOM.search(lower):
            assert any(w in lower for w in val_ru_words._NEEDS_IDIOM), text
        if val_ru_words._FRACTION.search(lower):
            assert any(w in lower for w in val_ru_words._NEEDS_FRACTION), text
        present = words.EN_HINTS.intersection(latin_words(lower))
        blanked = words._blank(lower, words._EN_IDIOM)
        if words._EN_WORD.search(blanked):
            assert any(w in blanked for w in present if w in words.EN_WORDS), text
        assert [h.span() for h in words._EN_WORD.finditer(lower)] == \
            [h.span() for h in words._en_word(present).finditer(lower)], text


def test_russian_substring_guards_are_the_hints() -> None:
    """The Russian period stems are the hint's alternatives; a genitive month is in every date."""
    hint = periods._PERIOD_HINT_RE[Lang.RU].pattern
    assert hint.split("|") == list(periods._RU_PERIOD_STEMS)
    rng = random.Random(63)
    parts = ["18 ", "декабря", " 2020", "мая", "1-2 ", "по ", "маяк", "5 ", " года"]
    for _ in range(2000):
        lower = "".join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
        if dates._RU_DMY.search(lower):
            assert any(month in lower for month in dates._RU_GEN), lower


def test_english_negation_guard_loses_no_marker() -> None:
    """In an ASCII text, the substring guard lets through every text the pattern finds in."""
    rng = random.Random(64)
    parts = ["not", "NOT", "Never", "cannot", "no", "No.", "nor", "n't", "N'T", "don", "t",
             "note", "_no", "1no", "unable", " ", "-", "'", "Neither", "x", "r", "n", "o"]
    for _ in range(30000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 8)))
        if negation._MARKERS[Lang.EN].search(text):
            assert negation._may_negate_en(text.lower()), text
