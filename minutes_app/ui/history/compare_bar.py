"""The compare bar: choose two rounds (or a round and the current text) and see what changed.

The editor then shows the comparison inline by Side instead of the pending revisions, and the
comparison list names every change; stopping returns to the pending revisions.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n import _, ngettext
from minutes_app.i18n.messages import error_text
from minutes_app.model import Lang, Minutes
from minutes_app.model.track import INSERT, PLAIN, Track, plain
from minutes_app.tracking.compare import Comparison, compare
from minutes_app.tracking.provenance import stages
from minutes_app.tracking.revisions import Revision
from minutes_app.ui.panels.changes import RevisionsModel
from minutes_app.ui.document import Document
from minutes_app.ui.labels import side_label


def round_label(m: Minutes, number: int) -> str:
    """A round as the bar names it: "Round 2 — Russian Side, 2020-12-14"."""
    if number == m.working_round:
        return _("Current text (round {number})").format(number=number)
    r = m.rounds[number - 1]
    return _("Round {number} — {side}, {date}").format(number=number, side=side_label(r.side),
                                                       date=r.time[:10])


def comparison_revisions(m: Minutes, c: Comparison) -> list[Revision]:
    """The comparison's changes as rows of the changes list (not pending: ``status`` says so)."""
    out = []
    for p in c.paragraphs:
        for lang, track in p.tracks.items():
            for index, seg in enumerate(track):
                if seg.kind == PLAIN or seg.author is None:
                    continue
                a = seg.author
                kind = "insert" if seg.kind == INSERT else "delete"
                out.append(Revision(f"{p.pid}-{lang.value}-c{index}", p.pid, p.number, lang,
                                    kind, seg.text, a.side, a.round, a.time, index,
                                    status="compared"))
    return out


def overlay_of(m: Minutes, c: Comparison) -> dict[tuple[int, Lang], Track]:
    """What the editor shows per cell: the comparison's track, or the newer round's text."""
    newer = stages(m)[c.newer - 1]
    found = {(p.pid, lang): t for p in c.paragraphs for lang, t in p.tracks.items()}
    out: dict[tuple[int, Lang], Track] = {}
    for p in m.paragraphs():
        texts = newer.texts.get(p.id, {})
        for lang in m.languages:
            out[(p.id, lang)] = found.get((p.id, lang)) or plain(texts.get(lang, ""))
    return out


class CompareBar(QWidget):
    """Two round choosers, Compare and Stop; says how many paragraphs changed."""

    comparison_changed = Signal(object)  # Comparison | None
    export_requested = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareBar")
        self.doc = doc
        self.comparison: Comparison | None = None
        self.older, self.newer = QComboBox(), QComboBox()
        self.older.setObjectName("compareFrom")
        self.newer.setObjectName("compareTo")
        self.from_label, self.to_label, self.summary = QLabel(), QLabel(), QLabel()
        self.compare_button, self.stop_button = QPushButton(), QPushButton()
        self.export_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for w in (self.from_label, self.older, self.to_label, self.newer, self.compare_button,
                  self.stop_button, self.export_button, self.summary):
            layout.addWidget(w)
        layout.addStretch(1)
        self.compare_button.clicked.connect(self.compare_chosen)
        self.stop_button.clicked.connect(self.stop)
        self.export_button.clicked.connect(lambda: self.export_requested.emit())
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._recompare)
        doc.changed.connect(self._on_document_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        self.from_label.setText(_("Compare"))
        self.to_label.setText(_("with"))
        self.compare_button.setText(_("Show changes"))
        self.stop_button.setText(_("Stop comparing"))
        self.export_button.setText(_("Export as Word tracked changes…"))
        self.fill()
        self._summarise()

    def fill(self) -> None:
        """The rounds to choose from (the newer list ends with the current text)."""
        m = self.doc.minutes
        last = m.working_round
        for combo, numbers, default in ((self.older, range(1, last), 1),
                                        (self.newer, range(2, last + 1), last)):
            chosen = combo.currentData() or default
            combo.clear()
            for n in numbers:
                combo.addItem(round_label(m, n), n)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def compare_rounds(self, older: int, newer: int | None) -> Comparison:
        """Compare ``older`` with ``newer`` (None: the current text) and show it."""
        self.comparison = compare(self.doc.minutes, older, newer)
        self._summarise()
        self.comparison_changed.emit(self.comparison)
        return self.comparison

    def compare_chosen(self) -> None:
        """Compare the two rounds chosen in the bar."""
        older, newer = self.older.currentData(), self.newer.currentData()
        if older is None or newer is None:
            return
        try:
            self.compare_rounds(int(older), int(newer))
        except MinutesError as exc:
            self.summary.setText(error_text(exc))  # in the interface language

    def stop(self) -> None:
        """Back to the pending revisions."""
        self.comparison = None
        self._summarise()
        self.comparison_changed.emit(None)

    def _summarise(self) -> None:
        c = self.comparison
        if c is None:
            self.summary.setText("")
            return
        n = len(c.paragraphs)
        self.summary.setText(ngettext("{n} paragraph changed", "{n} paragraphs changed",
                                      n).format(n=n))

    def _on_document_changed(self, _change: object) -> None:
        if self.newer.count() != self.doc.minutes.working_round - 1:
            self.fill()  # a round was sent or merged in
        if self.comparison is not None:
            self._timer.start()  # the current text moved on, or a round was added

    def _recompare(self) -> None:
        c = self.comparison
        if c is None:
            return
        try:
            self.compare_rounds(c.older, None if c.current else c.newer)
        except MinutesError:
            self.stop()


class ComparisonList(QWidget):
    """The changes of the comparison shown, by Side; a click goes to the paragraph."""

    revision_activated = Signal(object)  # Revision

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonList")
        self.model = RevisionsModel()
        self.view = QTreeView()
        self.view.setObjectName("comparisonView")
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setModel(self.model)
        self.view.clicked.connect(self._on_clicked)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

    def show_comparison(self, m: Minutes, c: Comparison | None) -> None:
        """List ``c``'s changes (nothing when None)."""
        self.model.set_revisions(comparison_revisions(m, c) if c is not None else [])
        if c is None:
            self.note.setText(_("Choose two rounds in the compare bar."))
            return
        newer = _("the current text") if c.current else str(c.newer)
        self.note.setText(_("Changes from round {older} to {newer}").format(
            older=c.older, newer=newer))

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.revision_activated.emit(self.model.revisions[index.row()])


