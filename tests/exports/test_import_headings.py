"""A returned working copy: heading edits come in as heading revisions, and whatever cannot be
placed stops the import until the user accepts the list (which the history keeps)."""

from __future__ import annotations

from typing import Any

from tests.helpers import some

import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io.import_history import history_entry
from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.reader import read_docx
from minutes_app.docx_io.unplaced import UnplacedChangesError
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.store import MinutesFile
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.ops import edit_heading
from minutes_app.tracking.revisions import all_revisions
from tests.exports.clients import pandoc_json, spans
from tests.exports.schema import assert_valid_docx
from tests.exports.test_import import EDITS, NOW, lo_edit, sent

ROOT = Path(__file__).resolve().parent.parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADINGS = [["양국 협력 전반", "양국 협력 전반 및 공동투자"],
            ["Health and Medical Care", "Health, Medical Care and Pharmaceuticals"]]
NEW_ROW: dict[str, Any] = {
    "insert_row_after": "The Korean Side took note of the efforts of the Russian",
    "cells": ["", "러시아측은 보건 분야 협력 확대를 제안하였다.",
              "The Russian Side proposed to expand cooperation in health care.", ""]}


def _section(m: Minutes, english: str) -> int:
    return next(s.id for s in m.sections if s.heading.get(Lang.EN) == english)


@pytest.mark.parametrize("track", [True, False], ids=["tracked", "untracked"])
def test_libreoffice_edits_headings_paragraphs_and_adds_a_row(tmp_path: Path,
                                                              track: bool) -> None:
    m = sent()
    before = minutes_in(minutes_out(m))
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = lo_edit(exported, tmp_path / "returned.docx", [*HEADINGS, *EDITS, NEW_ROW],
                       track, tmp_path)
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    revs = all_revisions(m)
    assert {(r.side, r.round) for r in revs} == {(Side.RU, 4)}
    general, health = _section(before, "General Review of Bilateral Cooperation"), _section(
        before, "Health and Medical Care")
    assert sorted(report.headings) == sorted([general, health])
    assert {(r.paragraph_id, r.lang) for r in revs if r.heading} == {
        (general, Lang.KO), (health, Lang.EN)}
    # the headings with their revisions accepted are LibreOffice's, rejected ours
    assert m.section(general).heading[Lang.KO] == "양국 협력 전반 및 공동투자"
    assert m.section(health).heading[Lang.EN] == "Health, Medical Care and Pharmaceuticals"
    rejected = minutes_in(minutes_out(m))
    decision(rejected, select(rejected, lambda r: r.heading), accept=False).apply(rejected)
    assert [s.heading for s in rejected.sections] == [s.heading for s in before.sections]
    # the paragraph edits in each language, and the row they added, as theirs
    texts = {r.text.strip() for r in revs if not r.heading and r.lang is not None}
    assert {"Vladivostok", "블라디보스토크에서", "in 2021"} <= texts
    [new] = report.inserted
    mark = some(m.paragraph(new).mark)
    assert mark.kind == "insert" and some(mark.author).side is Side.RU
    assert m.paragraph(new).text(Lang.EN) == NEW_ROW["cells"][2]
    assert m.paragraph(new).text(Lang.KO) == NEW_ROW["cells"][1]
    anchor = next(p.id for p in m.paragraphs()
                  if p.text(Lang.EN).startswith(NEW_ROW["insert_row_after"]))
    section = m.section_of(anchor).paragraphs
    assert [p.id for p in section].index(new) == [p.id for p in section].index(anchor) + 1
    assert not report.unplaced and not report.deleted
    # nothing else: every other paragraph and heading is as it was
    touched = set(report.touched) | {new}
    for p in before.paragraphs():
        if p.id not in touched:
            assert m.paragraph(p.id).texts == p.texts


