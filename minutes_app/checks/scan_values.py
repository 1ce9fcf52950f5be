r"""One look at a text that finds every digit and every word the value checks need, with places.

The value checks (``dates``, ``numbers``, ``words``) each used to run their own hint patterns
over the whole text; here one Aho-Corasick scan (``ahocorasick-rs``) of the lower-cased text
finds the month names, period words and number words, and the digits come from
``bytes.translate`` (ASCII text) or one ``\d+`` pass. Each check asks the scan before any
costly pass, tries its patterns only where their hits can start (``at_starts``), and looks for
word patterns only between the commas and full stops around the words found
(``word_windows``). What the scan finds is only a necessary condition: the checks' own
patterns still decide, so what they find does not change (``tests/checks/test_value_scan.py``).
"""

from __future__ import annotations

import re
from typing import Final

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

from minutes_app.model import Lang
from minutes_app.checks.nm_read import LOWER, ONE_BYTE, text_bytes, text_lowered
from minutes_app.checks.val_digits import other_digits
from minutes_app.checks.tokens import lowercase

_lower: Final = lowercase  # (a constant: compiled, read without a look-up in the module)


_EN_WORDS = (
    # periods (periods.periods): the words of the English hint
    "half quarter early late mid middle beginning start end close h1 h2 1h 2h q1 q2 q3 q4 "
    # months (dates.dates): their first three letters, checked against the text's case
    "jan feb mar apr may jun jul aug sep oct nov dec "
    # numbers as words, fractions and tens (words._english)
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen first second third fourth fifth sixth seventh eighth "
    "ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
    "eighteenth nineteenth twenty thirty forty fifty sixty seventy eighty ninety twentieth "
    "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth once twice thrice "
    "dozen hundredth twofold threefold fourfold fivefold tenfold inaugural double doubled "
    "triple tripled thirds quarters fifths trilateral"
).split()
_KO_WORDS = [*"월 반기 분기 초 말 중반 중순 중엽 순 절반 차례 첫 째".split(),
             " 번", " 해", " 배"]
_RU_WORDS = (
    # months and periods (dates)
    "январ феврал март апрел май мая мае маю июн июл август сентябр октябр ноябр декабр "
    "полугод половин квартал начал середин конц конец "
    # ordinals and cardinals (words._russian)
    "перв втор трет четверт четвёрт пят шест седьм восьм девят десят одиннадцат двенадцат "
    "тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат "
    "тридцат два две двух три трёх трех четыре пять шесть семь восемь девять десять дважды "
    "трижды двадцать тридцать"
).split()
# the words every Russian number word starts with (``val_ru_words``: each word it reads starts
# at one of them; "сто" and "ста" with what ends them, as "сто" starts "стороны")
RU_NUMBER_KEYS: Final = (
    "один одна одно одни одну два две двух двум три трёх трех трём трем трет четыр четверт "
    "четвёрт пят шест семь семи семн седьм восем восьм девят девян десят одиннадцат сорок "
    "столет сотый сотая сотое сотого сотой сотом сотому сотые сотых сотую сотым полтор "
    "полутор половин перв втор тысяч миллион миллиард триллион"
).split() + [f"{w}{end}" for w in ("сто", "ста") for end in " ,.;:)»\u00a0\n"]
# the words every Korean native numeral starts with (``val_ko_words``); "한", "세" and "열" with
# what follows them, as they also end or start other words (위한, 관세, 열린)
KO_NUMBER_KEYS: Final = (
    "한 두 세 네 석 열 하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 스물 스무 서른 마흔 쉰 예순 일흔 "
    "여든 아흔".split()
)
# in every language: the names whose digits are identifiers, and what a fraction holds
_ANY_WORDS = "코로나 ковид / 분의".split()


# the digits that are not ASCII (what ``\d`` matches beyond 0-9: ２, ١, ...), found by the
# scan as one key: a text that holds none has its runs from its ASCII bytes
_OTHER_DIGITS = other_digits()
OTHER_DIGIT: Final = "\\d"


