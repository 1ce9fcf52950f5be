"""The trie alternation finds what the longest-first alternation of the same words finds."""

from __future__ import annotations

import random
import re

from minutes_app.checks.trie import alternation


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_trie_matches_the_longest_first_alternation() -> None:
    rng = random.Random(14)
    letters = ["a", "b", "ab", "한", "국", "д", ".", " ", "("]
    for _ in range(300):
        words = list({"".join(rng.choices(letters, k=rng.randint(1, 4))) for _ in range(8)})
        text = "".join(rng.choices(letters, k=40))
        for tail in ("", r"(?![a-z])", r"\b"):
            trie, plain = re.compile(f"({alternation(words)}){tail}"), re.compile(
                f"({_plain(words)}){tail}")
            assert [h.span() for h in trie.finditer(text)] == \
                [h.span() for h in plain.finditer(text)], (words, text, tail)
