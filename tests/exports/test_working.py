"""The working copy, judged by pandoc and by its XML."""

from __future__ import annotations

from typing import Any

from tests.helpers import some

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io.working import BOOKMARK_PREFIX, author_name, write_working
from minutes_app.model import Comment, Lang, Minutes, Side
from minutes_app.model.track import baseline_text
from minutes_app.workflows.templates import demo
from minutes_app.tracking.revisions import all_revisions
from tests.exports.clients import pandoc_json, spans, table_rows

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def negotiated() -> Minutes:
    m = demo()
    p = next(p for p in m.paragraphs() if m.number(p.id) == 14)
    p.comments.append(Comment(m.allocate_id(), Side.RU, "The year differs between the texts.",
                              "2020-12-15T10:00:00Z"))
    return m


@pytest.fixture(scope="module")
def working(negotiated: Minutes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("working") / "working.docx"
    write_working(negotiated, path)
    return path


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_pandoc_reads_every_pending_revision_with_its_author(negotiated: Minutes,
                                                             working: Path) -> None:
    found = spans(pandoc_json(working), ("insertion", "deletion"))
    read = sorted((kind, attrs["author"], squash(text)) for kind, attrs, text in found)
    expected = sorted(("insertion" if r.kind == "insert" else "deletion",
                       author_name(negotiated, r.side), squash(r.text))
                      for r in all_revisions(negotiated) if r.lang is not None)
    # a deletion inside an insertion is read inside it: the insertion's text includes it
    assert [x for x in read if x[0] == "deletion"] == [x for x in expected if x[0] == "deletion"]
    assert len(read) == len(expected)
    assert {a for _, a, _ in read} == {"Korean Side", "Russian Side"}
    dates = {attrs["date"] for _, attrs, _ in found}
    assert dates == {"2020-12-14T08:30:00Z", "2020-12-16T10:00:00Z"}


def _cells(doc: dict[str, Any], m: Minutes, offset: int = 0
           ) -> dict[int, list[str]]:
    rows = table_rows(doc)[offset:]
    numbered = {r[0].strip(): r for r in rows if r[0].strip().isdigit()}
    return {p.id: numbered[str(m.number(p.id))] for p in m.paragraphs()
            if m.number(p.id) is not None}


def test_accepting_gives_the_current_text_rejecting_the_baseline(negotiated: Minutes,
                                                                 working: Path) -> None:
    accepted = _cells(pandoc_json(working, "accept"), negotiated)
    rejected = _cells(pandoc_json(working, "reject"), negotiated)
    for pid, cells in accepted.items():
        p = negotiated.paragraph(pid)
        assert squash(cells[1]) == squash(p.text(Lang.KO))
        assert squash(cells[2]) == squash(p.text(Lang.EN))
        base = {lang: baseline_text(t) for lang, t in p.tracks.items()}
        assert squash(rejected[pid][1]) == squash(base.get(Lang.KO, p.text(Lang.KO)))
        assert squash(rejected[pid][2]) == squash(base.get(Lang.EN, p.text(Lang.EN)))


def test_comments_come_back_with_their_side(working: Path) -> None:
    found = spans(pandoc_json(working), ("comment-start",))
    by_author = {(attrs["author"], squash(text)[:30]) for _, attrs, text in found}
    assert ("Russian Side", "The year differs between the t") in by_author
    assert any(a == "Korean Side" and re.match(r"Bracket \d+ \[ko\]", t) for a, t in by_author)


def test_korean_runs_carry_the_east_asian_font_and_language(working: Path) -> None:
    root = document_xml(working)
    def text(r: etree._Element) -> str:
        return "".join(t.text or "" for t in r.iter(f"{W}t", f"{W}delText"))

    hangul = [r for r in root.iter(f"{W}r") if re.search("[가-힣]", text(r))]
    assert hangul
    for r in hangul:
        fonts = r.find(f"{W}rPr/{W}rFonts")
        lang = r.find(f"{W}rPr/{W}lang")
        assert fonts is not None and fonts.get(f"{W}eastAsia") == "Batang"
        assert lang is not None and lang.get(f"{W}eastAsia") == "ko-KR"


def test_revision_ids_are_unique_and_paragraph_ids_travel_in_bookmarks(negotiated: Minutes,
                                                                       working: Path) -> None:
    root = document_xml(working)
    ids = [e.get(f"{W}id") for e in root.iter(f"{W}ins", f"{W}del", f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))
    names = {e.get(f"{W}name") for e in root.iter(f"{W}bookmarkStart")}
    assert {f"{BOOKMARK_PREFIX}{p.id}" for p in negotiated.paragraphs()} <= names


def test_run_properties_follow_the_schema_order(working: Path) -> None:
    order = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "strike", "color", "sz", "szCs", "u",
             "vertAlign", "lang"]
    for rpr in document_xml(working).iter(f"{W}rPr"):
        tags = [c.tag.replace(W, "") for c in rpr if c.tag.replace(W, "") in order]
        assert tags == sorted(tags, key=order.index)


