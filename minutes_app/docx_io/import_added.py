"""Rows a returned copy adds or lacks: their new paragraphs, rows that lost their ids (matched
by number and likeness, asked first), heading rows they added or removed (listed), and the
paragraphs whose rows are gone (deleted by them)."""

from __future__ import annotations

from collections.abc import Callable

from minutes_app.docx_io.export_base import ExportBase
from minutes_app.docx_io.import_report import ImportReport
from minutes_app.docx_io.import_rows import _cell_text, _Row
from minutes_app.docx_io.matching import RowMatcher
from minutes_app.docx_io.reader import DELETE, Change, ReadDocument, ReadParagraph
from minutes_app.docx_io.unplaced import Unplaced
from minutes_app.docx_io.working import BOOKMARK_PREFIX
from minutes_app.errors import Message
from minutes_app.i18n.messages import N_
from minutes_app.model import InsertParagraph, Minutes, Paragraph, ParagraphMark, SetMark, Side
from minutes_app.model.track import Author
from minutes_app.tracking.merge import Recorder


class RowsAddedRemoved:
    """The import's handling of rows added, unidentified or gone (``_Importer`` holds the
    state named below)."""

    m: Minutes
    doc: ReadDocument
    rec: Recorder
    report: ImportReport
    from_side: Side
    now: str
    base: ExportBase | None
    round_number: int
    unplaced: list[Unplaced]

    author: Callable[[list[ReadParagraph], Change | None], Author]  # who made a row's changes
    _count: Callable[[Author], None]  # one more change by the author's Side
    _comments: Callable[[_Row, int], None]  # a row's comments onto its paragraph (RowMarks)

    def _new_paragraph(self, row: _Row, after: int | None, start: int | None = None) -> int:
        """A row they added: after the paragraph row above it, or first in the section of
        the heading row above (``start``)."""
        texts = {lang: _cell_text(cell) for lang, cell in row.cells.items()
                 if lang in self.m.languages}
        fresh = Paragraph(self.m.allocate_id(), texts)
        under = next((s for s in self.m.sections if s.id == start), None)
        if after is not None:
            section, index = self.m.place_of(after)
            position = index + 1
        else:
            section = under or next(s for s in self.m.sections if s.numbered)
            position = 0
        self.rec.do(InsertParagraph(section.id, position, fresh))
        author = self.author([rp for cell in row.cells.values() for rp in cell],
                              row.mark[1] if row.mark else None)
        self.rec.do(SetMark(fresh.id, ParagraphMark("insert", author)))
        self._count(author)
        self.report.inserted.append(fresh.id)
        self._comments(row, fresh.id)
        return fresh.id

    def _guess(self, row: _Row, matcher: RowMatcher, after: int | None, taken: bool
               ) -> int | None:
        """A row that lost its id: the paragraph with its number and similar text, if any
        (``taken``: the user accepts such rows as the paragraphs they look like)."""
        texts = {lang: _cell_text(c) for lang, c in row.cells.items()}
        found = matcher.guess(texts, row.number, after)
        if found is None:
            return None
        best, alike = found
        said = (N_("A row without its paragraph id was imported as paragraph {n}, which it "
                   "looks like ({score:.0%} alike).") if taken else
                N_("A row without its paragraph id looks like paragraph {n} ({score:.0%} alike)."))
        self.report.uncertain.append(Message(said, {"n": self.m.number(best), "score": alike}))
        return best

    def _heading_added(self, row: _Row, index: int) -> None:
        """A heading row they added: listed (a section added is not tracked by Side)."""
        changes = [piece.change for cell in row.cells.values() for rp in cell
                   for piece in rp.pieces if piece.change is not None]
        changes += [row.mark[1]] if row.mark is not None else []
        text = " / ".join(_cell_text(row.cells[lang]) for lang in self.m.languages
                          if lang in row.cells)
        self.unplaced.append(Unplaced("heading-added", f"row {index}", text,
                                      changes[-1].author if changes else ""))

    def _missing_headings(self, rows: list[_Row]) -> None:
        """A heading row they removed cannot be placed: a heading is not deleted on import."""
        found = {r.section for r in rows if r.section is not None
                 and (r.mark is None or r.mark[0] != DELETE)}
        if not any(r.section is not None for r in rows) or not self.m.rounds:
            return  # a file that carries no heading rows at all
        sent = {sid for sid, _pids in self.m.rounds[-1].order}  # not ours added since
        for s in self.m.sections:
            if s.id in sent and s.id not in found and (s.numbered or any(s.heading.values())):
                text = " / ".join(s.heading.get(lang, "") for lang in self.m.languages)
                self.unplaced.append(Unplaced("heading-removed", f"section {s.id}", text))

    def _row_deleted(self, change: Change, pid: int) -> None:
        author = self.author([], change)
        self.rec.do(SetMark(pid, ParagraphMark("delete", author)))
        self._count(author)
        self.report.deleted.append(pid)

    def _deleted(self, known: dict[int, Paragraph], seen: set[int]) -> None:
        """Paragraphs whose row is gone: deleted by the returning Side. A row whose id is
        still in the file where it cannot be read (a table in a cell) is listed instead."""
        where = {b: index for index, rp in enumerate(self.doc.paragraphs) for b in rp.bookmarks
                 if b.startswith(BOOKMARK_PREFIX)}
        for pid in known:
            if self.base is not None and pid not in self.base.rows:
                continue  # added here since the export: they never saw it
            at = where.get(f"{BOOKMARK_PREFIX}{pid}")
            if pid not in seen and at is not None:
                rp = self.doc.paragraphs[at]
                self.unplaced.append(Unplaced("row-unread", f"paragraph {at}",
                                              rp.text() or rp.text(accept=False)))
            elif pid not in seen and known[pid].mark is None:
                author = Author(self.from_side, self.round_number, self.now)
                self.rec.do(SetMark(pid, ParagraphMark("delete", author)))
                self._count(author)
                self.report.deleted.append(pid)
