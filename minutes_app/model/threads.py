"""Comment threads: replies answer the first comment of a thread, which is resolved or open."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, NamedTuple

from minutes_app.errors import ValidationError
from minutes_app.model.change import Change
from minutes_app.model.entities import Comment, Paragraph
from minutes_app.model.minutes import Minutes

if TYPE_CHECKING:
    from minutes_app.model.ops import Operation


def thread_root(p: Paragraph, comment_id: int) -> Comment:
    """The first comment of the thread holding ``comment_id``."""
    by_id = {c.id: c for c in p.comments}
    if comment_id not in by_id:
        raise ValidationError("Paragraph {pid} has no comment {comment_id}.", pid=p.id,
                              comment_id=comment_id)
    c = by_id[comment_id]
    while c.parent is not None and c.parent in by_id:
        c = by_id[c.parent]
    return c


def threads(p: Paragraph) -> list[tuple[Comment, list[Comment]]]:
    """Each thread of a paragraph: its first comment and its replies, in order."""
    ids = {c.id for c in p.comments}
    roots = [c for c in p.comments if c.parent is None or c.parent not in ids]
    out = []
    for root in roots:
        out.append((root, [c for c in p.comments
                           if c is not root and thread_root(p, c.id).id == root.id]))
    return out


class SetCommentResolved(NamedTuple):
    """Resolve (or reopen) the thread of a comment."""

    pid: int
    comment_id: int
    resolved: bool

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        root = thread_root(p, self.comment_id)
        p.comments[p.comments.index(root)] = dataclasses.replace(root, resolved=self.resolved)
        inverse = SetCommentResolved(self.pid, root.id, root.resolved)
        return inverse, Change(paragraphs=frozenset([self.pid]))


def open_threads(p: Paragraph) -> int:
    """How many threads of a paragraph are not resolved."""
    return sum(1 for root, _replies in threads(p) if not root.resolved)


__all__ = ["SetCommentResolved", "open_threads", "thread_root", "threads"]
