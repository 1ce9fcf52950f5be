"""Readings shared between checks give what each check's own reading gives.

A blanked text's bytes taken from its whole text's (``nm_read.blanked_as``) are its own
encoding; the heads blanked in the details' reading without their compiled patterns
(``names_found._head_spans``) are the patterns' hits; the concepts of a blanked text read
from its whole text's bytes are the ones read from its own.
"""

from __future__ import annotations

import random

import pytest

from minutes_app.checks import concepts, name_scan, names_found, negation, scan_values
from minutes_app.checks.context import Context, head_pattern, russian_phrase
from minutes_app.checks.gazetteer import CONCEPTS
from minutes_app.checks.name_scan import Scan, lower_of
from minutes_app.checks.nm_read import blanked, blanked_as, text_bytes, text_lowered
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo

_AROUND = ["", " ", ", ", " и ", "의 ", " and ", "ого ", "x", "(", "-", "é", "Ё", "\x00", "€"]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + "\x00" * (e - s) + text[e:]
    return text


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    """Up to three disjoint spans of a text of ``n`` characters, left to right."""
    out: list[tuple[int, int]] = []
    at = 0
    while at < n and len(out) < rng.randint(0, 3):
        start = rng.randint(at, n)
        end = min(n, start + rng.randint(1, 12))
        if start >= end:
            break
        out.append((start, end))
        at = end + rng.choice([0, 1, 5])
    return out


