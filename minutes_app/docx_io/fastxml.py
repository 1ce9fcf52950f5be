"""WordprocessingML as text, for the large tables of the working copy.

Creating lxml elements one by one through python-docx's element classes costs about 10 µs each;
a 5,000-paragraph table has over 200,000. Writing the markup as text and parsing it once is
some ten times faster. The names mirror ``xml``: each function returns the element it names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from minutes_app.docx_io.xml import _HANGUL, Fonts
from minutes_app.model import Lang

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANG = {Lang.KO: '<w:lang w:val="en-GB" w:eastAsia="ko-KR"/>',
         Lang.EN: '<w:lang w:val="en-GB" w:eastAsia="ko-KR"/>',
         Lang.RU: '<w:lang w:val="ru-RU" w:eastAsia="ko-KR"/>'}


@lru_cache(maxsize=64)
def rpr(lang: Lang | None, fonts: Fonts, bold: bool = False, size_pt: float | None = None
        ) -> str:
    """``w:rPr`` in schema order (cached: a table uses a handful of them)."""
    parts = [f'<w:rPr><w:rFonts w:ascii={quoteattr(fonts.latin)} w:hAnsi={quoteattr(fonts.latin)}'
             f' w:eastAsia={quoteattr(fonts.korean)} w:cs={quoteattr(fonts.latin)}/>']
    if bold:
        parts.append("<w:b/>")
    if size_pt:
        hp = round(size_pt * 2)
        parts.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    if lang is not None:
        parts.append(_LANG[lang])
    parts.append("</w:rPr>")
    return "".join(parts)


def run(text: str, lang: Lang | None, fonts: Fonts, deleted: bool = False, bold: bool = False,
        size_pt: float | None = None) -> str:
    """``w:r`` with ``w:t`` (``w:delText`` when deleted)."""
    if lang is None and _HANGUL.search(text):
        lang = Lang.KO
    tag = "w:delText" if deleted else "w:t"
    return (f"<w:r>{rpr(lang, fonts, bold, size_pt)}<{tag} xml:space=\"preserve\">"
            f"{text_xml(text)}</{tag}></w:r>")


def text_xml(text: str) -> str:
    """``text`` escaped for XML, without the control characters XML 1.0 cannot hold.

    The markup is streamed into the file unparsed, so nothing else would catch them; a
    vertical tab or form feed pasted from another program is dropped, not a corrupt file.
    """
    return escape(_NOT_XML.sub("", text)) if _NOT_XML.search(text) else escape(text)


def revision(kind: str, ident: str, author: str, date: str, content: str) -> str:
    """``w:ins`` or ``w:del`` around ``content``."""
    tag = "w:ins" if kind == "insert" else "w:del"
    return (f"<{tag} w:id=\"{ident}\" w:author={quoteattr(author)} w:date={quoteattr(date)}>"
            f"{content}</{tag}>")


def paragraph(content: str, mark: str = "", keep_next: bool = False,
              space_after_pt: float | None = None, indent_hanging_cm: float | None = None,
              align: str | None = None) -> str:
    """``w:p``; ``mark`` is a revision on the paragraph mark (``w:pPr/w:rPr``)."""
    ppr = ""
    if keep_next or space_after_pt is not None or mark or indent_hanging_cm or align:
        ppr = "<w:pPr>" + ("<w:keepNext/>" if keep_next else "")
        if space_after_pt is not None:
            ppr += f'<w:spacing w:after="{round(space_after_pt * 20)}"/>'
        if indent_hanging_cm:
            twips = round(indent_hanging_cm * 567)
            ppr += f'<w:ind w:left="{twips}" w:hanging="{twips}"/>'
        if align:
            ppr += f'<w:jc w:val="{align}"/>'
        if mark:
            ppr += f"<w:rPr>{mark}</w:rPr>"
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{content}</w:p>"


def cell(width_cm: float, content: str, shade: str | None = None) -> str:
    """``w:tc`` with its width (and shade) holding paragraphs."""
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{round(width_cm * 567)}" w:type="dxa"/>{shd}'
            f"</w:tcPr>{content}</w:tc>")


def row(cells: list[str], header: bool = False, cant_split: bool = False) -> str:
    """``w:tr``: repeated atop each page when ``header``; kept on one page when ``cant_split``."""
    trpr = f'<w:trPr><w:cantSplit w:val="{int(cant_split)}"/>' + (
        "<w:tblHeader/>" if header else "")
    return f"<w:tr>{trpr}</w:trPr>{''.join(cells)}</w:tr>"


def comment_anchor(content: str, ids: list[int]) -> str:
    """``content`` inside the range of each comment of ``ids``, with its reference marks."""
    starts = "".join(f'<w:commentRangeStart w:id="{i}"/>' for i in ids)
    ends = "".join(f'<w:commentRangeEnd w:id="{i}"/><w:r><w:rPr><w:rStyle '
                   f'w:val="CommentReference"/></w:rPr><w:commentReference w:id="{i}"/></w:r>'
                   for i in ids)
    return starts + content + ends


def bookmarked(content: str, ident: str, name: str) -> str:
    """``content`` between ``w:bookmarkStart`` and ``w:bookmarkEnd``."""
    return (f'<w:bookmarkStart w:id="{ident}" w:name="{name}"/>{content}'
            f'<w:bookmarkEnd w:id="{ident}"/>')


def table(widths_cm: list[float], rows: list[str], declare_ns: bool = True) -> str:
    """``w:tbl`` with fixed widths and thin borders (declaring ``w`` when parsed alone)."""
    return table_start(widths_cm, declare_ns) + "".join(rows) + "</w:tbl>"


def table_start(widths_cm: list[float], declare_ns: bool = False) -> str:
    """The opening of a ``w:tbl``: properties and grid, before its rows."""
    borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="999999"/>'
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{round(w * 567)}"/>' for w in widths_cm)
    total = sum(round(w * 567) for w in widths_cm)
    ns = f' xmlns:w="{W_NS}"' if declare_ns else ""
    return (f'<w:tbl{ns}><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>")
