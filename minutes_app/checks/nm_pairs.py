"""Where two Latin capitals stand at most one letter apart (``[A-Z][A-Za-z&]?[A-Z]``), found
in the text's class bytes.

The text's bytes, one a character with ASCII as itself (a Russian text's bytes in
``nm_read.ONE_BYTE``, or the text in ASCII with "?" for any other character), are turned by
a table into classes: a capital, a letter or "&", a digit, anything else. A pair's classes are
``C[Cl]?C``, a pattern the engine reads in bytes five times as fast as the pair's own in the
text.
"""

from __future__ import annotations

import re
from typing import Final

# C: a capital, l: a small letter or "&", d: a digit (the rest of a run), " ": anything else
_CLASS: Final = bytes(67 if 65 <= b <= 90 else 108 if 97 <= b <= 122 or b == 38
                      else 100 if 48 <= b <= 57 else 32 for b in range(256))
_OTHER: Final = 32
_PAIR: Final = re.compile(rb"C[Cl]?C")


def classes(text: str, raw: bytes = b"") -> bytes:
    """The classes of the text's bytes (``raw``: its bytes, one a character, ASCII as itself,
    where the caller has them)."""
    if raw:
        return raw.translate(_CLASS)
    # every other character as "?" (one byte each, of no class): a Korean text's pairs read
    # so cost a third of the pattern's reading of the text itself
    return text.encode("ascii", "replace").translate(_CLASS)


def next_pair(cls: bytes, at: int) -> int:
    """The place of the first pair at or after ``at`` (-1: none)."""
    hit = _PAIR.search(cls, at)
    return -1 if hit is None else hit.start()


def run_start(cls: bytes, at: int) -> int:
    """Where the run of letters, digits and "&" holding ``at`` starts."""
    while at and cls[at - 1] != _OTHER:
        at -= 1
    return at


def run_end(cls: bytes, at: int) -> int:
    """Where the run of letters, digits and "&" from ``at`` ends."""
    n = len(cls)
    while at < n and cls[at] != _OTHER:
        at += 1
    return at
