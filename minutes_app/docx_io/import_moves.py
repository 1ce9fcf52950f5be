"""Rows the other Side moved: where their paragraphs stand in the returned file.

A row keeps our id wherever it goes (cut and pasted; moved with Track Changes, Word's bookmark
travels with the row's new copy). The rows left in place are the heaviest run of rows in our
order (a heading weighs more than every paragraph: a section moved is named, never applied;
a row Word marks inserted weighs least, so a tracked move names the row that moved); every
other paragraph row was moved by them, after the paragraph row above it in its section.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from minutes_app.docx_io.export_base import ExportBase
from minutes_app.docx_io.import_report import ImportReport
from minutes_app.docx_io.import_rows import _cell_text, _Row
from minutes_app.docx_io.reader import DELETE, INSERT, Change, ReadParagraph
from minutes_app.docx_io.unplaced import Unplaced
from minutes_app.errors import Message
from minutes_app.i18n.messages import N_, SIDE_NAMES
from minutes_app.model import Minutes, MoveParagraph, ParagraphMark, SetMark
from minutes_app.model.track import Author
from minutes_app.tracking.merge import Recorder

_HEADING, _ROW, _INSERTED = 1 << 30, 2, 1


class Move(NamedTuple):
    """A paragraph their file puts elsewhere: after ``after`` wherever that paragraph is by
    then, or (None) first in ``section``."""

    pid: int
    section: int
    after: int | None
    row: _Row
    at: int  # the row's place in the table (1: the first row after the header)
    previous: int | None  # the paragraph row above it in the file, whatever the section


def heaviest(order: list[int], weights: list[int]) -> set[int]:
    """The indexes of ``order`` (distinct numbers) in the heaviest increasing run, found in
    n log n with a tree of running maxima over the values' ranks."""
    rank = {v: i + 1 for i, v in enumerate(sorted(order))}
    tree = [(0, -1)] * (len(order) + 1)  # (weight of the best run ending here, its end)
    back = [-1] * len(order)
    best = (0, -1)
    for i, (value, weight) in enumerate(zip(order, weights, strict=True)):
        k, below = rank[value] - 1, (0, -1)
        while k > 0:
            below = max(below, tree[k])
            k -= k & -k
        back[i] = below[1]
        mine = (below[0] + weight, i)
        best = max(best, mine)
        k = rank[value]
        while k < len(tree):
            tree[k] = max(tree[k], mine)
            k += k & -k
    kept, i = set(), best[1]
    while i >= 0:
        kept.add(i)
        i = back[i]
    return kept


def _tokens(m: Minutes, rows: list[_Row]) -> tuple[list[tuple[str, int, int]], dict[str, int]]:
    """The file's heading and paragraph rows we know, once each, as (kind, id, row index),
    and our order of them (headings as ``s<id>``, paragraphs as ``p<id>``)."""
    ours: dict[str, int] = {}
    for s in m.sections:
        ours[f"s{s.id}"] = len(ours)
        for p in s.paragraphs:
            ours[f"p{p.id}"] = len(ours)
    found: list[tuple[str, int, int]] = []
    seen = set()
    for index, row in enumerate(rows, start=1):
        if row.annex is not None:
            continue
        kind, ident = ("s", row.section) if row.section is not None else ("p", row.pid)
        if ident is not None and f"{kind}{ident}" in ours and f"{kind}{ident}" not in seen:
            seen.add(f"{kind}{ident}")
            found.append((kind, ident, index))
    return found, ours


def find_moves(m: Minutes, rows: list[_Row], light: set[int] = frozenset()  # type: ignore[assignment]
               ) -> tuple[list[Move], list[tuple[int, int]]]:
    """The paragraphs their file moved, in the file's order, and the sections it moved
    (section id, row index); the paragraphs ``light`` (ours moved since) are the first
    taken for moved."""
    found, ours = _tokens(m, rows)
    # a heading row, or a row Word marks deleted (it has no new place), is never the one
    # taken for moved; a row marked inserted (Word's move target) or ours moved is the first
    weights = [_HEADING if kind == "s" or (
        (mark := rows[index - 1].mark) is not None and mark[0] == DELETE)
        else _INSERTED if ident in light or (mark is not None and mark[0] == INSERT) else _ROW
        for kind, ident, index in found]
    kept = heaviest([ours[f"{kind}{ident}"] for kind, ident, _i in found], weights)
    sections_moved = [(ident, index) for i, (kind, ident, index) in enumerate(found)
                      if kind == "s" and i not in kept]
    moved_sections = {sid for sid, _index in sections_moved}
    moves: list[Move] = []
    section: int | None = None  # the section of the heading row above (None: none yet)
    after: int | None = None
    previous: int | None = None
    for i, (kind, ident, index) in enumerate(found):
        if kind == "s":
            section, after = ident, None
            continue
        if i not in kept:
            home = m.section_of(ident).id
            if not (section in moved_sections and section == home):  # moved with its section
                target = section if section is not None else m.sections[0].id
                moves.append(Move(ident, target, after, rows[index - 1], index, previous))
        after = previous = ident
    return moves, sections_moved


