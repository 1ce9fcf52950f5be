"""The window runs the workflows: import asks who unknown authors are, undo takes the round
and the history entry back, and every error reaches the user through the message sink."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from minutes_app.model import Side
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.commands.negotiation import AuthorSidesDialog
from minutes_app.workflows.exchange import send_round
from tests.workflows.conftest import returned_copy


def _sent(window: MainWindow, tmp_path: Path, author: str) -> Path:
    """Round 3 sent, and the other Side's copy of it returned with a change by ``author``."""
    window.doc.run(send_round(window.doc.minutes, Side.KR, "", "2020-12-16T12:00:00Z"))
    return returned_copy(window.doc.minutes, tmp_path, author)


def _answer_authors(side: Side, asked: list[list[str]]) -> Any:
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, AuthorSidesDialog)
        asked.append(list(dialog.combos))
        for combo in dialog.combos.values():
            combo.setCurrentIndex(combo.findData(side))
        return True
    return run


def test_import_asks_the_side_of_unknown_authors(window: MainWindow, tmp_path: Path) -> None:
    returned = _sent(window, tmp_path, "Ivan Petrov")
    asked: list[list[str]] = []
    window.run_dialog = _answer_authors(Side.KR, asked)
    window.negotiation.import_file(str(returned))
    m = window.doc.minutes
    assert asked == [["Ivan Petrov"]]
    assert m.author_sides == {"Ivan Petrov": Side.KR}
    assert [r.side for r in all_revisions(m) if "Moscow" in r.text] == [Side.KR]
    assert window.message_bar.isVisible() and not window.message_bar.error
    assert "Imported round 4" in window.message_bar.label.text()


def test_a_known_author_is_not_asked_about(window: MainWindow, tmp_path: Path) -> None:
    returned = _sent(window, tmp_path, "Russian Side")
    window.run_dialog = lambda dialog: (_ for _ in ()).throw(AssertionError("asked"))
    window.negotiation.import_file(str(returned))
    assert [r.side for r in all_revisions(window.doc.minutes) if "Moscow" in r.text] == [
        Side.RU]


def test_undoing_an_import_takes_its_round_and_history_back(window: MainWindow,
                                                            tmp_path: Path) -> None:
    returned = _sent(window, tmp_path, "Ivan Petrov")
    doc = window.doc
    window.run_dialog = _answer_authors(Side.RU, [])
    rounds_before = list(doc.minutes.rounds)
    history_before = doc.file.history()
    window.negotiation.import_file(str(returned))
    assert len(doc.minutes.rounds) == len(rounds_before) + 1
    assert doc.file.history()[-1][1] == "import"
    assert doc.undo_stack.undoText() == "Import round 4"
    doc.undo_stack.undo()
    assert doc.minutes.rounds == rounds_before and doc.file.history() == history_before
    assert doc.minutes.author_sides == {}
    assert not [r for r in all_revisions(doc.minutes) if "Moscow" in r.text]
    doc.undo_stack.redo()
    assert doc.file.history()[-1][1] == "import" and len(doc.minutes.rounds) == 4
    doc.undo_stack.undo()
    window.negotiation.import_file(str(returned))  # the same file again: accepted
    assert [r.side for r in all_revisions(doc.minutes) if "Moscow" in r.text] == [Side.RU]


def test_undoing_a_sent_round_withdraws_it(window: MainWindow) -> None:
    doc = window.doc
    before = len(doc.minutes.rounds)
    window.run_dialog = lambda dialog: True
    window.negotiation.send_round()
    assert len(doc.minutes.rounds) == before + 1
    assert "sent by the Korean Side" in window.message_bar.label.text()
    doc.undo_stack.undo()
    assert len(doc.minutes.rounds) == before
    window.after_rounds_changed()  # counts and title follow without the round


def test_errors_go_through_the_sink(window: MainWindow, tmp_path: Path) -> None:
    shown: list[tuple[str, str]] = []
    window.show_error = lambda message, title="": shown.append((title, message))
    returned = _sent(window, tmp_path, "Russian Side")
    window.negotiation.import_file(str(returned))
    window.negotiation.import_file(str(returned))  # twice: refused, blocking
    assert shown and shown[-1][0] == "Cannot import"
    assert "already been imported" in shown[-1][1]
    window.negotiation.decide_side(None, True)
    window.negotiation.decide_side(None, True)  # nothing left: said in the bar, not a dialog
    assert len(shown) == 1
    assert window.message_bar.isVisible() and window.message_bar.error
    assert "no pending revisions" in window.message_bar.label.text()
    assert [k for k, _t in window.sink.history][-1] == "error"
    window.panel.failed.emit("a refused edit")  # the panel's errors reach the same bar
    assert window.message_bar.label.text() == "a refused edit"