def test_heading_revisions_go_out_as_tracked_changes_and_come_back(tmp_path: Path) -> None:
    m = sent()
    sid = _section(m, "Arctic Affairs")
    edit_heading(m, sid, Lang.EN, "Arctic Affairs and the Northern Sea Route", NOW).apply(m)
    path = tmp_path / "w.docx"
    write_working(m, path)
    found = [(c, a.get("author"), t.strip()) for c, a, t in spans(pandoc_json(path),
                                                                  ("insertion", "deletion"))]
    assert found == [("insertion", "Korean Side", "and the Northern Sea Route")]
    heading_row = next(tr for tr in etree.fromstring(zipfile.ZipFile(path).read(
        "word/document.xml")).iter(f"{W}tr") if tr.find(
        f".//{W}bookmarkStart[@{W}name='_ms_{sid}']") is not None)
    assert heading_row.find(f".//{W}ins/{W}r/{W}rPr/{W}b") is not None  # still bold
    # our own revisions in the file are not taken for theirs on the way back
    _op, report = plan_import(m, path, Side.RU, "2020-12-18T09:00:00Z")
    assert not report.headings and not report.by_side
    assert_valid_docx(path)
    write_working(m, tmp_path / "c.docx", layout="consecutive")  # the other layout too
    assert_valid_docx(tmp_path / "c.docx")
    assert ("insertion", "Korean Side", "and the Northern Sea Route") in [
        (c, a.get("author"), t.strip()) for c, a, t in spans(pandoc_json(tmp_path / "c.docx"),
                                                             ("insertion", "deletion"))]


# -- what cannot be placed ------------------------------------------------------------------
def _edit_parts(src: Path, dst: Path, edits: dict[str, Callable[[etree._Element], None]],
                extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, change in edits.items():
        root = etree.fromstring(parts[name])
        change(root)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    parts.update(extra or {})
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return dst


def _ins(text: str) -> etree._Element:
    ins = etree.Element(f"{W}ins", {f"{W}id": "9001", f"{W}author": "Ivan Petrov",
                                    f"{W}date": "2020-12-17T08:00:00Z"})
    run = etree.SubElement(etree.SubElement(ins, f"{W}r"), f"{W}t")
    run.text = text
    return ins


FOOTNOTES = (b'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.'
             b'openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r>'
             b'<w:t>Figures as of November 2020.</w:t></w:r></w:p></w:footnote></w:footnotes>')


def _everywhere(root: etree._Element) -> None:
    """The body: a new word in the title, a bold (formatting) change in a row, and a table
    of their own below ours."""
    body = root.find(f"{W}body")
    assert body is not None
    title = body.find(f"{W}p")
    assert title is not None
    title.append(_ins(" (draft of the Russian Side)"))
    run = next(r for r in root.iter(f"{W}r") if "Sides" in (r.findtext(f"{W}t") or ""))
    rpr = some(run.find(f"{W}rPr"))
    etree.SubElement(rpr, f"{W}rPrChange", {f"{W}id": "9002", f"{W}author": "Ivan Petrov",
                                            f"{W}date": "2020-12-17T08:00:00Z"})
    table = etree.fromstring(
        f'<w:tbl xmlns:w="{W[1:-1]}"><w:tblPr/><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>'
        '<w:tr><w:tc><w:p><w:r><w:t>Their own table</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    some(body.find(f"{W}tbl")).addnext(table)


def _unplaced_copy(m: Minutes, tmp_path: Path) -> Path:
    exported = tmp_path / "working.docx"
    write_working(m, exported)

    def rels(root: etree._Element) -> None:
        etree.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/relationships}"
                         "Relationship", Id="rId990", Target="footnotes.xml",
                         Type="http://schemas.openxmlformats.org/officeDocument/2006/"
                              "relationships/footnotes")

    def header(root: etree._Element) -> None:
        some(root.find(f"{W}p")).append(_ins(" — seen in Moscow"))

    edits: dict[str, Callable[[etree._Element], None]] = {
        "word/document.xml": _everywhere, "word/_rels/document.xml.rels": rels}
    with zipfile.ZipFile(exported) as z:
        headers = [n for n in z.namelist() if n.startswith("word/header")]
    edits.update({name: header for name in headers})
    return _edit_parts(exported, tmp_path / "returned.docx", edits,
                       {"word/footnotes.xml": FOOTNOTES})


