"""Texts that cp1251 holds, read one byte per character (Russian, and English beyond ASCII).

The concept stems are looked for at a word's start in the lower-cased text. cp1251 holds
Cyrillic, Latin and the marks minutes use, one byte each: encoded, a text is lower-cased by a
byte table (every character cp1251 holds lower-cases to one character it holds:
``tests/checks/test_nm_read.py``), and each byte's
offset is its character's, so the automaton reads half the bytes of UTF-8 and nothing maps
offsets back, nor makes a lower-cased copy of the text.
"""

from __future__ import annotations

import ahocorasick_rs

# the one cp1251 reading of the checks: its lower-casing table and which bytes are letters
from minutes_app.checks.nm_read import LETTER as _LETTER
from minutes_app.checks.nm_read import LOWER as _LOWER
from minutes_app.checks.nm_read import ONE_BYTE as CODEC, text_bytes


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


def word_start_hits(reader: ahocorasick_rs.BytesAhoCorasick, text: str,
                    raw: bytes | None = None) -> list[tuple[int, int, int]] | None:
    """``Stems.indexed_hits`` of ``lowercase(text)`` where each leftmost-longest hit starts a
    word (then they are the pattern's, as ``Stems`` reasons); None where cp1251 does not hold
    the text or a hit stands inside a word (the caller reads it the exact way). ``raw``: the
    text's bytes where the caller has them (None: ``text_bytes``)."""
    if raw is None:
        raw = text_bytes(text)
    if raw is None:
        return None
    found = reader.find_matches_as_indexes(raw.translate(_LOWER))
    for _index, start, _end in found:
        if start and _LETTER[raw[start - 1]]:
            return None
    return found
