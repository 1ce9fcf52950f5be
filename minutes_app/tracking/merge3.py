"""Three-way merge of one language's text: base (the common round), ours and theirs.

Changes to different words combine; changes to the same words become a conflict holding both
versions (never a silent overwrite): the text keeps our words and the conflict says where they
stand, for a bracket object (``tracking.merge``). Headings have no bracket objects: there the
conflict is written into the text as ``[ours / theirs]`` (``delimit=True``).
"""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.tracking.char_ops import char_opcodes

OURS, THEIRS = 0, 1


class Hunk(NamedTuple):
    """Base range [lo, hi) replaced by ``text`` in one version."""

    lo: int
    hi: int
    text: str
    who: int


class Conflict(NamedTuple):
    """The same words changed on both sides: where our words stand in the merged text."""

    start: int
    end: int
    ours: str
    theirs: str


class Merged(NamedTuple):
    """The merged text and the conflicts in it."""

    text: str
    conflicts: list[Conflict]


def _hunks(base: str, version: str, who: int) -> list[Hunk]:
    return [Hunk(i1, i2, version[j1:j2], who)
            for tag, i1, i2, j1, j2 in char_opcodes(base, version) if tag != "equal"]


def _touch(a: Hunk, b: Hunk) -> bool:
    if a.lo == a.hi and b.lo == b.hi:
        return a.lo == b.lo
    return (a.lo < b.hi and b.lo < a.hi) or (a.lo == a.hi and b.lo < a.lo < b.hi) or (
        b.lo == b.hi and a.lo < b.lo < a.hi)


def _clusters(hunks: list[Hunk]) -> list[list[Hunk]]:
    out: list[list[Hunk]] = []
    for h in sorted(hunks, key=lambda h: (h.lo, h.hi)):
        if out and any(_touch(h, other) for other in out[-1]):
            out[-1].append(h)
        else:
            out.append([h])
    return out


def _version(base: str, hunks: list[Hunk], lo: int, hi: int) -> str:
    """One side's text for base[lo:hi], its hunks applied."""
    out, pos = [], lo
    for h in sorted(hunks, key=lambda h: (h.lo, h.hi)):
        out.append(base[pos:h.lo])
        out.append(h.text)
        pos = h.hi
    out.append(base[pos:hi])
    return "".join(out)


def _widen(base: str, lo: int, hi: int) -> tuple[int, int]:
    """Grow a conflict to whole words, so that both options are readable and non-empty."""
    while lo > 0 and not base[lo - 1].isspace():
        lo -= 1
    while hi < len(base) and not base[hi].isspace():
        hi += 1
    if lo == hi:  # both inserted at one point: take the word before as common context
        while lo > 0 and base[lo - 1].isspace():
            lo -= 1
        while lo > 0 and not base[lo - 1].isspace():
            lo -= 1
    return lo, hi


def merge_text(base: str, ours: str, theirs: str, delimit: bool = False) -> Merged:
    """Combine both versions' changes to ``base``; overlapping ones become conflicts."""
    if ours == theirs or theirs == base:
        return Merged(ours, [])
    if ours == base:
        return Merged(theirs, [])
    clusters = _clusters(_hunks(base, ours, OURS) + _hunks(base, theirs, THEIRS))
    out: list[str] = []
    conflicts: list[Conflict] = []
    pos = 0
    for cluster in clusters:
        lo, hi = min(h.lo for h in cluster), max(h.hi for h in cluster)
        mine = [h for h in cluster if h.who == OURS]
        other = [h for h in cluster if h.who == THEIRS]
        a, b = _version(base, mine, lo, hi), _version(base, other, lo, hi)
        if mine and other and a != b:
            lo2, hi2 = _widen(base, lo, hi)
            lo2 = max(lo2, pos)
            a, b = _version(base, mine, lo2, hi2), _version(base, other, lo2, hi2)
            if a.strip() and b.strip() and not (delimit and any(c in a + b for c in "[]/")):
                out.append(base[pos:lo2])
                start = sum(map(len, out))
                if delimit:
                    out.append(f"[{a.strip()} / {b.strip()}]")
                else:
                    lead = len(a) - len(a.lstrip())
                    out.append(a)
                    start += lead
                conflicts.append(Conflict(start, start + len(a.strip()), a.strip(), b.strip()))
                pos = hi2
                continue
            lo, hi = lo2, hi2
        out.append(base[pos:lo])
        out.append(b if other else a)
        pos = hi
    out.append(base[pos:])
    return Merged("".join(out), conflicts)
