"""Find and replace in the window: the dialog, going to each match and keeping it in sight."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.ui.labels import column_languages
from minutes_app.ui.editor.rows import RowKind

if TYPE_CHECKING:
    from PySide6.QtCore import QRect

    from minutes_app.model.search import Match
    from minutes_app.ui.main_window import MainWindow


def show_find(w: MainWindow) -> None:
    """Edit > Find and replace (one dialog per window, kept)."""
    from minutes_app.ui.dialogs.find import FindDialog

    if w.find_dialog is None:
        w.find_dialog = FindDialog(w.doc, column_languages(w.doc.minutes), w)
        w.find_dialog.found.connect(lambda hit: _on_found(w, hit))
        w.find_dialog.reopen = w._reopen
    w.find_dialog.show()
    w.find_dialog.raise_()
    w.find_dialog.needle.setFocus()


def _on_found(w: MainWindow, hit: Match) -> None:
    row = w.editor_model.row_of((RowKind.SECTION if hit.heading else RowKind.PARAGRAPH, hit.pid))
    if w.columns is not None:
        w.columns.reveal(hit.lang)
    w.editor.go_to(row, w.editor_model.column_of(hit.lang))
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    editor = w.editor.indexWidget(w.editor.currentIndex()) or QApplication.focusWidget()
    if isinstance(editor, QPlainTextEdit):
        cursor = editor.textCursor()
        cursor.setPosition(hit.start)
        cursor.setPosition(hit.end, cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
    _uncover(w)


def cell_rect(w: MainWindow) -> QRect:
    """The current cell of the editor, in screen coordinates."""
    from PySide6.QtCore import QRect

    rect = w.editor.visualRect(w.editor.currentIndex())
    return QRect(w.editor.viewport().mapToGlobal(rect.topLeft()), rect.size())


def _uncover(w: MainWindow) -> None:
    """Move the find dialog off the cell showing the match (above or below it)."""
    dialog = w.find_dialog
    if dialog is None or not dialog.isVisible():
        return
    cell = cell_rect(w)
    frame = dialog.frameGeometry()
    if not frame.intersects(cell):
        return
    screen = (w.screen() or dialog.screen()).availableGeometry()
    below, above = cell.bottom() + 8, cell.top() - 8 - frame.height()
    y = below if below + frame.height() <= screen.bottom() or above < screen.top() else above
    dialog.move(frame.left(), y)
