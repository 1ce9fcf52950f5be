"""Numbers as values with their scale and unit, whatever language writes them.

``1조 2천억 원`` and ``KRW 1.2 trillion``, ``10만 TEU`` and ``100,000 TEU``, ``1 000`` and
``1,000``, ``1,5 млрд`` and ``1.5 billion``, ``50%`` and ``half``, ``14th`` and ``XIV`` give
the same values. Words ("twice", "first", "두 차례") are *soft*: they answer a digit of the
other language, but alone they are reported only against another unmatched value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from minutes_app.checks.scan_values import Scan, masked
from minutes_app.checks.val_quantity import Quantity as Quantity  # (read from here too)
from minutes_app.checks.val_idents import IDENT_HINT, LAST_DIGITS, ident_starts, identifiers
from minutes_app.model import Lang
from minutes_app.checks.tokens import lowercase
# the languages as constants: compiled code reads them with no look-up
_LANG_KO: Final = Lang.KO
_LANG_EN: Final = Lang.EN
_LANG_RU: Final = Lang.RU
_lower: Final = lowercase  # (a constant: compiled code calls it with no look-up)


def canon(value: float) -> float:
    """The value rounded to ten significant digits (1.2 × 10¹² is 1.2e12, not 1199999999999.9)."""
    # ten digits at most and whole: already canonical (a remainder, compiled natively, tells
    # a whole value: ``float.is_integer`` boxes the value and calls a method per number)
    if -1e10 < value < 1e10 and value % 1.0 == 0.0:
        return value
    return float(f"{value:.10g}")


_SCALE_EN: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
             "mn": 1e6, "mln": 1e6, "tn": 1e12}
_SCALE_RU: Final = {"тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "тысячу": 1e3,
             "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
             "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
             "трлн": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12}
_SMALL_KO: Final = {"십": 10.0, "백": 100.0, "천": 1000.0}
_BIG_KO: Final = {"만": 1e4, "억": 1e8, "조": 1e12}

# currencies and units after a value (lower-case keys), and currency signs or codes before it
_UNITS_AFTER: Final = {
    "%": "%", "percent": "%", "per cent": "%", "percentage points": "%", "%p": "%",
    "퍼센트": "%", "프로": "%", "процента": "%", "процентов": "%", "процент": "%", "п.п.": "%",
    "원": "KRW", "won": "KRW", "вон": "KRW", "달러": "USD", "dollars": "USD", "dollar": "USD",
    "us dollars": "USD", "долларов": "USD", "доллара": "USD", "долл.": "USD", "루블": "RUB",
    "roubles": "RUB", "rubles": "RUB", "рублей": "RUB", "рубля": "RUB", "руб.": "RUB",
    "유로": "EUR", "euros": "EUR", "euro": "EUR", "евро": "EUR", "엔": "JPY", "yen": "JPY",
    "teu": "TEU", "톤": "t", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "тонн": "t",
    "km": "km", "킬로미터": "km", "км": "km", "ha": "ha", "헥타르": "ha", "га": "ha",
    "usd": "USD", "krw": "KRW", "rub": "RUB", "eur": "EUR",
}
_UNIT_AFTER: Final = re.compile(r"\s?(" + "|".join(
    re.escape(u) for u in sorted(_UNITS_AFTER, key=len, reverse=True)) + r")(?![a-zа-я])")
_CODES_BEFORE: Final = {"usd": "USD", "us$": "USD", "$": "USD", "krw": "KRW", "₩": "KRW",
                 "rub": "RUB", "₽": "RUB", "eur": "EUR", "€": "EUR", "jpy": "JPY", "¥": "JPY"}
_CODE_BEFORE: Final = re.compile(r"(?:" + "|".join(re.escape(c) for c in _CODES_BEFORE) + r")\s?$")

_EN_NUM: Final = re.compile(r"(?=\d)(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                     r"(?:\s?(thousand|million|billion|trillion|bn|mn|mln|tn)\b)?")
_RU_NUM: Final = re.compile(
    r"(?=\d)(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+)([.,]\d+)?"
                     r"(?:\s?(тыс|тысяч[иау]?|млн|миллион(?:а|ов)?|млрд|миллиард(?:а|ов)?"
                     r"|трлн|триллион(?:а|ов)?)(?![а-я])\.?)?")
_KO_CHUNK: Final = re.compile(r"(?=\d)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?([십백천]))?"
                       r"(?:\s?([만억조]))?")
_KO_AFTER_JO: Final = re.compile(r"\s?(?:\d|[원달루유엔여]|[^\w\s]|$)")
_FRACTION: Final = re.compile(r"(\d+)\s?/\s?(\d+)(?!\d)|(\d+)\s?분의\s?(\d+)")
_DIGIT: Final = re.compile(r"\d")


# what a unit after a value starts with, and what a code before it ends with (lower case):
# a character test spares the patterns where no unit can stand
_UNIT_FIRST: Final = frozenset(u[0] for u in _UNITS_AFTER)
# (in the pattern's order, longest first: the first that fits is the pattern's hit)
_UNIT_BY_FIRST: Final = {c: tuple(u for u in sorted(_UNITS_AFTER, key=len, reverse=True)
                                  if u[0] == c) for c in _UNIT_FIRST}
_CODE_WORDS: Final = tuple(_CODES_BEFORE)


# the last two characters of every code before a value (lower case): a gate before the pattern
_CODE_TAILS: Final = tuple({c[-2:] for c in _CODES_BEFORE})
# the ASCII characters whose lower case ends a code
_CODE_LAST: Final = tuple({c[-1] for c in _CODES_BEFORE})
# per character: whether its lower case ends a code (filled as characters come; few do)
_ENDS_CODE: Final[dict[str, bool]] = {}
# per character: the units whose word starts with its lower case (None: no unit)
_UNITS_OF: Final[dict[str, tuple[str, ...] | None]] = {}
_NO_WORDS: Final[tuple[str, ...]] = ("",)  # (a marker: a character not asked yet)


def _unit(text: str, start: int, end: int) -> tuple[str, int]:
    """The unit around ``text[start:end]`` and where the quantity ends with it."""
    if end < len(text):
        first = text[end]
        if first.isspace() and end + 1 < len(text):  # _UNIT_AFTER's optional space
            first = text[end + 1]
        # the units whose word starts with that character (a space there: none can follow,
        # no unit starts with one), remembered per character (no lower-casing per number)
        words = _UNITS_OF.get(first, _NO_WORDS)
        if words is _NO_WORDS:
            words = _UNITS_OF[first] = _UNIT_BY_FIRST.get(_lower(first))
        if words is not None:
            # only the next few characters can hold a unit: lower-case just those
            near = _lower(text[end:end + 24])
            # what ``_UNIT_AFTER.match(near)`` finds: after one space at most, the first unit
            # (longest first) not followed by a letter of [a-zа-я]
            skip = 1 if near[:1].isspace() else 0
            # (``startswith`` of one argument is compiled; with a place it is a method call)
            rest = near[1:] if skip else near
            for word in words:
                if rest.startswith(word):
                    stop = skip + len(word)
                    if stop >= len(near) or not _letter_after(near[stop]):
                        return _UNITS_AFTER[word], end + stop
    # _CODE_BEFORE: a code, then only spaces, in the five characters before; the last of them
    # that is no space must end a code (one character's test spares the slicing)
    low = max(0, start - 5)
    at = start - 1
    while at >= low and text[at].isspace():
        at -= 1
    if at < low:
        return "", end
    last = text[at]
    # (a character whose lower case ends no code: one look-up, no slicing)
    ends = _ENDS_CODE.get(last)
    if ends is None:
        # (the lower case of two characters ends with the second's: only a final sigma's
        # depends on the first, and no code ends with a sigma)
        ends = _ENDS_CODE[last] = _lower(last).endswith(_CODE_LAST)
    if not ends:
        return "", end
    if not _lower(text[max(low, at - 1):at + 1]).endswith(_CODE_TAILS):
        return "", end
    before_text = text[low:start]
    if _lower(before_text.rstrip()).endswith(_CODE_WORDS):
        before = _CODE_BEFORE.search(_lower(before_text))
        if before:
            return _CODES_BEFORE[before.group().strip()], end
    return "", end


def _decimal(ch: str) -> bool:
    """``ch.isdecimal()``, told by a comparison for ASCII (the method only beyond)."""
    code = ord(ch)
    if code < 0x80:
        return 0x30 <= code <= 0x39
    return ch.isdecimal()


def _letter_after(ch: str) -> bool:
    """What ``_UNIT_AFTER``'s look-ahead refuses: ``[a-zа-я]``."""
    code = ord(ch)
    return 0x61 <= code <= 0x7A or 0x430 <= code <= 0x44F  # (a-z, а-я)