def test_changes_that_cannot_be_placed_stop_the_import_until_accepted(tmp_path: Path) -> None:
    m = sent()
    returned = _unplaced_copy(m, tmp_path)
    before = minutes_out(m)
    with pytest.raises(UnplacedChangesError) as caught:
        plan_import(m, returned, Side.RU, NOW)
    assert minutes_out(m) == before
    found = {(u.scope, u.text) for u in caught.value.unplaced}
    assert ("title", read_docx(returned).paragraphs[0].text()) in found
    assert ("header", " — seen in Moscow") in found
    assert ("footnote", "Figures as of November 2020.") in found
    assert ("table", "Their own table") in found
    assert any(scope == "format" and "Sides" in text for scope, text in found)
    _op, report = plan_import(m, returned, Side.RU, NOW, accept_unplaced=True)
    assert {(u.scope, u.text) for u in report.unplaced} == found
    recorded = json.loads(history_entry(returned, report))
    assert {(u["scope"], u["text"]) for u in recorded["unplaced"]} == found


def test_the_command_line_lists_and_records_what_cannot_be_placed(tmp_path: Path) -> None:
    path = tmp_path / "a.minutes"
    run = [sys.executable, "-m", "minutes_app"]
    for args in (["demo", str(path), "--agreed"], ["send", str(path), "--side", "KR"]):
        subprocess.run([*run, *args], cwd=ROOT, check=True, capture_output=True)
    f, m = MinutesFile.open(path)
    f.close()
    returned = _unplaced_copy(m, tmp_path)
    refused = subprocess.run([*run, "import", str(path), str(returned)], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "--accept-unplaced" in refused.stderr
    assert "Their own table" in refused.stderr and "Traceback" not in refused.stderr
    done = subprocess.run([*run, "import", str(path), str(returned), "--accept-unplaced"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Figures as of November 2020." in done.stdout
    f, _m = MinutesFile.open(path)
    history = f.history()
    f.close()
    [entry] = [json.loads(data) for _t, kind, data in history if kind == "import"]
    assert any(u["scope"] == "footnote" for u in entry["unplaced"])


def test_an_untracked_edit_of_the_header_or_title_cannot_be_placed(tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)

    def header(root: etree._Element) -> None:
        t = next(root.iter(f"{W}t"))
        t.text = (t.text or "") + " (Russian copy)"

    with zipfile.ZipFile(exported) as z:
        headers = [n for n in z.namelist() if n.startswith("word/header")]
    returned = _edit_parts(exported, tmp_path / "returned.docx", {
        **{name: header for name in headers}, "word/document.xml": header})
    with pytest.raises(UnplacedChangesError) as caught:
        plan_import(m, returned, Side.RU, NOW)
    found = [(u.scope, u.text.endswith(" (Russian copy)")) for u in caught.value.unplaced]
    assert sorted(found) == [("header", True), ("title", True)]


def test_the_review_report_lists_pending_heading_revisions(tmp_path: Path) -> None:
    from minutes_app.docx_io.report import write_report

    m = sent()
    sid = _section(m, "Interregional Cooperation")
    edit_heading(m, sid, Lang.EN, "Interregional and Municipal Cooperation", NOW).apply(m)
    path = tmp_path / "report.docx"
    write_report(m, path)
    assert_valid_docx(path)
    texts = [rp.text() for rp in read_docx(path).paragraphs]
    row = texts.index("§")
    assert texts[row + 1:row + 3] == ["지방 간 협력", "Interregional and Municipal Cooperation"]
    assert texts[row + 3].startswith("Heading — Korean Side, round 4, English: insertion")


def test_a_consecutive_copy_libreoffice_edited_brings_its_heading_edits(tmp_path: Path) -> None:
    m = sent()
    before = minutes_in(minutes_out(m))
    exported = tmp_path / "working.docx"
    write_working(m, exported, layout="consecutive")
    returned = lo_edit(exported, tmp_path / "returned.docx", [*HEADINGS, *EDITS], True, tmp_path)
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    general, health = _section(before, "General Review of Bilateral Cooperation"), _section(
        before, "Health and Medical Care")
    assert sorted(report.headings) == sorted([general, health]) and not report.unplaced
    assert m.section(general).heading[Lang.KO] == "양국 협력 전반 및 공동투자"
    assert m.section(health).heading[Lang.EN] == "Health, Medical Care and Pharmaceuticals"
    assert {(r.side, r.round) for r in all_revisions(m)} == {(Side.RU, 4)}
    assert {"Vladivostok", "블라디보스토크에서"} <= {r.text.strip() for r in all_revisions(m)}
