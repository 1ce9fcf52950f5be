"""How a paragraph's cell is drawn and edited in the aligned editor: its text with marks,
brackets and misspellings, the row's number and status, and the cell editor it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent, QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, QSize, Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QWidget

from minutes_app.model import Lang, Status
from minutes_app.ui import style
from minutes_app.ui.editor.markup import (
    MARK_GLYPHS, bracket_layout, markup_layout, spelling_layout, whole_paragraph_track,
)
from minutes_app.ui.editor.rows import EditorModel, Role, RowKind

if TYPE_CHECKING:  # importing these at run time costs start-up (PySide6 builds their enums)
    from PySide6.QtWidgets import QStyleOptionViewItem

    from minutes_app.ui.editor.cell import ParagraphEditor
    from minutes_app.ui.editor.view import AlignedEditor

Index = QModelIndex | QPersistentModelIndex
PAD = 6
NUMBER_WIDTH = 64
_WRAP = int(Qt.TextFlag.TextWordWrap)


def _fill(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """Fill a rectangle; drawRect rather than fillRect, whose overloads make PySide6 build
    QGradient's enums (milliseconds at start-up)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(rect)
    painter.setBrush(Qt.BrushStyle.NoBrush)


class ParagraphDelegate(QStyledItemDelegate):
    """Paints wrapped paragraph text, the number and status column, and section headings."""

    def __init__(self, view: AlignedEditor) -> None:
        super().__init__(view)
        self.view = view
        self._base = QFont()  # the view's font the cell fonts below are made from
        self._fonts: dict[tuple[bool, bool], QFont] = {}  # (Latin or Cyrillic, heading)

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
        brackets = index.data(Role.BRACKETS)
        if brackets:
            height = bracket_layout(text, track or None, brackets, font,
                                    width).boundingRect().height()
            return QSize(width, int(height) + 2 * PAD + fm.descent())
        if track:
            height = markup_layout(text, track, font, width).boundingRect().height()
            return QSize(width, int(height) + 2 * PAD + fm.descent())
        rect = fm.boundingRect(QRect(0, 0, width, 1_000_000), _WRAP, text)
        return QSize(width, max(rect.height(), fm.height()) + 2 * PAD + fm.descent())

    def _font(self, index: Index) -> QFont:
        """The font of a cell (not to be changed: the four kinds are made once per view font)."""
        latin = index.data(Role.LANG) not in (None, Lang.KO)
        bold = index.data(Role.KIND) == RowKind.SECTION
        base = self.view.font()
        if base != self._base:
            self._base, self._fonts = base, {}
        font = self._fonts.get((latin, bold))
        if font is None:
            font = QFont(base)
            if latin:
                font.setFamilies(style.latin_families(font))  # Cyrillic and Latin in their faces
            if bold:
                font.setBold(True)
            self._fonts[latin, bold] = font
        return font

    # -- painting --------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.view.note_painted()
        painter.save()
        rect = option.rect
        section = index.data(Role.KIND) == RowKind.SECTION
        selected = self.view.selectionModel().isSelected(index)
        if section:
            _fill(painter, rect, style.HEADING_BACKGROUND)
        elif selected:
            _fill(painter, rect, option.palette.highlight().color().lighter(185))
        painter.setFont(self._font(index))
        if index.column() == 0 and not section:
            self._paint_number(painter, rect, index)
        else:
            text = index.data(Qt.ItemDataRole.DisplayRole) or ""
            painter.setPen(option.palette.text().color())
            track = index.data(Role.TRACK) or whole_paragraph_track(text, index.data(Role.MARK))
            brackets = index.data(Role.BRACKETS)
            spans = self._misspelt(index, text) if not track and not brackets else ()
            if brackets:  # the delimiters and the other options are drawn, never stored
                layout = bracket_layout(text, track or None, brackets, painter.font(),
                                        rect.width() - 2 * PAD)
                layout.draw(painter, QPointF(rect.left() + PAD, rect.top() + PAD))
            elif track:
                layout = markup_layout(text, track, painter.font(), rect.width() - 2 * PAD)
                layout.draw(painter, QPointF(rect.left() + PAD, rect.top() + PAD))
            elif spans:  # a visible cell: its misspelt words underlined in red
                layout = spelling_layout(text, spans, painter.font(), rect.width() - 2 * PAD)
                layout.draw(painter, QPointF(rect.left() + PAD, rect.top() + PAD))
            else:
                painter.drawText(rect.adjusted(PAD, PAD, -PAD, -PAD), _WRAP, text)
        painter.setPen(QPen(style.GRID))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()

    def _misspelt(self, index: Index, text: str) -> tuple[tuple[int, int], ...]:
        service = self.view.spell
        lang = index.data(Role.LANG)
        if service is None or lang is None or index.data(Role.KIND) != RowKind.PARAGRAPH:
            return ()
        return tuple((b.start, b.end) for b in service.misspellings(text, lang))

    def _paint_number(self, painter: QPainter, rect: QRect, index: Index) -> None:
        status = index.data(Role.STATUS) or Status.DRAFT
        colour = style.STATUS_COLOURS[status]
        _fill(painter, QRect(rect.left(), rect.top(), 4, rect.height()), colour)
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
        from minutes_app.ui.editor.cell import ParagraphEditor  # when a cell first opens

        editor = ParagraphEditor(parent)
        editor.setFont(self._font(index))
        if index.data(Role.STATUS) in (Status.AGREED, Status.AGREED_AD_REF):
            pid = index.data(Role.ID)
            editor.setReadOnly(True)
            editor.guard = lambda: self.view.reopen(pid)
        editor.navigate.connect(self.view.navigate)
        editor.menu = lambda e: self.view.cell_menu(e) if self.view.cell_menu else None
        editor.textChanged.connect(lambda: self._on_text_changed(editor))
        if self.view.editor_hook is not None:  # e.g. the spell checker's underlines
            self.view.editor_hook(editor, index)
        return editor

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Tab and Shift+Tab walk as the cell editor's ``navigate`` says (the paragraphs'
        languages, never into a heading) instead of Qt's next editable cell."""
        if event.type() == QEvent.Type.KeyPress and hasattr(obj, "navigate"):
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                    event.modifiers() & Qt.KeyboardModifier.ControlModifier):  # type: ignore[attr-defined]
                obj.navigate.emit("next" if key == Qt.Key.Key_Tab else "previous")
                return True
        return super().eventFilter(obj, event)

    def _on_text_changed(self, editor: ParagraphEditor) -> None:
        text = editor.typed()
        if text == editor.last_text:
            return  # formats changed (spelling underlines), not the text: nothing to commit
        editor.last_text = text
        self.commitData.emit(editor)

    def setEditorData(self, editor: ParagraphEditor, index: Index) -> None:  # type: ignore[override]
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if editor.typed() != text:  # keep the cursor while our own typing comes back
            editor.blockSignals(True)  # loading is not typing: no commit back to the model
            editor.setPlainText(text)
            editor.last_text = text
            editor.blockSignals(False)
            editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: ParagraphEditor, model: object,  # type: ignore[override]
                     index: Index) -> None:
        assert isinstance(model, EditorModel)
        model.setData(index, editor.typed(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        editor.setGeometry(option.rect.adjusted(0, 0, -1, -1))
