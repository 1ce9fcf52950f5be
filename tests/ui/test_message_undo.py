"""The message bar stays true through undo and redo: a workflow's summary is replaced by what
was undone when its step is undone, and said again when it is redone; in English and Korean."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from minutes_app.model import Side
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.store import MinutesFile
from minutes_app.tracking.rounds import snapshot
from minutes_app.ui.dialogs.export import ExportDialog
from minutes_app.ui.main_window import MainWindow
from tests.ui.test_korean_messages import english_in, own_words
from tests.workflows.conftest import returned_copy


def _keys(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier
          ) -> None:
    """A shortcut pressed where the user types (the cell editor passes undo to the window)."""
    window.activateWindow()
    focus: QWidget = QApplication.focusWidget() or window.editor
    qtbot.keyClick(focus, key, modifiers)


def undo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Z."""
    _keys(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Y."""
    _keys(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


def _bar(window: MainWindow) -> str:
    assert window.message_bar.isVisible()
    return window.message_bar.label.text()


def _send_and_import(window: MainWindow, tmp_path: Path) -> None:
    window.run_dialog = lambda dialog: True  # the send dialog's defaults
    window.negotiation.send_round()
    window.negotiation.import_file(str(returned_copy(window.doc.minutes, tmp_path,
                                                     "Russian Side")))


def test_undo_and_redo_of_an_import_keep_the_bar_true(window: MainWindow, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    _send_and_import(window, tmp_path)
    imported = _bar(window)
    assert "Imported round 4" in imported
    undo(qtbot, window)
    assert len(window.doc.minutes.rounds) == 3  # the key really undid the import
    assert _bar(window) == "Undone: Import round 4"
    redo(qtbot, window)
    assert len(window.doc.minutes.rounds) == 4
    assert _bar(window) == imported
    undo(qtbot, window)
    undo(qtbot, window)  # and the round sent before it
    assert _bar(window) == "Undone: Send round 3"
    redo(qtbot, window)
    assert "sent by the Korean Side" in _bar(window)


def test_a_typing_undo_leaves_a_true_report_alone(window: MainWindow, qtbot: QtBot,
                                                 tmp_path: Path) -> None:
    from minutes_app.model import Lang, SetText

    _send_and_import(window, tmp_path)
    imported = _bar(window)
    pid = window.doc.minutes.paragraphs()[0].id
    window.doc.apply(SetText(pid, Lang.EN, "Typed."), "Typing")
    undo(qtbot, window)
    assert window.doc.minutes.paragraph(pid).text(Lang.EN) != "Typed."
    assert _bar(window) == imported  # the import still stands: its report too


def test_undo_of_a_merge_and_of_a_decision(window: MainWindow, tmp_path: Path) -> None:
    m = window.doc.minutes
    theirs = minutes_in(minutes_out(m))
    theirs.rounds.append(snapshot(theirs, Side.KR, "2020-12-16T09:00:00Z", "sent"))
    path = tmp_path / "theirs.minutes"
    MinutesFile.create(path, theirs).close()
    window.negotiation.merge_file(str(path))
    merged = _bar(window)
    stack = window.doc.undo_stack
    stack.undo()
    assert _bar(window) == f"Undone: {stack.redoText()}" and merged not in _bar(window)
    stack.redo()
    assert _bar(window) == merged
    window.negotiation.decide_side(Side.RU, True)
    decided = _bar(window)
    label = stack.undoText()
    stack.undo()
    assert _bar(window) == f"Undone: {label}" and _bar(window) != decided
    stack.redo()
    assert _bar(window) == decided


def test_undo_of_an_export_says_its_record_is_undone(window: MainWindow, tmp_path: Path
                                                     ) -> None:
    window.show_message_box = lambda box: None
    dialog = ExportDialog(Side.KR, False, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("working"))
    dialog.exec = lambda: 1
    out = window.exports.run(dialog=dialog, path=str(tmp_path / "w.docx"))
    assert out is not None
    exported = _bar(window)
    assert exported == f"Exported to {out}"
    window.doc.undo_stack.undo()
    assert _bar(window) == f"Undone: the record of the export to {out} (the file stays)"
    assert out.exists()
    window.doc.undo_stack.redo()
    assert _bar(window) == exported


def test_replace_all_summary_follows_undo(window: MainWindow) -> None:
    from minutes_app.ui.dialogs.find import FindDialog

    dialog = FindDialog(window.doc, window.doc.minutes.languages, window)
    window.find_dialog = dialog
    dialog.needle.setText("the")
    dialog.replacement.setText("THE")
    dialog.match_case.setChecked(True)
    n = dialog.replace_everywhere()
    assert n > 0
    summary = dialog.message.text()
    window.doc.undo_stack.undo()
    assert dialog.message.text() == "Undone: Replace all"
    window.doc.undo_stack.redo()
    assert dialog.message.text() == summary


def test_the_korean_bar_says_undo_and_redo_in_korean(korean: MainWindow, qtbot: QtBot,
                                                    tmp_path: Path) -> None:
    own = own_words(korean.doc.minutes)
    _send_and_import(korean, tmp_path)
    imported = _bar(korean)
    assert not english_in(imported, own)
    undo(qtbot, korean)
    undone = _bar(korean)
    assert len(korean.doc.minutes.rounds) == 3 and undone != imported
    assert "실행 취소" in undone and not english_in(undone, own), undone
    redo(qtbot, korean)
    assert _bar(korean) == imported
