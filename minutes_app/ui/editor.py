"""The aligned editor: a virtualised view, one row per paragraph, one column per language.

Rows are laid out only when visible (QTreeView, per-item scrolling) and an editor widget
exists only for the current cell, so 5,000 paragraphs cost what a screenful costs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt, Signal,
)
from PySide6.QtGui import (
    QFont, QFontMetrics, QInputMethodEvent, QKeyEvent, QKeySequence, QPainter, QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QPlainTextEdit, QStyledItemDelegate, QTreeView, QWidget,
)

from minutes_app.model import Status
from minutes_app.ui import style
from minutes_app.ui.markup import MARK_GLYPHS, markup_layout, whole_paragraph_track
from minutes_app.ui.rows import EditorModel, Role, RowKind

if TYPE_CHECKING:  # importing these at run time costs start-up (PySide6 builds their enums)
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
PAD = 6
NUMBER_WIDTH = 64
_WRAP = int(Qt.TextFlag.TextWordWrap)
_PASS_TO_WINDOW = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


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
        self.setStyleSheet("QPlainTextEdit#paragraphEditor { background: #fffef5;"
                           " border: 2px solid #0072b2; }")

    def event(self, e: QEvent) -> bool:
        # Let the window's Undo/Redo and paragraph shortcuts fire instead of the text widget's.
        if (e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent)
                and (any(e.matches(k) for k in _PASS_TO_WINDOW) or _window_key(e))):
            e.ignore()
            return False
        return super().event(e)

    guard: Callable[[], bool] | None = None  # asks before the first edit of agreed text

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


class ParagraphDelegate(QStyledItemDelegate):
    """Paints wrapped paragraph text, the number and status column, and section headings."""

    def __init__(self, view: AlignedEditor) -> None:
        super().__init__(view)
        self.view = view

    # -- sizes ---------------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font = self._font(index)
        fm = QFontMetrics(font)
        column = index.column()
        if column == 0:
            return QSize(NUMBER_WIDTH, fm.height() * 2 + 2 * PAD)
        width = max(40, self.view.columnWidth(column) - 2 * PAD)
        text = index.data(Qt.ItemDataRole.DisplayRole) or " "
        track = index.data(Role.TRACK)
        if track:
            height = markup_layout(text, track, font, width).boundingRect().height()
            return QSize(width, int(height) + 2 * PAD + fm.descent())
        rect = fm.boundingRect(QRect(0, 0, width, 1_000_000), _WRAP, text)
        return QSize(width, max(rect.height(), fm.height()) + 2 * PAD + fm.descent())

    def _font(self, index: Index) -> QFont:
        font = QFont(self.view.font())
        if index.data(Role.KIND) == RowKind.SECTION:
            font.setBold(True)
        return font

    # -- painting --------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect
        section = index.data(Role.KIND) == RowKind.SECTION
        selected = self.view.selectionModel().isSelected(index)
        if section:
            painter.fillRect(rect, style.HEADING_BACKGROUND)
        elif selected:
            painter.fillRect(rect, option.palette.highlight().color().lighter(185))
        painter.setFont(self._font(index))
        if index.column() == 0 and not section:
            self._paint_number(painter, rect, index)
        else:
            text = index.data(Qt.ItemDataRole.DisplayRole) or ""
            painter.setPen(option.palette.text().color())
            track = index.data(Role.TRACK) or whole_paragraph_track(text, index.data(Role.MARK))
            if track:
                layout = markup_layout(text, track, painter.font(), rect.width() - 2 * PAD)
                layout.draw(painter, QPointF(rect.left() + PAD, rect.top() + PAD))
            else:
                painter.drawText(rect.adjusted(PAD, PAD, -PAD, -PAD), _WRAP, text)
        painter.setPen(QPen(style.GRID))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()

    def _paint_number(self, painter: QPainter, rect: QRect, index: Index) -> None:
        status = index.data(Role.STATUS) or Status.DRAFT
        colour = style.STATUS_COLOURS[status]
        painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), colour)
        number = index.data(Qt.ItemDataRole.DisplayRole) or "·"
        fm = painter.fontMetrics()
        top = rect.adjusted(PAD + 4, PAD, -PAD, 0)
        painter.setPen(self.view.palette().text().color())
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), number)
        painter.setPen(colour.darker(120))
        glyph_rect = top.adjusted(0, fm.height(), 0, 0)
        painter.drawText(glyph_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         style.STATUS_GLYPHS[status])
        mark = index.data(Role.MARK)
        if mark is not None:  # a whole-paragraph revision: its kind in the Side's colour
            painter.setPen(style.SIDE_COLOURS[mark.author.side])
            painter.drawText(glyph_rect.adjusted(0, fm.height(), 0, 0),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                             MARK_GLYPHS[mark.kind])

    # -- editing -------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index
                     ) -> QWidget:
        editor = ParagraphEditor(parent)
        editor.setFont(self._font(index))
        if index.data(Role.STATUS) in (Status.AGREED, Status.AGREED_AD_REF):
            pid = index.data(Role.ID)
            editor.setReadOnly(True)
            editor.guard = lambda: self.view.reopen(pid)
        editor.navigate.connect(self.view.navigate)
        editor.textChanged.connect(lambda: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, ParagraphEditor)
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if editor.toPlainText() != text:  # keep the cursor while our own typing comes back
            editor.blockSignals(True)  # loading is not typing: no commit back to the model
            editor.setPlainText(text)
            editor.blockSignals(False)
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, ParagraphEditor) and isinstance(model, EditorModel)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect.adjusted(0, 0, -1, -1))


class AlignedEditor(QTreeView):
    """Korean and English side by side; rows stay aligned whatever the text lengths."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alignedEditor")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setItemsExpandable(False)
        self.setWordWrap(True)
        self.setAllColumnsShowFocus(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.CurrentChanged
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setItemDelegate(ParagraphDelegate(self))
        self.header().setStretchLastSection(False)
        self.header().sectionResized.connect(self._on_header_section_resized)

    # Set by the window: asks whether to reopen an agreed paragraph, reopens it, answers.
    reopen_hook: Callable[[int], bool] | None = None

    def reopen(self, pid: int) -> bool:
        """Before the first edit of an agreed paragraph: ask, and reopen it if the user agrees."""
        return self.reopen_hook is not None and self.reopen_hook(pid)

    def setModel(self, model: object) -> None:
        super().setModel(model)  # type: ignore[arg-type]
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, NUMBER_WIDTH)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def editor_model(self) -> EditorModel:
        """The model, typed."""
        model = self.model()
        assert isinstance(model, EditorModel)
        return model

    def _on_header_section_resized(self, *_: object) -> None:
        self.scheduleDelayedItemsLayout()  # wrapped heights depend on column widths

    def set_zoom_font(self, font: QFont) -> None:
        """Change the text size; heights are recomputed for what is visible."""
        self.setFont(font)
        self.scheduleDelayedItemsLayout()

    def dataChanged(self, top_left: Index, bottom_right: Index,  # type: ignore[override]
                    roles: list[int] = []) -> None:  # noqa: B006 - Qt's signature
        super().dataChanged(top_left, bottom_right, roles)
        self.updateEditorGeometries()  # an edited row may have grown a line

    def go_to(self, row: int, column: int) -> None:
        """Make a cell current (its editor opens) and scroll it into view."""
        model = self.editor_model()
        if not 0 <= row < model.rowCount():
            return
        column = max(1, min(column, model.columnCount() - 1))
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def navigate(self, direction: str) -> None:
        """Move between languages and paragraphs without the mouse."""
        current = self.currentIndex()
        row, column = current.row(), max(1, current.column())
        last_column = self.editor_model().columnCount() - 1
        if direction == "next":
            row, column = (row, column + 1) if column < last_column else (row + 1, 1)
        elif direction == "previous":
            row, column = (row, column - 1) if column > 1 else (row - 1, last_column)
        elif direction == "down":
            row += 1
        elif direction == "up":
            row -= 1
        self.go_to(row, column)
