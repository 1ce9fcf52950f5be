"""The one pass per text (``name_scan``) and the fast readings built on it find what the plain
row-by-row search finds, on texts made of the very names, heads and markers it looks for."""

from __future__ import annotations

import random
import re
import sys

from ahocorasick_rs import AhoCorasick

from minutes_app.checks import meaning, names_found
from minutes_app.checks.context import Context, head_pattern, row_pattern
from minutes_app.checks.gazetteer import NOT_ACRONYMS
from minutes_app.checks.meaning import find_form
from minutes_app.checks.names_found import named
from minutes_app.checks.nm_read import text_bytes
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo

_LETTER = re.compile(r"[^\W\d_]")


def test_letter_is_the_pattern_class_for_every_code_point() -> None:
    wrong = [c for c in map(chr, range(sys.maxunicode + 1))
             if names_found._letter(c) != bool(_LETTER.match(c))]
    assert not wrong


def _plain_named(text: str, lang: Lang, ctx: Context, details: bool
                 ) -> tuple[dict[int, tuple[int, int]], str]:
    """Every row tried in order, longest first, each pattern run over the whole text."""
    found: dict[int, tuple[int, int]] = {}
    lower = text.lower()
    for probe, value, lowered in ctx.head_patterns.get(lang, ()):
        if probe in (lower if lowered else text):
            text = head_pattern(lang, value).sub(lambda h: "\x00" * (h.end() - h.start()), text)
    for row in ctx.lookup.get(lang, ()):
        index = row[1]
        if details and ctx.names[index].from_meeting:
            continue
        regex = row_pattern(row)
        hits = [(h.start(), h.end()) for h in regex.finditer(text)]
        for s, e in hits:
            text = text[:s] + "\x00" * (e - s) + text[e:]
        if hits and index not in found:
            found[index] = hits[0]
    return found, text


def _pieces(ctx: Context, lang: Lang) -> list[str]:
    """Names, heads and markers whole, cut and run together, with what stands around them."""
    meeting = ctx.m.meeting
    words = [r[0] for r in ctx.lookup[lang]] + ctx.head_strings[lang] + [
        meeting.body.get(lang, ""), "headed by", "수석대표", "возглав"]
    words += [v for n in ctx.names for v in n.variants.get(lang, ())]
    out = [w for w in words if w]
    out += [w[: len(w) // 2] for w in out] + [w[len(w) // 2:] for w in out]
    out += [w.upper() for w in out[:40]] + [w.lower() for w in out[:80]]
    # "의", "?", "Σ": what the Russian pass reads as "?" (see name_scan._automaton)
    return [*out, " ", " ", "x", "ы", "의", "-", "'s", "ой ", "ского ", "1", "_", "(", "?",
            "Σ"]


def test_named_matches_every_row_tried_in_order() -> None:
    rng = random.Random(1614)
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    ctx = Context(m)
    counted = 0
    for lang in ctx.langs:
        pieces = _pieces(ctx, lang)
        for _ in range(1500):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
            for details in (False, True):
                assert named(text, lang, ctx, details) == \
                    _plain_named(text, lang, ctx, details), (lang, text, details)
            counted += bool(named(text, lang, ctx)[0])
            seen = ctx.scan(text, lang)
            for ident, forms in ctx.heads:  # a form the pass did not mark is not there
                value = forms.get(lang, "")
                if value and f"head:{ident}" not in seen.marks:
                    assert find_form(text, value, lang) is None, (text, value)
            body = [t for t in (m.meeting.body.get(lang, ""),
                                m.meeting.body_alternat.get(lang, "")) if t]
            if any(t in text for t in body):
                assert "body" in seen.marks, text
    assert counted > 2000  # most texts hold a name: the comparison means something


def _plain_acronyms(text: str) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for hit in meaning._ACRONYM.finditer(text):
        word = hit.group()
        caps = sum(1 for c in word if c.isupper())
        if (caps < 2 or len(word) > 8 or word.rstrip("s") in NOT_ACRONYMS
                or meaning._ROMAN.fullmatch(word)):
            continue
        out.setdefault(word, (hit.start(), hit.end()))
    return out


def test_acronyms_read_from_runs_find_what_the_whole_text_pass_finds() -> None:
    rng = random.Random(1416)
    parts = ["A", "B", "KICP", "s", "a", "&", "1", " ", "-", "(", "Mo", "U", "IV", "é", "한",
             "x", "R&D", "SMEs", "_", "Ǆ", "ß", "COVID-19", "ASEZ", "Ж", "“",
             "\u4141", "\u5a41", "\u4100", "\u0141", "\U0001d400", "\x00", "\ud800"]
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        found = meaning.acronyms(text)
        assert found == _plain_acronyms(text), text
        raw = text_bytes(text)  # a Russian text's bytes, as its pass keeps them
        if raw is not None:
            assert meaning.acronyms(text, raw) == found, text
        hits += bool(found)
    assert hits > 5000


def test_names_with_a_capital_sigma_are_found_as_every_row_tried_in_order() -> None:
    """A capital sigma lower-cases by its neighbours: the lower-cased pass reads around it."""
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    m.glossary = [*m.glossary, {Lang.KO: "시그마 사업", Lang.EN: "ΣIGMA project",
                                Lang.RU: "ΣIGMA"}, {Lang.KO: "알파", Lang.EN: "Alpha",
                                                    Lang.RU: "ΑΣ проект"}]
    ctx = Context(m)
    rng = random.Random(17)
    pieces = ["ΣIGMA", "ΣΙGMA", "σigma", "ΑΣ проект", "ας проекта", "ΑΣ ПРОЕКТ", "ΑΣΑ", " ", "x",
              "Москве", "Пусан", "Σ", "ς"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for lang in (Lang.RU, Lang.EN):
            assert named(text, lang, ctx) == _plain_named(text, lang, ctx, False), (lang, text)


def test_an_ascii_text_is_read_from_its_bytes_as_from_the_text() -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    ctx = Context(m)
    plan = ctx.plans[Lang.EN]
    assert isinstance(plan.automaton, AhoCorasick) and plan.ascii_automaton is not None
    rng = random.Random(9)
    pieces = [p for p in _pieces(ctx, Lang.EN) if p.isascii()]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert ctx.slots[Lang.EN].read(text).found == \
            plan.automaton.find_matches_as_indexes(text, overlapping=True), text


def test_an_acronym_standing_alone_is_found_as_by_its_look_behind_first() -> None:
    rng = random.Random(3)
    parts = ["ASEZ", "KICP", "a", "Z", " ", "-", "1", "é", "(", "s"]
    for _ in range(5000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        for acronym in ("ASEZ", "KICP", "A"):
            plain = re.compile(r"(?<![A-Za-z])" + re.escape(acronym) + r"(?![A-Za-z])")
            assert bool(meaning._standing(acronym).search(text)) == bool(plain.search(text))
