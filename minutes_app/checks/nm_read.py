"""The Russian names read from the lower-cased bytes of the text's one pass (``name_scan``).

A text whose every character has a byte in ``ONE_BYTE`` is read by the pass as those bytes
lower-cased by a table (``LOWER``): the same bytes as the lower-cased text's, without the
lower-cased text (``str.lower`` of Cyrillic costs more than the encoding). Such a text's
bytes and characters are one to one, so a phrase's pattern (``context.russian_phrase``: its
stems, each cut one followed by ``\\w*``, spaces between them) is matched on the bytes with
the classes of the characters they stand for (``WORD``, ``SPACE``, ``LETTER``): the same hits
as the pattern, without the regular-expression engine (the tests compare them).
"""

from __future__ import annotations

from codecs import charmap_encode as _charmap_encode
from collections.abc import Callable
from encodings import cp1251
from typing import Final

from minutes_app.checks.memo import register
from minutes_app.checks.tokens import lowercase

ONE_BYTE: Final = "cp1251"  # Cyrillic, Latin letters and the usual signs, one byte each

# Python's own methods (as ``lowercase``): the tables are the pattern engine's classes
_isalnum: Callable[[str], bool] = str.isalnum
_isspace: Callable[[str], bool] = str.isspace
_isdecimal: Callable[[str], bool] = str.isdecimal


def _char(byte: int) -> str:
    return bytes([byte]).decode(ONE_BYTE, "replace")


def _table(test: Callable[[str], bool]) -> bytes:
    return bytes(1 if test(_char(b)) else 0 for b in range(256))


def _lower(byte: int) -> int:
    low = lowercase(_char(byte)).encode(ONE_BYTE, "replace")
    # (every character of the encoding lower-cases to one of its characters: see the tests)
    return low[0] if len(low) == 1 else byte


LOWER: Final = bytes(_lower(b) for b in range(256))
WORD: Final = _table(lambda c: _isalnum(c) or c == "_")  # \w
SPACE: Final = _table(_isspace)  # \s
LETTER: Final = _table(lambda c: _isalnum(c) and not _isdecimal(c))  # [^\W\d_]


def _encoded(text: str) -> bytes | None:
    """The bytes of ``text`` in ``ONE_BYTE``; None where a character has none."""
    if text.isascii():  # (a copy of its bytes: no table to look characters up in)
        return text.encode("ascii")
    try:  # (the codec's own function: ``str.encode`` would find it and call it in Python)
        return _charmap_encode(text, "strict", _ENCODING_TABLE)[0]
    except UnicodeEncodeError:
        return None


_ENCODING_TABLE: Final = cp1251.encoding_table  # (the encoding table of ``ONE_BYTE``)
# One encoding per text for every check that reads its bytes: the values', the names' and the
# concepts' passes each made their own (the charmap codec looks each character up: about a
# fifteenth of a first run in three languages). The tables are looked up here, not through a
# memo's wrapper: compiled callers call these functions directly.
_BYTES: Final[dict[str, bytes | None]] = {}
_LOWERED: Final[dict[str, bytes]] = {}
register(_BYTES)
register(_LOWERED)
_MAX: Final = 50_000
_NOT_YET: Final = b"\x00not yet"  # (a marker no encoding is: it is no text's own object)


def text_bytes(text: str) -> bytes | None:
    """The bytes of ``text`` in ``ONE_BYTE`` (None: a character has none), once per text."""
    found = _BYTES.get(text, _NOT_YET)
    if found is _NOT_YET:
        if len(_BYTES) >= _MAX:
            _BYTES.clear()
        found = _BYTES[text] = _encoded(text)
    return found


def text_lowered(text: str) -> bytes:
    """The text's bytes lower-cased (b"": cp1251 lacks a character of it), once per text for
    the values' and the names' passes, which both read them."""
    found = _LOWERED.get(text)
    if found is None:
        if len(_LOWERED) >= _MAX:
            _LOWERED.clear()
        raw = text_bytes(text)
        found = _LOWERED[text] = b"" if raw is None else raw.translate(LOWER)
    return found


def blanked_as(raw: bytes, bare: str) -> bytes:
    """``text_bytes(bare)``, where ``bare`` is a text whose bytes are ``raw`` with some of its
    characters made NUL (the names' blanks): ``raw`` with those bytes made zero, without the
    codec's look-up of every character again (a NUL's byte is zero: one already there stays)."""
    at = bare.find("\x00")
    if at < 0:
        return raw
    n = len(bare)
    parts: list[bytes] = []
    last = 0
    while at >= 0:
        end = at + 1
        while end < n and bare[end] == "\x00":
            end += 1
        parts += (raw[last:at], bytes(end - at))
        last = end
        at = bare.find("\x00", end)
    parts.append(raw[last:])
    return b"".join(parts)


def lowered_bytes(text: str) -> bytes | None:
    """The bytes of ``lowercase(text)`` in ``ONE_BYTE``; None where a character has no byte."""
    raw = text_bytes(text)
    return None if raw is None else raw.translate(LOWER)


