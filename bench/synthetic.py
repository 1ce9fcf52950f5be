"""Synthetic documents for benchmarks: N paragraphs of realistic English and Hangul."""

from __future__ import annotations

import random

from minutes_app.model import Minutes, Paragraph, Section, Status
from minutes_app.templates import demo



def _vocabulary(lang_code: str) -> list[str]:
    """The words of the demo minutes in one language: realistic length and variety."""
    m = demo(history=False)
    lang = next(x for x in m.languages if x.value == lang_code)
    return [w for p in m.paragraphs() for w in p.text(lang).split()]


_EN = _vocabulary("en")
_KO = _vocabulary("ko")


def _sentence(rng: random.Random, words: list[str], length: int) -> str:
    out: list[str] = []
    size = 0
    while size < length:
        w = rng.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out).capitalize() + "."


def synthetic(n: int, seed: int = 1) -> Minutes:
    """The demo's metadata with ``n`` paragraphs (~300 English chars, ~150 Hangul syllables)."""
    rng = random.Random(seed)
    m = demo(history=False)
    m.sections = []
    m.next_id = 1
    per_section = 25
    for start in range(0, n, per_section):
        section = Section(m.allocate_id(), {lang: f"Section {start // per_section + 1}"
                                            for lang in m.languages})
        for _ in range(min(per_section, n - start)):
            texts = {m.languages[0]: _sentence(rng, _KO, 200),
                     m.languages[1]: _sentence(rng, _EN, 300)}
            section.paragraphs.append(
                Paragraph(m.allocate_id(), texts, status=rng.choice(list(Status)[:2])))
        m.sections.append(section)
    m.structure_changed()
    return m
