"""The pass over a text with spans blanked, told from the text's own pass
(``name_scan.blanked``), is what the pass reads in the blanked text; the automata built for
many texts find what the quicker-built ones find, in the same order."""

from __future__ import annotations

import random

import pytest
from ahocorasick_rs import BytesAhoCorasick

from minutes_app.checks import name_scan
from minutes_app.checks.context import Context
from minutes_app.checks.name_scan import Scan, blanked
from minutes_app.checks.nm_read import blanked as blanked_bytes
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo


def _same(a: Scan, b: Scan) -> bool:
    return (a.heads, a.marks, a.lower, a.found, a.data, a.raw) == \
        (b.heads, b.marks, b.lower, b.found, b.data, b.raw)


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_a_blanked_text_is_read_as_its_own_pass_reads_it(lang: Lang) -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    ctx = Context(m)
    slot = ctx.slots[lang]
    # names, heads and their pieces, overlapping and touching, in any case for Russian
    names = [v for n in ctx.names for v in n.variants.get(lang, ())] + ctx.head_strings[lang]
    pieces = names + [v[: len(v) // 2] for v in names] + [v[len(v) // 3:] for v in names]
    around = ["", " ", ", ", " и ", "의 ", " and ", "ого ", "x", "(", "-", "é", "Ё"]
    rng = random.Random(14)
    told = 0
    for _ in range(1500):
        parts = [rng.choice(pieces) + rng.choice(around) for _ in range(rng.randint(1, 6))]
        parts = [p.upper() if rng.random() < 0.1 else p for p in parts]
        text = "".join(parts)
        seen = slot.read(text)
        # disjoint spans, left to right, some touching, some across strings the pass found
        spans: list[tuple[int, int]] = []
        at = 0
        while at < len(text) and len(spans) < 3:
            start = rng.randint(at, len(text))
            end = min(len(text), start + rng.randint(1, 12))
            if start >= end:
                break
            spans.append((start, end))
            at = end + rng.choice([0, 0, 1, 5])
        rng.shuffle(spans)  # (heads blank theirs in the heads' order, not the text's)
        left = text
        for s, e in spans:
            left = left[:s] + "\x00" * (e - s) + left[e:]
        data = blanked_bytes(seen.data, sorted(spans)) if seen.data else seen.data
        got = blanked(slot.plan, seen, left, spans, data)
        if got is not None:
            told += 1
            assert _same(got, slot.read(left)), (text, spans)
    assert told > 500  # (a Russian text cp1251 lacks a character of is read anew)


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_the_automata_built_for_many_texts_find_what_the_others_find(lang: Lang) -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    ctx = Context(m)
    p = ctx.plans[lang]
    assert not ctx.many  # (the demo is small: its pass is built the quicker way)
    strings = list(p.numbers)
    kind = "lowered" if p.lowered else "text"
    ascii_automaton = None if p.ascii_automaton is None \
        else name_scan._built("ascii-many", strings)
    assert ascii_automaton is None or isinstance(ascii_automaton, BytesAhoCorasick)
    fast = p._replace(automaton=name_scan._built(kind + "-many", strings),
                      ascii_automaton=ascii_automaton)
    read = name_scan.reader(fast)
    names = [v for n in ctx.names for v in n.variants.get(lang, ())] + ctx.head_strings[lang]
    pieces = names + [v[: len(v) // 2] for v in names] + [" ", ", ", "x", "é", "“"]
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        text = text.upper() if rng.random() < 0.1 else text
        assert _same(read(text), ctx.slots[lang].read(text)), text