class RowMoves:
    """The import's handling of rows they moved (``_Importer`` holds the state named below)."""

    m: Minutes
    rec: Recorder
    report: ImportReport
    unplaced: list[Unplaced]
    base: ExportBase | None
    author: Callable[[list[ReadParagraph], Change | None], Author]  # who made a row's changes
    _count: Callable[[Author], None]  # one more change by the author's Side

    def _moves(self, rows: list[_Row]) -> None:
        """Their moves as moves by their Side (a section moved is listed, not applied)."""
        own = self.m.own_side
        light = {p.id for p in self.m.paragraphs() if p.mark is not None
                 and p.mark.kind == "move" and p.mark.author.side is own}
        moves, sections = find_moves(self.m, rows, light)
        placed = {r.pid for r in rows if r.pid is not None}
        for sid, index in sections:
            heading = self.m.section(sid).heading
            self.unplaced.append(Unplaced("section-moved", f"row {index}", " / ".join(
                heading.get(lang, "") for lang in self.m.languages)))
        for move in moves:
            p = self.m.paragraph(move.pid)
            if self._ours_since_export(move, p.mark, placed):
                continue
            if p.mark is not None and p.mark.kind == "delete":  # a deletion has no new place
                self.unplaced.append(Unplaced("moved", f"row {move.at}", " / ".join(
                    p.text(lang) for lang in self.m.languages)))
                continue
            self._move(move, p.mark)

    def _move(self, move: Move, mark: ParagraphMark | None) -> None:
        source, old = self.m.place_of(move.pid)
        if move.after is None:
            target, position = self.m.section(move.section), 0
        else:
            target, position = self.m.place_of(move.after)
            position += 0 if target is source and old < position else 1
        if (target.id, position) == (source.id, old):
            return
        row = move.row
        author = self.author([rp for cell in row.cells.values() for rp in cell],
                             row.mark[1] if row.mark is not None else None)
        self.rec.do(MoveParagraph(move.pid, target.id, position))
        if mark is None or mark.kind == "move":  # a move keeps its first place
            first = (source.id, old) if mark is None else (mark.from_section, mark.from_position)
            self.rec.do(SetMark(move.pid, ParagraphMark("move", author, *first)))
        self._count(author)
        self.report.moved.append((move.pid, move.after, target.id, author.side.value))

    def _ours_since_export(self, move: Move, mark: ParagraphMark | None, placed: set[int]
                           ) -> bool:
        """Whether the row stands where the copy had it and we moved it since (pending)."""
        m = self.m
        if mark is None or mark.kind != "move" or mark.author.side is not m.own_side:
            return False
        if self.base is None:
            return True  # the copy's order is not known: our move stands
        exported = [pid for pid in self.base.rows if pid in placed]
        at = exported.index(move.pid) if move.pid in exported else -1
        return at >= 0 and (exported[at - 1] if at > 0 else None) == move.previous


def move_notes(m: Minutes, report: ImportReport) -> list[Message]:
    """A sentence per paragraph they moved (the numbers before the import)."""
    out = []
    for pid, after, section, side in report.moved:
        said = {"n": m.number(pid) or "·", "side": Message(SIDE_NAMES[side])}
        s = m.section(section)
        name = " / ".join(s.heading[lang] for lang in m.languages if s.heading.get(lang))
        if after is None:
            out.append(Message(N_("Paragraph {n} was moved by the {side} to the start of "
                                  "section “{section}”."), {**said, "section": name}))
        elif m.section_of(pid).id != section:
            out.append(Message(N_("Paragraph {n} was moved by the {side} into section "
                                  "“{section}”, after paragraph {after}."),
                               {**said, "section": name, "after": m.number(after) or "·"}))
        else:
            out.append(Message(N_("Paragraph {n} was moved by the {side} after paragraph "
                                  "{after}."), {**said, "after": m.number(after) or "·"}))
    return out


def new_heading(row: _Row) -> bool:
    """Whether a row without our ids is a heading row they added: numbered ``·`` as our
    heading rows are (and paragraphs of an unnumbered section), its status cell empty (a
    paragraph's names its status), words in a language cell."""
    if row.section is not None or row.status is None or row.number != "·":
        return False
    if row.mark is not None and row.mark[0] != INSERT:
        return False  # a deleted row adds nothing
    return not _cell_text(row.status).strip() and any(
        _cell_text(cell).strip() for cell in row.cells.values())


def _move_names(row: _Row, kind: str) -> set[str]:
    return {piece.move for rp in row.anchors for piece in rp.pieces
            if piece.move and piece.kind == kind}


def link_moved_rows(rows: list[_Row]) -> None:
    """A row moved with Track Changes whose id stayed with its old, deleted copy: the new
    copy (inserted, its words moved from the old one by name) takes the id."""
    old = {name: row for row in rows if row.pid is not None and row.mark is not None
           and row.mark[0] == DELETE for name in _move_names(row, DELETE)}
    for row in rows:
        if row.pid is None and row.section is None and row.mark is not None \
                and row.mark[0] == INSERT:
            source = next((old[n] for n in sorted(_move_names(row, INSERT)) if n in old), None)
            if source is not None and source.pid is not None:
                row.pid, source.pid = source.pid, None
