"""Plain-text views of a document for the command line (numbered text, info)."""

from __future__ import annotations

from typing import Any

from minutes_app.i18n import closing_formula, meeting_dates, title
from minutes_app.i18n.names import signature_heading
from minutes_app.model import Lang, Minutes, Side, Status


def numbered_text(m: Minutes, lang: Lang) -> str:
    """The minutes in one language: title, dates, numbered paragraphs, closing, signatures."""
    lines = [title(m, lang), meeting_dates(m, lang), ""]
    for section in m.sections:
        heading = section.heading.get(lang, "")
        if heading:
            lines += [heading, ""]
        for p in section.paragraphs:
            number = m.number(p.id)
            prefix = f"{number}. " if number is not None else ""
            lines += [prefix + p.text(lang), ""]
    lines += [closing_formula(m, lang), ""]
    for side in (m.own_side, m.own_side.other):
        lines += _signature(m, side, lang)
    from minutes_app.checks.signed_text import annex_lines

    for i, annex in enumerate(m.annexes):
        lines += [line.text.replace("\t", " ") for line in annex_lines(m, i, annex, lang,
                                                                      m.meeting.text_order)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _signature(m: Minutes, side: Side, lang: Lang) -> list[str]:
    head = m.meeting.heads.get(side)
    if head is None:
        return []
    return [signature_heading(m, side, lang), head.name.get(lang, ""), head.title.get(lang, ""),
            head.organisation.get(lang, ""), ""]


def info(m: Minutes, lang: Lang | None = None) -> dict[str, Any]:
    """Metadata and counts as a JSON-able dict (titles in ``lang`` only, when given)."""
    counts = m.status_counts()
    langs = [lang] if lang else m.languages
    return {
        "title": {x.value: title(m, x) for x in langs},
        "body": {k.value: v for k, v in m.meeting.body.items() if k in langs},
        "ordinal": m.meeting.ordinal,
        "start": m.meeting.start.isoformat(),
        "end": (m.meeting.end or m.meeting.start).isoformat(),
        "languages": [lang.value for lang in m.languages],
        "own_side": m.own_side.value,
        "parties": {s.value: p.name.get(lang or Lang.EN, "") for s, p in m.parties.items()},
        "sections": len(m.sections),
        "paragraphs": len(m.paragraphs()),
        "numbered_paragraphs": sum(1 for p in m.paragraphs() if m.number(p.id) is not None),
        "by_status": {s.value: counts[s] for s in Status},
        "rounds": len(m.rounds),
    }