def test_track_changes_is_on_for_the_other_side(working: Path) -> None:
    with zipfile.ZipFile(working) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
    tags = [c.tag.replace(W, "") for c in settings]
    assert "trackRevisions" in tags
    assert tags.index("trackRevisions") < tags.index("defaultTabStop")


def test_the_same_document_gives_the_same_bytes(negotiated: Minutes, tmp_path: Path) -> None:
    assert write_working(negotiated, tmp_path / "a.docx") == write_working(
        negotiated, tmp_path / "b.docx")


# --- on paper: page fit, repeated header, rows kept together (issue 11.4, 14.4) -----------

def _twips(e: etree._Element | None, attr: str) -> int:
    assert e is not None
    return int(e.get(f"{W}{attr}") or 0)


def text_width(root: etree._Element) -> tuple[int, int]:
    """The text width the document declares, and what the same margins leave on US Letter."""
    sect = root.find(f"{W}body/{W}sectPr")
    size, margins = some(sect).find(f"{W}pgSz"), some(sect).find(f"{W}pgMar")
    sides = _twips(margins, "left") + _twips(margins, "right")
    landscape = _twips(size, "w") > _twips(size, "h")
    letter = 15840 if landscape else 12240
    return _twips(size, "w") - sides, letter - sides


@pytest.mark.parametrize("three", [False, True])
def test_the_table_fits_the_text_width_of_a4_and_us_letter(three: bool, tmp_path: Path) -> None:
    from tests.exports.documents import trilingual

    m = trilingual() if three else demo()
    write_working(m, tmp_path / "w.docx")
    root = document_xml(tmp_path / "w.docx")
    a4, letter = text_width(root)
    size = root.find(f"{W}body/{W}sectPr/{W}pgSz")
    assert (_twips(size, "w") > _twips(size, "h")) is three  # landscape for three languages
    assert {_twips(size, "w"), _twips(size, "h")} == {11906, 16838}  # A4
    tbl = root.find(f".//{W}tbl")
    assert tbl is not None
    grid = [_twips(c, "w") for c in tbl.iter(f"{W}gridCol")]
    assert sum(grid) <= min(a4, letter)
    assert _twips(tbl.find(f"{W}tblPr/{W}tblW"), "w") == sum(grid)
    number, *langs, status = grid
    assert number < status < langs[0] and len(set(langs)) == 1 and len(langs) == (3 if three
                                                                                   else 2)
    for tr in tbl.iter(f"{W}tr"):
        assert [_twips(tc.find(f"{W}tcPr/{W}tcW"), "w") for tc in tr.iter(f"{W}tc")] == grid


def test_header_repeats_headings_keep_with_next_short_rows_do_not_split(tmp_path: Path) -> None:
    from tests.exports.documents import long_minutes

    m = long_minutes(60)
    write_working(m, tmp_path / "w.docx")
    rows = list(document_xml(tmp_path / "w.docx").iter(f"{W}tr"))
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])

    def cant_split(r: etree._Element) -> bool:
        return some(r.find(f"{W}trPr/{W}cantSplit")).get(f"{W}val") == "1"

    def names(r: etree._Element) -> list[str]:
        return [b.get(f"{W}name") or "" for b in r.iter(f"{W}bookmarkStart")]

    headings = [r for r in rows if any(n.startswith("_ms_") for n in names(r))]
    assert len(headings) == len(m.sections)
    for r in headings:
        assert cant_split(r)
        assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in r.iter(f"{W}p"))
    # a short paragraph's row stays on one page; a paragraph longer than a page may break
    # (``test_working_pages`` lays tall rows out on paper)
    by_name = {n: r for r in rows for n in names(r)}
    short = [p for p in m.paragraphs() if max(len(p.text(lang)) for lang in m.languages) < 250]
    assert len(short) > 10 and all(cant_split(by_name[f"_mp_{p.id}"]) for p in short)
    assert not cant_split(by_name[f"_mp_{m.paragraphs()[3].id}"])


