"""A paragraph the other Side deleted in its returned working copy counts and shows everywhere a
change does: the import's summary (with its Side), the comparison of the rounds, the
negotiation report."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from tests.exports.schema import assert_valid_docx
from tests.helpers.returned import W, edit_docx, read_only, row_of

IVAN = {f"{W}author": "Russian Side", f"{W}date": "2020-12-17T08:00:00Z"}


def _remove_row(pid: int, tracked: bool) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        tr = row_of(root, pid)
        if not tracked:  # the row simply removed, as most people do it
            parent = tr.getparent()
            assert parent is not None
            parent.remove(tr)
            return
        tr_pr = tr.find(f"{W}trPr")
        if tr_pr is None:
            tr_pr = etree.Element(f"{W}trPr")
            tr.insert(0, tr_pr)
        etree.SubElement(tr_pr, f"{W}del", {f"{W}id": "9100", **IVAN})
        for run in list(tr.iter(f"{W}r")):
            gone = etree.Element(f"{W}del", {f"{W}id": "9101", **IVAN})
            run.addprevious(gone)
            gone.append(run)
            for t in run.iter(f"{W}t"):
                t.tag = f"{W}delText"
    return change


@pytest.fixture
def deleted(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, int, str]:
    """The demo sent as round 3, returned with paragraph 7's row removed and imported."""
    path = tmp_path / "c.minutes"
    MinutesFile.create(path, demo()).close()
    assert main(["--lang", "en", "send", str(path), "--side", "KR"]) == 0
    work, ret = tmp_path / "c-work.docx", tmp_path / "c-ret.docx"
    assert main(["--lang", "en", "export", str(path), "--kind", "working", "-o", str(work)]) == 0
    m = read_only(path)
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 7)
    edit_docx(work, ret, _remove_row(pid, request.param))
    return path, pid, str(ret)


@pytest.mark.parametrize("deleted", [False, True], ids=["removed", "tracked"], indirect=True)
def test_a_deleted_row_counts_for_its_side_in_the_import_summary(
        deleted: tuple[Path, int, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, pid, ret = deleted
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), ret]) == 0
    out = capsys.readouterr().out
    assert "1 deleted" in out and "(1 place changed by the Russian Side)" in out, out
    mark = read_only(path).paragraph(pid).mark
    assert mark is not None and mark.kind == "delete" and mark.author.round == 4


