"""Edit operations on the paragraph level; each returns its inverse and what it changed.

Every change to a document goes through an operation's ``apply`` (the UI wraps it in a
QUndoCommand, the CLI applies it directly), so undo, persistence and redraw share one door.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from minutes_app.errors import ValidationError
from minutes_app.model.change import Change
from minutes_app.model.entities import Comment, Paragraph
from minutes_app.model.minutes import Minutes
from minutes_app.model.types import Lang, Side, Status
from minutes_app.model.validate import check_text


class Operation(Protocol):
    """A reversible edit of a Minutes document."""

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        """Perform the edit; return the operation that undoes it and what changed."""
        ...


def _one(pid: int) -> Change:
    return Change(paragraphs=frozenset([pid]))


class SetText(NamedTuple):
    """Replace the text of one language of one paragraph."""

    pid: int
    lang: Lang
    text: str

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        m.check_lang(self.lang)
        check_text(self.text, "Paragraph text")
        p = m.paragraph(self.pid)
        old = p.text(self.lang)
        p.texts[self.lang] = self.text
        return SetText(self.pid, self.lang, old), _one(self.pid)


class SetStatus(NamedTuple):
    """Set a paragraph's status (and for ad referendum, the Side awaiting confirmation)."""

    pid: int
    status: Status
    ad_ref_side: Side | None = None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        if self.status is Status.AGREED_AD_REF and self.ad_ref_side is None:
            raise ValidationError("Agreed ad referendum needs the Side awaiting confirmation.")
        p = m.paragraph(self.pid)
        inverse = SetStatus(self.pid, p.status, p.ad_ref_side)
        p.status = self.status
        p.ad_ref_side = self.ad_ref_side if self.status is Status.AGREED_AD_REF else None
        return inverse, _one(self.pid)


class SetVoice(NamedTuple):
    """Set who speaks in a paragraph: both Sides (None) or one Side."""

    pid: int
    voice: Side | None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        inverse = SetVoice(self.pid, p.voice)
        p.voice = self.voice
        return inverse, _one(self.pid)


class AddComment(NamedTuple):
    """Attach a comment to a paragraph."""

    pid: int
    comment: Comment

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        check_text(self.comment.text, "Comment")
        p = m.paragraph(self.pid)
        if any(c.id == self.comment.id for c in p.comments):
            raise ValidationError(f"Comment {self.comment.id} already exists.")
        p.comments.append(self.comment)
        m.note_id(self.comment.id)
        change = _one(self.pid)._replace(meta=True)  # meta: the id counter moved
        return RemoveComment(self.pid, self.comment.id), change


class RemoveComment(NamedTuple):
    """Remove a comment from a paragraph."""

    pid: int
    comment_id: int

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        for c in p.comments:
            if c.id == self.comment_id:
                p.comments.remove(c)
                return AddComment(self.pid, c), _one(self.pid)
        raise ValidationError(f"Paragraph {self.pid} has no comment {self.comment_id}.")


class Batch(NamedTuple):
    """Several operations applied as one (one undo step)."""

    ops: tuple[Operation, ...]

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        inverses: list[Operation] = []
        change = Change()
        try:
            for op in self.ops:
                inverse, c = op.apply(m)
                inverses.append(inverse)
                change = change | c
        except Exception:
            for inverse in reversed(inverses):  # leave the document as it was
                inverse.apply(m)
            raise
        return Batch(tuple(reversed(inverses))), change


def new_paragraph(m: Minutes, texts: dict[Lang, str] | None = None) -> Paragraph:
    """A fresh draft paragraph with a never-used id."""
    return Paragraph(id=m.allocate_id(), texts=dict(texts or {}))
