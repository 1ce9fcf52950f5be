"""Russian numbers written as words, in every case: ``пяти``, ``двадцати пяти``, ``ста``,
``полтора миллиона``, ``двадцать первого``, ``тридцатилетие``, ``трёхлетний``.

Each word is looked up whole in a table of forms (no stem is cut: ``пятый`` is an ordinal,
``пятница`` nothing); words that follow each other join into one number (``двадцать пять``
is 25, not 20 and 5; ``двести тысяч`` is 200 000). Words are *soft* quantities (see
``numbers``): they answer a digit of the other language, alone they make no finding.
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.numbers import Quantity, canon
from minutes_app.checks.scan_values import RU_NUMBER_KEYS, Scan, blank_in, word_windows
from minutes_app.checks.tokens import lowercase

_lower: Final = lowercase  # (Python's own: see tokens)

# the kinds of word, in the order a number writes them
_HUNDRED: Final = 3
_TEN: Final = 2
_UNIT: Final = 1
_SCALE: Final = 4
_ORDINAL: Final = 5
_ALONE: Final = 6  # a word that is a number by itself (полтора, тридцатилетие, дважды)


def _cases(nominative: str, oblique: str) -> list[str]:
    return [nominative, *oblique.split()]


KEYS: Final = frozenset(RU_NUMBER_KEYS)
# value: (nominative, the other cases); ё forms are added below
_UNITS: Final = {
    1: ("один", "одна одно одного одной одному одним одном одну"),
    2: ("два", "две двух двум двумя"),
    3: ("три", "трёх трех трём трем тремя"),
    4: ("четыре", "четырёх четырех четырём четырем четырьмя"),
    5: ("пять", "пяти пятью"), 6: ("шесть", "шести шестью"),
    7: ("семь", "семи"),  # (not "семью": a family too)
    8: ("восемь", "восьми восемью восьмью"), 9: ("девять", "девяти девятью"),
    10: ("десять", "десяти десятью"),
}
_TEENS: Final = ("одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать "
                 "семнадцать восемнадцать девятнадцать").split()
_TENS: Final = {
    20: ("двадцать", "двадцати двадцатью"), 30: ("тридцать", "тридцати тридцатью"),
    40: ("сорок", "сорока"), 50: ("пятьдесят", "пятидесяти пятьюдесятью"),
    60: ("шестьдесят", "шестидесяти шестьюдесятью"),
    70: ("семьдесят", "семидесяти семьюдесятью"),
    80: ("восемьдесят", "восьмидесяти восемьюдесятью"), 90: ("девяносто", "девяноста"),
}
_HUNDREDS: Final = {
    100: ("сто", "ста"), 200: ("двести", "двухсот двумстам двумястами двухстах"),
    300: ("триста", "трёхсот трехсот трёмстам тремстам тремястами трёхстах трехстах"),
    400: ("четыреста", "четырёхсот четырехсот четырёмстам четыремстам четырьмястами "
                       "четырёхстах четырехстах"),
}
_HUNDRED_STEMS: Final = {500: ("пятьсот", "пяти"), 600: ("шестьсот", "шести"),
                         700: ("семьсот", "семи"), 800: ("восемьсот", "восьми"),
                         900: ("девятьсот", "девяти")}
_SCALES: Final = {1e3: "тысяч", 1e6: "миллион", 1e9: "миллиард", 1e12: "триллион"}
_SCALE_ENDINGS: Final = {
    "тысяч": [*"а и у ей е ам ами ах".split(), ""],
    "миллион": [*"а ов у ом е ам ами ах".split(), ""],
}
# ordinals: the stem before the adjective's ending
_ORD_STEMS: Final = {
    "перв": 1, "втор": 2, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13,
    "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17,
    "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40,
    "пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90,
    "сот": 100,
}
_ORD_ENDINGS: Final = ("ый ой ий ая ое ые ого ому ым ом ую ых ыми ей ее ие их ими ему им ем "
                       "яя юю").split()
_THIRD: Final = "третий третьего третьему третьим третьем третья третьей третью третье " \
                "третьи третьих третьими".split()
# compound adjectives and nouns: a number in the genitive, then one of these roots
# (трёхлетний, тридцатилетие, пятикратный); "сторонн" only from three on (двусторонний and
# одностороннее are bilateral and unilateral, which the other languages rarely count)
_PREFIXES: Final = {
    "одно": 1, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5,
    "шести": 6, "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11,
    "двенадцати": 12, "тринадцати": 13, "четырнадцати": 14, "пятнадцати": 15,
    "двадцати": 20, "двадцатипяти": 25, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
    "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80, "девяноста": 90, "сто": 100,
}
_ROOTS: Final = ("лет", "месяч", "днев", "недел", "кратн", "сторонн", "процент")
_OTHERS: Final = {"полтора": 1.5, "полторы": 1.5, "полутора": 1.5, "дважды": 2.0,
                  "трижды": 3.0}


def _table() -> dict[str, tuple[int, float]]:
    """Every form: its kind and value."""
    out: dict[str, tuple[int, float]] = {}
    for value, (nom, obl) in _UNITS.items():
        for form in _cases(nom, obl):
            out[form] = (_UNIT if value < 10 else _TEN, float(value))
    for i, nom in enumerate(_TEENS):
        for form in (nom, nom[:-1] + "и", nom + "ю"):
            out[form] = (_TEN, float(11 + i))
    for value, (nom, obl) in _TENS.items():
        for form in _cases(nom, obl):
            out[form] = (_TEN, float(value))
    for value, (nom, obl) in _HUNDREDS.items():
        for form in _cases(nom, obl):
            out[form] = (_HUNDRED, float(value))
    for value, (nom, gen) in _HUNDRED_STEMS.items():
        for form in (nom, gen + "сот", gen + "стам", gen + "стах", nom[:-3] + "юстами"):
            out[form] = (_HUNDRED, float(value))
    for scale, stem in _SCALES.items():
        for end in _SCALE_ENDINGS["тысяч" if stem == "тысяч" else "миллион"]:
            out[stem + end] = (_SCALE, scale)
    for stem, value in _ORD_STEMS.items():
        for end in _ORD_ENDINGS:
            out.setdefault(stem + end, (_ORDINAL, float(value)))
    for form in _THIRD:
        out[form] = (_ORDINAL, 3.0)
    for form, number in _OTHERS.items():
        out[form] = (_ALONE, number)
    for form in list(out):
        if "ё" in form:
            out.setdefault(form.replace("ё", "е"), out[form])
    return out


_FORMS: Final = _table()
# "четвёртый": the stems with ё
_ORD_STEM_E: Final = {"четвёрт": 4}

_WORD: Final = re.compile(r"[а-яё]+")
# idioms that hold a number word but no quantity ("обе стороны", "одна из", "с одной стороны")
_IDIOM: Final = re.compile(
    r"(?<![а-яё])(?:(?:две|обе|двух|двум|двумя|обеих|обоих|обеим|обеими|оба)\s+(?:сторон|стран|государств|"
    r"правительств|делегаци|глав)[а-яё]*|во?\s+перв[а-яё]+\s+очередь|впервые"
    r"|(?:один|одна|одно|одного|одной|одному|одним|одном|одну)\s+из|с\s+одной\s+стороны"
    r"|ни\s+одн[а-яё]+|одни|одн[а-яё]+\s+и\s+т[а-яё]+\s+же|во-вторых|во-первых|в-третьих"
    r"|друг\s+с\s+другом)(?![а-яё])")
_FRACTION: Final = re.compile(r"(?<![а-яё])(?:(две|три)\s+)?(половин[аеуыой]{1,2}|треть|трети|"
                              r"четверть|четверти)(?![а-яё])")
# "третьих" alone is the ordinal ("третьих стран": third countries); a fraction only after
# its numerator ("двух третьих": of two thirds)
_THIRDS: Final = re.compile(r"(?<![а-яё])(две|три|двух|трёх|трех)\s+(третьих)(?![а-яё])")
_AND_HALF: Final = re.compile(r"(?<![а-яё])([а-яё]+)\s+с\s+половиной(?:\s+(тысяч[а-яё]*|"
                              r"миллион[а-яё]*|миллиард[а-яё]*|триллион[а-яё]*))?(?![а-яё])")
_FRACTIONS: Final = {"полов": 0.5, "трет": 1 / 3, "четв": 0.25}
_NUMERATORS: Final = {"две": 2.0, "три": 3.0, "двух": 2.0, "трёх": 3.0, "трех": 3.0}
_NEEDS_IDIOM: Final = ("две", "двух", "двум", "обе", "обо", "оба", "перв", "одн", "один", "втор",
                       "трет", "друг")
_FRACTION_STARTS: Final = ("половин", "трет", "четверт")
_NEEDS_FRACTION: Final = ("половин", "трет", "четвер")


def _word_start(text: str, at: int) -> bool:
    if not at:
        return True
    before = text[at - 1]
    return not before.isalnum() and before != "_"


def starts(text: str, sc: Scan | None) -> list[int]:
    """Where a key word of ``RU_NUMBER_KEYS`` starts a word (every number word starts there)."""
    out: list[int] = []
    if sc is not None:
        for w, places in sc.words.items():  # (the scan's words are few: ask each of them)
            if w in KEYS:
                for at in places:
                    if _word_start(text, at):
                        out.append(at)
    else:
        low = _lower(text)
        for w in RU_NUMBER_KEYS:
            at = low.find(w)
            while at >= 0:
                if _word_start(low, at):
                    out.append(at)
                at = low.find(w, at + 1)
    out.sort()
    return out


def may_count(sc: Scan) -> bool:
    """Whether a key of ``RU_NUMBER_KEYS`` starts a number word of the scanned text (else
    ``russian_numbers`` reads none: blanking makes only spaces)."""
    lower = sc.lower
    for w, places in sc.words.items():
        if w in KEYS:
            for at in places:
                if not _word_start(lower, at):
                    continue
                word = _WORD.match(lower, at)
                # ("между двумя странами": an idiom that starts at the word blanks it)
                if word is not None and _IDIOM.match(lower, at) is None and (
                        _value(word.group()) is not None
                        or word.group().startswith(_FRACTION_STARTS)):
                    return True
    return False


def _value(word: str) -> tuple[int, float] | None:
    """The kind and value of one word (a compound adjective's number too)."""
    found = _FORMS.get(word)
    if found is not None:
        return found
    if word.startswith("четвёрт") and word[7:] in _ORD_ENDINGS:
        return (_ORDINAL, 4.0)
    for prefix, value in _PREFIXES.items():
        if word.startswith(prefix) and len(word) > len(prefix):
            rest = word[len(prefix):]
            for root in _ROOTS:
                if rest.startswith(root) and (root != "сторонн" or value >= 3):
                    return (_ALONE, float(value))
    return None


def russian_numbers(text: str, sc: Scan | None) -> list[Quantity]:
    """The numbers ``text`` writes in Russian words (digits already blanked)."""
    out: list[Quantity] = []
    places = starts(text, sc)
    if not places:
        return out
    lower = _lower(text)
    wins = word_windows(text, places)
    if any(w in lower for w in _NEEDS_IDIOM):
        lower = blank_in(lower, _IDIOM, wins)
    if "с половин" in lower:  # "два с половиной миллиона": 2.5 million
        for a, b in wins:
            for hit in _AND_HALF.finditer(lower, a, b):
                found = _FORMS.get(hit.group(1))
                if found is None or found[0] not in (_UNIT, _TEN, _HUNDRED) or \
                        hit.start() not in places:
                    continue
                scale = _FORMS.get(hit.group(2) or "", (_SCALE, 1.0))[1]
                out.append(Quantity(canon((found[1] + 0.5) * scale), "", True, hit.start(),
                                    hit.end()))
        lower = blank_in(lower, _AND_HALF, wins)
    if any(w in lower for w in _NEEDS_FRACTION):
        for pattern in (_THIRDS, _FRACTION):
            for a, b in wins:
                for hit in pattern.finditer(lower, a, b):
                    value = next(v for k, v in _FRACTIONS.items() if hit.group(2).startswith(k))
                    value *= _NUMERATORS.get(hit.group(1) or "", 1.0)
                    out.append(Quantity(canon(value), "frac", True, hit.start(), hit.end()))
            lower = blank_in(lower, pattern, wins)
    words: list[tuple[int, int, int, float]] = []
    keyed = set(places)  # (a word is read only where a key starts it: the scan's places)
    for a, b in wins:
        for hit in _WORD.finditer(lower, a, b):
            if hit.start() not in keyed:
                continue
            found = _value(hit.group())
            if found is not None and _word_start(lower, hit.start()):
                words.append((hit.start(), hit.end(), found[0], found[1]))
    out += _join(lower, words)
    return out


def _follows(last: int, group: float, kind: int, value: float) -> bool:
    """Whether a word of ``kind`` continues the number so far (``last`` the kind before)."""
    tens = group % 100
    round_ten = tens >= 20 and tens % 10 == 0  # "двадцать": a unit or ordinal may follow
    if last == _SCALE:
        return kind in (_HUNDRED, _TEN, _UNIT, _ORDINAL)
    if last == _HUNDRED:
        return kind in (_TEN, _UNIT) or (kind == _ORDINAL and value < 100)
    if last == _TEN:
        return round_ten and kind in (_UNIT, _ORDINAL) and value < 10
    return False


def _join(lower: str, words: list[tuple[int, int, int, float]]) -> list[Quantity]:
    """Words next to each other made one number (hundreds, tens, units, then a scale)."""
    out: list[Quantity] = []
    i, n = 0, len(words)
    while i < n:
        start, end, kind, value = words[i]
        j = i + 1
        if kind == _SCALE:  # a scale alone ("тысячи туристов"): no number
            i = j
            continue
        total, group, last = 0.0, value, kind
        if kind == _ALONE and value == 1.5:  # полтора миллиона: the half with its scale
            last = _UNIT
        while j < n and last not in (_ORDINAL, _ALONE) and not lower[end:words[j][0]].strip():
            _s, e2, k2, v2 = words[j]
            if k2 == _SCALE and group and last != _SCALE:
                total, group, last = total + group * v2, 0.0, _SCALE
            elif k2 != _SCALE and _follows(last, group, k2, v2):
                group, last = group + v2, k2
            else:
                break
            end = e2
            j += 1
        out.append(Quantity(canon(total + group), "", True, start, end))
        i = j
    return out
