"""Official names and the document's fixed phrases, per document language.

Party names come from the document (``Republic of Korea``), never from babel's territory
names (``South Korea``), which are colloquial.
"""

from __future__ import annotations

from minutes_app.errors import ValidationError
from minutes_app.i18n.dates import format_date, format_date_range
from minutes_app.i18n.ordinals import ordinal
from minutes_app.i18n.phrases import (
    CONJUNCTION, LANGUAGE_NAMES, SIGNATURE_HEADINGS, phrase, side_phrase,
)
from minutes_app.model import Lang, Minutes, Side

def official_name(m: Minutes, side: Side, lang: Lang) -> str:
    """A Party's official name in ``lang``, as the document states it."""
    name = m.party(side).name.get(lang, "")
    if not name:
        raise ValidationError("The official name of {side} in {lang} is missing.",
                              side=side.value, lang=lang.value)
    return name


def _join(items: list[str], lang: Lang) -> str:
    if len(items) == 1:
        return items[0]
    conj = CONJUNCTION[lang]
    if lang is Lang.KO:  # 한국어와 영어: the particle follows the last syllable's batchim
        last = items[-2]
        has_batchim = "가" <= last[-1] <= "힣" and (ord(last[-1]) - 0xAC00) % 28 != 0
        conj = "과 " if has_batchim else "와 "
    return ", ".join(items[:-1]) + conj + items[-1]


def title(m: Minutes, lang: Lang, copy_for: Side | None = None) -> str:
    """``Agreed Minutes of the 14th Meeting of the ...`` in ``lang``.

    For the original of the Side whose order the text does not use (the alternat), the body's
    alternat name is used when the document gives one (``Russia-Korea ...``).
    """
    body, number = _title_parts(m, lang, copy_for)
    return phrase("title", lang).format(ordinal=number, body=body).strip()  # no body yet


def title_body_span(m: Minutes, lang: Lang, copy_for: Side | None = None) -> tuple[int, int]:
    """Where the body name stands in ``title(m, lang, copy_for)``: the only words of the
    title that are the document's text (the rest is a fixed phrase and the ordinal)."""
    body, number = _title_parts(m, lang, copy_for)
    template = phrase("title", lang)
    raw = template.format(ordinal=number, body=body)
    lead = len(raw) - len(raw.lstrip())
    start = max(0, len(template.split("{body}")[0].format(ordinal=number)) - lead)
    return start, start + len(body)


def title_body_field(m: Minutes, lang: Lang, copy_for: Side | None = None) -> str:
    """The meeting field the title of ``copy_for``'s original takes its body name from."""
    if (copy_for is not None and copy_for is not m.meeting.text_order
            and m.meeting.body_alternat.get(lang)):
        return "body_alternat"
    return "body"


def _title_parts(m: Minutes, lang: Lang, copy_for: Side | None) -> tuple[str, str]:
    body = getattr(m.meeting, title_body_field(m, lang, copy_for)).get(lang, "")
    n = m.meeting.ordinal
    return body, ordinal(n, lang, "genitive") if lang is Lang.RU else ordinal(n, lang)


def languages_named(m: Minutes, lang: Lang) -> str:
    """The document's languages as ``lang`` names them, ``lang`` itself first."""
    names = LANGUAGE_NAMES[lang]
    ordered = sorted(m.languages, key=lambda x: (x is not lang, m.languages.index(x)))
    return _join([names[x] for x in ordered], lang)


def closing_formula(m: Minutes, lang: Lang) -> str:
    """The closing formula: ``Done at ... on ..., in duplicate, ... equally authentic.``"""
    day = format_date(m.meeting.last_day, lang, m.settings.us_date_order)
    return phrase("closing", lang).format(place=m.meeting.place.get(lang, ""), date=day,
                                          languages=languages_named(m, lang))


def prevailing_clause(m: Minutes, lang: Lang) -> str:
    """The prevailing-text clause chosen for the document, or ``""``."""
    code = m.settings.prevailing
    if not code or Lang(code) not in m.languages:
        return ""
    return phrase("prevailing", lang).format(language=LANGUAGE_NAMES[lang][Lang(code)])


def signature_heading(m: Minutes, side: Side, lang: Lang) -> str:
    """The heading above a Side's signature, as chosen for the document."""
    choice = m.settings.signature_heading
    if choice not in SIGNATURE_HEADINGS:
        choice = SIGNATURE_HEADINGS[0]
    return side_phrase(f"signature.{choice}", side, lang)


def meeting_dates(m: Minutes, lang: Lang) -> str:
    """The meeting's dates in ``lang``."""
    return format_date_range(m.meeting.start, m.meeting.end, lang, m.settings.us_date_order)
