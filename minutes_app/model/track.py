"""Tracked text: the segments of one language of one paragraph, with their authorship.

A segment is plain (in the baseline and the current text), inserted (current only) or deleted
(baseline only). Each change carries the Side and round that made it and when; a deletion of
text another Side inserted keeps that insertion's authorship as its ``origin``. This module is
data only; the algorithms are in ``minutes_app.tracking``.
"""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.model.types import Side

PLAIN, INSERT, DELETE = "=", "+", "-"


class Author(NamedTuple):
    """Who made a change, in which round, when (ISO 8601, UTC)."""

    side: Side
    round: int
    time: str


class Seg(NamedTuple):
    """A run of text with one authorship."""

    kind: str
    text: str
    author: Author | None = None
    origin: Author | None = None  # for a deletion of inserted text: who inserted it

    @property
    def visible(self) -> bool:
        """True when the segment is part of the current text."""
        return self.kind != DELETE

    def key(self) -> tuple[str, Side | None, int, Author | None]:
        """What must match for two neighbours to merge (time excluded: first one wins)."""
        a = self.author
        return (self.kind, a.side if a else None, a.round if a else 0, self.origin)


Track = tuple[Seg, ...]


def plain(text: str) -> Track:
    """A track with no pending change."""
    return (Seg(PLAIN, text),) if text else ()


def current_text(track: Track) -> str:
    """The text with every pending change accepted."""
    return "".join(s.text for s in track if s.kind != DELETE)


def baseline_text(track: Track) -> str:
    """The text with every pending change rejected."""
    return "".join(s.text for s in track if s.kind == PLAIN
                   or (s.kind == DELETE and s.origin is None))


def has_changes(track: Track) -> bool:
    """True when any segment is a pending change."""
    return any(s.kind != PLAIN for s in track)


def normalize(segs: list[Seg]) -> Track:
    """Drop empty segments and merge neighbours with the same authorship."""
    # One loop with the key inline (as ``Seg.key``): this runs for every diff and decision.
    out: list[Seg] = []
    texts: list[str] = []  # the texts of the run ``out[-1]`` starts
    last: tuple[object, ...] | None = None
    for s in segs:
        if not s.text:
            continue
        a = s.author
        key = (s.kind, a.side, a.round, s.origin) if a else (s.kind, None, 0, s.origin)
        if key == last:
            texts.append(s.text)
            continue
        if len(texts) > 1:  # the first segment's time stands for the run
            out[-1] = out[-1]._replace(text="".join(texts))
        out.append(s)
        texts = [s.text]
        last = key
    if len(texts) > 1:
        out[-1] = out[-1]._replace(text="".join(texts))
    return tuple(out)