class Phrase:
    """A Russian phrase's row read on the bytes: its stems and which of them are cut."""

    at: int  # the row's place in the rows' order
    index: int  # the name's
    needs: list[int]  # the gate strings that must stand in the text
    stems: list[bytes]  # (empty: a stem without bytes, never met in an encoded text)
    cut: list[bool]  # the stem is followed by \w*
    number: int  # the phrase's own number (its last hit's end is kept per text)

    def __init__(self, at: int, index: int, needs: frozenset[int],
                 stems: list[tuple[str, str]], number: int) -> None:
        self.at, self.index, self.needs, self.number = at, index, sorted(needs), number
        self.stems, self.cut = [], []
        for stem, word in stems:
            try:
                self.stems.append(stem.encode(ONE_BYTE))
            except UnicodeEncodeError:
                self.stems = []
                break
            self.cut.append(stem != word)


def _at(data: bytes, pos: int, part: bytes) -> bool:
    """Whether ``part`` stands at ``pos`` of ``data`` (``startswith`` is a method call)."""
    n = len(part)
    if pos + n > len(data):
        return False
    return all(data[pos + i] == part[i] for i in range(n))  # (mypyc: a loop)


def phrase_end(data: bytes, start: int, phrase: Phrase) -> int:
    """Where the phrase's pattern, tried at ``start`` of the lower-cased bytes, ends (-1: no hit).

    The stem at a word's start (no letter before it), then each cut stem's word to its end,
    and one or more spaces before the next stem: greedy and without choice, as ``\\w`` and
    ``\\s`` share no character.
    """
    stems = phrase.stems
    if not stems or (start > 0 and LETTER[data[start - 1]]):
        return -1
    n = len(data)
    cut = phrase.cut
    last = len(stems) - 1
    pos = start
    for k in range(len(stems)):
        stem = stems[k]
        if not _at(data, pos, stem):
            return -1
        pos += len(stem)
        if cut[k]:
            while pos < n and WORD[data[pos]]:
                pos += 1
        if k < last:
            if pos >= n or not SPACE[data[pos]]:
                return -1
            pos += 1
            while pos < n and SPACE[data[pos]]:
                pos += 1
    return pos


# per gate string: the phrases whose first stem it is, and the word rows it names
# (row's place, name, the word's bytes as written, its lower-cased bytes)
ByFirst = dict[int, list[Phrase]]
Words = dict[int, list[tuple[int, int, bytes, bytes]]]
# both by gate string, in a list as long as the strings (None: neither): no look-up hashed
Readings = list[tuple[list[Phrase], list[tuple[int, int, bytes, bytes]]] | None]


def readings(count: int, by_first: ByFirst, words: Words) -> Readings:
    """``by_first`` and ``words`` in one list, by gate string (``count`` of them)."""
    return [(by_first.get(gate, []), words.get(gate, []))
            if gate in by_first or gate in words else None for gate in range(count)]


def hits(raw: bytes, data: bytes, found: list[tuple[int, int, int]], present: set[int],
         read: Readings) -> list[tuple[int, int, int, int]]:
    """Every row's hits in the text (row's place, start, end, name), from where the pass found
    each phrase's first stem and each word (``raw``: the text's bytes, ``data``: lower-cased)."""
    out: list[tuple[int, int, int, int]] = []
    # each phrase's last hit's end (finditer's hits never overlap); a few phrases hit a text:
    # a small dict, not a list as long as the phrases (a block of its own to allocate)
    ends: dict[int, int] = {}
    for gate, start, _stop in found:
        reading = read[gate]
        if reading is None:
            continue
        phrases, rows = reading
        if phrases:
            for phrase in phrases:
                if (ends and start < ends.get(phrase.number, 0)) or \
                        not _all_in(phrase.needs, present):
                    continue
                end = phrase_end(data, start, phrase)
                if end >= 0:
                    ends[phrase.number] = end
                    out.append((phrase.at, start, end, phrase.index))
        if rows:
            for at, index, variant, low in rows:
                if _at(raw, start, variant) and _at(data, start, low) and (
                        start == 0 or not LETTER[data[start - 1]]):
                    out.append((at, start, start + len(variant), index))
    return out


def _all_in(needs: list[int], present: set[int]) -> bool:
    return all(gate in present for gate in needs)  # (mypyc: a loop, no frozenset method)


def phrase_hits(data: bytes, phrase: Phrase) -> list[tuple[int, int]]:
    """What the phrase's pattern finds in the lower-cased bytes, left to right (as finditer:
    every hit starts with the first stem, and the next is looked for from its end)."""
    out: list[tuple[int, int]] = []
    if not phrase.stems:
        return out
    first = phrase.stems[0]
    at = data.find(first)
    while at >= 0:
        end = phrase_end(data, at, phrase)
        if end >= 0:
            out.append((at, end))
            at = data.find(first, end)
        else:
            at = data.find(first, at + 1)
    return out


def blanked(data: bytes, spans: list[tuple[int, int]]) -> bytes:
    """``data`` with each span (left to right, apart) made zero bytes, as the text's blanks."""
    parts: list[bytes] = []
    last = 0
    for start, end in spans:
        parts += (data[last:start], b"\x00" * (end - start))
        last = end
    parts.append(data[last:])
    return b"".join(parts)
