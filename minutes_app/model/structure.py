"""Structural and metadata operations: paragraphs and sections in, out and around."""

from __future__ import annotations

from typing import Any, NamedTuple


from minutes_app.errors import N_, ValidationError
from minutes_app.model.change import Change
from minutes_app.model.entities import (
    Meeting, Paragraph, Party, Person, Section, Settings,
)
from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import Operation
from minutes_app.model.track import Track, current_text, has_changes
from minutes_app.model.types import Lang, Side
from minutes_app.model.validate import check_index, check_text


def _positions_from(section: Section, start: int) -> frozenset[int]:
    """Paragraphs whose stored position changes when the list changes at ``start``."""
    return frozenset(p.id for p in section.paragraphs[start:])


def _all_ids(m: Minutes) -> set[int]:
    return {p.id for p in m.paragraphs()} | {s.id for s in m.sections}


class InsertParagraph(NamedTuple):
    """Insert a paragraph into a section at an index."""

    section_id: int
    position: int
    paragraph: Paragraph

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        section = m.section(self.section_id)
        check_index(self.position, len(section.paragraphs), N_("Paragraph"))
        pid = self.paragraph.id
        if m.has_paragraph(pid) or any(s.id == pid for s in m.sections):
            raise ValidationError("Id {paragraph_id} is already used in this document.",
                                  paragraph_id=pid)
        for lang, text in self.paragraph.texts.items():
            m.check_lang(lang)
            check_text(text, N_("Paragraph text"))
        section.paragraphs.insert(self.position, self.paragraph.copy())
        m.note_id(pid)
        m.paragraph_inserted(section, self.position)
        touched = _positions_from(section, self.position)
        change = Change(paragraphs=touched, meta=True, structure=True)
        return RemoveParagraph(pid), change


class RemoveParagraph(NamedTuple):
    """Remove a paragraph; its id is never given to another paragraph."""

    pid: int

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        section, index = m.place_of(self.pid)
        removed = section.paragraphs.pop(index)
        m.paragraph_removed(self.pid)
        change = Change(
            paragraphs=_positions_from(section, index),
            removed_paragraphs=frozenset([self.pid]),
            structure=True,
        )
        return InsertParagraph(section.id, index, removed), change


class MoveParagraph(NamedTuple):
    """Move a paragraph to an index in a section (possibly another one)."""

    pid: int
    section_id: int
    position: int

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        source, old_index = m.place_of(self.pid)
        target = m.section(self.section_id)
        limit = len(target.paragraphs) - (1 if target is source else 0)
        check_index(self.position, limit, N_("Paragraph"))
        paragraph = source.paragraphs.pop(old_index)
        m.paragraph_removed(self.pid)
        target.paragraphs.insert(self.position, paragraph)
        # kept up to date, not rebuilt: an import moving thousands of rows would rebuild the
        # lookup over every paragraph for each (the others stay in their sections)
        m.paragraph_inserted(target, self.position)
        start = min(old_index, self.position) if source is target else old_index
        touched = _positions_from(source, start)
        touched |= _positions_from(target, self.position) | {self.pid}
        inverse = MoveParagraph(self.pid, source.id, old_index)
        return inverse, Change(paragraphs=touched, structure=True)


class InsertSection(NamedTuple):
    """Insert a section (with any paragraphs it holds) at an index."""

    position: int
    section: Section

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        check_index(self.position, len(m.sections), N_("Section"))
        used = _all_ids(m)
        new_ids = {self.section.id} | {p.id for p in self.section.paragraphs}
        if used & new_ids or len(new_ids) != len(self.section.paragraphs) + 1:
            raise ValidationError("The section or one of its paragraphs reuses an id.")
        section = self.section.copy()
        m.sections.insert(self.position, section)
        m.note_id(max(new_ids))
        m.structure_changed()
        change = Change(
            paragraphs=frozenset(p.id for p in section.paragraphs),
            sections=frozenset(s.id for s in m.sections[self.position:]),
            meta=True,
            structure=True,
        )
        return RemoveSection(section.id), change


class RemoveSection(NamedTuple):
    """Remove a section and the paragraphs it holds."""

    section_id: int

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        index = m.section_index(self.section_id)
        removed = m.sections.pop(index)
        m.structure_changed()
        change = Change(
            removed_paragraphs=frozenset(p.id for p in removed.paragraphs),
            sections=frozenset(s.id for s in m.sections[index:]),
            removed_sections=frozenset([removed.id]),
            structure=True,
        )
        return InsertSection(index, removed), change


class MoveSection(NamedTuple):
    """Move a section to another index."""

    section_id: int
    position: int

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        old_index = m.section_index(self.section_id)
        check_index(self.position, len(m.sections) - 1, N_("Section"))
        m.sections.insert(self.position, m.sections.pop(old_index))
        m.structure_changed()
        touched = frozenset(s.id for s in m.sections[min(old_index, self.position):])
        return MoveSection(self.section_id, old_index), Change(sections=touched, structure=True)


