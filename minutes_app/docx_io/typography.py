"""Typography of signing originals and the report: a Myeongjo face, A4 page, line spacing.

Korean official documents are set in a serif (Myeongjo) face; we bundle Nanum Myeongjo (SIL
Open Font License, ``resources/fonts/``). Latin and Cyrillic text is set in Times New Roman;
the font table names Liberation Serif, which has the same metrics, as its alternative, so a
machine without Times New Roman lays out the same lines. See ``docs/typography.md`` for the
page values and why.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.shared import Cm

from minutes_app.docx_io import xml as wml
from minutes_app.docx_io.package import Edit
from minutes_app.docx_io.xml import Element, Fonts, qn

MYEONGJO = "NanumMyeongjo"
# bold Hangul: Nanum Myeongjo's Bold is hardly heavier than its Regular beside Times New Roman
# Bold (a signature block's Korean heading read as regular between bold Russian and English
# lines); its ExtraBold matches the Latin bold. Bundled too (``resources/fonts/``).
MYEONGJO_BOLD = "NanumMyeongjoExtraBold"
LATIN = "Times New Roman"
LATIN_FALLBACK = "Liberation Serif"  # metric-compatible with Times New Roman
MARGINS_CM = {"top": 3.0, "bottom": 2.5, "left": 2.5, "right": 2.0}
FOOTER_CM = 1.2
LINE_240THS = 312  # 1.3 lines ("auto" line rule, in 240ths of a line)


def signing_fonts(latin: str = LATIN) -> Fonts:
    """Latin (and Cyrillic) in ``latin``, Korean in Nanum Myeongjo (bold: its ExtraBold)."""
    return Fonts(latin, MYEONGJO, MYEONGJO_BOLD)


def page_setup(doc: DocxDocument) -> None:
    """A4 with the margins of ``MARGINS_CM``; every paragraph at 1.3 lines by default."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    section.footer_distance = Cm(FOOTER_CM)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    ppr_default = defaults.find(qn("w:pPrDefault")) if defaults is not None else None
    if ppr_default is None and defaults is not None:
        ppr_default = wml.append(defaults, "<w:pPrDefault/>")[0]
    targets = [wml.child(doc.styles["Normal"].element, "pPr", wml.STYLE_ORDER)]
    if ppr_default is not None:
        ppr = ppr_default.find(qn("w:pPr"))
        targets.append(ppr if ppr is not None else wml.append(ppr_default, "<w:pPr/>")[0])
    for ppr in targets:  # LibreOffice reads the Normal style, Word the defaults too
        _spacing(ppr)


def _spacing(ppr: Element) -> None:
    for name in ("w:spacing", "w:autoSpaceDE", "w:autoSpaceDN"):
        for old in ppr.findall(qn(name)):
            ppr.remove(old)
    for name in ("autoSpaceDE", "autoSpaceDN"):  # "2020년 12월", not "2020 년 12 월"
        wml.insert_ordered(ppr, wml.on_off(name, "0"), wml.PPR_ORDER)
    wml.insert_ordered(ppr, wml.spacing(0, LINE_240THS), wml.PPR_ORDER)


def font_table(fonts: Fonts) -> Edit:
    """Name the Korean face and the Latin face's metric-compatible alternative in the file.

    An edit of the font table part (``save_stable``'s ``edits["fontTable"]``).
    """
    def edit(root: Element) -> None:
        for entry in root.findall(qn("w:font")):
            if entry.get(qn("w:name")) in (fonts.latin, fonts.korean, fonts.korean_bold):
                root.remove(entry)
        korean = wml.font(fonts.korean, "나눔명조", "81")  # 81: Hangul
        if fonts.korean_bold:
            korean += wml.font(fonts.korean_bold, "나눔명조 ExtraBold", "81")
        root[0:0] = wml.fragment(wml.font(fonts.latin, LATIN_FALLBACK, "00") + korean)
    return edit
