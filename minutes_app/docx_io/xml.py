"""WordprocessingML building blocks: small functions, each named after what it emits.

python-docx has no tracked-change API, and its table API is quadratic on large tables, so the
writers build paragraphs, runs, revisions and table rows here, at the lxml level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

from minutes_app.model import Lang

Element = etree._Element
_HANGUL = re.compile("[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Fonts:
    """The fonts of one document: Latin and East Asian faces."""

    latin: str = "Times New Roman"
    korean: str = "Batang"


class Ids:
    """Unique ids for revisions and bookmarks within one file (deterministic order)."""

    def __init__(self, start: int = 1000) -> None:
        self.next = start

    def take(self) -> str:
        """A fresh id."""
        self.next += 1
        return str(self.next)


def el(tag: str, parent: Element | None = None, **attrs: str) -> Element:
    """An element ``w:tag`` (or other prefix) with ``w:`` attributes."""
    attributes = {qn(k if ":" in k else f"w:{k}"): v for k, v in attrs.items()}
    if parent is None:
        return etree.Element(qn(tag), attributes)
    return etree.SubElement(parent, qn(tag), attributes)


def run_props(parent: Element, lang: Lang | None, fonts: Fonts, bold: bool = False,
              size_pt: float | None = None, italic: bool = False,
              colour: str | None = None) -> Element:
    """``w:rPr`` in schema order: fonts, bold, italic, colour, size, language."""
    rpr = el("w:rPr", parent)
    el("w:rFonts", rpr, ascii=fonts.latin, hAnsi=fonts.latin, eastAsia=fonts.korean,
       cs=fonts.latin)
    if bold:
        el("w:b", rpr)
    if italic:
        el("w:i", rpr)
    if colour:
        el("w:color", rpr, val=colour)
    if size_pt:
        half_points = str(round(size_pt * 2))
        el("w:sz", rpr, val=half_points)
        el("w:szCs", rpr, val=half_points)
    if lang is Lang.KO:
        el("w:lang", rpr, val="en-GB", eastAsia="ko-KR")
    elif lang is Lang.RU:
        el("w:lang", rpr, val="ru-RU", eastAsia="ko-KR")
    elif lang is Lang.EN:
        el("w:lang", rpr, val="en-GB", eastAsia="ko-KR")
    return rpr


def text_run(parent: Element, text: str, lang: Lang | None, fonts: Fonts, deleted: bool = False,
             **style: object) -> Element:
    """``w:r`` holding ``w:t`` (or ``w:delText`` inside a deletion)."""
    if lang is None and _HANGUL.search(text):
        lang = Lang.KO  # labels in Korean get the East Asian language like the text does
    r = el("w:r", parent)
    run_props(r, lang, fonts, **style)  # type: ignore[arg-type]
    t = el("w:delText" if deleted else "w:t", r)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    return r


def revision(parent: Element, kind: str, ids: Ids, author: str, date: str) -> Element:
    """``w:ins`` or ``w:del`` with its id, author and date."""
    return el("w:ins" if kind == "insert" else "w:del", parent, id=ids.take(), author=author,
              date=date)


def paragraph(parent: Element, align: str | None = None, keep_next: bool = False,
              space_after_pt: float | None = None, indent_hanging_cm: float | None = None
              ) -> Element:
    """``w:p`` with the paragraph properties given (schema order)."""
    p = el("w:p", parent)
    if align or keep_next or space_after_pt is not None or indent_hanging_cm:
        ppr = el("w:pPr", p)
        if keep_next:
            el("w:keepNext", ppr)
        if space_after_pt is not None:
            el("w:spacing", ppr, after=str(round(space_after_pt * 20)))
        if indent_hanging_cm:
            twips = str(round(indent_hanging_cm * 567))
            el("w:ind", ppr, left=twips, hanging=twips)
        if align:
            el("w:jc", ppr, val=align)
    return p


def mark_paragraph(p: Element, kind: str, ids: Ids, author: str, date: str) -> None:
    """Mark the paragraph mark itself inserted or deleted (``w:pPr/w:rPr/w:ins|w:del``)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = el("w:rPr", ppr)
    revision(rpr, kind, ids, author, date)


def bookmark(p: Element, name: str, ids: Ids) -> tuple[Element, Element]:
    """``w:bookmarkStart`` and ``w:bookmarkEnd`` around what follows (caller adds content)."""
    ident = ids.take()
    start = el("w:bookmarkStart", p, id=ident, name=name)
    end = etree.Element(qn("w:bookmarkEnd"), {qn("w:id"): ident})
    return start, end


def field_run(parent: Element, instruction: str, fonts: Fonts, size_pt: float) -> Element:
    """``w:fldSimple`` (e.g. ``PAGE``) with a placeholder result run."""
    fld = el("w:fldSimple", parent, instr=instruction)
    text_run(fld, "1", None, fonts, size_pt=size_pt)
    return fld


def table(parent: Element, widths_cm: list[float], borders: bool = True) -> Element:
    """``w:tbl`` with fixed column widths (and single borders)."""
    tbl = el("w:tbl", parent)
    pr = el("w:tblPr", tbl)
    total = sum(widths_cm)
    el("w:tblW", pr, w=str(round(total * 567)), type="dxa")
    if borders:
        b = el("w:tblBorders", pr)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el(f"w:{side}", b, val="single", sz="4", space="0", color="999999")
    el("w:tblLayout", pr, type="fixed")
    grid = el("w:tblGrid", tbl)
    for w in widths_cm:
        el("w:gridCol", grid, w=str(round(w * 567)))
    return tbl


def row(tbl: Element, header: bool = False, keep_together: bool = False) -> Element:
    """``w:tr`` (repeated on each page when ``header``; never split when ``keep_together``)."""
    tr = el("w:tr", tbl)
    trpr = el("w:trPr", tr)
    el("w:cantSplit", trpr, val="1" if keep_together else "0")
    if header:
        el("w:tblHeader", trpr)
    return tr


def cell(tr: Element, width_cm: float, shade: str | None = None) -> Element:
    """``w:tc`` with its width (and a background shade); the caller adds paragraphs."""
    tc = el("w:tc", tr)
    pr = el("w:tcPr", tc)
    el("w:tcW", pr, w=str(round(width_cm * 567)), type="dxa")
    if shade:
        el("w:shd", pr, val="clear", color="auto", fill=shade)
    return tc
