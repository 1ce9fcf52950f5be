"""The window's commands need no window: FileWatch, HistoryParts and PrintCommands work with
the collaborators the window gives them (document holder, message sink, file chooser, plain
callables), here assembled around a bare QMainWindow."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow, QToolBar
from pytestqt.qtbot import QtBot

from minutes_app.workflows.templates import demo
from minutes_app.model import Lang
from minutes_app.store import MinutesFile
from minutes_app.ui.commands.file_watch import FileWatch, WindowHooks
from minutes_app.ui.commands.opening import open_document
from minutes_app.ui.commands.printing import PrintCommands
from minutes_app.ui.document import Document, DocumentHolder
from minutes_app.ui.editor.rows import EditorModel
from minutes_app.ui.editor.view import AlignedEditor
from minutes_app.ui.history.parts import HistoryParts
from minutes_app.ui.messages import FileChooser, MessageBar, MessageSink
from tests.exports.schema import assert_valid_docx


class Parts:
    """What a window gives its commands, without the window."""

    def __init__(self, host: QMainWindow, doc: Document) -> None:
        self.host = host
        self.holder = DocumentHolder(doc)
        self.sink = MessageSink(host, MessageBar(host))
        self.errors: list[tuple[str, str]] = []
        self.sink.show_error = lambda message, title="": self.errors.append((title, message))
        self.saved_as: list[str] = []
        self.replaced: list[Document] = []
        self.toolbars: list[QToolBar] = []


@pytest.fixture
def parts(qtbot: QtBot, demo_file: Path) -> Iterator[Parts]:
    host = QMainWindow()
    qtbot.addWidget(host)
    doc = open_document(demo_file)
    yield Parts(host, doc)
    doc.close()


class Chooser(FileChooser):
    """Answers the save question with a fixed path (or None: the user cancelled)."""

    def __init__(self, parent: QMainWindow, answer: str | None) -> None:
        super().__init__(parent)
        self.answer = answer
        self.asked: list[str] = []

    def save_file(self, title: str, default: str, filter_text: str, suffix: str = ""
                  ) -> str | None:
        self.asked.append(default)
        return self.answer


def test_history_parts_write_the_report_through_the_chooser_and_sink(
        parts: Parts, tmp_path: Path) -> None:
    editor = AlignedEditor()
    model = EditorModel(parts.holder.doc)
    editor.setModel(model)
    out = tmp_path / "report.docx"
    chooser = Chooser(parts.host, str(out))
    history = HistoryParts(parts.holder, parts.sink, chooser, editor, lambda: model)
    history.export_report()
    assert chooser.asked == [str(parts.holder.doc.path.with_name("demo-history.docx"))]
    assert_valid_docx(out)
    assert parts.sink.history[-1] == ("info", f"Wrote the negotiation report to {out}")
    chooser.answer = None  # cancelled: nothing said
    history.export_report()
    assert len(parts.sink.history) == 1
    history.export_report(str(tmp_path / "no-such-folder" / "r.docx"))  # refused: a dialog
    assert parts.errors and parts.errors[-1][0] == "Negotiation report"


def test_print_commands_say_what_is_missing_through_the_sink(
        parts: Parts, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shutil.which
    monkeypatch.setattr(shutil, "which",
                        lambda name, *a, **k: None if name in ("soffice", "libreoffice")
                        else real(name, *a, **k))
    progress: list[str] = []

    def no_dialog(dialog: QDialog) -> bool:
        raise AssertionError("nothing to choose without LibreOffice")

    parts.sink.run_dialog = no_dialog
    printing = PrintCommands(parts.holder, parts.sink, progress.append)
    assert not printing.print_now()
    assert [t for t, _m in parts.errors] == ["Cannot print"]
    assert "LibreOffice" in parts.errors[0][1] and progress == []


def test_file_watch_asks_and_reloads_through_its_hooks(parts: Parts, tmp_path: Path) -> None:
    def replace(fresh: Document) -> None:  # what the window's set_document does with it
        parts.replaced.append(fresh)
        parts.holder.doc = fresh

    hooks = WindowHooks(lambda: parts.saved_as.append("asked"), replace,
                        parts.toolbars.append, lambda: True)
    watch = FileWatch(parts.holder, parts.sink, hooks, parts.host)
    doc = parts.holder.doc
    watch.follow(doc)
    asked: list[str] = []
    answers = ["keep", "reload"]

    def answer(message: str) -> str:
        asked.append(message)
        return answers.pop(0)

    watch.ask = answer
    other = tmp_path / "other.minutes"  # another program writes the file meanwhile
    m = demo()
    first = next(iter(m.paragraphs()))
    first.texts[Lang.EN] = "A text written by another program."
    MinutesFile.create(other, m).close()
    os.replace(other, doc.path)
    watch.poll()
    assert len(asked) == 2 and "changed, replaced or deleted" in asked[0]
    assert parts.saved_as == ["asked"]  # "keep mine": the window's Save As
    assert len(parts.replaced) == 1 and parts.replaced[0].path == doc.path  # "reload theirs"
    assert doc.file.closed
    assert parts.replaced[0].minutes.paragraph(first.id).text(Lang.EN) == (
        "A text written by another program.")
    assert parts.toolbars and parts.toolbars[0].objectName() == "readOnlyBar"
    parts.replaced[0].close()
