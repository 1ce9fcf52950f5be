"""The negotiation's history in the window: the compare bar and its list, the paragraph
timeline, the provenance view, and the negotiation report (File > Export).

The docks and actions are built with the window's other parts (the window places them); the
panels inside them (and their modules) when first shown or asked for: at start-up they are
hidden. They follow the document and the editor's cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar

from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.ui.editor.rows import RowKind
from minutes_app.ui.window_parts import put_in_dock

if TYPE_CHECKING:
    from minutes_app.tracking.compare import Comparison
    from minutes_app.tracking.revisions import Revision
    from minutes_app.ui.history.compare_bar import CompareBar, ComparisonList
    from minutes_app.ui.history.provenance import ProvenanceView
    from minutes_app.ui.history.timeline import TimelinePanel
    from minutes_app.ui.document import Document
    from minutes_app.ui.editor.rows import EditorModel
    from minutes_app.ui.editor.view import AlignedEditor
    from minutes_app.ui.messages import FileChooser, MessageSink
    from minutes_app.ui.workflow import Holder


class HistoryParts:
    """The history's widgets and actions of one window (which places the toolbar, the docks
    and the actions: ``toolbar``, ``docks``, ``actions``)."""

    _panels: tuple[CompareBar, ComparisonList, TimelinePanel, ProvenanceView] | None = None

    def __init__(self, holder: Holder, sink: MessageSink, chooser: FileChooser,
                 editor: AlignedEditor, editor_model: Callable[[], EditorModel]) -> None:
        self.holder = holder
        self.sink = sink
        self.chooser = chooser
        self.editor = editor
        self.editor_model = editor_model  # the current document's (it changes with it)
        parent = sink.parent
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("compareToolbar")
        self.toolbar.hide()
        self.docks = {name: self._dock(name) for name in
                      ("comparisonDock", "timelineDock", "provenanceDock")}
        # a dock's own toggle action: a dock behind another tab is hidden, not closed
        self.actions = {"compare": QAction(parent),
                        "timeline": self.docks["timelineDock"].toggleViewAction(),
                        "provenance": self.docks["provenanceDock"].toggleViewAction(),
                        "history_report": QAction(parent)}
        self.actions["compare"].setCheckable(True)
        self.actions["compare"].setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.actions["compare"].toggled.connect(self.show_compare_bar)
        self.actions["history_report"].triggered.connect(lambda: self.export_report())
        for dock in ("timelineDock", "provenanceDock"):
            self.docks[dock].visibilityChanged.connect(lambda _v: self.follow_cursor())
        self.set_document(holder.doc)

    def _dock(self, name: str) -> QDockWidget:
        dock = QDockWidget(self.sink.parent)
        dock.setObjectName(name)
        dock.hide()
        return dock

    def set_document(self, doc: Document) -> None:
        """Follow another document (the window opened one)."""
        self.doc = doc
        built = self._panels is not None
        self._panels = None  # built on first need (see the module's docstring)
        self.editor.selectionModel().currentChanged.connect(self._on_current_changed)
        if built:  # the old document's panels are on show: replace them at once
            self._built()
        self.retranslate_ui()
        self.follow_cursor()

    def _built(self) -> tuple[CompareBar, ComparisonList, TimelinePanel, ProvenanceView]:
        """The panels of the document shown, built the first time they are needed."""
        if self._panels is not None:
            return self._panels
        from minutes_app.ui.history.compare_bar import CompareBar, ComparisonList
        from minutes_app.ui.history.provenance import ProvenanceView
        from minutes_app.ui.history.timeline import TimelinePanel

        doc = self.doc
        bar = CompareBar(doc)
        bar.comparison_changed.connect(self._on_comparison_changed)
        bar.export_requested.connect(lambda: self.export_comparison())
        self.toolbar.clear()
        self.toolbar.addWidget(bar)
        listing = ComparisonList()
        listing.revision_activated.connect(self._go_to)
        listing.show_comparison(doc.minutes, None)
        put_in_dock(self.docks["comparisonDock"], listing)
        timeline = TimelinePanel(doc)
        put_in_dock(self.docks["timelineDock"], timeline)
        provenance = ProvenanceView(doc)
        put_in_dock(self.docks["provenanceDock"], provenance)
        self._panels = (bar, listing, timeline, provenance)
        for part in (bar, timeline, provenance):
            part.retranslate_ui()
        return self._panels

    @property
    def bar(self) -> CompareBar:
        """The compare bar (in its toolbar)."""
        return self._built()[0]

    @property
    def list(self) -> ComparisonList:
        """The list of a comparison's changes (in its dock)."""
        return self._built()[1]

    @property
    def timeline(self) -> TimelinePanel:
        """The paragraph timeline (in its dock)."""
        return self._built()[2]

    @property
    def provenance(self) -> ProvenanceView:
        """The provenance view (in its dock)."""
        return self._built()[3]

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        titles = {"comparisonDock": _("Comparison"), "timelineDock": _("Paragraph timeline"),
                  "provenanceDock": _("Who proposed each word")}
        for name, text in titles.items():
            self.docks[name].setWindowTitle(text)
        texts = {"compare": _("&Compare rounds…"), "timeline": _("Paragraph &timeline"),
                 "provenance": _("Who proposed each &word"),
                 "history_report": _("Negotiation report (DOCX)…")}
        for name, text in texts.items():
            self.actions[name].setText(text)
        if self._panels is not None:  # panels not built yet are translated when built
            bar, _list, timeline, provenance = self._panels
            for part in (bar, timeline, provenance):
                part.retranslate_ui()

    # -- the compare bar ---------------------------------------------------------------
    def show_compare_bar(self, shown: bool) -> None:
        """Show the bar (and the comparison list); hiding it stops comparing."""
        self.toolbar.setVisible(shown)
        self.docks["comparisonDock"].setVisible(shown)
        if shown:
            self.docks["comparisonDock"].raise_()
        elif self._panels is not None and self.bar.comparison is not None:
            self.bar.stop()

    def _on_comparison_changed(self, c: Comparison | None) -> None:
        from minutes_app.ui.history.compare_bar import overlay_of

        m = self.holder.doc.minutes
        past = c is not None and not c.current
        if past:
            self._close_cell_editors()  # a past round's text is not for editing
        self.editor_model().set_overlay(overlay_of(m, c) if c is not None else None,
                                         read_only=past)
        self.list.show_comparison(m, c)

    def _close_cell_editors(self) -> None:
        from PySide6.QtWidgets import QAbstractItemDelegate

        from minutes_app.ui.editor.cell import ParagraphEditor

        view = self.editor
        for cell in view.findChildren(ParagraphEditor):
            if cell.isVisible():
                view.commitData(cell)
                view.closeEditor(cell, QAbstractItemDelegate.EndEditHint.NoHint)

    def _go_to(self, r: Revision) -> None:
        model = self.editor_model()
        row = model.row_of((RowKind.PARAGRAPH, r.paragraph_id))
        if row >= 0:
            self.editor.go_to(row, model.column_of(r.lang) if r.lang else 1)

    # -- the cursor ----------------------------------------------------------------------
    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.follow_cursor()

    def follow_cursor(self) -> None:
        """The timeline and the provenance view follow the paragraph under the cursor."""
        index = self.editor.currentIndex()
        key = self.editor_model().key(index.row()) if index.isValid() else None
        pid = key[1] if key is not None and key[0] is RowKind.PARAGRAPH else None
        if self.docks["timelineDock"].isVisible():
            self.timeline.show_paragraph(pid)
        if self.docks["provenanceDock"].isVisible():
            self.provenance.show_paragraph(pid)

    def export_comparison(self, path: str | None = None) -> None:
        """Write the rounds chosen in the bar as Word tracked changes by Side."""
        bar = self.bar
        older, newer = bar.older.currentData(), bar.newer.currentData()
        if older is None or newer is None:
            return
        doc = self.holder.doc
        title = _("Export the comparison")
        if path is None:
            path = self.chooser.save_file(
                title, str(doc.path.with_name(f"{doc.path.stem}-r{older}-r{newer}.docx")),
                _("Word documents (*.docx)"), ".docx")
        if not path:
            return
        from minutes_app.docx_io.comparison import write_comparison

        try:
            write_comparison(doc.minutes, path, int(older), int(newer))
        except (MinutesError, OSError) as exc:  # refused, or the disk said no: a sentence
            from minutes_app.i18n.errors import sentence

            self.sink.error(sentence(exc), title, blocking=True)
            return
        self.sink.info(_("Wrote the comparison to {path}").format(path=path))

    # -- the report ----------------------------------------------------------------------
    def export_report(self, path: str | None = None) -> None:
        """Write the negotiation report, in the interface language, where the user says."""
        doc = self.holder.doc
        title = _("Negotiation report")
        if path is None:
            path = self.chooser.save_file(
                title, str(doc.path.with_name(doc.path.stem + "-history.docx")),
                _("Word documents (*.docx)"), ".docx")
        if not path:
            return
        from minutes_app.docx_io.history_report import write_history_report

        try:
            write_history_report(doc.minutes, path)
        except (MinutesError, OSError) as exc:  # refused, or the disk said no: a sentence
            from minutes_app.i18n.errors import sentence

            self.sink.error(sentence(exc), title, blocking=True)
            return
        self.sink.info(_("Wrote the negotiation report to {path}").format(path=path))
