"""The reviewing pane (the Changes dock): every change with its words, wrapped, by paragraph."""

from __future__ import annotations

from minutes_app.ui.panels.changes import ChangesPanel

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.panels.review_pane import meta_line
from minutes_app.ui.editor.rows import RowKind
from minutes_app.ui.main_window import MainWindow
from pytestqt.qtbot import QtBot

# screenshots to look at; MINUTES_SHOTS=docs refreshes the ones in docs/ (tests never write there)
SHOTS = Path(os.environ.get("MINUTES_SHOTS") or tempfile.gettempdir())


def _pane(window: MainWindow) -> ChangesPanel:
    window.changes_dock.show()
    window.changes_dock.raise_()
    QApplication.processEvents()
    return window.changes


def test_the_pane_shows_who_when_where_and_the_words_wrapped(window: MainWindow,
        qtbot: QtBot) -> None:
    pane = _pane(window)
    view, model = pane.view, pane.model
    revisions = all_revisions(window.doc.minutes)
    assert model.rowCount() == len(revisions) > 10
    r = revisions[0]
    spoken = model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert r.text in spoken and meta_line(r) in spoken
    assert "round" in meta_line(r) and r.time[:4] in meta_line(r)
    qtbot.waitUntil(lambda: view.visualRect(model.index(0, 0)).height() > 0)
    width = view.viewport().width()
    longest = max(range(model.rowCount()), key=lambda i: len(revisions[i].text))
    rect = view.visualRect(model.index(longest, 0))
    assert rect.width() <= width  # wrapped, nothing off to the right
    assert rect.height() > 3 * view.fontMetrics().height()  # several lines of words


def test_clicking_goes_there_and_the_menu_accepts(window: MainWindow, qtbot: QtBot) -> None:
    pane = _pane(window)
    m = window.doc.minutes
    revisions = all_revisions(m)
    row = next(i for i, r in enumerate(revisions) if r.lang is Lang.EN)
    r = revisions[row]
    index = pane.model.index(row, 0)
    pane.view.scrollTo(index)
    qtbot.waitUntil(lambda: pane.view.visualRect(index).height() > 0)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.view.visualRect(index).center())
    current = window.editor.currentIndex()
    assert window.editor_model.key(current.row()) == (RowKind.PARAGRAPH, r.paragraph_id)
    assert window.editor_model.lang_of(current.column()) is Lang.EN
    menu = pane.row_menu(row)
    accept = menu.actions()[0]
    accept.trigger()
    assert r.id not in {x.id for x in all_revisions(m)}
    assert len(all_revisions(m)) == len(revisions) - 1 or len(all_revisions(m)) < len(revisions)


def test_screenshot_of_the_reviewing_pane_in_korean(window: MainWindow, qtbot: QtBot) -> None:
    window.set_ui_language("ko")
    pane = _pane(window)
    qtbot.waitUntil(lambda: pane.view.visualRect(pane.model.index(0, 0)).height() > 0)
    out = SHOTS / "reviewing-pane-ko.png"
    assert window.grab().save(str(out), "PNG") and out.stat().st_size > 10_000
