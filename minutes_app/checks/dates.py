"""Dates and periods in every official form of each language, as values.

Dates are (year, month, day) with 0 for a part the text leaves out: ``18 December 2020``,
``December 18, 2020``, ``2020년 12월 18일``, ``2020. 12. 18.``, ``2020.12.18.``, ``18.12.2020``,
``18 декабря 2020 г.``, ``в декабре 2020 года``; ranges (``17-18 December``) give both days.
Periods are halves, quarters and early/mid/late: ``상반기`` is ``H1`` like ``first half``.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from minutes_app.checks.scan_values import Scan, at_starts, masked, run_word, word_windows
from minutes_app.checks.tokens import is_word_char, latin_words, lowercase
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


class Period(NamedTuple):
    """A part of a year or month: H1, H2, Q1..Q4, EARLY, MID, LATE."""

    value: str
    start: int
    end: int


_EN_MONTHS: Final = ("January February March April May June July August September October November "
              "December").split()
_EN_MONTH = {m: i for i, m in enumerate(_EN_MONTHS, start=1)}
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
_RU_STEMS: Final = ("январ феврал март апрел ма[йяею] июн июл август сентябр октябр ноябр "
             "декабр").split()
_RU_DMY: Final = re.compile(
    r"(?=\d)(?<!\d)(\d{1,2})(?:(?:\s?[-–]\s?|\s+(?:по|и|до)\s+)(\d{1,2}))?\s+("
                     + "|".join(_RU_GEN)
                     + r")(?:\s+(\d{4}))?(?!\d)")
_RU_MY: Final = re.compile(r"(?=[яфмаисонд])\b(" + "|".join(_RU_STEMS)
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
_EN_MONTH_HINT: Final = re.compile("|".join(m[:3] for m in _EN_MONTHS))  # what _EN_* patterns need
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


_EN_MONTH_KEYS: Final = {_lower(m[:3]): m[:3] for m in _EN_MONTHS}
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


_RU_STEM_PATTERNS: Final = [re.compile(s) for s in _RU_STEMS]  # (compiled once, not per hit)


def _ru_month(word: str) -> int:
    for i, stem in enumerate(_RU_STEM_PATTERNS, start=1):
        if stem.match(word):
            return i
    raise ValueError(word)  # (never: the word is a hit of the stems' own pattern)


_EN_WHEN: Final = (
    r"(?=\s+(?:of\s+)?(?:the\s+|this\s+|next\s+|that\s+)?(?:\d{4}|year|month|decade|"
    + "|".join(_lower(m) for m in _EN_MONTHS) + r"))")
_PERIODS: Final[dict[Lang, list[tuple[re.Pattern[str], str]]]] = {
    _LANG_EN: [
        (re.compile(r"\b(?:first|1st)\s+half\b|\bh1\b|\b1h\b"), "H1"),
        (re.compile(r"\b(?:second|2nd|latter)\s+half\b|\bh2\b|\b2h\b"), "H2"),
        (re.compile(r"\b(?:first|1st)\s+quarter\b|\bq1\b"), "Q1"),
        (re.compile(r"\b(?:second|2nd)\s+quarter\b|\bq2\b"), "Q2"),
        (re.compile(r"\b(?:third|3rd)\s+quarter\b|\bq3\b"), "Q3"),
        (re.compile(r"\b(?:fourth|4th|last)\s+quarter\b|\bq4\b"), "Q4"),
        (re.compile(r"\b(?:early|beginning\s+of|start\s+of)" + _EN_WHEN), "EARLY"),
        (re.compile(r"\b(?:mid-|middle\s+of|mid)" + _EN_WHEN + r"|\bmid-(?=\d{4}|[a-z])"),
         "MID"),
        (re.compile(r"\b(?:late|end\s+of|close\s+of|year-end)" + _EN_WHEN
                    + r"|\byear-end\b"), "LATE"),
    ],
    _LANG_KO: [
        (re.compile(r"상반기"), "H1"),
        (re.compile(r"하반기"), "H2"),
        (re.compile(r"(?:제\s?)?1\s?(?:/\s?4\s?)?분기|1사분기"), "Q1"),
        (re.compile(r"(?:제\s?)?2\s?(?:/\s?4\s?)?분기|2사분기"), "Q2"),
        (re.compile(r"(?:제\s?)?3\s?(?:/\s?4\s?)?분기|3사분기"), "Q3"),
        (re.compile(r"(?:제\s?)?4\s?(?:/\s?4\s?)?분기|4사분기"), "Q4"),
        (re.compile(r"(?<=[년월연해])\s?초(?=[에까부로경중의]|[^가-힣]|$)|초순|상순|연초"),
         "EARLY"),
        (re.compile(r"(?<=[년월해])\s?중반|중순|중엽"), "MID"),
        (re.compile(r"(?<=[년월연해])\s?말(?=[에까부로경중의]|[^가-힣]|$)|하순|연말"), "LATE"),
    ],
    _LANG_RU: [
        (re.compile(r"\b(?:перв\w*|1-?\w*|i)\s+(?:полугоди\w*|половин\w*)"), "H1"),
        (re.compile(r"\b(?:втор\w*|2-?\w*|ii)\s+(?:полугоди\w*|половин\w*)"), "H2"),
        (re.compile(r"\b(?:перв\w*|1-?\w*|i)\s+квартал\w*"), "Q1"),
        (re.compile(r"\b(?:втор\w*|2-?\w*|ii)\s+квартал\w*"), "Q2"),
        (re.compile(r"\b(?:трет\w*|3-?\w*|iii)\s+квартал\w*"), "Q3"),
        (re.compile(r"\b(?:четв[её]рт\w*|4-?\w*|iv)\s+квартал\w*"), "Q4"),
        (re.compile(r"\b(?:в\s+|к\s+)?начал[еоау]\s+(?=\d{4}|года|месяца|текущего|следующего|"
                    + "|".join(_RU_STEMS) + ")"), "EARLY"),
        (re.compile(r"\b(?:в\s+)?середин[еуы]\s+(?=\d{4}|года|месяца|текущего|следующего|"
                    + "|".join(_RU_STEMS) + ")"), "MID"),
        (re.compile(r"\b(?:в\s+|к\s+)?(?:конц[еау]|конец)\s+(?=\d{4}|года|месяца|текущего|"
                    r"следующего|" + "|".join(_RU_STEMS) + ")"), "LATE"),
    ],
}
# one pass per language: the patterns above as named alternatives, in their order
# (English hits start with one of a few characters: a look-ahead of them spares the engine
# trying every alternative at every word boundary)
_LEADS: Final = {_LANG_EN: "(?=[1234bcefhlmqsty])", _LANG_KO: r"(?=[상하제1234초연중말\s])",
                 _LANG_RU: "(?=[пвтчкнсi1234])"}
_PERIOD_ONE: Final = {lang: re.compile(_LEADS.get(lang, "") + "(?:" + "|".join(
    f"(?P<{value}_{i}>{pattern.pattern})" for i, (pattern, value) in enumerate(rows)) + ")")
               for lang, rows in _PERIODS.items()}


_RU_PERIOD_STEMS: Final = ("полугод", "половин", "квартал", "начал", "середин", "конц", "конец")
_PERIOD_HINT_RE: Final = {
    _LANG_EN: re.compile(r"(?=[12bcehlmqsy])\b(?:half|quarter|early|late|mid|middle|beginning|"
                        r"start|end|close|year-end|h[12]|[12]h|q[1-4])\b"),
    _LANG_KO: re.compile(r"반기|분기|[년월연해]\s?[초말]|중반|중순|중엽|[초상하]순"),
    _LANG_RU: re.compile(r"полугод|половин|квартал|начал|середин|конц|конец"),
}

# the runs of Latin letters every hit of the English hint holds ("h1" holds "h", "year-end" "end")
_EN_PERIOD_WORDS: Final = frozenset(
    {"half", "quarter", "early", "late", "mid", "middle", "beginning",
                              "start", "end", "close", "h", "q"})


_PERIOD_KEYS: Final = {
    _LANG_EN: ("half quarter early late mid middle beginning start end close h1 h2 1h 2h q1 q2 q3 "
              "q4").split(),
    _LANG_KO: "반기 분기 초 말 중반 중순 중엽 순".split(),
    _LANG_RU: list(_RU_PERIOD_STEMS),
}
_PERIOD_SETS: Final = {lang: frozenset(keys) for lang, keys in _PERIOD_KEYS.items()}  # (as above)


def _may_period(lang: Lang, sc: Scan) -> bool:
    """Whether the words every period hint needs are in the scan (English: as whole words)."""
    found = sc.words
    if found.keys().isdisjoint(_PERIOD_SETS[lang]):
        return False
    keys = _PERIOD_KEYS[lang]
    if lang is not _LANG_EN:
        return True
    for k in keys:
        at = found.get(k)
        if at is not None and run_word(sc.lower, k, at):
            return True
    return False


def _periods_near(text: str, lang: Lang, sc: Scan) -> tuple[list[Period], str]:
    """``periods`` looked for between the commas and full stops around the scan's words.

    Every hit holds one of those words and no comma or full stop: the windows find what the
    whole text gives. In a window the pattern is tried only where a hit can start
    (``_period_starts``), as ``finditer`` over the window would find it.
    """
    lower = sc.lower if lang is not _LANG_KO else text
    found = sc.words
    keys = sorted((at, k) for k in _PERIOD_KEYS[lang] for at in found.get(k, ()))
    wins = word_windows(text, [at for at, _k in keys])
    pattern = _PERIOD_ONE[lang]
    out: list[Period] = []
    spans = []
    for a, b in wins:
        end = a
        for at in _period_starts(lower, lang, keys, a, b):
            if at < end:
                continue
            hit = pattern.match(lower, at, b)
            if hit is not None:
                out.append(Period((hit.lastgroup or "").split("_")[0], hit.start(), hit.end()))
                spans.append((hit.start(), hit.end()))
                end = hit.end()
    return out, masked(text, spans)


def _space(ch: str) -> bool:
    return ch.isspace()


def _period_starts(lower: str, lang: Lang, keys: list[tuple[int, str]], a: int, b: int
                   ) -> list[int]:
    """Every place in ``[a, b)`` where a period's hit can start, in order (some where none does).

    Each hit holds a key word. Korean: it starts at the key or one character before (상반기,
    연초, "년 초"), up to eight before 분기 ("제 1 / 4 분기"). English and Russian: at the key,
    or at a word before it and the spaces after that word ("first half", "1-го квартала",
    "в начале"): from the first character of the run of word characters and hyphens before
    the spaces, and after each hyphen in it; English "year-end" five before its "end".
    """
    out: list[int] = []
    for p, k in keys:
        if p < a or p >= b:
            continue
        if lang is _LANG_KO:
            out += range(max(a, p - (8 if k == "분기" else 1)), p + 1)
            continue
        out.append(p)
        if k == "end" and p - 5 >= a and lower.startswith("year-", p - 5):
            out.append(p - 5)
        q = p
        while q > a and _space(lower[q - 1]):
            q -= 1
        if q == p:
            continue
        w = q
        while w > a and (is_word_char(lower[w - 1]) or lower[w - 1] == "-"):
            w -= 1
            if lower[w] == "-":
                out.append(w + 1)
        out.append(w)
    out.sort()
    return out


def periods(text: str, lang: Lang, sc: Scan | None = None) -> tuple[list[Period], str]:
    """Halves, quarters and early/mid/late in ``text``, and the text with them blanked."""
    if sc is not None and not _may_period(lang, sc):
        return [], text
    if sc is not None:
        return _periods_near(text, lang, sc)
    lower = _lower(text) if lang is not _LANG_KO else text
    if lang is _LANG_EN and _EN_PERIOD_WORDS.isdisjoint(latin_words(lower)):
        return [], text  # the words the hint needs, asked of the text's words (no pass)
    if lang is _LANG_RU and not any(stem in lower for stem in _RU_PERIOD_STEMS):
        return [], text  # the Russian hint is these stems: substring tests, no pass
    if lang is not _LANG_RU and not _PERIOD_HINT_RE[lang].search(lower):  # no word it needs
        return [], text
    found: list[Period] = []
    for hit in _PERIOD_ONE[lang].finditer(lower):
        value = (hit.lastgroup or "").split("_")[0]
        found.append(Period(value, hit.start(), hit.end()))
        text = text[:hit.start()] + " " * (hit.end() - hit.start()) + text[hit.end():]
    return found, text
