"""Start-up: the window complete before its first frame, a checks panel in front after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot


def test_the_window_is_complete_when_shown_and_its_cell_opens(
        qtbot: QtBot, demo_file: Path) -> None:
    from minutes_app.ui.app import build_window
    from minutes_app.ui.editor.cell import ParagraphEditor

    w = build_window(str(demo_file), "en")
    qtbot.addWidget(w)
    assert w._actions is None  # nothing of the parts before it is shown
    w.show()
    # built as it was shown, before any frame: laid out once, with the panel in its dock
    assert w._actions is not None and w.dock.widget() is w.panel
    assert [a.objectName() for a in w.menus["file"].actions()][:1] == ["action_new"]
    assert isinstance(w.editor.indexWidget(w.editor.currentIndex()), ParagraphEditor)
    qtbot.waitUntil(lambda: w.completed)
    assert w.editor.verticalScrollBar().isVisible()  # the demo never fits: there from the start
    w.close()


def test_a_checks_panel_in_front_computes_after_the_first_frame(
        qtbot: QtBot, demo_file: Path) -> None:
    from minutes_app.ui.app import build_window
    from minutes_app.ui.settings import AppSettings

    first = build_window(str(demo_file), "en")
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: first.completed)
    first.ready_dock.raise_()
    qtbot.waitUntil(lambda: first.ready_dock.isVisible())
    first.close()  # remembers the layout: "Ready to sign?" in front
    again = build_window(str(demo_file), "en")
    qtbot.addWidget(again)
    try:
        again.show()
        assert again.ready_dock.isVisible() and again._readiness is None  # not before it
        qtbot.waitUntil(lambda: again.completed)
        assert again._readiness is not None and again.ready_dock.widget() is again._readiness
        assert again.editor._painted
    finally:
        again.close()
        settings = AppSettings.load()
        settings.window_state = b""  # later tests start with the first-run layout
        settings.save()


def test_the_rows_are_measured_once_before_the_first_frame(
        qtbot: QtBot, demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_app.ui.app import build_window
    from minutes_app.ui.editor.delegate import ParagraphDelegate
    from minutes_app.ui.settings import AppSettings

    settings = AppSettings.load()  # a first start: no window size or docks remembered
    settings.geometry = settings.window_state = b""
    settings.save()
    measured: list[tuple[int, int]] = []
    size_hint = ParagraphDelegate.sizeHint

    def counting(self: ParagraphDelegate, option: Any, index: Any) -> Any:
        measured.append((index.row(), index.column()))
        return size_hint(self, option, index)

    monkeypatch.setattr(ParagraphDelegate, "sizeHint", counting)
    w = build_window(str(demo_file), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.completed)
    # laid out once, at the columns' final widths: no cell measured a second time (the
    # header's stretched widths used to come after a first layout, and every row again)
    assert measured and len(measured) == len(set(measured))
    assert w.editor.verticalScrollBar().isVisible()
    w.close()
    settings = AppSettings.load()
    settings.window_state = b""  # later tests start with the first-run layout
    settings.save()


def test_text_is_drawn_unhinted_in_every_part_of_the_window(
        qtbot: QtBot, demo_file: Path) -> None:
    from PySide6.QtGui import QFont

    from minutes_app.ui.app import build_window
    from minutes_app.ui.style import document_font

    w = build_window(str(demo_file), "ko")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.completed)
    unhinted = QFont.HintingPreference.PreferNoHinting
    cell = w.editor.indexWidget(w.editor.currentIndex())
    # what the user reads: the paragraphs (painted and in the open cell), the outline, the
    # panel; each a widget of its own, each inheriting the application's font
    for font in (document_font(), cell.font(), w.outline.font(), w.panel.font(),
                 w.menuBar().font(), w.statusBar().font()):
        assert font.hintingPreference() == unhinted
    w.close()


_FIRST_EDIT = '''
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from minutes_app.ui.app import build_window

EDIT = ("minutes_app.tracking.ops", "minutes_app.model.ops", "minutes_app.model.validate")
w = build_window(sys.argv[1], "en")
w.show()

def loaded():
    return [m for m in EDIT if m in sys.modules]

def edit():
    try:
        print("after focus left the cell:", loaded(), w.doc.undo_stack.count())
        w.editor.open_current()
        cell = w.editor.indexWidget(w.editor.currentIndex())
        cell.setFocus()
        cell.insertPlainText("x")
        print("after typing:", loaded(), w.doc.undo_stack.count())
    finally:
        w.doc.close()
        QApplication.exit(0)

def leave():
    if not w.completed:
        QTimer.singleShot(10, leave)
        return
    w.editor.indexWidget(w.editor.currentIndex()).setFocus()
    w.outline.setFocus()  # the cell editor loses focus: it commits its (unchanged) text
    QTimer.singleShot(50, edit)

QTimer.singleShot(0, leave)
QApplication.instance().exec()
'''


def test_the_edit_operations_load_with_the_first_edit_not_when_the_cell_loses_focus(
        demo_file: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _FIRST_EDIT, str(demo_file)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("after")]
    assert lines == [
        "after focus left the cell: [] 0",
        "after typing: ['minutes_app.tracking.ops', 'minutes_app.model.ops', "
        "'minutes_app.model.validate'] 1",
    ]


_LOADED_AT_START = '''
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from minutes_app.ui.app import build_window
w = build_window(sys.argv[1], "en")
w.show()

def done():
    if not w.completed:
        QTimer.singleShot(10, done)
        return
    print("loaded:", sorted(m for m in sys.modules if m.split(".")[0] in sys.argv[2:]))
    w.doc.close()
    QApplication.exit(0)

QTimer.singleShot(0, done)
QApplication.instance().exec()
'''


def test_the_window_completes_without_what_only_other_work_needs(
        demo_file: Path, tmp_path: Path) -> None:
    """Opening a document loads no OpenSSL (a document's id is made from os.urandom, not
    ``secrets``), no Word library and no checks: each costs milliseconds at every start."""
    import os
    import subprocess
    import sys

    unneeded = ["_hashlib", "hashlib", "hmac", "secrets", "ssl", "docx", "lxml", "babel",
                "enchant"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _LOADED_AT_START, str(demo_file), *unneeded],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "loaded: []" in done.stdout.splitlines()
    done = subprocess.run([sys.executable, "-c", _LOADED_AT_START, str(demo_file),
                           "minutes_app"], env=env, capture_output=True, text=True, timeout=120)
    loaded = next(line for line in done.stdout.splitlines() if line.startswith("loaded:"))
    assert "'minutes_app.ui.main_window'" in loaded  # the listing sees what was imported
    for package in ("minutes_app.docx_io", "minutes_app.checks"):
        assert f"'{package}" not in loaded
