"""Synthetic documents for benchmarks: N paragraphs of realistic English and Hangul."""

from __future__ import annotations

import random

from minutes_app.model import Minutes, Paragraph, Section, Status
from minutes_app.templates import demo

_EN = (
    "the two Sides agreed to continue cooperation in the Russian Far East and Arctic "
    "including health medical care agriculture fisheries transportation logistics energy "
    "innovation investment industrial complex Primorsky Krai forum provinces 2021 50 "
    "percent"
).split()
_KO = (
    "양측은 러시아 극동 북극 지역에서의 실질 협력을 지속 확대해 나가기로 "
    "하였다 보건 의료 농업 수산 교통 물류 에너지 혁신 투자 산업단지 연해주 "
    "지방협력포럼 2021년 50%"
).split()


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
    m = demo()
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
