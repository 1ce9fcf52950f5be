"""The reviewing pane's list, as Word's: every change with its Side, round, date and language,
the words themselves wrapped (insertions underlined, deletions struck), grouped by paragraph.

A ``QListView`` lays out in batches and paints only the visible rows, so thousands of
revisions open at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QWidget

from minutes_app.i18n import _
from minutes_app.ui import style
from minutes_app.ui.labels import lang_label, side_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from minutes_app.tracking.revisions import Revision

Index = QModelIndex | QPersistentModelIndex
PAD = 6
_WRAP = int(Qt.TextFlag.TextWordWrap)
MAX_LINES = 12  # a whole deleted paragraph shows its start; the editor shows the rest


def revision_date(r: Revision) -> str:
    """The revision's date in the user's locale."""
    from minutes_app.ui.locale_dates import short_date

    return short_date(r.time)


def meta_line(r: Revision) -> str:
    """Who, when and where: "Russian Side · round 3 · 16/12/2020 · English — Insertion"."""
    from minutes_app.i18n.places import kind_label

    where = lang_label(r.lang) if r.lang else _("whole paragraph")
    parts = [side_label(r.side), _("round {number}").format(number=r.round),
             revision_date(r), where]
    return " · ".join(p for p in parts if p) + f" — {kind_label(r)}"


def group_title(r: Revision) -> str:
    """The heading of a paragraph's group of changes."""
    if r.annex is not None:
        from minutes_app.ui.panels.annex_revisions import annex_place

        return annex_place(r)
    if r.number is None:
        return _("Unnumbered paragraph")
    return _("Paragraph {number}").format(number=r.number)


class RevisionDelegate(QStyledItemDelegate):
    """Paints one revision: its group heading (first of a paragraph), who/when, the words."""

    def __init__(self, view: ReviewingList) -> None:
        super().__init__(view)
        self.view = view
        self._font_key = ""
        self._base: tuple[QFont, QFont, QFont, int, int] | None = None

    def _revisions(self) -> list[Revision]:
        return self.view.model().revisions  # type: ignore[attr-defined, no-any-return]

    def _first_of_group(self, row: int) -> bool:
        revisions = self._revisions()
        return row == 0 or revisions[row - 1].paragraph_id != revisions[row].paragraph_id

    def _fonts(self, r: Revision) -> tuple[QFont, QFont, QFont]:
        """Bold, small and the words' font (built once per view font: thousands of rows)."""
        key = self.view.font().key()
        if self._base is None or key != self._font_key:
            base = QFont(self.view.font())
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
            self._base = (base, bold, small, QFontMetrics(bold).height(),
                          QFontMetrics(small).height())
            self._font_key = key
        base, bold, small = self._base[:3]
        words = QFont(base)
        words.setUnderline(r.kind == "insert")
        words.setStrikeOut(r.kind == "delete")
        return bold, small, words

    def _text(self, r: Revision) -> str:
        return r.text.replace("\n", " ") or "¶"

    def _width(self) -> int:
        return max(80, self.view.viewport().width() - 2 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        r = self._revisions()[index.row()]
        _bold, _small, words = self._fonts(r)
        assert self._base is not None
        bold_height, small_height = self._base[3:]
        width = self._width()
        height = 2 * PAD + small_height
        if self._first_of_group(index.row()):
            height += bold_height + PAD
        fm = QFontMetrics(words)
        text_height = fm.boundingRect(QRect(0, 0, width, 1_000_000), _WRAP, self._text(r)).height()
        height += min(text_height, fm.lineSpacing() * MAX_LINES) + 2
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        r = self._revisions()[index.row()]
        bold, small, words = self._fonts(r)
        painter.save()
        rect = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        # the view's selection, not ``option.state``: reading that builds every enum of QStyle
        # (about 6 ms at start-up, when the pane first paints)
        if self.view.selectionModel().isSelected(index):
            painter.fillRect(option.rect, option.palette.highlight().color().lighter(170))
        top = rect.top()
        text_colour = option.palette.text().color()
        if self._first_of_group(index.row()):
            painter.setPen(style.GRID)
            painter.drawLine(option.rect.left(), option.rect.top(), option.rect.right(),
                             option.rect.top())
            painter.setFont(bold)
            painter.setPen(text_colour)
            line = QFontMetrics(bold).height()
            painter.drawText(QRect(rect.left(), top, rect.width(), line),
                             int(Qt.AlignmentFlag.AlignLeft), group_title(r))
            top += line + PAD
        colour = style.SIDE_COLOURS[r.side]
        painter.setFont(small)
        painter.setPen(colour.darker(115))
        line = QFontMetrics(small).height()
        painter.drawText(QRect(rect.left(), top, rect.width(), line),
                         int(Qt.AlignmentFlag.AlignLeft), meta_line(r))
        top += line
        painter.setFont(words)
        painter.setPen(colour)
        painter.drawText(QRect(rect.left(), top, rect.width(), rect.bottom() - top + PAD),
                         _WRAP, self._text(r))
        painter.restore()


class ReviewingList(QListView):
    """The virtualised list of revisions, wrapped to the pane's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revisionsView")
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)  # thousands of rows: laid out in steps
        self.setBatchSize(40)  # the first screen is painted after the first batch
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # heights follow the pane's width
        self.setItemDelegate(RevisionDelegate(self))
        from minutes_app.ui.editor.view import own_viewport

        own_viewport(self)  # a Qt-made viewport handed to Python costs ~100 ms once


def warm_up() -> None:
    """In an idle moment after start: make the reviewing pane's classes and Qt enums
    (PySide6 builds each enum on first use, ~0.1 s for the pane's), so it opens at once."""
    from minutes_app.ui.panels.changes import RevisionsModel

    view = ReviewingList()
    view.setModel(RevisionsModel())
    view.deleteLater()
