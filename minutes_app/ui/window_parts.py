"""The parts of the main window built as it is first shown, or on first use.

Actions, the menus' entries, the paragraph panel and the counts are built as the window is
first shown (before its first frame); panels that run every check only when first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget, QMainWindow, QMenu, QPlainTextEdit, QStackedWidget, QWidget,
)

from minutes_app.ui.editor.rows import RowKind

if TYPE_CHECKING:
    from minutes_app.tracking.revisions import Revision
    from minutes_app.ui.commands.actions import Actions
    from minutes_app.ui.panels.changes import ChangesPanel
    from minutes_app.ui.document import Document, DocumentHolder
    from minutes_app.ui.messages import FileChooser, MessageSink
    from minutes_app.ui.editor.editing import StructureEditing
    from minutes_app.ui.editor.view import AlignedEditor
    from minutes_app.ui.editor.cell import ParagraphEditor
    from minutes_app.ui.editor.delegate import Index
    from minutes_app.ui.history.parts import HistoryParts
    from minutes_app.ui.main_window import MainWindow
    from minutes_app.ui.dialogs.export import ExportCommands
    from minutes_app.ui.commands.negotiation import NegotiationCommands
    from minutes_app.ui.panels.paragraph import ParagraphPanel
    from minutes_app.ui.commands.printing import PrintCommands
    from minutes_app.ui.panels.readiness import ReadinessPanel
    from minutes_app.ui.review.view import ReviewView
    from minutes_app.ui.editor.rows import EditorModel
    from minutes_app.ui.settings import AppSettings
    from minutes_app.ui.editor.spell import SpellService
    from minutes_app.ui.workflow import WorkflowRunner


WARM_UP_MS = 1500  # after the window completes: the user is reading, not yet typing
SETTLE_MS = 400  # a shown window with no cell to paint counts as painted after this
SPELL_START_MS = 200  # the dictionaries take a second to load in any case


def SpellHighlighterType() -> type:
    """The highlighter class (imported late: not needed for the first frame)."""
    from minutes_app.ui.editor.spell import SpellHighlighter

    return SpellHighlighter


def put_in_dock(dock: QDockWidget, widget: QWidget) -> None:
    """Show ``widget`` in ``dock``; the widget it replaces (another document's) goes."""
    old = dock.widget()
    dock.setWidget(widget)
    if old is not None:
        old.deleteLater()


class WindowParts(QMainWindow):
    """Lazily built parts; ``complete`` builds the ones every window needs, once."""

    holder: DocumentHolder
    settings: AppSettings
    editor: AlignedEditor
    editor_model: EditorModel
    stack: QStackedWidget
    sink: MessageSink
    chooser: FileChooser
    workflows: WorkflowRunner
    dock: QDockWidget
    changes_dock: QDockWidget
    ready_dock: QDockWidget
    _actions: Actions | None = None
    _panel: ParagraphPanel | None = None
    _structure: StructureEditing | None = None
    _negotiation: NegotiationCommands | None = None
    _exports: ExportCommands | None = None
    _changes: ChangesPanel | None = None
    _readiness: ReadinessPanel | None = None
    _review: ReviewView | None = None
    history_parts: HistoryParts | None = None
    _spell: SpellService | None = None
    _printing: PrintCommands | None = None

    def window_itself(self) -> MainWindow:
        """This window as the MainWindow it is (the parts below are built for one)."""
        from minutes_app.ui.main_window import MainWindow

        assert isinstance(self, MainWindow)
        return self

    @property
    def doc(self) -> Document:
        """The document shown (the holder's: commands read it there)."""
        return self.holder.doc

    @doc.setter
    def doc(self, doc: Document) -> None:
        self.holder.doc = doc

    _settled = False  # the first frame is painted and the event loop has turned since
    _deferred: list[Callable[[], None]] | None = None  # to run then

    @property
    def completed(self) -> bool:
        """Whether the parts are built, the first frame painted, and what they queued for the
        event loop (the read-only bar's first showing for one) has run."""
        return self._actions is not None and self._settled

    def settle(self) -> None:
        """The first frame is painted (the editor's ``first_painted``; a document with no rows
        paints no cell: ``complete`` calls this a moment later in any case)."""
        if self._settled:
            return
        self._settled = True
        for action in self._deferred or ():
            action()
        self._deferred = None
        QTimer.singleShot(SPELL_START_MS, self._start_spelling)  # the first document's

    def after_first_frame(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or once the first frame is painted if it is not yet (a panel
        that runs every check must not hold back the window's first frame)."""
        if self._settled:
            action()
        else:
            self._deferred = [*(self._deferred or ()), action]

    def complete(self) -> None:
        """Build the actions, the menus' entries and the paragraph panel (idempotent)."""
        if self._actions is not None:
            return
        QTimer.singleShot(SETTLE_MS, self.settle)  # no first frame of a cell to wait for
        from minutes_app.ui.editor import context_menus
        from minutes_app.ui.commands.actions import Actions
        from minutes_app.ui.commands.menus import connect_actions, fill_menus

        window = self.window_itself()
        self._actions = Actions(window)
        fill_menus(window)
        connect_actions(window)
        context_menus.install(window)
        self.attach_parts(self.doc)
        self.history_parts = self._history_parts()

    def _history_parts(self) -> HistoryParts:
        """The history's parts, given what they use; their toolbar, docks and actions placed
        here."""
        from minutes_app.ui.history.parts import HistoryParts

        parts = HistoryParts(self.holder, self.sink, self.chooser, self.editor,
                             lambda: self.editor_model)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, parts.toolbar)
        for dock in parts.docks.values():
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.tabifyDockWidget(self.ready_dock, dock)
            dock.hide()
        menus = self.window_itself().menus
        menus["negotiation"].addSeparator()
        menus["negotiation"].addActions([parts.actions[n] for n in
                                         ("compare", "timeline", "provenance")])
        menus["file"].insertAction(self.action_set["export_pdf"], parts.actions["history_report"])
        return parts

    def attach_parts(self, doc: Document) -> None:
        """Give the completed parts ``doc`` (after ``complete``, and on every new document)."""
        from minutes_app.ui.panels.paragraph import ParagraphPanel

        assert self._actions is not None
        self._structure = None  # made for ``doc`` when first used
        self._panel = ParagraphPanel(doc)
        self._panel.option_chosen.connect(
            lambda pid, b, o: self.negotiation.choose_bracket(pid, b, o))
        self._panel.failed.connect(lambda text: self.sink.error(text))
        put_in_dock(self.dock, self._panel)
        undo, redo = self._actions["undo"], self._actions["redo"]
        doc.undo_stack.canUndoChanged.connect(undo.setEnabled)
        doc.undo_stack.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(doc.undo_stack.canUndo())
        redo.setEnabled(doc.undo_stack.canRedo())
        if self.history_parts is not None:
            self.history_parts.set_document(doc)
        self._attach_spelling(doc)
        QTimer.singleShot(WARM_UP_MS, self._warm_up)
        window = self.window_itself()
        window.sync_parts()  # the parts were just made in the current language
        if not self.editor.currentIndex().isValid():  # not moved before the window completed
            window.go_to_start()
        window.show_current_paragraph()
        # Its minimum size now, with every text set: a nested layout keeps the one it had
        # before until activated, and the window would be laid out again once shown.
        layout = self._panel.layout()
        if layout is not None:
            layout.activate()

    def _warm_up(self) -> None:
        from minutes_app.ui.panels.review_pane import warm_up

        warm_up()

    # -- spelling ----------------------------------------------------------------------------
    def _attach_spelling(self, doc: Document) -> None:
        """The document's spell checker: made, and its dictionaries loading in a thread, once
        the window has completed and settled (Enchant's import alone holds the interpreter
        ~100 ms; the checker's modules some milliseconds), or when first asked for."""
        if self._spell is not None:
            self._spell.deleteLater()
            self._spell = self.editor.spell = None
        if self._settled:  # a later document (the first one's starts once the window settled)
            QTimer.singleShot(SPELL_START_MS, self._start_spelling)
        self.editor.editor_hook = self._on_cell_editor_created
        assert self._actions is not None
        self._actions["spell_check"].setChecked(self.settings.spell_check)

    def _start_spelling(self) -> None:
        self.spell.start()  # the underlines come when the dictionaries are in

    def _make_spell(self) -> SpellService:
        from minutes_app.ui.editor.spell import SpellService

        service = SpellService(self.doc, self.settings.spell_check)
        service.ready.connect(self.editor.viewport().update)
        self._spell = self.editor.spell = service
        index = self.editor.currentIndex()
        cell = self.editor.indexWidget(index) if index.isValid() else None
        if cell is not None:  # the cell opened before the checker was made: its underlines
            self._on_cell_editor_created(cell, index)  # type: ignore[arg-type]
        return service

    @property
    def spell(self) -> SpellService:
        """The spell checker of the document shown."""
        self.complete()
        return self._spell if self._spell is not None else self._make_spell()

    def set_spell_check(self, on: bool) -> None:
        """View > Check spelling: underline misspelt words, or not; remembered."""
        self.settings.spell_check = on
        self.settings.save()
        self.spell.enabled = on
        self.editor.viewport().update()
        cell = self.editor.indexWidget(self.editor.currentIndex())  # the one open cell
        found: list[Any] = cell.findChildren(SpellHighlighterType()) if cell else []
        for highlighter in found:
            highlighter.rehighlight()

    def _on_cell_editor_created(self, editor: ParagraphEditor, index: Index) -> None:
        lang = self.editor_model.lang_of(index.column())
        if lang is not None and self._spell is not None:  # not yet made: it adds them then
            from minutes_app.ui.editor.spell import SpellHighlighter

            SpellHighlighter(editor, lang, self._spell)

    def add_spelling_entries(self, menu: QMenu, editor: QWidget) -> None:
        """A cell's context menu: corrections for the misspelt word under the click."""
        from minutes_app.ui.editor.spell import add_spelling_entries

        index = self.editor.currentIndex()
        lang = self.editor_model.lang_of(index.column()) if index.isValid() else None
        if lang is not None and self._spell is not None and isinstance(editor, QPlainTextEdit):
            add_spelling_entries(menu, editor, lang, self._spell,
                                 getattr(editor, "menu_pos", None))

    @property
    def action_set(self) -> Actions:
        """Every action of the window, by name."""
        self.complete()
        assert self._actions is not None
        return self._actions

    @property
    def panel(self) -> ParagraphPanel:
        """The paragraph panel."""
        self.complete()
        assert self._panel is not None
        return self._panel

    @property
    def structure(self) -> StructureEditing:
        """Structure commands at the editor's current row."""
        self.complete()
        if self._structure is None:
            from minutes_app.ui.editor.editing import StructureEditing

            self._structure = StructureEditing(self.doc, self.editor)
        return self._structure

    def forget_parts(self) -> None:
        """Drop what belongs to the previous document (before showing another)."""
        self._changes = None
        put_in_dock(self.changes_dock, QWidget())  # the panel is built when first shown
        self._readiness = None
        put_in_dock(self.ready_dock, QWidget())  # the panel is built when first shown
        if self._review is not None:
            self.stack.removeWidget(self._review)
            self._review.deleteLater()
            self._review = None

    # -- parts built on first use (they run every check: not at start-up) -------------------
    @property
    def negotiation(self) -> NegotiationCommands:
        """The Negotiation menu's commands."""
        if self._negotiation is None:
            from minutes_app.ui.commands.negotiation import NegotiationCommands

            self._negotiation = NegotiationCommands(self.holder, self.sink, self.chooser,
                                                    self.window_itself().cell_selection)
        return self._negotiation

    @property
    def changes(self) -> ChangesPanel:
        """The changes panel."""
        if self._changes is None:
            from minutes_app.ui.panels.changes import ChangesPanel

            self._changes = ChangesPanel(self.doc, self.workflows)
            self._changes.revision_activated.connect(self._on_revision_activated)
            put_in_dock(self.changes_dock, self._changes)
        return self._changes

    @property
    def exports(self) -> ExportCommands:
        """File > Export and its dialogs."""
        if self._exports is None:
            from minutes_app.ui.dialogs.export import ExportCommands

            self._exports = ExportCommands(self.holder, self.sink, self.chooser)
        return self._exports

    @property
    def printing(self) -> PrintCommands:
        """File > Print and Print preview."""
        if self._printing is None:
            from minutes_app.ui.commands.printing import PrintCommands

            self._printing = PrintCommands(self.holder, self.sink, self._show_progress)
        return self._printing

    def _show_progress(self, text: str) -> None:
        """A passing word in the status bar (an empty text clears it)."""
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    @property
    def readiness(self) -> ReadinessPanel:
        """The "Ready to sign?" panel."""
        if self._readiness is None:
            from minutes_app.ui.panels.readiness import ReadinessPanel

            self._readiness = ReadinessPanel(self.doc)
            self._readiness.paragraph_activated.connect(self.window_itself().go_to_paragraph)
            self._readiness.export_requested.connect(lambda: self.exports.run_signing())
            self._readiness.annexes_requested.connect(
                lambda: self.window_itself().edit_annexes())
            put_in_dock(self.ready_dock, self._readiness)
        return self._readiness

    @property
    def review(self) -> ReviewView:
        """Review mode's view."""
        if self._review is None:
            from minutes_app.ui.review.view import ReviewView

            self._review = ReviewView(self.doc, self.workflows)
            self._review.left.connect(self.window_itself().leave_review)
            self.stack.addWidget(self._review)
        return self._review

    def _on_changes_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.after_first_frame(self._refresh_changes)

    def _refresh_changes(self) -> None:
        if self.changes_dock.isVisible() and (self._changes is None or self._changes._stale):
            self.changes.refresh()

    def _on_ready_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.after_first_frame(self._refresh_readiness)

    def _refresh_readiness(self) -> None:
        if self.ready_dock.isVisible():
            self.readiness.refresh()

    def _on_revision_activated(self, r: Revision) -> None:
        if r.annex is not None:  # annexes are not rows of the editor: the panel shows them
            return
        model = self.editor_model
        kind = RowKind.SECTION if r.heading else RowKind.PARAGRAPH
        row = model.row_of((kind, r.paragraph_id))
        column = model.column_of(r.lang) if r.lang else 1
        self.editor.go_to(row, column)
