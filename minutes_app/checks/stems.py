"""Many literals found in one pass in C (Aho-Corasick), as a regex alternation would find them.

A regex alternation (even as a trie) makes Python's engine try a branch at every position of
the text; the automaton reads the text once and reports every occurrence of every literal.
From those, ``Stems.hits`` keeps what ``re.finditer`` of the alternation would give: at the
leftmost position where a literal starts (at a word's start when asked), the longest literal,
then on from its end.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick_rs


def is_letter(ch: str) -> bool:
    """What ``[^\\W\\d_]`` matches: a word character that is no decimal digit nor ``_``."""
    return ch.isalnum() and not ch.isdecimal()


class Stems:
    """The literals of an alternation (``(?<![^\\W\\d_])`` before it when ``word_start``)."""

    def __init__(self, literals: Iterable[str], word_start: bool) -> None:
        """An automaton of ``literals`` (none empty)."""
        words = list(literals)
        if not all(words):
            raise ValueError("an empty literal")
        # (every occurrence, overlapping ones too: which one the regex takes is chosen here)
        self._automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard)
        self._word_start = word_start

    def hits(self, text: str) -> list[tuple[int, int]]:
        """``[(h.start(), h.end()) for h in pattern.finditer(text)]`` of the alternation."""
        longest: dict[int, int] = {}  # where a literal starts: the longest one there
        word_start = self._word_start
        for _index, start, stop in self._automaton.find_matches_as_indexes(text, overlapping=True):
            size = stop - start
            if word_start and start and is_letter(text[start - 1]):
                continue
            if longest.get(start, 0) < size:
                longest[start] = size
        out = []
        end = 0
        for start in sorted(longest):
            if start >= end:
                end = start + longest[start]
                out.append((start, end))
        return out
