"""The main window: assembles the outline, the aligned editor and the paragraph panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from minutes_app.i18n import _, ngettext, title
from minutes_app.model import Change, Side, Status
from minutes_app.ui import style
from minutes_app.ui.editor.columns import ColumnToggles, apply_hidden, follow_languages
from minutes_app.ui.document import Document, DocumentHolder
from minutes_app.ui.editor.view import AlignedEditor
from minutes_app.ui.labels import column_languages, identity_text, side_label, status_label
from minutes_app.ui.commands.menus import create_menus, title_menus
from minutes_app.ui.messages import ElidedLabel, FileChooser, MessageBar, MessageSink, sink_hook
from minutes_app.ui.editor.outline import OutlineModel, outline_view
from minutes_app.ui.editor.rows import EditorModel, Role, RowKind, ShowMode
from minutes_app.ui.settings import AppSettings
from minutes_app.ui.commands.files import FileCommands
from minutes_app.ui.window_parts import WindowParts
from minutes_app.ui.workflow import WorkflowRunner

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent
    from PySide6.QtCore import QRect

    from minutes_app.model import Lang

    from minutes_app.ui.dialogs.find import FindDialog


COMPLETE_MS = 400  # the latest the window completes itself, shown or not


class MainWindow(WindowParts):
    """One document in one window.

    The constructor makes what shows the document: the editor, the outline and the menu bar;
    ``complete`` adds the actions, the menus' entries, the paragraph panel and the counts as the
    window is first shown, before its first frame (or at once, when something asks for them
    first), so that Qt lays the window out and paints it once.
    """

    def __init__(self, doc: Document, settings: AppSettings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.holder = DocumentHolder(doc)
        self.message_bar = MessageBar()
        self.sink = MessageSink(self, self.message_bar)  # every command reports through it
        self.chooser = FileChooser(self)
        self.workflows = WorkflowRunner(self.holder, self.sink)  # every decision runs here
        self.files = FileCommands(self.holder, self.sink, self.chooser, settings,
                                  self.set_document, self.retranslate_ui,
                                  lambda: self.menus["recent"])
        from minutes_app.ui.commands.file_watch import FileWatch, WindowHooks

        self.files.watch = FileWatch(self.holder, self.sink, WindowHooks(
            self.files.save_as, self.set_document, self.addToolBar, self.isVisible), self)
        self.editor = AlignedEditor()
        self.editor.first_painted.connect(self.settle)
        # a window never shown (a test's, a benchmark's) completes itself soon all the same
        self._complete_timer = QTimer(self, singleShot=True, interval=COMPLETE_MS)
        self._complete_timer.timeout.connect(self.complete)
        self._complete_timer.start()
        self.outline = outline_view()
        self.outline.clicked.connect(self._on_outline_clicked)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1100])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.message_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.dock = self._add_dock("paragraphDock")
        self.changes_dock = self._add_dock("changesDock")
        self.ready_dock = self._add_dock("readinessDock")
        self.tabifyDockWidget(self.dock, self.changes_dock)
        self.tabifyDockWidget(self.changes_dock, self.ready_dock)
        self.ready_dock.visibilityChanged.connect(self._on_ready_dock_visibility_changed)
        self.changes_dock.visibilityChanged.connect(self._on_changes_dock_visibility_changed)
        self.count_label = ElidedLabel()
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        self.statusBar().setStyleSheet(style.STATUS_BAR_STYLE)  # its own: a few widgets
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.identity_label)
        # counts cover every paragraph: after a pause in typing, not after each keystroke
        self._counts_timer = QTimer(self, singleShot=True, interval=250)
        self._counts_timer.timeout.connect(self._update_counts)
        self._outline_timer = QTimer(self, singleShot=True, interval=0)
        self._outline_timer.timeout.connect(self._sync_outline)
        self.menus = create_menus(self)
        self.find_dialog: FindDialog | None = None
        self._shown = False  # shown once already
        self.columns: ColumnToggles | None = None  # View > Language columns, once complete
        self.set_document(doc)
        self.resize(1400, 900)
        self.dock.raise_()
        if settings.geometry:
            self.restoreGeometry(settings.geometry)
        # the docks as the user left them; the first time, a narrow panel and the editor wide
        if not (settings.window_state and self.restoreState(settings.window_state)):
            self.resizeDocks([self.dock], [360], Qt.Orientation.Horizontal)

    def _add_dock(self, name: str) -> QDockWidget:
        dock = QDockWidget()
        dock.setObjectName(name)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    # -- document ------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show ``doc`` (the window's previous document must be closed by the caller)."""
        self.doc = doc
        doc.user_name = self.settings.user_name
        self.editor_model = EditorModel(doc)
        self.editor.setModel(self.editor_model)
        self.editor.set_zoom_font(style.document_font(self.settings.zoom))
        apply_hidden(self.editor, self.settings.hidden_languages)
        if self.columns is not None:  # a later document: its languages in View > columns
            self.columns.sync()
        self.editor_model.modelReset.connect(lambda: follow_languages(self))
        self.outline_model = OutlineModel(doc)
        self.outline.setModel(self.outline_model)
        self.outline.expandAll()
        self.outline_model.modelReset.connect(self.outline.expandAll)
        # after the drop has finished: the move resets the outline the drop came from
        self.outline_model.move_requested.connect(
            lambda kind, ident, sid, before: self.structure.move_to(kind, ident, sid, before),
            Qt.ConnectionType.QueuedConnection)
        self.forget_parts()
        self.editor.reopen_hook = self._reopen
        self.editor.selectionModel().currentChanged.connect(self._on_editor_current_changed)
        doc.changed.connect(self._on_document_changed)
        doc.dirty_changed.connect(self.setWindowModified)
        doc.save_failed.connect(self.files.on_save_failed)
        doc.rounds_changed.connect(self.after_rounds_changed)
        assert self.files.watch is not None
        self.files.watch.follow(doc)  # another program changing the file; read-only bar
        if self.find_dialog is not None:
            self.find_dialog.close()
            self.find_dialog = None
        self.retranslate_ui(models=False)  # the new models speak the current language
        if self._actions is not None:  # a later document: the completed parts follow it
            self.attach_parts(doc)

    def go_to_start(self) -> None:
        """Put the cursor in the first paragraph (its cell editor opens)."""
        m = self.editor_model
        row = next((r for r in range(m.rowCount()) if m.key(r)[0] is RowKind.PARAGRAPH), 0)
        self.editor.go_to(row, 1)

    # -- language -------------------------------------------------------------------------
    def retranslate_ui(self, models: bool = True) -> None:
        """Set every visible string in the current interface language.

        ``models``: also refresh the editor's and the outline's items (a reset and a full
        expansion of the outline: some 300 ms at 20,000 paragraphs, needless for new models).
        """
        title_menus(self.menus)
        self.editor.setAccessibleName(_("Aligned editor"))
        self.outline.setAccessibleName(_("Outline"))
        if self.columns is not None:
            self.columns.retranslate()
        self.dock.setWindowTitle(_("Paragraph"))
        self.changes_dock.setWindowTitle(_("Changes"))
        if self._changes is not None:
            self._changes.retranslate_ui()
        self.ready_dock.setWindowTitle(_("Ready to sign?"))
        if self._readiness is not None:
            self._readiness.retranslate_ui()
        if self._review is not None:
            self._review.retranslate_ui()
        if models:
            self.editor_model.retranslate()
            self.outline_model.retranslate()  # its reset expands the outline again
        if self.find_dialog is not None:
            self.find_dialog.retranslate_ui()
        self._update_title()
        self.retranslate_parts()

    def retranslate_parts(self) -> None:
        """The strings of the parts built as the window is first shown (when they are built)."""
        if self._actions is None or self._panel is None:
            return
        self._actions.retranslate()
        self._panel.retranslate_ui()
        if self.history_parts is not None:
            self.history_parts.retranslate_ui()
        self.sync_parts()

    def sync_parts(self) -> None:
        """The interface language's check mark and the counts (the parts' texts are set as
        they are built, and again by ``retranslate_parts``)."""
        from minutes_app.i18n import current_language

        assert self._actions is not None
        self._actions["lang_en"].setChecked(current_language() == "en")
        self._actions["lang_ko"].setChecked(current_language() == "ko")
        self._update_counts()

    def set_ui_language(self, lang: str) -> None:
        """Switch the interface language live and remember it."""
        from minutes_app.ui.app import install_translations

        install_translations(lang)
        self.settings.ui_language = lang
        self.settings.save()
        self.retranslate_ui()

    # -- reactions ----------------------------------------------------------------------
    def _update_title(self) -> None:
        doc_lang = column_languages(self.doc.minutes)[0]
        who = self.identity()
        self.setWindowTitle(f"{self.doc.path.name}[*] — {title(self.doc.minutes, doc_lang)}"
                            f" — {who} — minutes_app")
        self.setWindowModified(self.doc.dirty)
        self.identity_label.setText(_("You: {who}").format(who=who))

    def identity(self) -> str:
        """Who edits this copy: the document's own Side, and the user's name."""
        return identity_text(self.doc.minutes.own_side, self.settings.user_name)

    def show_identity(self) -> None:
        """Title and status bar after the user said who they are."""
        self._update_title()

    def _update_counts(self) -> None:
        m = self.doc.minutes
        counts = m.status_counts()
        # paragraphs by status (review mode counts the brackets themselves: it says both)
        parts = [ngettext("{glyph} {status}: {n} paragraph", "{glyph} {status}: {n} paragraphs",
                          counts[s]).format(glyph=style.STATUS_GLYPHS[s], status=status_label(s),
                                            n=counts[s]) for s in Status if counts[s]]
        from minutes_app.tracking.revisions import all_revisions

        by_side = {side: 0 for side in Side}
        for r in all_revisions(m):
            by_side[r.side] += 1
        parts += [_("{side}: {n} pending").format(side=side_label(side), n=n)
                  for side, n in by_side.items() if n]
        if m.tracking:  # first: where the negotiation stands is what a narrow bar keeps
            parts.insert(0, _("Round {number} in progress").format(number=m.working_round))
        self.count_label.setText("   ".join(parts))

    def after_rounds_changed(self) -> None:
        """A round was sent or merged in: filters, counts and title follow."""
        if self._changes is not None:
            self._changes.retranslate_ui()
        self._update_counts()
        self._update_title()

    def show_mode(self, mode: ShowMode) -> None:
        """Show changes, the original or the proposed text."""
        self.editor_model.set_show_mode(mode)
        for m in ShowMode:
            self.action_set[f"show_{m.value}"].setChecked(m is mode)

    # the message sink's hooks, under the names the window's parts use (tests answer there)
    show_error = sink_hook("show_error")
    show_message_box = sink_hook("show_message_box")
    run_dialog = sink_hook("run_dialog")
    confirm = sink_hook("confirm")
    ask_unsaved = sink_hook("ask_unsaved")

    def cell_selection(self) -> tuple[int, Lang, int, int] | None:
        """The selection in the open cell of the current paragraph (None: nothing selected)."""
        from minutes_app.ui.editor.cell_state import cell_selection

        return cell_selection(self)

    def _reopen(self, pid: int) -> bool:
        from minutes_app.ui.editor.cell_state import reopen_agreed

        return reopen_agreed(self, pid)

    def go_to_paragraph(self, pid: int) -> None:
        """Show a paragraph in the editor."""
        row = self.editor_model.row_of((RowKind.PARAGRAPH, pid))
        if row >= 0:
            self.editor.go_to(row, max(1, self.editor.currentIndex().column()))

    def enter_review(self) -> None:
        """Review mode, starting at the paragraph under the cursor."""
        from minutes_app.ui.review.mode import enter_review

        enter_review(self)

    def leave_review(self, pid: int) -> None:
        """Back to the editor at the paragraph review mode showed last."""
        from minutes_app.ui.review.mode import leave_review

        leave_review(self, pid)

    def _on_document_changed(self, change: Change) -> None:
        if change.meta:
            self._update_title()
        self._counts_timer.start()

    def show_current_paragraph(self) -> None:
        """The paragraph panel follows the editor's current row."""
        if self._panel is None:
            return
        current = self.editor.currentIndex()
        kind, ident = self.editor_model.key(current.row()) if current.isValid() else (None, 0)
        self._panel.show_paragraph(ident if kind is RowKind.PARAGRAPH else None)

    def _on_editor_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_current_paragraph()
        # Not now: the current row also changes while the editor follows a structure change,
        # before the outline has followed it (an outline index then points at rows that no
        # longer exist, and the tree view crashed on it).
        self._outline_timer.start()

    def _sync_outline(self) -> None:
        """Select the editor's current row in the outline."""
        current = self.editor.currentIndex()
        if not current.isValid():
            return
        kind, ident = self.editor_model.key(current.row())
        outline_index = (self.outline_model.index_of_paragraph(ident) if kind is RowKind.PARAGRAPH
                         else self.outline_model.index_of_section(ident))
        self.outline.setCurrentIndex(outline_index)
        self.outline.scrollTo(outline_index)

    def go_to_outline_item(self, index: QModelIndex) -> None:
        """Make the editor's current row the one of an outline item."""
        kind = RowKind(index.data(Role.KIND))
        row = self.editor_model.row_of((kind, int(index.data(Role.ID))))
        self.editor.go_to(row, 1)

    def _on_outline_clicked(self, index: QModelIndex) -> None:
        self.go_to_outline_item(index)
        self.editor.setFocus()

    def show_find(self) -> None:
        """Edit > Find and replace."""
        from minutes_app.ui.editor.finding import show_find

        show_find(self)

    def cell_rect(self) -> QRect:
        """The current cell of the editor, in screen coordinates."""
        from minutes_app.ui.editor.finding import cell_rect

        return cell_rect(self)

    def edit_annexes(self, dialog: object = None) -> None:
        """Document > Annexes: one undoable change of the annexes."""
        from minutes_app.ui.dialogs.annexes import edit_annexes

        edit_annexes(self, dialog)

    def edit_glossary(self, dialog: object = None) -> None:
        """Document > Glossary: one undoable change of the agreed equivalents."""
        from minutes_app.ui.dialogs.glossary import edit_glossary

        edit_glossary(self, dialog)

    def zoom(self, level: int) -> None:
        """Set the text size of the editor (0 is the default size)."""
        self.settings.zoom = max(-4, min(level, 16))
        self.editor.set_zoom_font(style.document_font(self.settings.zoom))

    def setVisible(self, visible: bool) -> None:
        if visible:  # complete before Qt lays the window out: laid out and painted once
            self.complete()
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # a cell's editor opens only in a visible view: the current one's
            self._shown = True
            self.editor.open_current()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.release_document():
            event.ignore()
            return
        if self.stack.currentWidget() is not self.splitter:
            self.leave_review(-1)  # remember the editor's layout, not review mode's
        self.doc.close()
        self.settings.geometry = bytes(self.saveGeometry().data())
        self.settings.window_state = bytes(self.saveState().data())
        self.settings.save()
        event.accept()