def _digits(raw: str, decimals: str | None) -> float:
    if not decimals and raw.isdecimal():  # the common case: nothing to take out
        return float(raw)
    digits = raw.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    return float(digits + (decimals or "").replace(",", "."))


def _run_starts(text: str, digits: list[int]) -> list[int]:
    r"""The digits not after ``[\w.,]``: where ``_EN_NUM`` and ``_RU_NUM`` can start."""
    out = []
    for at in digits:
        if at:
            before = text[at - 1]
            if before.isalnum() or before in "_.,":
                continue
        out.append(at)
    return out


# what may follow a run of digits (right after it, or after one space) and make a hit of the
# pattern more than the run: a scale's word (as the pattern spells it), or a digit
_RISKY: Final = {_LANG_EN: ("thousand", "million", "billion", "trillion", "bn", "mn", "mln", "tn"),
          _LANG_RU: ("тыс", "млн", "млрд", "миллион", "миллиард", "трлн", "триллион"),
          _LANG_KO: tuple("십백천만억조")}
_RISKY_FIRSTS: Final = {lang: "".join({w[0] for w in words}) for lang, words in _RISKY.items()}
_RISKY_KO: Final = _RISKY[_LANG_KO]
_KO_SCALES: Final = "".join(_RISKY_KO)  # (Korean's risky words are characters: one ``in`` test)


