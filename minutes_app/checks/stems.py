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
        self.literals = words
        if not all(words):
            raise ValueError("an empty literal")
        # anywhere, the automaton's leftmost-longest matches are the regex's; at a word's start
        # every occurrence is asked for (overlapping ones too) and the regex's chosen here
        kind = ahocorasick_rs.MatchKind.Standard if word_start else \
            ahocorasick_rs.MatchKind.LeftmostLongest
        # (a DFA: the fastest to read with, for so few literals)
        self._automaton = ahocorasick_rs.AhoCorasick(
            words, matchkind=kind, implementation=ahocorasick_rs.Implementation.DFA)
        self._word_start = word_start

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, index)`` of each hit of the alternation, as ``re.finditer`` finds them.

        ``index`` is the literal's place in the order they were given.
        """
        if not self._word_start:
            return [(start, stop, index) for index, start, stop
                    in self._automaton.find_matches_as_indexes(text)]
        found = self._automaton.find_matches_as_indexes(text, overlapping=True)
        if not found:
            return []
        longest: dict[int, tuple[int, int]] = {}  # where a literal starts: the longest there
        word_start = self._word_start
        for index, start, stop in found:
            if word_start and start and is_letter(text[start - 1]):
                continue
            if start not in longest or longest[start][0] < stop:
                longest[start] = (stop, index)
        out = []
        end = 0
        for start in sorted(longest):
            if start >= end:
                end, index = longest[start]
                out.append((start, end, index))
        return out
