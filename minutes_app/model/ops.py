"""Edit operations on the paragraph level; each returns its inverse and what it changed.

Every change to a document goes through an operation's ``apply`` (the UI wraps it in a
QUndoCommand, the CLI applies it directly), so undo, persistence and redraw share one door.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from minutes_app.errors import N_, ValidationError
from minutes_app.model.change import Change, merged
from minutes_app.model.entities import Comment, Paragraph, ParagraphMark
from minutes_app.model.brackets import Bracket, has_open_brackets, shift
from minutes_app.model.minutes import Minutes
from minutes_app.model.track import Track, current_text, has_changes
from minutes_app.model.types import Lang, LangText, Side, Status
from minutes_app.model.validate import check_text


class Operation(Protocol):
    """A reversible edit of a Minutes document."""

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        """Perform the edit; return the operation that undoes it and what changed."""
        ...


def _one(pid: int) -> Change:
    return Change(paragraphs=frozenset([pid]))


class SetText(NamedTuple):
    """Replace the text of one language of one paragraph (its brackets follow the words).

    ``brackets``, when given, are the paragraph's brackets afterwards as they are (an inverse
    restores them exactly, a bracket choice places its own span).
    """

    pid: int
    lang: Lang
    text: str
    brackets: tuple[Bracket, ...] | None = None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        m.check_lang(self.lang)
        check_text(self.text, N_("Paragraph text"))
        p = m.paragraph(self.pid)
        if self.lang in p.tracks:
            raise ValidationError("This text has pending revisions; edit it as a tracked change.")
        had, old, old_brackets = self.lang in p.texts, p.text(self.lang), p.brackets
        p.texts[self.lang] = self.text
        _place_brackets(p, self.lang, old, self.brackets)
        changed = old_brackets if p.brackets != old_brackets else None
        inverse: Operation = (SetText(self.pid, self.lang, old, changed) if had
                              else _DropText(self.pid, self.lang, changed))
        return inverse, _one(self.pid)


class SetTrack(NamedTuple):
    """Set the current text of one language together with its pending revisions.

    ``brackets`` as in ``SetText``.
    """

    pid: int
    lang: Lang
    text: str
    track: Track | None
    brackets: tuple[Bracket, ...] | None = None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        m.check_lang(self.lang)
        check_text(self.text, N_("Paragraph text"))
        if self.track is not None and current_text(self.track) != self.text:
            raise ValidationError("The revisions do not lead to the text.")
        p = m.paragraph(self.pid)
        had = self.lang in p.texts
        old, old_brackets, old_track = p.text(self.lang), p.brackets, p.tracks.get(self.lang)
        p.texts[self.lang] = self.text
        if self.track is not None and has_changes(self.track):
            p.tracks[self.lang] = self.track
        else:
            p.tracks.pop(self.lang, None)
        _place_brackets(p, self.lang, old, self.brackets)
        changed = old_brackets if p.brackets != old_brackets else None
        inverse: Operation = (SetTrack(self.pid, self.lang, old, old_track, changed) if had
                              else _DropText(self.pid, self.lang, changed))
        return inverse, _one(self.pid)


class _DropText(NamedTuple):
    """The inverse of a language's first text in a paragraph: no entry for it again (so that
    undo restores the saved document exactly, not with an empty text)."""

    pid: int
    lang: Lang
    brackets: tuple[Bracket, ...] | None = None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        old_brackets = p.brackets
        inverse = SetTrack(self.pid, self.lang, p.text(self.lang), p.tracks.get(self.lang),
                           old_brackets if self.brackets is not None else None)
        p.texts.pop(self.lang, None)
        p.tracks.pop(self.lang, None)
        if self.brackets is not None:
            p.brackets = self.brackets
        return inverse, _one(self.pid)


def _place_brackets(p: Paragraph, lang: Lang, old: str,
                    brackets: tuple[Bracket, ...] | None) -> None:
    """Give the paragraph the brackets it has after its text in ``lang`` changed."""
    if brackets is not None:
        p.brackets = brackets
    elif p.brackets:
        p.brackets = shift(p.brackets, lang, old, p.text(lang))


class SetBrackets(NamedTuple):
    """Replace a paragraph's brackets (create, close or drop them)."""

    pid: int
    brackets: tuple[Bracket, ...]

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        inverse = SetBrackets(self.pid, p.brackets)
        p.brackets = self.brackets
        for b in self.brackets:
            m.note_id(b.id)
        # a new bracket took an id: the counter (document data) is saved with the paragraph
        return inverse, Change(paragraphs=frozenset([self.pid]), meta=True)