def _automaton(words: list[str]) -> tuple[AhoCorasick, list[str], BytesAhoCorasick,
                                          list[str]]:
    """Every occurrence of every word (overlapping ones too), and the words by index.

    The text automaton also finds the digits that are not ASCII (it reads only the texts no
    one-byte code holds); the bytes automaton reads a text's ``_ONE_BYTE`` bytes, one a
    character (a third of the time of a pass over the text: no UTF-8, no offsets to convert).
    """
    keys = list(dict.fromkeys(words + _ANY_WORDS))
    # a word the code cannot write never stands in a text it can (the text has none of it)
    one_byte = [k for k in keys if text_bytes(k) is not None]
    return (AhoCorasick(keys + _OTHER_DIGITS, matchkind=MatchKind.Standard,
                        implementation=Implementation.ContiguousNFA),
            keys + [OTHER_DIGIT] * len(_OTHER_DIGITS),
            BytesAhoCorasick([k.encode(_ONE_BYTE) for k in one_byte],
                             matchkind=MatchKind.Standard, implementation=Implementation.DFA),
            one_byte)


# Latin letters, Cyrillic and the usual signs (quotes, dashes), one byte each; its only digits
# are ASCII ones, and lower-casing keeps each of its characters one of its characters (both
# checked by tests/checks/test_val_scan_bytes.py), so the lower case of a text it holds is its
# bytes translated by the names' table
_ONE_BYTE: Final = ONE_BYTE
_LOWER_ONE_BYTE: Final = LOWER


_AUTOMATA: Final = {Lang.EN: _automaton(_EN_WORDS), Lang.KO: _automaton(_KO_WORDS + KO_NUMBER_KEYS),
                    Lang.RU: _automaton(_RU_WORDS + RU_NUMBER_KEYS)}
_EN_AUTOMATA: Final = _AUTOMATA[Lang.EN]


def _cases(word: str) -> list[str]:
    """Every form of ``word`` whose lower case it is (each character's upper and title case)."""
    forms = [""]
    for ch in word:
        own = [ch] + [c for c in (ch.upper(), ch.title()) if c != ch and len(c) == 1
                      and lowercase(c) == ch]
        forms = [f + c for f in forms for c in dict.fromkeys(own)]
    return forms


def _units_automaton(words: list[str]) -> tuple[BytesAhoCorasick, list[str]]:
    """An automaton of the UTF-16 code units of every case form of ``words`` and BMP digits."""
    keys = [(form, word) for word in dict.fromkeys(words + _ANY_WORDS) for form in _cases(word)]
    keys += [(d, OTHER_DIGIT) for d in _OTHER_DIGITS if ord(d) < 0x10000]
    return (BytesAhoCorasick([form.encode("utf-16-le") for form, _w in keys],
                             matchkind=MatchKind.Standard, implementation=Implementation.DFA),
            [word for _f, word in keys])


_KO_UNITS, _KO_UNIT_KEYS = _units_automaton(_KO_WORDS + KO_NUMBER_KEYS)
_KO_AUTOMATA: Final = _AUTOMATA[Lang.KO]
_RU_AUTOMATA: Final = _AUTOMATA[Lang.RU]
_KO: Final = Lang.KO
_EN: Final = Lang.EN
_DIGIT_RUN: Final = re.compile(r"\d+")


# bytes.translate and find run in C at a few instructions a character, a pattern's pass at
# over a hundred: for text of one byte a character the digits are found in one translated
# copy, which also marks the roman numerals (IVXLC) as R, the other ASCII letters as a and
# keeps "-", "." and "/" (what the checks ask of a digit's neighbours)
_MARKS_TABLE: Final = bytes(
    0x30 if 0x30 <= b <= 0x39 else 0x52 if b in b"IVXLC"
    else 0x61 if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A else b if b in b"-./" else 0x20
    for b in range(256))
MARK_DIGIT: Final = 0x30
MARK_NUMERAL: Final = 0x52
MARK_LETTER: Final = 0x61


