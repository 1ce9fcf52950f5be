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
from typing import Final, NamedTuple

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

from minutes_app.model import Lang
from minutes_app.checks.tokens import lowercase

_lower: Final = lowercase  # (a constant: compiled, read without a look-up in the module)


_EN_WORDS = (
    # periods (dates.periods): the words of the English hint
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
    "triple tripled thirds quarters fifths"
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
# in every language: the names whose digits are identifiers, and what a fraction holds
_ANY_WORDS = "코로나 ковид / 분의".split()


# the digits that are not ASCII (what ``\d`` matches beyond 0-9: ２, ١, ...), found by the
# scan as one key: a text that holds none has its runs from its ASCII bytes
_OTHER_DIGITS = [chr(c) for c in range(0x80, 0x110000) if chr(c).isdecimal()]
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
    one_byte = [k for k in keys if _encodable(k)]
    return (AhoCorasick(keys + _OTHER_DIGITS, matchkind=MatchKind.Standard,
                        implementation=Implementation.ContiguousNFA),
            keys + [OTHER_DIGIT] * len(_OTHER_DIGITS),
            BytesAhoCorasick([k.encode(_ONE_BYTE) for k in one_byte],
                             matchkind=MatchKind.Standard, implementation=Implementation.DFA),
            one_byte)


def _encodable(word: str) -> bool:
    try:
        word.encode(_ONE_BYTE)
    except UnicodeEncodeError:
        return False
    return True


# Latin letters, Cyrillic and the usual signs (quotes, dashes), one byte each; its only digits
# are ASCII ones, and lower-casing keeps each of its characters one of its characters (both
# checked below), so the lower case of a text it holds is its bytes translated
_ONE_BYTE: Final = "cp1251"


def _lower_table() -> bytes:
    table = bytearray(range(256))
    for b in range(256):
        try:
            ch = bytes([b]).decode(_ONE_BYTE)
        except UnicodeDecodeError:  # (0x98: no character; a text's bytes never hold it)
            continue
        assert not ch.isdecimal() or "0" <= ch <= "9"
        low = lowercase(ch).encode(_ONE_BYTE)  # (a character it lacks: an error here)
        assert len(low) == 1
        table[b] = low[0]
    return bytes(table)


_LOWER_ONE_BYTE: Final = _lower_table()


_AUTOMATA: Final = {Lang.EN: _automaton(_EN_WORDS), Lang.KO: _automaton(_KO_WORDS),
                    Lang.RU: _automaton(_RU_WORDS)}
_EN_AUTOMATA: Final = _AUTOMATA[Lang.EN]
_KO_AUTOMATA: Final = _AUTOMATA[Lang.KO]
_RU_AUTOMATA: Final = _AUTOMATA[Lang.RU]
_KO: Final = Lang.KO
_EN: Final = Lang.EN
_DIGIT_RUN: Final = re.compile(r"\d+")
_new: Final = tuple.__new__  # a Scan made without NamedTuple's own __new__ (a Python call)


# bytes.translate and find run in C at a few instructions a character, a pattern's pass at
# over a hundred: for ASCII text the digits are found so
_DIGITS_TABLE: Final = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))


# roman numerals (IVXLC) as R, the rest as spaces: two numerals side by side are then one
# ``in`` test on bytes (the needle starts with a rare byte: the search skips fast)
_MARKS_TABLE: Final = bytes(0x52 if b in b"IVXLC" else 0x20 for b in range(256))


def _ascii_runs(raw: bytes) -> list[tuple[int, int]]:
    """The runs of ASCII digits of a text's bytes, one byte a character."""
    marks = raw.translate(_DIGITS_TABLE)
    runs = []
    at = marks.find(b"0")
    while at >= 0:
        end = marks.find(b" ", at)
        if end < 0:
            runs.append((at, len(marks)))
            break
        runs.append((at, end))
        at = marks.find(b"0", end)
    return runs


class Scan(NamedTuple):
    """What one pass found in a text: its lower case, its digits and its words, with places.

    Positions are valid in the text itself (the scan is made only when lower-casing keeps
    every character in place).
    """

    lower: str
    words: dict[str, list[int]]  # where each word of the language's list starts
    runs: list[tuple[int, int]]  # the runs of the characters ``\d`` matches
    roman_pair: bool  # whether two roman numerals (IVXLC) stand side by side
    marks: bytes  # the text's characters, one byte each: R for I, V, X, L and C, else a space

    @property
    def digits(self) -> list[int]:
        """Every digit's place (built when asked: most texts need the runs only)."""
        return [at for start, end in self.runs for at in range(start, end)]


def _one_byte(text: str) -> bytes | None:
    if text.isascii():  # (a copy of its bytes: no table to look characters up in)
        return text.encode("ascii")
    try:
        return text.encode(_ONE_BYTE)
    except UnicodeEncodeError:
        return None


def scan(text: str, lang: Lang) -> Scan | None:
    """The scan of ``text``; None when lower-casing moves characters (İ is two)."""
    lower = _lower(text)
    if len(lower) != len(text):  # a letter that lower-cases to two: positions would shift
        return None
    automaton, keys, bytes_automaton, byte_keys = (
        _KO_AUTOMATA if lang is _KO else _EN_AUTOMATA if lang is _EN else _RU_AUTOMATA)
    # one byte a character, whose digits are the text's (ASCII ones only): its lower case is
    # its bytes translated, read by the bytes automaton; a Korean text never fits (not tried)
    raw = _one_byte(text) if lang is not _KO or text.isascii() else None
    if raw is not None:
        words = _starts(bytes_automaton.find_matches_as_indexes(
            raw.translate(_LOWER_ONE_BYTE), overlapping=True), byte_keys)
        marks = raw.translate(_MARKS_TABLE)
        return _new(Scan, (lower, words, _ascii_runs(raw), b"RR" in marks, marks))
    # else "?" for what is not ASCII, and the text automaton finds the other digits
    raw = text.encode("ascii", "replace")
    words = _starts(automaton.find_matches_as_indexes(lower, overlapping=True), keys)
    if OTHER_DIGIT in words:  # a digit that is not ASCII: the pattern finds every run
        del words[OTHER_DIGIT]
        marks = raw.translate(_MARKS_TABLE)
        return _new(Scan, (lower, words, [h.span() for h in _DIGIT_RUN.finditer(text)],
                           b"RR" in marks, marks))
    marks = raw.translate(_MARKS_TABLE)
    return _new(Scan, (lower, words, _ascii_runs(raw), b"RR" in marks, marks))


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
        parts += (text[at:start], " " * (end - start))
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
