"""Words a returned working copy holds where an import cannot give them to a paragraph: typed into
the lower part of a vertical merge (``w:vMerge`` continuing), or in ``mc:AlternateContent`` of a
header, a footer or between the body's paragraphs. Each is listed as not applied (the import
stops until the user accepts the list), never dropped and never taken as a paragraph's text."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes
from minutes_app.store import MinutesFile
from minutes_app.tracking.revisions import all_revisions
from tests.exports.test_import import lo_edit, sent
from tests.helpers.returned import add_footer
from tests.exports.test_import_table_shape import MC, PARA_4, W, _accepted, _row, _unplaced

Edit = Callable[[etree._Element], None]


def _edited(m: Minutes, tmp_path: Path, part: str, change: Edit) -> Path:
    """Our working copy with ``change`` made to one of its parts (as Word writes it); a
    footer is added first when the change is to one (ours has none)."""
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    if part == "word/footer":
        add_footer(parts)
    name = part if part in parts else next(n for n in sorted(parts) if n.startswith(part))
    root = etree.fromstring(parts[name])
    change(root)
    parts[name] = etree.tostring(root)
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return returned


def _merge(cell: etree._Element, value: str | None) -> None:
    """``w:vMerge`` on a cell (``restart``, or continuing when ``value`` is None)."""
    props = cell.find(f"{W}tcPr")
    if props is None:
        props = etree.Element(f"{W}tcPr")
        cell.insert(0, props)
    merge = etree.Element(f"{W}vMerge")
    if value is not None:
        merge.set(f"{W}val", value)
    width = props.find(f"{W}tcW")  # after the width, as the schema orders them
    props.insert(1 if width is not None else 0, merge)


def _type_into(cell: etree._Element, words: str) -> None:
    """The cell's words replaced by ``words`` in its first paragraph, the others gone."""
    paragraphs = cell.findall(f"{W}p")
    for extra in paragraphs[1:]:
        cell.remove(extra)
    for r in paragraphs[0].findall(f"{W}r"):
        paragraphs[0].remove(r)
    if words:
        etree.SubElement(etree.SubElement(paragraphs[0], f"{W}r"), f"{W}t").text = words


def _texts(m: Minutes) -> dict[int, dict[Lang, str]]:
    return {p.id: dict(p.texts) for p in m.paragraphs()}


@pytest.mark.parametrize("words", ["TYPED BELOW", ""], ids=["typed", "left-empty"])
def test_words_in_the_lower_part_of_a_vertical_merge_are_listed(
        tmp_path: Path, words: str) -> None:
    m = sent()
    upper, lower = m.sections[1].paragraphs[0].id, m.sections[1].paragraphs[1].id

    def merge_down(root: etree._Element) -> None:
        top, below = (_row(root, pid).findall(f"{W}tc")[2] for pid in (upper, lower))
        _merge(top, "restart")
        _merge(below, None)
        _type_into(below, words)

    returned = _edited(m, tmp_path, "word/document.xml", merge_down)
    found = _unplaced(sent(), returned)
    assert {scope for scope, _ in found} == {"merged-rows"}
    assert (words in [text for _, text in found]) is bool(words)
    before = _texts(m)
    report = _accepted(m, returned)
    assert report.touched == [] and _texts(m) == before and all_revisions(m) == []


@pytest.mark.parametrize("words", ["TYPED BELOW", ""], ids=["typed", "left-empty"])
def test_a_continuing_cell_below_a_row_that_starts_no_merge_is_no_paragraph_text(
        tmp_path: Path, words: str) -> None:
    """The first paragraph of a section continues a merge its heading row never started:
    its words are listed (an empty one is no deletion of the English text)."""
    m = sent()
    first = m.sections[2].paragraphs[0].id

    def continue_alone(root: etree._Element) -> None:
        cell = _row(root, first).findall(f"{W}tc")[2]
        _merge(cell, None)
        _type_into(cell, words)

    returned = _edited(m, tmp_path, "word/document.xml", continue_alone)
    found = _unplaced(sent(), returned) if words else []
    assert found == ([("merged-rows", words)] if words else [])
    before = _texts(m)
    report = _accepted(m, returned)
    assert report.touched == [] and report.deleted == []
    assert _texts(m) == before and all_revisions(m) == []


