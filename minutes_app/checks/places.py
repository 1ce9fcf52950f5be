"""Every text the checks read, with its place: paragraphs, headings, title, meeting, annexes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from minutes_app.checks.finding import Unit
from minutes_app.i18n.names import title  # as readiness and signed_text do
from minutes_app.model import Lang, Minutes


def title_unit(m: Minutes) -> Unit | None:
    """The title as the signing originals print it."""
    texts = {}
    for lang in m.languages:
        try:
            texts[lang] = title(m, lang) if m.meeting.body.get(lang) else ""
        except Exception:  # a title that cannot be made is checked as missing
            texts[lang] = ""
    return Unit("title", "title", None, texts) if any(texts.values()) else None


def _lang_text(value: Any) -> dict[Lang, str] | None:
    if isinstance(value, dict) and value and all(isinstance(k, Lang) for k in value):
        return value
    return None


def meeting_units(m: Minutes) -> Iterator[Unit]:
    """The meeting details and the Parties' names, field by field."""
    meeting = m.meeting
    for name in ("body", "body_alternat", "next_body", "format", "venue", "place"):
        texts = getattr(meeting, name)
        if any(texts.values()):
            yield Unit("meeting", name, None, texts)
    for side, person in meeting.heads.items():
        for name in ("name", "title", "organisation"):
            texts = getattr(person, name)
            if any(texts.values()):
                yield Unit("meeting", f"heads.{side.value}.{name}", None, texts)
    for side, party in m.parties.items():
        for name in ("name", "side_name", "delegation"):
            texts = getattr(party, name)
            if any(texts.values()):
                yield Unit("meeting", f"parties.{side.value}.{name}", None, texts)


def annex_units(m: Minutes) -> Iterator[Unit]:
    """Annexes, when the document has them: every per-language text they hold."""
    for index, annex in enumerate(getattr(m, "annexes", None) or [], start=1):
        ident = str(getattr(annex, "id", index))
        yield from _texts_of(annex, ident)


def _texts_of(obj: Any, ident: str, depth: int = 0) -> Iterator[Unit]:
    """Per-language texts inside an annex object, whatever its fields (names, titles, rows)."""
    if depth > 3:
        return
    if (texts := _lang_text(obj)) is not None:
        if any(isinstance(t, str) and t.strip() for t in texts.values()):
            yield Unit("annex", ident, None, texts)
        return
    if isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            yield from _texts_of(item, f"{ident}.{i + 1}", depth + 1)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name in ("id", "side", "kind"):
                continue
            yield from _texts_of(getattr(obj, f.name), f"{ident}.{f.name}", depth + 1)


# (tuple.__new__ skips the named tuple's own __new__, a Python call per unit)
_new = tuple.__new__


def all_units(m: Minutes) -> list[Unit]:
    """Every checked text, in document order: title, meeting, headings and paragraphs, annexes."""
    units: list[Unit] = []
    if (t := title_unit(m)) is not None:
        units.append(t)
    units += meeting_units(m)
    for s in m.sections:
        if any(t.strip() for t in s.heading.values()):
            units.append(_new(Unit, ("heading", str(s.id), None, s.heading)))
        for p in s.paragraphs:
            if p.mark is None or p.mark.kind != "delete":
                units.append(_new(Unit, ("paragraph", str(p.id), m.number(p.id), p.texts)))
    units += annex_units(m)
    return units
