"""The working copy: what one delegation sends the other between rounds.

Side by side (the default): a table with a row per paragraph (number, one column per language,
status). Consecutive: each language as its own run of numbered paragraphs. Either way pending
revisions are real tracked changes by each Side, comments are Word comments, and the paragraph
ids travel in bookmarks (``_mp_<id>``) so that a returned file maps back to its paragraphs.

The body is written as a stream into ``document.xml`` (see ``base.save_stable``): building or
moving a tree of 20,000 rows costs more than the rest of the export together.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from minutes_app.docx_io import xml as fx
from minutes_app.docx_io.bracket_marks import cuts, split_track
from minutes_app.docx_io.base import (
    fonts_of, header_line, new_document, placeholder, save_stable,
    track_revisions_setting,
)
from minutes_app.docx_io.comment_threads import dated, write_threads
from minutes_app.docx_io.package import Edits, NewPart
from minutes_app.docx_io.working_page import (
    A4_CM, FONT_PT, NUMBER_CM, STATUS_CM, cant_split, landscape, text_area_cm,
)
from minutes_app.docx_io.xml import Fonts, Ids
from minutes_app.gcpause import collector_paused
from minutes_app.i18n.names import title
from minutes_app.model import Lang, Minutes, Paragraph, Section, Side, Status
from minutes_app.model.brackets import open_brackets, status_of
from minutes_app.model.track import DELETE, INSERT, Author, Seg, Track, plain

# (paragraph id, language) → the Word ids of the comments made on that language's text
CellComments = dict[tuple[int, Lang], list[int]]
BOOKMARK_PREFIX = "_mp_"
SECTION_PREFIX = "_ms_"
DOCUMENT_PREFIX = "_md_"  # on the first title: which document the copy was exported from
EXPORT_PREFIX = "_mx_"  # on the first title: the export's base record (``export_base``)
LAYOUTS = ("side-by-side", "consecutive")
Progress = Callable[[int, int], None]

STATUS_TEXT = {Status.DRAFT: "Draft", Status.PROPOSED: "Proposed",
               Status.BRACKETED: "Bracketed", Status.AGREED_AD_REF: "Ad ref.",
               Status.AGREED: "Agreed"}
STATUS_HEADER = "Status"  # the status column's header (the importer finds the column by it)
# each column's header in its own language (the importer finds the columns by these words)
LANG_NAMES = {Lang.KO: "한국어 Korean", Lang.EN: "English", Lang.RU: "Русский"}


def author_name(m: Minutes, side: Side) -> str:
    """The name revisions carry in Word: the Side's name as configured ("Russian Side")."""
    party = m.parties.get(side)
    return (party.side_name.get(Lang.EN) if party else None) or f"{side.value} Side"


def status_text(m: Minutes, p: Paragraph) -> str:
    """A paragraph's status as the working copy writes it in its status column."""
    status = status_of(p)
    text = STATUS_TEXT[status]
    if status is Status.AGREED_AD_REF and p.ad_ref_side:
        text += f" ({p.ad_ref_side.value})"
    if p.mark is not None and p.mark.kind == "move":
        text += f"; moved by {author_name(m, p.mark.author.side)}"
    return text


def column_order(m: Minutes) -> list[Lang]:
    """The document's languages in the order the document gives them."""
    return list(m.languages)


