"""A returned working copy whose table the other Side reshaped: a column added, cells merged, the
table split in two (by LibreOffice itself, and as Word writes it), words in the header row or in
alternative content. Every word of theirs is imported or listed as not applied, never dropped;
cells are read by their grid column, never by their position in the row."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.docx_io.importer import ImportReport, UncertainRowsError, plan_import
from minutes_app.docx_io.reader import read_docx
from minutes_app.docx_io.unplaced import UnplacedChangesError
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, Side
from minutes_app.store import MinutesFile
from minutes_app.tracking.revisions import all_revisions
from tests.helpers.returned import edit_docx
from tests.exports.test_import import NOW, lo_edit, sent

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PARA_4 = "as from its 15th meeting"  # paragraph 4's English, in its row


def _pid(m: Minutes, number: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == number)


def _unplaced(m: Minutes, path: Path) -> list[tuple[str, str]]:
    """What the import lists as not applied: (scope, text); it must stop without the user."""
    with pytest.raises(UnplacedChangesError) as caught:
        plan_import(m, path, Side.RU, NOW)
    return [(u.scope, u.text) for u in caught.value.unplaced]


def _accepted(m: Minutes, path: Path) -> ImportReport:
    op, report = plan_import(m, path, Side.RU, NOW, accept_unplaced=True)
    op.apply(m)
    return report


def _edited(m: Minutes, tmp_path: Path, change: Callable[[etree._Element], None]) -> Path:
    """Our working copy with ``change`` made to its main part (as Word writes it)."""
    exported, returned = tmp_path / "working.docx", tmp_path / "returned.docx"
    write_working(m, exported)
    edit_docx(exported, returned, change)
    return returned


def _row(root: etree._Element, pid: int) -> etree._Element:
    return next(tr for tr in root.iter(f"{W}tr")
                if tr.find(f".//{W}bookmarkStart[@{W}name='_mp_{pid}']") is not None)


def _append(cell: etree._Element, words: str) -> None:
    ts = list(cell.iter(f"{W}t"))
    ts[-1].text = (ts[-1].text or "") + words


# --- edited by LibreOffice itself (UNO) ---

def test_a_column_libreoffice_added_is_listed_and_their_edit_elsewhere_comes_in(
        tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    note = "Replace 'decided' by 'agreed' in paragraph 4."
    returned = lo_edit(exported, tmp_path / "returned.docx", [
        {"add_column_with": PARA_4, "text": note},
        ["in the Russian Arctic in full", "in the Russian Arctic in full and in earnest"]],
        False, tmp_path)
    assert _unplaced(sent(), returned) == [("added-column", note)]
    report = _accepted(m, returned)
    assert [(u.scope, u.text) for u in report.unplaced] == [("added-column", note)]
    pid = _pid(m, 4)
    assert report.touched == [pid]
    assert m.paragraph(pid).text(Lang.EN).endswith("in full and in earnest.")
    assert note not in m.paragraph(pid).text(Lang.EN)  # listed, not put in the text


def test_cells_libreoffice_merged_across_languages_are_listed_not_given_to_one(
        tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    pid = _pid(m, 4)
    before = {lang: m.paragraph(pid).text(lang) for lang in m.languages}
    status = m.paragraph(pid).status
    returned = lo_edit(exported, tmp_path / "returned.docx", [
        {"merge_with": PARA_4}, ["Russian Arctic in full.", "Russian Arctic in full. MERGED"]],
        False, tmp_path)
    merged = _unplaced(sent(), returned)
    assert [scope for scope, _text in merged] == ["merged"]
    assert before[Lang.KO] in merged[0][1] and "in full. MERGED" in merged[0][1]
    report = _accepted(m, returned)
    # neither language took the merged cell's text, and the status column is still the status
    assert report.touched == [] and report.inserted == [] and report.deleted == []
    assert {lang: m.paragraph(pid).text(lang) for lang in m.languages} == before
    assert m.paragraph(pid).status is status
    assert all_revisions(m) == []


def test_cells_libreoffice_merged_down_over_two_rows_are_listed_not_given_to_one(
        tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    before = {p.id: {lang: p.text(lang) for lang in m.languages} for p in m.paragraphs()}
    headings = {s.id: dict(s.heading) for s in m.sections}
    returned = lo_edit(exported, tmp_path / "returned.docx", [{"merge_with": PARA_4,
                                                                "down": True}],
                       False, tmp_path)
    found = _unplaced(sent(), returned)
    assert [scope for scope, _ in found] == ["merged-rows"]
    assert PARA_4 in found[0][1]
    report = _accepted(m, returned)
    assert report.touched == [] and report.headings == [] and report.deleted == []
    assert {p.id: {lang: p.text(lang) for lang in m.languages} for p in m.paragraphs()} == before
    assert {s.id: dict(s.heading) for s in m.sections} == headings


@pytest.mark.parametrize("heading", [False, True], ids=["plain", "heading-copied"])
def test_a_table_libreoffice_split_in_two_imports_as_one(tmp_path: Path, heading: bool) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = lo_edit(exported, tmp_path / "returned.docx", [
        {"split_before": PARA_4, "heading": heading},
        ["despite the restrictions", "despite the severe restrictions"],  # paragraph 1
        ["in the Russian Arctic in full", "in the Russian Arctic in full and in earnest"]],
        True, tmp_path)
    assert len(read_docx(returned).tables) == 2  # LibreOffice did split it
    op, report = plan_import(m, returned, Side.RU, NOW)  # nothing to list
    op.apply(m)
    assert report.deleted == [] and report.inserted == [] and report.unplaced == []
    revised = {r.paragraph_id for r in all_revisions(m)}
    order = [p.id for p in m.paragraphs()]
    first_part = set(order[:order.index(_pid(m, 4))])
    assert _pid(m, 4) in revised and revised & first_part  # edits in both parts came in
    assert all(p.mark is None for p in m.paragraphs())  # no paragraph recorded as deleted


# --- as Word writes it (the XML edited directly) ---

def test_a_table_split_with_word_s_empty_paragraph_between_records_no_deletion(
        tmp_path: Path) -> None:
    m = sent()
    pid = _pid(m, 4)

    def split(root: etree._Element) -> None:
        tr = _row(root, pid)
        tbl = tr.getparent()
        assert tbl is not None
        second = etree.Element(f"{W}tbl")
        second.extend(copy.deepcopy(e) for e in tbl.iterchildren(f"{W}tblPr", f"{W}tblGrid"))
        rows = tbl.findall(f"{W}tr")
        for r in rows[rows.index(tr):]:
            second.append(r)
        _append(tr.findall(f"{W}tc")[2], " SPLIT")
        gap = etree.Element(f"{W}p")
        tbl.addnext(gap)
        gap.addnext(second)

    returned = _edited(m, tmp_path, split)
    report = _accepted(m, returned)  # with --accept-unplaced: still nothing deleted
    assert report.unplaced == [] and report.deleted == []
    assert report.touched == [pid]
    assert all(p.mark is None for p in m.paragraphs())


def test_a_row_shifted_by_grid_before_is_read_by_its_grid_columns(tmp_path: Path) -> None:
    """A row whose number cell Word dropped (``w:gridBefore``): its Korean and English cells
    stay Korean and English; the paragraph, without its id, is reported for the user."""
    m = sent()
    pid = _pid(m, 4)

    def shift(root: etree._Element) -> None:
        tr = _row(root, pid)
        first = tr.findall(f"{W}tc")[0]
        tr.remove(first)
        tr_pr = tr.find(f"{W}trPr")
        if tr_pr is None:
            tr_pr = etree.Element(f"{W}trPr")
            tr.insert(0, tr_pr)
        etree.SubElement(tr_pr, f"{W}gridBefore", {f"{W}val": "1"})

    returned = _edited(m, tmp_path, shift)
    doc = read_docx(returned)
    table = max(range(len(doc.tables)), key=lambda t: len(doc.tables[t]))
    shifted = [grid for (t, _r), grid in doc.grid.items() if t == table and grid[0][0] == 1]
    assert shifted == [[(1, 1), (2, 1), (3, 1)]]
    with pytest.raises(UncertainRowsError) as asked:  # looks like paragraph 4: never guessed
        plan_import(m, returned, Side.RU, NOW)
    assert len(asked.value.rows) == 1
    _op, report = plan_import(m, returned, Side.RU, NOW, accept_uncertain=True)
    assert report.deleted == [] and report.touched == [] and report.inserted == []


def test_a_legacy_horizontal_merge_is_one_cell_across_columns(tmp_path: Path) -> None:
    m = sent()
    pid = _pid(m, 4)

    def merge(root: etree._Element) -> None:
        cells = _row(root, pid).findall(f"{W}tc")
        for cell, value in ((cells[1], "restart"), (cells[2], None)):
            props = cell.find(f"{W}tcPr")
            assert props is not None
            merge = etree.SubElement(props, f"{W}hMerge")
            if value:
                merge.set(f"{W}val", value)
        _append(cells[2], " HMERGED")

    returned = _edited(m, tmp_path, merge)
    found = _unplaced(sent(), returned)
    assert [scope for scope, _ in found] == ["merged"] and "HMERGED" in found[0][1]
    report = _accepted(m, returned)
    assert report.touched == [] and all_revisions(m) == []


def test_words_typed_in_the_header_row_are_listed_a_renamed_header_is_not(
        tmp_path: Path) -> None:
    def header(root: etree._Element) -> None:
        cells = next(root.iter(f"{W}tr")).findall(f"{W}tc")
        _append(cells[2], " (please use 'agreed' throughout)")  # English
        korean = list(cells[1].iter(f"{W}t"))  # renamed, as the Russian Side may
        korean[0].text = "Корейский текст"
        for t in korean[1:]:
            t.text = ""

    returned = _edited(sent(), tmp_path, header)
    assert _unplaced(sent(), returned) == [
        ("header-row", "English (please use 'agreed' throughout)")]


def test_a_header_renamed_with_track_changes_is_no_proposal(tmp_path: Path) -> None:
    def rename(root: etree._Element) -> None:
        cell = next(root.iter(f"{W}tr")).findall(f"{W}tc")[2]  # "English"
        run = next(cell.iter(f"{W}r"))
        change = {f"{W}author": "Russian Side", f"{W}date": "2020-12-17T08:00:00Z"}
        gone = etree.Element(f"{W}del", {f"{W}id": "9301", **change})
        run.addprevious(gone)
        new = copy.deepcopy(run)
        gone.append(run)
        for t in run.iter(f"{W}t"):
            t.tag = f"{W}delText"
        came = etree.Element(f"{W}ins", {f"{W}id": "9302", **change})
        gone.addnext(came)
        came.append(new)
        next(new.iter(f"{W}t")).text = "Английский"

    m = sent()
    _op, report = plan_import(m, _edited(m, tmp_path, rename), Side.RU, NOW)  # none listed
    assert report.unplaced == [] and report.touched == []


def test_runs_inside_alternative_content_in_a_cell_are_listed(tmp_path: Path) -> None:
    m = sent()
    pid = _pid(m, 4)

    def alternate(root: etree._Element) -> None:
        p = _row(root, pid).findall(f"{W}tc")[2].find(f"{W}p")
        assert p is not None
        block = etree.SubElement(p, f"{{{MC}}}AlternateContent")
        for tag in ("Choice", "Fallback"):
            part = etree.SubElement(block, f"{{{MC}}}{tag}")
            if tag == "Choice":
                part.set("Requires", "wps")
            run = etree.SubElement(part, f"{W}r")
            etree.SubElement(run, f"{W}t").text = " ALTERNATE words"

    returned = _edited(m, tmp_path, alternate)
    assert _unplaced(sent(), returned) == [("alternate", " ALTERNATE words")]
    report = _accepted(m, returned)
    assert report.touched == [] and "ALTERNATE" not in m.paragraph(pid).text(Lang.EN)


def test_a_row_whose_id_stands_in_a_nested_table_is_listed_not_deleted(tmp_path: Path) -> None:
    m = sent()
    pid, host = _pid(m, 4), _pid(m, 5)

    def nest(root: etree._Element) -> None:
        tr = _row(root, pid)
        tbl = tr.getparent()
        assert tbl is not None
        inner = etree.Element(f"{W}tbl")
        inner.extend(copy.deepcopy(e) for e in tbl.iterchildren(f"{W}tblPr", f"{W}tblGrid"))
        inner.append(tr)  # the row moved into the English cell of the next paragraph
        cell = _row(root, host).findall(f"{W}tc")[2]
        cell.append(inner)
        etree.SubElement(cell, f"{W}p")  # a cell ends with a paragraph

    returned = _edited(m, tmp_path, nest)
    found = _unplaced(sent(), returned)
    assert "row-unread" in [scope for scope, _ in found]
    report = _accepted(m, returned)
    assert pid not in report.deleted and m.paragraph(pid).mark is None


def test_the_status_column_is_found_with_a_column_added_after_it(tmp_path: Path) -> None:
    m = sent()
    pid = _pid(m, 4)

    def reshape(root: etree._Element) -> None:
        for tr in root.iter(f"{W}tr"):  # a fifth column, after Status
            cell = copy.deepcopy(tr.findall(f"{W}tc")[-1])
            for t in cell.iter(f"{W}t"):
                t.text = ""
            tr.append(cell)
        status = list(_row(root, pid).findall(f"{W}tc")[3].iter(f"{W}t"))
        status[0].text = "Bracketed"  # typed over ours
        for t in status[1:]:
            t.text = ""

    found = _unplaced(m, _edited(m, tmp_path, reshape))
    assert [scope for scope, _ in found] == ["status"] and found[0][1].endswith("→ Bracketed")



@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize("ui", ["en", "ko"])
def test_the_cli_says_what_was_not_applied_in_the_interface_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], ui: str) -> None:
    path = tmp_path / "s.minutes"
    MinutesFile.create(path, sent()).close()
    m = sent()
    pid = _pid(m, 4)

    def reshape(root: etree._Element) -> None:
        for tr in root.iter(f"{W}tr"):  # a fifth column, as every row gets one
            cell = copy.deepcopy(tr.findall(f"{W}tc")[-1])
            for t in cell.iter(f"{W}t"):
                t.text = ""
            tr.append(cell)
        _append(_row(root, pid).findall(f"{W}tc")[4], "COMMENT-COLUMN")

    returned = _edited(m, tmp_path, reshape)
    capsys.readouterr()
    assert main(["--lang", ui, "import", str(path), str(returned)]) == 1
    err = capsys.readouterr().err
    assert "COMMENT-COLUMN" in err and "Traceback" not in err
    if ui == "ko":
        assert "상대측이 추가한 열" in err and "column" not in err
    else:
        assert "A column the other Side added, not applied" in err
    assert main(["--lang", ui, "import", str(path), str(returned), "--accept-unplaced"]) == 0
    assert "COMMENT-COLUMN" in capsys.readouterr().out
    f = MinutesFile.open(path, read_only=True)[0]
    history = f.history()
    f.close()
    assert "COMMENT-COLUMN" in history[-1][2]  # kept on record
