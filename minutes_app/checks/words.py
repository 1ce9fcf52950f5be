"""Numbers written as words, fractions and roman numerals, in each language.

Words are *soft* quantities (see ``numbers``): "the two Sides" is 양측, "for the first time"
is 처음으로, so a word alone never makes a finding.
"""

from __future__ import annotations

from typing import Final

import re

from minutes_app.checks.numbers import Quantity, canon
from minutes_app.checks.scan_values import Scan, at_starts, blank_in, run_word, word_windows
from minutes_app.checks.tokens import is_word_char, latin_words, lowercase
from minutes_app.checks.val_ko_words import may_count, native_numbers
from minutes_app.checks.val_ru_words import KEYS as RU_KEYS, russian_numbers
from minutes_app.checks.val_ru_words import may_count as ru_may_count
from minutes_app.model import Lang

# the languages as constants: compiled code reads them with no look-up
_LANG_KO: Final = Lang.KO
_LANG_EN: Final = Lang.EN
_LANG_RU: Final = Lang.RU
# what may follow a roman numeral's first letter (else a letter makes it part of a word)
ROMAN_NEXT: Final = "IVXLCaи"
_lower: Final = lowercase  # (a constant: compiled code calls it with no look-up)
_UNITS: Final = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS: Final = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORD: Final = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
        "nineteenth").split()
_ORD_TENS: Final = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
             "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
EN_WORDS: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS)}
EN_WORDS |= {w: float(i) for i, w in enumerate(_ORD)}
EN_WORDS |= {k: float(v) for k, v in (_TENS | _ORD_TENS).items()}
EN_WORDS |= {"once": 1, "twice": 2, "thrice": 3, "dozen": 12, "hundredth": 100,
             "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10,
             "inaugural": 1, "double": 2, "doubled": 2, "triple": 3, "tripled": 3,
             "trilateral": 3}  # (3자 협력, трёхстороннее: the other languages count the parties)
_EN_SCALE_AFTER: Final = re.compile(r"\s+(thousand|million|billion|trillion)\b")
_EN_SCALES: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_AND_HALF: Final = re.compile(r"\b(one|two|three|four|five)\s+and\s+a\s+half\b")
del EN_WORDS["zero"], EN_WORDS["zeroth"]


