"""Pure-Python document model: the concepts, their operations and inverses, validation."""

from importlib import import_module
from typing import TYPE_CHECKING

from minutes_app.model.annexes import AlternatPair, Annex, SetAnnexes, SetPairs
from minutes_app.model.change import Change
from minutes_app.model.entities import (
    Comment, Meeting, Paragraph, ParagraphMark, Party, Person, Round, Section, Settings,
)
from minutes_app.model.minutes import Minutes
from minutes_app.model.types import Lang, LangText, Side, Status, lang_text

if TYPE_CHECKING:
    from minutes_app.model.ops import (
        AddComment, Batch, DismissFinding, Operation, RemoveComment, SetAuthorSides,
        SetBrackets, SetGlossary,
        SetMark, SetStatus, SetText, SetTrack, SetVoice, new_paragraph,
    )
    from minutes_app.model.structure import (
        InsertParagraph, InsertSection, MoveParagraph, MoveSection, RemoveParagraph,
        RemoveSection, SetHeadingTrack, SetMeeting, SetOwnSide, SetParty, SetSectionHeading,
        SetSettings,
    )

# The edit operations load when first asked for (``from minutes_app.model import SetText``):
# reading a document and showing it needs none of them, and their modules cost start-up time.
_LAZY = {
    **dict.fromkeys(("AddComment", "Batch", "DismissFinding", "Operation", "RemoveComment",
                     "SetAuthorSides", "SetBrackets", "SetGlossary", "SetMark", "SetStatus",
                     "SetText", "SetTrack", "SetVoice", "new_paragraph"),
                    "minutes_app.model.ops"),
    **dict.fromkeys(("InsertParagraph", "InsertSection", "MoveParagraph", "MoveSection",
                     "RemoveParagraph", "RemoveSection", "SetHeadingTrack", "SetMeeting",
                     "SetOwnSide", "SetParty", "SetSectionHeading", "SetSettings"),
                    "minutes_app.model.structure"),
}


def __getattr__(name: str) -> object:
    """An edit operation, its module imported on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # once: later lookups find it without this function
    return value


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
