"""The outline: sections with their numbered paragraphs, statuses and counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtWidgets import QTreeView

from minutes_app.i18n import _, ngettext
from minutes_app.model import Change, Lang, Minutes, Section, Status
from minutes_app.ui import style
from minutes_app.ui.document import Document
from minutes_app.ui.labels import column_languages, status_label
from minutes_app.ui.editor.rows import Role, RowKind

Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internal id of section items; paragraph items carry their section's id + 1
SNIPPET = 48
MIME = "application/x-minutes-outline-item"  # "<kind>:<id>" of the dragged item

_ITEM_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
               | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)

def outline_view() -> QTreeView:
    """The outline's view: sections and their paragraphs, rows moved by dragging."""
    from minutes_app.ui.editor.view import own_viewport

    view = QTreeView()
    own_viewport(view)
    view.setObjectName("outline")
    view.setFrameShape(QTreeView.Shape.NoFrame)
    style.set_background(view, style.OUTLINE_BACKGROUND)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setDragDropMode(QTreeView.DragDropMode.InternalMove)  # rows move by drag
    view.setDropIndicatorShown(True)
    return view


class OutlineModel(QAbstractItemModel):
    """Sections as top-level items, paragraphs as their children; items move by drag and drop.

    A drop does not change the document itself: it asks, through ``move_requested``, for the
    same undoable move the keyboard commands make.
    """

    move_requested = Signal(object, int, int, int)  # kind, id, section id (or -1), before

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.lang: Lang = column_languages(doc.minutes)[0]
        self._section_rows: dict[int, int] = {}
        self._reindex()
        doc.changed.connect(self._on_document_changed)

    @property
    def minutes(self) -> Minutes:
        """The document's model."""
        return self.doc.minutes

    def _reindex(self) -> None:
        self._section_rows = {s.id: i for i, s in enumerate(self.minutes.sections)}

    def _section_at(self, index: Index) -> Section:
        return self.minutes.sections[index.row()]

    # -- Qt model API ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # Qt asks once for every item as it lays the outline out (20,000 times at 20,000
        # paragraphs): the paragraph's case first, with no call it can do without
        if column != 0 or row < 0:
            return QModelIndex()
        if parent.isValid():
            if parent.internalId() != _TOP:
                return QModelIndex()
            section = self.doc.minutes.sections[parent.row()]
            if row >= len(section.paragraphs):
                return QModelIndex()
            return self.createIndex(row, 0, section.id + 1)
        if row >= len(self.minutes.sections):
            return QModelIndex()
        return self.createIndex(row, 0, _TOP)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        row = self._section_rows.get(index.internalId() - 1, -1)
        return self.createIndex(row, 0, _TOP) if row >= 0 else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.doc.minutes.sections)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self.doc.minutes.sections[parent.row()].paragraphs)
        return 0  # a paragraph (asked once for each as the outline is laid out)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # sections move between sections
        return _ITEM_FLAGS  # one value: Qt asks for every row, and enum ``|`` is slow

    # -- drag and drop ---------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if indexes:
            kind, ident = RowKind(indexes[0].data(Role.KIND)), int(indexes[0].data(Role.ID))
            data.setData(MIME, f"{int(kind)}:{ident}".encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self.drop_target(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        target = self.drop_target(data, row, parent)
        if target is None:
            return False
        self.move_requested.emit(*target)
        return True

    def drop_target(self, data: QMimeData, row: int, parent: Index
                    ) -> tuple[RowKind, int, int, int] | None:
        """Where a drop puts the dragged item: (kind, id, section id, before which index).

        A paragraph goes before the paragraph it is dropped on, or at the dropped-between
        place of a section, or at the end of the section it is dropped on. A section goes
        before the section it is dropped on (or into), or between sections.
        """
        if not data.hasFormat(MIME):
            return None
        kind_text, _sep, ident_text = bytes(data.data(MIME).data()).decode().partition(":")
        kind, ident = RowKind(int(kind_text)), int(ident_text)
        if kind is RowKind.PARAGRAPH:
            if not parent.isValid():
                return None
            if parent.internalId() == _TOP:
                section = self._section_at(parent)
                before = row if row >= 0 else len(section.paragraphs)
                return kind, ident, section.id, before
            return kind, ident, parent.internalId() - 1, parent.row()
        if parent.isValid():
            on_section = parent.internalId() == _TOP
            before = parent.row() if on_section else self._section_rows[parent.internalId() - 1]
            return kind, ident, -1, before
        return kind, ident, -1, row if row >= 0 else len(self.minutes.sections)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._section_data(self._section_at(index), role)
        section = self.minutes.section(index.internalId() - 1)
        return self._paragraph_data(section, index.row(), role)

    def _section_data(self, s: Section, role: int) -> Any:
        if role == Role.KIND:
            return RowKind.SECTION
        if role == Role.ID:
            return s.id
        if role == Qt.ItemDataRole.DisplayRole:
            heading = s.heading.get(self.lang) or (_("Preamble") if not s.numbered else "—")
            agreed = sum(1 for p in s.paragraphs if p.status is Status.AGREED)
            counts = ngettext("{n} paragraph", "{n} paragraphs", len(s.paragraphs)).format(
                n=len(s.paragraphs))
            agreed_text = _("{n} agreed").format(n=agreed)
            return f"{heading}  ({counts}, {agreed_text})"
        return None

    def _paragraph_data(self, s: Section, row: int, role: int) -> Any:
        p = s.paragraphs[row]
        if role == Role.KIND:
            return RowKind.PARAGRAPH
        if role == Role.ID:
            return p.id
        if role == Qt.ItemDataRole.DisplayRole:
            number = self.minutes.number(p.id)
            text = " ".join(p.text(self.lang).split())  # a tab or line break: one space
            snippet = text[:SNIPPET] + ("…" if len(text) > SNIPPET else "")
            prefix = f"{number}." if number is not None else "·"
            return f"{style.STATUS_GLYPHS[p.status]} {prefix} {snippet}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.STATUS_COLOURS[p.status].darker(140)
        if role == Qt.ItemDataRole.ToolTipRole:
            return status_label(p.status)
        return None

    # -- following the document ----------------------------------------------------------
    def _on_document_changed(self, change: Change) -> None:
        if change.structure:
            self.beginResetModel()
            self._reindex()
            self.endResetModel()
            return
        for sid in change.sections:
            row = self._section_rows.get(sid, -1)
            if row >= 0:
                ix = self.createIndex(row, 0, _TOP)
                self.dataChanged.emit(ix, ix)
        for pid in change.paragraphs:
            self._paragraph_changed(pid)

    def _paragraph_changed(self, pid: int) -> None:
        section = self.minutes.section_of(pid)
        row = next(i for i, p in enumerate(section.paragraphs) if p.id == pid)
        ix = self.createIndex(row, 0, section.id + 1)
        self.dataChanged.emit(ix, ix)
        top = self.createIndex(self._section_rows[section.id], 0, _TOP)
        self.dataChanged.emit(top, top)  # the section's counts

    def index_of_paragraph(self, pid: int) -> QModelIndex:
        """The outline item of a paragraph."""
        section = self.minutes.section_of(pid)
        row = next(i for i, p in enumerate(section.paragraphs) if p.id == pid)
        return self.createIndex(row, 0, section.id + 1)

    def index_of_section(self, sid: int) -> QModelIndex:
        """The outline item of a section."""
        return self.createIndex(self._section_rows[sid], 0, _TOP)

    def set_language(self, lang: Lang) -> None:
        """Show headings and paragraph openings in ``lang`` (the document's languages changed)."""
        if lang is not self.lang:
            self.lang = lang
            self.retranslate()

    def retranslate(self) -> None:
        """Refresh the labels after an interface language switch."""
        self.beginResetModel()
        self.endResetModel()
