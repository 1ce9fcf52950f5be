"""Operations on a free annex's tracked text: one part (heading or paragraph) in one language.

Parts are numbered 0 (the heading), 1, 2, ... (the paragraphs). A paragraph the other Side
deleted keeps its place, empty, with its deletion pending, until the deletion is decided.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from minutes_app.errors import ValidationError
from minutes_app.model.annexes import FREE, Annex, SetAnnexes
from minutes_app.model.change import Change
from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import Operation
from minutes_app.model.track import Track, current_text, has_changes
from minutes_app.model.types import Lang


def free_annex(m: Minutes, index: int) -> Annex:
    """Annex ``index`` (0-based), which must be a free annex."""
    if not 0 <= index < len(m.annexes) or m.annexes[index].kind != FREE:
        raise ValidationError("There is no free annex {n}.", n=index + 1)
    return m.annexes[index]


def with_part(a: Annex, part: int, lang: Lang, text: str, track: Track | None) -> Annex:
    """``a`` with part ``part`` in ``lang`` set to ``text`` and its pending revisions."""
    tracks = {k: dict(v) for k, v in a.tracks.items()}
    held = tracks.setdefault(part, {})
    if track is not None and has_changes(track):
        held[lang] = track
    else:
        held.pop(lang, None)
    tracks = {k: v for k, v in tracks.items() if v}
    if part == 0:
        return dataclasses.replace(a, heading={**a.heading, lang: text}, tracks=tracks)
    paragraphs = [dict(p) for p in a.paragraphs]
    paragraphs += [{} for _ in range(part - len(paragraphs))]  # a paragraph added at the end
    paragraphs[part - 1][lang] = text
    return dataclasses.replace(a, paragraphs=tuple(paragraphs), tracks=tracks)


class SetAnnexTrack(NamedTuple):
    """Set one part of a free annex in one language, with its pending revisions."""

    annex: int  # its index among the annexes
    part: int
    lang: Lang
    text: str
    track: Track | None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        m.check_lang(self.lang)
        a = free_annex(m, self.annex)
        if self.part < 0 or self.part > len(a.paragraphs) + 1:
            raise ValidationError("Annex {n} has no paragraph {k}.", n=self.annex + 1,
                                  k=self.part)
        if self.track is not None and current_text(self.track) != self.text:
            raise ValidationError("The revisions do not lead to the text.")
        annexes = list(m.annexes)
        annexes[self.annex] = with_part(a, self.part, self.lang, self.text, self.track)
        return SetAnnexes(tuple(annexes)).apply(m)


class DropEmptyAnnexParagraphs(NamedTuple):
    """Drop free-annex paragraphs left empty in every language with nothing pending, and the
    ``decided`` free annexes a decision left with no text at all (an annex whose insertion
    was rejected goes, as a paragraph does)."""

    decided: tuple[int, ...] = ()  # indexes of the annexes whose revisions were decided

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        annexes = tuple(_without_empty(a) for a in m.annexes)
        kept = tuple(a for i, a in enumerate(annexes) if i not in self.decided or not _empty(a))
        return SetAnnexes(kept).apply(m)


def _empty(a: Annex) -> bool:
    """A free annex with no word in any part and nothing pending."""
    return a.kind == FREE and not a.tracks and not any(
        t.strip() for part in (a.heading, *a.paragraphs) for t in part.values())


def _without_empty(a: Annex) -> Annex:
    keep = [k for k, p in enumerate(a.paragraphs, start=1)
            if any(t.strip() for t in p.values()) or k in a.tracks]
    if len(keep) == len(a.paragraphs):
        return a
    renumber = {old: new for new, old in enumerate(keep, start=1)}
    tracks = {renumber.get(k, k): t for k, t in a.tracks.items() if k == 0 or k in renumber}
    return dataclasses.replace(a, paragraphs=tuple(a.paragraphs[k - 1] for k in keep),
                               tracks=tracks)
