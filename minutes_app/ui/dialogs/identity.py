"""Who am I: the user's Side and name, asked at the first start and for new documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from minutes_app.i18n import _
from minutes_app.model import SetOwnSide, Side
from minutes_app.ui.labels import side_label
from minutes_app.ui.dialogs.widgets import ok_cancel

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow


class IdentityDialog(QDialog):
    """The user's delegation (Side) and name."""

    def __init__(self, side: Side | None, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityDialog")
        self.setWindowTitle(_("Who are you?"))
        self.side = QComboBox()
        for s in Side:
            self.side.addItem(side_label(s), s.value)
        self.side.setCurrentIndex(list(Side).index(side or Side.KR))
        self.name = QLineEdit(name)
        self.name.setPlaceholderText(_("Your name, as it should appear on comments"))
        form = QFormLayout(self)
        explanation = QLabel(_("Your edits are recorded as revisions of your Side, and your "
                               "comments carry your name."))
        explanation.setWordWrap(True)
        form.addRow(explanation)
        form.addRow(_("My delegation"), self.side)
        form.addRow(_("My name"), self.name)
        form.addRow(ok_cancel(self))

    def chosen_side(self) -> Side:
        """The Side chosen."""
        return Side(self.side.currentData())


def ask_identity(window: MainWindow, dialog: IdentityDialog | None = None) -> bool:
    """Ask the user's Side and name, remember them; the open document follows the Side."""
    s = window.settings
    current = Side(s.user_side) if s.user_side else window.doc.minutes.own_side
    dialog = dialog or IdentityDialog(current, s.user_name, window)
    if not window.run_dialog(dialog):
        return False
    s.user_side = dialog.chosen_side().value
    s.user_name = dialog.name.text().strip()
    s.save()
    window.doc.user_name = s.user_name
    if window.doc.minutes.own_side is not dialog.chosen_side():
        window.files.apply_or_show(SetOwnSide(dialog.chosen_side()), _("Change my Side"))
    window.show_identity()
    return True
