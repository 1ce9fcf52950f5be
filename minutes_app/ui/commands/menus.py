"""The main window's menus: their layout and what each action does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPlainTextEdit

from minutes_app.i18n import _
from minutes_app.model import Side
from minutes_app.ui.editor.rows import ShowMode

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow

LAYOUT: dict[str, list[str | None]] = {
    "file": ["new", "open", "recent", None, "save", "save_as", None, "import", "merge", None,
             "export", "export_pdf", None, "print_preview", "print", None, "quit"],
    "edit": ["undo", "redo", None, "cut", "copy", "paste", None, "find"],
    "paragraph": ["new_paragraph", "delete_paragraph", "move_up", "move_down", None,
                  "new_section", "delete_section", "move_section_up", "move_section_down"],
    "document": ["meeting", "annexes", "glossary", None, "review", "report", "verify"],
    "negotiation": ["send_round", "history", None, "next_change", "previous_change", "bracket",
                    None, "accept_all", "reject_all", "accept_kr", "reject_kr", "accept_ru",
                    "reject_ru"],
    "view": ["show_changes", "show_original", "show_proposed", None, "columns", None, "zoom_in",
             "zoom_out", "zoom_reset", None, "spell_check", None, "dock:dock",
             "dock:changes_dock", "dock:ready_dock"],
    "settings": ["who_am_i", "language"],
    "help": ["quick_start", "keyboard", None, "about"],
}


SUBMENUS = ("recent", "language", "columns")


def create_menus(w: QMainWindow) -> dict[str, QMenu]:
    """The menu bar's menus, empty (the first frame has them; titles come from retranslation)."""
    menus: dict[str, QMenu] = {}
    for menu_name, items in LAYOUT.items():
        menus[menu_name] = w.menuBar().addMenu("")
        for item in items:
            if item in SUBMENUS:
                menus[item] = QMenu(menus[menu_name])
    return menus


def title_menus(menus: dict[str, QMenu]) -> None:
    """Set the menus' titles in the current interface language."""
    names = {"file": _("&File"), "edit": _("&Edit"), "paragraph": _("&Paragraph"),
             "document": _("&Document"), "negotiation": _("&Negotiation"),
             "view": _("&View"), "settings": _("&Settings"),
             "recent": _("Open &Recent"), "language": _("Interface &language"),
             "help": _("&Help"), "columns": _("Language &columns")}
    for key, text in names.items():
        menus[key].setTitle(text)


def fill_menus(w: MainWindow) -> None:
    """Put the window's actions into its menus, in ``LAYOUT`` order."""
    a = w.action_set
    menus = w.menus
    menus["recent"].aboutToShow.connect(w.files.fill_recent_menu)
    menus["language"].addActions([a["lang_en"], a["lang_ko"]])
    from minutes_app.ui.editor.columns import ColumnToggles
    from minutes_app.ui.editor.finding import follow_columns

    w.columns = ColumnToggles(w.editor, w.settings, menus["columns"])
    w.columns.changed = lambda: follow_columns(w)
    for menu_name, items in LAYOUT.items():
        menu = menus[menu_name]
        for item in items:
            if item is None:
                menu.addSeparator()
            elif item in SUBMENUS:
                menu.addMenu(menus[item])
            elif item.startswith("dock:"):  # a panel: checked while shown, reopens it
                dock = getattr(w, item[len("dock:"):])
                toggle = dock.toggleViewAction()
                toggle.setObjectName(f"action_{dock.objectName()}")
                menu.addAction(toggle)
            else:
                menu.addAction(a[item])


