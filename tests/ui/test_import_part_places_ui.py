"""The window's import dialog lists what a returned copy's header, footer and text boxes hold
by place, as the command line does (``tests/exports/test_import_part_content.py``)."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from minutes_app.docx_io.working import write_working
from minutes_app.ui.main_window import MainWindow
from tests.exports.test_import_part_content import (
    HIDDEN, RED, _append, _header, drawing_box, ins, run, sym,
)
from tests.helpers.returned import edit_docx, row_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_import_dialog_names_headers_footers_and_text_boxes(
        window: MainWindow, tmp_path: Path) -> None:
    m = window.doc.minutes
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 1)

    def box(root: etree._Element) -> None:
        cell = row_of(root, pid).findall(f"{W}tc")[2]  # the English column
        _append(cell.findall(f"{W}p")[-1], drawing_box(run("See") + sym("Wingdings", "F0E8")))

    exported, returned = tmp_path / "w.docx", tmp_path / "returned.docx"
    write_working(m, exported)
    edit_docx(exported, returned, box, parts={
        "word/header1.xml": _header(ins(run(" NOT FINAL", HIDDEN))),
        "word/footer1.xml": _header(run("NOT BINDING", RED))})
    asked: list[str] = []

    def record(title: str, question: str) -> bool:
        asked.append(question)
        return True

    window.confirm = record
    window.negotiation.import_file(str(returned))
    [question] = asked
    for line in ("Hidden text, not imported (the header of section 1): “ NOT FINAL”",
                 "Footer of section 1: “NOT BINDING”",
                 "(a text box in paragraph 1, English): “Wingdings F0E8”",
                 "Text box (paragraph 1, English): “See”"):
        assert line in question, question
    [entry] = [json.loads(d) for _t, kind, d in window.doc.file.history() if kind == "import"]
    assert {(u["scope"], u["location"]) for u in entry["unplaced"]} == {
        ("hidden", "header of section 1"), ("footer", "footer of section 1"),
        ("symbol", "text box in paragraph 1, en"), ("textbox", "paragraph 1, en")}
    assert [(n["location"], n["looks"]) for n in entry["notes"]] == [
        ("footer of section 1", "color:FF0000")]
