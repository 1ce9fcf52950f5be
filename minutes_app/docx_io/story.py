"""A DOCX's main story as a reader sees it, and what in it a signing original never holds.

Only the text of runs a reader sees counts (see ``visible``); what the signing writer never
writes is noted by kind where it stands: hidden text, tracked changes, fields, pictures and
text boxes, notes, comments, automatic numbering and parts imported whole (``w:altChunk``).
"""

from __future__ import annotations

import posixpath

from lxml import etree

from minutes_app.docx_io.safety import DocxArchive
from minutes_app.docx_io.visible import W, Styles

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MARGIN_TYPES = ("/header", "/footer")
# text inside these is not the paragraph's own line: a drawing's, a text box's
_OBJECTS = frozenset(f"{W}{t}" for t in ("txbxContent", "drawing", "pict", "object"))
_UNSEEN = frozenset((f"{W}del", f"{W}moveFrom"))  # a tracked deletion is not the final text
_KINDS = {f"{W}{tag}": kind for tag, kind in (
    ("ins", "tracked"), ("del", "tracked"), ("moveFrom", "tracked"), ("moveTo", "tracked"),
    ("fldChar", "field"), ("fldSimple", "field"), ("instrText", "field"),
    ("footnoteReference", "note"), ("endnoteReference", "note"),
    ("commentReference", "comment"), ("commentRangeStart", "comment"),
    ("drawing", "object"), ("pict", "object"), ("object", "object"))}


def run_text(run: etree._Element) -> str:
    """A run's characters: text, tabs, line breaks."""
    out = []
    for child in run:
        if child.tag == f"{W}t":
            out.append(child.text or "")
        elif child.tag == f"{W}tab":
            out.append("\t")
        elif child.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
    return "".join(out)


def _between(element: etree._Element, top: etree._Element) -> set[str]:
    """The tags of ``element``'s ancestors below ``top``."""
    tags: set[str] = set()
    parent = element.getparent()
    while parent is not None and parent is not top:
        tags.add(parent.tag)
        parent = parent.getparent()
    return tags


def _numbered(p: etree._Element, pstyle: str | None, styles: Styles) -> bool:
    direct = p.find(f"{W}pPr/{W}numPr/{W}numId")
    if direct is not None:  # numId 0 takes a style's numbering away
        return direct.get(f"{W}val") not in (None, "0")
    return styles.numbered(pstyle)


def paragraph(p: etree._Element, styles: Styles) -> tuple[str, set[str]]:
    """A paragraph's visible text and the kinds of what it holds that an original must not."""
    style = p.find(f"{W}pPr/{W}pStyle")
    pstyle = style.get(f"{W}val") if style is not None else None
    # what is drawn behind the text: the paragraph's shading, else its table cell's
    cell = next(p.iterancestors(f"{W}tc"), None)
    shd = next((s for s in (p.find(f"{W}pPr/{W}shd"),
                            cell.find(f"{W}tcPr/{W}shd") if cell is not None else None)
                if s is not None and (s.get(f"{W}fill") or "auto").lower() != "auto"), None)
    fill = shd.get(f"{W}fill") if shd is not None else None
    kinds = {"numbering"} if _numbered(p, pstyle, styles) else set()
    grid = next(p.iterancestors(f"{W}tbl"), None)
    tstyle = grid.find(f"{W}tblPr/{W}tblStyle") if grid is not None else None
    table = tstyle.get(f"{W}val") if tstyle is not None else None
    parts = []
    for el in p.iter(f"{W}r", *_KINDS):  # lxml picks the tags: no Python loop over the rest
        kind = _KINDS.get(el.tag)
        if kind is not None:
            kinds.add(kind)
        if el.tag != f"{W}r" or _between(el, p) & (_OBJECTS | _UNSEEN):
            continue
        text = run_text(el)
        if text and styles.hidden(el, pstyle, table, fill):
            if text.strip():
                kinds.add("hidden")
            continue
        parts.append(text)
    return "".join(parts), kinds


def body_lines(root: etree._Element, styles: Styles) -> tuple[list[str], list[tuple[int, str]]]:
    """The main story's paragraphs and, by line, what they hold that an original must not."""
    lines: list[str] = []
    marks: list[tuple[int, str]] = []
    count = 0  # lines so far (a paragraph with a line break is two)
    body = root.find(f"{W}body")
    for el in body.iter(f"{W}p", f"{W}altChunk") if body is not None else ():
        if next(el.iterancestors(*_OBJECTS), None) is not None:
            continue  # a text box's paragraph: its own kind is noted where it stands
        if el.tag == f"{W}altChunk":
            marks.append((count, "chunk"))
            continue
        text, kinds = paragraph(el, styles)
        marks += [(count, kind) for kind in sorted(kinds)]
        lines.append(text)
        count += text.count("\n") + 1
    return lines, marks


def related(archive: DocxArchive, types: tuple[str, ...]) -> list[etree._Element]:
    """The parts the main story refers to by a relationship of one of ``types``."""
    rels = archive.xml("word/_rels/document.xml.rels")
    out = []
    for rel in rels.iter(_REL) if rels is not None else ():
        if (rel.get("TargetMode") or "") != "External" and \
                (rel.get("Type") or "").endswith(types):
            target = posixpath.normpath(posixpath.join("word", rel.get("Target") or ""))
            part = archive.xml(target.lstrip("/"))
            if part is not None:
                out.append(part)
    return out


def part_lines(part: etree._Element) -> list[str]:
    """The lines of a header or footer (every paragraph's text, text boxes' too)."""
    out = []
    for p in part.iter(f"{W}p"):
        runs = [r for r in p.iter(f"{W}r")
                if next(r.iterancestors(f"{W}p"), None) is p and not _between(r, p) & _UNSEEN]
        out.append(" ".join("".join(run_text(r) for r in runs).split()))
    return out
