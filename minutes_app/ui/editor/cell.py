"""The editor widget of one cell of the aligned editor (created when a cell becomes current)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from minutes_app.ui import style
from minutes_app.ui.editor.delegate import PAD

_PASS_TO_WINDOW = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_BREAKS = str.maketrans({"\u2029": "\n", "\u2028": "\n"})  # a block's end, Shift+Enter


def typed_text(edit: QPlainTextEdit) -> str:
    """The text of ``edit`` as typed, no-break spaces kept (``toPlainText`` turns them into
    plain spaces: "2020 г.", "1 000" would change, and the change would be a revision)."""
    return edit.document().toRawText().translate(_BREAKS)


class ParagraphEditor(QPlainTextEdit):
    """The editor of one cell; its own undo is off (the document's stack owns undo)."""

    navigate = Signal(str)  # "next", "previous", "up", "down"

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(PAD - 2)
        self.setObjectName("paragraphEditor")
        self.setStyleSheet(style.CELL_EDITOR_STYLE)

    def typed(self) -> str:
        """The cell's text as typed (see ``typed_text``)."""
        return typed_text(self)

    def event(self, e: QEvent) -> bool:
        # Let the window's Undo/Redo and paragraph shortcuts fire instead of the text widget's.
        if (e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent)
                and (any(e.matches(k) for k in _PASS_TO_WINDOW) or _window_key(e))):
            e.ignore()
            return False
        return super().event(e)

    guard: Callable[[], bool] | None = None  # asks before the first edit of agreed text
    # the window's menu for a cell (None until the window has completed itself)
    menu: Callable[[QPlainTextEdit], QMenu | None] | None = None

    last_text = ""  # the text last committed or loaded (a format change is not an edit)
    menu_pos: QPoint | None = None  # where the menu was asked for (the word under it)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        self.menu_pos = e.pos()
        menu = self.menu(self) if self.menu is not None else None
        if menu is None:
            super().contextMenuEvent(e)
            return
        menu.exec(e.globalPos())
        menu.deleteLater()

    def _may_edit(self) -> bool:
        if not self.isReadOnly():
            return True
        if self.guard is not None and self.guard():
            self.setReadOnly(False)
            return True
        return False

    def keyPressEvent(self, e: QKeyEvent) -> None:
        direction = self._direction(e)
        if direction:
            self.navigate.emit(direction)
            return
        edits = bool(e.text()) or e.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or any(
            e.matches(k) for k in (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut))
        if edits and self.isReadOnly() and not self._may_edit():
            return
        super().keyPressEvent(e)

    def inputMethodEvent(self, e: QInputMethodEvent) -> None:
        if e.commitString() and self.isReadOnly() and not self._may_edit():
            return
        super().inputMethodEvent(e)

    def _direction(self, e: QKeyEvent) -> str | None:
        key, mods = e.key(), e.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Tab and not ctrl:
            return "next"
        if key == Qt.Key.Key_Backtab:
            return "previous"
        cursor = self.textCursor()
        if key == Qt.Key.Key_Down and (ctrl or _on_last_line(self)):
            return "down"
        if key == Qt.Key.Key_Up and (ctrl or (cursor.blockNumber() == 0
                                     and cursor.block().layout().lineForTextPosition(
                                         cursor.positionInBlock()).lineNumber() == 0)):
            return "up"
        return None


def _on_last_line(editor: QPlainTextEdit) -> bool:
    cursor = editor.textCursor()
    block = cursor.block()
    if block.next().isValid():
        return False
    layout = block.layout()
    line = layout.lineForTextPosition(cursor.positionInBlock())
    return line.lineNumber() == layout.lineCount() - 1


def _window_key(e: QKeyEvent) -> bool:
    """Keys that belong to window actions even while a cell is being edited."""
    ctrl = bool(e.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return ctrl and e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