@pytest.mark.parametrize("deleted", [False], ids=["removed"], indirect=True)
def test_a_deleted_row_shows_in_the_comparison_of_the_rounds(
        deleted: tuple[Path, int, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, pid, ret = deleted
    assert main(["--lang", "en", "import", str(path), ret]) == 0
    for newer in (["--to", "4"], []):  # round 4 as imported, and the current text
        capsys.readouterr()
        assert main(["--lang", "en", "compare", str(path), "--from", "3", *newer,
                     "--json"]) == 0
        found = json.loads(capsys.readouterr().out)["paragraphs"]
        gone = [p for p in found if p["paragraph_id"] == pid]
        assert [(p["kind"], p["side"], p["number"]) for p in gone] == [("deleted", "RU", 7)]
        tracks = gone[0]["tracks"]
        assert {s["kind"] for t in tracks.values() for s in t} == {"delete"}
        assert {(s["side"], s["round"]) for t in tracks.values() for s in t} == {("RU", 4)}
    capsys.readouterr()
    assert main(["--lang", "en", "compare", str(path), "--from", "3", "--to", "4"]) == 0
    assert "round 4: 1 paragraph(s)" in capsys.readouterr().out


def _tables(docx: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(str(docx)).tables]


@pytest.mark.parametrize("deleted", [False], ids=["removed"], indirect=True)
def test_a_deleted_row_shows_in_the_negotiation_report_and_its_fate_follows_the_decision(
        deleted: tuple[Path, int, str], tmp_path: Path) -> None:
    path, pid, ret = deleted
    assert main(["--lang", "en", "import", str(path), ret]) == 0
    report = tmp_path / "hist.docx"
    assert main(["--lang", "en", "history", str(path), "-o", str(report)]) == 0
    assert_valid_docx(report)
    rounds, paragraphs = _tables(report)
    r4 = next(r for r in rounds if r[0] == "4")
    assert r4[5] != "+0 / −0" and r4[5].startswith("+0 / −"), r4
    seven = [r for r in paragraphs if r[0] == "7"]
    # one proposal per language, as a change of words in both languages counts
    assert [(r[1], r[3]) for r in seven] == [("4", "0 accepted, 0 rejected, 2 pending")]
    # accepted: the paragraph leaves the text, its deletion stays the Russian Side's in round 4
    assert main(["--lang", "en", "accept", str(path), "--side", "RU"]) == 0
    assert not read_only(path).has_paragraph(pid)
    assert main(["--lang", "en", "history", str(path), "-o", str(report), "--force"]) == 0
    rounds, paragraphs = _tables(report)
    assert next(r for r in rounds if r[0] == "4")[5] == r4[5]
    gone = [r for r in paragraphs if r[1] == "4" and "2 accepted" in r[3]]
    assert gone, paragraphs


def test_a_row_they_added_shows_in_the_negotiation_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The mirror of a deleted row: a row they added counts in their round, pending."""
    path = tmp_path / "i.minutes"
    MinutesFile.create(path, demo()).close()
    assert main(["--lang", "en", "send", str(path)]) == 0
    work, ret = tmp_path / "i-work.docx", tmp_path / "i-ret.docx"
    assert main(["--lang", "en", "export", str(path), "--kind", "working", "-o", str(work)]) == 0
    m = read_only(path)
    after = next(p.id for p in m.paragraphs() if m.number(p.id) == 7)

    def add_row(root: etree._Element) -> None:
        tr = row_of(root, after)
        new = etree.fromstring(etree.tostring(tr))
        for mark in list(new.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd")):
            parent = mark.getparent()
            assert parent is not None
            parent.remove(mark)
        texts = list(new.iter(f"{W}t"))
        for t in texts:
            t.text = ""
        cells = new.findall(f"{W}tc")
        next(cells[1].iter(f"{W}t")).text = "양측은 여객선 항로를 검토하기로 하였다."
        next(cells[2].iter(f"{W}t")).text = "The two Sides agreed to study ferry routes."
        tr.addnext(new)

    edit_docx(work, ret, add_row)
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), str(ret)]) == 0
    out = capsys.readouterr().out
    assert "1 new" in out and "(1 place changed by the Russian Side)" in out, out
    report = tmp_path / "hist.docx"
    assert main(["--lang", "en", "history", str(path), "-o", str(report)]) == 0
    rounds, paragraphs = _tables(report)
    r4 = next(r for r in rounds if r[0] == "4")
    assert r4[5].startswith("+") and not r4[5].startswith("+0 "), r4
    added = [r for r in paragraphs if r[0] == "8"]
    assert [(r[1], r[3]) for r in added] == [("4", "0 accepted, 0 rejected, 2 pending")]


@pytest.mark.parametrize("deleted", [False], ids=["removed"], indirect=True)
def test_a_rejected_deletion_is_rejected_in_the_report_and_the_paragraph_is_back(
        deleted: tuple[Path, int, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
        ) -> None:
    path, pid, ret = deleted
    assert main(["--lang", "en", "import", str(path), ret]) == 0
    assert main(["--lang", "en", "reject", str(path), "--side", "RU"]) == 0
    assert read_only(path).paragraph(pid).mark is None
    report = tmp_path / "hist.docx"
    assert main(["--lang", "en", "history", str(path), "-o", str(report)]) == 0
    _rounds, paragraphs = _tables(report)
    assert [(r[1], r[3]) for r in paragraphs if r[0] == "7"] == [
        ("4", "0 accepted, 2 rejected, 0 pending")]
    capsys.readouterr()
    assert main(["--lang", "en", "compare", str(path), "--from", "3", "--json"]) == 0
    back = json.loads(capsys.readouterr().out)["paragraphs"]
    assert back and pid not in {p["paragraph_id"] for p in back}  # back as it was in round 3
