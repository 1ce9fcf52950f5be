"""Clock times as one value each: ``오후 3시`` = ``3 p.m.`` = ``15:00`` = ``в 15 часов``.

A time is read before the digits (``15:00`` is one time, not 15 and 00) and kept as minutes
after midnight with the unit ``time``; a time that does not say which half of the day it is
(``3시``, ``at 3:00``, ``3 o'clock``) has the unit ``time12`` and answers both (3:00 and 15:00).
So ``오후 3시`` against ``3 a.m.`` differs, and ``3시`` against ``15:00`` does not.
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.numbers import Quantity
from minutes_app.checks.tokens import lowercase
from minutes_app.checks.scan_values import Scan, masked
from minutes_app.model import Lang

_lower: Final = lowercase  # (Python's own: see tokens)

TIME: Final = "time"  # a time of day: minutes after midnight
TIME12: Final = "time12"  # a time that may be either half of the day: minutes after 0 or 12
_HALF_DAY: Final = 720.0
_LANG_KO: Final = Lang.KO
_LANG_RU: Final = Lang.RU

# 14:30 (in every language)
_COLON: Final = re.compile(r"(?<![\w.:,])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])")
_EN_AMPM: Final = re.compile(
    r"(?<![\w.:,])(1[0-2]|0?\d)(?:[:.]([0-5]\d))?\s?([ap])\.?\s?m(?![a-z])", re.IGNORECASE)
_EN_OCLOCK: Final = re.compile(r"(?<![\w.:,])(1[0-2]|0?\d)\s?o['’]clock\b", re.IGNORECASE)
# "at 10.30" (British): a time after "at", never a share or an amount
_EN_DOT: Final = re.compile(r"(?<=\bat )([01]?\d|2[0-3])\.([0-5]\d)(?!\d|[.,]\d)"
                            r"(?!\s?(?:%|per|percent|million|billion|thousand|bn|mn)\b)",
                            re.IGNORECASE)
_EN_NOON: Final = re.compile(r"\b(?:12\s?)?(noon|midday|midnight)\b", re.IGNORECASE)
_KO_HOUR: Final = re.compile(
    r"(?:(오전|오후|새벽|아침|저녁|밤|낮)\s?)?(?<!\d)([01]?\d|2[0-4])\s?시"
    r"(?:\s?([0-5]?\d)\s?분|\s?(반))?(?=[\s에부까경께로이는의,.)~\-–]|$)")
_KO_RANGE: Final = re.compile(r"\s?(?:부터|에서)?\s?[-–—~]?\s?")
_KO_NOON: Final = re.compile(r"정오|자정")
_RU_HOUR: Final = re.compile(
    r"(?<![\w.:,])([01]?\d|2[0-4])\s?(?:час(?:а|ов|ам|у)?|ч)(?![а-яё])"
    r"(?:\s?([0-5]?\d)\s?(?:минут[аы]?|мин)(?![а-яё]))?"
    r"(?:\s(утра|дня|вечера|ночи)(?![а-яё]))?", re.IGNORECASE)
_RU_DOT: Final = re.compile(r"(?<=\bв )([01]?\d|2[0-4])\.([0-5]\d)(?!\d|[.,]\d)")
_RU_NOON: Final = re.compile(r"(?<![а-яё])(полдень|полдня|полночь|полуночи)(?![а-яё])",
                             re.IGNORECASE)
# the first time of a range, right before the second ("10-", "с 10 до ", "from 2 to ")
_RANGE_LEFT: Final = re.compile(r"(?<![\w.:,])([01]?\d|2[0-4])(?:[:.]([0-5]\d))?\s?"
                                r"(?:[-–—~]|to|and|until|till|до|по|и)\s?$")
# the words before an hour that make "15 часов" a time, not fifteen hours (в 15 часов, к 15 ч)
_RU_BEFORE: Final = frozenset(["в", "во", "к", "до", "с", "со", "после", "около", "с", "по"])
_STARTS_KO: Final = (_KO_HOUR, _COLON)
_STARTS_RU: Final = (_RU_HOUR, _RU_DOT, _COLON)
_STARTS_EN: Final = (_EN_AMPM, _EN_OCLOCK, _EN_DOT, _COLON)
_PM_KO: Final = frozenset(["오후", "저녁", "밤"])
_AM_KO: Final = frozenset(["오전", "새벽", "아침"])


def _clock(hours: int, minutes: int, half: str) -> tuple[float, str]:
    """Minutes after midnight and the unit: ``half`` is "am", "pm", "" (24-hour) or "?"."""
    if half == "am":
        return float(hours % 12 * 60 + minutes), TIME
    if half == "pm":
        return float(hours % 12 * 60 + minutes + _HALF_DAY), TIME
    if half == "?" and 1 <= hours <= 12:
        return float(hours % 12 * 60 + minutes), TIME12
    return float(hours % 24 * 60 + minutes), TIME


def _after_run(text: str, end: int, lang: Lang) -> bool:
    """Whether what follows the run of digits ending at ``end`` can continue a time."""
    n = len(text)
    if end >= n:
        return False
    ch = text[end]
    if (ch == ":" or ch == ".") and text[end + 1:end + 2].isdigit():
        return True
    at = end + 1 if ch.isspace() else end
    if at >= n:
        return False
    ch = text[at]
    if lang is _LANG_KO:
        return ch == "시"
    if lang is _LANG_RU:
        return ch == "ч" or ch == "Ч"
    if ch == "o":  # o'clock
        return text[at + 1:at + 2] in ("'", "’")
    if ch not in "apAP":
        return False
    at += 1  # a.m., p. m., pm
    if text[at:at + 1] == ".":
        at += 1
    if text[at:at + 1].isspace():
        at += 1
    return text[at:at + 1] in ("m", "M")


def _maybe(text: str, lang: Lang, sc: Scan | None) -> bool:
    """Whether ``text`` can hold a time (a necessary condition, tested before the patterns).

    Every time's hour starts at the first digit of a run (its pattern asks for no digit or
    letter before it); one of the language's patterns must match there.
    """
    if sc is None:
        return True
    patterns: tuple[re.Pattern[str], ...]
    if lang is _LANG_KO:
        patterns = _STARTS_KO
        if "정오" in text or "자정" in text:
            return True
    elif lang is _LANG_RU:
        patterns = _STARTS_RU
        low = sc.lower
        if "полд" in low or "полноч" in low or "полуноч" in low:
            return True
    else:
        patterns = _STARTS_EN
        low = sc.lower
        if "noon" in low or "midday" in low or "midnight" in low:
            return True
    for start, end in sc.runs:
        if not _after_run(text, end, lang):
            continue
        for at in range(start, end) if " " in text[start:end] else (start,):
            for pattern in patterns:
                if pattern.match(text, at) is not None:
                    return True
    return False


def times(text: str, lang: Lang, sc: Scan | None = None) -> tuple[list[Quantity], str]:
    """The clock times ``text`` states, and the text with them blanked."""
    found: list[Quantity] = []
    if not _maybe(text, lang, sc):
        return found, text
    spans: list[tuple[int, int]] = []

    def add(start: int, end: int, value: tuple[float, str]) -> None:
        if any(s < end and start < e for s, e in spans):
            return
        spans.append((start, end))
        found.append(Quantity(value[0], value[1], False, start, end))

    if lang is _LANG_KO:
        before, last = "", -99
        for hit in _KO_HOUR.finditer(text):
            when, hours = hit.group(1) or "", int(hit.group(2))
            # "오후 2시부터 4시까지": the range's end is in the afternoon too
            if not when and _KO_RANGE.fullmatch(text, last, hit.start()):
                when = before
            before, last = when, hit.end()
            minutes = 30 if hit.group(4) else int(hit.group(3) or 0)
            half = "pm" if when in _PM_KO or (when == "낮" and hours < 6) else \
                "am" if when in _AM_KO else "" if when else "?"
            add(hit.start(), hit.end(), _clock(hours, minutes, half))
        for hit in _KO_NOON.finditer(text):
            add(hit.start(), hit.end(), (_HALF_DAY if hit.group() == "정오" else 0.0, TIME))
    elif lang is _LANG_RU:
        for hit in _RU_HOUR.finditer(text):
            prior = text[max(0, hit.start() - 12):hit.start()].split()
            if not hit.group(3) and (not prior or _lower(prior[-1]) not in _RU_BEFORE):
                continue  # "в течение 3 часов": hours, not a time of day
            hours, minutes = int(hit.group(1)), int(hit.group(2) or 0)
            when = _lower(hit.group(3) or "")
            half = "am" if when == "утра" or (when == "ночи" and hours < 6) else \
                "pm" if when in ("дня", "вечера", "ночи") else ""
            add(hit.start(), hit.end(), _clock(hours, minutes, half))
        for hit in _RU_DOT.finditer(text):
            add(hit.start(), hit.end(), _clock(int(hit.group(1)), int(hit.group(2)), ""))
        for hit in _RU_NOON.finditer(text):
            noon = _lower(hit.group()) in ("полдень", "полдня")
            add(hit.start(), hit.end(), (_HALF_DAY if noon else 0.0, TIME))
    else:
        for hit in _EN_AMPM.finditer(text):
            half = "am" if _lower(hit.group(3)) == "a" else "pm"
            add(hit.start(), hit.end(), _clock(int(hit.group(1)), int(hit.group(2) or 0), half))
        for hit in _EN_DOT.finditer(text):
            add(hit.start(), hit.end(), _clock(int(hit.group(1)), int(hit.group(2)), "?"))
        for hit in _EN_OCLOCK.finditer(text):
            add(hit.start(), hit.end(), _clock(int(hit.group(1)), 0, "?"))
        for hit in _EN_NOON.finditer(text):
            noon = _lower(hit.group(1)) != "midnight"
            add(hit.start(), hit.end(), (_HALF_DAY if noon else 0.0, TIME))
    # 14:30; in English "3:30" says no half of the day (Korean and Russian count to 24)
    for hit in _COLON.finditer(text):
        hours = int(hit.group(1))
        half = "?" if lang is not _LANG_KO and lang is not _LANG_RU and \
            not hit.group(1).startswith("0") else ""
        add(hit.start(), hit.end(), _clock(hours, int(hit.group(2)), half))
    if not found:
        return found, text
    for q in list(found):  # "10-12시", "с 10 до 12 часов", "from 2 to 4 p.m.": both ends
        left = _RANGE_LEFT.search(text, max(0, q.start - 16), q.start)
        if left is not None:
            add(left.start(), left.end(2) if left.group(2) else left.end(1),
                _left_end(int(left.group(1)), int(left.group(2) or 0), q))
    found.sort(key=_start)
    return found, masked(text, spans)


def _left_end(hours: int, minutes: int, right: Quantity) -> tuple[float, str]:
    """A range's first time, in the half of the day its end says."""
    if right.unit == TIME12 or hours >= 12:
        return _clock(hours, minutes, "?" if right.unit == TIME12 else "")
    pm = _clock(hours, minutes, "pm")
    return pm if right.value >= _HALF_DAY and pm[0] <= right.value else \
        _clock(hours, minutes, "am")


def _start(q: Quantity) -> int:
    return q.start


def time_keys(q: Quantity) -> tuple[float, ...]:
    """The times of day a time answers (a time12 answers both halves of the day)."""
    if q.unit == TIME12:
        return (q.value, q.value + _HALF_DAY)
    return (q.value,)
