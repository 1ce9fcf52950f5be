"""Texts that cp1251 holds, read one byte per character (Russian, and English beyond ASCII).

The concept stems are looked for at a word's start in the lower-cased text. cp1251 holds
Cyrillic, Latin and the marks minutes use, one byte each: encoded, a text is lower-cased by a
byte table (every character cp1251 holds lower-cases to one character it holds: checked when
the table is made, and a text holding any other is read the exact way), and each byte's
offset is its character's, so the automaton reads half the bytes of UTF-8 and nothing maps
offsets back, nor makes a lower-cased copy of the text.
"""

from __future__ import annotations

from typing import Final

import ahocorasick_rs

from minutes_app.checks.stems import is_letter
from minutes_app.checks.tokens import lowercase

CODEC: Final = "cp1251"


def _tables() -> tuple[bytes, bytes, bytes]:
    """The byte table that lower-cases, which bytes are letters once lower-cased, and the
    bytes whose character does not lower-case to one character cp1251 holds."""
    lower = bytearray(range(256))
    letter = bytearray(256)
    unsafe = bytearray()
    for b in range(256):
        try:
            ch = bytes([b]).decode(CODEC)
        except UnicodeDecodeError:
            continue  # (no text encodes to it)
        low = lowercase(ch)
        try:
            encoded = low.encode(CODEC)
        except UnicodeEncodeError:
            encoded = b""
        if len(low) != 1 or len(encoded) != 1:
            unsafe.append(b)
            continue
        lower[b] = encoded[0]
        letter[b] = 1 if is_letter(low) else 0
    return bytes(lower), bytes(letter), bytes(unsafe)


_LOWER, _LETTER, _UNSAFE = _tables()


def automaton(literals: list[str]) -> ahocorasick_rs.BytesAhoCorasick | None:
    """A leftmost-longest automaton of lower-cased ``literals`` in cp1251 (None if it cannot
    hold them)."""
    try:
        encoded = [w.encode(CODEC) for w in literals]
    except UnicodeEncodeError:
        return None
    return ahocorasick_rs.BytesAhoCorasick(
        encoded, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.DFA)


def word_start_hits(reader: ahocorasick_rs.BytesAhoCorasick, text: str
                    ) -> list[tuple[int, int, int]] | None:
    """``Stems.indexed_hits`` of ``lowercase(text)`` where each leftmost-longest hit starts a
    word (then they are the pattern's, as ``Stems`` reasons); None where cp1251 does not hold
    the text or a hit stands inside a word (the caller reads it the exact way)."""
    try:
        raw = text.encode(CODEC)
    except UnicodeEncodeError:
        return None
    if _UNSAFE and len(raw.translate(None, _UNSAFE)) != len(raw):
        return None
    found = reader.find_matches_as_indexes(raw.translate(_LOWER))
    for _index, start, _end in found:
        if start and _LETTER[raw[start - 1]]:
            return None
    return found
