"""Alternations of many literals as a trie: the regex engine tries one branch per letter.

``"|".join`` of a hundred names makes the engine try each name at every candidate position;
the trie's branches part on their first differing letter, so a position that starts no name
costs one test. At each node the longer continuations come before "ends here", so at a given
position the longest literal that matches (and lets the rest of the pattern match) is taken,
as in an alternation sorted longest first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""


def alternation(words: Iterable[str]) -> str:
    """A regex source matching exactly ``words``, longest first at each position (no group)."""
    return _alternation(frozenset(words))


@functools.lru_cache(maxsize=64)  # each run of the checks asks again for the same names
def _alternation(words: frozenset[str]) -> str:
    root: _Node = {}
    for word in words:
        if not word:
            raise ValueError("an empty word in an alternation")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(root)


def _emit(node: _Node) -> str:
    parts = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    ends = _END in node
    if not parts:
        return ""
    if len(parts) == 1 and not ends:
        return parts[0]
    return "(?:" + "|".join(parts) + ("|)" if ends else ")")
