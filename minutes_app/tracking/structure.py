"""Whole paragraphs inserted, deleted or moved: tracked as revisions once rounds exist."""

from __future__ import annotations

from minutes_app.model import (
    Batch, InsertParagraph, Minutes, MoveParagraph, Operation, Paragraph, ParagraphMark,
    RemoveParagraph, SetMark,
)
from minutes_app.model.track import Author


def _author(m: Minutes, now: str) -> Author:
    return Author(m.own_side, m.working_round, now)


def _own_pending(m: Minutes, mark: ParagraphMark | None, kind: str) -> bool:
    return (mark is not None and mark.kind == kind and mark.author.side is m.own_side
            and mark.author.round == m.working_round)


def insert_paragraph(m: Minutes, section_id: int, position: int, p: Paragraph, now: str
                     ) -> Operation:
    """Insert a paragraph; once rounds exist it is a pending insertion by the own Side."""
    op = InsertParagraph(section_id, position, p)
    if not m.tracking:
        return op
    return Batch((op, SetMark(p.id, ParagraphMark("insert", _author(m, now)))))


def delete_paragraph(m: Minutes, pid: int, now: str) -> Operation:
    """Delete a paragraph; once rounds exist it is marked deleted until a decision."""
    mark = m.paragraph(pid).mark
    if not m.tracking or _own_pending(m, mark, "insert"):
        return RemoveParagraph(pid)  # nobody else has seen it: taking it back leaves no trace
    return SetMark(pid, ParagraphMark("delete", _author(m, now)))


def move_paragraph(m: Minutes, pid: int, section_id: int, position: int, now: str
                   ) -> Operation:
    """Move a paragraph; once rounds exist the move is pending, remembering where it was."""
    op = MoveParagraph(pid, section_id, position)
    mark = m.paragraph(pid).mark
    if not m.tracking or (mark is not None and mark.kind in ("insert", "move")):
        return op  # an inserted paragraph has no old place; a moved one keeps its first
    source = m.section_of(pid)
    old = [p.id for p in source.paragraphs].index(pid)
    moved = ParagraphMark("move", _author(m, now), source.id, old)
    return Batch((op, SetMark(pid, moved)))
