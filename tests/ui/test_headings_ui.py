"""Headings in the window: tracked edits drawn inline, the Changes panel, review mode, and the
import dialog listing what cannot be placed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

import json
import zipfile
from pathlib import Path

from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Side
from minutes_app.model.track import INSERT
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.editor.rows import Role, RowKind
from minutes_app.ui.main_window import MainWindow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _heading_cell(window: MainWindow, english: str, lang: Lang
                  ) -> tuple[int, QModelIndex]:
    m = window.doc.minutes
    sid = next(s.id for s in m.sections if s.heading.get(Lang.EN) == english)
    model = window.editor_model
    return sid, model.index(model.row_of((RowKind.SECTION, sid)), model.column_of(lang))


def test_a_heading_edit_is_drawn_inline_and_decided_in_the_changes_panel(
        window: MainWindow) -> None:
    m = window.doc.minutes
    sid, cell = _heading_cell(window, "Innovation", Lang.EN)
    assert window.editor_model.setData(cell, "Innovation and Start-ups")
    track = cell.data(Role.TRACK)
    assert [(s.text, s.author.side, s.author.round) for s in track
            if s.kind == INSERT and s.author] == [
        (" and Start-ups", Side.KR, 3)]
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "Innovation and Start-ups"
    assert cell.data(Qt.ItemDataRole.EditRole) == "Innovation and Start-ups"
    window.editor.scrollTo(cell)
    QApplication.processEvents()
    assert not window.editor.grab().isNull()  # painted with its markup
    panel = window.changes
    panel.section.setCurrentIndex(panel.section.findData(sid))
    panel.refresh()
    assert panel.model.revisions[0].heading  # the heading before its paragraphs
    assert sum(r.heading for r in panel.model.revisions) == 1
    assert [panel.model.index(0, c).data() for c in (0, 4)] == ["§", "Heading insertion"]
    panel.step(1)
    assert window.editor_model.key(window.editor.currentIndex().row()) == (RowKind.SECTION, sid)
    panel.decide_current(False)
    assert m.section(sid).heading[Lang.EN] == "Innovation" and not m.section(sid).tracks
    window.action_set["undo"].trigger()
    assert m.section(sid).heading[Lang.EN] == "Innovation and Start-ups"
    window.action_set["undo"].trigger()
    assert not m.section(sid).tracks


def test_review_mode_walks_heading_revisions(window: MainWindow) -> None:
    m = window.doc.minutes
    sid, cell = _heading_cell(window, "Arctic Affairs", Lang.KO)
    window.editor_model.setData(cell, "북극 협력")
    window.action_set["review"].trigger()
    review = window.review
    index = next(i for i, it in enumerate(review.items)
                 if it.revision is not None and it.revision.heading)
    review.index = index
    review.show_item()
    assert "section heading" in review.heading.text()
    shown = "".join(label.text() for label in review.texts.values())
    assert "<u> 협력</u>" in shown and "Arctic Affairs" in shown  # the insertion, underlined
    review.decide(True)
    assert m.section(sid).heading[Lang.KO] == "북극 협력" and not m.section(sid).tracks
    assert not any(it.revision is not None and it.revision.heading for it in review.items)
    review.leave()


def _returned(window: MainWindow, tmp_path: Path, title_too: bool) -> Path:
    """Our working copy, its Korean heading edited (and the title, when asked)."""
    exported = tmp_path / "w.docx"
    write_working(window.doc.minutes, exported)
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for t in root.iter(f"{W}t"):
        if t.text == "보건·의료":
            t.text = "보건·의료·제약"
    if title_too:
        first = root.find(f"{W}body/{W}p")
        assert first is not None
        t = next(first.iter(f"{W}t"))
        t.text = (t.text or "") + " (Moscow draft)"
    parts["word/document.xml"] = etree.tostring(root)
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return returned


def test_importing_a_heading_edit_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    m = window.doc.minutes
    window.negotiation.import_file(str(_returned(window, tmp_path, title_too=False)))
    revs = [r for r in all_revisions(m) if r.heading]
    assert revs and {(r.side, r.lang) for r in revs} == {(Side.RU, Lang.KO)}
    sid, cell = _heading_cell(window, "Health and Medical Care", Lang.KO)
    assert m.section(sid).heading[Lang.KO] == "보건·의료·제약"
    assert cell.data(Role.TRACK) is not None


def test_the_import_dialog_lists_what_cannot_be_placed(window: MainWindow, tmp_path: Path) -> None:
    m = window.doc.minutes
    returned = _returned(window, tmp_path, title_too=True)
    asked: list[str] = []
    def _record(title: str, question: str) -> bool:
        asked.append(question)
        return False

    window.confirm = _record
    rounds = len(m.rounds)
    window.negotiation.import_file(str(returned))
    assert len(m.rounds) == rounds and not [r for r in all_revisions(m) if r.heading]
    assert "Title block" in asked[0] and "(Moscow draft)" in asked[0]
    def _record_yes(title: str, question: str) -> bool:
        asked.append(question)
        return True

    window.confirm = _record_yes
    window.negotiation.import_file(str(returned))
    # the demo's pending Korean edits went out with the file: our round first, then theirs
    assert [r.side for r in m.rounds[rounds:]] == [Side.KR, Side.RU]
    assert [r for r in all_revisions(m) if r.heading]
    [entry] = [json.loads(d) for _t, kind, d in window.doc.file.history() if kind == "import"]
    assert [u["scope"] for u in entry["unplaced"]] == ["title"]
