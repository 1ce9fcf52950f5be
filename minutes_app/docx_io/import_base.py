"""A returned copy brought in three-way: their changes since the export, onto our text now.

Their changes are the returned text against the text the copy was exported with
(``export_base``); our edits made since the export stay ours (our Side's, pending, in the round
after theirs). The same words changed on both sides are a conflict, as in a merge
(``tracking.merge``): our words stay in the text, in a bracket offering both versions (a
heading or an annex part, which hold no bracket objects: ``[ours / theirs]`` in its text).
"""

from __future__ import annotations

import dataclasses

from minutes_app.docx_io.export_base import ExportBase
from minutes_app.errors import N_, Message, ValidationError
from minutes_app.model import (
    Lang, Minutes, Operation, Round, SetBrackets, SetHeadingTrack, SetStatus, SetTrack, Status,
)
from minutes_app.model.brackets import Bracket, Option
from minutes_app.model.track import Author, Track, plain
from minutes_app.tracking.brackets import new_bracket
from minutes_app.tracking.diff import retrack
from minutes_app.tracking.merge3 import Conflict, Merged, merge_text


def onto_ours(base: ExportBase | None, ident: int, lang: Lang, ours: str, returned: str,
              delimit: bool = False) -> Merged:
    """The text after their changes: without a base (or one not holding it), theirs as is."""
    was = base.text(ident, lang) if base is not None else None
    if was is None:
        return Merged(returned, [])
    return merge_text(was, ours, returned, delimit)


def conflict_brackets(m: Minutes, pid: int, lang: Lang, conflicts: list[Conflict],
                      author: Author) -> list[Bracket]:
    """A bracket for each conflict (our words, their words), as a merge makes them; none
    where an open bracket already disputes those words (it stands)."""
    made: list[Bracket] = []
    for c in conflicts:  # a merge's conflicts never overlap one another
        options = [Option({lang: c.ours}, m.own_side), Option({lang: c.theirs}, author.side)]
        try:
            made.append(new_bracket(m, pid, {lang: (c.start, c.end)}, options, author.time))
        except ValidationError:
            continue  # already disputed there: the open bracket stands
    return made


def bracket_ops(m: Minutes, pid: int, made: list[Bracket]) -> list[Operation]:
    """The conflicts' brackets given to the paragraph: bracketed, as a merge leaves it."""
    p = m.paragraph(pid)
    return [SetBrackets(pid, (*p.brackets, *made)), SetStatus(pid, Status.BRACKETED)]


def exported_round(m: Minutes, base: ExportBase, r: Round) -> Round:
    """Our round ``r`` (the text now) as the copy had it: our later edits left out, and the
    paragraphs we added since the export."""
    texts = {}
    for ident, langs in r.texts.items():
        known = {lang: base.text(ident, lang) for lang in langs}
        if all(v is not None for v in known.values()):
            texts[ident] = {lang: v for lang, v in known.items() if v is not None}
    order = tuple((sid, tuple(pid for pid in pids if pid in texts)) for sid, pids in r.order)
    annexes = base.annexes if base.annexes is not None else (
        base.round.annexes if base.round is not None else r.annexes)
    return dataclasses.replace(r, texts=texts, order=order, annexes=annexes)


def _split(track: Track, exported: str, text: str, old: Author, new: Author) -> Track:
    """The track with our edits made since the export (``exported`` → ``text``) in ``new``'s
    round: the text taken back to the copy's as ``old`` (our round then), then on to ours."""
    back = retrack(track, exported, old)
    return retrack(back, text, new)


def late_own_edits(m: Minutes, base: ExportBase, old: int, new: int, now: str
                   ) -> list[Operation]:
    """Our edits made after the export (not in the copy) moved from round ``old`` to ``new``,
    after theirs; those that went out with the copy keep their round."""
    ops: list[Operation] = []
    was, later = Author(m.own_side, old, now), Author(m.own_side, new, now)
    for p in m.paragraphs():
        for lang in list(p.texts):
            exported, text = base.text(p.id, lang), p.text(lang)
            if exported is None or exported == text:
                continue  # a paragraph added since: its own round is the importer's to move
            track = _split(p.tracks.get(lang) or plain(text), exported, text, was, later)
            ops.append(SetTrack(p.id, lang, text, track))
    for s in m.sections:
        for lang, text in list(s.heading.items()):
            exported = base.text(s.id, lang)
            if exported is None or exported == text:
                continue
            track = _split(s.tracks.get(lang) or plain(text), exported, text, was, later)
            ops.append(SetHeadingTrack(s.id, lang, text, track))
    return ops


def base_notes(kept: int, conflicts: list[int], in_text: int) -> list[Message]:
    """What a three-way import says beyond its summary: our later edits kept, conflicts (the
    numbers of the paragraphs given brackets; how many headings and annex parts hold both
    versions in their text)."""
    out = []
    if kept:
        out.append(Message(N_("Their changes were taken against the copy as it was exported: "
                              "{n} texts you edited since then keep your edits (yours, "
                              "pending)."), {"n": kept}))
    if conflicts:
        out.append(Message(N_("Both Sides changed the same words since the export in "
                              "paragraphs {numbers}: both versions are now in square "
                              "brackets."), {"numbers": ", ".join(map(str, conflicts))}))
    if in_text:
        out.append(Message(N_("Both Sides changed the same words since the export in {n} "
                              "headings or annex parts: both versions are now in their text, "
                              "as [ours / theirs]."), {"n": in_text}))
    return out
