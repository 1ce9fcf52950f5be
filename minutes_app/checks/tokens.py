"""What several checks read from one text, read once per text (the shared token record).

A check that needs a word before it can find anything asks the text's set of words first
(set look-ups, no pass over the text) and skips its own passes when the word is absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from minutes_app.checks.memo import per_str

# Python's own ``str.lower``, called as a function: mypyc compiles ``text.lower()`` to a routine
# of its own that lower-cases a capital sigma without looking at its neighbours ("ΑΣ" gives
# "ασ", where Python gives "ας"), and the checks must read a text as Python does
# (tests/checks/test_name_scan.py tries capital sigmas in every position).
lowercase: Callable[[str], str] = str.lower

# The format characters that show nothing: soft hyphen, Arabic letter mark, zero-width space
# and joiners, direction marks and embeddings, word joiner and invisible operators, isolates,
# byte-order mark. A PDF's text drops them; a text ending with one ends with what precedes it.
INVISIBLE: Final = ("\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")

_LATIN_RUN = re.compile(r"[a-z]+")


@per_str
def latin_words(lower: str) -> frozenset[str]:
    """The runs of Latin letters of a lower-cased text ("mid-2021" gives "mid")."""
    return frozenset(_LATIN_RUN.findall(lower))


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches, for one character (``""``, beyond a text's end, is none)."""
    return ch.isalnum() or ch == "_"


def word_end(text: str, end: int) -> int:
    """Where the Latin or Cyrillic word that ``end`` falls in ends (a stem shown whole).

    A Hangul word is not lengthened: what follows a Korean name is a particle ("사할린주와").
    """
    n = len(text)
    while end < n and end and text[end - 1].isalpha():
        ch = text[end]
        if not ("a" <= ch <= "z" or "A" <= ch <= "Z" or "\u0400" <= ch <= "\u04ff"):
            break
        end += 1
    return end
