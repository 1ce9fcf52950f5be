"""Numbers, percentages, years and dates as values, whatever language writes them.

``50 percent`` and ``50%``, ``14th`` and ``제14차``, ``twice`` and ``2차례``, ``half`` and ``절반``
give the same values, so only real differences between the languages are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_app.model import Lang

_MONTHS_EN = {m: i for i, m in enumerate(
    ("january february march april may june july august september october november "
     "december").split(), start=1)}
_MONTHS_RU = {m: i for i, m in enumerate(
    ("января февраля марта апреля мая июня июля августа сентября октября ноября "
     "декабря").split(), start=1)}
_DATE_KO = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
# English patterns run on lower-cased text: re.IGNORECASE is slow on alternations
_DATE_EN_DMY = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS_EN) + r")\s+(\d{4})\b")
_DATE_EN_MDY = re.compile(r"\b(" + "|".join(_MONTHS_EN) + r")\s+(\d{1,2}),?\s+(\d{4})\b")
_MONTH_KO = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월")
_MONTH_EN = re.compile(r"\b(" + "|".join(_MONTHS_EN) + r")\s+(\d{4})\b")
_DATE_RU = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS_RU) + r")\s+(\d{4})", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:\.\d+)?")
_WORDS_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "once": 1, "twice": 2, "half": 0.5, "dozen": 12,
    "hundred": 100, "thousand": 1000, "million": 1_000_000,
}
_LETTERS = re.compile(r"[a-z]+")
# "a second phase" means another phase, "one of": ambiguous words are not compared
_WORD_KEYS = frozenset(_WORDS_EN) - {"second", "one"}
_HAS_DIGIT = re.compile(r"\d")
# Korean number words that stand alone (digits cover the rest: 2차례, 제3차, 50%)
_WORDS_KO = {"절반": 0.5, "한 차례": 1, "두 차례": 2, "세 차례": 3, "네 차례": 4,
             "첫": 1, "첫째": 1, "둘째": 2, "셋째": 3}
_WORD_KO = re.compile("|".join(sorted(_WORDS_KO, key=len, reverse=True)))
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
_ANNEX = re.compile(r"\bAnnex(?:es)?\s+([IVX]+)(?:\s*(?:,|and)\s*([IVX]+))*")
_ORDINAL_EN = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")

_IDIOM_NOUNS = ("side", "countr", "government", "delegation", "parties", "nation", "head",
                "president", "prime minister", "deputy prime minister")


def _idioms(lower: str, word: str) -> int:
    """How often ``word`` is part of an idiom ("two Sides", "first half"): substring counts."""
    if word in ("two", "both"):
        return sum(lower.count(f"{word} {noun}") for noun in _IDIOM_NOUNS)
    if word == "half":
        return lower.count("first half") + lower.count("second half")
    if word == "first":
        return lower.count("first half")
    return 0


def dates(text: str, lang: Lang) -> tuple[set[tuple[int, int, int]], str]:
    """The dates in ``text`` as (year, month, day), and the text with them taken out."""
    found: set[tuple[int, int, int]] = set()

    def take(y: str, mo: int, d: str) -> str:
        found.add((int(y), mo, int(d)))
        return " "

    # cheap substring tests first: most paragraphs hold no date at all
    if lang is Lang.KO:
        if "월" in text:
            text = _DATE_KO.sub(lambda m: take(m[1], int(m[2]), m[3]), text)
            text = _MONTH_KO.sub(lambda m: take(m[1], int(m[2]), "0"), text)
    elif lang is Lang.RU:
        lower = text.lower()
        if any(month in lower for month in _MONTHS_RU):
            text = _DATE_RU.sub(lambda m: take(m[3], _MONTHS_RU[m[2].lower()], m[1]), text)
    else:
        lower = text.lower()
        if any(month in lower for month in _MONTHS_EN):
            lower = _DATE_EN_DMY.sub(lambda m: take(m[3], _MONTHS_EN[m[2]], m[1]), lower)
            lower = _DATE_EN_MDY.sub(lambda m: take(m[3], _MONTHS_EN[m[1]], m[2]), lower)
            text = _MONTH_EN.sub(lambda m: take(m[2], _MONTHS_EN[m[1]], "0"), lower)
    return found, text


def _digits(text: str) -> Iterator[float]:
    for hit in _NUMBER.finditer(text):
        raw = hit.group()
        value = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", raw) else raw
        try:
            yield float(value.replace(",", "."))
        except ValueError:
            continue


def numbers(text: str, lang: Lang) -> set[float]:
    """Every number the text states (dates excluded: see ``dates``)."""
    values = set(_digits(text)) if _HAS_DIGIT.search(text) else set()
    if lang is Lang.EN:
        lower = text.lower()
        found = [w for w in _LETTERS.findall(lower) if w in _WORD_KEYS]
        for word in set(found):
            if found.count(word) > _idioms(lower, word):  # "the two Sides" is 양측, not 2
                values.add(float(_WORDS_EN[word]))
        if "annex" in lower:
            for hit in _ANNEX.finditer(text):
                values.update(float(_ROMAN.get(r.upper(), 0)) for r in hit.groups() if r)
    elif lang is Lang.KO and ("절반" in text or "차례" in text or "첫" in text or "째" in text):
        values.update(float(_WORDS_KO[h.group()]) for h in _WORD_KO.finditer(text))
    return values


def quantities(text: str, lang: Lang) -> tuple[set[tuple[int, int, int]], set[float]]:
    """Dates and the other numbers of a text."""
    found, rest = dates(text, lang)
    return found, numbers(rest, lang)
