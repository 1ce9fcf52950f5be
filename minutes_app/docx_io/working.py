"""The working copy: what one delegation sends the other between rounds.

A table with a row per paragraph (number, one column per language, status), pending revisions
as real tracked changes by each Side, comments as Word comments, and the paragraph ids in
bookmarks (``_mp_<id>``) so that a returned file maps back to its paragraphs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import IO, cast

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from minutes_app.docx_io.comment_threads import write_threads
from minutes_app.docx_io.base import fonts_of, new_document, save_stable, track_revisions_setting
from minutes_app.docx_io import fastxml as fx
from minutes_app.docx_io.xml import Element, Fonts, Ids, paragraph, text_run
from minutes_app.i18n.names import title
from minutes_app.model import Lang, Minutes, Paragraph, Side, Status
from minutes_app.model.brackets import open_brackets, status_of
from minutes_app.model.track import DELETE, INSERT, Author, Track, plain

BOOKMARK_PREFIX = "_mp_"
SECTION_PREFIX = "_ms_"
NUMBER_CM, STATUS_CM, TEXT_CM = 1.2, 2.0, 16.6
Progress = Callable[[int, int], None]

STATUS_TEXT = {Status.DRAFT: "Draft", Status.PROPOSED: "Proposed",
               Status.BRACKETED: "Bracketed", Status.AGREED_AD_REF: "Ad ref.",
               Status.AGREED: "Agreed"}


def author_name(m: Minutes, side: Side) -> str:
    """The name revisions carry in Word: the Side's name as configured ("Russian Side")."""
    party = m.parties.get(side)
    return (party.side_name.get(Lang.EN) if party else None) or f"{side.value} Side"


def column_order(m: Minutes) -> list[Lang]:
    """The document's languages, the own Side's language first."""
    own = Lang.KO if m.own_side is Side.KR else (Lang.RU if Lang.RU in m.languages else Lang.EN)
    return sorted(m.languages, key=lambda lang: (lang is not own, m.languages.index(lang)))


class _Writer:
    """Builds the table as WordprocessingML text (see ``fastxml``), row by row."""

    def __init__(self, m: Minutes) -> None:
        self.m = m
        self.fonts: Fonts = fonts_of(m)
        self.ids = Ids()
        self.langs = column_order(m)
        self.width = TEXT_CM / len(self.langs)
        self.commented: list[Paragraph] = []

    def _name(self, a: Author) -> str:
        return author_name(self.m, a.side)

    def _revision(self, kind: str, a: Author, content: str) -> str:
        return fx.revision(kind, self.ids.take(), self._name(a), a.time, content)

    def _text(self, track: Track, lang: Lang) -> str:
        f, out = self.fonts, []
        for seg in track:
            if seg.kind == INSERT and seg.author:
                out.append(self._revision("insert", seg.author, fx.run(seg.text, lang, f)))
            elif seg.kind == DELETE and seg.author:
                gone = self._revision("delete", seg.author,
                                      fx.run(seg.text, lang, f, deleted=True))
                if seg.origin is not None:  # deleted words of another Side's insertion
                    gone = self._revision("insert", seg.origin, gone)
                out.append(gone)
            else:
                out.append(fx.run(seg.text, lang, f))
        return "".join(out)

    def _paragraph_cell(self, p: Paragraph, lang: Lang) -> str:
        mark = p.mark
        if mark is not None and mark.kind in ("insert", "delete"):
            kind = mark.kind
            content = self._revision(kind, mark.author,
                                     fx.run(p.text(lang), lang, self.fonts, kind == "delete"))
            on_mark = fx.revision(kind, self.ids.take(), self._name(mark.author),
                                  mark.author.time, "")
            return fx.cell(self.width, fx.paragraph(content, on_mark, space_after_pt=2))
        track = p.tracks.get(lang) or plain(p.text(lang))
        return fx.cell(self.width, fx.paragraph(self._text(track, lang), space_after_pt=2))

    def _number_cell(self, number: str, name: str, shade: str | None = None) -> str:
        ident = self.ids.take()
        content = (f'<w:bookmarkStart w:id="{ident}" w:name="{name}"/>'
                   + fx.run(number or "·", None, self.fonts, bold=True)
                   + f'<w:bookmarkEnd w:id="{ident}"/>')
        return fx.cell(NUMBER_CM, fx.paragraph(content), shade)

    def _status_cell(self, p: Paragraph) -> str:
        status = status_of(p)
        text = STATUS_TEXT[status]
        if status is Status.AGREED_AD_REF and p.ad_ref_side:
            text += f" ({p.ad_ref_side.value})"
        if p.mark is not None and p.mark.kind == "move":
            text += f"; moved by {author_name(self.m, p.mark.author.side)}"
        return fx.cell(STATUS_CM, fx.paragraph(fx.run(text, None, self.fonts, size_pt=8)))

    def _section_row(self, section_id: int, headings: dict[Lang, str]) -> str:
        shade = "E8ECF2"
        cells = [self._number_cell("", f"{SECTION_PREFIX}{section_id}", shade)]
        cells += [fx.cell(self.width, fx.paragraph(
            fx.run(headings.get(lang, ""), lang, self.fonts, bold=True), keep_next=True), shade)
            for lang in self.langs]
        cells.append(fx.cell(STATUS_CM, fx.paragraph(""), shade))
        return fx.row(cells)

    def _paragraph_row(self, p: Paragraph) -> str:
        number = self.m.number(p.id)
        cells = [self._number_cell(str(number) if number else "", f"{BOOKMARK_PREFIX}{p.id}")]
        cells += [self._paragraph_cell(p, lang) for lang in self.langs]
        cells.append(self._status_cell(p))
        if p.comments or any(open_brackets(p, lang) for lang in self.langs):
            self.commented.append(p)
        return fx.row(cells)

    def table(self, progress: Progress | None) -> str:
        """The whole table as text."""
        head = [fx.cell(w, fx.paragraph(fx.run(t, None, self.fonts, bold=True, size_pt=9)),
                        "D9DEE6")
                for t, w in (("No.", NUMBER_CM), *((_LANG_NAMES[x], self.width)
                                                   for x in self.langs), ("Status", STATUS_CM))]
        rows = [fx.row(head, header=True)]
        total, done = len(self.m.paragraphs()), 0
        for section in self.m.sections:
            if section.numbered or any(section.heading.values()):
                rows.append(self._section_row(section.id, section.heading))
            for p in section.paragraphs:
                rows.append(self._paragraph_row(p))
                done += 1
                if progress is not None and done % 250 == 0:
                    progress(done, total)
        widths = [NUMBER_CM, *([self.width] * len(self.langs)), STATUS_CM]
        return fx.table(widths, rows)


