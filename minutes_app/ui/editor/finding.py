"""Find and replace in the window: the dialog, going to each match and keeping it in sight
(in the editor; an annex's in the Annexes dialog, when the user asks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.model import Lang

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
        w.find_dialog.show_annex.connect(lambda hit: show_in_annexes(w, hit))
        w.find_dialog.reopen = w._reopen
    w.find_dialog.set_visible_languages(visible_languages(w))
    w.find_dialog.show()
    w.find_dialog.raise_()
    w.find_dialog.needle.setFocus()


def visible_languages(w: MainWindow) -> list[Lang]:
    """The languages whose columns the editor shows (View > Language columns)."""
    model = w.editor_model
    return [lang for lang in model.langs if not w.editor.isColumnHidden(model.column_of(lang))]


def follow_columns(w: MainWindow) -> None:
    """Columns shown or hidden: the find dialog searches the shown ones (and says so)."""
    if w.find_dialog is not None:
        w.find_dialog.set_visible_languages(visible_languages(w))


def show_in_annexes(w: MainWindow, hit: Match) -> None:
    """Open the Annexes dialog on the annex ``hit`` is in, its words selected."""
    from minutes_app.ui.dialogs.annexes import annex_dialog

    box = annex_dialog(w)
    box.select(hit)
    w.edit_annexes(box)


def _on_found(w: MainWindow, hit: Match) -> None:
    from minutes_app.model.search import TITLE

    if hit.place == TITLE:
        _show_title(w, hit)
        return
    if hit.place:  # in an annex: the dialog says where, and opens it there on demand
        return
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


def _show_title(w: MainWindow, hit: Match) -> None:
    """The title row (over an untitled preamble), when the editor shows one."""
    model = w.editor_model
    row = next((model.row_of((RowKind.SECTION, s.id)) for s in w.doc.minutes.sections[:1]
                if not s.numbered and not any(s.heading.values())), None)
    if row is None or hit.pid:  # no title row, or the other original's title: not shown
        return
    if w.columns is not None:
        w.columns.reveal(hit.lang)
    w.editor.go_to(row, model.column_of(hit.lang))
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
