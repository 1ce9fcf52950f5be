"""The aligned editor: a virtualised view, one row per paragraph, one column per language.

Rows are laid out only when visible (QTreeView, per-item scrolling) and an editor widget
exists only for the current cell, so 5,000 paragraphs cost what a screenful costs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from minutes_app.model import Lang
from minutes_app.ui import style
from minutes_app.ui.editor.delegate import NUMBER_WIDTH, PAD, Index, ParagraphDelegate
from minutes_app.ui.editor.rows import EditorModel, RowKind

if TYPE_CHECKING:  # importing these at run time costs start-up (PySide6 builds their enums)
    from PySide6.QtWidgets import QMenu, QPlainTextEdit

    from minutes_app.ui.editor.cell import ParagraphEditor
    from minutes_app.ui.editor.spell import SpellService

# From this many rows a document never fits a screen (a row is a line at least): the
# scroll bar is there from the start, so the first layout of the rows is done at the final
# width, not redone when the bar appears (a full layout: ~0.1 s at 20,000 paragraphs).
# Fewer rows too, when even their least height (see ``_never_fits``) exceeds the screen's.
ALWAYS_SCROLLS = 200


def own_viewport(view: QAbstractItemView) -> None:
    """Give ``view`` a viewport made from Python.

    Handing Python a widget Qt created (the default viewport, as the parent of a cell's
    editor or the place of a context menu) makes PySide6 build every QWidget subclass to find
    its type, about 15 ms once; a widget Python made is already known.
    """
    viewport = QWidget()
    viewport.setBackgroundRole(QPalette.ColorRole.Base)  # as Qt's own viewport: the view's base
    viewport.setAutoFillBackground(True)
    view.setViewport(viewport)


class AlignedEditor(QTreeView):
    """Korean and English side by side; rows stay aligned whatever the text lengths."""

    first_painted = Signal()  # once, after the first frame (the start-up benchmark times it)
    _painted = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alignedEditor")
        style.set_background(self, style.EDITOR_BACKGROUND)
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
        own_viewport(self)
        self.setItemDelegate(ParagraphDelegate(self))
        self.header().setStretchLastSection(False)
        # the interface's font, not the document's that ``set_zoom_font`` gives the view
        self.header().setFont(QGuiApplication.font())
        self.header().sectionResized.connect(self._on_header_section_resized)

    # Set by the window: asks whether to reopen an agreed paragraph, reopens it, answers.
    reopen_hook: Callable[[int], bool] | None = None
    # Set by the window: the context menu of a cell's editor.
    cell_menu: Callable[[QPlainTextEdit], QMenu] | None = None
    # Set by the window: called with each new cell editor and its index.
    editor_hook: Callable[[ParagraphEditor, Index], None] | None = None
    spell: SpellService | None = None  # underlines misspelt words in the cells painted

    def reopen(self, pid: int) -> bool:
        """Before the first edit of an agreed paragraph: ask, and reopen it if the user agrees."""
        return self.reopen_hook is not None and self.reopen_hook(pid)

    def setModel(self, model: object) -> None:
        super().setModel(model)  # type: ignore[arg-type]
        editor_model = self.editor_model()
        # lambdas, not the view's methods: connecting a Qt signal to a method of this view
        # made PySide6 re-polish it at show, which drops the font's fallback families
        editor_model.modelAboutToBeReset.connect(lambda: self._before_reset())
        editor_model.modelReset.connect(lambda: self._after_reset())
        editor_model.rowsInserted.connect(lambda *_: self._scroll_bar_policy())
        editor_model.rowsRemoved.connect(lambda *_: self._scroll_bar_policy())
        self._size_columns()
        self._scroll_bar_policy()

    def _scroll_bar_policy(self) -> None:
        """A long document keeps its scroll bar from the start (see ``ALWAYS_SCROLLS``)."""
        policy = (Qt.ScrollBarPolicy.ScrollBarAlwaysOn if self._never_fits()
                  else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)

    def _never_fits(self) -> bool:
        """Whether the rows are taller than the screen even at their least height: each row
        is as tall as its number cell at least, two lines of the view's font and padding."""
        rows = self.editor_model().rowCount()
        if rows >= ALWAYS_SCROLLS:
            return True
        bold = QFont(self.font())
        bold.setBold(True)  # a heading's number cell
        line = min(QFontMetrics(self.font()).height(), QFontMetrics(bold).height())
        return rows * (2 * line + 2 * PAD) > self.screen().availableGeometry().height()

    _kept: tuple[int, Lang | None] | None = None  # the cell to return to after a reset

    def _before_reset(self) -> None:
        """Close the cell's editor (a reset would leave it behind) and remember the cell."""
        current = self.currentIndex()
        self._kept = ((current.row(), self.editor_model().lang_of(current.column()))
                      if current.isValid() else None)
        self.setCurrentIndex(QModelIndex())  # commits and closes the open editor

    def _after_reset(self) -> None:
        """Size the new columns and go back to the cell (its language, if still there)."""
        self._size_columns()
        self._scroll_bar_policy()
        if self._kept is not None:
            row, lang = self._kept
            langs = self.editor_model().langs
            self._kept = None
            self.go_to(row, self.editor_model().column_of(lang) if lang in langs and lang
                       else 1)

    def _size_columns(self) -> None:
        """The number column fixed, the language columns sharing the rest."""
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, NUMBER_WIDTH)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def note_painted(self) -> None:
        """Called by the delegate as it paints: ``first_painted`` follows the first frame.

        (Not a paintEvent override: a Python event handler makes PySide6 build QEvent's
        enums, milliseconds before the first frame.)
        """
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # once this paint is finished

    def editor_model(self) -> EditorModel:
        """The model, typed."""
        model = self.model()
        assert isinstance(model, EditorModel)
        return model

    def _on_header_section_resized(self, *_: object) -> None:
        self.scheduleDelayedItemsLayout()  # wrapped heights depend on column widths

    def doItemsLayout(self) -> None:
        # The header sizes its stretched sections lazily, once the view has its size: asked
        # now, before the rows are laid out and measured at the columns' old widths, which
        # would lay every row out again at the new ones (``_on_header_section_resized``).
        self.header().sectionSize(0)
        super().doItemsLayout()

    def set_zoom_font(self, font: QFont) -> None:
        """Change the text size; heights are recomputed for what is visible."""
        self.setFont(font)
        self._scroll_bar_policy()  # rows of another least height
        self.scheduleDelayedItemsLayout()

    def dataChanged(self, top_left: Index, bottom_right: Index,  # type: ignore[override]
                    roles: list[int] = []) -> None:  # noqa: B006 - Qt's signature
        super().dataChanged(top_left, bottom_right, roles)
        self.updateEditorGeometries()  # an edited row may have grown a line

    def open_current(self) -> None:
        """Open the current cell's editor if it is not open (a hidden view opens none)."""
        index = self.currentIndex()
        if index.isValid() and self.indexWidget(index) is None:
            self.edit(index)

    def go_to(self, row: int, column: int) -> None:
        """Make a cell current (its editor opens) and scroll it into view."""
        model = self.editor_model()
        if not 0 <= row < model.rowCount():
            return
        column = max(1, min(column, model.columnCount() - 1))
        shown = [c for c in range(1, model.columnCount()) if not self.isColumnHidden(c)]
        if shown and column not in shown:  # a hidden language: the nearest shown one
            column = min(shown, key=lambda c: abs(c - column))
        index = model.index(row, column)
        self.setCurrentIndex(index)
        if self.isVisible():  # a hidden view scrolls to its current cell as it is shown,
            self.scrollTo(index)  # laid out at its width then, not at a guess now

    def navigate(self, direction: str) -> None:
        """Move between languages and paragraphs without the mouse."""
        current = self.currentIndex()
        row, column = current.row(), max(1, current.column())
        shown = [c for c in range(1, self.editor_model().columnCount())
                 if not self.isColumnHidden(c)] or [column]
        at = shown.index(column) if column in shown else 0
        if direction == "next":
            row, column = (row, shown[at + 1]) if at + 1 < len(shown) else (row + 1, shown[0])
        elif direction == "previous":
            row, column = (row, shown[at - 1]) if at > 0 else (row - 1, shown[-1])
        elif direction == "down":
            row += 1
        elif direction == "up":
            row -= 1
        if direction in ("next", "previous"):  # Tab walks the paragraphs' text, not headings
            step = 1 if direction == "next" else -1
            model = self.editor_model()
            while 0 <= row < model.rowCount() and model.key(row)[0] is RowKind.SECTION:
                row += step
            if not 0 <= row < model.rowCount():
                return
        self.go_to(row, column)
