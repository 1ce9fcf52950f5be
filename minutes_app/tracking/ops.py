"""Tracked edits: the operation every text edit becomes once rounds are exchanged."""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.model import (
    Change, Lang, Minutes, Operation, SetHeadingTrack, SetSectionHeading, SetText, SetTrack,
)
from minutes_app.model.track import Author, plain
from minutes_app.tracking.diff import retrack


class EditText(NamedTuple):
    """Change the current text of one language, recording the change as ``author``'s."""

    pid: int
    lang: Lang
    text: str
    author: Author

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        p = m.paragraph(self.pid)
        old = p.text(self.lang)
        track = retrack(p.tracks.get(self.lang) or plain(old), self.text, self.author)
        return SetTrack(self.pid, self.lang, self.text, track).apply(m)


def edit_text(m: Minutes, pid: int, lang: Lang, text: str, now: str) -> Operation:
    """The operation for a user's edit: tracked once a round has been exchanged."""
    if m.tracking:
        return EditText(pid, lang, text, Author(m.own_side, m.working_round, now))
    return SetText(pid, lang, text)


class EditHeading(NamedTuple):
    """Change a section heading in one language, recording the change as ``author``'s."""

    section_id: int
    lang: Lang
    text: str
    author: Author

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        s = m.section(self.section_id)
        old = s.heading.get(self.lang, "")
        track = retrack(s.tracks.get(self.lang) or plain(old), self.text, self.author)
        return SetHeadingTrack(self.section_id, self.lang, self.text, track).apply(m)


def edit_heading(m: Minutes, section_id: int, lang: Lang, text: str, now: str) -> Operation:
    """The operation for a user's heading edit: tracked once a round has been exchanged."""
    if m.tracking:
        return EditHeading(section_id, lang, text, Author(m.own_side, m.working_round, now))
    return SetSectionHeading(section_id, lang, text)
