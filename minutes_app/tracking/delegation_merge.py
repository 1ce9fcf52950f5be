"""Merging the other copy's delegation lists three-way from the common round.

A delegation list has no tracked text: their change over the common round's list is applied
as it is (members added, removed, reordered) and named in the summary; where both copies
changed the same members ours are kept and theirs are listed, never dropped in silence.
A round sent before rounds held the lists gives no base: the merge says so first, and a list
that differs (or that their copy lacks) is then named as not merged, ours kept.
"""

from __future__ import annotations

import dataclasses
import json
from difflib import SequenceMatcher
from typing import NamedTuple

from minutes_app.errors import Message
from minutes_app.i18n.messages import N_, SIDE_NAMES
from minutes_app.model.annexes import DELEGATION, Annex, SetAnnexes, roman
from minutes_app.model.entities import Person, Round
from minutes_app.model.minutes import Minutes
from minutes_app.model.types import Side
from minutes_app.tracking.merge import MergeReport, Recorder

Members = tuple[Person, ...]


class _Hunk(NamedTuple):
    lo: int  # base range [lo, hi) replaced by ``items`` in one version
    hi: int
    items: Members
    ours: bool


class MembersMerged(NamedTuple):
    """The merged members and, per conflict, our members and theirs for the same place."""

    members: Members
    conflicts: list[tuple[Members, Members]]


def _key(p: Person) -> str:
    from minutes_app.model.serialize import person_out

    return json.dumps(person_out(p), sort_keys=True, ensure_ascii=False)


