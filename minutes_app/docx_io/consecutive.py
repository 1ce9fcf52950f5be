"""The working copy laid out consecutively: each language as its own run of numbered paragraphs.

Every language part opens on a new page with its title; each heading and paragraph carries a
bookmark naming its id and language (``_ms_<id>_<lang>``, ``_mp_<id>_<lang>``), so that a
returned file maps back as the table does: ``as_table`` turns such a file's paragraphs into the
rows of a side-by-side copy. A paragraph the other Side added without a bookmark continues the
one before it, as a new line within a table cell would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from minutes_app.docx_io import xml as fx
from minutes_app.docx_io.reader import PLAIN, Cell, Piece, ReadDocument, ReadParagraph
from minutes_app.docx_io.working import (
    BOOKMARK_PREFIX, DOCUMENT_PREFIX, EXPORT_PREFIX, LANG_NAMES, SECTION_PREFIX, Progress, _Writer,
)
from minutes_app.i18n.names import title
from minutes_app.model import Lang, Paragraph, Section

TITLE_PREFIX = "_mt_"
_MARK = re.compile(r"^_m([pst])_(\d*)_?([a-z]{2})$")
_NUMBER = re.compile(r"^(\d+\.|·)\t")
# a free annex's part: _ma_<annex>_<part>_<lang> (see annex_rows); its label "III.2<tab>"
_ANNEX_MARK = re.compile(r"^_m(a)_(\d+_\d+)_([a-z]{2})$")
_ANNEX_LABEL = re.compile(r"^[IVXL]+(\.\d+)?\t")


class Consecutive(_Writer):
    """Writes the consecutive layout."""

    def _title(self, lang: Lang, first: bool) -> str:
        run = fx.run(title(self.m, lang), lang, self.fonts, bold=True, size_pt=13)
        content = fx.bookmarked(run, self.ids.take(), f"{TITLE_PREFIX}{lang.value}")
        if first and self.m.document_id:  # which document the copy was exported from
            content = fx.bookmarked(content, self.ids.take(),
                                    DOCUMENT_PREFIX + self.m.document_id)
        if first and self.mark:
            content = fx.bookmarked(content, self.ids.take(), EXPORT_PREFIX + self.mark)
        return fx.paragraph(content, page_break_before=not first, space_after_pt=12,
                            align="center")

    def _heading(self, section: Section, lang: Lang) -> str:
        run = self._heading_text(section, lang)
        name = f"{SECTION_PREFIX}{section.id}_{lang.value}"
        return fx.paragraph(fx.bookmarked(run, self.ids.take(), name), keep_next=True,
                            space_after_pt=6)

    def _paragraph(self, p: Paragraph, lang: Lang, first: bool) -> str:
        number = self.m.number(p.id)
        label = fx.run(f"{number}.\t" if number else "·\t", None, self.fonts, bold=True)
        if first:  # the paragraph's comments, once, on its number in the first language
            label = fx.comment_anchor(label, self.comments.get(p.id, []))
        name = f"{BOOKMARK_PREFIX}{p.id}_{lang.value}"
        content, mark = self.content(p, lang)
        content = self.on_text(p, lang, content)
        return fx.paragraph(fx.bookmarked(label, self.ids.take(), name) + content, mark,
                            space_after_pt=6, indent_hanging_cm=1.0)

    def body(self, progress: Progress | None) -> Iterator[str]:
        """Each language in turn: title, headings and numbered paragraphs."""
        total = len(self.m.paragraphs()) * len(self.langs)
        done = 0
        for i, lang in enumerate(self.langs):
            yield self._title(lang, i == 0)
            for section in self.m.sections:
                if section.numbered or any(section.heading.values()):
                    yield self._heading(section, lang)
                for p in section.paragraphs:
                    yield self._paragraph(p, lang, i == 0)
                    done += 1
                    if progress is not None and done % 250 == 0:
                        progress(done, total)
            from minutes_app.docx_io.annex_rows import annex_paragraphs

            yield from annex_paragraphs(self, lang)  # after the body, tracked like it


def _without_number(rp: ReadParagraph) -> ReadParagraph:
    """The paragraph without its leading ``12.<tab>``: the number is derived, not text."""
    if rp.pieces and rp.pieces[0].kind == PLAIN:
        rest = _NUMBER.sub("", rp.pieces[0].text, count=1)
        pieces = ([rp.pieces[0]._replace(text=rest)] if rest else []) + rp.pieces[1:]
        cut = len(rp.pieces[0].text) - len(rest)  # bracket spans count from the text's start
        anchors = {k: (max(0, a - cut), max(0, b - cut)) for k, (a, b) in rp.anchors.items()}
        return ReadParagraph(pieces, rp.mark, rp.bookmarks, rp.comment_ids, anchors=anchors,
                             comment_ends=rp.comment_ends)
    return rp


def _label(text: str, bookmark: str) -> Cell:
    return [ReadParagraph([Piece(PLAIN, text)], bookmarks=[bookmark])]


class ReadBack(NamedTuple):
    """A consecutive copy read as a table: its rows, and the body paragraphs they took."""

    rows: list[list[Cell]]
    consumed: list[ReadParagraph]
    # per language, its headings and paragraphs in the file's order: (kind, id, paragraph)
    orders: dict[str, list[tuple[str, str, ReadParagraph]]]


class _Gatherer:
    """Collects each heading's and paragraph's paragraphs per language, in file order."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, str], dict[str, Cell]] = {}  # (kind, id) → lang → cell
        self.current: Cell | None = None
        self.langs: list[str] = []
        self.numbers: dict[str, str] = {}
        self.consumed: list[ReadParagraph] = []
        self.orphans = 0
        self.orders: dict[str, list[tuple[str, str, ReadParagraph]]] = {}

    def marked(self, found: re.Match[str], rp: ReadParagraph) -> None:
        kind, ident, lang = found.groups()
        if lang not in self.langs:
            self.langs.append(lang)
        self.consumed.append(rp)
        if kind == "t":  # a language's title: what follows belongs to that language
            self.current = None
            return
        if (kind, ident) not in self.cells or lang not in self.cells[(kind, ident)]:
            self.orders.setdefault(lang, []).append((kind, ident, rp))
        self.current = self.cells.setdefault((kind, ident), {}).setdefault(lang, [])
        if kind == "a":  # an annex's part: its label is not text either
            first = rp.pieces[0] if rp.pieces else None
            if first is not None and first.kind == PLAIN and _ANNEX_LABEL.match(first.text):
                rest = _ANNEX_LABEL.sub("", first.text, count=1)
                rp = ReadParagraph(([first._replace(text=rest)] if rest else [])
                                   + rp.pieces[1:], rp.mark, rp.bookmarks, rp.comment_ids,
                                   comment_ends=rp.comment_ends)
            self.current.append(rp)
            return
        label = _NUMBER.match(rp.pieces[0].text) if rp.pieces else None
        if label is not None and kind == "p":  # the number, for rows that lost their id
            self.numbers.setdefault(ident, label.group(1).rstrip("."))
        self.current.append(_without_number(rp))

    def unmarked(self, rp: ReadParagraph) -> None:
        if not self.langs or not (rp.text() or rp.text(accept=False) or rp.mark is not None):
            return  # before the first title, or an empty paragraph
        if self.current is None:  # before any paragraph of its language: a new paragraph
            self.orphans += 1
            self.current = self.cells.setdefault(("p", f"new{self.orphans}"), {}).setdefault(
                self.langs[-1], [])
        self.consumed.append(rp)
        self.current.append(rp)

    def rows(self) -> list[list[Cell]]:
        order = [lang for lang in self.langs if lang in {x.value for x in Lang}]
        rows = [[_label("No.", "")] + [_label(LANG_NAMES[Lang(x)], "") for x in order]]
        for (kind, ident), by_lang in self.cells.items():
            prefix = {"s": SECTION_PREFIX, "a": "_ma_"}.get(kind, BOOKMARK_PREFIX)
            number = _label(self.numbers.get(ident, ""), f"{prefix}{ident}")
            rows.append([number] + [by_lang.get(lang, []) for lang in order])
        return rows


def read_back(doc: ReadDocument) -> ReadBack | None:
    """A consecutive copy's paragraphs as the rows of a side-by-side one (None if it is not).

    ``consumed`` lists the body paragraphs the rows took, so that a check of what lies
    outside the table of paragraphs can leave them out.
    """
    if doc.tables:  # a side-by-side copy (its cells' paragraphs are in doc.paragraphs too)
        return None
    g = _Gatherer()
    for rp in doc.paragraphs:
        found = next((m for b in rp.bookmarks for m in (_MARK.match(b), _ANNEX_MARK.match(b))
                      if m), None)
        if found is not None:
            g.marked(found, rp)
        else:
            g.unmarked(rp)
    return ReadBack(g.rows(), g.consumed, g.orders) if g.cells else None


def as_table(doc: ReadDocument) -> list[list[Cell]] | None:
    """The rows of ``read_back`` (None if ``doc`` is not a consecutive copy)."""
    found = read_back(doc)
    return found.rows if found else None