def _led(letters: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, whose hits all start with one of ``letters``, told so to the regex engine.

    Without the look-ahead the engine tries every alternative at every word boundary.
    """
    return re.compile(f"(?=[{letters}])(?:{pattern})")


_EN_WORD: Final = _led("".join(sorted({w[0] for w in [*EN_WORDS, *_TENS]})),
               r"\b(?:(" + "|".join(_TENS) + r")-)?(" + "|".join(
                   sorted(EN_WORDS, key=len, reverse=True)) + r")\b")
# "a third", "two thirds", "a quarter", "half", "one and a half"
_EN_FRACTION: Final = _led("afhoqt", r"\b(?:(a|one|two|three)[\s-])?(half|third|thirds|quarter|"
                    r"quarters|fifth|fifths)\b(?!\s+(?:meeting|session|round|forum|phase|stage))")
_FRACTIONS: Final = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
              "fifths": 5}
_NUMERATORS: Final = {"a": 1, "one": 1, "two": 2, "three": 3}
# idioms that hold a number word but no quantity ("the two Sides" is 양측)
_EN_IDIOM: Final = _led(
    "abfnost",
    r"\b(?:two|both)\s+(?:sides|countries|governments|delegations|parties|nations|heads|"
    r"presidents|prime ministers|leaders|ministers|co-chairs|regions|economies|peoples)\b"
    r"|\bone\s+(?:of|another|side)\b|\bfirst[\s-](?:time|ever|hand|class|priority)\b"
    r"|\bat\s+first\b|\bfirst\s+and\s+foremost\b|\bsecond(?:ed|ment)\b|\bno\s+one\b|"
    r"\bthe\s+one\b|\bone\s+(?:hand|time)\b|\bon\s+the\s+other\s+hand\b")
_ROMAN: Final = _led("IVXLC", r"(?<![\w])(?=[IVXLC]{2,}(?![\w]))C{0,3}(?:XC|XL|L?X{0,3})"
              r"(?:IX|IV|V?I{0,3})(?![\w])|(?:(?<=Annex )|(?<=Annexes )|(?<=Part )|(?<=риложение )|"
              r"(?<=риложении )|(?<=риложения )|(?<=раздел )|(?<=Раздел ))I(?![\w])"
              r"|(?<![\w])I(?=\s*(?:,|and|и|&)\s*II(?![\w]))")
_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_KO_WORDS: Final = {
    "절반": ("frac", 0.5), "한 차례": ("", 1), "두 차례": ("", 2), "세 차례": ("", 3),
             "네 차례": ("", 4), "다섯 차례": ("", 5), "한 번": ("", 1), "두 번": ("", 2),
             "세 번": ("", 3), "첫": ("", 1), "첫째": ("", 1), "둘째": ("", 2), "셋째": ("", 3),
             "넷째": ("", 4), "두 번째": ("", 2), "세 번째": ("", 3), "네 번째": ("", 4),
             "다섯 번째": ("", 5), "한 해": ("", 1), "두 배": ("", 2), "세 배": ("", 3)}
_KO_WORD: Final = re.compile("|".join(sorted(_KO_WORDS, key=len, reverse=True)))

# what every hit of _ROMAN needs: a whole word of two numerals or more, or an "I" after one
# of the words that announce it or before "II" (a cheap test before the costly pattern)
_ROMAN_HINT: Final = _led("IVXLCAPра", r"\b[IVXLC]{2,}\b|Annex|Part I|риложени|аздел I|II(?!\w)")
EN_HINTS: Final = frozenset(EN_WORDS) | frozenset(_FRACTIONS) | frozenset(_TENS)


def _roman_value(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        v = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -v if v < nxt else v
    return total


def roman(text: str, sc: Scan | None = None) -> list[Quantity]:
    """Roman numerals as values (``XIV``, ``Annex II``); one letter only after ``Annex``."""
    out: list[Quantity] = []
    if sc is not None:
        return _roman_at(text, sc)
    if not _ROMAN_HINT.search(text):
        return out
    for hit in _ROMAN.finditer(text):
        if hit.group():
            out.append(Quantity(float(_roman_value(hit.group())), "", False, hit.start(),
                                hit.end()))
    return out


def _roman_at(text: str, sc: Scan) -> list[Quantity]:
    """What ``roman`` finds, the pattern tried only where a hit can start.

    Every hit starts at a numeral (one of the scan's marks: blanking makes only spaces) with
    no word character before it, and one of the numerals, a character that is none of a
    word's or the "a" and "и" of "I and II" after it. Every hit also holds a hit of
    ``_ROMAN_HINT``: the hint is not needed.
    """
    out: list[Quantity] = []
    marks = sc.marks
    n = len(text)
    end = 0
    at = marks.find(b"R")
    while at >= 0:
        if at >= end and (at == 0 or not is_word_char(text[at - 1])):
            nxt = text[at + 1] if at + 1 < n else " "
            if nxt in ROMAN_NEXT or not is_word_char(nxt):
                hit = _ROMAN.match(text, at)
                if hit is not None and hit.group():
                    out.append(Quantity(float(_roman_value(hit.group())), "", False, at, hit.end()))
                    end = hit.end()
        at = marks.find(b"R", at + 1)
    return out


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * (m.end() - m.start()), text)


_EN_WORD_OF: Final[dict[frozenset[str], re.Pattern[str]]] = {}


def _en_word(present: frozenset[str]) -> re.Pattern[str]:
    """``_EN_WORD`` told which number words the text holds: its pass skips every other word."""
    key = frozenset(present)
    pattern = _EN_WORD_OF.get(key)
    if pattern is None:
        # longest first, as in _EN_WORD: the same hits (a word the text lacks cannot match)
        words = sorted(key.intersection(EN_WORDS), key=len, reverse=True) or ["(?!)"]
        pattern = _led("".join(sorted({w[0] for w in [*words, *_TENS]})),
                       r"\b(?:(" + "|".join(_TENS) + r")-)?(" + "|".join(words) + r")\b")
        if len(_EN_WORD_OF) < 4096:  # a bound: the sets seen are few
            _EN_WORD_OF[key] = pattern
    return pattern


def _in_idiom(lower: str, at: int, word: str) -> bool:
    """Whether the blanking of idioms blanks ``word`` at ``at`` (or it can start no hit).

    An idiom that starts at the word blanks it; so does one that starts before and covers
    it (every idiom ends at a word's end): the pass over the whole text blanks it either way.
    """
    end = at + len(word)
    if lower[at:end] != word or (at and is_word_char(lower[at - 1])) or (
            end < len(lower) and is_word_char(lower[end])):
        return True  # blanked already, or inside a longer word: no ``\b`` hit starts here
    return idiom_word_after(lower, end, word) or _EN_IDIOM.match(lower, at) is not None


# the idioms of _EN_IDIOM that are a number word, one space and one word (a hit of the pattern
# wherever they stand at word boundaries: "the two Sides" in nearly every paragraph)
IDIOM_AFTER: Final = {
    "two": frozenset("sides countries governments delegations parties nations heads presidents "
                     "leaders ministers co-chairs regions economies peoples".split()),
    "one": frozenset("of another side hand time".split()),
    "first": frozenset("time ever hand class priority".split()),
}


def idiom_word_after(lower: str, end: int, word: str) -> bool:
    """Whether one space and a word that makes ``word`` an idiom follow it (a hit, no pass)."""
    after = IDIOM_AFTER.get(word)
    n = len(lower)
    if after is None or end + 1 >= n or lower[end] != " ":
        return False
    stop = end + 1
    while stop < n:
        code = ord(lower[stop])
        if not (0x61 <= code <= 0x7A or code == 0x2D):  # (a-z and "-": no str compared)
            break
        stop += 1
    return lower[end + 1:stop] in after and (stop >= n or not is_word_char(lower[stop]))


def _all_in_idioms(lower: str, present: frozenset[str], found: dict[str, list[int]]) -> bool:
    """Whether every place of every present word is in an idiom (``_in_idiom``)."""
    for w in present:  # (loops, not a generator: compiled, no frames)
        for at in found[w]:
            if not _in_idiom(lower, at, w):
                return False
    return True


def _english(text: str, sc: Scan | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    lower = _lower(text)
    if sc is None:
        present = EN_HINTS.intersection(latin_words(lower))
    else:  # the scan's number words that are whole runs of letters in the blanked text
        found = sc.words
        # (the set operation in C first: most of the scan's words are months and periods)
        present = frozenset([w for w in EN_HINTS.intersection(found)
                             if run_word(lower, w, found[w])])
    if not present:
        out += roman(text, sc)
        return out
    if sc is not None and present.isdisjoint(_FRACTIONS) and _all_in_idioms(lower, present,
                                                                            sc.words):
        out += roman(text, sc)  # "the two Sides": every number word is in an idiom
        return out
    starts: list[int] | None = None
    if sc is None:
        lower = _blank(lower, _EN_IDIOM)
    else:  # every later hit holds a present word: the idioms around them are what matters
        starts = sorted(at for w in present for at in sc.words[w])
        lower = blank_in(lower, _EN_IDIOM, word_windows(text, starts))
    if (sc is None or "half" in sc.words) and "half" in lower:  # what _EN_AND_HALF needs
        for hit in _EN_AND_HALF.finditer(lower):
            out.append(Quantity(EN_WORDS[hit.group(1)] + 0.5, "", True, hit.start(), hit.end()))
        lower = _blank(lower, _EN_AND_HALF)
    # a fraction's word is a whole word: it is among the text's words (no hint pass)
    for hit in (() if present.isdisjoint(_FRACTIONS) else _EN_FRACTION.finditer(lower)):
        num = _NUMERATORS.get(hit.group(1) or "a", 1)
        if hit.group(2) in ("third", "fifth", "quarter") and not hit.group(1):
            continue  # "the third Forum", "the fifth meeting": ordinals (below)
        out.append(Quantity(canon(num / _FRACTIONS[hit.group(2)]), "frac", True, hit.start(),
                      hit.end()))
        lower = lower[:hit.start()] + " " * (hit.end() - hit.start()) + lower[hit.end():]
    # the words left after the idioms were blanked ("the two Sides" leaves none)
    if sc is None:
        left = any(w in lower for w in present if w in EN_WORDS)
    else:  # every place a present word can stand now is one the scan found
        left = any(lower.startswith(w, at) for w in present if w in EN_WORDS
                   for at in sc.words[w])
    # (a hit starts at a present word: the scan's places of them are where to try)
    for hit in (at_starts(_en_word(present), lower, starts) if left else ()):
        tens = _TENS[hit.group(1)] if hit.group(1) else 0
        value, end = float(tens + EN_WORDS[hit.group(2)]), hit.end()
        scale = _EN_SCALE_AFTER.match(lower, end)
        if scale is not None:  # "four million"
            value, end = value * _EN_SCALES[scale.group(1)], scale.end()
        out.append(Quantity(canon(value), "", True, hit.start(), end))
    out += roman(text, sc)
    return out


# what every Korean word quantity holds
KO_NEEDS: Final = ("절반", "차례", "첫", "째", " 번", " 해", " 배")
# (a set: ``dict.keys().isdisjoint`` walks the scan's few words, not the seven needs)
_KO_NEED_SET: Final = frozenset(KO_NEEDS)


def _korean(text: str, sc: Scan | None = None) -> list[Quantity]:
    out = _korean_words(text, sc)
    # native numerals before a counter ("열두 개"), where no word above stands ("두 차례")
    for q in native_numbers(text, sc):
        if not any(o.start < q.end and q.start < o.end for o in out):
            out.append(q)
    return out


def _korean_words(text: str, sc: Scan | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    if sc is not None and sc.words.keys().isdisjoint(_KO_NEED_SET):
        return out
    if not any(w in text for w in KO_NEEDS):
        return out
    for hit in _KO_WORD.finditer(text):
        unit, value = _KO_WORDS[hit.group()]
        out.append(Quantity(float(value), unit, True, hit.start(), hit.end()))
    return out


def _russian(text: str, sc: Scan | None = None) -> list[Quantity]:
    out = russian_numbers(text, sc)
    out += roman(text, sc)
    return out


def finds_no_words(lang: Lang, sc: Scan) -> bool:
    """Whether ``word_quantities`` finds nothing in the scanned text, however it is blanked.

    Each language's words start at a word of the scan (Korean: one of ``KO_NEEDS``), and the
    roman numerals at one of its marks; blanking makes only spaces.
    """
    found = sc.words.keys()
    if lang is _LANG_KO:
        return found.isdisjoint(_KO_NEED_SET) and not may_count(sc)
    if sc.marks.find(b"R") >= 0:
        return False
    if lang is _LANG_RU:
        return found.isdisjoint(RU_KEYS) or not ru_may_count(sc)
    return found.isdisjoint(EN_HINTS)


def word_quantities(text: str, lang: Lang, sc: Scan | None = None) -> list[Quantity]:
    """Numbers written as words or roman numerals in ``text`` (digits already blanked).

    ``sc``, the scan of the text before any blanking, spares the passes it shows useless.
    """
    if lang is _LANG_KO:
        return _korean(text, sc)
    return _russian(text, sc) if lang is _LANG_RU else _english(text, sc)
