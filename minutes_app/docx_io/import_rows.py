"""A returned working copy as rows: each with its paragraph or section id, its cells by
language (columns found by their header), its number and whole-row tracked change."""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes_app.docx_io.annex_rows import annex_bookmark
from minutes_app.docx_io.headers import header_language
from minutes_app.docx_io.reader import DELETE, Change, ReadDocument, ReadParagraph
from minutes_app.docx_io.working import BOOKMARK_PREFIX, SECTION_PREFIX, STATUS_HEADER
from minutes_app.errors import FileFormatError
from minutes_app.model import Lang, Minutes


@dataclass
class _Row:
    pid: int | None
    cells: dict[Lang, list[ReadParagraph]]
    number: str
    section: int | None = None  # a heading row: the section's id
    anchors: list[ReadParagraph] = field(default_factory=list)  # every cell: where comments sit
    mark: tuple[str, Change] | None = None  # the whole row inserted or deleted, tracked
    annex: tuple[int, int] | None = None  # a free annex's row: (annex index, part)
    status: list[ReadParagraph] | None = None  # the status cell (a consecutive copy: none)


def _languages(header: list[list[ReadParagraph]], fallback: list[Lang]) -> dict[int, Lang]:
    found = {}
    for i, cell in enumerate(header):
        lang = header_language(" ".join(p.text() for p in cell))
        if lang is not None:
            found[i] = lang
    return found or {i + 1: lang for i, lang in enumerate(fallback)}


def main_table(doc: ReadDocument) -> int:
    """The index of our table of paragraphs: the longest in the file."""
    if not any(doc.tables):
        raise FileFormatError("The DOCX has no table of paragraphs: it is not a working copy.")
    return max(range(len(doc.tables)), key=lambda i: len(doc.tables[i]))


def _id(marks: list[str], prefix: str) -> int | None:
    return next((int(b[len(prefix):]) for b in marks
                 if b.startswith(prefix) and b[len(prefix):].isascii()
                 and b[len(prefix):].isdigit()), None)  # "_mp_²" is a digit but no int


def _rows(doc: ReadDocument, m: Minutes) -> list[_Row]:
    from minutes_app.docx_io.consecutive import as_table
    from minutes_app.docx_io.working import column_order

    consecutive = as_table(doc)  # a consecutive copy's paragraphs as rows (None: a table)
    main = -1 if consecutive else main_table(doc)
    table = consecutive or doc.tables[main]
    columns = _languages(table[0], column_order(m))
    status = _status_column(table[0], columns)
    rows = []
    for index, cells in enumerate(table[1:], start=1):
        marks = [b for p in cells[0] for b in p.bookmarks] if cells else []
        texts = {lang: cells[i] for i, lang in columns.items() if i < len(cells)}
        number = " ".join(p.text() for p in cells[0]).strip() if cells else ""
        rows.append(_Row(_id(marks, BOOKMARK_PREFIX), texts, number,
                         _id(marks, SECTION_PREFIX), [p for cell in cells for p in cell],
                         doc.row_marks.get((main, index)), annex_bookmark(marks),
                         cells[status] if status is not None and status < len(cells) else None))
    return rows


def _status_column(header: list[list[ReadParagraph]], languages: dict[int, Lang]) -> int | None:
    """The status column: the last, after the languages, headed as our export heads it."""
    last = len(header) - 1
    if last < 1 or last in languages:
        return None
    return last if " ".join(p.text() for p in header[last]).strip() == STATUS_HEADER else None


def _cell_text(cell: list[ReadParagraph]) -> str:
    """A cell's text, every change accepted; a deleted paragraph mark joins two paragraphs."""
    out = []
    for i, p in enumerate(cell):
        out.append(p.text())
        joined = p.mark is not None and p.mark[0] == DELETE
        if i < len(cell) - 1 and not joined:
            out.append("\n")
    return "".join(out)