def test_three_languages_in_the_order_given_with_each_header_in_its_language(
        tmp_path: Path) -> None:
    from tests.exports.documents import with_russian

    m = with_russian(demo(), (Lang.RU, Lang.KO, Lang.EN))
    write_working(m, tmp_path / "w.docx")
    header = table_rows_with_header(pandoc_json(tmp_path / "w.docx"))[0]
    assert [squash(c) for c in header] == ["No.", "Русский", "한국어 Korean", "English",
                                          "Status"]
    cells = _cells(pandoc_json(tmp_path / "w.docx", "accept"), m, offset=0)
    p = m.paragraphs()[5]
    assert [squash(c) for c in cells[p.id][1:4]] == [
        squash(p.text(lang)) for lang in (Lang.RU, Lang.KO, Lang.EN)]


def table_rows_with_header(doc: dict[str, Any]) -> list[list[str]]:
    from tests.exports.clients import inline_text

    block = next(b for b in doc["blocks"] if b.get("t") == "Table")
    head = block["c"][3][1]
    return [[inline_text(c[4]) for c in r[1]] for r in head] + table_rows(doc)


def test_east_asian_autospacing_is_off_in_every_export(tmp_path: Path) -> None:
    from minutes_app.docx_io.report import write_report
    from minutes_app.docx_io.signing import write_signing

    agreed = demo(agreed=True)
    write_working(demo(), tmp_path / "w.docx")
    write_working(demo(), tmp_path / "c.docx", layout="consecutive")
    write_signing(agreed, tmp_path / "s.docx", Side.KR)
    write_report(demo(), tmp_path / "r.docx")
    for name in ("w", "c", "s", "r"):
        with zipfile.ZipFile(tmp_path / f"{name}.docx") as z:
            styles = etree.fromstring(z.read("word/styles.xml"))
        ppr = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        assert ppr is not None
        for tag in ("autoSpaceDE", "autoSpaceDN"):
            off = ppr.find(f"{W}{tag}")
            assert off is not None and off.get(f"{W}val") in ("0", "false"), (name, tag)
        # nothing turns it back on further down (a style or a paragraph)
        with zipfile.ZipFile(tmp_path / f"{name}.docx") as z:
            parts = [etree.fromstring(z.read(n)) for n in ("word/document.xml",
                                                           "word/styles.xml")]
        for part in parts:
            for e in part.iter(f"{W}autoSpaceDE", f"{W}autoSpaceDN"):
                assert e.get(f"{W}val") in ("0", "false"), (name, e.tag)


# --- the consecutive layout ----------------------------------------------------------------

def test_the_layouts_differ_and_consecutive_has_every_language_in_turn(
        negotiated: Minutes, tmp_path: Path) -> None:
    table = write_working(negotiated, tmp_path / "t.docx", layout="side-by-side")
    runs = write_working(negotiated, tmp_path / "c.docx", layout="consecutive")
    assert table != runs
    doc = pandoc_json(tmp_path / "c.docx", "accept")
    assert not any(b.get("t") == "Table" for b in doc["blocks"])
    from tests.exports.clients import inline_text

    paras = [squash(inline_text(b["c"])) for b in doc["blocks"] if b.get("t") == "Para"]
    numbered = [p for p in negotiated.paragraphs() if negotiated.number(p.id)]
    expected = [f"{negotiated.number(p.id)}. {squash(p.text(lang))}"
                for lang in negotiated.languages for p in numbered]
    found = [x for x in paras if x.split(".")[0].isdigit()]
    assert found == expected
    # the same revisions and comments as the table carries
    for kinds in (("insertion", "deletion"), ("comment-start",)):
        assert sorted((k, a["author"], squash(t)) for k, a, t in spans(
            pandoc_json(tmp_path / "c.docx"), kinds)) == sorted(
            (k, a["author"], squash(t)) for k, a, t in spans(
                pandoc_json(tmp_path / "t.docx"), kinds))


