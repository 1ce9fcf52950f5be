"""Free annexes in the working copy: rows after the body, their revisions as tracked changes.

Each free annex is a heading row and a row per paragraph, after the paragraphs of the body;
the number cell carries the bookmark ``_ma_<annex>_<part>`` (annex index from 0; part 0 the
heading, k paragraph k) so that a returned file maps each row back to its part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from minutes_app.docx_io import fastxml as fx
from minutes_app.docx_io.working_page import cant_split
from minutes_app.docx_io.xml import Fonts
from minutes_app.model import Lang, Minutes
from minutes_app.model.annexes import FREE, Annex, part_text, roman
from minutes_app.model.track import plain

if TYPE_CHECKING:
    from minutes_app.docx_io.consecutive import Consecutive
    from minutes_app.docx_io.working import _Table

ANNEX_PREFIX = "_ma_"
_NAME = re.compile(r"_ma_([0-9]+)_([0-9]+)\Z")
SHADE = "F2EEE4"  # set apart from the body's heading rows


def annex_bookmark(names: list[str]) -> tuple[int, int] | None:
    """The (annex index, part) a row's bookmarks name, or None."""
    for name in names:
        found = _NAME.match(name)
        if found:
            return int(found.group(1)), int(found.group(2))
    return None


def _row(w: _Table, a: Annex, index: int, part: int) -> str:
    heading = part == 0
    # "III" and "III.2" fit the number column; the status column names the annex
    label = roman(index + 1) + ("" if heading else f".{part}")
    shade = SHADE if heading else None
    number = w.number(label, f"{ANNEX_PREFIX}{index}_{part}", [], keep_next=heading)
    cells = [fx.cell(w.width_number, number, shade)]
    texts = [part_text(a, part, lang) for lang in w.langs]
    for lang in w.langs:
        track = a.tracks.get(part, {}).get(lang) or plain(part_text(a, part, lang))
        cells.append(fx.cell(w.width, fx.paragraph(w.runs(track, lang, heading),
                                                   keep_next=heading, space_after_pt=2), shade))
    cells.append(fx.cell(w.width_status, fx.paragraph(
        fx.run(f"Annex {roman(index + 1)}" if heading else "", None, w.fonts, size_pt=8),
        keep_next=heading), shade))
    # a heading on one page with the part after it; a part as a paragraph's row
    return fx.row(cells, cant_split=heading or cant_split(texts, w.width, w.page_h))


def annex_rows(w: _Table) -> Iterator[str]:
    """The rows of every free annex (delegation lists are not negotiated text)."""
    for index, a in enumerate(w.m.annexes):
        if a.kind != FREE:
            continue
        for part in range(1 + len(a.paragraphs)):
            yield _row(w, a, index, part)


def annex_paragraphs(w: Consecutive, lang: Lang) -> Iterator[str]:
    """The consecutive layout's free annexes in ``lang``: a bookmarked heading, then labelled
    paragraphs (``_ma_<annex>_<part>_<lang>``), after that language's body."""
    for index, a in enumerate(w.m.annexes):
        if a.kind != FREE:
            continue
        for part in range(1 + len(a.paragraphs)):
            heading = part == 0
            label = fx.run(roman(index + 1) + ("" if heading else f".{part}") + "\t", None,
                           w.fonts, bold=True)
            name = f"{ANNEX_PREFIX}{index}_{part}_{lang.value}"
            track = a.tracks.get(part, {}).get(lang) or plain(part_text(a, part, lang))
            yield fx.paragraph(fx.bookmarked(label, w.ids.take(), name)
                               + w.runs(track, lang, heading), keep_next=heading,
                               space_after_pt=6, indent_hanging_cm=1.0)


def report_rows(m: Minutes, langs: list[Lang], widths: tuple[float, float, float],
                fonts: Fonts) -> list[str]:
    """The review report's rows for free-annex parts with pending revisions (after the body)."""
    from minutes_app.docx_io.report import revision_item
    from minutes_app.i18n.catalog import _
    from minutes_app.tracking.annexes import annex_revisions

    number_cm, width, items_cm = widths
    by_part: dict[tuple[int, int], list[str]] = {}
    for r in annex_revisions(m):
        assert r.annex is not None and r.lang is not None
        by_part.setdefault(r.annex, []).append(revision_item(r))
    rows = []
    for (index, part), items in sorted(by_part.items()):
        a = m.annexes[index]
        label = _("Annex {number}").format(number=roman(index + 1) + (f".{part}" if part else ""))
        cells = [fx.cell(number_cm, fx.paragraph(fx.run(label, None, fonts, bold=True,
                                                        size_pt=8)))]
        cells += [fx.cell(width, fx.paragraph(fx.run(part_text(a, part, lang), lang, fonts,
                                                     bold=part == 0, size_pt=9)))
                  for lang in langs]
        cells.append(fx.cell(items_cm, "".join(fx.paragraph(fx.run(i, None, fonts, size_pt=8))
                                               for i in items)))
        rows.append(fx.row(cells))
    return rows
