"""Document > Glossary: agreed equivalents the conformity checks look for in both languages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from minutes_app.i18n import _
from minutes_app.ui.dialogs.widgets import ok_cancel
from minutes_app.model import Lang, SetGlossary
from minutes_app.ui.labels import column_languages, lang_label

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow


class GlossaryDialog(QDialog):
    """A table: one row per term, one column per language."""

    def __init__(self, entries: list[dict[Lang, str]], langs: list[Lang],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Glossary"))
        self.langs = langs
        self.table = QTableWidget(0, len(langs))
        self.table.setHorizontalHeaderLabels([lang_label(lang) for lang in langs])
        self.table.horizontalHeader().setStretchLastSection(True)
        for entry in entries:
            self.add_row(entry)
        add, remove = QPushButton(_("Add term")), QPushButton(_("Remove term"))
        add.clicked.connect(lambda: self.add_row({}))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = ok_cancel(self)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def add_row(self, entry: dict[Lang, str]) -> None:
        """A row for one term (empty for a new one)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, lang in enumerate(self.langs):
            self.table.setItem(row, col, QTableWidgetItem(entry.get(lang, "")))

    def operation(self) -> SetGlossary:
        """The glossary as edited (rows with fewer than two languages are left out)."""
        entries = []
        for row in range(self.table.rowCount()):
            values = {lang: (self.table.item(row, col).text().strip()  # type: ignore[union-attr]
                             if self.table.item(row, col) else "")
                      for col, lang in enumerate(self.langs)}
            kept = tuple((lang, text) for lang, text in values.items() if text)
            if len(kept) >= 2:
                entries.append(kept)
        return SetGlossary(tuple(entries))


def edit_glossary(w: MainWindow, dialog: object = None) -> None:
    """Document > Glossary: one undoable change of the agreed equivalents."""
    m = w.doc.minutes
    box = dialog or GlossaryDialog(m.glossary, column_languages(m), w)
    if box.exec():  # type: ignore[attr-defined]
        w.files.apply_or_show(box.operation(), _("Edit glossary"))  # type: ignore[attr-defined]
