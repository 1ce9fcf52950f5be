"""Comparing any two rounds (or a round and the current text), and one paragraph's timeline.

A comparison is a track per paragraph and language from the older text to the newer one, each
change attributed to the Side and round that made it in between: accepting every change gives
the newer text, rejecting every change the older one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from minutes_app.errors import ValidationError
from minutes_app.model import Comment, Lang, LangText, Minutes, Side
from minutes_app.model.track import DELETE, INSERT, PLAIN, Author, Seg, Track, normalize, plain
from minutes_app.tracking.diff import diff, opcode_segs
from minutes_app.tracking.provenance import (
    Piece, Stage, change_index, history_pieces, opcodes_between, quiet_gc, stages,
)

_BASE = Author(Side.KR, -1, "")  # words already in the older text


class ParagraphComparison(NamedTuple):
    """What changed in one paragraph between two rounds."""

    pid: int
    number: int | None
    kind: str  # "changed" | "inserted" | "deleted"
    tracks: dict[Lang, Track]
    author: Author | None  # who inserted or deleted the whole paragraph


class Comparison(NamedTuple):
    """Every changed paragraph between round ``older`` and round ``newer``."""

    older: int
    newer: int
    current: bool  # ``newer`` is the working text
    paragraphs: list[ParagraphComparison]


def stage_range(m: Minutes, older: int, newer: int | None) -> tuple[list[Stage], int]:
    """The stages from ``older`` to ``newer`` (None: the current text), checked."""
    all_stages = stages(m)
    last = len(all_stages)
    newer = last if newer is None else newer
    if not (1 <= older < newer <= last):
        raise ValidationError(
            "Choose two rounds between 1 and {last} (the current text), the older first.",
            last=last)
    return all_stages[older - 1:newer], newer


def _track(pieces: Sequence[Piece]) -> Track:
    segs = []
    for p in pieces:
        base = p.author is _BASE or p.author == _BASE
        if p.alive:
            segs.append(Seg(PLAIN, p.text) if base else Seg(INSERT, p.text, p.author))
        elif base:
            segs.append(Seg(DELETE, p.text, p.killer))
    return normalize(segs)


def _changed_once(walk: Sequence[Stage], pid: int, lang: Lang, old: str) -> Author | None:
    """The author of the one round that changed this text in between, if only one did."""
    found, last = None, old
    for stage in walk:
        texts = stage.texts.get(pid)
        if texts is None:
            return None
        text = texts.get(lang, "")
        if text != last:
            if found is not None:
                return None
            found, last = stage.author, text
    return found


def _one_change(old: str, new: str, author: Author) -> Track:
    """The track of one change by ``author``: the diff of the two texts."""
    if old == new:
        return plain(old)
    return normalize(opcode_segs(old, new, opcodes_between(old, new), author))


def _first_author(between: Sequence[Stage], pid: int, present: bool) -> Author:
    """The stage where the paragraph appeared (``present``) or disappeared."""
    for stage in between[1:]:
        if (pid in stage.texts) is present:
            return stage.author
    return between[-1].author


def _paragraph(m: Minutes, between: Sequence[Stage], walk: Sequence[Stage], pid: int,
               langs: Sequence[Lang]) -> ParagraphComparison | None:
    """``walk``: the stages after the first where the paragraph changed."""
    a, b = between[0].texts.get(pid), between[-1].texts.get(pid)
    if a is not None and b is not None and all(a.get(x, "") == b.get(x, "") for x in langs):
        return None
    tracks: dict[Lang, Track] = {}
    for lang in langs:
        old = (a or {}).get(lang, "")
        new = (b or {}).get(lang, "")
        once = _changed_once(walk, pid, lang, old) if b is not None else None
        if once is not None:  # the common case: one round changed it; its diff says it all
            tracks[lang] = _one_change(old, new, once)
            continue
        start = [Piece(old, _BASE)] if old else []
        pieces = history_pieces(walk, pid, lang, start)
        if b is None:
            pieces = [p.kill(_first_author(between, pid, False)) for p in pieces]
        tracks[lang] = _track(pieces)
    kind, author = "changed", None
    if a is None:
        kind, author = "inserted", _first_author(between, pid, True)
    elif b is None:
        kind, author = "deleted", _first_author(between, pid, False)
    number = m.number(pid) if m.has_paragraph(pid) else None
    return ParagraphComparison(pid, number, kind, tracks, author)


def merged_order(older: Stage, newer: Stage) -> list[int]:
    """The newer order, with paragraphs gone since placed after their old predecessor."""
    order = list(newer.order)
    where = set(order)
    previous: int | None = None
    for pid in older.order:
        if pid not in where:
            order.insert(order.index(previous) + 1 if previous in where else 0, pid)
            where.add(pid)
        previous = pid
    return order


@quiet_gc()
def compare(m: Minutes, older: int, newer: int | None = None,
            langs: Sequence[Lang] | None = None) -> Comparison:
    """What changed from round ``older`` to round ``newer`` (None: the current text)."""
    between, newer = stage_range(m, older, newer)
    chosen = list(langs) if langs else list(m.languages)
    for lang in chosen:
        m.check_lang(lang)
    index = change_index(between)  # one pass: most paragraphs did not change
    first, last = between[0], between[-1]
    out = []
    for pid in merged_order(first, last):
        walk = [s for s in index.get(pid, ()) if s is not first]
        if not walk and pid in last.texts:
            continue
        found = _paragraph(m, between, walk, pid, chosen)
        if found is not None:
            out.append(found)
    return Comparison(older, newer, between[-1].current, out)


# -- one paragraph through every round ---------------------------------------------------------
class TimelineEntry(NamedTuple):
    """One round of one paragraph: its text per language and what that round changed."""

    round: int
    side: Side
    time: str
    note: str
    current: bool
    texts: LangText | None  # None: the paragraph was not in that round
    changes: dict[Lang, Track]  # against the round before (empty when nothing changed)
    comments: list[Comment]


def _comments_of(comments: Sequence[Comment], after: str, upto: str, current: bool
                 ) -> list[Comment]:
    if current:
        return [c for c in comments if not c.created or c.created > after]
    return [c for c in comments if c.created and after < c.created <= upto]


@quiet_gc()
def timeline(m: Minutes, pid: int) -> list[TimelineEntry]:
    """Every round's text of paragraph ``pid`` with its changes, by whom, and its comments."""
    comments = m.paragraph(pid).comments if m.has_paragraph(pid) else []
    out = []
    before: LangText | None = None
    after = ""
    for stage in stages(m):
        texts = stage.texts.get(pid)
        changes: dict[Lang, Track] = {}
        if texts is not None and stage.number > 1:  # the first draft is no change
            for lang in m.languages:
                old = (before or {}).get(lang, "")
                new = texts.get(lang, "")
                if old != new:
                    changes[lang] = diff(old, new, stage.side, stage.number, stage.time)
        out.append(TimelineEntry(stage.number, stage.side, stage.time, stage.note,
                                 stage.current, dict(texts) if texts is not None else None,
                                 changes, _comments_of(comments, after, stage.time,
                                                       stage.current)))
        before = texts if texts is not None else before
        after = stage.time or after
    return out
