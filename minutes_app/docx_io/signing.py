"""The signing originals: one per Side by the alternat, clean text, signatures, fingerprint.

The Side whose original it is comes first: its language's text, its name in the title (where
the document gives an alternat form of the body's name) and its signature block on the left.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from minutes_app.checks.fingerprint import fingerprints
from minutes_app.checks.readiness import Reason, reasons
from minutes_app.docx_io.base import fonts_of, new_document, save_stable
from minutes_app.docx_io.xml import Element, Fonts, cell, field_run, paragraph, row, table, text_run
from minutes_app.errors import MinutesError
from minutes_app.i18n.names import closing_formula, meeting_dates, title
from minutes_app.model import Lang, Minutes, Paragraph, Side, Status
from minutes_app.textview import SIGNATURE_HEADING

LAYOUTS = ("consecutive", "side-by-side")
AD_REF_NOTE = {Lang.EN: "(agreed ad referendum)", Lang.KO: "(본국 확인 조건부 합의)",
               Lang.RU: "(согласовано ad referendum)"}


class NotReadyToSignError(MinutesError):
    """The minutes are not ready to sign; ``reasons`` says why, paragraph by paragraph."""

    def __init__(self, found: list[Reason]) -> None:
        lines = "\n".join(f"- {r.message}" for r in found)
        super().__init__(f"The signing copy cannot be made yet ({len(found)} reasons):\n{lines}")
        self.reasons = found


def language_order(m: Minutes, copy_for: Side) -> list[Lang]:
    """The alternat: the copy's own Side's language first."""
    own = Lang.KO if copy_for is Side.KR else (Lang.RU if Lang.RU in m.languages else Lang.EN)
    return sorted(m.languages, key=lambda lang: (lang is not own, m.languages.index(lang)))


class _Signing:
    def __init__(self, m: Minutes, copy_for: Side, doc: DocxDocument) -> None:
        self.m, self.copy_for, self.doc = m, copy_for, doc
        self.fonts: Fonts = fonts_of(m)
        self.langs = language_order(m, copy_for)
        self.body = doc.element.body

    def _title(self, parent: Element, lang: Lang) -> None:
        text_run(paragraph(parent, align="center", space_after_pt=6),
                 title(self.m, lang, self.copy_for), lang, self.fonts, bold=True, size_pt=14)
        text_run(paragraph(parent, align="center", space_after_pt=12),
                 meeting_dates(self.m, lang), lang, self.fonts, size_pt=11)

    def _paragraph(self, parent: Element, p: Paragraph, lang: Lang) -> None:
        number = self.m.number(p.id)
        p_el = paragraph(parent, align="both", space_after_pt=8,
                         indent_hanging_cm=0.8 if number is not None else None)
        text = (f"{number}.\t" if number is not None else "") + p.text(lang)
        text_run(p_el, text, lang, self.fonts, size_pt=11)
        if p.status is Status.AGREED_AD_REF:
            text_run(p_el, " " + AD_REF_NOTE[lang], lang, self.fonts, size_pt=9, italic=True)

    def _heading(self, parent: Element, text: str, lang: Lang) -> None:
        if text:
            text_run(paragraph(parent, keep_next=True, space_after_pt=6), text, lang, self.fonts,
                     bold=True, size_pt=11)

    def language_part(self, lang: Lang) -> None:
        """One language's complete text, title to closing formula."""
        self._title(self.body, lang)
        for section in self.m.sections:
            self._heading(self.body, section.heading.get(lang, ""), lang)
            for p in section.paragraphs:
                self._paragraph(self.body, p, lang)
        text_run(paragraph(self.body, align="both", space_after_pt=18, keep_next=True),
                 closing_formula(self.m, lang), lang, self.fonts, size_pt=11)

    def side_by_side(self) -> None:
        """Both languages in two columns, paragraph by paragraph."""
        width = 16.6 / len(self.langs)
        tbl = table(self.body, [width] * len(self.langs), borders=False)
        tr = row(tbl)
        for lang in self.langs:
            self._title(cell(tr, width), lang)
        for section in self.m.sections:
            if any(section.heading.values()):
                tr = row(tbl)
                for lang in self.langs:
                    self._heading(cell(tr, width), section.heading.get(lang, ""), lang)
            for p in section.paragraphs:
                tr = row(tbl)
                for lang in self.langs:
                    self._paragraph(cell(tr, width), p, lang)
        tr = row(tbl)
        for lang in self.langs:
            text_run(paragraph(cell(tr, width), align="both"), closing_formula(self.m, lang),
                     lang, self.fonts, size_pt=11)

    def signatures(self) -> None:
        """Two signature blocks, the copy's own Side on the left, each in every language."""
        tbl = table(self.body, [8.3, 8.3], borders=False)
        tr = row(tbl, keep_together=True)  # a signature block never breaks across pages
        for side in (self.copy_for, self.copy_for.other):
            tc = cell(tr, 8.3)
            party, head = self.m.parties.get(side), self.m.meeting.heads.get(side)
            for lang in self.langs:
                delegation = party.delegation.get(lang, "") if party else ""
                text_run(paragraph(tc, space_after_pt=2), SIGNATURE_HEADING[lang].format(
                    delegation), lang, self.fonts, size_pt=10, bold=True)
            paragraph(tc, space_after_pt=36)  # room for the signature
            for lang in self.langs:
                if head is not None:
                    text_run(paragraph(tc), head.name.get(lang, ""), lang, self.fonts,
                             size_pt=10)
                    text_run(paragraph(tc, space_after_pt=4), head.title.get(lang, ""), lang,
                             self.fonts, size_pt=9)
        self.body.append(paragraph(None))  # type: ignore[arg-type]

    def footer(self, initials: bool) -> None:
        """Page number, the fingerprint of each language, optional initials boxes."""
        footer = self.doc.sections[0].footer
        first = footer.paragraphs[0]
        # the template's footer paragraph has its own w:pPr (style Footer): a second one is
        # invalid, so align through python-docx, which puts w:jc in schema order
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p = first._p
        text_run(p, "- ", None, self.fonts, size_pt=9)
        field_run(p, "PAGE", self.fonts, 9)
        text_run(p, " -", None, self.fonts, size_pt=9)
        prints = fingerprints(self.m)
        line = "  ".join(f"{lang.value.upper()} SHA-256 {prints[lang]}" for lang in self.langs)
        text_run(paragraph(footer._element, align="center"), line, None, self.fonts, size_pt=5)
        if initials:
            boxes = "   ".join(f"{side.value}: ______" for side in (self.copy_for,
                                                                   self.copy_for.other))
            text_run(paragraph(footer._element, align="right"), boxes, None, self.fonts,
                     size_pt=8)


def write_signing(m: Minutes, out: str | Path | IO[bytes], copy_for: Side,
                  layout: str = "consecutive", allow_ad_ref: bool = False,
                  initials: bool = False) -> bytes:
    """Write one signing original; refuses, with every reason, while anything is open."""
    if layout not in LAYOUTS:
        raise MinutesError(f"Unknown layout {layout!r}; choose consecutive or side-by-side.")
    found = reasons(m, allow_ad_ref)
    if found:
        raise NotReadyToSignError(found)
    doc = new_document(m, title(m, Lang.EN, copy_for))
    s = _Signing(m, copy_for, doc)
    sect = s.body[-1]
    s.body.remove(sect)
    if layout == "consecutive":
        for i, lang in enumerate(s.langs):
            if i:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                s.body.remove(sect) if sect in s.body else None
            s.language_part(lang)
    else:
        s.side_by_side()
    s.signatures()
    s.body.append(sect)
    s.footer(initials)
    return save_stable(doc, out)