class SetSectionHeading(NamedTuple):
    """Replace a section heading in one language."""

    section_id: int
    lang: Lang
    text: str

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        m.check_lang(self.lang)
        check_text(self.text, N_("Section heading"))
        section = m.section(self.section_id)
        if self.lang in section.tracks:
            raise ValidationError("This heading has pending revisions; edit it as a tracked "
                                  "change.")
        inverse: Operation = (SetSectionHeading(self.section_id, self.lang,
                                                section.heading[self.lang])
                              if self.lang in section.heading
                              else _DropHeading(self.section_id, self.lang))
        section.heading[self.lang] = self.text
        return inverse, Change(sections=frozenset([self.section_id]))


class SetHeadingTrack(NamedTuple):
    """Set a heading's current text in one language together with its pending revisions."""

    section_id: int
    lang: Lang
    text: str
    track: Track | None

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        m.check_lang(self.lang)
        check_text(self.text, "Section heading")
        if self.track is not None and current_text(self.track) != self.text:
            raise ValidationError("The revisions do not lead to the text.")
        s = m.section(self.section_id)
        inverse: Operation = (SetHeadingTrack(self.section_id, self.lang, s.heading[self.lang],
                                              s.tracks.get(self.lang))
                              if self.lang in s.heading else _DropHeading(self.section_id,
                                                                          self.lang))
        s.heading[self.lang] = self.text
        if self.track is not None and has_changes(self.track):
            s.tracks[self.lang] = self.track
        else:
            s.tracks.pop(self.lang, None)
        return inverse, Change(sections=frozenset([self.section_id]))


class _DropHeading(NamedTuple):
    """The inverse of a language's first heading text: no entry for it again."""

    section_id: int
    lang: Lang

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        s = m.section(self.section_id)
        inverse = SetHeadingTrack(self.section_id, self.lang, s.heading.get(self.lang, ""),
                                  s.tracks.get(self.lang))
        s.heading.pop(self.lang, None)
        s.tracks.pop(self.lang, None)
        return inverse, Change(sections=frozenset([self.section_id]))


class SetMeeting(NamedTuple):
    """Replace the meeting metadata as a whole (the values are immutable)."""

    meeting: Meeting

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        if self.meeting.ordinal < 1:
            raise ValidationError("The meeting ordinal must be 1 or more.")
        if self.meeting.end and self.meeting.end < self.meeting.start:
            raise ValidationError("The meeting ends before it starts.")
        old, m.meeting = m.meeting, self.meeting
        return SetMeeting(old), Change(meta=True)


class SetMeetingText(NamedTuple):
    """Set one per-language text field of the meeting (``body``, ``venue``…, or a head of
    delegation's ``heads.KR.title``) in one language, reading the meeting as it is when
    applied (several in one Batch each keep the others)."""

    field: str
    lang: Lang
    text: str

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        import dataclasses

        m.check_lang(self.lang)
        owner, name = _meeting_owner(m.meeting, self.field)
        old = getattr(owner, name, None) if name in _TEXT_FIELDS_OF[type(owner)] else None
        if not isinstance(old, dict):
            raise ValidationError("The meeting has no text field {field}.", field=self.field)
        check_text(self.text, N_("Meeting details"))
        texts: dict[str, Any] = {name: {**old, self.lang: self.text}}
        if isinstance(owner, Meeting):
            return SetMeeting(dataclasses.replace(m.meeting, **texts)).apply(m)
        side = Side[self.field.split(".")[1]]
        heads = {**m.meeting.heads, side: dataclasses.replace(owner, **texts)}
        return SetMeeting(dataclasses.replace(m.meeting, heads=heads)).apply(m)


_TEXT_FIELDS_OF: dict[type, tuple[str, ...]] = {
    Meeting: ("body", "body_alternat", "next_body", "format", "venue", "place"),
    Person: ("name", "title", "organisation"),
}


def _meeting_owner(meeting: Meeting, field: str) -> tuple[Meeting | Person, str]:
    """The meeting or the head of delegation ``field`` names, and the field's own name."""
    parts = field.split(".")
    if len(parts) == 3 and parts[0] == "heads" and parts[1] in Side.__members__:
        return meeting.heads.get(Side[parts[1]], Person()), parts[2]
    return meeting, field


class SetParty(NamedTuple):
    """Replace one Party's official names."""

    party: Party

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        old = m.parties.get(self.party.side)
        m.parties[self.party.side] = self.party
        inverse: Operation = SetParty(old) if old else _DropParty(self.party)
        return inverse, Change(meta=True)


class _DropParty(NamedTuple):
    party: Party

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        del m.parties[self.party.side]
        return SetParty(self.party), Change(meta=True)


class SetSettings(NamedTuple):
    """Replace the document settings."""

    settings: Settings

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        if self.settings.layout not in ("consecutive", "side-by-side"):
            raise ValidationError("Unknown layout {settings_layout!r}.",
                                  settings_layout=self.settings.layout)
        old, m.settings = m.settings, self.settings
        return SetSettings(old), Change(meta=True)


class SetOwnSide(NamedTuple):
    """Say which Side keeps this copy: its edits and comments are recorded as that Side's."""

    side: Side

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        old, m.own_side = m.own_side, self.side
        return SetOwnSide(old), Change(meta=True)
