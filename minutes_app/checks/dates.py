"""Dates in every official form of each language, as values (periods: ``periods.py``).

Dates are (year, month, day) with 0 for a part the text leaves out: ``18 December 2020``,
``December 18, 2020``, ``2020년 12월 18일``, ``2020. 12. 18.``, ``2020.12.18.``, ``18.12.2020``,
``18 декабря 2020 г.``, ``в декабре 2020 года``; ranges (``17-18 December``) give both days.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from minutes_app.checks.scan_values import Scan, at_starts
from minutes_app.checks.tokens import lowercase
from minutes_app.model import Lang

# the languages as constants: compiled code reads them with no look-up
_LANG_KO: Final = Lang.KO
_LANG_EN: Final = Lang.EN
_LANG_RU: Final = Lang.RU
_lower: Final = lowercase  # (a constant: compiled code calls it with no look-up)
Day = tuple[int, int, int]


class Dated(NamedTuple):
    """A date stated by a text, with where it is."""

    value: Day
    start: int
    end: int


# the month names, English and the Russian stems: periods.py reads them too
EN_MONTHS: Final = ("January February March April May June July August September October "
                    "November December").split()
_EN_MONTH = {m: i for i, m in enumerate(EN_MONTHS, start=1)}
_EN_MONTH |= {m[:3] + ".": i for m, i in list(_EN_MONTH.items()) if len(m) > 4}
_EN_MONTH |= {"Sept.": 9}
_EN_M: Final = "(" + "|".join(re.escape(m) for m in sorted(_EN_MONTH, key=len, reverse=True)) + ")"
_ORD: Final = r"(?:st|nd|rd|th)?"
_EN_DMY: Final = re.compile(r"(?=\d)(?<!\d)(\d{1,2})" + _ORD
                     + r"(?:(?:\s?[-–]\s?|\s+(?:to|and|until)\s+)(\d{1,2})" + _ORD + r")?\s+"
                     r"(?:of\s+)?" + _EN_M + r"(?:,?\s+(\d{4}))?(?!\d)")
_EN_MDY: Final = re.compile(_EN_M + r"\s+(\d{1,2})(?!\d)" + _ORD + r"(?:\s?[-–]\s?(\d{1,2})(?!\d)"
                     + _ORD + r")?(?:,?\s+(\d{4}))?(?!\d)")
_EN_MY: Final = re.compile(_EN_M + r"(?:\s+(?:of\s+)?(\d{4}))?(?![\w])")
_RU_GEN: Final = ("января февраля марта апреля мая июня июля августа сентября октября ноября "
           "декабря").split()
RU_STEMS: Final = ("январ феврал март апрел ма[йяею] июн июл август сентябр октябр ноябр "
                   "декабр").split()
_RU_DMY: Final = re.compile(
    r"(?=\d)(?<!\d)(\d{1,2})(?:(?:\s?[-–]\s?|\s+(?:по|и|до)\s+)(\d{1,2}))?\s+("
                     + "|".join(_RU_GEN)
                     + r")(?:\s+(\d{4}))?(?!\d)")
_RU_MY: Final = re.compile(r"(?=[яфмаисонд])\b(" + "|".join(RU_STEMS)
                    + r")[а-я]*(?:\s+(\d{4}))?(?![\dа-я])")
_KO: Final = re.compile(
    r"(?:(\d{4})\s?년\s?)?(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일?\s?(?:[-~–～]|부터)\s?)?"
                 r"(?:\s?(\d{1,2})\s?일)?")
_YMD_DOTS: Final = re.compile(r"(?<![\d.])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})(?!\d)\.?")
_YM_DOTS: Final = re.compile(r"(?<![\d.])(\d{4})\.\s(\d{1,2})\.(?!\s?\d)")
_DMY_DOTS: Final = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d])")
_ISO: Final = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


_DIGIT: Final = re.compile(r"\d")
_RU_MONTH_HINT: Final = re.compile(r"(?=[яфмаисонд])(?:январ|феврал|март|апрел|\bма[йяею]\b|июн|июл"
                            r"|август|сентябр|октябр|ноябр|декабр)")
_EN_MONTH_HINT: Final = re.compile("|".join(m[:3] for m in EN_MONTHS))  # what _EN_* patterns need
_NUMERIC_DATE: Final = re.compile(r"\d[./-]\s?\d{1,2}[./-]")


def _valid(y: int, mo: int, d: int) -> bool:
    return 1 <= mo <= 12 and 0 <= d <= 31 and (y == 0 or 1900 <= y <= 2200)


class _Finder:
    """Collects dates and blanks them so the numbers left are not read twice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Dated] = []

    def take(self, pattern: re.Pattern[str], read: object, source: str | None = None,
             starts: list[int] | None = None) -> None:
        """Every date ``pattern`` finds (tried at ``starts`` only, where all its hits start)."""
        for hit in at_starts(pattern, source if source is not None else self.text, starts):
            days = read(hit)  # type: ignore[operator]
            days = [d for d in days if _valid(*d)]
            if days:
                self.found += [Dated(d, hit.start(), hit.end()) for d in days]
                self.text = (self.text[:hit.start()] + " " * (hit.end() - hit.start())
                             + self.text[hit.end():])


