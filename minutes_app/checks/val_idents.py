"""Identifiers whose digits are names, not quantities: G20, P4G, COVID-19, 5G, MC-21, 코로나19.

Their number is compared whole (``numbers.digit_quantities``); the pattern is tried only in
windows around the hints a scan's marks show, and not in an ASCII window that holds none.
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.scan_values import MARK_LETTER, MARK_NUMERAL, Scan, at_starts

# digits glued to Latin letters are names, not quantities: G20, P4G, COVID-19, 5G, MC-21
# (every hit starts with a letter, a digit, 코 or к: the look-ahead lets the engine skip the rest)
IDENT: Final = re.compile(
    r"(?=[A-Za-z\d코к])(?:(?<![\w])(?:[A-Za-z]+-?\d+[A-Za-z]*|\d+(?!st\b|nd\b"
                    r"|rd\b|th\b|km\b|bn\b|mn\b|mln\b|tn\b|ha\b|t\b)[A-Za-z]+)(?![A-Za-z])"
                    r"|코로나\s?19|ковид-?19)", re.IGNORECASE)
# a letter before a digit is looked for from the digit: the engine then skips to digits fast
IDENT_HINT: Final = re.compile(r"(?=[\d코Кк])(?:(?<=[A-Za-z])\d|(?<=[A-Za-z]-)\d|\d[A-Za-z]|코로나"
                         r"|[Кк][Оо][Вв][Ии][Дд])")
LAST_DIGITS: Final = re.compile(r"\d+(?=\D*$)")


def identifiers(text: str, starts: list[int] | None = None) -> list[re.Match[str]]:
    """What ``IDENT`` finds, looked for only between the spaces around each hint's hit.

    ``starts``: every place a hint's hit can start (a digit, 코로나, ковид), in order.
    """
    out: list[re.Match[str]] = []
    end = 0
    for hint in at_starts(IDENT_HINT, text, starts):
        if hint.start() < end:
            continue
        start = max(end, text.rfind(" ", 0, max(0, hint.start() - 12)) + 1)
        stop = text.find(" ", hint.end() + 12)
        end = len(text) if stop < 0 else stop
        if may_ident(text, start, end):
            out += IDENT.finditer(text, start, end)
    return out


# what IDENT's look-ahead refuses after a number's digits ("30th", "5 km" glued: "5km")
_ORDINAL_END: Final = re.compile(r"st\b|nd\b|rd\b|th\b|km\b|bn\b|mn\b|mln\b|tn\b|ha\b|t\b",
                                 re.IGNORECASE)


def _ascii_letter(ch: str) -> bool:
    code = ord(ch)
    return 0x61 <= code <= 0x7A or 0x41 <= code <= 0x5A


def may_ident(text: str, start: int, end: int) -> bool:
    """Whether ``IDENT`` may find a hit in ``text[start:end]`` (False: surely none).

    Told for ASCII only (there its letters, digits and word characters are ASCII ones): a
    hit holds a digit after a letter (or a letter and "-"), or the whole run of digits of a
    word's start followed by letters that are not an ordinal's or a unit's ending ("30th").
    """
    if not text[start:end].isascii():
        return True  # (Hangul, Cyrillic and the letters case-folding makes Latin: the pattern)
    for at in range(start, end):
        if not 0x30 <= ord(text[at]) <= 0x39:
            continue
        before = text[at - 1] if at else " "
        if before == "-" and at > 1:
            before = text[at - 2]
        if _ascii_letter(before):
            return True
        if at + 1 < len(text) and _ascii_letter(text[at + 1]):
            first = at
            while first and 0x30 <= ord(text[first - 1]) <= 0x39:
                first -= 1
            lead = text[first - 1] if first else " "
            if not (_ascii_letter(lead) or lead == "_") and (
                    _ORDINAL_END.match(text, at + 1, end) is None):
                return True
    return False


def ident_starts(text: str, sc: Scan) -> list[int]:
    """Every place a hit of ``IDENT_HINT`` can start, in order (and a few where none does).

    A digit next to a Latin letter now was at an end of one of the scan's runs, next to the
    same letter then (blanking makes spaces, never letters): the first digit of a run after a
    letter (or a letter and "-"), the last before one, as the scan's marks tell; and the names
    the scan found.
    """
    marks = sc.marks
    n = len(marks)
    out = [*sc.words.get("코로나", ()), *sc.words.get("ковид", ())]
    for start, end in sc.runs:
        if end < n:
            after = marks[end]
            if after in (MARK_LETTER, MARK_NUMERAL):
                out.append(end - 1)
        if start:
            before = marks[start - 1]
            if before == 0x2D and start > 1:  # "-"
                before = marks[start - 2]
            if before in (MARK_LETTER, MARK_NUMERAL):
                out.append(start)
    return sorted(set(out)) if out else out