def _ascii_runs(marks: bytes) -> list[tuple[int, int]]:
    """The runs of ASCII digits (``0`` in ``marks``: a text's bytes through ``_MARKS_TABLE``)."""
    runs: list[tuple[int, int]] = []
    n = len(marks)
    at = marks.find(b"0")
    while at >= 0:
        end = at + 1
        while end < n and marks[end] == MARK_DIGIT:  # (compiled: a byte's read a digit)
            end += 1
        runs.append((at, end))
        at = marks.find(b"0", end)
    return runs


class Scan:
    """What one pass found in a text: its digits and its words, with places.

    Positions are valid in the text itself (the scan is made only when lower-casing keeps
    every character in place).
    """

    words: dict[str, list[int]]  # where each word of the language's list starts
    runs: list[tuple[int, int]]  # the runs of the characters ``\d`` matches
    marks: bytes  # one byte a character: R for I, V, X, L and C (and 0 for ASCII digits)
    text: str
    data: bytes  # the lower-cased bytes the scan read (b"": it read the text)
    _low: str | None

    def __init__(self, text: str, words: dict[str, list[int]], runs: list[tuple[int, int]],
                 marks: bytes, data: bytes = b"") -> None:
        self.text = text
        self.words = words
        self.runs = runs
        self.marks = marks
        self.data = data
        self._low = None

    @property
    def lower(self) -> str:
        """The text's lower case (made when first asked: most texts never need it)."""
        low = self._low
        if low is None:
            # (decoded from the lower-cased bytes where cp1251 holds the text: the same
            # characters, see nm_read, at a fraction of lower-casing Cyrillic)
            data = self.data
            low = self._low = data.decode(ONE_BYTE) if data else _lower(self.text)
        return low

    @property
    def digits(self) -> list[int]:
        """Every digit's place (built when asked: most texts need the runs only)."""
        return [at for start, end in self.runs for at in range(start, end)]


# the only character whose lower case is longer than one (checked by the tests): a text
# without it keeps its positions when lower-cased
_LONGER_LOWER: Final = "\u0130"


def scan(text: str, lang: Lang) -> Scan | None:
    """The scan of ``text``; None when lower-casing moves characters (İ is two)."""
    if lang is _KO and not text.isascii():
        if _LONGER_LOWER in text:  # a letter that lower-cases to two: positions would shift
            return None
        return _korean(text)
    automaton, keys, bytes_automaton, byte_keys = (
        _KO_AUTOMATA if lang is _KO else _EN_AUTOMATA if lang is _EN else _RU_AUTOMATA)
    # one byte a character, whose digits are the text's (ASCII ones only): its lower case is
    # its bytes translated (as the names' pass reads them), read by the bytes automaton; cp1251
    # has no İ (nor an ASCII text): the positions hold
    raw = text_bytes(text)
    if raw is not None:
        data = text_lowered(text)
        words = _starts(bytes_automaton.find_matches_as_indexes(data, overlapping=True),
                        byte_keys)
        marks = raw.translate(_MARKS_TABLE)
        return Scan(text, words, _ascii_runs(marks), marks, data)
    if _LONGER_LOWER in text:
        return None
    return _by_text(text, automaton, keys)


def _by_text(text: str, automaton: AhoCorasick, keys: list[str]) -> Scan:
    """The scan of the lower case by the text automaton ("?" for what is not ASCII)."""
    sc = Scan(text, {}, [], b"")
    sc.words = _starts(automaton.find_matches_as_indexes(sc.lower, overlapping=True), keys)
    sc.marks = text.encode("ascii", "replace").translate(_MARKS_TABLE)
    _runs(sc)
    return sc


def _runs(sc: Scan) -> None:
    """The runs of digits: from the marks, or the pattern's when a digit is not ASCII."""
    if OTHER_DIGIT in sc.words:  # a digit that is not ASCII: the pattern finds every run
        del sc.words[OTHER_DIGIT]
        sc.runs = [h.span() for h in _DIGIT_RUN.finditer(sc.text)]
    else:
        sc.runs = _ascii_runs(sc.marks)


