"""A walk through the whole Korean interface, opened from its menus: the menus, every dock and
panel, every dialog (meeting details, annexes, glossary, who am I, export, history, find and
replace, help, About, the import and merge reports), review mode and the review report. Every
string the interface shows is collected; one holding an English word fails the test (product
and file names, language endonyms and the document's own words aside)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt,
)
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QDialog, QDockWidget,
    QFileDialog, QGroupBox, QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox, QTabWidget,
    QTextEdit, QWidget,
)

from minutes_app.docx_io.working import write_working
from minutes_app.i18n.names import title
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.store import MinutesFile
from minutes_app.tracking.ops import edit_text
from minutes_app.ui.main_window import MainWindow
from tests.exports.clients import inline_text, pandoc_json, table_rows
from tests.ui.test_korean_messages import PRODUCTS, _strings, every_reason

# words said as they are in Korean too: products, formats, the program's and the languages'
# own names (the language menu names each language in itself)
ALLOWED = PRODUCTS | {"DOCX", "PDF", "CSV", "SHA", "UTF", "English", "Excel", "Enchant",
                      "hunspell", "Qt", "PySide", "alternat",  # the diplomatic term, glossed
                      # keys as their caps print them
                      "Ctrl", "Shift", "Alt", "Tab", "Return", "Enter", "Esc", "Backspace",
                      "Del", "Delete", "Home", "End", "PgUp", "PgDown", "Space", "Insert", "F"}
# names said as they are: the program, file names, the font's licence
NAMES = re.compile(r"minutes_app|minutes-app|[\w.-]+\.(?:minutes|docx|pdf|csv|fodt)\b"
                   r"|SIL Open Font License|Nanum\w*|https?://\S+|(?:/[\w.-]+)+|\*\.\w+")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
NOW = "2020-12-17T09:00:00Z"


@pytest.fixture
def demo_minutes() -> Minutes:
    """Every kind of reason, and a comment: what the panels and dialogs can show."""
    return every_reason()


# -- what the interface shows ---------------------------------------------------------------
def _plain(text: str) -> str:
    """Rich text as read: without tags, entities and keyboard accelerators."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"&(amp|lt|gt|nbsp|quot);", " ", text)
    return re.sub(r"&(?=\w)", "", text)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A model's columns (a list model keeps ``columnCount`` private: one column)."""
    if isinstance(model, QAbstractListModel):
        return 1
    return model.columnCount(parent)


def _model_strings(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0
                   ) -> Iterator[str]:
    for row in range(min(model.rowCount(parent), 200)):
        for col in range(_columns(model, parent)):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if col == 0 and depth < 3 and not isinstance(
                    model, (QAbstractListModel, QAbstractTableModel)) and model.hasChildren(index):
                yield from _model_strings(model, index, depth + 1)