def _chunks(pattern: re.Pattern[str], text: str, starts: list[int], risky: tuple[str, ...]
            ) -> list[tuple[Any, ...]]:
    """What ``at_starts(pattern, text, starts)`` finds, as (start, end, *groups).

    A run of digits followed by nothing that can extend a hit (no digit after ``.``, ``,`` or
    a space, no scale's word) is a hit of the run alone, found with no pattern: the pattern
    is tried only at the others. ``starts`` are runs' first digits, where the pattern's
    look-behind holds (a retry inside a run, below, takes the pattern).
    """
    out: list[tuple[Any, ...]] = []
    n = len(text)
    end = 0
    for at in starts:
        first = True
        while at >= end:
            if first:
                first = False
                stop = at + 1
                while stop < n and _decimal(text[stop]):
                    stop += 1
                if stop == n:
                    out.append((at, stop, text[at:stop], None, None, None))
                    end = stop
                    break
                after = text[stop]
                # (a stop or comma extends a hit only before a digit: "1,000", "1.5")
                skip = stop + 1 if stop + 1 < n and (after in ".," or after.isspace()) else stop
                nxt = text[skip]
                if not _decimal(nxt) and not (nxt in _KO_SCALES if risky is _RISKY_KO
                                              else text.startswith(risky, skip)):
                    out.append((at, stop, text[at:stop], None, None, None))
                    end = stop
                    break
            hit = pattern.match(text, at)
            if hit is None:
                break
            end = hit.end()
            out.append((hit.start(), end, *hit.groups()))
            # a hit that ends inside a run of digits: the next may start there
            if end < n and text[end].isdecimal():
                at = end
    return out


def _latin(text: str, lang: Lang, digits: list[int] | None = None) -> list[Quantity]:
    pattern, scales = (_RU_NUM, _SCALE_RU) if lang is _LANG_RU else (_EN_NUM, _SCALE_EN)
    if digits is None:
        return [_latin_hit(text, lang, scales, h.start(), h.end(), *h.groups())
                for h in pattern.finditer(text)]
    out: list[Quantity] = []
    n = len(text)
    risky = _RISKY[lang]
    firsts = _RISKY_FIRSTS[lang]
    end = 0
    # ``_chunks`` written out: the plain run (most numbers) costs no generator and no tuple
    for at in _run_starts(text, digits):
        if at < end:
            continue
        stop = at + 1
        while stop < n and _decimal(text[stop]):
            stop += 1
        if stop < n:
            after = text[stop]
            # (a stop or comma extends a hit only before a digit: "1,000", "1.5"; a scale's
            # word after one space at most: "5 million")
            skip = stop + 1 if stop + 1 < n and (after in ".," or after.isspace()) else stop
            nxt = text[skip]
            # (a scale's word asked only after its first letter: most numbers meet a space)
            plain = not _decimal(nxt) and not (nxt in firsts and text.startswith(risky, skip))
        else:
            plain = True
        if plain:
            raw = text[at:stop]
            unit, end = _unit(text, at, stop)
            out.append(Quantity(canon(float(raw)), unit, False, at, end))
            end = stop
            continue
        for hit in _chunks(pattern, text, [at], risky):
            out.append(_latin_hit(text, lang, scales, *hit))
            end = hit[1]
    return out


def _latin_hit(text: str, lang: Lang, scales: dict[str, float], start: int, stop: int,
               raw: str, decimals: str | None, scale: str | None) -> Quantity:
    """The quantity of one hit of ``_EN_NUM`` or ``_RU_NUM``."""
    if lang is not _LANG_RU and decimals and decimals.startswith(","):
        decimals = None
    value = _digits(raw, decimals) * (scales.get(scale, 1.0) if scale else 1.0)
    unit, end = _unit(text, start, stop)
    return Quantity(canon(value), unit, False, start, end)