def test_a_blanked_texts_bytes_are_its_own_encoding() -> None:
    rng = random.Random(9)
    words = ["Стороны", "отметили", "Приморском крае", "COVID-19", "50%", "KICP", "Ёлка",
             "ТОР", "the Sides", "\x00\x00", "é"]
    told = 0
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(_AROUND) for _ in range(rng.randint(1, 8)))
        raw = text_bytes(text)
        bare = _blank(text, _spans(rng, len(text)))
        if raw is None:  # (a character cp1251 lacks: the caller encodes the blanked text)
            continue
        told += 1
        assert blanked_as(raw, bare) == text_bytes(bare), (text, bare)
    assert told > 800  # (é: no byte in cp1251)


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_heads_are_blanked_as_their_patterns_blank_them(lang: Lang) -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    ctx = Context(m)
    slot = ctx.slots[lang]
    heads = ctx.head_patterns[lang]
    values = [h[1] for h in heads]
    pieces = values + [v.upper() for v in values] + [v[: len(v) // 2] for v in values] + \
        [v.replace(" ", "  ") for v in values] + ["Главы делегаций", "главой делегации"]
    rng = random.Random(14)
    changed = 0
    for _ in range(800):
        text = "".join(rng.choice(pieces) + rng.choice(_AROUND)
                       for _ in range(rng.randint(1, 5)))
        seen = slot.read(text)
        lower = lower_of(seen, text)
        # every head in the heads' order, the text (and its bytes) blanked as they go
        by_pattern, by_spans, data = text, text, seen.data
        for probe, value, lowered in heads:
            if probe not in (lower if lowered else text):
                continue
            by_pattern = head_pattern(lang, value).sub(
                lambda h: "\x00" * (h.end() - h.start()), by_pattern)
            spans = names_found._head_spans(by_spans, data, lang, value, lowered)
            if spans:
                by_spans = names_found._blanked(by_spans, spans)
                data = blanked(data, spans) if data else data
        assert by_spans == by_pattern, text
        changed += by_spans != text
    assert changed > 100


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_a_blanked_texts_concepts_read_from_its_whole_texts_bytes(lang: Lang) -> None:
    forms = [v for _ident, f in CONCEPTS for v in f[lang.value]]
    words = forms + [f.upper() for f in forms] + ["Стороны", "the Sides", "양측", "COVID-19"]
    rng = random.Random(3)
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(_AROUND) for _ in range(rng.randint(1, 6)))
        bare = _blank(text, _spans(rng, len(text)))
        assert concepts._fields(bare, lang, text) == concepts._fields(bare, lang), (text, bare)


def _in_order_by_patterns(text: str, seen: Scan, lang: Lang, ctx: Context, details: bool
                          ) -> tuple[dict[int, tuple[int, int]], str]:
    """``names_found._in_order`` as it read every head and phrase with its compiled pattern."""
    found: dict[int, tuple[int, int]] = {}
    plan = ctx.plans[lang]
    lower = lower_of(seen, text)
    if seen.heads:
        changed = False
        for at in seen.heads:
            probe, value, lowered = ctx.head_patterns[lang][at]
            if probe in (lower if lowered else text):
                text = head_pattern(lang, value).sub(
                    lambda h: "\x00" * (h.end() - h.start()), text)
                changed = True
        if changed and plan.lowered:
            lower = text.lower()
    for at in name_scan.rows(plan, seen):
        variant, index, phrase, lowered = ctx.lookup[lang][at]
        if details and ctx.names[index].from_meeting:
            continue
        if variant not in (lower if lowered else text):
            continue
        if phrase is None:
            hits = names_found._literal_hits(text, variant)
        elif not lowered:
            hits = names_found._word_start_hits(text, variant)
        else:
            hits = [h.span() for h in russian_phrase(phrase).finditer(lower)]
        for s, e in hits:
            text = text[:s] + "\x00" * (e - s) + text[e:]
            lower = lower[:s] + "\x00" * (e - s) + lower[e:] if plan.lowered else text
        if hits and index not in found:
            found[index] = hits[0]
    return found, text


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_names_in_order_are_read_as_their_patterns_read_them(lang: Lang) -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    ctx = Context(m)
    slot = ctx.slots[lang]
    names = [v for n in ctx.names for v in n.variants.get(lang, ())] + ctx.head_strings[lang]
    pieces = names + [v.upper() for v in names] + [v[: len(v) // 2] for v in names]
    rng = random.Random(21)
    named = 0
    for _ in range(800):
        text = "".join(rng.choice(pieces) + rng.choice(_AROUND)
                       for _ in range(rng.randint(1, 5)))
        for details in (False, True):
            got = names_found._in_order(text, slot.read(text), lang, ctx, details)
            assert got == _in_order_by_patterns(text, slot.read(text), lang, ctx, details), text
            named += bool(got[0])
    assert named > 400


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_a_text_cp1251_holds_has_no_letter_that_lower_cases_to_two(lang: Lang) -> None:
    # (the values' scan reads such a text from its bytes without looking for İ first)
    for text in ["İstanbul", "Стороны İ", "양측 İ", "İ"]:
        assert text_bytes(text) is None
        assert scan_values.scan(text, lang) is None
    for text in ["Стороны отметили 50%", "The two Sides, 3 km", "양측 3개"]:
        low = text_lowered(text)
        assert low == (b"" if text_bytes(text) is None else text.lower().encode("cp1251"))


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_a_scans_lower_case_is_the_texts(lang: Lang) -> None:
    words = ["Стороны", "ОТМЕТИЛИ", "Ёлка", "ёж", "ТОР", "The Sides", "COVID-19", "양측", "Ǆ",
             "50%", "«Девять мостов»", "İ", "ß", "ΣΑΣ", "\x00", "€"]
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(words) + rng.choice(_AROUND) for _ in range(rng.randint(0, 6)))
        sc = scan_values.scan(text, lang)
        if sc is not None:
            assert sc.lower == text.lower(), text


def test_english_negation_gate_by_substrings_is_the_automatons() -> None:
    parts = ["no", "not", "now", "nor", "known", "No ", "never", "cannot", "neither", "unable",
             "n't", "don't", "economic", "a", " ", ",", "_", "1", "t", "r", "nothing", "snow"]
    rng = random.Random(12)
    told = 0
    for _ in range(5000):
        lower = "".join(rng.choice(parts) for _ in range(rng.randint(0, 7))).lower()
        got = negation._may_negate_en(lower)
        assert got == negation._may_negate_en_by_automaton(lower), lower
        told += got
    assert 1000 < told < 4000

