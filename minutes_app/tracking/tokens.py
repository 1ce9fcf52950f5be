"""Tokens for readable revisions: English words, Korean eojeol, punctuation and spaces apart."""

from __future__ import annotations

import re

# Words (Latin or Hangul: "협력을", an eojeol, is one token), numbers apart from the words they
# touch ("2021년" is "2021" + "년", so a changed year is one changed number), spaces, and each
# punctuation mark: a one-word change stays one revision.
# Hyphenated compounds ("start-up", "Korea-Russia") are one word.
_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*|\s+|[^\w\s]|_")


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens whose concatenation is ``text``."""
    return _TOKEN.findall(text)


def is_hangul(token: str) -> bool:
    """True when the token holds a Hangul syllable."""
    return any("\uac00" <= ch <= "\ud7a3" for ch in token)


def refine(old: str, new: str) -> tuple[str, str, str, str]:
    """Split a changed eojeol into (common prefix, old middle, new middle, common suffix).

    Korean attaches particles and endings to a stem (``협력을`` → ``협력의``): showing only the
    changed syllables is what a reader expects. Other tokens are replaced whole.
    """
    if not (is_hangul(old) and is_hangul(new)):
        return "", old, new, ""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    s = 0
    while s < min(len(old), len(new)) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    if p == 0 and s == 0:
        return "", old, new, ""
    return old[:p], old[p:len(old) - s], new[p:len(new) - s], old[len(old) - s:]
