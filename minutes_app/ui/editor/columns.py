"""View > Language columns: show or hide each language's column of the aligned editor.

A delegation drafting Korean and Russian can hide English for a while. Which languages are
hidden is remembered in the settings; a document always shows at least one column, and a
column a search or a change must show is shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from minutes_app.model import Lang
from minutes_app.ui.labels import lang_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from minutes_app.ui.editor.view import AlignedEditor
    from minutes_app.ui.main_window import MainWindow
    from minutes_app.ui.settings import AppSettings


def apply_hidden(editor: AlignedEditor, hidden: list[str]) -> None:
    """Hide the editor's columns of the ``hidden`` languages, never all of them."""
    model = editor.editor_model()
    langs = model.langs
    shown = [lang for lang in langs if lang.value not in hidden] or langs[:1]
    for lang in langs:
        editor.setColumnHidden(model.column_of(lang), lang not in shown)
    current = editor.currentIndex()
    if current.isValid() and editor.isColumnHidden(current.column()):
        editor.go_to(current.row(), model.column_of(shown[0]))


class ColumnToggles:
    """A checkable action per document language in the View menu."""

    def __init__(self, editor: AlignedEditor, settings: AppSettings, menu: QMenu) -> None:
        self.editor = editor
        self.settings = settings
        self.menu = menu
        self.actions: dict[Lang, QAction] = {}
        self.changed: Callable[[], None] | None = None  # told when the user shows or hides one
        for lang in Lang:
            action = QAction(menu)
            action.setObjectName(f"action_column_{lang.value}")
            action.setCheckable(True)
            action.toggled.connect(lambda on, x=lang: self.set_shown(x, on))
            menu.addAction(action)
            self.actions[lang] = action
        self.sync()

    def retranslate(self) -> None:
        """The actions' names in the interface language."""
        for lang, action in self.actions.items():
            action.setText(lang_label(lang))

    def sync(self) -> None:
        """Follow the document's languages and the remembered hidden ones."""
        apply_hidden(self.editor, self.settings.hidden_languages)
        langs = self.editor.editor_model().langs
        visible = [x for x in langs if not self.editor.isColumnHidden(
            self.editor.editor_model().column_of(x))]
        for lang, action in self.actions.items():
            action.blockSignals(True)
            action.setVisible(lang in langs)
            action.setChecked(lang in visible)
            action.setEnabled(lang not in visible or len(visible) > 1)  # keep one column
            action.blockSignals(False)
        self.retranslate()

    def set_shown(self, lang: Lang, shown: bool) -> None:
        """Show or hide a language's column and remember it."""
        hidden = [x for x in self.settings.hidden_languages if x != lang.value]
        if not shown:
            hidden.append(lang.value)
        self.settings.hidden_languages = hidden
        self.settings.save()
        self.sync()
        if self.changed is not None:
            self.changed()

    def reveal(self, lang: Lang) -> None:
        """Show a language's column again (a search found something there)."""
        if lang.value in self.settings.hidden_languages:
            self.set_shown(lang, True)


def follow_languages(w: MainWindow) -> None:
    """The document's languages changed (or were reordered): the window's parts follow."""
    from minutes_app.ui.labels import column_languages

    if w.columns is not None:
        w.columns.sync()
    else:
        apply_hidden(w.editor, w.settings.hidden_languages)
    if w.find_dialog is not None:  # it was built for the old columns
        w.find_dialog.close()
        w.find_dialog = None
    w.outline_model.set_language(column_languages(w.doc.minutes)[0])
    if w._changes is not None:  # its language filter lists the document's languages
        w._changes.retranslate_ui()