_LANG_NAMES = {Lang.KO: "한국어 Korean", Lang.EN: "English", Lang.RU: "Русский Russian"}


def _bracket_note(m: Minutes, p: Paragraph) -> str:
    parts = []
    for lang in m.languages:
        for b in open_brackets(p, lang):
            options = "; ".join(f"“{o.text}” ({author_name(m, o.side) if o.side else '?'})"
                                for o in b.options)
            parts.append(f"Bracket [{lang.value}]: {options}")
    return "\n".join(parts)


def _add_comments(doc: DocxDocument, m: Minutes, tbl: Element, commented: list[Paragraph]
                  ) -> None:
    """Word comments on each paragraph's number: its comments, and who proposed each bracket."""
    anchors = {b.get(qn("w:name")): b.getnext() for b in tbl.iter(qn("w:bookmarkStart"))}
    written = []  # (Word's comment, ours): replies and resolved threads follow
    for p in commented:
        anchor = cast(CT_R, anchors[f"{BOOKMARK_PREFIX}{p.id}"])
        # python-docx anchors comments on Run proxies; the run's part comes via the body
        run = Run(anchor, DocxParagraph(cast(CT_P, anchor.getparent()), doc._body))
        note = _bracket_note(m, p)
        if note:
            c = doc.add_comment(run, text=note, author=author_name(m, m.own_side),
                                initials=m.own_side.value)
            c._comment_elm.date = dt.datetime.combine(m.meeting.last_day, dt.time(), dt.UTC)
        for comment in p.comments:
            c = doc.add_comment(run, text=comment.text, author=author_name(m, comment.side),
                                initials=comment.side.value)
            when = comment.created or m.meeting.last_day.isoformat() + "T00:00:00Z"
            c._comment_elm.date = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
            written.append((c, comment))
    write_threads(doc, written)


def _header(doc: DocxDocument, m: Minutes, fonts: Fonts) -> None:
    header = doc.sections[0].header.paragraphs[0]
    own = author_name(m, m.own_side)
    text = (f"{title(m, Lang.EN)} — working copy — round {m.working_round}, "
            f"sent by the {own}")
    text_run(header._p, text, Lang.EN, fonts, size_pt=8)


def write_working(m: Minutes, out: str | Path | IO[bytes], progress: Progress | None = None
                  ) -> bytes:
    """Write the working copy; returns the file's bytes (identical for identical input)."""
    doc = new_document(m, title(m, Lang.EN) + " — working copy")
    w = _Writer(m)
    _header(doc, m, w.fonts)
    body = doc.element.body
    sect = body[-1]  # python-docx keeps w:sectPr last; we add before it
    body.remove(sect)
    for lang in w.langs:
        text_run(paragraph(body, align="center", space_after_pt=4), title(m, lang), lang,
                 w.fonts, bold=True, size_pt=13)
    tbl = parse_xml(w.table(progress))
    body.append(tbl)
    body.append(paragraph(None))  # type: ignore[arg-type] # a table may not end the body
    body.append(sect)
    _add_comments(doc, m, tbl, w.commented)
    track_revisions_setting(doc)
    doc.styles["Normal"].font.size = Pt(10)
    return save_stable(doc, out)