def clipboard(name: str) -> None:
    """Cut, copy or paste in the cell being edited."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QPlainTextEdit):
        getattr(widget, name)()


def _on_demand(w: MainWindow, module: str, name: str, *args: object) -> None:
    """Call ``name(w, *args)`` from a ``minutes_app.ui`` module imported on first use (not at
    start-up)."""
    import importlib

    getattr(importlib.import_module(f"minutes_app.ui.{module}"), name)(w, *args)


def connect_actions(w: MainWindow) -> None:
    """What every action does."""
    a = w.action_set
    s = lambda: w.structure  # noqa: E731 - the document (and so the helper) changes
    a["new"].triggered.connect(w.files.new_from_template)
    a["open"].triggered.connect(w.files.open)
    a["save"].triggered.connect(lambda: w.doc.flush())
    a["save_as"].triggered.connect(w.files.save_as)
    a["quit"].triggered.connect(w.close)
    a["undo"].triggered.connect(lambda: w.doc.undo_stack.undo())
    a["redo"].triggered.connect(lambda: w.doc.undo_stack.redo())
    for name in ("cut", "copy", "paste"):
        a[name].triggered.connect(lambda _=False, n=name: clipboard(n))
    a["find"].triggered.connect(w.show_find)
    a["new_paragraph"].triggered.connect(lambda: s().new_paragraph())
    a["delete_paragraph"].triggered.connect(lambda: s().delete_paragraph())
    a["move_up"].triggered.connect(lambda: s().move_paragraph(-1))
    a["move_down"].triggered.connect(lambda: s().move_paragraph(1))
    a["new_section"].triggered.connect(lambda: s().new_section())
    a["delete_section"].triggered.connect(lambda: s().delete_section())
    a["move_section_up"].triggered.connect(lambda: s().move_section(-1))
    a["move_section_down"].triggered.connect(lambda: s().move_section(1))
    a["meeting"].triggered.connect(lambda: _on_demand(w, "dialogs.meeting", "edit_meeting"))
    a["review"].triggered.connect(w.enter_review)
    a["glossary"].triggered.connect(w.edit_glossary)
    a["annexes"].triggered.connect(lambda: w.edit_annexes())
    a["verify"].triggered.connect(lambda: w.exports.run_verify())
    a["zoom_in"].triggered.connect(lambda: w.zoom(w.settings.zoom + 1))
    a["zoom_out"].triggered.connect(lambda: w.zoom(w.settings.zoom - 1))
    a["zoom_reset"].triggered.connect(lambda: w.zoom(0))
    def n():  # type: ignore[no-untyped-def] # built on first use, not at start-up
        return w.negotiation

    a["send_round"].triggered.connect(lambda: n().send_round())
    a["merge"].triggered.connect(lambda: n().merge_file())
    a["import"].triggered.connect(lambda: n().import_file())
    a["export"].triggered.connect(lambda: w.exports.run(pdf=False))
    a["export_pdf"].triggered.connect(lambda: w.exports.run(pdf=True))
    a["report"].triggered.connect(lambda: w.exports.run_report())
    a["history"].triggered.connect(lambda: n().show_history())
    a["bracket"].triggered.connect(lambda: n().bracket_selection())
    a["next_change"].triggered.connect(lambda: w.changes.step(1))
    a["previous_change"].triggered.connect(lambda: w.changes.step(-1))
    a["accept_all"].triggered.connect(lambda: n().decide_side(None, True))
    a["reject_all"].triggered.connect(lambda: n().decide_side(None, False))
    a["accept_kr"].triggered.connect(lambda: n().decide_side(Side.KR, True))
    a["reject_kr"].triggered.connect(lambda: n().decide_side(Side.KR, False))
    a["accept_ru"].triggered.connect(lambda: n().decide_side(Side.RU, True))
    a["reject_ru"].triggered.connect(lambda: n().decide_side(Side.RU, False))
    for mode in ShowMode:
        a[f"show_{mode.value}"].triggered.connect(lambda _=False, m=mode: w.show_mode(m))
    a["who_am_i"].triggered.connect(lambda: _on_demand(w, "dialogs.identity", "ask_identity"))
    a["print"].triggered.connect(lambda: w.printing.print_now())
    a["print_preview"].triggered.connect(lambda: w.printing.preview())
    a["spell_check"].triggered.connect(w.set_spell_check)
    a["quick_start"].triggered.connect(
        lambda: _on_demand(w, "dialogs.help", "show_help", "quick_start"))
    a["keyboard"].triggered.connect(lambda: _on_demand(w, "dialogs.help", "show_help", "keyboard"))
    a["about"].triggered.connect(lambda: _on_demand(w, "dialogs.help", "show_about"))
    a["lang_en"].triggered.connect(lambda: w.set_ui_language("en"))
    a["lang_ko"].triggered.connect(lambda: w.set_ui_language("ko"))
