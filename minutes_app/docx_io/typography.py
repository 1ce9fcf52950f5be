"""Typography of signing originals and the report: a Myeongjo face, A4 page, line spacing.

Korean official documents are set in a serif (Myeongjo) face; we bundle Nanum Myeongjo (SIL
Open Font License, ``resources/fonts/``). Latin and Cyrillic text is set in Times New Roman;
the font table names Liberation Serif, which has the same metrics, as its alternative, so a
machine without Times New Roman lays out the same lines. See ``docs/typography.md`` for the
page values and why.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from minutes_app.docx_io.xml import Fonts, el

MYEONGJO = "NanumMyeongjo"
LATIN = "Times New Roman"
LATIN_FALLBACK = "Liberation Serif"  # metric-compatible with Times New Roman
MARGINS_CM = {"top": 3.0, "bottom": 2.5, "left": 2.5, "right": 2.0}
FOOTER_CM = 1.2
LINE_240THS = 312  # 1.3 lines ("auto" line rule, in 240ths of a line)


def signing_fonts(latin: str = LATIN) -> Fonts:
    """Latin (and Cyrillic) in ``latin``, Korean in Nanum Myeongjo."""
    return Fonts(latin, MYEONGJO)


def page_setup(doc: DocxDocument) -> None:
    """A4 with the margins of ``MARGINS_CM``; every paragraph at 1.3 lines by default."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    section.footer_distance = Cm(FOOTER_CM)
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    ppr_default = defaults.find(qn("w:pPrDefault")) if defaults is not None else None
    if ppr_default is None and defaults is not None:
        ppr_default = el("w:pPrDefault", defaults)
    targets = [doc.styles["Normal"].element.get_or_add_pPr()]
    if ppr_default is not None:
        ppr = ppr_default.find(qn("w:pPr"))
        targets.append(ppr if ppr is not None else el("w:pPr", ppr_default))
    for ppr in targets:  # LibreOffice reads the Normal style, Word the defaults too
        _spacing(ppr)


def _spacing(ppr: etree._Element) -> None:
    for name in ("w:spacing", "w:autoSpaceDE", "w:autoSpaceDN"):
        for old in ppr.findall(qn(name)):
            ppr.remove(old)
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):  # "2020년 12월", not "2020 년 12 월"
        _insert_in_order(ppr, etree.Element(qn(name), {qn("w:val"): "0"}))
    _insert_in_order(ppr, etree.Element(qn("w:spacing"), {
        qn("w:after"): "0", qn("w:line"): str(LINE_240THS), qn("w:lineRule"): "auto"}))


_PPR_BEFORE_SPACING = {qn(f"w:{t}") for t in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid")}


def _insert_in_order(ppr: etree._Element, spacing: etree._Element) -> None:
    index = 0
    for i, child in enumerate(ppr):
        if child.tag in _PPR_BEFORE_SPACING:
            index = i + 1
    ppr.insert(index, spacing)


def font_table(doc: DocxDocument, fonts: Fonts) -> None:
    """Name the Korean face and the Latin face's metric-compatible alternative in the file."""
    part = next((p for p in doc.part.package.parts
                 if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) in (fonts.latin, fonts.korean):
            root.remove(font)
    latin = el("w:font", None, name=fonts.latin)
    el("w:altName", latin, val=LATIN_FALLBACK)
    el("w:charset", latin, val="00")
    el("w:family", latin, val="roman")
    el("w:pitch", latin, val="variable")
    korean = el("w:font", None, name=fonts.korean)
    el("w:altName", korean, val="나눔명조")
    el("w:charset", korean, val="81")  # Hangul
    el("w:family", korean, val="roman")
    el("w:pitch", korean, val="variable")
    root.insert(0, korean)
    root.insert(0, latin)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)
