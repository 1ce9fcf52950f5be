"""The window's actions with their shortcuts; texts are set (and reset) by ``retranslate``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from minutes_app.i18n import _

Key = QKeySequence.StandardKey

# name: (text thunk, shortcut)
_SPECS: dict[str, tuple[Callable[[], str], QKeySequence.StandardKey | str | None]] = {
    "new": (lambda: _("&New from template…"), Key.New),
    "open": (lambda: _("&Open…"), Key.Open),
    "save": (lambda: _("&Save"), Key.Save),
    "save_as": (lambda: _("Save &As…"), Key.SaveAs),
    "quit": (lambda: _("&Quit"), Key.Quit),
    "undo": (lambda: _("&Undo"), Key.Undo),
    "redo": (lambda: _("&Redo"), Key.Redo),
    "cut": (lambda: _("Cu&t"), Key.Cut),
    "copy": (lambda: _("&Copy"), Key.Copy),
    "paste": (lambda: _("&Paste"), Key.Paste),
    "find": (lambda: _("&Find and replace…"), Key.Find),
    "new_paragraph": (lambda: _("New &paragraph"), "Ctrl+Return"),
    "delete_paragraph": (lambda: _("&Delete paragraph"), "Ctrl+Shift+Backspace"),
    "move_up": (lambda: _("Move paragraph &up"), "Alt+Up"),
    "move_down": (lambda: _("Move paragraph do&wn"), "Alt+Down"),
    "new_section": (lambda: _("New &section"), "Ctrl+Shift+Return"),
    "delete_section": (lambda: _("Delete s&ection"), None),
    "move_section_up": (lambda: _("Move section up"), "Alt+Shift+Up"),
    "move_section_down": (lambda: _("Move section down"), "Alt+Shift+Down"),
    "meeting": (lambda: _("&Meeting details…"), "Ctrl+I"),
    "glossary": (lambda: _("&Glossary…"), None),
    "annexes": (lambda: _("&Annexes…"), None),
    "verify": (lambda: _("&Verify a signing original…"), None),
    "review": (lambda: _("&Review mode (final session)"), "F11"),
    "report": (lambda: _("Review &report (DOCX)…"), None),
    "zoom_in": (lambda: _("Zoom &in"), Key.ZoomIn),
    "zoom_out": (lambda: _("Zoom &out"), Key.ZoomOut),
    "zoom_reset": (lambda: _("&Actual size"), "Ctrl+0"),
    "merge": (lambda: _("&Merge the other delegation's copy…"), None),
    "import": (lambda: _("&Import returned draft (DOCX)…"), None),
    "export": (lambda: _("&Export…"), "Ctrl+E"),
    "export_pdf": (lambda: _("Export &PDF…"), "Ctrl+Shift+E"),
    "send_round": (lambda: _("&Send round…"), None),
    "history": (lambda: _("Round &history…"), None),
    "bracket": (lambda: _("Put selection in &brackets…"), "Ctrl+B"),
    "next_change": (lambda: _("&Next change"), "F8"),
    "previous_change": (lambda: _("&Previous change"), "Shift+F8"),
    "accept_all": (lambda: _("&Accept all revisions"), None),
    "reject_all": (lambda: _("&Reject all revisions"), None),
    "accept_kr": (lambda: _("Accept all revisions of the Korean Side"), None),
    "reject_kr": (lambda: _("Reject all revisions of the Korean Side"), None),
    "accept_ru": (lambda: _("Accept all revisions of the Russian Side"), None),
    "reject_ru": (lambda: _("Reject all revisions of the Russian Side"), None),
    "show_changes": (lambda: _("Show &changes"), "Ctrl+Shift+C"),
    "show_original": (lambda: _("Show &original"), "Ctrl+Shift+O"),
    "show_proposed": (lambda: _("Show &proposed"), "Ctrl+Shift+P"),
    "print": (lambda: _("&Print…"), Key.Print),
    "print_preview": (lambda: _("Print pre&view…"), None),
    "spell_check": (lambda: _("Check &spelling"), "F7"),
    "who_am_i": (lambda: _("&Who am I…"), None),
    "quick_start": (lambda: _("&Quick start"), Key.HelpContents),
    "keyboard": (lambda: _("&Keyboard reference"), None),
    "about": (lambda: _("&About minutes_app"), None),
    "lang_en": (lambda: "English", None),
    "lang_ko": (lambda: "한국어", None),
}


class Actions:
    """Every QAction of the main window, by name."""

    def __init__(self, parent: QWidget) -> None:
        self._all: dict[str, QAction] = {}
        for name, (_text, shortcut) in _SPECS.items():
            action = QAction(parent)
            action.setObjectName(f"action_{name}")
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            self._all[name] = action
        # the one dialog finds and replaces: Replace's key (Ctrl+H) opens it too
        self._all["find"].setShortcuts([QKeySequence(Key.Find), QKeySequence(Key.Replace)])
        for name in ("lang_en", "lang_ko", "show_changes", "show_original", "show_proposed",
                     "spell_check"):
            self._all[name].setCheckable(True)
        self._all["show_changes"].setChecked(True)
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self._all[name]

    def retranslate(self) -> None:
        """Set every action's text in the current interface language."""
        for name, (text, _shortcut) in _SPECS.items():
            self._all[name].setText(text())
