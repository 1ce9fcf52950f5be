"""Reading tracked changes from any DOCX: Word's, LibreOffice's or ours.

python-docx's ``paragraph.text`` drops the text inside ``w:ins`` and ``w:del``, so the XML is
read here: insertions and deletions (nested ones too: a deletion of another author's insertion),
moves as delete + insert, revisions of whole paragraphs (their paragraph mark), bookmarks and
comments. Neighbouring pieces of one change that a client split (LibreOffice splits at every
Hangul/Latin/digit boundary) are merged back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from minutes_app.docx_io.comment_threads import ThreadInfo, read_threads
from minutes_app.docx_io.safety import DocxArchive
from minutes_app.gcpause import collector_paused

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLAIN, INSERT, DELETE = "=", "+", "-"
_CHANGE = {f"{W}ins": INSERT, f"{W}moveTo": INSERT, f"{W}del": DELETE, f"{W}moveFrom": DELETE}
_CONTAINERS = {f"{W}{t}" for t in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple",
                                   "customXml")}


class Change(NamedTuple):
    """Who made a change and when (as the file says)."""

    author: str
    date: str


class Piece(NamedTuple):
    """A run of text, plain or changed; ``inside`` is the insertion a deletion removes from."""

    kind: str
    text: str
    change: Change | None = None
    inside: Change | None = None


@dataclass
class ReadParagraph:
    """One paragraph of the file, wherever it stands (body or table cell)."""

    pieces: list[Piece] = field(default_factory=list)
    mark: tuple[str, Change] | None = None  # the paragraph mark itself inserted/deleted
    bookmarks: list[str] = field(default_factory=list)
    comment_ids: list[str] = field(default_factory=list)

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


Cell = list[ReadParagraph]


@dataclass
class ReadDocument:
    """The paragraphs in body order, the tables as rows of cells, and the comments."""

    paragraphs: list[ReadParagraph] = field(default_factory=list)
    tables: list[list[list[Cell]]] = field(default_factory=list)
    comments: dict[str, tuple[Change, str]] = field(default_factory=dict)
    threads: dict[str, ThreadInfo] = field(default_factory=dict)  # replies, resolved


def _attr(e: etree._Element, name: str) -> str:
    return e.get(f"{W}{name}") or ""


def _change(e: etree._Element) -> Change:
    return Change(_attr(e, "author"), _attr(e, "date"))


def _run_text(r: etree._Element) -> str:
    out = []
    for c in r:
        tag = c.tag
        if tag in (f"{W}t", f"{W}delText"):
            out.append(c.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("\u2011")
    return "".join(out)


def _walk(node: etree._Element, rp: ReadParagraph, kind: str, change: Change | None,
          inside: Change | None) -> None:
    for c in node:
        tag = c.tag
        if tag == f"{W}r":
            text = _run_text(c)
            if text:
                rp.pieces.append(Piece(kind, text, change, inside))
            ref = c.find(f"{W}commentReference")  # a point comment has only its reference
            if ref is not None and _attr(ref, "id") not in rp.comment_ids:
                rp.comment_ids.append(_attr(ref, "id"))
        elif tag in _CHANGE:
            new = _CHANGE[tag]
            if new == DELETE and kind == INSERT:  # a deletion of inserted words
                _walk(c, rp, DELETE, _change(c), change)
            else:
                _walk(c, rp, new, _change(c), inside)
        elif tag in _CONTAINERS:
            _walk(c, rp, kind, change, inside)
        elif tag == f"{W}bookmarkStart":
            rp.bookmarks.append(_attr(c, "name"))
        elif tag in (f"{W}commentRangeStart", f"{W}commentReference"):
            ident = _attr(c, "id")
            if ident not in rp.comment_ids:
                rp.comment_ids.append(ident)


def _merge(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for p in pieces:
        if out and out[-1][0] == p.kind and out[-1][2:] == p[2:]:
            out[-1] = out[-1]._replace(text=out[-1].text + p.text)
        else:
            out.append(p)
    return out


def read_paragraph(p: etree._Element) -> ReadParagraph:
    """One ``w:p``: its pieces, paragraph-mark revision, bookmarks and comment anchors."""
    rp = ReadParagraph()
    mark = p.find(f"{W}pPr/{W}rPr")
    if mark is not None:
        for c in mark:
            if c.tag in (f"{W}ins", f"{W}del"):
                rp.mark = (_CHANGE[c.tag], _change(c))
    _walk(p, rp, PLAIN, None, None)
    rp.pieces = _merge(rp.pieces)
    return rp


def _table(tbl: etree._Element, doc: ReadDocument) -> list[list[Cell]]:
    rows = []
    for tr in tbl.iter(f"{W}tr"):
        cells = []
        for tc in tr.findall(f"{W}tc"):
            cell = [read_paragraph(p) for p in tc.iter(f"{W}p")]
            doc.paragraphs.extend(cell)
            cells.append(cell)
        rows.append(cells)
    return rows


def _comments(archive: DocxArchive) -> dict[str, tuple[Change, str]]:
    root = archive.xml("word/comments.xml")
    if root is None:
        return {}
    found = {}
    for c in root.findall(f"{W}comment"):
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t"))
                         for p in c.iter(f"{W}p"))
        found[_attr(c, "id")] = (_change(c), text.strip())
    return found


@collector_paused()  # bulk parsing and model building: see gcpause
def read_docx(path: Path) -> ReadDocument:
    """Read every paragraph, table and comment of a DOCX (checked for safety first)."""
    archive = DocxArchive(path)
    try:
        root = archive.xml("word/document.xml")
        doc = ReadDocument(comments=_comments(archive))
        doc.threads = read_threads(archive, archive.xml("word/comments.xml"))
        body = root.find(f"{W}body") if root is not None else None
        if body is None:
            return doc
        for block in body:
            if block.tag == f"{W}p":
                doc.paragraphs.append(read_paragraph(block))
            elif block.tag == f"{W}tbl":
                doc.tables.append(_table(block, doc))
        return doc
    finally:
        archive.close()


def revisions_json(doc: ReadDocument) -> list[dict[str, object]]:
    """Every tracked change and comment of a DOCX, for ``minutes-app revisions FILE.docx``."""
    out: list[dict[str, object]] = []
    for index, rp in enumerate(doc.paragraphs):
        if rp.mark is not None:  # the paragraph mark: a paragraph break inserted or deleted
            kind, ch = rp.mark
            out.append({"paragraph": index, "kind": "insert" if kind == INSERT else "delete",
                        "scope": "paragraph-mark", "text": "¶", "author": ch.author,
                        "date": ch.date})
        for p in rp.pieces:
            if p.kind != PLAIN and p.change is not None:
                out.append({"paragraph": index, "kind": "insert" if p.kind == INSERT
                            else "delete", "scope": "text", "text": p.text,
                            "author": p.change.author, "date": p.change.date,
                            "inside": p.inside.author if p.inside else None})
        for cid in rp.comment_ids:
            if cid in doc.comments:
                ch, text = doc.comments[cid]
                out.append({"paragraph": index, "kind": "comment", "scope": "comment",
                            "text": text, "author": ch.author, "date": ch.date})
    return out
