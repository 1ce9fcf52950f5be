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

from minutes_app.checks.furniture import (
    footer_prints, initials_boxes, language_order, sheet_print, sheet_title,
)
from minutes_app.checks.fingerprint import fingerprints
from minutes_app.checks.readiness import Reason, reasons
from minutes_app.checks.signed_text import Line, annex_lines, body_lines, signature_lines
from minutes_app.docx_io import xml as fx
from minutes_app.docx_io.base import new_document, placeholder, save_stable
from minutes_app.docx_io.package import Edit
from minutes_app.docx_io.typography import font_table, page_setup, signing_fonts
from minutes_app.docx_io.xml import Element, Fonts
from minutes_app.errors import MinutesError
from minutes_app.i18n.names import title
from minutes_app.i18n.phrases import phrase
from minutes_app.i18n.messages import N_
from minutes_app.model import Lang, Minutes, Side

LAYOUTS = ("consecutive", "side-by-side")
TEXT_CM = 16.5  # A4 (21 cm) less the left and right margins
SIGNATURE_SPACE_PT = 48  # room to sign above the printed name
HANGING_CM = 0.8  # a numbered line's number hangs in the margin


class NotReadyToSignError(MinutesError):
    """The minutes are not ready to sign; ``reasons`` says why, paragraph by paragraph."""

    def __init__(self, found: list[Reason]) -> None:
        super().__init__(N_("The signing copy cannot be made yet ({n} reasons):"), n=len(found))
        self.message += "".join(f"\n- {r.message}" for r in found)  # English, for logs
        self.details = [r.msg for r in found]
        self.reasons = found


# kind of line -> (alignment, keep with next, space after in pt, size in pt, bold); the closing
# formula and the prevailing-text clause are kept with what follows: the signatures
_STYLE: dict[str, tuple[str, bool, int, float, bool]] = {
    "title": ("center", False, 6, 14, True), "dates": ("center", False, 18, 12, False),
    "h": ("", True, 6, 12, True), "p": ("both", False, 8, 12, False),
    "closing": ("both", True, 12, 12, False),
    "annex_number": ("right", False, 12, 12, True), "annex_title": ("center", False, 18, 13, True),
    "annex_label": ("", True, 4, 12, True), "annex_line": ("both", False, 6, 12, False),
}


