"""A returned working copy as rows: each with its paragraph or section id, its cells by
language (columns found by their header), its number and whole-row tracked change."""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes_app.docx_io.annex_rows import ANNEX_PREFIX, annex_bookmark
from minutes_app.docx_io.headers import header_language
from minutes_app.docx_io.reader import DELETE, Cell, Change, ReadDocument, ReadParagraph
from minutes_app.docx_io.working import BOOKMARK_PREFIX, SECTION_PREFIX, STATUS_HEADER
from minutes_app.errors import FileFormatError, MinutesError
from minutes_app.model import Lang, Minutes
from minutes_app.model.validate import MAX_TEXT


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
    # cells no language of ours can take: ("merged" | "added-column", the cell)
    strays: list[tuple[str, list[ReadParagraph]]] = field(default_factory=list)


def _languages(header: list[tuple[int, int, Cell]], fallback: list[Lang]) -> dict[int, Lang]:
    """Grid column → the language its header names (a header spanning columns names none)."""
    found = {}
    for column, span, cell in header:
        lang = header_language(" ".join(p.text() for p in cell))
        if lang is not None and span == 1:
            found[column] = lang
    return found or {i + 1: lang for i, lang in enumerate(fallback)}


def _has_ids(cells: list[Cell]) -> bool:
    """Whether a row carries one of our row ids (a paragraph's, a heading's, an annex's)."""
    return any(b.startswith((BOOKMARK_PREFIX, SECTION_PREFIX, ANNEX_PREFIX))
               for cell in cells for p in cell for b in p.bookmarks)


def main_tables(doc: ReadDocument) -> list[int]:
    """Our table of paragraphs: every table of the body whose rows carry our ids (a table
    split in two is read as one), else the longest table in the file."""
    if not any(doc.tables):
        raise FileFormatError("The DOCX has no table of paragraphs: it is not a working copy.")
    ours = [t for t, rows in enumerate(doc.tables)
            if t not in doc.nested and any(_has_ids(cells) for cells in rows)]
    return ours or [max(range(len(doc.tables)), key=lambda i: len(doc.tables[i]))]


def _id(marks: list[str], prefix: str) -> int | None:
    return next((int(b[len(prefix):]) for b in marks
                 if b.startswith(prefix) and b[len(prefix):].isascii()
                 and b[len(prefix):].isdigit()), None)  # "_mp_²" is a digit but no int


def _texts(cells: list[Cell]) -> list[str]:
    return [" ".join(p.text() for p in cell).strip() for cell in cells]


def _table_rows(doc: ReadDocument, mains: list[int]
                ) -> list[tuple[tuple[int, int], list[tuple[int, int, Cell]]]]:
    """The rows of the tables in ``mains`` as one table: (table, row) and each cell with its
    grid column and span; a part's first row that repeats the header is left out."""
    out: list[tuple[tuple[int, int], list[tuple[int, int, Cell]]]] = []
    header: list[str] | None = None
    for t in mains:
        for r, cells in enumerate(doc.tables[t]):
            if r == 0 and header is not None and not _has_ids(cells) \
                    and _texts(cells) == header:
                continue  # a split table's part whose header row was repeated
            if header is None:
                header = _texts(cells)
            grid = doc.grid.get((t, r)) or [(i, 1) for i in range(len(cells))]
            out.append(((t, r), [(c, s, cell)
                                 for (c, s), cell in zip(grid, cells, strict=False)]))
    return out


def _rows(doc: ReadDocument, m: Minutes) -> tuple[list[_Row], list[Cell]]:
    """The data rows of the table (or a consecutive copy's), each cell placed by its grid
    column, and the header row's cells (a consecutive copy: none); what stands where no
    language of ours is (a column they added, cells merged across columns) is kept in the
    row's ``strays``."""
    from minutes_app.docx_io.consecutive import as_table
    from minutes_app.docx_io.working import column_order

    consecutive = as_table(doc)  # a consecutive copy's paragraphs as rows (None: a table)
    if consecutive is not None:
        table = [((-1, i), [(c, 1, cell) for c, cell in enumerate(cells)])
                 for i, cells in enumerate(consecutive)]
    else:
        table = _table_rows(doc, main_tables(doc))
    columns = _languages(table[0][1], column_order(m))
    status = _status_column(table[0][1], columns)
    vertical = _vertical(doc, [where for where, _placed in table])
    rows = [_row(doc, where, placed, columns, status, vertical)
            for where, placed in table[1:]]
    return rows, [] if consecutive is not None else [cell for _c, _s, cell in table[0][1]]


