"""Documents the export tests share: negotiated, agreed, trilingual and long."""

from __future__ import annotations

from minutes_app.model import Lang, Minutes
from minutes_app.workflows.templates import demo


def with_russian(m: Minutes, order: tuple[Lang, ...] = (Lang.KO, Lang.RU, Lang.EN)) -> Minutes:
    """``m`` with a Russian text for every heading and paragraph, languages in ``order``."""
    m.languages = list(order)
    for section in m.sections:
        if any(section.heading.values()):
            section.heading[Lang.RU] = f"Раздел {section.id}: сотрудничество"
        for p in section.paragraphs:
            p.texts[Lang.RU] = (f"Стороны обсудили вопрос {p.id} и договорились продолжить "
                                "сотрудничество в 2021 году.")
    return m


def trilingual() -> Minutes:
    """The negotiated demo in Korean, Russian and English."""
    return with_russian(demo())


def long_minutes(n: int) -> Minutes:
    """The demo's metadata with ``n`` paragraphs of real, varied length (some very long)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.synthetic import synthetic

    m = synthetic(n)
    first = m.paragraphs()[3]
    for lang in m.languages:  # one paragraph longer than a page: its row may split
        first.texts[lang] = " ".join([first.text(lang)] * 14)
    return m
