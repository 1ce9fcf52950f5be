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
        # (a DFA: the fastest to read with, for so few literals)
        self._longest = ahocorasick_rs.AhoCorasick(
            words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA)
        self._every = ahocorasick_rs.AhoCorasick(
            words, matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.DFA) if word_start else None
        self._word_start = word_start

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, index)`` of each hit of the alternation, as ``re.finditer`` finds them.

        ``index`` is the literal's place in the order they were given.
        """
        return [(start, stop, index) for index, start, stop in self.indexed_hits(text)]

    def indexed_hits(self, text: str) -> list[tuple[int, int, int]]:
        """The hits of ``hits`` as ``(index, start, end)`` (as the automaton gives them)."""
        if self._every is not None and not text.isascii():
            # (beyond ASCII the leftmost-longest automaton reads slower than the plain one)
            return self._at_word_starts(text)
        found = self._longest.find_matches_as_indexes(text)
        if not found or self._every is None:
            return found
        # when each leftmost-longest hit starts a word, they are the regex's: the first is
        # where any literal first starts, so where one first starts a word too, and so on
        # from its end (most texts: no pass over every occurrence)
        for _index, start, _stop in found:
            if start and is_letter(text[start - 1]):
                break
        else:
            return found
        return self._at_word_starts(text)

    def _at_word_starts(self, text: str) -> list[tuple[int, int, int]]:
        """The regex's hits from every occurrence: at each word's start, the longest."""
        assert self._every is not None
        found = self._every.find_matches_as_indexes(text, overlapping=True)
        longest: dict[int, tuple[int, int]] = {}  # where a literal starts: the longest there
        for index, start, stop in found:
            if start and is_letter(text[start - 1]):
                continue
            if start not in longest or longest[start][0] < stop:
                longest[start] = (stop, index)
        out = []
        end = 0
        for start in sorted(longest):
            if start >= end:
                end, index = longest[start]
                out.append((index, start, end))
        return out
