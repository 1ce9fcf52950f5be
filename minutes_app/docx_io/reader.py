"""Reading tracked changes from any DOCX: Word's, LibreOffice's or ours.

python-docx's ``paragraph.text`` drops the text inside ``w:ins`` and ``w:del``, so the XML is
read here: insertions and deletions (nested ones too: a deletion of another author's insertion),
moves (a deletion and an insertion carrying the name of their move range), revisions of whole
paragraphs (their paragraph mark), bookmarks and comments (each once, where its range starts).
Content controls, custom XML and smart tags are looked through at every level; a table nested
in a cell is its own table. Changes where an import cannot place them (headers, footers, notes,
text boxes, formatting) are listed in ``ReadDocument.elsewhere`` by ``reader_parts``.
Neighbouring pieces of one change that a client split (LibreOffice splits at every
Hangul/Latin/digit boundary) are merged back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from minutes_app.docx_io import run_content as rc
from minutes_app.docx_io.run_content import run_text
from minutes_app.docx_io.comment_threads import ThreadInfo, read_comments, read_threads
from minutes_app.docx_io.safety import DocxArchive
from minutes_app.docx_io.table_grid import cell_props, grid_number
from minutes_app.gcpause import collector_paused

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLAIN, INSERT, DELETE = "=", "+", "-"
_CHANGE = {f"{W}ins": INSERT, f"{W}moveTo": INSERT, f"{W}del": DELETE, f"{W}moveFrom": DELETE}
_MOVES = {f"{W}moveFrom": "from", f"{W}moveTo": "to"}
_RANGE_STARTS = {f"{W}moveFromRangeStart": "from", f"{W}moveToRangeStart": "to"}
# looked through inside a paragraph, and around blocks, rows and cells
_CONTAINERS = {f"{W}{t}" for t in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple",
                                   "customXml", "dir", "bdo")}
_BLOCK_CONTAINERS = {f"{W}{t}" for t in ("sdt", "sdtContent", "customXml")}

_COMMENT_MARKS = (f"{W}commentRangeStart", f"{W}commentReference")
_COMMENT_REF = f"{W}commentReference"  # a comment's end (a point comment has only it)


class Change(NamedTuple):
    """Who made a change and when (as the file says)."""

    author: str
    date: str


class Piece(NamedTuple):
    """A run of text, plain or changed; ``inside`` is the insertion a deletion removes from.

    ``move`` names the move range (``w:name``) when the change is half of a move.
    """

    kind: str
    text: str
    change: Change | None = None
    inside: Change | None = None
    move: str = ""


@dataclass
class ReadParagraph:
    """One paragraph of the file, wherever it stands (body or table cell)."""

    pieces: list[Piece] = field(default_factory=list)
    mark: tuple[str, Change] | None = None  # the paragraph mark itself inserted/deleted
    bookmarks: list[str] = field(default_factory=list)
    comment_ids: list[str] = field(default_factory=list)
    # comments whose range started in an earlier paragraph and ends (its reference) here
    comment_ends: list[str] = field(default_factory=list)
    mark_inside: Change | None = None  # who inserted a paragraph mark another author deleted
    mark_move: str = ""  # the move range a moved paragraph mark belongs to
    table: int = -1  # the table holding the paragraph (-1: the body)
    # bookmarks of bracket spans (``_mb_<id>_<lang>``): where they start and end in the text
    anchors: dict[str, tuple[int, int]] = field(default_factory=dict)
    # what it holds that is not its text: hidden words, equations, pictures… (``run_content``)
    notes: tuple[rc.Note, ...] = ()

    def text(self, accept: bool = True) -> str:
        """The text with every change accepted (or rejected)."""
        keep = (PLAIN, INSERT) if accept else (PLAIN, DELETE)
        out = []
        for p in self.pieces:
            if p.kind == DELETE and p.inside is not None and not accept:
                continue  # deleted words of an insertion were never in the original
            if p.kind in keep:
                out.append(p.text)
        return "".join(out)

    @property
    def changed(self) -> bool:
        """True when the paragraph holds any tracked change (text or mark)."""
        return self.mark is not None or any(p.kind != PLAIN for p in self.pieces)


Cell = list[ReadParagraph]


class Elsewhere(NamedTuple):
    """A tracked change where an import cannot place it; ``scope`` names the place."""

    scope: str  # header | footer | footnote | endnote | textbox | format | cell
    kind: str  # insert | delete | format
    text: str
    change: Change
    # the part ("word/header1.xml"), "paragraph N" of the body, "table cell", "table row"...
    location: str
    paragraph: int | None = None  # the body paragraph (of the cell, the row) it stands in
    detail: str = ""  # a formatting change: the properties it changed ("b,jc")


@dataclass
class ReadDocument:
    """The paragraphs in body order, the tables as rows of cells, and the comments."""

    paragraphs: list[ReadParagraph] = field(default_factory=list)
    tables: list[list[list[Cell]]] = field(default_factory=list)
    comments: dict[str, tuple[Change, str]] = field(default_factory=dict)
    elsewhere: list[Elsewhere] = field(default_factory=list)
    # paragraphs outside the body: scope (header, footer, footnote, endnote, textbox) → them
    parts: dict[str, list[ReadParagraph]] = field(default_factory=dict)
    # whole table rows inserted or deleted (``w:trPr/w:ins|w:del``): (table, row) → change
    row_marks: dict[tuple[int, int], tuple[str, Change]] = field(default_factory=dict)
    threads: dict[str, ThreadInfo] = field(default_factory=dict)  # replies, resolved
    # where each cell of a table row stands in the table's grid: (table, row) → (first grid
    # column, columns spanned) per cell (``w:gridBefore``, ``w:gridSpan``, ``w:hMerge``); a
    # row whose cell i simply stands in column i is not listed
    grid: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    # cells merged vertically (``w:vMerge``): (table, row, first grid column) → True where the
    # cell continues the one above, False where a merge starts
    vmerge: dict[tuple[int, int, int], bool] = field(default_factory=dict)
    nested: set[int] = field(default_factory=set)  # tables that stand in another's cell
    # text in ``mc:AlternateContent`` placed among a paragraph's runs: (paragraph, text)
    alternates: list[tuple[int, str]] = field(default_factory=list)
    # the same in headers, footers and notes: (their place, ``part_places``, text)
    part_alternates: list[tuple[str, str]] = field(default_factory=list)
    # a paragraph outside the body (by ``id``) → its place: "header of section 1", "text box
    # in paragraph 12", "footnote in paragraph 9" (``reader_parts``)
    places: dict[int, str] = field(default_factory=dict)
    # a footnote's or endnote's paragraph (by ``id``) → the body paragraph that cites the note
    notes_at: dict[int, int] = field(default_factory=dict)


def _attr(e: etree._Element, name: str) -> str:
    return e.get(f"{W}{name}") or ""


def _change(e: etree._Element) -> Change:
    return Change(_attr(e, "author"), _attr(e, "date"))


_R = f"{W}r"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE = f"{_MC}AlternateContent"
_SDT, _MATH = f"{W}sdt", rc.MATH
_BOOKMARK, _BOOKMARK_END = f"{W}bookmarkStart", f"{W}bookmarkEnd"
ANCHOR_PREFIX = "_mb_"  # a bracket's span (docx_io.working writes them)
_P, _TBL = f"{W}p", f"{W}tbl"
_TRPR, _GRID_BEFORE = f"{W}trPr", f"{W}gridBefore"
_ROW_CHANGES = {f"{W}ins", f"{W}del"}
_MARK_PATH = f"{W}pPr/{W}rPr"


class _State:
    """What carries across paragraphs: open move ranges, comments met, comment starts pending."""

    def __init__(self) -> None:
        self.moves = {"from": "", "to": ""}
        self.seen_comments: set[str] = set()
        self.pending: list[str] = []  # comment ranges started between paragraphs
        self.hosts: list[tuple[etree._Element, int]] = []  # runs with drawings, their ¶
        self.index = 0  # the index the paragraph being read will have
        self.anchors: dict[str, tuple[str, int]] = {}  # open bracket bookmarks: id → name, start
        # the paragraphs' indexes, kept only when formatting changes need them
        self.index_of: dict[etree._Element, int] | None = None
        self.alternates: list[tuple[int, str]] = []  # text met in mc:AlternateContent
        self.looks: rc.Looks | None = None  # hidden or marked runs to look for (else none)

    def comment(self, rp: ReadParagraph, ident: str, end: bool = False) -> None:
        if ident and ident not in self.seen_comments:
            self.seen_comments.add(ident)
            rp.comment_ids.append(ident)
        elif end and ident and ident not in rp.comment_ids and ident not in rp.comment_ends:
            rp.comment_ends.append(ident)


def _walk(node: etree._Element, rp: ReadParagraph, st: _State, kind: str,
          change: Change | None, inside: Change | None, move: str) -> None:
    for c in node:
        tag = c.tag
        if tag == _R:
            text = run_text(c, rp, st, kind)
            if st.looks is not None and kind != DELETE and text:
                text = rc.looked(c, text, rp, st, untracked=kind == PLAIN)
            if text:
                rp.pieces.append(Piece(kind, text, change, inside, move))
        elif tag in _CHANGE:
            new = _CHANGE[tag]
            name = (st.moves[_MOVES[tag]] or f"id{_attr(c, 'id')}") if tag in _MOVES else ""
            if new == DELETE and kind == INSERT:  # a deletion of inserted words
                _walk(c, rp, st, DELETE, _change(c), change, name)
            else:
                _walk(c, rp, st, new, _change(c), inside, name or move)
        elif tag in _CONTAINERS:
            if tag != _SDT or not rc.showing_placeholder(c):  # a placeholder: no one's text
                _walk(c, rp, st, kind, change, inside, move)
        elif tag in _RANGE_STARTS:
            st.moves[_RANGE_STARTS[tag]] = _attr(c, "name")
        elif tag == _BOOKMARK:
            rp.bookmarks.append(_attr(c, "name"))
            if _attr(c, "name").startswith(ANCHOR_PREFIX):
                st.anchors[_attr(c, "id")] = (_attr(c, "name"), _offset(rp))
        elif tag == _BOOKMARK_END and _attr(c, "id") in st.anchors:
            name, start = st.anchors.pop(_attr(c, "id"))
            rp.anchors[name] = (start, _offset(rp))
        elif tag in _COMMENT_MARKS:
            st.comment(rp, _attr(c, "id"), end=tag == _COMMENT_REF)
        elif tag == _ALTERNATE:
            _alternate(c, st)
        elif tag in _MATH and kind != DELETE:  # an equation: no text an import can place
            rp.notes += (rc.Note("equation", rc.math_text(c), at=_offset(rp)),)


def _alternate(node: etree._Element, st: _State) -> None:
    """Runs in ``mc:AlternateContent`` among a paragraph's runs: Word shows one of its choices,
    which an import cannot place as text; the first choice's text is noted to be listed."""
    choice = next(iter(node), None)
    if choice is None:
        return
    found = ReadParagraph()
    _walk(choice, found, st, PLAIN, None, None, "")
    text = found.text() or found.text(accept=False)
    if text.strip():
        st.alternates.append((st.index, text))


