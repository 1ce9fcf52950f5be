"""The changes panel: pending revisions, filtered, walked through and decided."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal,
)
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from minutes_app.i18n import _, ngettext
from minutes_app.model import Change, Lang, Minutes, Side
from minutes_app.tracking.revisions import Revision, all_revisions
from minutes_app.ui import style
from minutes_app.ui.document import Document
from minutes_app.i18n.places import kind_label
from minutes_app.ui.labels import column_languages, lang_label, side_label
from minutes_app.ui.workflow import WorkflowRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

Index = QModelIndex | QPersistentModelIndex
ANY = None


def _section_id(m: Minutes, r: Revision) -> int:
    """The section a revision belongs to (a heading's revision: the section itself; an
    annex's: none, -1)."""
    if r.annex is not None:
        return -1
    return r.paragraph_id if r.heading else m.section_of(r.paragraph_id).id


class RevisionsModel(QAbstractTableModel):
    """The revisions that pass the panel's filters."""

    COLUMNS = 6

    def __init__(self) -> None:
        super().__init__()
        self.revisions: list[Revision] = []

    def set_revisions(self, revisions: list[Revision]) -> None:
        """Replace the list (a reset: the list is short and rebuilt after each decision)."""
        self.beginResetModel()
        self.revisions = revisions
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.revisions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [_("No."), _("Language"), _("Side"), _("Round"), _("Change"), _("Text")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.revisions[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:  # the list shows column 0 only
            from minutes_app.ui.panels.review_pane import group_title, meta_line

            return f"{group_title(r)}: {meta_line(r)}: {r.text}"
        if role == Qt.ItemDataRole.DisplayRole:
            from minutes_app.ui.panels.annex_revisions import short_place

            return ["§" if r.heading else short_place(r) if r.annex else str(r.number or "·"),
                    lang_label(r.lang) if r.lang else "¶",
                    side_label(r.side), str(r.round), kind_label(r),
                    r.text.replace("\n", " ")][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (2, 5):
            return style.SIDE_COLOURS[r.side]
        if role == Qt.ItemDataRole.FontRole and index.column() == 5:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setUnderline(r.kind == "insert")
            font.setStrikeOut(r.kind == "delete")
            return font
        return None


class ChangesPanel(QWidget):
    """Filter by Side, round, section and language; next/previous; accept/reject."""

    revision_activated = Signal(object)  # Revision

    def __init__(self, doc: Document, runner: WorkflowRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("changesPanel")
        self.doc = doc
        self.runner = runner  # decisions are the CLI's workflow, one undo step each
        self.model = RevisionsModel()
        from minutes_app.ui.panels.review_pane import ReviewingList

        self.view = ReviewingList()
        self.view.setModel(self.model)
        self.view.clicked.connect(self._on_view_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_menu_requested)
        self.side, self.round, self.lang, self.section = (QComboBox() for _ in range(4))
        for combo in (self.side, self.round, self.lang, self.section):
            combo.activated.connect(lambda _i: self.refresh())
            # long section headings must not force the panel wide
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.labels = [QLabel() for _ in range(4)]
        self.buttons = {name: QPushButton() for name in
                        ("previous", "next", "accept", "reject", "accept_shown", "reject_shown")}
        self.summary = QLabel()
        self._layout()
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.refresh)
        self._stale = True  # the document changed since the list was computed (or never was)
        doc.changed.connect(self._on_document_changed)
        self.retranslate_ui()

    def _layout(self) -> None:
        filters = QGridLayout()
        for i, (label, combo) in enumerate(zip(self.labels, (self.side, self.round, self.lang,
                                                             self.section), strict=True)):
            filters.addWidget(label, i // 2, (i % 2) * 2)
            filters.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        nav = QHBoxLayout()
        for name in ("previous", "next", "accept", "reject"):
            nav.addWidget(self.buttons[name])
        bulk = QHBoxLayout()
        bulk.addWidget(self.buttons["accept_shown"])
        bulk.addWidget(self.buttons["reject_shown"])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addLayout(nav)
        layout.addLayout(bulk)
        self.buttons["previous"].clicked.connect(lambda: self.step(-1))
        self.buttons["next"].clicked.connect(lambda: self.step(1))
        self.buttons["accept"].clicked.connect(lambda: self.decide_current(True))
        self.buttons["reject"].clicked.connect(lambda: self.decide_current(False))
        self.buttons["accept_shown"].clicked.connect(lambda: self.decide_shown(True))
        self.buttons["reject_shown"].clicked.connect(lambda: self.decide_shown(False))

    def sizeHint(self) -> QSize:
        return QSize(340, 600)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        for label, text in zip(self.labels, (_("Side"), _("Round"), _("Language"), _("Section")),
                               strict=True):
            label.setText(text)
        texts = {"previous": _("◀ Previous"), "next": _("Next ▶"), "accept": _("Accept"),
                 "reject": _("Reject"), "accept_shown": _("Accept all shown"),
                 "reject_shown": _("Reject all shown")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self._fill_filters()
        if self.isVisible():
            self.refresh()
        else:  # every revision is listed for this: when shown or used
            self._stale = True

    def _fill_filters(self) -> None:
        from minutes_app.i18n import current_language

        m = self.doc.minutes
        ui = Lang.KO if current_language() == "ko" else Lang.EN
        named = ui if ui in m.languages else column_languages(m)[0]  # headings the user reads
        choices: list[tuple[QComboBox, list[tuple[str, Any]]]] = [
            (self.side, [(side_label(s), s) for s in Side]),
            (self.round, [(str(n), n) for n in range(2, m.working_round + 1)]),
            (self.lang, [(lang_label(lang), lang) for lang in m.languages]),
            (self.section, [(s.heading.get(named) or _("Preamble"), s.id)
                            for s in m.sections]),
        ]
        for combo, items in choices:
            current = combo.currentData()
            combo.clear()
            combo.addItem(_("All"), ANY)
            for text, value in items:
                combo.addItem(text, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))

    def shown(self, revisions: list[Revision] | None = None) -> list[Revision]:
        """The pending revisions that pass the filters (of ``revisions``, or of them all)."""
        # Qt hands enum data back as plain strings: turn them into our enums again
        side = Side(self.side.currentData()) if self.side.currentData() else None
        rnd: int | None = self.round.currentData()
        lang = Lang(self.lang.currentData()) if self.lang.currentData() else None
        sid: int | None = self.section.currentData()
        m = self.doc.minutes
        if revisions is None:
            revisions = all_revisions(m)
        return [r for r in revisions
                if (side is None or r.side is side) and (rnd is None or r.round == rnd)
                and (lang is None or r.lang is lang)
                and (sid is None or _section_id(m, r) == sid)]

    def refresh(self) -> None:
        """Recompute the list, keeping the selection on the same revision when it remains."""
        self._stale = False
        current = self.current()
        every = all_revisions(self.doc.minutes)
        revisions = self.shown(every)
        self.model.set_revisions(revisions)
        ids = [r.id for r in revisions]
        if current is not None and current.id in ids:
            self.view.setCurrentIndex(self.model.index(ids.index(current.id), 0))
        total = len(every)
        self.summary.setText(ngettext("{n} pending revision", "{n} pending revisions", total)
                             .format(n=total))

    def current(self) -> Revision | None:
        """The selected revision."""
        index = self.view.currentIndex()
        return self.model.revisions[index.row()] if index.isValid() else None

    def _fresh(self) -> None:
        """Before acting on the list: recompute it if the document changed since (a command
        can come sooner than the refresh that follows typing)."""
        if self._stale:
            self.refresh()

    def step(self, delta: int) -> None:
        """Select and show the next (or previous) revision."""
        self._fresh()
        count = self.model.rowCount()
        if not count:
            return
        row = self.view.currentIndex().row()
        row = (row + delta) % count if row >= 0 else (0 if delta > 0 else count - 1)
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.revision_activated.emit(self.model.revisions[row])

    def _apply(self, revisions: list[Revision], accept: bool) -> None:
        """Decide ``revisions`` by id through the workflow (nothing to decide: nothing done)."""
        from minutes_app.workflows.edits import decide

        if revisions:
            ids = [r.id for r in revisions]
            self.runner.run(lambda: decide(self.doc.minutes, accept, ids=ids))
        self.refresh()

    def decide_current(self, accept: bool) -> None:
        """Accept or reject the selected revision, then move to the next."""
        self._fresh()
        r = self.current()
        if r is None:
            return
        row = self.view.currentIndex().row()
        self._apply([r], accept)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def decide_shown(self, accept: bool) -> None:
        """Accept or reject every revision the filters show, as one undo step."""
        self._apply(self.shown(), accept)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        if not self._stale:  # a stale row may name a revision that is gone
            self.revision_activated.emit(self.model.revisions[index.row()])

    def row_menu(self, row: int) -> QMenu:
        """Accept or reject the revision of one row (the list's context menu)."""
        from PySide6.QtWidgets import QMenu

        self.view.setCurrentIndex(self.model.index(row, 0))
        menu = QMenu(self)
        menu.addAction(_("Accept"), lambda: self.decide_current(True))
        menu.addAction(_("Reject"), lambda: self.decide_current(False))
        return menu

    def _on_view_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and not self._stale:
            menu = self.row_menu(index.row())
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _on_document_changed(self, change: Change) -> None:
        if change.meta:
            self._fill_filters()
        self._stale = True
        if self.isVisible():  # hidden, it recomputes when shown or used (every revision: slow)
            self._timer.start()
