"""Whether an English text's number words are all idioms, told before its digits are blanked.

"The two Sides" stands in nearly every English paragraph: its number word makes the word
pass (``words._english``) run, only to find it an idiom after the digits' text was blanked.
Told on the scanned text, the blanking and the pass are spared.
"""

from __future__ import annotations

from typing import Final

from minutes_app.checks.scan_values import MARK_LETTER, MARK_NUMERAL, Scan
from minutes_app.checks.tokens import is_word_char, lowercase
from minutes_app.checks.words import IDIOM_AFTER, EN_HINTS, ROMAN_NEXT, idiom_word_after


_R: Final = b"R"
_HYPHEN: Final = 0x2D


def _letter(marks: bytes, text: str, plain: bool, at: int) -> bool:
    """Whether ``text[at]`` is an ASCII letter (its mark, when nothing was blanked: no str)."""
    if plain:
        mark = marks[at]
        return mark in (MARK_LETTER, MARK_NUMERAL)
    code = ord(text[at]) | 0x20  # (upper case to lower)
    return 0x61 <= code <= 0x7A


def _no_roman(marks: bytes, text: str, plain: bool) -> bool:
    """Whether every roman mark of the scan is inside a Latin word ("In", "Vladivostok").

    A Latin letter before it, or one after it that no numeral continues with, makes
    ``words.roman`` pass it by; blanking the numbers turns no such letter into a space.
    """
    n = len(text)
    at = marks.find(_R)
    while at >= 0:
        if not plain and text[at] == " ":
            return False  # blanked by a date or a period: not worth telling
        if not (at and _letter(marks, text, plain, at - 1)) and (
                at + 1 >= n or not _letter(marks, text, plain, at + 1)
                or text[at + 1] in ROMAN_NEXT):
            return False
        at = marks.find(_R, at + 1)
    return True


def idioms_only(sc: Scan, text: str) -> bool:
    """Whether ``words._english`` finds nothing in ``text`` however its numbers are blanked.

    ``text`` is the scanned text with its dates and periods blanked (they may end inside a
    word: "twoMay"); the numbers with their units and scales, the fractions are blanked after.

    Every place of every English number word the scan found is inside a longer Latin word
    ("network", "behalf") or is an idiom of a number word, one space and one word ("the two
    Sides") between characters that are no word's. Blanking them (every span starts with a
    digit and ends with one or at a word's edge; identifiers are the caller's to rule out)
    turns characters into spaces: it makes no such place a word of its own, nor breaks such
    an idiom. No roman numeral may start in the text either.
    """
    marks = sc.marks
    plain = text is sc.text  # (then the scan's marks tell the letters, and its lower case)
    if not _no_roman(marks, text, plain):
        return False
    n = len(text)
    lower = ""
    for w, places in sc.words.items():  # (a few words: no set made)
        if w not in EN_HINTS:
            continue
        size = len(w)
        for at in places:
            end = at + size
            if not plain and lowercase(text[at:end]) != w:
                continue  # blanked by a date or a period: no hit starts here
            if at and _letter(marks, text, plain, at - 1):
                continue  # inside a longer word: no ``\b`` hit starts here
            if end < n and _letter(marks, text, plain, end):
                continue
            if at and is_word_char(text[at - 1]):
                return False  # a digit before: blanked, the word may stand alone
            told = _idiom_as_written(text, marks, end, w) if plain else -1
            if told < 0:
                if not lower:
                    lower = sc.lower if plain else lowercase(text)
                told = int(idiom_word_after(lower, end, w))
            if not told:
                return False
    return True


def _idiom_as_written(text: str, marks: bytes, end: int, word: str) -> int:
    """``idiom_word_after`` told from the scanned text as written: 1, 0, or -1 (ask the lower case).

    The word after is read while the marks show ASCII letters and "-", whose lower case is
    one of a-z and "-" as ``idiom_word_after`` reads them; a character beyond ASCII after it
    (the Kelvin sign lower-cases to "k") is left to the lower case. No lower case of the
    whole text is made for "the two Sides".
    """
    after = IDIOM_AFTER.get(word)
    n = len(text)
    if after is None or end + 1 >= n or text[end] != " ":
        return 0
    stop = end + 1
    while stop < n:
        mark = marks[stop]
        if mark != MARK_LETTER and mark != MARK_NUMERAL and mark != _HYPHEN:
            break
        stop += 1
    if stop < n and ord(text[stop]) >= 0x80:
        return -1
    return int(lowercase(text[end + 1:stop]) in after
               and (stop >= n or not is_word_char(text[stop])))
