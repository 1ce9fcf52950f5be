"""Fixtures for GUI tests: a main window on a fresh copy of the demo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from minutes_app.i18n import catalog
from minutes_app.ui.editor.cell import ParagraphEditor
from minutes_app.ui.main_window import MainWindow
from pytestqt.qtbot import QtBot


@pytest.fixture
def window(qtbot: QtBot, demo_file: Path) -> Iterator[MainWindow]:
    """The main window showing a fresh demo file, in English."""
    from minutes_app.ui.app import build_window
    from minutes_app.ui.settings import AppSettings

    settings = AppSettings.load()
    settings.window_state = b""  # every test starts with the first-run layout
    settings.hidden_languages = []  # and every language column shown
    settings.save()
    w: MainWindow = build_window(str(demo_file), "en")

    def unexpected(title: str, question: str) -> bool:
        raise AssertionError(f"unexpected question: {question}")  # a modal dialog would hang

    def unexpected_error(message: str, title: str = "") -> None:
        raise AssertionError(f"unexpected error dialog: {message}")  # it would wait for a click

    w.confirm = unexpected
    w.show_error = unexpected_error
    def unexpected_unsaved(message: str) -> str:
        raise AssertionError(f"unexpected question: {message}")  # a modal dialog would hang

    w.ask_unsaved = unexpected_unsaved
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.completed)  # the rest follows the first frame by itself
    yield w
    if w.isVisible():
        w.close()
    catalog.set_language("en")
    QApplication.processEvents()


def cell_editor(w: MainWindow) -> ParagraphEditor:
    """The open editor widget of the current cell."""
    editors = [e for e in w.editor.findChildren(ParagraphEditor) if e.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def commit_text(widget: QWidget, text: str) -> None:
    """Deliver text as a Korean input method does: a committed QInputMethodEvent."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def _dictionaries_loaded() -> Iterator[None]:
    """After each test, let the spell checker's dictionary thread finish, so that it never
    runs on into the next test (whose windows start threads of their own)."""
    yield
    from minutes_app.ui.editor.spell import loader

    loader().join()