def test_words_typed_in_the_number_column_below_a_merge_are_listed(tmp_path: Path) -> None:
    m = sent()
    upper, lower = m.sections[1].paragraphs[0].id, m.sections[1].paragraphs[1].id

    def merge_numbers(root: etree._Element) -> None:
        top, below = (_row(root, pid).findall(f"{W}tc")[0] for pid in (upper, lower))
        _merge(top, "restart")
        _merge(below, None)
        below.find(f".//{W}t").text = "see above"  # type: ignore[union-attr]

    returned = _edited(m, tmp_path, "word/document.xml", merge_numbers)
    found = _unplaced(sent(), returned)
    assert ("merged-rows", "see above") in found, found
    assert _accepted(m, returned).touched == []


def _alternate_run(paragraph: etree._Element, words: str) -> None:
    """Runs in ``mc:AlternateContent`` among a paragraph's runs (a choice and its fallback)."""
    block = etree.SubElement(paragraph, f"{{{MC}}}AlternateContent")
    for tag in ("Choice", "Fallback"):
        part = etree.SubElement(block, f"{{{MC}}}{tag}")
        if tag == "Choice":
            part.set("Requires", "wps")
        etree.SubElement(etree.SubElement(part, f"{W}r"), f"{W}t").text = words


@pytest.mark.parametrize(("part", "scope"), [("word/header", "header"),
                                             ("word/footer", "footer")])
def test_alternative_content_in_a_header_or_footer_is_listed(
        tmp_path: Path, part: str, scope: str) -> None:
    m = sent()

    def alternate(root: etree._Element) -> None:
        _alternate_run(next(root.iter(f"{W}p")), " NOT BINDING")

    returned = _edited(m, tmp_path, part, alternate)
    assert _unplaced(sent(), returned) == [("alternate", " NOT BINDING")]
    before = _texts(m)
    report = _accepted(m, returned)
    assert [(u.scope, u.location) for u in report.unplaced] == [
        ("alternate", f"{scope} of section 1")]  # as Word shows it: "Header -Section 1-"
    assert _texts(m) == before


def test_alternative_content_between_the_body_s_paragraphs_is_listed(tmp_path: Path) -> None:
    m = sent()

    def alternate(root: etree._Element) -> None:
        body = root.find(f"{W}body")
        assert body is not None
        block = etree.Element(f"{{{MC}}}AlternateContent")
        choice = etree.SubElement(block, f"{{{MC}}}Choice", Requires="w14")
        run = etree.SubElement(etree.SubElement(choice, f"{W}p"), f"{W}r")
        etree.SubElement(run, f"{W}t").text = "A WHOLE PARAGRAPH"
        body.insert(1, block)

    returned = _edited(m, tmp_path, "word/document.xml", alternate)
    assert _unplaced(sent(), returned) == [("alternate", "A WHOLE PARAGRAPH")]


@pytest.mark.usefixtures("english_after")
def test_the_cli_names_a_footer_s_alternative_content_in_korean(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = sent()
    path = tmp_path / "d.minutes"
    MinutesFile.create(path, m).close()

    def alternate(root: etree._Element) -> None:
        _alternate_run(next(root.iter(f"{W}p")), " NOT BINDING")

    returned = _edited(m, tmp_path, "word/footer", alternate)
    capsys.readouterr()
    assert main(["--lang", "ko", "import", str(path), str(returned)]) != 0
    said = capsys.readouterr()
    text = said.out + said.err
    assert "바닥글" in text and "NOT BINDING" in text, text
    assert "footer" not in text


def test_words_libreoffice_typed_into_the_covered_part_of_a_merge_are_listed(
        tmp_path: Path) -> None:
    """LibreOffice writes the covered cell's words into the continuing cell; listed with the
    merged cell, and neither row takes them."""
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = lo_edit(exported, tmp_path / "returned.docx", [
        {"merge_with": PARA_4, "down": True, "below": "TYPED BELOW"}], False, tmp_path)
    found = _unplaced(sent(), returned)
    assert ("merged-rows", "TYPED BELOW") in found and {s for s, _ in found} == {"merged-rows"}
    before, headings = _texts(m), {s.id: dict(s.heading) for s in m.sections}
    report = _accepted(m, returned)
    assert report.touched == [] and report.headings == []
    assert _texts(m) == before and {s.id: dict(s.heading) for s in m.sections} == headings