def test_a_returned_consecutive_copy_imports_back(tmp_path: Path) -> None:
    from minutes_app.docx_io.importer import plan_import
    from minutes_app.tracking.rounds import snapshot

    m = demo()
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z"))
    write_working(m, tmp_path / "c.docx", layout="consecutive")
    target = m.paragraphs()[6]
    with zipfile.ZipFile(tmp_path / "c.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    mark = root.find(f".//{W}bookmarkStart[@{W}name='_mp_{target.id}_en']")
    p = some(some(mark).getparent())
    ins = etree.SubElement(p, f"{W}ins", {f"{W}id": "9001", f"{W}author": "Russian Side",
                                          f"{W}date": "2020-12-17T09:00:00Z"})
    etree.SubElement(etree.SubElement(ins, f"{W}r"), f"{W}t").text = " Added in Moscow."
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(tmp_path / "r.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    op, report = plan_import(m, tmp_path / "r.docx", Side.RU, "2020-12-17T10:00:00Z")
    op.apply(m)
    assert report.touched == [target.id] and not report.inserted and not report.deleted
    assert m.paragraph(target.id).text(Lang.EN).endswith(" Added in Moscow.")
    [revision] = [r for r in all_revisions(m) if r.paragraph_id == target.id]
    assert (revision.kind, revision.side, revision.lang) == ("insert", Side.RU, Lang.EN)


@pytest.mark.slow
def test_on_paper_every_page_has_the_header_and_the_whole_status_column(tmp_path: Path) -> None:
    """LibreOffice lays the demo and a 500-paragraph copy out; poppler reads every page."""
    from tests.exports.clients import pdf_text, to_pdf
    from tests.exports.documents import long_minutes, trilingual

    for name, m in (("demo", demo()), ("long", long_minutes(500)), ("three", trilingual())):
        write_working(m, tmp_path / f"{name}.docx")
        pages = pdf_text(to_pdf(tmp_path / f"{name}.docx", tmp_path)).split("\f")[:-1]
        assert len(pages) > (40 if name == "long" else 1)
        for page in pages:
            header = next(line for line in page.splitlines() if line.strip().startswith("No."))
            assert header.rstrip().endswith("Status"), header
        statuses = sum(page.count("Draft") + page.count("Proposed") + page.count("Agreed")
                       + page.count("Bracketed") for page in pages)
        assert statuses >= len(m.paragraphs()) - 1  # each row's status is on the page


def test_text_xml_cannot_hold_is_dropped_and_markup_is_escaped(tmp_path: Path) -> None:
    m = demo()
    p = m.paragraphs()[4]
    p.texts[Lang.EN] = 'A <b>"quoted"</b> & \x0bvertical\x0c tab \x01 text'
    write_working(m, tmp_path / "w.docx", layout="side-by-side")
    write_working(m, tmp_path / "c.docx", layout="consecutive")
    for name in ("w", "c"):
        texts = "".join(t.text or "" for t in document_xml(tmp_path / f"{name}.docx").iter(
            f"{W}t"))
        assert 'A <b>"quoted"</b> & vertical tab  text' in texts


def test_three_languages_consecutive_stay_on_portrait_pages(tmp_path: Path) -> None:
    from tests.exports.documents import trilingual

    write_working(trilingual(), tmp_path / "c.docx", layout="consecutive")
    size = document_xml(tmp_path / "c.docx").find(f"{W}body/{W}sectPr/{W}pgSz")
    assert (_twips(size, "w"), _twips(size, "h")) == (11906, 16838)


def test_a_paragraph_added_in_a_consecutive_copy_continues_the_one_before(
        tmp_path: Path) -> None:
    from minutes_app.docx_io.consecutive import read_back
    from minutes_app.docx_io.reader import read_docx

    m = demo()
    write_working(m, tmp_path / "c.docx", layout="consecutive")
    target = m.paragraphs()[6]
    with zipfile.ZipFile(tmp_path / "c.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    mark = root.find(f".//{W}bookmarkStart[@{W}name='_mp_{target.id}_ko']")
    added = etree.Element(f"{W}p")
    etree.SubElement(etree.SubElement(added, f"{W}r"), f"{W}t").text = "추가된 문장."
    some(some(mark).getparent()).addnext(added)
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(tmp_path / "r.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    found = read_back(read_docx(tmp_path / "r.docx"))
    assert found is not None
    header, *rows = found.rows
    row = next(r for r in rows if f"_mp_{target.id}" in r[0][0].bookmarks)
    ko = row[1 + m.languages.index(Lang.KO)]
    assert [p.text() for p in ko] == [target.text(Lang.KO), "추가된 문장."]
    assert squash(header[1][0].text()) == "한국어 Korean"
    assert len(found.consumed) == len(list(root.iter(f"{W}p")))  # every paragraph placed