def _i(s: str | None) -> int:
    return int(s) if s else 0


def _days(y: str | None, mo: int, d1: str | None, d2: str | None) -> list[Day]:
    return [(_i(y), mo, _i(d)) for d in (d1, d2) if d] or [(_i(y), mo, 0)]


_EN_MONTH_KEYS: Final = {_lower(m[:3]): m[:3] for m in EN_MONTHS}
_RU_MONTH_KEYS: Final = (
    "январ феврал март апрел май мая мае маю июн июл август сентябр октябр ноябр "
                  "декабр").split()
# the same keys as sets: ``dict.keys().isdisjoint`` walks the smaller side only when the other
# is a set (a list or a dict is walked whole, a look-up per month); a text has few words
_EN_MONTH_SET: Final = frozenset(_EN_MONTH_KEYS)
_RU_MONTH_SET: Final = frozenset(_RU_MONTH_KEYS)


_DATE_SIGNS: Final = b"./-"


def _numeric(text: str, sc: Scan) -> bool:
    r"""Whether a digit stands as ``_NUMERIC_DATE`` needs: ``\d[./-]\s?\d``."""
    n = len(text)
    marks = sc.marks  # (the sign was there when the scan read the text: a byte's test first)
    for _start, end in sc.runs:  # (only a run's last digit has no digit after it)
        if end < n - 1 and marks[end] in _DATE_SIGNS and text[end] in "./-":
            after = text[end + 1]
            if after.isspace() and end + 2 < n:
                after = text[end + 2]
            if after.isdecimal():  # what ``\d`` matches
                return True
    return False


def _month(text: str, lang: Lang, sc: Scan) -> bool:
    """Whether a month's name may stand in ``text``: what each language's patterns need."""
    if lang is _LANG_KO:
        return "월" in sc.words
    if lang is _LANG_RU:
        return not sc.words.keys().isdisjoint(_RU_MONTH_SET)
    words = sc.words
    if words.keys().isdisjoint(_EN_MONTH_SET):
        return False
    # the English patterns need a month's first three letters, capitalised
    for k, cap in _EN_MONTH_KEYS.items():  # (loops, not a generator: compiled, no frames)
        found = words.get(k)
        if found is not None:
            for at in found:
                if text.startswith(cap, at):
                    return True
    return False


_MAY_FORMS: Final = ("май", "мая", "мае", "маю")  # the hint asks these as whole words


