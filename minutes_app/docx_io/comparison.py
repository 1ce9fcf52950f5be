"""The comparison of two rounds as a Word file: the newer text, every change in between as a
tracked change by the Side that made it, in the working copy's table layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from minutes_app.docx_io import xml as fx
from minutes_app.docx_io.base import (
    header_line, new_document, placeholder, save_stable, track_revisions_setting,
)
from minutes_app.docx_io.working import BOOKMARK_PREFIX, LANG_NAMES, _Writer, author_name
from minutes_app.docx_io.working_page import A4_CM, NUMBER_CM, STATUS_CM
from minutes_app.i18n.names import title
from minutes_app.model import Lang, Minutes, Paragraph, ParagraphMark
from minutes_app.model.track import plain
from minutes_app.tracking.compare import Comparison, compare, merged_order
from minutes_app.tracking.provenance import stages


def _round_label(c: Comparison) -> str:
    newer = "the current text" if c.current else f"round {c.newer}"
    return f"changes from round {c.older} to {newer}"


class _ComparisonWriter(_Writer):
    """The working copy's cells, fed with the comparison's tracks instead of pending ones."""

    def __init__(self, m: Minutes, c: Comparison) -> None:
        super().__init__(m, {})  # no comments: the comparison is about the text
        self.found = {p.pid: p for p in c.paragraphs}

    def _note(self, pid: int) -> str:
        found = self.found.get(pid)
        if found is None:
            return ""
        authors = [s.author for t in found.tracks.values() for s in t if s.author is not None]
        rounds = sorted({a.round for a in authors})
        sides = sorted({author_name(self.m, a.side) for a in authors})
        return "; ".join([f"round {', '.join(map(str, rounds))}", *sides])

    def _row(self, pid: int, texts: dict[Lang, str]) -> str:
        found = self.found.get(pid)
        p = Paragraph(pid, dict(texts))
        if found is not None:
            p.tracks = dict(found.tracks)
            if found.kind in ("inserted", "deleted") and found.author is not None:
                kind = "insert" if found.kind == "inserted" else "delete"
                p.mark = ParagraphMark(kind, found.author)
                p.texts = {lang: "".join(s.text for s in t) for lang, t in found.tracks.items()}
        number = found.number if found is not None else (
            self.m.number(pid) if self.m.has_paragraph(pid) else None)
        cells = [fx.cell(NUMBER_CM, self.number(str(number) if number else "·",
                                                f"{BOOKMARK_PREFIX}{pid}", []))]
        for lang in self.langs:
            if p.mark is None and lang not in p.tracks:
                p.tracks[lang] = plain(p.text(lang))
            content, mark = self.content(p, lang)
            cells.append(fx.cell(self.width, fx.paragraph(content, mark, space_after_pt=2)))
        cells.append(fx.cell(STATUS_CM, fx.paragraph(fx.run(self._note(pid), None, self.fonts,
                                                            size_pt=8))))
        return fx.row(cells)

    def comparison_table(self, texts: dict[int, dict[Lang, str]], order: list[int]) -> str:
        """The table: a header row, then a row per paragraph of the newer text (and the gone)."""
        head = [fx.cell(w, fx.paragraph(fx.run(t, None, self.fonts, bold=True, size_pt=9)),
                        "D9DEE6")
                for t, w in (("No.", NUMBER_CM),
                             *((LANG_NAMES[x], self.width) for x in self.langs),
                             ("Changed in", STATUS_CM))]
        rows = [fx.row(head, header=True)]
        rows += [self._row(pid, texts.get(pid, {})) for pid in order]
        return fx.table([NUMBER_CM, *([self.width] * len(self.langs)), STATUS_CM], rows)


def _newer_texts(m: Minutes, c: Comparison) -> tuple[dict[int, dict[Lang, str]], list[int]]:
    all_stages = stages(m)
    older, newer = all_stages[c.older - 1], all_stages[c.newer - 1]
    texts = {pid: dict(t) for pid, t in newer.texts.items()}
    return texts, merged_order(older, newer)


def write_comparison(m: Minutes, out: str | Path | IO[bytes], older: int,
                     newer: int | None = None) -> bytes:
    """Write the comparison of round ``older`` with ``newer`` (None: the current text)."""
    c = compare(m, older, newer)
    doc = new_document(m, title(m, Lang.EN) + " — comparison")
    w = _ComparisonWriter(m, c)
    section = doc.sections[0]
    if w.wide:  # three languages side by side: landscape, as the working copy
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(A4_CM[1]), Cm(A4_CM[0])
    section.header.is_linked_to_previous = False  # the header part exists when saved
    header = header_line(f"{title(m, Lang.EN)} — {_round_label(c)}", w.fonts)
    titles = [fx.paragraph(fx.run(title(m, lang), lang, w.fonts, bold=True, size_pt=13),
                           align="center", space_after_pt=4) for lang in w.langs]
    heading = fx.paragraph(fx.run(f"Comparison: {_round_label(c)}", Lang.EN, w.fonts,
                                  size_pt=10), align="center", space_after_pt=6)
    texts, order = _newer_texts(m, c)
    body = fx.as_written("".join(titles) + heading + w.comparison_table(texts, order)
                         + fx.paragraph(""))  # a table may not end the body
    placeholder(doc)
    track_revisions_setting(doc)
    doc.styles["Normal"].font.size = Pt(10)
    return save_stable(doc, out, [body], {"header": [header]})
