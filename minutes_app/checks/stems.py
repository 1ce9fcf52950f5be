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

# the bytes that continue a character in UTF-8 (every other byte starts one)
_CONTINUING = bytes(range(0x80, 0xC0))


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
        # the same leftmost-longest automaton over UTF-8: beyond ASCII, the automaton of str
        # maps every byte offset to a character's (a pass and a table per text); over the
        # bytes only each hit's start is counted, in C
        self._bytes = ahocorasick_rs.BytesAhoCorasick(
            [w.encode() for w in words], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA)
        self._lengths = [len(w) for w in words]
        # anywhere (Korean): UTF-16, two bytes a character, fewer bytes than UTF-8's three
        self._pairs = None if word_start else ahocorasick_rs.BytesAhoCorasick(
            [w.encode("utf-16-le") for w in words],
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA)

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """``(start, end, index)`` of each hit of the alternation, as ``re.finditer`` finds them.

        ``index`` is the literal's place in the order they were given.
        """
        return [(start, stop, index) for index, start, stop in self.indexed_hits(text)]

    def indexed_hits(self, text: str) -> list[tuple[int, int, int]]:
        """The hits of ``hits`` as ``(index, start, end)`` (as the automaton gives them)."""
        if not text.isascii():
            return self._beyond_ascii(text)
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

    def _beyond_ascii(self, text: str) -> list[tuple[int, int, int]]:
        """``indexed_hits`` of a text beyond ASCII, read as UTF-8 bytes.

        A literal's bytes match only where a character starts (its first byte continues
        none): the byte hits are the character hits, at the offset of as many characters as
        the bytes before them that start one. As in ASCII, hits that all start a word are the
        regex's; else every occurrence is read.
        """
        if self._pairs is not None:
            in_pairs = self._in_pairs(self._pairs, text)
            if in_pairs is not None:
                return in_pairs
        raw = text.encode()
        found = self._bytes.find_matches_as_indexes(raw)
        out: list[tuple[int, int, int]] = []
        byte_at = char_at = 0
        lengths = self._lengths
        word_start = self._every is not None
        for index, start, stop in found:
            at = char_at + len(raw[byte_at:start].translate(None, _CONTINUING))
            if word_start and at and is_letter(text[at - 1]):
                return self._at_word_starts(text)
            char_at = at + lengths[index]
            byte_at = stop
            out.append((index, at, char_at))
        return out

    @staticmethod
    def _in_pairs(reader: ahocorasick_rs.BytesAhoCorasick, text: str
                  ) -> list[tuple[int, int, int]] | None:
        """The leftmost-longest hits read in UTF-16 (None: read them another way).

        Where every character takes two bytes (none beyond the BMP) and every hit starts at an
        even byte, the hits are the characters' (the first is where a literal first starts, the
        longest there, and so on from its end); a hit at an odd byte straddles two characters
        and may hide one, so the text is read the other way.
        """
        raw = text.encode("utf-16-le")
        if len(raw) != 2 * len(text):
            return None
        out: list[tuple[int, int, int]] = []
        for index, start, stop in reader.find_matches_as_indexes(raw):
            if start & 1:
                return None
            out.append((index, start >> 1, stop >> 1))
        return out

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
