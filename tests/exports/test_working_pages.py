"""The side-by-side working copy on paper: LibreOffice lays it out, poppler reads the pages.

A row kept on one page that does not fit moves to the next page, with the heading kept with
it; a tall row kept whole left the page before it half empty. Short rows stay whole, taller
ones break across pages, and a heading never ends a page.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io.working import write_working
from minutes_app.docx_io.working_page import MARGIN_CM
from minutes_app.model import Lang, Minutes
from minutes_app.model.annexes import Annex
from minutes_app.workflows.templates import demo
from tests.exports.clients import ink_depths, pdf_text, to_pdf
from tests.exports.schema import assert_valid_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LANDSCAPE_CM = 21.0  # the page's height, A4 landscape


def tall_rows() -> Minutes:
    """The trilingual demo with its second paragraph twice as long (more than half a page)
    and its seventh twenty times as long (more than a page)."""
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    paragraphs = m.paragraphs()
    for p, times in ((paragraphs[1], 2), (paragraphs[6], 20)):
        for lang in m.languages:
            p.texts[lang] = " ".join([p.text(lang)] * times)
    return m


def _rows(docx: Path) -> list[etree._Element]:
    with zipfile.ZipFile(docx) as z:
        return list(etree.fromstring(z.read("word/document.xml")).iter(f"{W}tr"))


def _bookmarks(row: etree._Element) -> list[str]:
    return [b.get(f"{W}name") or "" for b in row.iter(f"{W}bookmarkStart")]


def _whole(row: etree._Element) -> bool:
    split = row.find(f"{W}trPr/{W}cantSplit")
    return split is not None and split.get(f"{W}val") == "1"


def test_short_rows_stay_whole_tall_rows_may_break_headings_keep_with_the_next(
        tmp_path: Path) -> None:
    m = tall_rows()
    write_working(m, tmp_path / "w.docx")
    assert_valid_docx(tmp_path / "w.docx")
    rows = {name: r for r in _rows(tmp_path / "w.docx") for name in _bookmarks(r)
            if name.startswith(("_mp_", "_ms_"))}
    paragraphs = m.paragraphs()
    assert not _whole(rows[f"_mp_{paragraphs[1].id}"])  # more than half a page
    assert not _whole(rows[f"_mp_{paragraphs[6].id}"])  # more than a page
    short = [p for p in paragraphs if max(len(p.text(lang)) for lang in m.languages) < 150]
    assert short and all(_whole(rows[f"_mp_{p.id}"]) for p in short)
    for section in m.sections[1:]:  # the first is the preamble, without a heading row
        heading = rows[f"_ms_{section.id}"]
        assert _whole(heading)
        assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in heading.iter(f"{W}p"))


def test_a_free_annex_heading_keeps_with_its_part_a_long_part_may_break(tmp_path: Path) -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    long_part = {lang: " ".join([m.paragraphs()[1].text(lang)] * 20) for lang in m.languages}
    short_part = {lang: m.paragraphs()[0].text(lang)[:80] for lang in m.languages}
    m.annexes = [*m.annexes, Annex(heading={lang: "Annex" for lang in m.languages},
                                   paragraphs=(short_part, long_part))]
    write_working(m, tmp_path / "w.docx")
    assert_valid_docx(tmp_path / "w.docx")
    index = len(m.annexes) - 1
    rows = {name: r for r in _rows(tmp_path / "w.docx") for name in _bookmarks(r)}
    heading, short, long = (rows[f"_ma_{index}_{part}"] for part in range(3))
    assert _whole(heading) and _whole(short) and not _whole(long)
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in heading.iter(f"{W}p"))


@pytest.mark.slow
def test_no_page_but_the_last_is_left_a_quarter_empty_and_no_heading_ends_a_page(
        tmp_path: Path) -> None:
    m = tall_rows()
    write_working(m, tmp_path / "tall.docx")
    pdf = to_pdf(tmp_path / "tall.docx", tmp_path)
    depths = ink_depths(pdf)
    top, text = MARGIN_CM / LANDSCAPE_CM, 1 - 2 * MARGIN_CM / LANDSCAPE_CM
    filled = [(d - top) / text for d in depths]
    assert len(filled) > 3, filled
    # the old layout: page 1 held the titles and one row, 47% of its text height
    assert all(f > 0.75 for f in filled[:-1]), [round(f, 2) for f in filled]
    pages = pdf_text(pdf).split("\f")[:-1]
    assert len(pages) == len(depths)
    for section in m.sections[1:]:
        # the heading row: "·" in the number column, the short Korean heading on one line
        row = re.compile(rf"^·\s+{re.escape(section.heading[Lang.KO])}\s", re.M)
        [page] = [page for page in pages if row.search(page)]
        after = page[row.search(page).end():].splitlines()[1:]  # type: ignore[union-attr]
        # a numbered row starts below the heading on its page
        assert any(line.strip()[:1].isdigit() for line in after), (section.heading, after)