def _offset(rp: ReadParagraph) -> int:
    """Where the paragraph's text (changes accepted) stands so far."""
    return sum(len(p.text) for p in rp.pieces if p.kind != DELETE)


def _merge(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for p in pieces:
        if out and out[-1][0] == p.kind and out[-1][2:] == p[2:]:
            out[-1] = out[-1]._replace(text=out[-1].text + p.text)
        else:
            out.append(p)
    return out


def _mark(p: etree._Element, rp: ReadParagraph, st: _State) -> None:
    """The paragraph mark's revisions: inserted, deleted (both by two authors), moved."""
    mark = p.find(_MARK_PATH)
    if mark is None:
        return
    found = {c.tag: c for c in mark if c.tag in _CHANGE}
    ins = found.get(f"{W}ins")
    gone = found.get(f"{W}del")
    moved = found.get(f"{W}moveFrom")
    arrived = found.get(f"{W}moveTo")
    if moved is not None:
        rp.mark, rp.mark_move = (DELETE, _change(moved)), st.moves["from"]
    elif arrived is not None:
        rp.mark, rp.mark_move = (INSERT, _change(arrived)), st.moves["to"]
    if gone is not None:
        rp.mark = (DELETE, _change(gone))
        if ins is not None:  # inserted by one author, deleted by another: both kept
            rp.mark_inside = _change(ins)
    elif ins is not None and rp.mark is None:
        rp.mark = (INSERT, _change(ins))


def read_paragraph(p: etree._Element, state: _State | None = None) -> ReadParagraph:
    """One ``w:p``: its pieces, paragraph-mark revision, bookmarks and comment anchors."""
    st = state or _State()
    rp = ReadParagraph()
    for ident in st.pending:
        st.comment(rp, ident)
    st.pending.clear()
    _walk(p, rp, st, PLAIN, None, None, "")
    _mark(p, rp, st)  # after the walk: Word starts the move range after w:pPr
    rp.pieces = _merge(rp.pieces)
    if rp.notes:
        rp.notes = rc.merged(rp.notes)
    return rp


class _BodyReader:
    """Walks blocks (body, cells) through content controls and custom XML."""

    def __init__(self, doc: ReadDocument, st: _State) -> None:
        self.doc, self.st = doc, st
        self.table = -1

    def blocks(self, parent: etree._Element, sink: list[ReadParagraph] | None) -> None:
        for c in parent:
            tag = c.tag
            if tag == _P:
                self.st.index = len(self.doc.paragraphs)
                if self.st.index_of is not None:
                    self.st.index_of[c] = self.st.index
                rp = read_paragraph(c, self.st)
                rp.table = self.table
                self.doc.paragraphs.append(rp)
                if sink is not None:
                    sink.append(rp)
            elif tag == _TBL:
                self.read_table(c)
            elif tag in _BLOCK_CONTAINERS:
                if tag != _SDT or not rc.showing_placeholder(c):  # a placeholder: no text
                    self.blocks(c, sink)
            elif tag in _RANGE_STARTS:
                self.st.moves[_RANGE_STARTS[tag]] = _attr(c, "name")
            elif tag == f"{W}commentRangeStart":
                self.st.pending.append(_attr(c, "id"))
            elif tag == _ALTERNATE:
                self.alternate(c)

    def alternate(self, node: etree._Element) -> None:
        """Paragraphs in ``mc:AlternateContent`` between blocks: Word shows one choice, which
        an import cannot place; the first choice's text is noted to be listed."""
        choice = next(iter(node), None)
        found = [read_paragraph(p) for p in choice.iter(_P)] if choice is not None else []
        text = "\n".join(rp.text() or rp.text(accept=False) for rp in found)
        if text.strip():
            self.st.alternates.append((len(self.doc.paragraphs), text))

    def read_table(self, tbl: etree._Element) -> None:
        """A table, once, as its own table (a nested one too); its index is taken first."""
        rows: list[list[Cell]] = []
        outer, self.table = self.table, len(self.doc.tables)
        if outer >= 0:
            self.doc.nested.add(self.table)
        self.doc.tables.append(rows)
        for tr in _children(tbl, f"{W}tr"):
            column = 0
            props = tr.find(_TRPR)
            for c in props if props is not None else ():
                if c.tag in _ROW_CHANGES:
                    self.doc.row_marks[(self.table, len(rows))] = (_CHANGE[c.tag], _change(c))
                elif c.tag == _GRID_BEFORE:
                    column = grid_number(c, 0)
            cells: list[Cell] = []
            grid: list[tuple[int, int]] = []
            for tc in _children(tr, f"{W}tc"):
                cell: Cell = []
                self.blocks(tc, cell)
                span, vertical, joined = cell_props(tc)
                if cells and joined:  # a legacy horizontal merge: one cell with the one before
                    cells[-1].extend(cell)
                    grid[-1] = (grid[-1][0], grid[-1][1] + span)
                else:
                    cells.append(cell)
                    grid.append((column, span))
                    if vertical is not None:
                        self.doc.vmerge[(self.table, len(rows), column)] = vertical
                column += span
            if column != len(grid):  # a column skipped, spanned or joined
                self.doc.grid[(self.table, len(rows))] = grid  # else cell i in column i
            rows.append(cells)
        self.table = outer


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """The ``tag`` children of ``parent``, looking through content controls and custom XML."""
    out = []
    for c in parent:
        if c.tag == tag:
            out.append(c)
        elif c.tag in _BLOCK_CONTAINERS:
            out.extend(_children(c, tag))
    return out


@collector_paused()  # bulk parsing and model building: see gcpause
def read_docx(path: Path) -> ReadDocument:
    """Read every paragraph, table and comment of a DOCX (checked for safety first)."""
    from minutes_app.docx_io import reader_parts

    archive = DocxArchive(path)
    try:
        root = archive.xml("word/document.xml")
        raw, archive.raw = archive.raw, b""  # its bytes, before another part is parsed
        doc = ReadDocument(comments={k: (Change(a, d), text) for k, (a, d, text)
                                     in read_comments(archive).items()})
        doc.threads = read_threads(archive, archive.xml("word/comments.xml"))
        body = root.find(f"{W}body") if root is not None else None
        if root is None or body is None:
            return doc
        st = _State()
        if next(root.iter(*reader_parts.FORMAT_CHANGES, *reader_parts.NOTE_REFERENCES),
                None) is not None:  # where they stand is said by the body paragraph's index
            st.index_of = {}
        styles = archive.xml("word/styles.xml")  # what hides words, here and in the parts
        st.looks = rc.Looks.for_document(root, styles, raw)
        del raw  # its bytes are not needed while the tree is read
        _BodyReader(doc, st).blocks(body, None)
        doc.alternates = st.alternates
        reader_parts.read_elsewhere(archive, root, doc, st, styles)
        return doc
    finally:
        archive.close()
