"""Who am I, comment threads in the panel, help pages (issue 17, items 3, 5, 6)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from collections.abc import Callable

import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from minutes_app.model import Side
from minutes_app.model.threads import threads
from minutes_app.ui.dialogs.identity import IdentityDialog
from tests.ui.test_editing import go_to_paragraph
from minutes_app.ui.main_window import MainWindow
from pytestqt.qtbot import QtBot
import pytest

# screenshots to look at; MINUTES_SHOTS=docs refreshes the ones in docs/ (tests never write there)
SHOTS = Path(os.environ.get("MINUTES_SHOTS") or tempfile.gettempdir())


def _answer(side: Side, name: str) -> Callable[..., bool]:
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, IdentityDialog)
        dialog.side.setCurrentIndex(list(Side).index(side))
        dialog.name.setText(name)
        return True
    return run


def test_who_am_i_sets_the_side_of_every_revision_and_comment(window: MainWindow) -> None:
    from minutes_app.model import Lang
    from minutes_app.tracking.revisions import all_revisions
    from tests.ui.conftest import cell_editor, commit_text

    window.run_dialog = _answer(Side.RU, "Ivan Petrov")
    window.action_set["who_am_i"].trigger()
    m = window.doc.minutes
    assert m.own_side is Side.RU
    assert window.settings.user_side == "RU" and window.settings.user_name == "Ivan Petrov"
    assert "Russian Side — Ivan Petrov" in window.windowTitle()
    assert "Russian Side — Ivan Petrov" in window.identity_label.text()
    window.confirm = lambda title, question: True
    pid = go_to_paragraph(window, 10, Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, " Привет")
    mine = [r for r in all_revisions(m) if r.paragraph_id == pid and "Привет" in r.text]
    assert mine and mine[0].side is Side.RU
    panel = window.panel
    panel.comment_text.setText("Agreed in principle.")
    panel.add_button.click()
    comment = m.paragraph(pid).comments[-1]
    assert (comment.side, comment.author) == (Side.RU, "Ivan Petrov")
    window.action_set["undo"].trigger()
    window.action_set["undo"].trigger()
    window.action_set["undo"].trigger()  # the change of Side is one undo step too
    assert window.doc.minutes.own_side is Side.KR


def test_a_new_document_asks_whose_copy_it_is(window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda *a, **k: (a[3][a[4]], True)))
    target = tmp_path / "new.minutes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    asked: list[str] = []

    def answer(dialog: QDialog) -> bool:
        asked.append(dialog.objectName())
        return _answer(Side.RU, "Anna Smirnova")(dialog)

    window.run_dialog = answer
    window.action_set["new"].trigger()
    assert asked == ["identityDialog"]
    assert window.doc.path == target and window.doc.minutes.own_side is Side.RU
    assert "Russian Side — Anna Smirnova" in window.windowTitle()
    assert window.settings.user_side == "RU"


def test_comment_threads_reply_resolve_reopen_from_the_panel(window: MainWindow,
        qtbot: QtBot) -> None:
    from minutes_app.model import Lang
    from minutes_app.store import MinutesFile

    window.settings.user_name = "Kim Minji"
    window.doc.user_name = "Kim Minji"
    pid = go_to_paragraph(window, 12, Lang.KO)
    panel = window.panel
    panel.comment_text.setText("연도를 본부에 확인 필요")
    panel.add_button.click()
    m = window.doc.minutes
    first = m.paragraph(pid).comments[-1]
    panel.comments.setCurrentRow(panel.comments.count() - 1)
    panel.comment_text.setText("Confirmed by Moscow: 2021.")
    panel.reply_button.click()
    root, replies = threads(m.paragraph(pid))[-1]
    assert root == first and [r.text for r in replies] == ["Confirmed by Moscow: 2021."]
    assert "↳" in panel.comments.item(panel.comments.count() - 1).text()
    panel.comments.setCurrentRow(panel.comments.count() - 1)
    assert panel.resolve_button.text() == "Resolve"
    panel.resolve_button.click()
    assert threads(m.paragraph(pid))[-1][0].resolved
    assert panel.resolve_button.text() == "Reopen"
    window.set_ui_language("ko")
    QApplication.processEvents()
    window.dock.raise_()
    out = SHOTS / "comment-threads-ko.png"
    assert window.grab().save(str(out), "PNG")
    window.set_ui_language("en")
    window.doc.flush()
    copy = MinutesFile.open  # the file holds replies and the resolved state
    window.close()
    f, again = copy(window.doc.path)
    f.close()
    root, replies = threads(again.paragraph(pid))[-1]
    assert root.resolved and root.author == "Kim Minji" and len(replies) == 1


def test_help_pages_in_korean_and_english_and_about(window: MainWindow) -> None:
    boxes: list[str] = []
    window.show_message_box = lambda box: boxes.append(box.text())
    window.action_set["quick_start"].trigger()
    page = window.__dict__["_help_pages"]["quick_start"]
    text = page.browser.toPlainText()
    assert "seven steps" in text and text.count("\n") > 7
    assert "Far East" in text  # the demo it walks through
    window.set_ui_language("ko")
    window.action_set["quick_start"].trigger()
    korean = page.browser.toPlainText()
    assert "일곱 단계" in korean and "seven" not in korean
    window.action_set["keyboard"].trigger()
    keys = window.__dict__["_help_pages"]["keyboard"].browser.toPlainText()
    assert "Ctrl+B" in keys and "괄호" in keys
    page.raise_()
    QApplication.processEvents()
    out = SHOTS / "help-ko.png"
    assert page.grab().save(str(out), "PNG")
    window.action_set["about"].trigger()
    assert boxes and "minutes_app 0.1.0" in boxes[0]
    window.set_ui_language("en")


def test_an_empty_start_offers_the_recent_files(qtbot: QtBot, demo_file: Path,
        tmp_path: Path) -> None:
    import shutil

    from minutes_app.ui.app import build_window
    from minutes_app.ui.dialogs.start_page import StartDialog, show_start

    other = tmp_path / "other.minutes"
    shutil.copy(demo_file, other)
    first = build_window(str(other), "en")  # a file the user worked on
    qtbot.addWidget(first)
    first.close()
    again = build_window(None, "en")  # no file: the demo is behind the start page
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.completed)
    seen: list[list[str]] = []

    def pick_first(dialog: QDialog) -> bool:
        assert isinstance(dialog, StartDialog)
        seen.append([dialog.list.item(i).toolTip() for i in range(dialog.list.count())])
        dialog.list.setCurrentRow(0)
        dialog.open_button.click()
        return True

    again.run_dialog = pick_first
    assert show_start(again) == f"open:{other}"
    assert seen and seen[0][0] == str(other)
    assert again.doc.path == other and "other.minutes" in again.windowTitle()
    again.close()
