"""What several checks read from one text, read once per text (the shared token record).

A check that needs a word before it can find anything asks the text's set of words first
(set look-ups, no pass over the text) and skips its own passes when the word is absent.
"""

from __future__ import annotations

import re

from minutes_app.checks.memo import per_text

_LATIN_RUN = re.compile(r"[a-z]+")


@per_text
def latin_words(lower: str) -> frozenset[str]:
    """The runs of Latin letters of a lower-cased text ("mid-2021" gives "mid")."""
    return frozenset(_LATIN_RUN.findall(lower))


def is_word_char(ch: str) -> bool:
    """What ``\\w`` matches, for one character (``""``, beyond a text's end, is none)."""
    return ch.isalnum() or ch == "_"
