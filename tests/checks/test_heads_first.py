"""Where a head of delegation stands, the heads are blanked first and the names read apart from
a pass over what is left (``names_found._heads_first``): what the plain row-by-row search finds."""

from __future__ import annotations

import random

import pytest

from minutes_app.checks import names_found
from minutes_app.checks.context import Context, Found
from minutes_app.checks.name_scan import Scan
from minutes_app.checks.names_found import named
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo
from tests.checks.test_name_scan import _plain_named


@pytest.mark.parametrize("lang", [Lang.KO, Lang.RU, Lang.EN])
def test_texts_with_heads_are_read_as_every_row_tried_in_order(lang: Lang) -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    ctx = Context(m)
    read: list[Found | None] = []  # what the heads-first reading gave (None: left to _in_order)
    heads = ctx.head_strings[lang]
    # heads that overlap ("러시아연방 극동·북극개발부" and "극동·북극개발부 차관") are read
    # apart only once blanked
    heads = heads + [a + b[k:] for a in heads for b in heads if a != b
                     for k in range(1, min(len(a), len(b))) if a.endswith(b[:k])]
    names = [v for n in ctx.names for v in n.variants.get(lang, ())]
    around = [" ", ", ", " и ", " 및 ", " and ", "ого ", "ой ", "x", "의 ", "(", "-"]
    rng = random.Random(2020)
    for _ in range(600):
        pieces = [rng.choice(heads), *(rng.choice(names) for _ in range(rng.randint(0, 3)))]
        pieces += [rng.choice(heads)] if rng.random() < 0.3 else []
        rng.shuffle(pieces)
        pieces = [p.lower() if lang is Lang.RU and rng.random() < 0.2 else p for p in pieces]
        text = "".join(p + rng.choice(around) for p in pieces)
        plain = _plain_named(text, lang, ctx, False)
        assert named(text, lang, ctx) == plain, text
        # the reading itself, asked directly (named() calls it inside compiled code, where
        # no test can count its calls): where it answers, it answers what the rows give
        seen: Scan = ctx.slots[lang].scan(text)
        read.append(names_found._heads_first(text, seen, lang, ctx) if seen.heads else None)
        assert read[-1] is None or read[-1] == plain, text
    kept = [x for x in read if x is not None]
    if lang is not Lang.EN:  # (English heads stand apart from names: _apart reads them)
        assert len(kept) > 100 and sum(bool(x[0]) for x in kept) > 50  # the reading was used