class _Writer:
    """Writes a paragraph's text, marks and comments as WordprocessingML text."""

    def __init__(self, m: Minutes, comments: dict[int, list[int]]) -> None:
        self.m = m
        self.fonts: Fonts = fonts_of(m)
        self.ids = Ids()
        self.langs = column_order(m)
        self.wide = landscape(m)
        page_w, self.page_h = text_area_cm(self.wide)
        # whole twips, rounded down: the grid never exceeds the margins (Letter's in twips)
        share = (page_w - 0.02 - NUMBER_CM - STATUS_CM) * 567 / len(self.langs)
        self.width = math.floor(share) / 567
        self.comments = comments
        self.mark = ""  # the export's base record (``export_base``), on the first title
        self.cell_comments: CellComments = {}  # comments on one language's text

    def on_text(self, p: Paragraph, lang: Lang, content: str) -> str:
        """A language's text inside the range of the comments made on it."""
        ids = self.cell_comments.get((p.id, lang))
        return fx.comment_anchor(content, ids) if ids else content

    def _name(self, a: Author) -> str:
        return author_name(self.m, a.side)

    def revision(self, kind: str, a: Author, content: str) -> str:
        """Content wrapped as a tracked insertion or deletion by its author."""
        return fx.revision(kind, self.ids.take(), self._name(a), a.time, content)

    def runs(self, track: Track, lang: Lang, bold: bool = False) -> str:
        """A track's runs, its pending changes as tracked changes by their Sides."""
        return "".join([self._segment(seg, lang, bold) for seg in track])

    def _segment(self, seg: Seg, lang: Lang, bold: bool = False) -> str:
        f = self.fonts
        if seg.kind == INSERT and seg.author:
            return self.revision("insert", seg.author, fx.run(seg.text, lang, f, bold=bold))
        if seg.kind == DELETE and seg.author:
            gone = self.revision("delete", seg.author,
                                 fx.run(seg.text, lang, f, deleted=True, bold=bold))
            if seg.origin is not None:  # deleted words of another Side's insertion
                gone = self.revision("insert", seg.origin, gone)
            return gone
        return fx.run(seg.text, lang, f, bold=bold)

    def _marked_text(self, p: Paragraph, track: Track, lang: Lang) -> str:
        """The runs with a bookmark around each open bracket's span (``bracket_marks``)."""
        marks, out, ids = cuts(p, lang), [], {}
        for pos, seg in [*split_track(track, list(marks)), (len(p.text(lang)), None)]:
            if seg is None or seg.kind != DELETE:
                for name, starts in sorted(marks.pop(pos, []), key=lambda x: x[1]):
                    if starts:
                        ids[name] = self.ids.take()
                        out.append(f'<w:bookmarkStart w:id="{ids[name]}" w:name="{name}"/>')
                    elif name in ids:
                        out.append(f'<w:bookmarkEnd w:id="{ids[name]}"/>')
            if seg is not None:
                out.append(self._segment(seg, lang))
        return "".join(out)

    def content(self, p: Paragraph, lang: Lang) -> tuple[str, str]:
        """A paragraph's runs in ``lang`` and the revision on its mark (or "")."""
        mark = p.mark
        if mark is not None and mark.kind in ("insert", "delete"):
            kind = mark.kind
            content = self.revision(kind, mark.author,
                                     fx.run(p.text(lang), lang, self.fonts, kind == "delete"))
            return content, fx.revision(kind, self.ids.take(), self._name(mark.author),
                                        mark.author.time, "")
        track = p.tracks.get(lang) or plain(p.text(lang))
        if any(b.is_open and lang in b.spans for b in p.brackets):
            return self._marked_text(p, track, lang), ""
        return self.runs(track, lang), ""

    def number(self, text: str, name: str, comment_ids: list[int], keep_next: bool = False
               ) -> str:
        """The number's run, bookmarked with the id and anchoring the paragraph's comments."""
        run = fx.comment_anchor(fx.run(text, None, self.fonts, bold=True), comment_ids)
        return fx.paragraph(fx.bookmarked(run, self.ids.take(), name), keep_next=keep_next)

    def _heading_text(self, section: Section, lang: Lang) -> str:
        """A heading's runs in bold (both layouts write headings through here), its pending
        revisions as tracked changes like a paragraph's."""
        return self.runs(section.tracks.get(lang) or plain(section.heading.get(lang, "")), lang,
                         bold=True)

    def status(self, p: Paragraph) -> str:
        """The status as a reader of the paper sees it."""
        return status_text(self.m, p)


class _Table(_Writer):
    """The side-by-side layout: one table, a row per heading and per paragraph."""

    width_number, width_status = NUMBER_CM, STATUS_CM

    def _section_row(self, section: Section) -> str:
        """A heading row: every paragraph kept with the next row, the row on one page."""
        shade = "E8ECF2"
        number = self.number("·", f"{SECTION_PREFIX}{section.id}", [], keep_next=True)
        cells = [fx.cell(NUMBER_CM, number, shade)]
        cells += [fx.cell(self.width, fx.paragraph(self._heading_text(section, lang),
                                                   keep_next=True), shade)
                  for lang in self.langs]
        cells.append(fx.cell(STATUS_CM, fx.paragraph("", keep_next=True), shade))
        return fx.row(cells, cant_split=True)

    def _paragraph_row(self, p: Paragraph) -> str:
        number = self.m.number(p.id)
        cells = [fx.cell(NUMBER_CM, self.number(str(number) if number else "·",
                                                f"{BOOKMARK_PREFIX}{p.id}",
                                                self.comments.get(p.id, [])))]
        for lang in self.langs:
            content, mark = self.content(p, lang)
            cells.append(fx.cell(self.width, fx.paragraph(self.on_text(p, lang, content), mark,
                                                          space_after_pt=2)))
        cells.append(fx.cell(STATUS_CM, fx.paragraph(
            fx.run(self.status(p), None, self.fonts, size_pt=8))))
        keep = cant_split([p.text(lang) for lang in self.langs], self.width, self.page_h)
        return fx.row(cells, cant_split=keep)

    def header(self) -> str:
        """The header row, repeated atop every page."""
        head = [(t, w) for t, w in (("No.", NUMBER_CM),
                                    *((LANG_NAMES[x], self.width) for x in self.langs),
                                    (STATUS_HEADER, STATUS_CM))]
        return fx.row([fx.cell(w, fx.paragraph(fx.run(t, None, self.fonts, bold=True,
                                                      size_pt=9)), "D9DEE6")
                       for t, w in head], header=True, cant_split=True)

    def body(self, progress: Progress | None) -> Iterator[str]:
        """Titles, then the table row by row."""
        for i, lang in enumerate(self.langs):
            run = fx.run(title(self.m, lang), lang, self.fonts, bold=True, size_pt=13)
            if i == 0 and self.m.document_id:
                run = fx.bookmarked(run, self.ids.take(), DOCUMENT_PREFIX + self.m.document_id)
            if i == 0 and self.mark:
                run = fx.bookmarked(run, self.ids.take(), EXPORT_PREFIX + self.mark)
            yield fx.paragraph(run, space_after_pt=4, align="center")
        yield fx.table_start([NUMBER_CM, *([self.width] * len(self.langs)), STATUS_CM])
        yield self.header()
        total, done = len(self.m.paragraphs()), 0
        for section in self.m.sections:
            if section.numbered or any(section.heading.values()):
                yield self._section_row(section)
            for p in section.paragraphs:
                yield self._paragraph_row(p)
                done += 1
                if progress is not None and done % 250 == 0:
                    progress(done, total)
        from minutes_app.docx_io.annex_rows import annex_rows

        yield from annex_rows(self)  # free annexes after the body, tracked like paragraphs
        yield "</w:tbl>"
        yield fx.paragraph("")  # a table may not end the body


