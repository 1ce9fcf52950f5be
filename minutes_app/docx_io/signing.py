"""The signing originals: one per Side by the alternat, clean text, signatures, annexes.

The Side whose original it is comes first: its language's text, its order wherever the text
names the pair (the title, the body's name, "Korea-Russia"), its signature block on the left.
Every line printed comes from ``checks.signed_text``, the same lines the fingerprint hashes.
The fingerprints go on a separate verification sheet after the annexes (not on the signed
pages), or in the footer when asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml

from minutes_app.checks.fingerprint import fingerprints
from minutes_app.checks.readiness import Reason, reasons
from minutes_app.checks.signed_text import Line, annex_lines, body_lines, signature_lines
from minutes_app.docx_io import fastxml as fx
from minutes_app.docx_io.base import new_document, save_stable
from minutes_app.docx_io.typography import font_table, page_setup, signing_fonts
from minutes_app.docx_io.xml import Element, Fonts, cell, el, field_run, paragraph, row, table
from minutes_app.docx_io.xml import text_run
from minutes_app.errors import MinutesError
from minutes_app.i18n.names import title
from minutes_app.i18n.phrases import phrase
from minutes_app.i18n.messages import N_
from minutes_app.model import Lang, Minutes, Side

LAYOUTS = ("consecutive", "side-by-side")
TEXT_CM = 16.5  # A4 (21 cm) less the left and right margins
SIGNATURE_SPACE_PT = 48  # room to sign above the printed name


class NotReadyToSignError(MinutesError):
    """The minutes are not ready to sign; ``reasons`` says why, paragraph by paragraph."""

    def __init__(self, found: list[Reason]) -> None:
        super().__init__(N_("The signing copy cannot be made yet ({n} reasons):"), n=len(found))
        self.message += "".join(f"\n- {r.message}" for r in found)  # English, for logs
        self.details = [r.msg for r in found]
        self.reasons = found


def language_order(m: Minutes, copy_for: Side) -> list[Lang]:
    """The alternat: the copy's own Side's language first."""
    own = Lang.KO if copy_for is Side.KR else (Lang.RU if Lang.RU in m.languages else Lang.EN)
    return sorted(m.languages, key=lambda lang: (lang is not own, m.languages.index(lang)))


# kind of line -> (alignment, keep with next, space after in pt, size in pt, bold); the closing
# formula and the prevailing-text clause are kept with what follows: the signatures
_STYLE: dict[str, tuple[str, bool, int, float, bool]] = {
    "title": ("center", False, 6, 14, True), "dates": ("center", False, 18, 12, False),
    "h": ("", True, 6, 12, True), "p": ("both", False, 8, 12, False),
    "closing": ("both", True, 12, 12, False),
    "annex_number": ("right", False, 12, 12, True), "annex_title": ("center", False, 18, 13, True),
    "annex_label": ("", True, 4, 12, True), "annex_line": ("both", False, 6, 12, False),
}


def _append(parent: Element, markup: str) -> None:
    """Parse ``markup`` (paragraphs, tables) once and append what it holds to ``parent``."""
    holder = parse_xml(f'<w:body xmlns:w="{fx.W_NS}">{markup}</w:body>')
    for child in list(holder):
        parent.append(child)


def _page_break(parent: Element) -> None:
    r = el("w:r", paragraph(parent))
    el("w:br", r, type="page")


class _Signing:
    def __init__(self, m: Minutes, copy_for: Side, doc: DocxDocument, fonts: Fonts) -> None:
        self.m, self.copy_for, self.doc, self.fonts = m, copy_for, doc, fonts
        self.langs = language_order(m, copy_for)
        self.body = doc.element.body

    def line_xml(self, line: Line, lang: Lang) -> str:
        """One line of the signed text as markup, styled by what it is."""
        kind = line.key.split(":")[0]
        if kind == "annex":
            part = line.key.split(":")[2]
            kind = "annex_" + ("label" if part.endswith("_label") else part
                               if part in ("number", "title") else "line")
        align, keep_next, after, size, bold = _STYLE.get(kind, _STYLE["closing"])
        ppr = ("<w:pPr>" + ("<w:keepNext/>" if keep_next else "")
               + f'<w:spacing w:after="{after * 20}"/>'
               + ('<w:ind w:left="454" w:hanging="454"/>' if "\t" in line.text else "")
               + (f'<w:jc w:val="{align}"/>' if align else "") + "</w:pPr>")
        return f"<w:p>{ppr}{fx.run(line.text, lang, self.fonts, bold=bold, size_pt=size)}</w:p>"

    def consecutive(self) -> None:
        """Each language's complete text in turn, each from a new page."""
        for i, lang in enumerate(self.langs):
            if i:
                _page_break(self.body)
            _append(self.body, "".join(self.line_xml(line, lang)
                                       for line in body_lines(self.m, lang, self.copy_for)))

    def side_by_side(self) -> None:
        """The languages in columns, line by line (their lines correspond one to one)."""
        width = TEXT_CM / len(self.langs)
        columns = [body_lines(self.m, lang, self.copy_for) for lang in self.langs]
        cell_w = round(width * 567)
        rows = []
        for lines in zip(*columns, strict=True):
            cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{cell_w}" w:type="dxa"/></w:tcPr>'
                            f"{self.line_xml(line, lang)}</w:tc>"
                            for lang, line in zip(self.langs, lines, strict=True))
            # a row never splits over two pages: a split row mixes the languages
            rows.append(f'<w:tr><w:trPr><w:cantSplit w:val="1"/></w:trPr>{cells}</w:tr>')
        grid = f'<w:gridCol w:w="{cell_w}"/>' * len(self.langs)
        _append(self.body, f'<w:tbl><w:tblPr><w:tblW w:w="{cell_w * len(self.langs)}" '
                f'w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}'
                f"</w:tblGrid>{''.join(rows)}</w:tbl><w:p/>")

    def signatures(self) -> None:
        """Both blocks in one borderless table: each line's two halves share a row."""
        half = TEXT_CM / 2
        tbl = table(self.body, [half, half], borders=False)
        rows = {lang: signature_lines(self.m, lang, self.copy_for) for lang in self.langs}
        for lang in self.langs:  # the headings in every language, then room to sign
            self._signature_row(tbl, rows[lang][0], lang, bold=True)
        tr = row(tbl, keep_together=True)
        for _ in range(2):
            space = paragraph(cell(tr, half), keep_next=True)
            el("w:spacing", space.find("{*}pPr"), after=str(SIGNATURE_SPACE_PT * 20))
        for lang in self.langs:
            for pair in rows[lang][1:]:
                self._signature_row(tbl, pair, lang, size=11 if pair[0].key.endswith(
                    ":name") else 10)
        paragraph(self.body)

    def _signature_row(self, tbl: Element, pair: tuple[Line, Line], lang: Lang,
                       bold: bool = False, size: float = 11) -> None:
        tr = row(tbl, keep_together=True)
        for line in pair:  # keep_next everywhere: the block never breaks across pages
            text_run(paragraph(cell(tr, TEXT_CM / 2), keep_next=True, space_after_pt=2),
                     line.text, lang, self.fonts, bold=bold, size_pt=size)

    def annexes(self) -> None:
        """Each annex from a new page, in every language, the copy's language first."""
        for i, annex in enumerate(self.m.annexes):
            for lang in self.langs:
                _page_break(self.body)
                _append(self.body, "".join(
                    self.line_xml(line, lang)
                    for line in annex_lines(self.m, i, annex, lang, self.copy_for)))

    def verification_sheet(self) -> None:
        """The fingerprints on a sheet of their own, after everything that is signed."""
        _page_break(self.body)
        prints = fingerprints(self.m)
        for lang in self.langs:
            text_run(paragraph(self.body, space_after_pt=4), phrase("verification", lang),
                     lang, self.fonts, bold=True, size_pt=12)
            text_run(paragraph(self.body, space_after_pt=12), phrase("verification_note", lang),
                     lang, self.fonts, size_pt=10)
        text_run(paragraph(self.body, space_after_pt=6), title(self.m, Lang.EN, self.copy_for)
                 if Lang.EN in self.m.languages else "", Lang.EN, self.fonts, size_pt=10)
        for lang in self.langs:
            text_run(paragraph(self.body, space_after_pt=4),
                     f"{lang.value.upper()}  SHA-256  {prints[lang]}", None, self.fonts,
                     size_pt=9)

    def footer(self, initials: bool, fingerprint_footer: bool) -> None:
        """Page number; optionally the fingerprints and initials boxes."""
        footer = self.doc.sections[0].footer
        first = footer.paragraphs[0]
        # the template's footer paragraph has its own w:pPr (style Footer): a second one is
        # invalid, so align through python-docx, which puts w:jc in schema order
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p = first._p
        text_run(p, "- ", None, self.fonts, size_pt=9)
        field_run(p, "PAGE", self.fonts, 9)
        text_run(p, " -", None, self.fonts, size_pt=9)
        if fingerprint_footer:
            prints = fingerprints(self.m)
            line = "  ".join(f"{lang.value.upper()} SHA-256 {prints[lang]}"
                             for lang in self.langs)
            text_run(paragraph(footer._element, align="center"), line, None, self.fonts,
                     size_pt=5)
        if initials:
            boxes = "   ".join(f"{side.value}: ______" for side in (self.copy_for,
                                                                   self.copy_for.other))
            text_run(paragraph(footer._element, align="right"), boxes, None, self.fonts,
                     size_pt=8)


def write_signing(m: Minutes, out: str | Path | IO[bytes], copy_for: Side,
                  layout: str = "consecutive", allow_ad_ref: bool = False,
                  initials: bool = False, fingerprint_footer: bool = False) -> bytes:
    """Write one signing original; refuses, with every reason, while anything is open."""
    if layout not in LAYOUTS:
        raise MinutesError("Unknown layout {layout!r}; choose consecutive or side-by-side.",
                           layout=layout)
    found = reasons(m, allow_ad_ref)
    if found:
        raise NotReadyToSignError(found)
    fonts = signing_fonts(m.settings.latin_font)
    doc = new_document(m, title(m, Lang.EN, copy_for), fonts)
    page_setup(doc)
    font_table(doc, fonts)
    s = _Signing(m, copy_for, doc, fonts)
    sect = s.body[-1]
    s.body.remove(sect)
    s.consecutive() if layout == "consecutive" else s.side_by_side()
    s.signatures()
    s.annexes()
    if not fingerprint_footer:
        s.verification_sheet()
    s.body.append(sect)
    s.footer(initials, fingerprint_footer)
    return save_stable(doc, out)
