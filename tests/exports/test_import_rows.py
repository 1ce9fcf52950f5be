"""Rows of a returned working copy: whole rows inserted or deleted with Track Changes, comments
wherever in a row they sit, and changes in the number and status columns."""

from __future__ import annotations

from collections.abc import Callable

from tests.helpers import some

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.reader import read_docx
from minutes_app.docx_io.reader_parts import revisions_json
from minutes_app.docx_io.unplaced import UnplacedChangesError
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, Side
from tests.exports.test_import import NOW, lo_edit, sent

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
IVAN = {f"{W}author": "Ivan Petrov", f"{W}date": "2020-12-17T08:00:00Z"}
COMMENTS_CT = ('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxml'
               'formats-officedocument.wordprocessingml.comments+xml"/>')


def _row_of(root: etree._Element, name: str) -> etree._Element:
    return next(tr for tr in root.iter(f"{W}tr")
                if tr.find(f".//{W}bookmarkStart[@{W}name='{name}']") is not None)


def _returned(m: Minutes, tmp_path: Path, change: Callable[[etree._Element], None],
              comments: str = "") -> Path:
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    change(root)
    parts["word/document.xml"] = etree.tostring(root)
    if comments:  # a comments part of our own (the export wrote none for this document)
        parts["word/comments.xml"] = (
            f'<w:comments xmlns:w="{W[1:-1]}">{comments}</w:comments>').encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>", '<Relationship Id="rId991" Type="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
            "</Relationships>").encode()
        types = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = types.replace("</Types>", COMMENTS_CT + "</Types>").encode()
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return returned


def _comment(ident: int, text: str) -> str:
    return (f'<w:comment w:id="{ident}" w:author="Ivan Petrov" w:date="2020-12-17T08:00:00Z" '
            f'w:initials="IP"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>')


def _anchor(cell: etree._Element, ident: int) -> None:
    """Word's markup of a comment over a cell's first paragraph."""
    p = cell.find(f"{W}p")
    assert p is not None
    ppr = p.find(f"{W}pPr")
    start = etree.Element(f"{W}commentRangeStart", {f"{W}id": str(ident)})
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(etree.Element(f"{W}commentRangeEnd", {f"{W}id": str(ident)}))
    ref = etree.SubElement(etree.SubElement(p, f"{W}r"), f"{W}commentReference")
    ref.set(f"{W}id", str(ident))


def test_a_row_deleted_with_track_changes_is_a_deleted_paragraph_by_its_author(
        tmp_path: Path) -> None:
    m = sent()
    pid = m.paragraphs()[9].id

    def change(root: etree._Element) -> None:  # Word: w:trPr/w:del, the cells' runs deleted
        tr = _row_of(root, f"_mp_{pid}")
        etree.SubElement(some(tr.find(f"{W}trPr")), f"{W}del", {f"{W}id": "9100", **IVAN})
        for run in list(tr.iter(f"{W}r")):
            gone = etree.Element(f"{W}del", {f"{W}id": "9101", **IVAN})
            run.addprevious(gone)
            gone.append(run)
            for t in run.iter(f"{W}t"):
                t.tag = f"{W}delText"

    path = _returned(m, tmp_path, change)
    rows = [r for r in revisions_json(read_docx(path)) if r["scope"] == "row"]
    assert [(r["kind"], r["author"]) for r in rows] == [("delete", "Ivan Petrov")]
    op, report = plan_import(m, path, Side.RU, NOW)
    op.apply(m)
    assert report.deleted == [pid] and not report.touched
    mark = m.paragraph(pid).mark
    assert mark is not None and mark.kind == "delete" and mark.author.side is Side.RU
    assert m.paragraph(pid).text(Lang.EN)  # the text stays until the deletion is accepted


def test_a_row_libreoffice_inserts_is_listed_as_a_row_and_kept_with_its_author(
        tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = lo_edit(exported, tmp_path / "returned.docx", [
        {"insert_row_after": "The Korean Side conveyed the concern",
         "cells": ["", "새 문단을 추가한다.", "A paragraph they added.", ""]}], True, tmp_path)
    rows = [r for r in revisions_json(read_docx(returned)) if r["scope"] == "row"]
    assert [(r["kind"], r["author"]) for r in rows] == [("insert", "Russian Side")]
    assert "A paragraph they added." in str(rows[0]["text"])


def test_comments_anywhere_in_a_row_come_in_and_on_a_heading_are_listed(
        tmp_path: Path) -> None:
    m = sent()
    pid = m.paragraphs()[5].id
    sid = m.sections[3].id

    def change(root: etree._Element) -> None:
        number, *_langs, status = _row_of(root, f"_mp_{pid}").findall(f"{W}tc")
        _anchor(number, 1)
        _anchor(status, 2)
        _anchor(_row_of(root, f"_ms_{sid}").findall(f"{W}tc")[1], 3)

    path = _returned(m, tmp_path, change, _comment(1, "On the number.")
                     + _comment(2, "On the status.") + _comment(3, "On a heading."))
    with pytest.raises(UnplacedChangesError) as caught:
        plan_import(m, path, Side.RU, NOW)
    assert [(u.scope, u.text) for u in caught.value.unplaced] == [("comment", "On a heading.")]
    op, report = plan_import(m, path, Side.RU, NOW, accept_unplaced=True)
    op.apply(m)
    assert report.comments == 2
    assert {(c.text, c.side) for c in m.paragraph(pid).comments} >= {
        ("On the number.", Side.RU), ("On the status.", Side.RU)}


def test_a_tracked_change_in_the_status_column_cannot_be_placed(tmp_path: Path) -> None:
    m = sent()
    pid = m.paragraphs()[6].id

    def change(root: etree._Element) -> None:
        status = _row_of(root, f"_mp_{pid}").findall(f"{W}tc")[-1]
        ins = etree.SubElement(some(status.find(f"{W}p")), f"{W}ins", {f"{W}id": "9200", **IVAN})
        etree.SubElement(etree.SubElement(ins, f"{W}r"), f"{W}t").text = " (not agreed)"

    with pytest.raises(UnplacedChangesError) as caught:
        plan_import(m, _returned(m, tmp_path, change), Side.RU, NOW)
    [found] = caught.value.unplaced
    assert found.scope == "column" and found.text.endswith("(not agreed)")


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "untracked"])
def test_a_removed_heading_row_cannot_be_placed(tmp_path: Path, tracked: bool) -> None:
    m = sent()
    sid = m.sections[4].id

    def change(root: etree._Element) -> None:
        tr = _row_of(root, f"_ms_{sid}")
        if tracked:
            etree.SubElement(some(tr.find(f"{W}trPr")), f"{W}del", {f"{W}id": "9300", **IVAN})
        else:
            some(tr.getparent()).remove(tr)

    path = _returned(m, tmp_path, change)
    with pytest.raises(UnplacedChangesError) as caught:
        plan_import(m, path, Side.RU, NOW)
    [found] = caught.value.unplaced
    assert found.scope == "heading-removed" and m.sections[4].heading[Lang.EN] in found.text
    op, _report = plan_import(m, path, Side.RU, NOW, accept_unplaced=True)
    op.apply(m)
    assert m.sections[4].id == sid and not m.sections[4].tracks  # kept as it was
