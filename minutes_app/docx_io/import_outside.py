"""Around the rows of a returned working copy: whose copy it is (its title block's marks) and
what it changed outside the rows (listed for the user to accept)."""

from __future__ import annotations

from pathlib import Path

from minutes_app.docx_io.import_rows import main_tables
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
