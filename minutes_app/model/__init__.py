"""Pure-Python document model: the concepts, their operations and inverses, validation."""

from minutes_app.model.annexes import AlternatPair, Annex, SetAnnexes, SetPairs
from minutes_app.model.change import Change
from minutes_app.model.entities import (
    Comment, Meeting, Paragraph, ParagraphMark, Party, Person, Round, Section, Settings,
)
from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import (
    AddComment, Batch, DismissFinding, Operation, RemoveComment, SetAuthorSides,
    SetBrackets, SetGlossary,
    SetMark, SetStatus, SetText, SetTrack, SetVoice, new_paragraph,
)
from minutes_app.model.structure import (
    InsertParagraph, InsertSection, MoveParagraph, MoveSection, RemoveParagraph, RemoveSection,
    SetHeadingTrack, SetMeeting, SetOwnSide, SetParty, SetSectionHeading, SetSettings,
)
from minutes_app.model.types import Lang, LangText, Side, Status, lang_text

__all__ = [
    "AddComment",
    "AlternatPair",
    "Annex",
    "Batch",
    "Change",
    "Comment",
    "DismissFinding",
    "InsertParagraph",
    "InsertSection",
    "Lang",
    "LangText",
    "Meeting",
    "Minutes",
    "MoveParagraph",
    "MoveSection",
    "Operation",
    "Paragraph",
    "ParagraphMark",
    "Party",
    "Person",
    "RemoveComment",
    "RemoveParagraph",
    "RemoveSection",
    "Round",
    "Section",
    "SetAnnexes",
    "SetAuthorSides",
    "SetBrackets",
    "SetGlossary",
    "SetHeadingTrack",
    "SetMark",
    "SetMeeting",
    "SetOwnSide",
    "SetPairs",
    "SetParty",
    "SetSectionHeading",
    "SetSettings",
    "SetStatus",
    "SetText",
    "SetTrack",
    "SetVoice",
    "Settings",
    "Side",
    "Status",
    "lang_text",
    "new_paragraph",
]