def _ru_month_hint(lower: str, sc: Scan) -> bool:
    """What ``_RU_MONTH_HINT`` finds, asked of the scan: a stem, or май/мая/мае/маю alone."""
    for k in _RU_MONTH_KEYS:
        n = len(k)
        for at in sc.words.get(k, ()):
            if lower[at:at + n] != k:  # blanked since the scan
                continue
            if k not in _MAY_FORMS:
                return True
            before, after = lower[at - 1:at] if at else "", lower[at + n:at + n + 1]
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                return True
    return False


def _month_starts(text: str, lang: Lang, sc: Scan) -> list[int]:
    """Where a month's name may start: the English ones capitalised, the Russian stems."""
    words = sc.words
    out: list[int] = []
    if lang is _LANG_RU:
        for k in _RU_MONTH_KEYS:
            found = words.get(k)
            if found is not None:
                out += found
    else:
        for k, cap in _EN_MONTH_KEYS.items():
            found = words.get(k)
            if found is not None:
                out += [at for at in found if text.startswith(cap, at)]
    out.sort()
    return out


def dates(text: str, lang: Lang, sc: Scan | None = None) -> tuple[list[Dated], str]:
    """The dates in ``text``, and the text with them blanked (``sc``: its scan, a fast gate)."""
    numeric = named = True
    # every pattern's hits start at a digit or at a month's name: with the scan, the patterns
    # are tried there only
    digits: list[int] | None = None
    months: list[int] | None = None
    if sc is not None:  # each group of patterns only where what it needs stands
        numeric, named = _numeric(text, sc), _month(text, lang, sc)
        if not numeric and not named:
            return [], text
        digits, months = sc.digits, _month_starts(text, lang, sc)
    f = _Finder(text)
    has_digit = numeric and _DIGIT.search(text) is not None
    if has_digit and _NUMERIC_DATE.search(text):
        f.take(_ISO, lambda h: [(int(h[1]), int(h[2]), int(h[3]))], None, digits)
        f.take(_YMD_DOTS, lambda h: [(int(h[1]), int(h[2]), int(h[3]))], None, digits)
        f.take(_DMY_DOTS, lambda h: [(int(h[3]), int(h[2]), int(h[1]))], None, digits)
    if lang is _LANG_KO:
        if named and "월" in text:
            f.take(_KO, lambda h: _days(h[1], int(h[2]), h[3], h[4]), None, digits)
        if has_digit:
            f.take(_YM_DOTS, lambda h: [(int(h[1]), int(h[2]), 0)], None, digits)
    elif lang is _LANG_RU and named:
        lower = _lower(text)
        # (with the scan, the patterns are tried at their starts only: no hint is needed)
        if sc is not None or any(month in lower for month in _RU_GEN):
            f.take(_RU_DMY, lambda h: _days(h[4], _RU_GEN.index(h[3]) + 1, h[1], h[2]), lower,
                   digits)
        if _ru_month_hint(lower, sc) if sc is not None else _RU_MONTH_HINT.search(lower):
            f.take(_RU_MY, lambda h: [(_i(h[2]), _ru_month(h[1]), 0)], _lower(f.text), months)
    # (with the scan, ``named`` is what the hint tells: a month's three letters, capitalised)
    elif lang is _LANG_EN and named and (sc is not None or _EN_MONTH_HINT.search(text)):
        f.take(_EN_DMY, lambda h: _days(h[4], _EN_MONTH[h[3]], h[1], h[2]), None, digits)
        f.take(_EN_MDY, lambda h: _days(h[4], _EN_MONTH[h[1]], h[2], h[3]), None, months)
        f.take(_EN_MY, lambda h: [(_i(h[2]), _EN_MONTH[h[1]], 0)], None, months)
    return f.found, f.text


_RU_STEM_PATTERNS: Final = [re.compile(s) for s in RU_STEMS]  # (compiled once, not per hit)


def _ru_month(word: str) -> int:
    for i, stem in enumerate(_RU_STEM_PATTERNS, start=1):
        if stem.match(word):
            return i
    raise ValueError(word)  # (never: the word is a hit of the stems' own pattern)