def _korean(text: str, digits: list[int] | None = None) -> list[Quantity]:
    """Korean numbers: ``1조 2천억``, ``10만``, ``1,200억``, ``3천만``, ``2천5백``.

    Chunks join while each one's scale is smaller than the last (``1조`` + ``2천억``);
    ``제3조`` and ``3조에 따라`` are articles, not trillions.
    """
    out: list[Quantity] = []
    total, start, end, last_scale = 0.0, -1, 0, 0.0
    hits: Iterable[tuple[Any, ...]]
    if digits is None:
        hits = ((h.start(), h.end(), *h.groups()) for h in _KO_CHUNK.finditer(text))
    else:
        hits = _chunks(_KO_CHUNK, text, digits, _RISKY_KO)
    for at, hit_end, raw, decimals, small, big in hits:
        if small is None and big is None:  # a plain number (the common case)
            scale, value = 1.0, _digits(raw, decimals)
        else:
            if big == "조" and ((at > 0 and text[at - 1] == "제")
                               or not _KO_AFTER_JO.match(text, hit_end)):
                big = None
            scale = (_SMALL_KO[small] if small else 1.0) * (_BIG_KO[big] if big else 1.0)
            value = _digits(raw, decimals) * scale
        if start >= 0 and last_scale > scale > 1.0 and not text[end:at].strip():
            total += value
        else:
            if start >= 0:
                out.append(_ko_quantity(text, total, start, end))
            total, start = value, at
        end = hit_end if scale > 1.0 else at + len(raw) + len(decimals or "")
        last_scale = scale
    if start >= 0:
        out.append(_ko_quantity(text, total, start, end))
    return out


def _ko_quantity(text: str, value: float, start: int, end: int) -> Quantity:
    unit, end = _unit(text, start, end)
    return Quantity(canon(value), unit, False, start, end)


def mask(text: str, start: int, end: int) -> str:
    """``text`` with ``[start, end)`` blanked (offsets stay valid)."""
    return text[:start] + " " * (end - start) + text[end:]


def _run_heads(text: str, sc: Scan) -> list[int]:
    """Where a number may start: each run's first digit, every digit left of a blanked run.

    (A hit never starts inside a whole run but where the hit before ended: ``at_starts``
    tries there.)
    """
    out: list[int] = []
    for start, end in sc.runs:
        if " " in text[start:end]:  # partly blanked (blanks are spaces)
            out += [at for at in range(start, end) if text[at] != " "]
        else:
            out.append(start)
    return out


def digit_quantities(text: str, lang: Lang, sc: Scan | None = None, blank: bool = True,
                     whole: bool = False) -> tuple[list[Quantity], str]:
    """Every quantity written with digits, and the text with them blanked.

    ``sc`` (the scan of the text before any blanking) tells where the digits are: the
    patterns are then tried there only. ``blank=False``: the text is given back as it came
    (nothing reads it after). ``whole``: ``text`` is the text the scan read (nothing blanked).
    """
    digits: list[int] | None = None
    if sc is not None:
        digits = [start for start, _end in sc.runs] if whole else _run_heads(text, sc)
        if not digits:
            return [], text
    elif not _DIGIT.search(text):
        return [], text
    found: list[Quantity] = []
    # (with the scan: the places a hint's hit can start, none when there is no hint)
    starts = ident_starts(text, sc) if sc is not None else None
    hint = bool(starts) if sc is not None else IDENT_HINT.search(text) is not None
    if hint:  # G20, COVID-19, 코로나19: their number is compared whole
        idents = identifiers(text, starts)
        for hit in idents:
            digits_of = LAST_DIGITS.search(hit.group())
            if digits_of is not None:
                found.append(Quantity(float(digits_of.group()), "id", False, hit.start(),
                                      hit.end()))
        for hit in idents:  # the hits found above: no second pass of the pattern
            text = mask(text, hit.start(), hit.end())
    # (the scan holds every "/" and "분의" of the text before blanking)
    maybe = sc is None or "/" in sc.words or "분의" in sc.words
    for hit in (_FRACTION.finditer(text) if maybe and ("/" in text or "분의" in text) else ()):
        a, b = (hit.group(1), hit.group(2)) if hit.group(1) else (hit.group(4), hit.group(3))
        if int(b):
            found.append(Quantity(canon(int(a) / int(b)), "frac", False, hit.start(),
                                  hit.end()))
            text = mask(text, hit.start(), hit.end())
    if sc is not None and found:  # what was blanked above is no digit any more
        digits = _run_heads(text, sc)
    found += _korean(text, digits) if lang is _LANG_KO else _latin(text, lang, digits)
    if not blank:
        return found, text
    return found, masked(text, [(q.start, q.end) for q in found if q.unit != "id"])