class SetMark(NamedTuple):
    """Mark a whole paragraph as inserted, deleted or moved (or clear the mark)."""

    pid: int
    mark: ParagraphMark | None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        inverse = SetMark(self.pid, p.mark)
        p.mark = self.mark
        return inverse, _one(self.pid)


class SetStatus(NamedTuple):
    """Set a paragraph's status (and for ad referendum, the Side awaiting confirmation)."""

    pid: int
    status: Status
    ad_ref_side: Side | None = None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        if self.status is Status.AGREED_AD_REF and self.ad_ref_side is None:
            raise ValidationError("Agreed ad referendum needs the Side awaiting confirmation.")
        p = m.paragraph(self.pid)
        if self.status.rank > Status.BRACKETED.rank and has_open_brackets(p):
            raise ValidationError("The paragraph has open brackets: choose an option first.")
        inverse = _RestoreStatus(self.pid, p.status, p.ad_ref_side, dict(p.agreed_texts))
        p.status = self.status
        p.ad_ref_side = self.ad_ref_side if self.status is Status.AGREED_AD_REF else None
        if self.status in (Status.AGREED, Status.AGREED_AD_REF):
            p.agreed_texts = dict(p.texts)  # what both languages said when agreed
        return inverse, _one(self.pid)


class _RestoreStatus(NamedTuple):
    """The inverse of SetStatus: status, ad ref Side and the agreed texts as they were."""

    pid: int
    status: Status
    ad_ref_side: Side | None
    agreed_texts: LangText

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        inverse = _RestoreStatus(self.pid, p.status, p.ad_ref_side, dict(p.agreed_texts))
        p.status, p.ad_ref_side = self.status, self.ad_ref_side
        p.agreed_texts = dict(self.agreed_texts)
        return inverse, _one(self.pid)


class SetGlossary(NamedTuple):
    """Replace the document glossary of agreed equivalents."""

    entries: tuple[tuple[tuple[Lang, str], ...], ...]

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        inverse = SetGlossary(tuple(tuple(e.items()) for e in m.glossary))
        m.glossary = [dict(e) for e in self.entries]
        return inverse, Change(meta=True)


class SetAuthorSides(NamedTuple):
    """Remember which Side DOCX authors belong to (``Ivan Petrov`` → RU)."""

    sides: tuple[tuple[str, Side], ...]

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        inverse = SetAuthorSides(tuple(m.author_sides.items()))
        m.author_sides = dict(self.sides)
        return inverse, Change(meta=True)


class DismissFinding(NamedTuple):
    """Dismiss a conformity finding with a reason (an empty reason restores it)."""

    key: str
    reason: str

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        inverse = DismissFinding(self.key, m.dismissed.get(self.key, ""))
        if self.reason:
            m.dismissed[self.key] = self.reason
        else:
            m.dismissed.pop(self.key, None)
        return inverse, Change(meta=True)


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
        check_text(self.comment.text, N_("Comment"))
        p = m.paragraph(self.pid)
        if any(c.id == self.comment.id for c in p.comments):
            raise ValidationError("Comment {comment_id} already exists.",
                                  comment_id=self.comment.id)
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
        raise ValidationError("Paragraph {pid} has no comment {comment_id}.",
                              pid=self.pid, comment_id=self.comment_id)


class Batch(NamedTuple):
    """Several operations applied as one (one undo step)."""

    ops: tuple[Operation, ...]

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        inverses: list[Operation] = []
        changes: list[Change] = []
        try:
            for op in self.ops:
                inverse, c = op.apply(m)
                inverses.append(inverse)
                changes.append(c)
        except Exception:
            for inverse in reversed(inverses):  # leave the document as it was
                inverse.apply(m)
            raise
        return Batch(tuple(reversed(inverses))), merged(changes)


def new_paragraph(m: Minutes, texts: dict[Lang, str] | None = None) -> Paragraph:
    """A fresh draft paragraph with a never-used id."""
    return Paragraph(id=m.allocate_id(), texts=dict(texts or {}))