def _vertical(doc: ReadDocument, order: list[tuple[int, int]]) -> set[tuple[int, int, int]]:
    """The cells (table, row, grid column) merged with a row below or above (``w:vMerge``):
    every continuation (words typed into the lower part of a merge, or one below a row that
    starts none, are never a paragraph's own text) and the merged cell it continues, in the
    row before it in ``order``."""
    at = {where: i for i, where in enumerate(order)}
    out = set()
    for (t, r, column), continues in doc.vmerge.items():
        i = at.get((t, r), 0)
        if not continues or i == 0:
            continue
        out.add((t, r, column))
        if (*order[i - 1], column) in doc.vmerge:
            out.add((*order[i - 1], column))
    return out


def _row(doc: ReadDocument, where: tuple[int, int], placed: list[tuple[int, int, Cell]],
         columns: dict[int, Lang], status: int | None,
         vertical: set[tuple[int, int, int]] = frozenset()) -> _Row:  # type: ignore[assignment]
    first = next((cell for column, _span, cell in placed if column == 0), [])
    marks = [b for p in first for b in p.bookmarks]
    texts: dict[Lang, list[ReadParagraph]] = {}
    number, status_cell, strays = "", None, []
    for column, span, cell in placed:
        if (*where, column) in vertical and (column != 0 or doc.vmerge[(*where, column)]):
            strays.append(("merged-rows", cell))  # one cell over two rows' paragraphs (the
            # number column's upper part keeps the row's number and ids)
        elif span == 1 and column in columns:
            texts[columns[column]] = cell
        elif span == 1 and column == 0:
            number = " ".join(p.text() for p in cell).strip()
        elif span == 1 and column == status:
            status_cell = cell
        elif column != 0 or span > 1:  # merged across columns, or a column we did not write
            covers = any(column <= c < column + span for c in columns)
            strays.append(("merged" if covers else "added-column", cell))
    return _Row(_id(marks, BOOKMARK_PREFIX), texts, number, _id(marks, SECTION_PREFIX),
                [p for _column, _span, cell in placed for p in cell],
                doc.row_marks.get(where), annex_bookmark(marks), status_cell, strays)


def _status_column(header: list[tuple[int, int, Cell]], languages: dict[int, Lang]
                   ) -> int | None:
    """The status column: after the languages, headed as our export heads it (the last such,
    wherever a column they added stands)."""
    for column, span, cell in reversed(header[1:]):
        if column not in languages and span == 1 and \
                " ".join(p.text() for p in cell).strip() == STATUS_HEADER:
            return column
    return None


def _cell_text(cell: list[ReadParagraph], accept: bool = True) -> str:
    """A cell's text, every change accepted (or rejected); a deleted paragraph mark joins two
    paragraphs."""
    out = []
    for i, p in enumerate(cell):
        out.append(p.text(accept))
        joined = p.mark is not None and p.mark[0] == DELETE and accept
        if i < len(cell) - 1 and not joined:
            out.append("\n")
    return "".join(out)


def refuse_long(rows: list[_Row], languages: list[Lang], name: str) -> None:
    """Refuse, naming the file, the row and the language, a text longer than a paragraph may
    be (the model would refuse it without saying where)."""
    for index, row in enumerate(rows, start=1):
        for lang, cell in row.cells.items():
            if lang in languages and len(text := _cell_text(cell)) > MAX_TEXT:
                raise MinutesError(code="import_text_too_long", name=name, row=index,
                                   lang=lang.value.upper(), count=f"{len(text):,}",
                                   limit=f"{MAX_TEXT:,}")
