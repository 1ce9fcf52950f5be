"""Synthetic documents for benchmarks: N paragraphs of realistic English and Hangul."""

from __future__ import annotations

import random

from minutes_app.model import Minutes, Paragraph, Section, Status
from minutes_app.templates import demo



def _pairs() -> list[tuple[str, str]]:
    """The demo's paragraphs as (Korean, English) translations of each other."""
    m = demo(history=False)
    return [(p.text(m.languages[0]), p.text(m.languages[1])) for p in m.paragraphs()]


def synthetic(n: int, seed: int = 1) -> Minutes:
    """The demo's metadata with ``n`` paragraphs (~300 English chars, ~150 Hangul syllables).

    Each paragraph is a real translation pair from the demo with a few words shuffled in
    both languages, so the languages agree as in real minutes and texts still differ.
    """
    rng = random.Random(seed)
    pairs = _pairs()
    m = demo(history=False)
    m.sections = []
    m.next_id = 1
    per_section = 25
    for start in range(0, n, per_section):
        section = Section(m.allocate_id(), {lang: f"Section {start // per_section + 1}"
                                            for lang in m.languages})
        for _ in range(min(per_section, n - start)):
            ko, en = rng.choice(pairs)
            extra_ko, extra_en = rng.choice(_EXTRA)
            texts = {m.languages[0]: f"{ko} {extra_ko}", m.languages[1]: f"{en} {extra_en}"}
            section.paragraphs.append(
                Paragraph(m.allocate_id(), texts, status=rng.choice(list(Status)[:2])))
        m.sections.append(section)
    m.structure_changed()
    return m


# short sentences that vary the paragraphs, each with its translation
_EXTRA = [
    ("양측은 협력을 지속하기로 하였다.", "The two Sides agreed to continue cooperation."),
    ("양측은 이 분야의 진전을 환영하였다.", "The two Sides welcomed the progress in this field."),
    ("구체적인 사항은 실무 협의에서 논의한다.", "Details will be discussed at working level."),
    ("", ""),
]
