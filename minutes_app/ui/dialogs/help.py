"""Help: the quick-start page, the keyboard reference (Korean and English) and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from minutes_app import __version__
from minutes_app.i18n import _, current_language
from minutes_app.resources import resource

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow

PAGES = ("quick_start", "keyboard")


def page_html(name: str, lang: str | None = None) -> str:
    """A help page in the interface language (English when it has no translation)."""
    lang = lang or current_language()
    path = resource("help", f"{name}.{lang}.html")
    if not path.exists():
        path = resource("help", f"{name}.en.html")
    return path.read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """A help page, non-modal, beside the document."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"help_{name}")
        self.name = name
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The page and title in the current interface language."""
        titles = {"quick_start": _("Quick start"), "keyboard": _("Keyboard reference")}
        self.setWindowTitle(titles[self.name])
        self.browser.setHtml(page_html(self.name))


def about_text() -> str:
    """The About box's text."""
    return _("minutes_app {version}: drafting, negotiating and signing bilingual agreed "
             "minutes. Korean text is set in NanumGothic (SIL Open Font License).").format(
                 version=__version__)


def show_help(w: MainWindow, name: str) -> None:
    """Help > Quick start or Keyboard reference (one window each, kept)."""
    pages = w.__dict__.setdefault("_help_pages", {})
    if name not in pages:
        pages[name] = HelpDialog(name, w)
    pages[name].retranslate_ui()
    pages[name].show()
    pages[name].raise_()


def show_about(w: MainWindow) -> None:
    """Help > About."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, _("About minutes_app"), about_text(),
                      QMessageBox.StandardButton.Ok, w)
    box.setObjectName("aboutBox")
    w.show_message_box(box)
