"""The history in the window: compare bar, comparison list, timeline and provenance view."""

from __future__ import annotations

from typing import Any

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang, Side
from minutes_app.model.track import DELETE, INSERT
from minutes_app.tracking.compare import compare
from minutes_app.ui.editor.rows import Role, RowKind
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph
from minutes_app.ui.main_window import MainWindow
from pytestqt.qtbot import QtBot


def _number_pid(window: MainWindow, n: int) -> int:
    m = window.doc.minutes
    return next(p.id for p in m.paragraphs() if m.number(p.id) == n)


def _cell_track(window: MainWindow, pid: int, lang: Lang) -> tuple[Any, str]:
    model = window.editor_model
    index = model.index(model.row_of((RowKind.PARAGRAPH, pid)), model.column_of(lang))
    return index.data(Role.TRACK), index.data()


def test_compare_bar_shows_round_two_in_the_editor_and_list(
        window: MainWindow, tmp_path: Path) -> None:
    parts = window.history_parts
    assert parts is not None
    parts.actions["compare"].trigger()
    assert parts.toolbar.isVisible() and parts.docks["comparisonDock"].isVisible()
    bar = parts.bar
    assert bar.older.count() == 2 and bar.newer.count() == 2  # rounds 1, 2 / 2, current
    bar.older.setCurrentIndex(bar.older.findData(1))
    bar.newer.setCurrentIndex(bar.newer.findData(2))
    bar.compare_button.click()
    QApplication.processEvents()
    from minutes_app.ui.editor.cell import ParagraphEditor

    assert not [e for e in window.editor.findChildren(ParagraphEditor) if e.isVisible()]
    model = window.editor_model  # round 2's text cannot be edited
    assert not model.flags(model.index(model.row_of((RowKind.PARAGRAPH, _number_pid(
        window, 10))), 1)) & model.flags(model.index(0, 0)).ItemIsEditable
    p10 = _number_pid(window, 10)
    track, _shown = _cell_track(window, p10, Lang.EN)
    inserted = [(s.text, s.author.side, s.author.round) for s in track
                if s.kind == INSERT and s.author]
    assert inserted == [("and the Northern Sea Route ", Side.RU, 2)]
    rows = parts.list.model.revisions
    assert {r.side for r in rows} == {Side.RU}
    c = compare(window.doc.minutes, 1, 2)
    assert len(rows) == sum(1 for p in c.paragraphs for t in p.tracks.values() for s in t
                            if s.kind in (INSERT, DELETE))
    assert "5 paragraphs changed" in bar.summary.text()
    p11 = _number_pid(window, 11)  # the Korean Side's round 3 edit is not in round 2's text
    assert "start-up companies" in _cell_track(window, p11, Lang.EN)[1]
    window.grab().save(str(tmp_path / "compare.png"))
    out = tmp_path / "cmp.docx"
    parts.export_comparison(str(out))
    from tests.exports.clients import pandoc_json, spans

    assert {a.get("author") for _c, a, _t in spans(pandoc_json(out), ("insertion",))} == {
        "Russian Side"}
    parts.actions["compare"].trigger()  # hiding the bar stops comparing
    track, _shown = _cell_track(window, p11, Lang.EN)
    assert any(s.kind == DELETE and s.text == "start-up companies" for s in track)
    assert window.editor_model.overlay is None and not window.editor_model.read_only


def test_comparison_follows_typing_in_the_current_text(window: MainWindow, qtbot: QtBot) -> None:
    parts = window.history_parts
    assert parts is not None
    parts.actions["compare"].trigger()
    parts.bar.compare_rounds(2, None)
    before = len(parts.list.model.revisions)
    go_to_paragraph(window, 15, Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, " Added words")
    window.editor.commitData(editor)
    qtbot.waitUntil(lambda: len(parts.list.model.revisions) > before, timeout=3000)
    assert any(r.text == " Added words" and r.side is Side.KR for r in parts.list.model.revisions)


def test_timeline_steps_through_the_rounds_of_the_paragraph(
        window: MainWindow, tmp_path: Path) -> None:
    parts = window.history_parts
    assert parts is not None
    parts.actions["timeline"].trigger()
    assert parts.docks["timelineDock"].isVisible()
    go_to_paragraph(window, 10, Lang.EN)
    QApplication.processEvents()
    panel = parts.timeline
    assert panel.rounds.count() == 3 and panel.rounds.currentRow() == 2
    panel.step(-1)
    assert panel.rounds.currentRow() == 1
    html = panel.text.toHtml()
    assert "Northern Sea Route" in html and "underline" in html
    assert "Russian Side" in panel.rounds.item(1).text()
    panel.step(-1)
    assert "Northern Sea Route" not in panel.text.toPlainText()
    parts.docks["timelineDock"].raise_()
    parts.docks["timelineDock"].grab().save(str(tmp_path / "timeline.png"))


def test_provenance_view_colours_words_and_tells_who_and_when(
        window: MainWindow, tmp_path: Path) -> None:
    parts = window.history_parts
    assert parts is not None
    parts.actions["provenance"].trigger()
    go_to_paragraph(window, 10, Lang.EN)
    QApplication.processEvents()
    view = parts.provenance
    view.lang.setCurrentIndex(view.lang.findData("en"))
    view.refresh()
    text = view.text.toPlainText()
    where = text.index("and the Northern Sea Route")
    tip = view.text.tip_at(where + 3)
    assert "Russian Side" in tip and "round 2" in tip and "2020-12-14" in tip
    assert "Korean Side" in view.text.tip_at(text.index("Trans-Siberian"))
    cursor = view.text.textCursor()
    cursor.setPosition(where + 3)
    colour = cursor.charFormat().background().color()
    assert colour.alpha() > 0 and colour.blue() > colour.green()  # the Russian Side's pink
    rect = view.text.cursorRect(cursor)
    assert view.text.cursorForPosition(QPoint(rect.x(), rect.center().y())).position() in range(
        where, where + 27)
    parts.docks["provenanceDock"].raise_()
    parts.docks["provenanceDock"].grab().save(str(tmp_path / "provenance.png"))


def test_history_report_from_the_window_in_korean(window: MainWindow, tmp_path: Path) -> None:
    window.set_ui_language("ko")
    parts = window.history_parts
    assert parts is not None
    assert parts.actions["history_report"].text() != "Negotiation report (DOCX)…"
    out = tmp_path / "history.docx"
    parts.export_report(str(out))
    assert out.stat().st_size > 10_000  # the chart is in it


def test_a_hidden_timeline_catches_up_when_shown(window: MainWindow) -> None:
    parts = window.history_parts
    assert parts is not None
    assert not parts.docks["timelineDock"].isVisible()
    assert parts._panels is None  # hidden at start: not even built
    assert not parts.timeline._stale  # built now, still hidden
    go_to_paragraph(window, 15, Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, " Later words")
    window.editor.commitData(editor)
    assert parts.timeline._stale  # nothing computed while hidden
    parts.actions["timeline"].trigger()
    QApplication.processEvents()
    assert "Later words" in parts.timeline.text.toPlainText()
