"""The text against the meeting details: ordinal, date, place and the heads of delegation.

The paragraph that names the body ("The 14th meeting of the ... Sub-committee ... was held on
18 December 2020") must state the ordinal and dates of the details; the paragraph that says who
headed the delegations must name the heads and their titles as the details do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from minutes_app.checks.context import HEADED, Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.meaning import find_form
from minutes_app.checks.name_scan import lower_of
from minutes_app.checks.values import values
from minutes_app.checks.words import EN_WORDS
from minutes_app.model import Lang
from minutes_app.checks.tokens import lowercase, word_end

# (a member read from the Enum class costs an attribute look-up through its metaclass)
_EN: Final = Lang.EN
_RU: Final = Lang.RU

_ORDINAL = {
    Lang.EN: re.compile(r"\b(\d+)(?:st|nd|rd|th)\s+(?:meeting|session)"
                        r"|\b([a-z]+(?:-[a-z]+)?)\s+(?:meeting|session)", re.IGNORECASE),
    Lang.KO: re.compile(r"제\s?(\d+)\s?차\s?(?:회의|회|회기)"),
    Lang.RU: re.compile(r"\b(\d+)-?[а-я]{0,3}\s+(?:заседани|сесси)"
                        r"|\b([IVXLC]+)\s+(?:заседани|сесси)"),
}


def _ordinal_value(hit: re.Match[str], lang: Lang) -> int | None:
    if hit.group(1) and hit.group(1).isdigit():
        return int(hit.group(1))
    word = lowercase(hit.group(2) or "")
    if lang is _EN:
        parts = word.split("-")
        total = sum(EN_WORDS.get(p, -1000) for p in parts)
        return int(total) if total > 0 else None
    if lang is _RU and word:
        from minutes_app.checks.words import roman

        found = list(roman(hit.group(2)))
        return int(found[0].value) if found else None
    return None


def _names_body(text: str, unit_lang: Lang, ctx: Context) -> bool:
    meeting = ctx.m.meeting
    return any(name and name in text for name in (meeting.body.get(unit_lang, ""),
                                                   meeting.body_alternat.get(unit_lang, "")))


def detail_checks(unit: Unit, ctx: Context) -> Iterator[Finding]:
    """Ordinal, dates, place and heads in the text that differ from the meeting details."""
    if unit.place != "paragraph":
        return
    meeting = ctx.m.meeting
    for lang, slot in ctx.slots.items():  # (in the languages' order)
        text = unit.texts.get(lang, "")
        if not text:
            continue
        # the text's one pass tells whether the body or a "headed by" may stand there
        marks = slot.scan(text).marks
        if not marks:  # neither (most texts)
            continue
        if "body" in marks and _names_body(text, lang, ctx):
            yield from _ordinal(unit, lang, text, meeting.ordinal)
            yield from _dates(unit, lang, text, ctx)
        if "headed" in marks and any(h in text for h in HEADED[lang]):
            yield from _heads(unit, lang, text, ctx)


def _ordinal(unit: Unit, lang: Lang, text: str, expected: int) -> Iterator[Finding]:
    for hit in _ORDINAL[lang].finditer(text):
        value = _ordinal_value(hit, lang)
        if value is None:
            continue
        if value != expected:
            yield make("details", unit, (lang,), "ordinal", [(lang, hit.start(), hit.end())],
                       {"field": "ordinal", "text": text[hit.start():word_end(text, hit.end())],
                        "details": str(expected)})
        return  # the first ordinal of the paragraph is the meeting's


def _dates(unit: Unit, lang: Lang, text: str, ctx: Context) -> Iterator[Finding]:
    meeting = ctx.m.meeting
    start, end = meeting.start, meeting.last_day
    full = [d for d in values(text, lang).dates if all(d.value)]
    if not full:
        return
    inside = [d for d in full
              if start.toordinal() <= _ordinal_day(d.value) <= end.toordinal()]
    if not inside:
        d = full[0]
        yield make("details", unit, (lang,), "date", [(lang, d.start, d.end)],
                   {"field": "date", "text": text[d.start:d.end],
                    "details": start.isoformat() if start == end
                    else f"{start.isoformat()} – {end.isoformat()}"})


def _ordinal_day(day: tuple[int, int, int]) -> int:
    import datetime as dt

    try:
        return dt.date(*day).toordinal()
    except ValueError:
        return 0


def _heads(unit: Unit, lang: Lang, text: str, ctx: Context) -> Iterator[Finding]:
    seen = ctx.slots[lang].scan(text)  # (its lower case and bytes: one per text, not per form)
    for side, person in ctx.m.meeting.heads.items():
        party = ctx.m.parties.get(side)
        named = [party.delegation.get(lang, ""), party.side_name.get(lang, "")] if party else []
        if not any(n and n in text for n in named):
            continue  # this paragraph speaks of the other delegation only
        for field in ("name", "title"):
            expected = getattr(person, field).get(lang, "")
            if expected and find_form(text, expected, lang, lower_of(seen, text),
                                      seen.data) is None:
                yield make("details", unit, (lang,), f"heads.{side.value}.{field}", [],
                           {"field": f"head_{field}", "text": "", "details": expected})
