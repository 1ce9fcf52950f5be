"""Official names and the document's fixed phrases, per document language.

Party names come from the document (``Republic of Korea``), never from babel's territory
names (``South Korea``), which are colloquial.
"""

from __future__ import annotations

from minutes_app.errors import ValidationError
from minutes_app.i18n.dates import format_date, format_date_range
from minutes_app.i18n.ordinals import ordinal
from minutes_app.model import Lang, Minutes, Side

_LANGUAGE_NAMES = {
    Lang.EN: {Lang.KO: "Korean", Lang.EN: "English", Lang.RU: "Russian"},
    Lang.KO: {Lang.KO: "한국어", Lang.EN: "영어", Lang.RU: "러시아어"},
    Lang.RU: {Lang.KO: "корейском", Lang.EN: "английском", Lang.RU: "русском"},
}


def official_name(m: Minutes, side: Side, lang: Lang) -> str:
    """A Party's official name in ``lang``, as the document states it."""
    name = m.party(side).name.get(lang, "")
    if not name:
        raise ValidationError(f"The official name of {side.value} in {lang.value} is missing.")
    return name


def _join(items: list[str], lang: Lang) -> str:
    if len(items) == 1:
        return items[0]
    conj = {Lang.EN: " and ", Lang.KO: "와 ", Lang.RU: " и "}[lang]
    if lang is Lang.KO:  # 한국어와 영어: the particle follows the last syllable's batchim
        last = items[-2]
        has_batchim = "가" <= last[-1] <= "힣" and (ord(last[-1]) - 0xAC00) % 28 != 0
        conj = "과 " if has_batchim else "와 "
    return ", ".join(items[:-1]) + conj + items[-1]


def title(m: Minutes, lang: Lang, copy_for: Side | None = None) -> str:
    """``Agreed Minutes of the 14th Meeting of the ...`` in ``lang``.

    For the other Side's original (the alternat), the body's alternat name is used when the
    document gives one (``Russia-Korea ...``).
    """
    body = m.meeting.body.get(lang, "")
    if copy_for is not None and copy_for is not m.own_side:
        body = m.meeting.body_alternat.get(lang) or body
    n = m.meeting.ordinal
    if lang is Lang.KO:
        return f"{body} {ordinal(n, lang)} 회의 합의의사록"
    if lang is Lang.RU:
        return f"Согласованный протокол {ordinal(n, lang, 'genitive')} заседания {body}"
    return f"Agreed Minutes of the {ordinal(n, lang)} Meeting of the {body}"


def closing_formula(m: Minutes, lang: Lang) -> str:
    """The closing formula: ``Done at ... on ..., in duplicate, ... equally authentic.``"""
    day = format_date(m.meeting.last_day, lang, m.settings.us_date_order)
    place = m.meeting.place.get(lang, "")
    names = _LANGUAGE_NAMES[lang]
    langs = _join([names[x] for x in m.languages], lang)
    if lang is Lang.KO:
        return f"{day} {place}에서 동등하게 정본인 {langs}로 각 2부씩 작성되었다."
    if lang is Lang.RU:
        return (f"Совершено в {place} {day} в двух экземплярах, каждый на {langs} языках, "
                "причём все тексты имеют одинаковую силу.")
    return (f"Done at {place} on {day}, in duplicate, in the {langs} languages, "
            "all texts being equally authentic.")


def meeting_dates(m: Minutes, lang: Lang) -> str:
    """The meeting's dates in ``lang``."""
    return format_date_range(m.meeting.start, m.meeting.end, lang, m.settings.us_date_order)
