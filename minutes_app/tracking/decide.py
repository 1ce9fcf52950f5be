"""Accepting and rejecting revisions: each decision is one operation (one undo step)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from minutes_app.errors import ValidationError
from minutes_app.model import (
    Batch, Change, InsertParagraph, Minutes, MoveParagraph, Operation, RemoveParagraph,
    SetHeadingTrack, SetMark, SetTrack,
)
from minutes_app.model.track import (
    DELETE, INSERT, PLAIN, Seg, Track, baseline_text, current_text, normalize,
)
from minutes_app.tracking.revisions import Revision, all_revisions


def decide(track: Track, index: int, accept: bool) -> Track:
    """The track after accepting or rejecting the change at ``index``."""
    return decide_many(track, [index], accept)


def decide_many(track: Track, indexes: Iterable[int], accept: bool) -> Track:
    """The track after accepting or rejecting the changes at ``indexes`` together.

    Insertions go first, and deletions made of their words follow their fate; then the
    remaining deletions. (One at a time, a decision renumbers the segments: a deletion inside
    a rejected insertion vanished with it, and its index then named another segment.)
    """
    segs = list(track)
    chosen = sorted(set(indexes))
    if any(not 0 <= i < len(segs) or segs[i].kind == PLAIN for i in chosen):
        raise ValidationError("There is no pending change there.")
    for i in (i for i in chosen if track[i].kind == INSERT):
        seg = track[i]
        segs[i] = seg._replace(kind=PLAIN, author=None) if accept else seg._replace(text="")
        _settle_deletions_of(segs, i, seg, accept)
    for i in (i for i in chosen if track[i].kind == DELETE):
        seg = segs[i]
        if not seg.text:
            continue  # its insertion was rejected: the words never were
        if accept:
            segs[i] = seg._replace(text="")
        elif seg.origin is not None:  # the inserted words come back as that insertion
            segs[i] = Seg(INSERT, seg.text, seg.origin)
        else:
            segs[i] = Seg(PLAIN, seg.text)
    return normalize(segs)


def _settle_deletions_of(segs: list[Seg], index: int, insertion: Seg, accept: bool) -> None:
    """Deletions that touch an insertion and were made of its words follow its fate."""
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(segs) and segs[i].kind == DELETE and segs[i].origin == insertion.author:
            # accepted: they become deletions of agreed words; rejected: the words never were
            segs[i] = segs[i]._replace(origin=None) if accept else segs[i]._replace(text="")
            i += step


def accept_all(track: Track) -> Track:
    """Every change accepted: the current text, nothing pending."""
    return normalize([Seg(PLAIN, current_text(track))])


def reject_all(track: Track) -> Track:
    """Every change rejected: the baseline text, nothing pending."""
    return normalize([Seg(PLAIN, baseline_text(track))])


def _text_ops(m: Minutes, revisions: list[Revision], accept: bool) -> list[Operation]:
    ops: list[Operation] = []
    by_track: dict[tuple[int, object], list[Revision]] = {}
    for r in revisions:
        if r.lang is not None and r.annex is None:  # annexes: tracking.annexes
            by_track.setdefault((r.paragraph_id, r.lang), []).append(r)
    for (pid, lang), revs in by_track.items():
        if revs[0].heading:  # a section heading: the same decision on its track
            s = m.section(pid)
            track = decide_many(s.tracks[lang], [r.segment for r in revs], accept)  # type: ignore[index]
            ops.append(SetHeadingTrack(pid, lang, current_text(track), track))  # type: ignore[arg-type]
            continue
        p = m.paragraph(pid)
        track = decide_many(p.tracks[lang], [r.segment for r in revs], accept)  # type: ignore[index]
        ops.append(SetTrack(pid, lang, current_text(track), track))  # type: ignore[arg-type]
    return ops


def _mark_ops(m: Minutes, revisions: list[Revision], accept: bool) -> list[Operation]:
    ops: list[Operation] = []
    for r in revisions:
        if r.lang is not None:
            continue
        mark = m.paragraph(r.paragraph_id).mark
        assert mark is not None
        removes = (mark.kind == "insert" and not accept) or (mark.kind == "delete" and accept)
        if removes:
            ops.append(RemoveParagraph(r.paragraph_id))
            continue
        ops.append(SetMark(r.paragraph_id, None))
        if mark.kind == "move" and not accept:
            ops.append(MoveBack(r.paragraph_id, mark.from_section, mark.from_position))
    return ops


class MoveBack(NamedTuple):
    """A rejected move: the paragraph goes back to its old place, or to the end of the section
    when a join or an accepted deletion has since left fewer paragraphs before that place."""

    pid: int
    section_id: int
    position: int

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        source, _old = m.place_of(self.pid)
        target = m.section(self.section_id)
        limit = len(target.paragraphs) - (1 if target is source else 0)
        return MoveParagraph(self.pid, self.section_id, min(self.position, limit)).apply(m)


def decision(m: Minutes, revisions: Iterable[Revision], accept: bool) -> Operation:
    """One operation accepting (or rejecting) all of ``revisions``."""
    revs = list(revisions)
    if not revs:
        raise ValidationError("There are no pending revisions to decide.")
    from minutes_app.tracking.annexes import annex_decision_ops

    return Batch(tuple(_text_ops(m, revs, accept) + _mark_ops(m, revs, accept)
                       + annex_decision_ops(m, revs, accept)))


def select(m: Minutes, predicate: Callable[[Revision], bool]) -> list[Revision]:
    """The pending revisions for which ``predicate`` holds."""
    return [r for r in all_revisions(m) if predicate(r)]


def by_ids(m: Minutes, ids: Iterable[str]) -> list[Revision]:
    """The revisions with these ids; an unknown id is an error naming it."""
    wanted = list(ids)
    found = {r.id: r for r in all_revisions(m)}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ValidationError("No pending revision with id {join_missing}.",
                              join_missing=', '.join(missing))
    return [found[i] for i in wanted]


__all__ = ["InsertParagraph", "accept_all", "by_ids", "decide", "decision", "reject_all",
           "select"]