def _hunks(base: Members, version: Members, ours: bool) -> list[_Hunk]:
    matcher = SequenceMatcher(None, [_key(p) for p in base], [_key(p) for p in version],
                              autojunk=False)
    return [_Hunk(i1, i2, version[j1:j2], ours)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _touch(a: _Hunk, b: _Hunk) -> bool:
    if a.lo == a.hi and b.lo == b.hi:
        return a.lo == b.lo
    return ((a.lo < b.hi and b.lo < a.hi) or (a.lo == a.hi and b.lo < a.lo < b.hi)
            or (b.lo == b.hi and a.lo < b.lo < a.hi))


def _version(base: Members, hunks: list[_Hunk], lo: int, hi: int) -> Members:
    out: list[Person] = []
    pos = lo
    for h in hunks:
        out += base[pos:h.lo] + h.items
        pos = h.hi
    return tuple(out) + base[pos:hi]


def merge_members(base: Members, ours: Members, theirs: Members) -> MembersMerged:
    """Both versions' changes to ``base`` combined; the same members changed on both sides
    keep ours and are returned as conflicts."""
    if ours == theirs or theirs == base:
        return MembersMerged(ours, [])
    if ours == base:
        return MembersMerged(theirs, [])
    clusters: list[list[_Hunk]] = []
    for h in sorted(_hunks(base, ours, True) + _hunks(base, theirs, False),
                    key=lambda h: (h.lo, h.hi)):
        if clusters and any(_touch(h, other) for other in clusters[-1]):
            clusters[-1].append(h)
        else:
            clusters.append([h])
    out: list[Person] = []
    conflicts: list[tuple[Members, Members]] = []
    pos = 0
    for cluster in clusters:
        lo, hi = min(h.lo for h in cluster), max(h.hi for h in cluster)
        mine = [h for h in cluster if h.ours]
        other = [h for h in cluster if not h.ours]
        a, b = _version(base, mine, lo, hi), _version(base, other, lo, hi)
        out += base[pos:lo]
        if mine and other and a != b:
            conflicts.append((a, b))
        out += b if other and not mine else a
        pos = hi
    return MembersMerged(tuple(out) + base[pos:], conflicts)


def _names(m: Minutes, members: Members) -> str:
    """Members by name, each in every language of the document that has one."""
    def name(p: Person) -> str:
        names = [p.name[lang] for lang in m.languages if p.name.get(lang)]
        return " / ".join(dict.fromkeys(names)) or "?"
    return "; ".join(name(p) for p in members) or "—"


def merge_delegations(rec: Recorder, theirs: Minutes, base: Round, report: MergeReport) -> None:
    """Their changes of the delegation lists over the common round's, Side by Side."""
    m = rec.m
    known = bool(base.delegations)  # a round written before rounds held the lists: no base
    held = dict(base.delegations)
    mine = {a.side: a for a in m.annexes if a.kind == DELEGATION and a.side is not None}
    if not known:
        _unknown_base(mine, theirs, base, report)
    for their in (a for a in theirs.annexes if a.kind == DELEGATION and a.side is not None):
        side = their.side
        assert side is not None
        ours = mine.get(side)
        b = held.get(side)
        if ours is None:
            if b is None:  # a list they made since the common round (or that we never had)
                rec.do(SetAnnexes((*m.annexes, Annex(DELEGATION, side, their.members))))
                report.notes.append(_said(N_(
                    "The delegation list of the {side} was brought from their copy as "
                    "annex {annex}."), side, len(m.annexes)))
                report.delegations.append(side)
            elif their.members != b:
                report.notes.append(_said(N_(
                    "The delegation list of the {side} was removed here, and their copy "
                    "changed it: their changes were not merged."), side, None))
            continue
        if ours.members == their.members:
            continue
        if not known or b is None:
            report.notes.append(_said(N_(
                "The delegation list of the {side} (annex {annex}) differs in their copy, "
                "and the common round does not hold it: it was not merged; compare the two "
                "lists."), side, m.annexes.index(ours) + 1))
            continue
        merged = merge_members(b, ours.members, their.members)
        index = m.annexes.index(ours)
        if merged.members != ours.members:
            annexes = list(m.annexes)
            annexes[index] = dataclasses.replace(ours, members=merged.members)
            rec.do(SetAnnexes(tuple(annexes)))
            report.delegations.append(side)
            report.notes.append(_said(N_(
                "The delegation list of the {side} (annex {annex}): their changes were "
                "brought."), side, index + 1))
        for _ours, their_members in merged.conflicts:
            report.notes.append(_said(N_(
                "The delegation list of the {side} (annex {annex}): both Sides changed the "
                "same members; ours are kept, theirs were not merged: {theirs}."), side,
                index + 1, theirs=_names(m, their_members)))
    for side, ours in mine.items():
        if side in {a.side for a in theirs.annexes if a.kind == DELEGATION}:
            continue
        if known and side in held:
            report.notes.append(_said(N_(
                "Their copy no longer has the delegation list of the {side}; ours (annex "
                "{annex}) is kept."), side, m.annexes.index(ours) + 1))
        elif not known:
            report.notes.append(_said(N_(
                "Their copy has no delegation list of the {side}, and the common round does "
                "not hold the lists: ours (annex {annex}) is kept; compare the two copies."),
                side, m.annexes.index(ours) + 1))


def _unknown_base(mine: dict[Side, Annex], theirs: Minutes, base: Round,
                  report: MergeReport) -> None:
    """A common round that holds no delegation lists (saved before rounds kept them, or the
    minutes had none then) gives nothing to compare their lists with: said once, first, when
    a list is not the same in both copies (each such list is named after it)."""
    their_lists = {a.side: a.members for a in theirs.annexes if a.kind == DELEGATION}
    if their_lists == {side: a.members for side, a in mine.items()}:
        return
    report.notes.append(Message(N_(
        "Round {number}, the last both copies hold, holds no delegation lists (it was saved "
        "before rounds kept them, or the minutes had none then): the delegation lists of "
        "their copy could not be compared with it; a list the two copies hold differently "
        "is kept as ours and named below."), {"number": base.number}))


def _said(code: str, side: Side, annex: int | None, **more: str) -> Message:
    params: dict[str, object] = {"side": Message(SIDE_NAMES[side]), **more}
    if annex is not None:
        params["annex"] = roman(annex)
    return Message(code, params)
