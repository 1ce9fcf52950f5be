"""Who made each change of a returned cell, and when.

A cell's new text is reached in steps, each recorded as its own author's: first the edits
made without Track Changes (the returning Side's, dated at the import: the file does not say
when), then each Side's tracked changes of one date, in the order of their dates (Word's
``w:date``). A tracked change beside an untracked edit no longer lends its author or date to
it, and two authors' changes keep their own dates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from minutes_app.docx_io.import_history import _iso
from minutes_app.docx_io.reader import DELETE, INSERT, PLAIN, Cell, Change, ReadParagraph
from minutes_app.model import Side
from minutes_app.model.track import Author, Seg, Track, normalize
from minutes_app.tracking.diff import retrack

Accepted = Callable[[Change], bool]
_APART = 1 << 20  # a step's changes are made in a round of their own, then given back theirs


def _kept(kind: str, change: Change | None, inside: Change | None, accepted: Accepted) -> bool:
    """Whether a piece's text is in the cell when the changes ``accepted`` says are taken."""
    if kind == PLAIN or change is None:
        return True
    if kind == INSERT:
        return accepted(change)
    return not accepted(change) and (inside is None or accepted(inside))


def _joined(rp: ReadParagraph, accepted: Accepted) -> bool:
    """Whether the paragraph runs on into the next one (its mark deleted, or inserted and
    not taken)."""
    if rp.mark is None:
        return False
    kind, change = rp.mark
    if kind == DELETE:
        return accepted(change) or (rp.mark_inside is not None and not accepted(rp.mark_inside))
    return not accepted(change)


def cell_state(cell: Cell, accepted: Accepted) -> str:
    """The cell's text with the tracked changes ``accepted`` says taken, the others not
    (every change taken: the text ``_cell_text`` reads)."""
    out = []
    for i, rp in enumerate(cell):
        out += [p.text for p in rp.pieces if _kept(p.kind, p.change, p.inside, accepted)]
        if i < len(cell) - 1 and not _joined(rp, accepted):
            out.append("\n")
    return "".join(out)


def _changes(cell: Cell) -> Iterator[Change]:
    for rp in cell:
        for p in rp.pieces:
            if p.kind != PLAIN:
                yield from (c for c in (p.change, p.inside) if c is not None)
        if rp.mark is not None:
            yield rp.mark[1]
        if rp.mark_inside is not None:
            yield rp.mark_inside


def new_changes(cell: Cell, known: Accepted) -> list[Change]:
    """The cell's tracked changes that our export did not write, in document order."""
    return list(dict.fromkeys(c for c in _changes(cell) if not known(c)))


def steps(cell: Cell, known: Accepted, side_of: Callable[[str], Side],
          untracked: Author) -> list[tuple[str, Author]]:
    """The cell's text after each author's changes, in order, with that author: the edits
    made without Track Changes (``untracked``), then each Side's tracked changes of one date
    (a change without a date counts as made at the import)."""
    groups: dict[tuple[Side, str], list[Change]] = {}
    for c in new_changes(cell, known):
        groups.setdefault((side_of(c.author), _iso(c.date)), []).append(c)
    taken: set[Change] = set()

    def accepted(c: Change) -> bool:
        return c in taken or known(c)

    out = [(cell_state(cell, accepted), untracked)]
    for (side, date), changes in sorted(groups.items(), key=lambda g: g[0][1] or untracked.time):
        taken.update(changes)
        out.append((cell_state(cell, accepted),
                    Author(side, untracked.round, date or untracked.time)))
    return out


def in_steps(track: Track, texts: list[tuple[str, Author]]) -> Track:
    """The track after the texts in turn, each change with its step's author and time.

    Retracking by one author rewrites that Side's neighbouring changes of the round as its
    own (time included): each step is made in a round apart, then given back its round; a
    step's deletion of words an earlier step of the same Side and round inserted leaves no
    trace, as retracking leaves it.
    """
    real: dict[int, int] = {}
    for k, (text, who) in enumerate(texts):
        real[_APART + k] = who.round
        track = retrack(track, text, who._replace(round=_APART + k))

    def back(a: Author | None) -> Author | None:
        return a._replace(round=real[a.round]) if a is not None and a.round in real else a

    out = []
    for s in track:
        author, origin = back(s.author), back(s.origin)
        if s.kind == DELETE and author is not None and origin is not None and (
                origin.side, origin.round) == (author.side, author.round):
            continue  # one's own pending words taken back
        out.append(Seg(s.kind, s.text, author, origin))
    return normalize(out)
