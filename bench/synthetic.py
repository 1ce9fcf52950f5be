"""Synthetic documents for benchmarks: N paragraphs of realistic English, Hangul and Russian."""

from __future__ import annotations

import random

from minutes_app.model import Lang, Minutes, Paragraph, Section, Status
from minutes_app.workflows.templates import demo


def _translations(langs: list[Lang]) -> list[dict[Lang, str]]:
    """The demo's paragraphs as texts in ``langs``, translations of each other."""
    m = demo(history=False, languages=langs)
    return [{lang: p.text(lang) for lang in langs} for p in m.paragraphs()]


def synthetic(n: int, seed: int = 1, languages: list[Lang] | None = None) -> Minutes:
    """The demo's metadata with ``n`` paragraphs (~300 English chars, ~150 Hangul syllables).

    Each paragraph is a real translation from the demo (Korean and English by default, or in
    ``languages``) with a sentence added in every language, so the languages agree as in real
    minutes and texts still differ.
    """
    rng = random.Random(seed)
    langs = languages or [Lang.KO, Lang.EN]
    texts = _translations(langs)
    m = demo(history=False, languages=langs)
    m.sections = []
    m.next_id = 1
    per_section = 25
    for start in range(0, n, per_section):
        section = Section(m.allocate_id(), {lang: f"Section {start // per_section + 1}"
                                            for lang in m.languages})
        for _ in range(min(per_section, n - start)):
            base, extra = rng.choice(texts), rng.choice(_EXTRA)
            paragraph_texts = {lang: f"{base[lang]} {extra[lang]}" for lang in langs}
            section.paragraphs.append(
                Paragraph(m.allocate_id(), paragraph_texts, status=rng.choice(list(Status)[:2])))
        m.sections.append(section)
    m.structure_changed()
    return m


# short sentences that vary the paragraphs, each with its translations
_EXTRA: list[dict[Lang, str]] = [
    {Lang.KO: "양측은 협력을 지속하기로 하였다.", Lang.EN: "The two Sides agreed to continue "
     "cooperation.", Lang.RU: "Стороны договорились продолжить сотрудничество."},
    {Lang.KO: "양측은 이 분야의 진전을 환영하였다.", Lang.EN: "The two Sides welcomed the progress "
     "in this field.", Lang.RU: "Стороны приветствовали прогресс в этой области."},
    {Lang.KO: "구체적인 사항은 실무 협의에서 논의한다.", Lang.EN: "Details will be discussed at "
     "working level.", Lang.RU: "Детали будут обсуждены на рабочем уровне."},
    {Lang.KO: "", Lang.EN: "", Lang.RU: ""},
]
