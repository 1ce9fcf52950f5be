"""Per-character passes of the translation checks, compiled: one read of a text beyond ASCII.

Where a text holds Hangul, several passes in C (encode, delete bytes, decode, patterns) cost
more than one compiled loop that reads each character's code point (``ord(text[i])`` is read
in place, no string is made per character).
"""

from __future__ import annotations

from typing import Final

_SYLLABLE_FIRST: Final = 0xAC00
_SYLLABLE_LAST: Final = 0xD7A3


def letters(text: str, syllable: int) -> int:
    """How many characters of ``text`` are letters or digits (``[^\\W_]``), a Hangul syllable
    counting ``syllable`` (1, or 2 where syllables count double)."""
    n = 0
    for i in range(len(text)):
        c = ord(text[i])
        if c < 128:
            if 97 <= c <= 122 or 48 <= c <= 57 or 65 <= c <= 90:
                n += 1
        elif _SYLLABLE_FIRST <= c <= _SYLLABLE_LAST:
            n += syllable
        # Russian's letters; of any other character, what ``\w`` asks
        elif 0x410 <= c <= 0x44F or c == 0x401 or c == 0x451 or text[i].isalnum():
            n += 1
    return n


_EN_SMALL: Final = 0x43D  # н
_EN_CAPITAL: Final = 0x41D  # Н


def may_negate_ru(text: str) -> bool:
    """Whether a Russian marker of negation may start in ``text`` (never a false no).

    Each marker ("не", "нет", "ни", "невозможно", "нельзя") is a "н" or "Н" that starts a word,
    followed by "е" or "и" in either case (what the marker pattern's case-blind group
    matches there, and nothing else: tests/checks/test_fast_scans.py asks every character).
    """
    last = len(text) - 1
    for i in range(last):
        c = ord(text[i])
        if c != _EN_SMALL and c != _EN_CAPITAL:
            continue
        after = ord(text[i + 1])
        if after != 0x435 and after != 0x438 and after != 0x415 and after != 0x418:
            continue
        if i == 0:
            return True
        before = ord(text[i - 1])
        if before < 128:  # ASCII: a letter is A-Z or a-z
            if not (97 <= before <= 122 or 65 <= before <= 90):
                return True
        elif 0x410 <= before <= 0x44F or before == 0x401 or before == 0x451:
            continue  # a Russian letter: inside a word
        else:
            ch = text[i - 1]
            if not ch.isalnum() or ch.isdecimal():  # not ``[^\W\d_]``
                return True
    return False


def full_stops(normed: str, abbreviations: tuple[str, ...]) -> list[str]:
    """The sentences of a normalised text that ends them at ". " only, each with its stop.

    ``normed.split(". ")`` with "." given back to every piece but the last, the empty last
    piece left out, and a piece that ends with one of ``abbreviations`` joined by " " to the
    next: made as slices that hold their stop (no piece copied twice). A joined piece is
    the text's own slice (the ". " between the two is the stop and the space), and whether
    it ends with an abbreviation is asked of its last part alone, as the join asks it of the
    whole: no abbreviation holds a space, so none reaches back over the ". " before that part.
    """
    out: list[str] = []
    start = 0
    cut = 0  # where the last part of the piece begins (after a ". " not cut at)
    at = normed.find(". ")
    while at >= 0:
        if not normed[cut:at + 1].endswith(abbreviations):
            out.append(normed[start:at + 1])
            start = at + 2
        cut = at + 2
        at = normed.find(". ", cut)
    if start < len(normed):
        out.append(normed[start:])
    return out
