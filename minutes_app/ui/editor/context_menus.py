"""Right-click (and Menu key) menus of the cell editor, the editor's rows and the outline.

They hold the window's own actions, so a command does the same undoable thing from a menu, a
shortcut or a context menu; the cell editor's menu swaps Qt's Undo/Redo (which would undo only
the widget, whose own undo is off) for the document's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTreeView, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from minutes_app.ui.main_window import MainWindow

CELL = ["bracket", None, "new_paragraph", "delete_paragraph", "move_up", "move_down"]
ROW = ["new_paragraph", "delete_paragraph", "move_up", "move_down", None, "new_section",
       "delete_section", "move_section_up", "move_section_down"]
_QT_UNDO_REDO = ("edit-undo", "edit-redo")  # object names of QPlainTextEdit's own entries


def _add(menu: QMenu, actions: list[QAction | None]) -> None:
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)


def cell_menu(editor: QPlainTextEdit, window: MainWindow) -> QMenu:
    """Cut, copy, paste and select all of the cell, with the document's undo and commands."""
    a = window.action_set
    menu = editor.createStandardContextMenu()
    for action in menu.actions():
        if action.objectName() in _QT_UNDO_REDO:
            menu.removeAction(action)
    first = menu.actions()[0] if menu.actions() else None
    if first is not None and first.isSeparator():
        menu.removeAction(first)
    top = menu.actions()[0] if menu.actions() else None
    menu.insertActions(top, [a["undo"], a["redo"]])  # type: ignore[arg-type]
    menu.insertSeparator(top)  # type: ignore[arg-type]
    menu.addSeparator()
    _add(menu, [None if n is None else a[n] for n in CELL])
    window.add_spelling_entries(menu, editor)
    return menu


def row_menu(window: MainWindow) -> QMenu:
    """The structure commands, at the editor's current row."""
    menu = QMenu(window)
    _add(menu, [None if n is None else window.action_set[n] for n in ROW])
    return menu


def install(window: MainWindow) -> None:
    """Give the cell editor, the editor's rows and the outline their menus."""
    window.editor.cell_menu = lambda editor: cell_menu(editor, window)
    for view in (window.editor, window.outline):
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos, v=view: _show_row_menu(window, v, pos))


def row_menu_at(window: MainWindow, view: QTreeView, pos: QPoint) -> QMenu | None:
    """The menu for the row under ``pos`` in the editor or the outline, made current first."""
    index = view.indexAt(pos)
    if not index.isValid():
        return None
    if view is window.outline:
        window.go_to_outline_item(index)
    else:
        window.editor.go_to(index.row(), max(1, index.column()))
    return row_menu(window)


def _show_row_menu(window: MainWindow, view: QTreeView, pos: QPoint) -> None:
    menu = row_menu_at(window, view, pos)
    if menu is not None:
        target: QWidget = view.viewport()
        menu.exec(target.mapToGlobal(pos))
        menu.deleteLater()
