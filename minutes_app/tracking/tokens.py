"""Tokens for readable revisions: English words, Korean eojeol, punctuation and spaces apart."""

from __future__ import annotations

import re
from typing import Final

# Words (Latin or Hangul: "협력을", an eojeol, is one token), numbers apart from the words they
# touch ("2021년" is "2021" + "년", so a changed year is one changed number), spaces, and each
# punctuation mark: a one-word change stays one revision.
# Hyphenated compounds ("start-up", "Korea-Russia", "Северо-Восточный") are one word, and a
# word keeps its combining marks (a decomposed "й", a stress mark). A number is whole with its
# decimal part ("1,5", "2.5") and, as Russian writes thousands, with groups of three digits
# after a space, a no-break space or a narrow no-break space ("1 000", "1\u202f500\u00a0000").
# "18 декабря" is a number, a space and a word: the day changes as one number.
_GROUP_SPACES: Final = " \u00a0\u202f"
_GROUP = f"[{_GROUP_SPACES}]"
_NUMBER = rf"\d{{1,3}}(?:{_GROUP}\d{{3}})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)*"
# letters, with any combining marks inside or after them (each run of either consumed whole:
# this order is the fastest of those measured, faster than the plain pattern it replaced)
_WORD = r"[^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*"
_TOKEN = re.compile(rf"{_WORD}(?:-{_WORD})*|\s+|{_NUMBER}|[^\w\s]|_")
_HANGUL = re.compile("[\uac00-\ud7a3]")  # a syllable; one search beats a loop over characters


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens whose concatenation is ``text``."""
    # Most texts are words between single spaces: split at C speed, and only the pieces that
    # are not one word (punctuation, digits, hyphens) go through the pattern. That is exactly
    # the pattern's tokens when the only whitespace is single spaces inside the text (a
    # printable text has no other whitespace) and no space sits between digit groups.
    if not text or text[0] == " " or text[-1] == " " or "  " in text or not text.isprintable():
        return _TOKEN.findall(text)
    chunks = text.split(" ")
    out: list[str] = []
    last = len(chunks) - 1
    for k in range(last + 1):  # (compiled, a plain loop beats map/compress and slice edits)
        chunk = chunks[k]
        if k:
            out.append(" ")
        if chunk.isalpha():
            out.append(chunk)
            continue
        if chunk[-1].isdecimal() and k < last and chunks[k + 1][0].isdecimal():
            return _TOKEN.findall(text)  # "1 000": a number's groups
        _chunk_tokens(chunk, out)
    return out


def _chunk_tokens(chunk: str, out: list[str]) -> None:
    """Add the tokens of ``chunk`` (no space in it, not all letters) to ``out``.

    The usual shapes go without the pattern: a number or a (hyphenated) word between
    punctuation marks, each mark a token (``2021,`` ``(KICP)`` ``Sub-committee”)``); the
    pattern takes the rest. A mark never joins the word or number beside it (a combining
    mark would: not a mark here).
    """
    n = len(chunk)
    i = 0
    while i < n and _mark(chunk[i]):
        i += 1
    j = n
    while j > i and _mark(chunk[j - 1]):
        j -= 1
    core = chunk[i:j]
    if not (core.isalpha() or core.isdecimal() or _hyphenated(core)):
        _scan(chunk, out)  # (an empty core too: no word, no number)
        return
    for k in range(i):
        out.append(chunk[k])
    out.append(core)
    for k in range(j, n):
        out.append(chunk[k])


def _letter(c: str) -> bool:
    """``[^\\W\\d_]``: a word character that is not a digit (letters, ``²``, ``½``)."""
    return c.isalnum() and not c.isdecimal()


def _combining(c: str) -> bool:
    """A combining mark a word keeps (``[\\u0300-\\u036f]``)."""
    return "\u0300" <= c <= "\u036f"


def _scan(chunk: str, out: list[str]) -> None:
    """The pattern's tokens of a chunk with no whitespace, found character by character.

    Without whitespace the pattern's alternatives never compete: a word is letters and
    combining marks from a letter on, hyphens joining it to a next letter; a number is
    digits, ``.`` or ``,`` joining it to a next digit (its groups need a space); anything
    else is a token alone.
    """
    n = len(chunk)
    i = 0
    while i < n:
        c = chunk[i]
        j = i + 1
        if _letter(c):
            while True:
                while j < n and (_letter(chunk[j]) or _combining(chunk[j])):
                    j += 1
                if j + 1 < n and chunk[j] == "-" and _letter(chunk[j + 1]):
                    j += 2
                    continue
                break
        elif c.isdecimal():
            while True:
                while j < n and chunk[j].isdecimal():
                    j += 1
                if j + 1 < n and chunk[j] in ".," and chunk[j + 1].isdecimal():
                    j += 2
                    continue
                break
        out.append(chunk[i:j])
        i = j


def _mark(c: str) -> bool:
    """True when the character is a token alone (``[^\\w\\s]``), not a combining mark."""
    return not (c.isalnum() or c == "_" or c.isspace() or _combining(c))


def _hyphenated(core: str) -> bool:
    """True when ``core`` is words joined by hyphens, all letters (one token)."""
    if "-" not in core:
        return False
    return all(part.isalpha() for part in core.split("-"))


def inside_number(text: str, i: int) -> bool:
    """True when position ``i`` of ``text`` falls on a space between digit groups."""
    # (``\d{_GROUP}\d`` at ``i - 1``, without the pattern: compiled, three characters' tests)
    return (0 < i < len(text) - 1 and text[i] in _GROUP_SPACES and text[i - 1].isdecimal()
            and text[i + 1].isdecimal())


def is_hangul(token: str) -> bool:
    """True when the token holds a Hangul syllable."""
    return _HANGUL.search(token) is not None


def common_prefix(a: str, b: str) -> int:
    """Length of the common prefix."""
    # compiled, ``ord(a[i])`` reads a code point without making a string: a plain loop beats
    # halving with slice compares (each slice a new string)
    most = min(len(a), len(b))
    i = 0
    while i < most and ord(a[i]) == ord(b[i]):
        i += 1
    return i


def common_suffix(a: str, b: str, most: int) -> int:
    """Length of the common suffix, at most ``most`` (as ``common_prefix``)."""
    la, lb = len(a), len(b)
    s = 0
    while s < most and ord(a[la - 1 - s]) == ord(b[lb - 1 - s]):
        s += 1
    return s


def refine(old: str, new: str) -> tuple[str, str, str, str]:
    """Split a changed eojeol into (common prefix, old middle, new middle, common suffix).

    Korean attaches particles and endings to a stem (``협력을`` → ``협력의``): showing only the
    changed syllables is what a reader expects. Other tokens are replaced whole.
    """
    if not (is_hangul(old) and is_hangul(new)):
        return "", old, new, ""
    p = common_prefix(old, new)
    s = common_suffix(old, new, min(len(old), len(new)) - p)
    if p == 0 and s == 0:
        return "", old, new, ""
    return old[:p], old[p:len(old) - s], new[p:len(new) - s], old[len(old) - s:]
