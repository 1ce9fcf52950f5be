"""What an import of a returned working copy did (or would do), for the front ends to say."""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes_app.docx_io.import_notes import FormatNote
from minutes_app.docx_io.unplaced import Unplaced
from minutes_app.errors import Message, MinutesError, english
from minutes_app.i18n.messages import N_
from minutes_app.model import Round


@dataclass
class ImportReport:
    """What an import did (or would do)."""

    round: Round | None = None
    by_side: dict[str, int] = field(default_factory=dict)
    touched: list[int] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    # paragraphs they moved: (id, the paragraph it follows or None: first, section, Side)
    moved: list[tuple[int, int | None, int, str]] = field(default_factory=list)
    comments: int = 0
    uncertain: list[Message] = field(default_factory=list)  # said by i18n.messages
    sha256: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # every author met → its Side
    headings: list[int] = field(default_factory=list)  # sections whose heading was revised
    annexes: list[tuple[int, int]] = field(default_factory=list)  # (annex number, part) revised
    unplaced: list[Unplaced] = field(default_factory=list)  # accepted by the user
    notes: list[FormatNote] = field(default_factory=list)  # words marked without tracking
    own_round: Round | None = None  # our round, sent as the working copy: record it first
    # against the copy as exported (three-way): texts where our later edits were kept,
    # paragraphs given a bracket for a conflict, headings and annex parts holding one in text
    kept: int = 0
    conflicts: list[int] = field(default_factory=list)
    text_conflicts: int = 0
    accepted_in_word: int = 0  # our pending revisions they accepted in Word (still pending)

    def summary(self) -> Message:
        """What the import did, for the front ends to say."""
        return Message(N_("Imported round {number}: {touched} paragraphs and {headings} headings "
                          "revised, {inserted} new, {deleted} deleted, {comments} comments."), {
            "number": self.round.number if self.round else "?", "touched": len(self.touched),
            "headings": len(self.headings),
            "inserted": len(self.inserted), "deleted": len(self.deleted),
            "comments": self.comments})


class UncertainRowsError(MinutesError):
    """Rows lost their paragraph ids and only look like paragraphs: the user must confirm."""

    def __init__(self, rows: list[Message]) -> None:
        super().__init__(N_("{n} row(s) of the returned file lost their paragraph id and only "
                            "look like paragraphs of the minutes; nothing was imported (import "
                            "with --accept-uncertain to take them as those paragraphs):"),
                         n=len(rows))
        self.details = list(rows)
        self.message += "".join(f"\n- {english(d)}" for d in self.details)  # English, for logs
        self.rows = rows
