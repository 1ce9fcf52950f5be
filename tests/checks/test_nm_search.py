"""A Russian phrase's fast search pattern finds what its case-blind reference pattern finds."""

from __future__ import annotations

import random

from minutes_app.checks.context import head_pattern, russian_form, russian_search
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo

# the heads' names and titles of the demo, and phrases whose stems are cut (or not: short words)
_VARIANTS = [v for person in demo().meeting.heads.values()
             for v in (person.name[Lang.RU], person.title[Lang.RU], person.organisation[Lang.RU])]
_VARIANTS += ["Ким Гон", "Приморский край", "Корпорация развития", "и по дел", "Юг-Восток ая"]
# pieces that make stems stand at a word's start or inside a word, in any case, with spaces,
# digits, marks and letters of other scripts around them
_PIECES = ["ким", "Ким", "КИМ", "так", "гон", "Гон", "ГОНА", " ", "  ", "\t", "-", "1", "_",
           "Приморск", "ом", "ий", "край", "крае", "Корпорац", "ией", "развит", "ия", "и", "по",
           "дел", "юг", "Восток", "ая", "é", "한", "a", ".", "\u0130", "ё"]


def _generated(rng: random.Random, variant: str) -> str:
    pieces = _PIECES + variant.split() + [variant, variant.upper(), variant.lower()]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))


def test_fast_search_finds_the_reference_hits_on_generated_texts() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        variant = rng.choice(_VARIANTS)
        text = _generated(rng, variant)
        reference = russian_form(variant)[1]
        fast = russian_search(variant)
        assert [h.span() for h in fast.finditer(text)] == \
            [h.span() for h in reference.finditer(text)], (variant, text)
        assert fast.sub("#", text) == reference.sub("#", text)
        assert head_pattern(Lang.RU, variant) is fast
