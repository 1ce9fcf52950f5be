"""The concepts of an agreed-minutes document (see DESIGN.md, section 2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minutes_app.model.track import Author, Track
from minutes_app.model.types import Lang, LangText, Side, Status

if TYPE_CHECKING:
    from minutes_app.model.brackets import Bracket


@dataclass(frozen=True)
class Person:
    """A head of delegation or other named person; every string per language."""

    name: LangText = field(default_factory=dict)
    title: LangText = field(default_factory=dict)
    organisation: LangText = field(default_factory=dict)


@dataclass(frozen=True)
class Party:
    """A delegation's country with its official names (never babel's colloquial ones)."""

    side: Side
    name: LangText = field(default_factory=dict)
    side_name: LangText = field(default_factory=dict)
    delegation: LangText = field(default_factory=dict)


@dataclass(frozen=True)
class Meeting:
    """What, when and where: the metadata of the title block and closing formula."""

    body: LangText = field(default_factory=dict)
    body_alternat: LangText = field(default_factory=dict)  # the name with the other Side first
    next_body: LangText = field(default_factory=dict)
    ordinal: int = 1
    start: dt.date = dt.date(2020, 1, 1)
    end: dt.date | None = None
    format: LangText = field(default_factory=dict)
    venue: LangText = field(default_factory=dict)
    place: LangText = field(default_factory=dict)
    heads: dict[Side, Person] = field(default_factory=dict)
    text_order: Side = Side.KR  # whose order the negotiated text uses when naming the pair

    @property
    def last_day(self) -> dt.date:
        """The day the minutes are signed: the end date, or the start for a one-day meeting."""
        return self.end or self.start


@dataclass(frozen=True)
class Settings:
    """Per-document settings with their defaults in one place."""

    us_date_order: bool = False
    latin_font: str = "Times New Roman"
    korean_font: str = "Batang"
    layout: str = "consecutive"
    signature_heading: str = "government"  # government | side | delegation
    prevailing: str = ""  # the language code of the text that prevails, or none


@dataclass(frozen=True)
class Comment:
    """A remark on a paragraph, carrying the Side that made it (and the person, when known).

    A reply names the comment it answers (``parent``, the first of its thread); a thread is
    resolved or open as its first comment says.
    """

    id: int
    side: Side
    text: str
    created: str = ""
    lang: Lang | None = None
    author: str = ""
    parent: int | None = None
    resolved: bool = False


@dataclass(frozen=True)
class ParagraphMark:
    """A whole paragraph inserted, deleted or moved by a Side, pending a decision."""

    kind: str  # "insert" | "delete" | "move"
    author: Author
    from_section: int = 0  # for a move: where the paragraph was
    from_position: int = 0


@dataclass
class Paragraph:
    """A numbered paragraph: per-language text, voice, status and comments; the id is stable.

    ``texts`` is always the current text; ``tracks`` holds, per language, the pending
    revisions that lead to it from the agreed baseline (absent when there are none).
    """

    id: int
    texts: LangText = field(default_factory=dict)
    voice: Side | None = None
    status: Status = Status.DRAFT
    ad_ref_side: Side | None = None
    comments: list[Comment] = field(default_factory=list)
    tracks: dict[Lang, Track] = field(default_factory=dict)
    mark: ParagraphMark | None = None
    brackets: tuple[Bracket, ...] = ()  # disputed words anchored to the texts
    agreed_texts: LangText = field(default_factory=dict)  # the texts when last agreed

    def text(self, lang: Lang) -> str:
        """The text in ``lang`` (empty when untranslated)."""
        return self.texts.get(lang, "")

    def copy(self) -> Paragraph:
        """A deep enough copy to keep as an inverse or snapshot."""
        return dataclasses.replace(self, texts=dict(self.texts), comments=list(self.comments),
                                   tracks=dict(self.tracks),
                                   agreed_texts=dict(self.agreed_texts))


@dataclass
class Section:
    """A heading per language holding paragraphs; unnumbered sections hold the preamble.

    The heading is negotiated text like a paragraph's: ``tracks`` holds, per language, the
    pending revisions that lead to ``heading`` (absent when there are none). Section ids share
    the id space of paragraphs, so a round's snapshot keeps both in one map.
    """

    id: int
    heading: LangText = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    numbered: bool = True
    tracks: dict[Lang, Track] = field(default_factory=dict)

    def copy(self) -> Section:
        """A copy holding copies of its paragraphs."""
        return dataclasses.replace(
            self, heading=dict(self.heading), paragraphs=[p.copy() for p in self.paragraphs],
            tracks=dict(self.tracks),
        )


@dataclass(frozen=True)
class Round:
    """An immutable snapshot of the text as it was exchanged."""

    number: int
    side: Side
    time: str
    note: str = ""
    texts: dict[int, LangText] = field(default_factory=dict)
    order: tuple[tuple[int, tuple[int, ...]], ...] = ()
    # free annexes: per annex its heading then its paragraphs (a delegation list: empty)
    annexes: tuple[tuple[LangText, ...], ...] = ()
    # delegation lists: per Side its members (rounds sent before they were held: none)
    delegations: tuple[tuple[Side, tuple[Person, ...]], ...] = ()
    # per annex (as ``annexes``) its key, "" for none (rounds sent before annexes had keys: ())
    annex_keys: tuple[str, ...] = ()
