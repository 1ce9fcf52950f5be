"""Around the rows of a returned working copy: whose copy it is (its title block's marks) and
what it changed outside the rows (listed for the user to accept)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from minutes_app.docx_io.import_notes import FormatNote
from minutes_app.docx_io.import_rows import _Row, main_tables
from minutes_app.docx_io.part_places import HOLDERS, held
from minutes_app.docx_io.reader import ReadDocument, ReadParagraph, read_docx
from minutes_app.docx_io.unplaced import Unplaced, expected_outside, find_unplaced
from minutes_app.docx_io.working import DOCUMENT_PREFIX
from minutes_app.errors import MinutesError
from minutes_app.model import Minutes


def _expected_outside(m: Minutes, layout: str) -> dict[str, set[str]]:
    """What our export writes outside its table (title block, header), by scope: read from
    the working copy of these minutes without their sections (some 20 ms)."""
    import dataclasses
    import tempfile

    from minutes_app.docx_io.working import write_working

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bare.docx"
        write_working(dataclasses.replace(m, sections=[], _numbers=None, _where=None), path,
                      layout=layout)
        return expected_outside(read_docx(path))


def unplaced_outside(m: Minutes, doc: ReadDocument) -> list[Unplaced]:
    """What lies outside the rows (the table, or a consecutive copy's marked paragraphs)."""
    from minutes_app.docx_io.consecutive import read_back

    back = read_back(doc)
    if back is not None:
        consumed = {id(rp) for rp in back.consumed}
        return find_unplaced(doc, set(), _expected_outside(m, "consecutive"), consumed) + \
            _languages_apart(doc, back.orders)
    return find_unplaced(doc, set(main_tables(doc)), _expected_outside(m, "side-by-side"))


def _languages_apart(doc: ReadDocument,
                     orders: dict[str, list[tuple[str, str, ReadParagraph]]]) -> list[Unplaced]:
    """A consecutive copy whose languages put a paragraph or heading in different places:
    the rows follow the first language; each place another language disagrees is listed."""
    from minutes_app.docx_io.import_moves import heaviest

    langs = list(orders)
    if len(langs) < 2:
        return []
    first = {(kind, ident): i for i, (kind, ident, _rp) in enumerate(orders[langs[0]])}
    at = {id(rp): index for index, rp in enumerate(doc.paragraphs)}
    out = []
    for lang in langs[1:]:
        shared = [(kind, ident, rp) for kind, ident, rp in orders[lang]
                  if (kind, ident) in first and kind in "ps"]
        kept = heaviest([first[(kind, ident)] for kind, ident, _rp in shared],
                        [1] * len(shared))
        out += [Unplaced("languages-apart", f"paragraph {at.get(id(rp), 0)}", rp.text())
                for i, (_kind, _ident, rp) in enumerate(shared) if i not in kept]
    return out


def first_marks(doc: ReadDocument) -> list[str]:
    """The bookmarks of the copy's title block (the document's id, the export's base)."""
    return [b for rp in doc.paragraphs[:8] for b in rp.bookmarks]


def same_document(m: Minutes, doc: ReadDocument, path: Path) -> None:
    """Refuse a working copy exported from another document (its first title names that
    document's id). A copy without the mark (written before it existed, or by another tool)
    and a document without an id (an older file) are matched by their rows, as before."""
    marks = [b[len(DOCUMENT_PREFIX):] for rp in doc.paragraphs[:8] for b in rp.bookmarks
             if b.startswith(DOCUMENT_PREFIX)]
    if marks and m.document_id and m.document_id not in marks:
        raise MinutesError(code="import_other_document", name=path.name)


class PlaceNames:
    """Our rows' places in a returned file as the window names them (a paragraph's number and
    the language of its cell, a heading's text), taken before the import changes the minutes:
    what cannot be placed, and the formatting notes, are listed by them, never by the file's
    paragraph count or an id; what a text box or a note holds, by the place that holds it.
    The rows (``rows``: the importer's, with the header row's cells) are read only when
    something is to be named (most imports place everything)."""

    def __init__(self, m: Minutes, doc: ReadDocument,
                 rows: Callable[[], tuple[list[_Row], list[list[ReadParagraph]]]]) -> None:
        self.doc, self.rows_of = doc, rows
        self.numbers = {p.id: m.number(p.id) for p in m.paragraphs()}
        self.texts = {s.id: dict(s.heading) for s in m.sections}
        self.headings = {s.id: _heading_text(m, s.id) for s in m.sections}
        self.cells: dict[int, str] = {}  # the file's paragraph index → "paragraph 15, en"
        self.rows: dict[int, str] = {}  # … → "the row of paragraph 15" (the row itself)
        self.ours: set[int] = set()  # the paragraphs of our table, its header row's too
        self.data_rows: dict[int, str] = {}  # the table's n-th row after its header → …
        self.read = False

    def _read(self) -> None:
        rows, header = self.rows_of()
        index = {id(rp): i for i, rp in enumerate(self.doc.paragraphs)}
        self.ours = {index[id(rp)] for rp in [*(p for cell in header for p in cell),
                                              *(p for row in rows for p in row.anchors)]
                     if id(rp) in index}
        for n, row in enumerate(rows, start=1):
            number = self.numbers.get(row.pid) if row.pid is not None and row.annex is None \
                else None
            sid = row.section
            name = (f"the row of paragraph {number}" if number is not None
                    else f"heading “{self.headings[sid]}”" if sid is not None
                    and self.headings.get(sid) else "")
            if name:
                self.data_rows[n] = name
                self.rows.update((index[id(rp)], name) for rp in row.anchors
                                 if id(rp) in index)
            for lang, cell in row.cells.items():
                heading = self.texts.get(sid, {}).get(lang, "") if sid is not None else ""
                if heading:  # named by its words, as the window names a heading
                    at = f"heading “{_short(heading)}”, {lang.value}"
                elif number is not None:
                    at = f"paragraph {number}, {lang.value}"
                elif sid is None:  # an annex's row, or one they added (not yet numbered)
                    at = f"row {n}, {lang.value}"
                else:
                    continue
                self.cells.update((index[id(rp)], at) for rp in cell if id(rp) in index)

    def _ensure_read(self) -> None:
        if not self.read:
            self.read = True
            with contextlib.suppress(MinutesError):  # not a table of ours: the import says so
                self._read()

    def name(self, unplaced: list[Unplaced]) -> list[Unplaced]:
        """``unplaced`` with each place in our rows named as the window names it."""
        if unplaced:
            self._ensure_read()
        return [u._replace(location=self.place(u.location, u.scope)) for u in unplaced]

    def name_notes(self, notes: list[FormatNote]) -> list[FormatNote]:
        """The formatting notes, each place in our rows named as the window names it."""
        if notes:
            self._ensure_read()
        return [n._replace(location=self.place(n.location)) for n in notes]

    def place(self, location: str, scope: str = "") -> str:
        """A recorded place (``paragraph 37`` of the file…) as the window names it."""
        holder, sep, inner = location.partition(" in ")
        if sep and holder in HOLDERS:  # a text box, a note: by the place holding it
            return held(holder, self.place(inner))
        where, _sep, n = location.rpartition(" ")
        if not n.isdigit():
            return location
        if scope in ("heading", "heading-removed") and where == "section":
            return scope  # the text is the heading: no place to add (ids are ours)
        if where == "heading of section":
            heading = self.headings.get(int(n))
            return f"heading “{heading}”" if heading else location
        if where == "paragraph":
            return self.cells.get(int(n)) or self.rows.get(int(n), location)
        if where == "row":  # the n-th row after the header (``import_columns``)
            return self.data_rows.get(int(n), location)
        if where == "row at paragraph":
            return self.rows.get(int(n), "table row")
        if where == "table at paragraph":
            return "our table" if int(n) in self.ours else "table"
        return location


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _heading_text(m: Minutes, section_id: int) -> str:
    """A section's heading in the interface's language when the document has it."""
    from minutes_app.i18n.catalog import current_language

    section = m.section(section_id)
    ui = next((lang for lang in m.languages if lang.value == current_language()), None)
    text = section.heading.get(ui or m.languages[0], "") or next(
        (section.heading.get(lang, "") for lang in m.languages if section.heading.get(lang)), "")
    return _short(text)
