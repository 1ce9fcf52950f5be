"""The Minutes document: structure, lookup and derived paragraph numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minutes_app.errors import ValidationError
from minutes_app.model.entities import Meeting, Paragraph, Party, Round, Section, Settings
from minutes_app.model.types import Lang, Side, Status

if TYPE_CHECKING:
    from minutes_app.model.annexes import AlternatPair, Annex


@dataclass
class Minutes:
    """One document: meeting, parties, languages, sections, rounds, settings."""

    meeting: Meeting = field(default_factory=Meeting)
    parties: dict[Side, Party] = field(default_factory=dict)
    languages: list[Lang] = field(default_factory=lambda: [Lang.KO, Lang.EN])
    own_side: Side = Side.KR
    sections: list[Section] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    next_id: int = 1
    author_sides: dict[str, Side] = field(default_factory=dict)  # DOCX author names → Sides
    glossary: list[dict[Lang, str]] = field(default_factory=list)  # agreed equivalents
    dismissed: dict[str, str] = field(default_factory=dict)  # finding key → reason
    spelling_ignore: list[str] = field(default_factory=list)  # words never flagged here
    annexes: list[Annex] = field(default_factory=list)  # numbered I, II, ... in this order
    pairs: list[AlternatPair] = field(default_factory=list)  # pairs named in both orders
    # which document this is: given when its file is first created (copies of the file keep
    # it), carried by its working copies, so a copy of another document is told apart
    document_id: str = ""
    _numbers: dict[int, int] | None = field(default=None, repr=False, compare=False)
    _where: dict[int, Section] | None = field(default=None, repr=False, compare=False)
    # pid → its index in its section when last seen; checked before use, so never wrong
    _hints: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    # -- identity -------------------------------------------------------------
    def allocate_id(self) -> int:
        """A fresh id for a paragraph, section or comment; ids are never reused."""
        new_id = self.next_id
        self.next_id += 1
        return new_id

    def note_id(self, used: int) -> None:
        """Keep the id counter past an id that entered the document."""
        self.next_id = max(self.next_id, used + 1)

    # -- lookup ---------------------------------------------------------------
    def paragraphs(self) -> list[Paragraph]:
        """All paragraphs in document order."""
        return [p for s in self.sections for p in s.paragraphs]

    def section_of(self, pid: int) -> Section:
        """The section holding paragraph ``pid``."""
        where = self._where
        if where is None:
            where = {p.id: s for s in self.sections for p in s.paragraphs}
            self._where = where
        try:
            return where[pid]
        except KeyError:
            raise ValidationError("There is no paragraph with id {pid}.", pid=pid) from None

    def has_paragraph(self, pid: int) -> bool:
        """True when paragraph ``pid`` is in the document."""
        try:
            self.section_of(pid)
        except ValidationError:
            return False
        return True

    def paragraph(self, pid: int) -> Paragraph:
        """The paragraph with id ``pid``."""
        section, index = self.place_of(pid)
        return section.paragraphs[index]

    def place_of(self, pid: int) -> tuple[Section, int]:
        """The section holding paragraph ``pid`` and its index there."""
        section = self.section_of(pid)
        paragraphs = section.paragraphs
        index = self._hints.get(pid, -1)
        # the hint saves a scan of the section for each of thousands of inserted rows
        if not (0 <= index < len(paragraphs) and paragraphs[index].id == pid):
            index = [p.id for p in paragraphs].index(pid)
            self._hints[pid] = index
        return section, index

    def section(self, sid: int) -> Section:
        """The section with id ``sid``."""
        for s in self.sections:
            if s.id == sid:
                return s
        raise ValidationError("There is no section with id {sid}.", sid=sid)

    def section_index(self, sid: int) -> int:
        """Position of section ``sid`` in the document."""
        return self.sections.index(self.section(sid))

    def party(self, side: Side) -> Party:
        """The Party of ``side``."""
        try:
            return self.parties[side]
        except KeyError:
            raise ValidationError("The document has no party for side {side}.",
                                  side=side.value) from None

    # -- derived numbers ------------------------------------------------------
    def number(self, pid: int) -> int | None:
        """The derived number of a paragraph (None in an unnumbered section)."""
        numbers = self._numbers
        if numbers is None:
            numbers = self._compute_numbers()
            self._numbers = numbers
        if pid not in numbers:
            self.section_of(pid)  # raises for an unknown id
            return None
        return numbers[pid]

    def _compute_numbers(self) -> dict[int, int]:
        numbers: dict[int, int] = {}
        n = 0
        for s in self.sections:
            if not s.numbered:
                continue
            for p in s.paragraphs:
                n += 1
                numbers[p.id] = n
        return numbers

    def paragraph_inserted(self, section: Section, index: int) -> None:
        """Keep the lookups after one paragraph went in (cheaper than ``structure_changed``)."""
        pid = section.paragraphs[index].id
        if self._where is not None:
            self._where[pid] = section
        self._hints[pid] = index
        self._numbers = None

    def paragraph_removed(self, pid: int) -> None:
        """Keep the lookups after one paragraph went out (cheaper than ``structure_changed``)."""
        if self._where is not None:
            self._where.pop(pid, None)
        self._hints.pop(pid, None)
        self._numbers = None

    def structure_changed(self) -> None:
        """Forget derived numbers and lookups after sections or paragraphs moved."""
        self._numbers = None
        self._where = None

    def status_counts(self) -> dict[Status, int]:
        """How many paragraphs have each status."""
        from minutes_app.model.brackets import status_of

        counts = {s: 0 for s in Status}
        for p in self.paragraphs():
            counts[status_of(p)] += 1
        return counts

    @property
    def tracking(self) -> bool:
        """Edits are tracked as revisions once a first round has been exchanged."""
        return bool(self.rounds)

    @property
    def working_round(self) -> int:
        """The round that edits made now belong to."""
        return len(self.rounds) + 1

    def check_lang(self, lang: Lang) -> None:
        """Raise unless ``lang`` is one of the document's languages."""
        if lang not in self.languages:
            names = ", ".join(x.value for x in self.languages)
            raise ValidationError("Language {lang!r} is not in this document ({names}).",
                                  lang=lang.value, names=names)