def _bracket_note(m: Minutes, p: Paragraph) -> str:
    parts = []
    for lang in m.languages:
        for b in open_brackets(p, lang):
            options = "; ".join(f"“{o.text}” ({author_name(m, o.side) if o.side else '?'})"
                                for o in b.options)
            parts.append(f"Bracket {b.id} [{lang.value}]: {options}")
    return "\n".join(parts)


def _comments(doc: DocxDocument, m: Minutes
              ) -> tuple[dict[int, list[int]], CellComments, Edits, list[NewPart]]:
    """Word comments of each paragraph (who proposed each bracket, then its comments): on
    the number, and those made on one language's text (``Comment.lang``) on that text.

    Created before the body is written, in the order of the paragraphs, so that the
    comments part exists when the package is saved; the body anchors them by id. Their
    dates and threads are edits of the saved comments part.
    """
    found: dict[int, list[int]] = {}
    cells: CellComments = {}
    written = []  # (Word's comment, ours): replies and resolved threads follow
    dates = {}
    for p in m.paragraphs():
        if not p.comments and not any(open_brackets(p, lang) for lang in m.languages):
            continue
        ids = found.setdefault(p.id, [])
        note = _bracket_note(m, p)
        if note:
            c = doc.comments.add_comment(note, author_name(m, m.own_side), m.own_side.value)
            dates[c.comment_id] = dt.datetime.combine(m.meeting.last_day, dt.time(), dt.UTC)
            ids.append(c.comment_id)
        for comment in p.comments:
            c = doc.comments.add_comment(comment.text, author_name(m, comment.side),
                                         comment.side.value)
            when = comment.created or m.meeting.last_day.isoformat() + "T00:00:00Z"
            dates[c.comment_id] = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
            if comment.lang in m.languages:
                cells.setdefault((p.id, comment.lang), []).append(c.comment_id)
            else:
                ids.append(c.comment_id)
            written.append((c, comment))
    threads = write_threads(written)
    if threads is None:
        return found, cells, {"comments": [dated(dates)]}, []
    return found, cells, {"comments": [dated(dates), threads[0]]}, [threads[1]]


def _page(doc: DocxDocument, m: Minutes, wide: bool) -> Edits:
    """A4 (landscape when ``wide``); the header names the copy (an edit of the header part)."""
    section = doc.sections[0]
    if wide:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(A4_CM[1]), Cm(A4_CM[0])
    section.header.is_linked_to_previous = False  # the header part exists when saved
    own = author_name(m, m.own_side)
    text = (f"{title(m, Lang.EN)} — working copy — round {m.working_round}, "
            f"sent by the {own}")
    return {"header": [header_line(text, fonts_of(m))]}


@collector_paused()  # the writer allocates; collections would walk the whole model each time
def write_working(m: Minutes, out: str | Path | IO[bytes], progress: Progress | None = None,
                  layout: str = "side-by-side", mark: str | None = None) -> bytes:
    """Write the working copy; returns the file's bytes (identical for identical input).

    ``mark`` names the export's base record (``export_base``); computed when not given.
    """
    if layout not in LAYOUTS:
        from minutes_app.errors import MinutesError

        raise MinutesError("Unknown layout {layout!r}; choose side-by-side or consecutive.",
                           layout=layout)
    doc = new_document(m, title(m, Lang.EN) + " — working copy")
    edits = _page(doc, m, landscape(m) and layout == "side-by-side")  # consecutive: portrait
    comments, cells, more, added = _comments(doc, m)
    edits.update(more)
    if layout == "consecutive":
        from minutes_app.docx_io.consecutive import Consecutive

        writer: _Writer = Consecutive(m, comments)
    else:
        writer = _Table(m, comments)
    if mark is None:
        from minutes_app.docx_io.export_base import base_record

        mark = str(base_record(m)["mark"])
    writer.mark = mark
    writer.cell_comments = cells
    stream = writer.body(progress)  # type: ignore[attr-defined]
    placeholder(doc)
    track_revisions_setting(doc)
    doc.styles["Normal"].font.size = Pt(FONT_PT)
    return save_stable(doc, out, stream, edits, added)
