"""Dates inside the minutes, through babel with the document's locale."""

from __future__ import annotations

import datetime as dt

from minutes_app.model.types import Lang

_PATTERNS = {
    Lang.EN: "d MMMM y",
    Lang.KO: "y년 M월 d일",
    Lang.RU: "d MMMM y 'г'.",  # MMMM in a full date is the genitive month: "декабря"
}
_US_PATTERN = "MMMM d, y"


def format_date(day: dt.date, lang: Lang, us_order: bool = False) -> str:
    """A date as the minutes write it: ``18 December 2020``, ``2020년 12월 18일``."""
    from babel.dates import format_date as babel_format  # babel is imported on first use

    pattern = _US_PATTERN if us_order and lang is Lang.EN else _PATTERNS[lang]
    return babel_format(day, pattern, locale=lang.value)


def format_date_range(start: dt.date, end: dt.date | None, lang: Lang,
                      us_order: bool = False) -> str:
    """A meeting's dates: one day, or a range written compactly within one month."""
    if end is None or end == start:
        return format_date(start, lang, us_order)
    if (start.year, start.month) != (end.year, end.month):
        return f"{format_date(start, lang, us_order)} – {format_date(end, lang, us_order)}"
    last = format_date(end, lang, us_order)
    if lang is Lang.KO:
        return f"{format_date(start, lang)}~{end.day}일"
    if lang is Lang.EN and us_order:
        return last.replace(f" {end.day},", f" {start.day}–{end.day},", 1)
    return f"{start.day}–{last}"