def _korean(text: str) -> Scan:
    """A Korean text's scan: its UTF-16 code units read by an automaton of every case form.

    Korean needs no lower case: the automaton holds each word in every form that lower-cases
    to it (КОВИД, Ковид), so the text as it is gives the places of the lower case's words.
    """
    units = text.encode("utf-16-le")
    if len(units) != 2 * len(text):  # a character beyond the BMP: two units, places move
        return _by_text(text, _KO_AUTOMATA[0], _KO_AUTOMATA[1])
    words: dict[str, list[int]] = {}
    keys = _KO_UNIT_KEYS
    for index, start, _end in _KO_UNITS.find_matches_as_indexes(units, overlapping=True):
        if start & 1:  # (inside a character: two halves of two characters)
            continue
        word = keys[index]
        at = words.get(word)
        if at is None:
            words[word] = [start >> 1]
        else:
            at.append(start >> 1)
    sc = Scan(text, words, [], text.encode("ascii", "replace").translate(_MARKS_TABLE))
    _runs(sc)
    return sc


def _starts(hits: list[tuple[int, int, int]], keys: list[str]) -> dict[str, list[int]]:
    """Where each word of an automaton's hits starts, in the order they were found."""
    words: dict[str, list[int]] = {}
    for index, start, _end in hits:
        word = keys[index]
        at = words.get(word)
        if at is None:
            words[word] = [start]
        else:
            at.append(start)
    return words


def _latin(ch: str) -> bool:
    return "a" <= ch <= "z"


def run_word(lower: str, word: str, starts: list[int]) -> bool:
    """Whether ``word`` stands in ``lower`` as a whole run of Latin letters (``[a-z]+``)."""
    n = len(word)
    for s in starts:
        if lower[s:s + n] == word and (s == 0 or not _latin(lower[s - 1])) and (
                s + n >= len(lower) or not _latin(lower[s + n])):
            return True
    return False


def word_windows(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The stretches between commas and full stops of ``text`` that hold ``starts``, merged.

    (``text`` as it is now: a comma blanked since the scan no longer bounds.)
    """
    out: list[tuple[int, int]] = []
    end = len(text)
    for at in sorted(starts):
        if out and at < out[-1][1]:
            continue
        start = max(text.rfind(",", 0, at), text.rfind(".", 0, at)) + 1
        comma, stop = text.find(",", at), text.find(".", at)
        stop = min(comma, stop) if comma >= 0 and stop >= 0 else max(comma, stop)
        out.append((start, end if stop < 0 else stop))
    return out


def blank_in(lower: str, pattern: re.Pattern[str], windows: list[tuple[int, int]]) -> str:
    """``lower`` with ``pattern``'s hits blanked, looked for in ``windows`` only.

    Exact for a pattern whose hits and look-arounds hold no comma or full stop and that
    asserts at most ``\\b`` at its ends: a window's edges then read as the text's ends.
    """
    parts: list[str] = []
    at = 0
    for start, stop in windows:
        piece = lower[start:stop]
        blanked = pattern.sub(_spaces, piece)
        if blanked != piece:
            parts += (lower[at:start], blanked)
            at = stop
    if not parts:
        return lower
    parts.append(lower[at:])
    return "".join(parts)


def _spaces(hit: re.Match[str]) -> str:
    return " " * (hit.end() - hit.start())


_SPACES: Final = tuple(" " * n for n in range(64))  # (made once, not per span)


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span blanked at once (offsets stay valid)."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        start = max(start, at)
        parts += (text[at:start], _SPACES[end - start] if end - start < 64 else " " * (end - start))
        at = end
    parts.append(text[at:])
    return "".join(parts)


def at_starts(pattern: re.Pattern[str], text: str, starts: list[int] | None
              ) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, tried only at ``starts`` (where a hit can start).

    ``starts`` holds every place a hit can start, in order (the digits, for patterns whose
    hits start with one); None tries everywhere.
    """
    if starts is None:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    end = 0
    for at in starts:
        while at >= end:
            hit = pattern.match(text, at)
            if hit is None:
                break
            out.append(hit)
            end = hit.end()
            # a hit that ends inside a run of digits: the next may start there (an extra try
            # is harmless, a missed one is not)
            if end < len(text) and text[end].isdecimal():
                at = end
    return out