class _Signing:
    def __init__(self, m: Minutes, copy_for: Side, doc: DocxDocument, fonts: Fonts) -> None:
        self.m, self.copy_for, self.doc, self.fonts = m, copy_for, doc, fonts
        self.langs = language_order(m, copy_for)
        self.body: list[str] = []  # streamed into the main part (``base.save_stable``)

    def add(self, markup: str) -> None:
        """Add ``markup`` to the body, as it will be written."""
        self.body.append(fx.as_written(markup))

    def line_xml(self, line: Line, lang: Lang, narrow: bool = False) -> str:
        """One line of the signed text as markup, styled by what it is (in a ``narrow``
        column, ragged right: justified, a column a third of the page wide opens gaps wider
        than its words)."""
        kind = line.key.split(":")[0]
        if kind == "annex":
            part = line.key.split(":")[2]
            kind = "annex_" + ("label" if part.endswith("_label") else part
                               if part in ("number", "title") else "line")
        align, keep_next, after, size, bold = _STYLE.get(kind, _STYLE["closing"])
        if narrow and align == "both":
            align = ""
        return fx.paragraph(fx.run(line.text, lang, self.fonts, bold=bold, size_pt=size),
                            keep_next=keep_next, space_after_pt=after, align=align or None,
                            indent_hanging_cm=HANGING_CM if "\t" in line.text else None)

    def consecutive(self) -> None:
        """Each language's complete text in turn, each from a new page."""
        for i, lang in enumerate(self.langs):
            self.add((fx.page_break() if i else "") + "".join(
                self.line_xml(line, lang) for line in body_lines(self.m, lang, self.copy_for)))

    def side_by_side(self) -> None:
        """The languages in columns, line by line (their lines correspond one to one)."""
        width = TEXT_CM / len(self.langs)
        columns = [body_lines(self.m, lang, self.copy_for) for lang in self.langs]
        # a row never splits over two pages: a split row mixes the languages (in the PDF's
        # text, the columns' halves interleave page by page, and verify can no longer read it)
        narrow = len(self.langs) > 2
        rows = [fx.row([fx.cell(width, self.line_xml(line, lang, narrow))
                        for lang, line in zip(self.langs, lines, strict=True)], cant_split=True)
                for lines in zip(*columns, strict=True)]
        self.add(fx.table([width] * len(self.langs), rows, borders=False) + fx.paragraph(""))

    def signatures(self) -> None:
        """Both blocks in one borderless table: each line's two halves share a row."""
        half = TEXT_CM / 2
        rows = {lang: signature_lines(self.m, lang, self.copy_for) for lang in self.langs}
        # the headings in every language, then room to sign
        markup = [self._signature_row(rows[lang][0], lang, bold=True) for lang in self.langs]
        room = fx.paragraph("", keep_next=True, space_after_pt=SIGNATURE_SPACE_PT)
        markup.append(fx.row([fx.cell(half, room)] * 2, cant_split=True))
        for lang in self.langs:
            markup += [self._signature_row(pair, lang, size=11 if pair[0].key.endswith(":name")
                                           else 10) for pair in rows[lang][1:]]
        self.add(fx.table([half, half], markup, borders=False) + fx.paragraph(""))

    def _signature_row(self, pair: tuple[Line, Line], lang: Lang, bold: bool = False,
                       size: float = 11) -> str:
        # keep_next everywhere: the block never breaks across pages
        return fx.row([fx.cell(TEXT_CM / 2, fx.paragraph(
            fx.run(line.text, lang, self.fonts, bold=bold, size_pt=size), keep_next=True,
            space_after_pt=2)) for line in pair], cant_split=True)

    def annexes(self) -> None:
        """Each annex from a new page, in every language, the copy's language first."""
        for i, annex in enumerate(self.m.annexes):
            for lang in self.langs:
                self.add(fx.page_break() + "".join(
                    self.line_xml(line, lang)
                    for line in annex_lines(self.m, i, annex, lang, self.copy_for)))

    def verification_sheet(self) -> None:
        """The fingerprints on a sheet of their own, after everything that is signed."""
        prints = fingerprints(self.m)
        f = self.fonts
        markup = [fx.page_break()]
        for lang in self.langs:
            markup += [fx.paragraph(fx.run(phrase("verification", lang), lang, f, bold=True,
                                           size_pt=12), space_after_pt=4),
                       fx.paragraph(fx.run(phrase("verification_note", lang), lang, f,
                                           size_pt=10), space_after_pt=12)]
        markup.append(fx.paragraph(fx.run(sheet_title(self.m, self.copy_for), Lang.EN, f,
                                          size_pt=10), space_after_pt=6))
        markup += [fx.paragraph(fx.run(sheet_print(lang, prints[lang]), None, f, size_pt=9),
                                space_after_pt=4) for lang in self.langs]
        self.add("".join(markup))

    def footer(self, initials: bool, fingerprint_footer: bool) -> Edit:
        """Page number; optionally the fingerprints and initials boxes (a footer part edit)."""
        footer = self.doc.sections[0].footer
        # the template's footer paragraph has its own w:pPr (style Footer): a second one is
        # invalid, so align through python-docx, which puts w:jc in schema order
        footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        f = self.fonts
        page = (fx.run("- ", None, f, size_pt=9) + fx.field("PAGE", f, 9)
                + fx.run(" -", None, f, size_pt=9))
        more = ""
        if fingerprint_footer:
            more += fx.paragraph(fx.run(footer_prints(self.m, self.copy_for), None, f,
                                        size_pt=5), align="center")
        if initials:
            more += fx.paragraph(fx.run(initials_boxes(self.copy_for), None, f, size_pt=8),
                                 align="right")

        def edit(root: Element) -> None:
            first = root.find(fx.qn("w:p"))
            assert first is not None  # python-docx's footer has its paragraph
            fx.append(first, page)
            if more:
                fx.append(root, more)
        return edit


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
    s = _Signing(m, copy_for, doc, fonts)
    s.consecutive() if layout == "consecutive" else s.side_by_side()
    s.signatures()
    s.annexes()
    if not fingerprint_footer:
        s.verification_sheet()
    placeholder(doc)
    edits = {"footer": [s.footer(initials, fingerprint_footer)],
             "fontTable": [font_table(fonts)]}
    return save_stable(doc, out, s.body, edits)