def _view_strings(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for col in range(_columns(model, QModelIndex())):
        value = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield value
    if type(view).__name__ != "AlignedEditor":  # the minutes' own rows: the document's text
        yield from _model_strings(model, QModelIndex())


def _menu_strings(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip()
        yield action.statusTip()
        if isinstance(sub := action.menu(), QMenu):
            yield from _menu_strings(sub)


def widget_strings(top: QWidget) -> Iterator[tuple[str, str]]:
    """Every string ``top`` and its children show: (kind of widget, text)."""
    for w in [top, *top.findChildren(QWidget)]:
        kind = type(w).__name__
        if kind == "QHeaderView":  # its view says its headers; its items are the view's
            continue
        yield kind, w.windowTitle() if w.isWindow() or isinstance(w, QDockWidget) else ""
        yield kind + ".toolTip", w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield kind, w.text()
        elif isinstance(w, QGroupBox):
            yield kind, w.title()
        elif isinstance(w, QTabWidget):
            yield from ((kind, w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QComboBox):
            yield from ((kind, w.itemText(i)) for i in range(w.count()))
        elif isinstance(w, QLineEdit):
            yield kind + ".placeholder", w.placeholderText()
        elif isinstance(w, QTextEdit):
            yield kind, w.toPlainText()
        elif isinstance(w, QAbstractItemView):
            yield from ((kind, s) for s in _view_strings(w))
        elif isinstance(w, QMenu):
            yield from ((kind, s) for s in _menu_strings(w))


class Walk:
    """Collects what the interface shows at each step and the English words in it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.own: set[str] = set()
        self.texts: list[str] = []
        self.leaks: dict[str, tuple[str, set[str]]] = {}
        self.seen = 0
        self.save_as: Path | None = None  # where a save dialog answers, else it is cancelled
        self.document_changed()

    def document_changed(self) -> None:
        """The words the document holds now (an import or a merge brings some)."""
        m = self.window.doc.minutes
        self.texts = [*_strings(minutes_out(m)), *(title(m, lang) for lang in m.languages),
                      self.window.settings.user_name]  # the user's own name is content too
        self.own = ALLOWED | {w for s in self.texts for w in re.findall(r"[A-Za-z]+", s)}

    def content(self, text: str) -> bool:
        """True when ``text`` is (a piece of) the document's own text."""
        piece = text.strip().rstrip("…").strip()
        return len(piece) > 3 and any(piece in t for t in self.texts)

    def words(self, text: str) -> list[str]:
        """English words of ``text`` that the document does not hold (a file's text quoted
        “like this” is content too)."""
        said = re.sub(r"“[^”]*”", " ", NAMES.sub(" ", _plain(text)))
        latin = [w for w in re.findall(r"[A-Za-z]{2,}", said)
                 if w not in ALLOWED and not re.fullmatch(r"[IVXLC]+", w)]
        if latin and not HANGUL.search(said) and not self.content(text):
            return latin  # English words alone, and not the document's: a sentence of ours
        return [w for w in latin if w not in self.own]

    def check(self, where: str, text: str) -> None:
        """Record ``text`` as seen at ``where``."""
        if not text.strip():
            return
        self.seen += 1
        if (found := self.words(text)) and text not in self.leaks:
            self.leaks[text] = (where, set(found))

    def widget(self, step: str, top: QWidget) -> None:
        """Everything ``top`` shows."""
        for kind, text in widget_strings(top):
            self.check(f"{step} / {kind}", text)

    def windows(self, step: str) -> None:
        """Every window open now; the ones other than the main window are then closed."""
        QApplication.processEvents()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and not isinstance(top, QMenu) and self.ours(top):
                self.widget(step, top)
                if top is not self.window:
                    top.close()
        QApplication.processEvents()

    def file_dialog(self, step: str, *args: Any, **kw: Any) -> tuple[str, str]:
        """A stand-in for QFileDialog's static functions: read the caption and the filter."""
        for text in (*(a for a in args if isinstance(a, str)), *map(str, kw.values())):
            self.check(f"{step} / file dialog", text)
        return (str(self.save_as), "") if self.save_as else ("", "")

    def input_dialog(self, step: str, *args: Any) -> tuple[str, bool]:
        """A stand-in for QInputDialog.getItem: read its title, label and items, cancel."""
        for value in args:
            for text in (value if isinstance(value, list) else [value]):
                if isinstance(text, str):
                    self.check(f"{step} / input dialog", text)
        return "", False

    def ours(self, top: QWidget) -> bool:
        """True for this window and the windows it opened (not another test's leftovers)."""
        w: QWidget | None = top
        while w is not None and w is not self.window:
            w = w.parentWidget()
        return w is self.window

    def dialog(self, step: str) -> Callable[[QDialog], int]:
        """A stand-in for a modal dialog's ``exec``: read it, then cancel it."""
        def run(dialog: QDialog) -> int:
            QApplication.processEvents()
            self.widget(step, dialog)
            return 0
        return run


# -- the walk -------------------------------------------------------------------------------
def _returned_copy(m: Minutes, folder: Path) -> Path:
    """The working copy as the Russian Side sends it back, one word changed."""
    theirs = minutes_in(minutes_out(m))
    theirs.own_side = Side.RU
    pid = next(p.id for p in theirs.paragraphs() if not p.tracks and p.text(Lang.EN))
    text = theirs.paragraph(pid).text(Lang.EN)
    edit_text(theirs, pid, Lang.EN, text.replace(" the ", " the agreed ", 1), NOW).apply(theirs)
    path = folder / "returned.docx"
    write_working(theirs, path)
    return path


def _their_file(m: Minutes, folder: Path) -> Path:
    """Their own .minutes file, one word changed: what a merge reads."""
    theirs = minutes_in(minutes_out(m))
    theirs.own_side = Side.RU
    pid = next(p.id for p in theirs.paragraphs() if not p.tracks and p.text(Lang.EN))
    text = theirs.paragraph(pid).text(Lang.EN)
    edit_text(theirs, pid, Lang.EN, text.replace(" the ", " both the ", 1), NOW).apply(theirs)
    path = folder / "theirs.minutes"
    MinutesFile.create(path, theirs).close()
    return path


def _steps(w: MainWindow, walk: Walk, tmp_path: Path) -> dict[str, Callable[[], Any]]:
    a = w.action_set

    def docks() -> None:
        for dock in (w.dock, w.changes_dock, w.ready_dock):
            dock.show()
            dock.raise_()
            QApplication.processEvents()
            walk.widget(f"dock {dock.objectName()}", dock)
        w.readiness.refresh()
        walk.widget("readiness", w.ready_dock)

    def review() -> None:
        a["review"].trigger()
        for _ in range(len(w.review.items)):
            walk.widget("review mode", w.review)
            w.review.step(1)
        w.leave_review(w.doc.minutes.paragraphs()[0].id)

    def report() -> None:
        path = tmp_path / "report.docx"
        walk.save_as = path
        a["report"].trigger()
        walk.save_as = None
        QApplication.processEvents()
        rows = table_rows(pandoc_json(path))
        for row in rows:
            walk.check("review report items", row[-1])
        walk.check("review report title", inline_text(pandoc_json(path)["blocks"][0]))

    def menus_of_a_cell() -> None:
        from minutes_app.ui.editor.context_menus import cell_menu, row_menu_at
        from tests.ui.conftest import cell_editor
        from tests.ui.test_editing import go_to_paragraph

        go_to_paragraph(w, 5, Lang.EN)
        editor = cell_editor(w)
        walk.widget("cell menu", cell_menu(editor, w))
        index = w.outline_model.index(0, 0)
        menu = row_menu_at(w, w.outline, w.outline.visualRect(index).center())
        if menu is not None:
            walk.widget("row menu", menu)
        cursor = editor.textCursor()  # a selection to bracket: the bracket dialog
        cursor.setPosition(4)
        cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        a["bracket"].trigger()

    def history() -> None:
        parts = w.history_parts
        assert parts is not None
        parts.actions["compare"].setChecked(True)
        for dock in parts.docks.values():
            dock.show()
            dock.raise_()
            QApplication.processEvents()
            walk.widget(f"dock {dock.objectName()}", dock)
        walk.widget("compare bar", parts.toolbar)
        parts.actions["compare"].setChecked(False)
        path = tmp_path / "history.docx"
        walk.save_as = path
        parts.actions["history_report"].trigger()
        walk.save_as = None
        QApplication.processEvents()
        for block in pandoc_json(path)["blocks"]:
            walk.check("negotiation report", inline_text(block))

    def imported() -> None:
        w.negotiation.import_file(str(_returned_copy(w.doc.minutes, tmp_path)))

    def merged() -> None:
        w.negotiation.merge_file(str(_their_file(w.doc.minutes, tmp_path)))

    steps: dict[str, Callable[[], Any]] = {"docks": docks}
    for name in ("meeting", "annexes", "glossary", "who_am_i", "export", "history", "find",
                 "quick_start", "keyboard", "about", "send_round", "open", "new", "save_as",
                 "import", "merge", "verify"):
        steps[name] = a[name].trigger
    steps.update({"history parts": history, "cell menus": menus_of_a_cell, "review": review,
                  "report": report, "import report": imported, "merge report": merged})
    return steps


def test_the_korean_interface_shows_no_english(korean: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    w = korean
    walk = Walk(w)
    step = ["start"]
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(
            lambda *args, **kw: walk.file_dialog(step[0], *args, **kw)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda *args, **kw: walk.input_dialog(step[0], *args)))
    monkeypatch.setattr(QDialog, "exec", lambda d: walk.dialog(step[0])(d))
    monkeypatch.setattr(QMessageBox, "exec", lambda d: walk.dialog(step[0])(d))

    def confirm(title: str, question: str) -> bool:
        walk.check(f"{step[0]} / question", f"{title}\n{question}")
        return True  # go on: the report or the next dialog follows

    def shown(message: str, title: str = "") -> None:
        walk.check(f"{step[0]} / message", f"{title}\n{message}")

    w.confirm = confirm
    w.show_error = shown
    w.run_dialog = lambda dialog: bool(walk.dialog(step[0])(dialog))
    walk.windows("main window")
    for menu in w.menus.values():
        menu.aboutToShow.emit()  # the recent files fill theirs when shown
        walk.widget("menus", menu)
    walk.check("status bar", w.statusBar().currentMessage())
    for name, run in _steps(w, walk, tmp_path).items():
        step[0] = name
        run()
        walk.document_changed()
        walk.windows(name)
        walk.check(f"{name} / status bar", w.statusBar().currentMessage())
    assert walk.seen > 500  # the walk saw the interface, not an empty window
    assert not walk.leaks, "\n".join(f"{where}: {text[:200]!r} -> {sorted(words)}"
                                     for text, (where, words) in walk.leaks.items())
