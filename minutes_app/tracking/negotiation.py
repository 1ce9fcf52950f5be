"""The negotiation in figures: per round who sent it and the changes of each Side; per paragraph
the rounds it changed in and the fate of each Side's proposals. Codes only; the report words it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from minutes_app.model import Lang, LangText, Minutes, Side
from minutes_app.model.brackets import Bracket
from minutes_app.model.track import DELETE, INSERT
from minutes_app.tracking.provenance import (
    Piece, Stage, change_index, history_pieces, stages,
)

FATES = ("accepted", "rejected", "pending")


@dataclass
class RoundFigures:
    """One round: who sent it, when, and how many insertions and deletions each Side made."""

    number: int
    side: Side
    time: str
    note: str
    current: bool
    insertions: dict[Side, int] = field(default_factory=dict)
    deletions: dict[Side, int] = field(default_factory=dict)
    changed: int = 0  # paragraphs whose text changed in this round
    bracketed: int = 0  # paragraphs holding an open bracket in this round's text

    def add(self, kind: str, side: Side) -> None:
        """Count one change."""
        box = self.insertions if kind == INSERT else self.deletions
        box[side] = box.get(side, 0) + 1


@dataclass
class ParagraphFigures:
    """One paragraph: the rounds it changed in; per Side, proposals by fate."""

    pid: int
    number: int | None
    rounds: list[int] = field(default_factory=list)
    proposals: dict[Side, dict[str, int]] = field(default_factory=dict)

    def add(self, side: Side, fate: str, n: int = 1) -> None:
        """Count one proposal of ``side`` with its fate (or ``n`` of them)."""
        box = self.proposals.setdefault(side, dict.fromkeys(FATES, 0))
        box[fate] += n


def _pending(m: Minutes, pid: int, lang: Lang) -> set[tuple[str, Side, int]]:
    if not m.has_paragraph(pid):
        return set()
    return {(s.kind, s.author.side, s.author.round)
            for s in m.paragraph(pid).tracks.get(lang, ()) if s.author is not None}


def _count(pieces: Sequence[Piece], first: int, rounds: dict[int, RoundFigures],
           fig: ParagraphFigures, pending: set[tuple[str, Side, int]]) -> None:
    for p in pieces:
        a = p.author
        if a.round != first:  # the words the paragraph came with are no proposal
            rounds[a.round].add(INSERT, a.side)
            if p.alive:
                fate = "pending" if (INSERT, a.side, a.round) in pending else "accepted"
            elif p.killer and (DELETE, p.killer.side, p.killer.round) in pending:
                fate = "pending"
            else:
                fate = "rejected" if p.killer and p.killer.side is not a.side else ""
            if fate:
                fig.add(a.side, fate)
        if p.killer is not None and not p.alive:
            k = p.killer
            rounds[k.round].add(DELETE, k.side)
            fig.add(k.side, "pending" if (DELETE, k.side, k.round) in pending else "accepted")
        if p.revived is not None:
            rounds[p.revived.round].add(DELETE, p.revived.side)
            fig.add(p.revived.side, "rejected")


def _open_at(b: Bracket, stage: Stage) -> bool:
    """True when the bracket was open in that round (made before it, closed after it)."""
    if stage.current:
        return b.is_open
    return b.created_at <= stage.time and (b.is_open or b.closed_at > stage.time)


def _count_brackets(m: Minutes, all_stages: Sequence[Stage],
                    rounds: dict[int, RoundFigures]) -> None:
    """Paragraphs holding an open bracket, per round (brackets know when they were made and
    closed; a round's snapshot holds texts only)."""
    for p in m.paragraphs():
        if not p.brackets:
            continue
        for s in all_stages:
            if _pid_in(s, p.id) and any(_open_at(b, s) for b in p.brackets):
                rounds[s.number].bracketed += 1


def _pid_in(stage: Stage, pid: int) -> bool:
    """True when the paragraph is part of that round's text."""
    return pid in stage.texts


def figures(m: Minutes) -> tuple[list[RoundFigures], list[ParagraphFigures]]:
    """The figures of every round and of every paragraph that ever changed."""
    all_stages = stages(m)
    rounds = {s.number: RoundFigures(s.number, s.side, s.time, s.note, s.current)
              for s in all_stages}
    order = list(dict.fromkeys(pid for s in all_stages for pid in s.order))
    index = change_index(all_stages)  # per paragraph: where it appeared, then each change
    _count_brackets(m, all_stages, rounds)
    gone = _vanished(all_stages)
    out = []
    for pid in order:
        came = index[pid][0]
        added = came is not all_stages[0]  # a paragraph a Side added in a later round
        changes = index[pid][1:]
        if not changes and pid not in gone and not added:
            continue
        left = gone.get(pid, [])
        fig = ParagraphFigures(pid, m.number(pid) if m.has_paragraph(pid) else None, sorted(
            s.number for s in (*([came] if added else []), *changes, *(s for _b, s in left))))
        for s in changes:
            rounds[s.number].changed += 1
        if added:
            _count_insertion(m, came, left, rounds, fig)
        for lang in m.languages:
            _count(history_pieces(index[pid], pid, lang), came.number, rounds, fig,
                   _pending(m, pid, lang))
        _count_deletions(m, all_stages, left, rounds, fig)
        out.append(fig)
    return list(rounds.values()), out


def _count_insertion(m: Minutes, came: Stage, left: Sequence[tuple[Stage, Stage]],
                     rounds: dict[int, RoundFigures], fig: ParagraphFigures) -> None:
    """A whole paragraph added: an insertion per language of the Side whose round brought it;
    pending while its mark stands, rejected when the other Side took it out again."""
    side, n = came.side, _languages_held(m, came.texts[fig.pid])
    rounds[came.number].changed += 1
    box = rounds[came.number].insertions
    box[side] = box.get(side, 0) + n
    mark = m.paragraph(fig.pid).mark if m.has_paragraph(fig.pid) else None
    if (mark is not None and mark.kind == "insert" and mark.author.side is side
            and mark.author.round == came.number):
        fig.add(side, "pending", n)
    elif any(stage.number > came.number and stage.side is not side for _b, stage in left):
        fig.add(side, "rejected", n)
    else:
        fig.add(side, "accepted", n)


def _languages_held(m: Minutes, texts: LangText) -> int:
    """A whole paragraph's insertion or deletion counts once per language that has text."""
    return max(1, sum(1 for lang in m.languages if texts.get(lang)))


def _vanished(all_stages: Sequence[Stage]) -> dict[int, list[tuple[Stage, Stage]]]:
    """Per paragraph, each time it left the text: the last stage that held it, the stage
    without it (a deleted paragraph, whether its deletion is pending or accepted)."""
    out: dict[int, list[tuple[Stage, Stage]]] = {}
    for before, stage in pairwise(all_stages):
        if before.order == stage.order:  # most rounds: the same paragraphs
            continue
        for pid in before.texts:
            if pid not in stage.texts:
                out.setdefault(pid, []).append((before, stage))
    return out


def _count_deletions(m: Minutes, all_stages: Sequence[Stage],
                     left: Sequence[tuple[Stage, Stage]], rounds: dict[int, RoundFigures],
                     fig: ParagraphFigures) -> None:
    """A whole paragraph deleted: a deletion per language of the Side whose round dropped it;
    pending while its mark stands, rejected when it came back, accepted otherwise."""
    mark = m.paragraph(fig.pid).mark if m.has_paragraph(fig.pid) else None
    for before, stage in left:
        side, n = stage.side, _languages_held(m, before.texts[fig.pid])
        rounds[stage.number].changed += 1
        box = rounds[stage.number].deletions
        box[side] = box.get(side, 0) + n
        later = all_stages[[s.number for s in all_stages].index(stage.number) + 1:]
        if any(fig.pid in s.texts for s in later):
            fate = "rejected"
        elif (mark is not None and mark.kind == "delete" and mark.author.side is side
              and mark.author.round == stage.number):
            fate = "pending"
        else:
            fate = "accepted"
        fig.add(side, fate, n)
