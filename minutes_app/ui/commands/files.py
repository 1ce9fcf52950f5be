"""File menu commands of the main window: new, open, save as, recent files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from minutes_app.errors import N_, MinutesError
from minutes_app.i18n import _, current_language
from minutes_app.model import Lang, Side
from minutes_app.ui.commands.opening import create_document, open_document
from minutes_app.ui.labels import lang_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from minutes_app.model import Operation

    from minutes_app.ui.document import Document
    from minutes_app.ui.commands.file_watch import FileWatch
    from minutes_app.ui.messages import FileChooser, MessageSink
    from minutes_app.ui.workflow import Holder
    from minutes_app.ui.settings import AppSettings

FILTER = N_("Minutes (*.minutes)")  # translated where it is shown


class FileCommands:
    """The File menu; every failure goes to the message sink, and the open document survives.

    ``show`` puts another document in the window; ``renamed`` follows a Save As.
    """

    def __init__(self, holder: Holder, sink: MessageSink, chooser: FileChooser,
                 settings: AppSettings, show: Callable[[Document], None],
                 renamed: Callable[[], None], recent_menu: Callable[[], QMenu]) -> None:
        self.holder = holder
        self.sink = sink
        self.chooser = chooser
        self.settings = settings
        self.show = show
        self.renamed = renamed
        self.recent_menu = recent_menu
        self.watch: FileWatch | None = None  # the window's, set when it is built

    def open_path(self, path: str) -> bool:
        """Replace the window's document by the one at ``path``; False (and a dialog) on error."""
        if Path(path).resolve() == self.holder.doc.path.resolve():
            return True
        try:
            doc = open_document(path)
        except MinutesError as exc:
            self.sink.failed(exc, _("Cannot open the file"), blocking=True)
            return False
        self._switch_to(doc)
        return True

    def release_document(self) -> bool:
        """Before the document closes: its edits reach the file, or the user decides what
        becomes of them (False: keep it open). A full disk or a lost network share must not
        lose the day's work silently."""
        doc = self.holder.doc
        doc.flush()
        while doc.dirty:
            choice = self.sink.ask_unsaved(_(
                "Your latest edits could not be saved to {name}. Save them in another file?"
            ).format(name=doc.path.name))
            if choice == "discard":
                return True
            if choice != "save_as":
                return False
            self.save_as()
        return True

    def _switch_to(self, doc: Document) -> None:
        if not self.release_document():
            doc.close()
            return
        self.holder.doc.close()
        self.show(doc)
        self.settings.add_recent(str(doc.path))
        self.settings.save()

    def dialog_folder(self) -> str:
        """Where Open and New start: the document's folder, unless it is the application's
        own data folder (the demo), which the user never chose: then their documents."""
        from PySide6.QtCore import QStandardPaths

        from minutes_app.resources import data_dir

        folder = self.holder.doc.path.parent
        if folder.resolve().is_relative_to(data_dir().resolve()):
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            return documents or str(Path.home())
        return str(folder)

    def open(self) -> None:
        """File > Open."""
        path = self.chooser.open_file(_("Open minutes"), self.dialog_folder(), _(FILTER))
        if path:
            self.open_path(path)

    def new_from_template(self) -> None:
        """File > New from template: choose a template, then where to keep the file."""
        from PySide6.QtWidgets import QInputDialog

        from minutes_app.workflows.templates import (
            from_template, template_description, template_names,
        )

        names = template_names()
        labels = [template_description(n, current_language()) for n in names]  # no ids
        choice, ok = QInputDialog.getItem(self.sink.parent, _("New minutes"), _("Template:"),
                                          labels, names.index("cooperation-fields"), False)
        if not ok:
            return
        langs = self._choose_languages()
        if langs is None:
            return
        path = self.chooser.save_file(_("Save the new minutes as"), self.dialog_folder(),
                                      _(FILTER), ".minutes")
        if not path:
            return
        side = self.ask_side_for_new()
        if side is None:
            return
        try:
            minutes = from_template(names[labels.index(choice)], languages=langs)
            minutes.own_side = side  # the new copy is the user's delegation's
            doc = create_document(path, minutes)
        except MinutesError as exc:
            self.sink.failed(exc, _("Cannot create the file"), blocking=True)
            return
        self._switch_to(doc)

    def ask_side_for_new(self) -> Side | None:
        """A new document: whose copy it is (the user's Side, asked again, as remembered)."""
        from minutes_app.ui.dialogs.identity import IdentityDialog

        s = self.settings
        dialog = IdentityDialog(Side(s.user_side) if s.user_side else None, s.user_name,
                                self.sink.parent)
        if not self.sink.run_dialog(dialog):
            return None
        s.user_side, s.user_name = dialog.chosen_side().value, dialog.name.text().strip()
        s.save()
        return dialog.chosen_side()

    def _choose_languages(self) -> list[Lang] | None:
        """The new document's languages, from the usual sets (reordered later if need be)."""
        from PySide6.QtWidgets import QInputDialog

        choices = [[Lang.KO, Lang.EN], [Lang.KO, Lang.RU, Lang.EN], [Lang.KO, Lang.RU],
                   [Lang.KO, Lang.EN, Lang.RU]]
        labels = [" · ".join(lang_label(x) for x in langs) for langs in choices]
        choice, ok = QInputDialog.getItem(self.sink.parent, _("New minutes"), _("Languages:"),
                                          labels, 0, False)
        return choices[labels.index(choice)] if ok else None

    def save_as(self) -> None:
        """File > Save As: continue working in a copy."""
        path = self.chooser.save_file(_("Save minutes as"), str(self.holder.doc.path),
                                      _(FILTER), ".minutes")
        if not path:
            return
        try:
            self.holder.doc.save_as(path)
        except (MinutesError, OSError) as exc:
            from minutes_app.i18n.errors import sentence

            self.sink.error(sentence(exc), _("Cannot save the file"), blocking=True)
            return
        if self.watch is not None:
            self.watch.update_bar()
        self.settings.add_recent(path)
        self.settings.save()
        self.renamed()

    def fill_recent_menu(self) -> None:
        """Rebuild File > Open Recent from the settings."""
        menu = self.recent_menu()
        menu.clear()
        for path in self.settings.recent_files:
            action = menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        menu.setEnabled(bool(self.settings.recent_files))

    def on_save_failed(self, message: str) -> None:
        """Autosave could not write: the edits stay in memory and are retried."""
        self.sink.error(_("Could not save: {message}. Your edits are kept; use Save As.").format(
            message=message))

    def apply_or_show(self, op: Operation, label: str) -> None:
        """Apply an operation; a validation error becomes a dialog."""
        try:
            self.holder.doc.apply(op, label)
        except MinutesError as exc:
            self.sink.failed(exc, blocking=True)
