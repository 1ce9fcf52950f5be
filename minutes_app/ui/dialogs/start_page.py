"""The empty start: started without a file, the user picks one of their recent documents,
a new one, or the demo."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from minutes_app.i18n import _

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow

PATH_ROLE = Qt.ItemDataRole.UserRole


class StartDialog(QDialog):
    """Recent documents (double-click opens), New, Open, or continue with the demo."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startDialog")
        self.setWindowTitle(_("Welcome to minutes_app"))
        self.choice = ""  # "open:PATH", "new", "open", or "" for the demo
        self.list = QListWidget()
        self.list.setObjectName("recentFiles")
        for path in recent:
            item = QListWidgetItem(f"{Path(path).name}\n{Path(path).parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._on_item_activated)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(_("Open the selected file"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button = buttons.addButton(_("New from template…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.browse_button = buttons.addButton(_("Open another file…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button = buttons.addButton(_("Continue with the demo"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(lambda: self._chosen(self.list.currentItem()))
        self.new_button.clicked.connect(lambda: self._finish("new"))
        self.browse_button.clicked.connect(lambda: self._finish("open"))
        self.demo_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Recent files")))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.resize(560, 380)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self._chosen(item)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._finish(f"open:{item.data(PATH_ROLE)}")

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def recent_documents(window: MainWindow) -> list[str]:
    """The recent files that still exist, the one shown excepted."""
    shown = str(window.doc.path)
    return [p for p in window.settings.recent_files if p != shown and Path(p).is_file()]


def show_start(window: MainWindow, dialog: StartDialog | None = None) -> str:
    """Offer the recent files at an empty start; act on the choice; returns it."""
    recent = recent_documents(window)
    if not recent and dialog is None:
        return ""  # the first start: the demo it is
    dialog = dialog or StartDialog(recent, window)
    if not window.run_dialog(dialog) or not dialog.choice:
        return ""
    if dialog.choice.startswith("open:"):
        window.files.open_path(dialog.choice[len("open:"):])
    elif dialog.choice == "new":
        window.files.new_from_template()
    elif dialog.choice == "open":
        window.files.open()
    return dialog.choice
