"""The one way the window tells the user something: a message bar, or a dialog when blocking.

Every command reports through a ``MessageSink``: what it did and errors the user can act on
later go to the non-modal bar above the editor; an error that stops what the user asked for
(a file that cannot be opened, an import refused) is a dialog. Questions and dialogs run here
too, so tests replace them in one place.
"""

from __future__ import annotations

import os

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.i18n.messages import error_text

if TYPE_CHECKING:  # built when first used (PySide6 makes each class's enums on first use)
    from PySide6.QtWidgets import QDialog, QMessageBox

log = logging.getLogger(__name__)

INFO_MS = 15000  # a report stays this long; an error until closed or replaced


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" where the window is too narrow for it (a status
    bar's clips it mid-word otherwise); its whole text is its tooltip."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              self.contentsRect().width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))  # as QLabel draws its text
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)


class MessageBar(QFrame):
    """A non-modal line above the editor: a report or an error, with a close button.

    Hidden until the first message: its text and button are made then, not at start-up.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.error = False
        self._label: QLabel | None = None
        self._timer: QTimer | None = None
        self.hide()

    @property
    def label(self) -> QLabel:
        """The text of the message (made with the first one)."""
        if self._label is None:
            self._build()
        assert self._label is not None
        return self._label

    def _build(self) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QToolButton

        label = QLabel()
        label.setObjectName("messageText")
        label.setWordWrap(True)
        close = QToolButton()
        close.setText("×")
        close.setAccessibleName(_("Close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(label, 1)
        layout.addWidget(close)
        self._timer = QTimer(self, singleShot=True, interval=INFO_MS)
        self._timer.timeout.connect(self.hide)
        self._label = label

    def show_text(self, text: str, error: bool) -> None:
        """Show ``text``; a report hides itself after a while, an error stays."""
        self.error = error
        self.label.setText(text)
        self.setStyleSheet("#messageBar { background: %s; }" % ("#fde2e1" if error
                                                                else "#e3effd"))
        self.show()
        assert self._timer is not None
        if error:
            self._timer.stop()
        else:
            self._timer.start()

    def text(self) -> str:
        """What the bar says (empty when hidden)."""
        if self._label is None:
            return ""
        return self.label.text() if self.isVisible() or not self.isHidden() else ""


class MessageSink:
    """Reports, errors, questions and dialogs of every command of one window."""

    def __init__(self, parent: QWidget, bar: MessageBar) -> None:
        self.parent = parent
        self.bar = bar
        self.history: list[tuple[str, str]] = []  # (kind, text) said so far, newest last
        # replaceable (tests answer for the user: a modal dialog would wait for a click)
        self.show_error: Callable[..., None] = self._error_dialog
        self.confirm: Callable[[str, str], bool] = self._question
        self.run_dialog: Callable[[QDialog], bool] = lambda dialog: bool(dialog.exec())
        self.show_message_box: Callable[[QMessageBox], object] = lambda box: box.exec()
        self.ask_unsaved: Callable[[str], str] = self._ask_unsaved

    def info(self, text: str) -> None:
        """What a command did (non-modal)."""
        self.history.append(("info", text))
        self.bar.show_text(text, error=False)

    def error(self, text: str, title: str = "", blocking: bool = False) -> None:
        """Something went wrong: in the bar, or as a dialog when it stops the user's action."""
        log.info("error shown: %s", text)
        self.history.append(("error", text))
        if blocking:
            self.show_error(text, title)
        else:
            self.bar.show_text(text, error=True)

    def failed(self, exc: MinutesError, title: str = "", blocking: bool = False) -> None:
        """A refused command, in the interface language."""
        self.error(error_text(exc), title, blocking)

    def _error_dialog(self, message: str, title: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox  # the dialogs' classes: when first used

        box = QMessageBox(QMessageBox.Icon.Warning, title or _("minutes_app"), message,
                          QMessageBox.StandardButton.Ok, self.parent)
        box.setObjectName("errorBox")
        box.exec()

    def _ask_unsaved(self, message: str) -> str:
        """Edits could not be written: "save_as", "discard" or "cancel"."""
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, _("Edits not saved"), message,
                          buttons.Save | buttons.Discard | buttons.Cancel, self.parent)
        box.button(buttons.Save).setText(_("Save As…"))
        answer = box.exec()
        return {buttons.Save: "save_as", buttons.Discard: "discard"}.get(
            buttons(answer), "cancel")

    def _question(self, title: str, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self.parent, title, question)
        return answer == QMessageBox.StandardButton.Yes


class FileChooser:
    """Asks for a file to open or a name to save under (tests pass paths instead)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def open_file(self, title: str, folder: str, filter_text: str) -> str | None:
        """A file to open, or None."""
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(self.parent, title, folder, filter_text)
        return path or None

    def save_file(self, title: str, default: str, filter_text: str, suffix: str = ""
                  ) -> str | None:
        """A name to save under (ending in ``suffix``: ".minutes", ".docx"), or None."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _filter = QFileDialog.getSaveFileName(self.parent, title, default, filter_text)
        if not path or not suffix or path.lower().endswith(suffix):
            return path or None
        path += suffix
        if os.path.exists(path):  # the dialog asked about the name typed, not this one
            question = _("{name} already exists. Do you want to replace it?").format(
                name=os.path.basename(path))
            answer = QMessageBox.question(self.parent, title, question)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return path


def sink_hook(name: str) -> Any:
    """A window property reading and replacing its sink's hook ``name``."""
    def get(window: Any) -> Any:
        return getattr(window.sink, name)

    def put(window: Any, hook: Any) -> None:
        setattr(window.sink, name, hook)

    return property(get, put, doc=f"The message sink's ``{name}``.")
