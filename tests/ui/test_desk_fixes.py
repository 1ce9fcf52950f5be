"""What tripped a new desk officer (issue 17): each case failed before its fix."""

from __future__ import annotations

from minutes_app.ui.commands.negotiation import BracketDialog

from pathlib import Path

from PySide6.QtWidgets import QDialog

from minutes_app.ui.editor.cell import ParagraphEditor

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minutes_app.checks.readiness import reasons
from minutes_app.model import Lang, SetStatus, Side, Status
from minutes_app.model.brackets import open_brackets
from minutes_app.ui.editor.rows import RowKind
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph
from minutes_app.ui.main_window import MainWindow
from pytestqt.qtbot import QtBot


def test_review_mode_offers_draft_paragraphs_and_never_says_ready_while_reasons_stand(
        window: MainWindow) -> None:
    m = window.doc.minutes
    draft = next(p for p in m.paragraphs() if p.status in (Status.DRAFT, Status.PROPOSED)
                 and not p.tracks and not p.mark)
    window.action_set["review"].trigger()
    review = window.review
    kinds = {(it.kind, it.paragraph_id) for it in review.items}
    assert ("status", draft.id) in kinds
    review.index = next(i for i, it in enumerate(review.items)
                        if (it.kind, it.paragraph_id) == ("status", draft.id))
    review.show_item()
    assert review.buttons["agree"].isEnabled()
    review.buttons["agree"].click()
    assert m.paragraph(draft.id).status is Status.AGREED
    review.items = []  # nothing left to walk, yet the readiness reasons stand
    review.show_item()
    assert reasons(m)
    assert "ready to sign" not in review.heading.text()
    assert "Ready to sign?" in review.heading.text()


def _select(editor: ParagraphEditor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


class _Accepting:
    """Runs a bracket dialog as a user would: changes its fields, then presses OK."""

    def __init__(self, words: str | None = None, alternative: str = "cooperation") -> None:
        self.words, self.alternative = words, alternative
        self.shown: list[str] = []

    def __call__(self, dialog: QDialog) -> bool:
        assert isinstance(dialog, BracketDialog)
        self.shown.append(dialog.words.text())
        if self.words is not None:
            dialog.words.setText(self.words)
        dialog.alternative.setText(self.alternative)
        return True


def test_the_bracket_dialog_never_deletes_text(window: MainWindow) -> None:
    m = window.doc.minutes
    pid = go_to_paragraph(window, 3, Lang.EN)
    if m.paragraph(pid).status is not Status.DRAFT:
        window.doc.apply(SetStatus(pid, Status.PROPOSED), "status")
    go_to_paragraph(window, 3, Lang.EN)
    text = m.paragraph(pid).text(Lang.EN)
    editor = cell_editor(window)
    run = _Accepting()
    window.run_dialog = run
    editor.moveCursor(editor.textCursor().MoveOperation.End)  # no selection
    window.action_set["bracket"].trigger()
    assert run.shown == [] and m.paragraph(pid).text(Lang.EN) == text
    window.editor.setCurrentIndex(window.editor_model.index(-1, -1))  # no cell open
    window.action_set["bracket"].trigger()
    assert run.shown == [] and m.paragraph(pid).text(Lang.EN) == text

    go_to_paragraph(window, 3, Lang.EN)
    editor = cell_editor(window)
    words = text.split()
    first_two = " ".join(words[:2])
    _select(editor, 0, len(text))  # the whole paragraph, narrowed to its first word
    run = _Accepting(words=words[0])
    window.run_dialog = run
    window.action_set["bracket"].trigger()
    assert run.shown == [text]
    after = m.paragraph(pid).text(Lang.EN)
    assert after == text  # narrowed to the first word, the text as it was
    [b] = open_brackets(m.paragraph(pid), Lang.EN)
    assert (b.start, b.end) == (0, len(words[0]))
    assert len(open_brackets(m.paragraph(pid), Lang.EN)) == 1
    assert first_two  # the rest of the sentence is still there
    errors: list[str] = []
    window.show_error = lambda message, title="": errors.append(message)
    go_to_paragraph(window, 3, Lang.EN)
    editor = cell_editor(window)
    _select(editor, len(after) - 5, len(after))
    window.run_dialog = _Accepting(words="something else entirely")
    window.action_set["bracket"].trigger()
    assert errors and m.paragraph(pid).text(Lang.EN) == after


def _heading_row(window: MainWindow) -> int:
    model = window.editor_model
    return next(r for r in range(1, model.rowCount())
                if model.key(r)[0] is RowKind.SECTION and not model.is_title_row(r))


def test_tab_skips_section_headings(window: MainWindow, qtbot: QtBot) -> None:
    model = window.editor_model
    heading = _heading_row(window)
    last = model.columnCount() - 1
    window.editor.go_to(heading - 1, last)
    QApplication.processEvents()
    heading_text = model.minutes.section(model.key(heading)[1]).heading[Lang.EN]
    qtbot.keyClick(cell_editor(window), Qt.Key.Key_Tab)
    assert window.editor.currentIndex().row() == heading + 1
    window.confirm = lambda title, question: True  # reopen the agreed paragraph
    pid = model.key(heading + 1)[1]
    before = model.minutes.paragraph(pid).text(Lang.KO)
    commit_text(cell_editor(window), "양측은 ")
    assert model.minutes.section(model.key(heading)[1]).heading[Lang.EN] == heading_text
    assert model.minutes.paragraph(pid).text(Lang.KO) != before
    qtbot.keyClick(cell_editor(window), Qt.Key.Key_Backtab)
    assert window.editor.currentIndex().row() == heading - 1


def test_undo_in_a_heading_undoes_the_typing_burst(window: MainWindow, qtbot: QtBot) -> None:
    model = window.editor_model
    heading = _heading_row(window)
    sid = model.key(heading)[1]
    before = model.minutes.section(sid).heading[Lang.EN]
    window.editor.go_to(heading, model.column_of(Lang.EN))
    QApplication.processEvents()
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " and Trade")
    assert model.minutes.section(sid).heading[Lang.EN] == before + " and Trade"
    window.action_set["undo"].trigger()
    assert model.minutes.section(sid).heading[Lang.EN] == before


def test_meeting_dates_show_in_the_users_locale_format(window: MainWindow) -> None:
    from minutes_app.ui.labels import column_languages
    from minutes_app.ui.locale_dates import short_date
    from minutes_app.ui.dialogs.meeting import MeetingDialog

    m = window.doc.minutes
    dialog = MeetingDialog(m.meeting, column_languages(m), window)
    start = m.meeting.start
    shown = dialog.start.text()
    assert shown == short_date(start.isoformat())
    assert shown != f"{start.day} {start.month} {start.year}"  # Qt's bare default
    assert str(start.year) in shown and ("/" in shown or "." in shown)
    assert dialog.meeting().start == start  # and it still reads back
    dialog.deleteLater()


def test_ready_to_sign_reasons_wrap_in_a_narrow_panel(window: MainWindow, qtbot: QtBot) -> None:
    window.ready_dock.show()
    window.ready_dock.raise_()
    panel = window.readiness
    qtbot.waitUntil(lambda: panel.list.count() > 0)
    window.resizeDocks([window.ready_dock], [260], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    view = panel.list
    longest = max(range(view.count()), key=lambda i: len(view.item(i).text()))
    index = view.indexFromItem(view.item(longest))
    view.scrollTo(index)
    QApplication.processEvents()
    rect = view.visualRect(index)
    assert rect.width() <= view.viewport().width()
    assert rect.height() >= 2 * view.fontMetrics().height()  # wrapped onto several lines
    assert view.horizontalScrollBar().maximum() == 0


def test_closed_panels_reopen_from_the_view_menu_and_are_remembered(
        qtbot: QtBot, window: MainWindow, demo_file: Path) -> None:
    from PySide6.QtGui import QAction

    from minutes_app.ui.app import build_window

    view_menu = window.menus["view"]
    toggles = {a.objectName(): a for a in view_menu.actions() if isinstance(a, QAction)}
    changes = toggles["action_changesDock"]
    assert toggles["action_paragraphDock"].text() == window.dock.windowTitle()
    window.changes_dock.close()
    assert not changes.isChecked()
    window.close()
    again = build_window(str(demo_file), "en")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.completed)
    assert not again.changes_dock.isVisible()  # closed stays closed
    toggle = next(a for a in again.menus["view"].actions()
                  if a.objectName() == "action_changesDock")
    toggle.trigger()
    assert again.changes_dock.isVisible()
    again.close()
    third = build_window(str(demo_file), "en")
    qtbot.addWidget(third)
    third.show()
    qtbot.waitUntil(lambda: third.completed)
    assert not third.changes_dock.isHidden()  # reopened stays open (tabbed with the others)
    third.close()


def test_the_find_dialog_never_covers_its_match(window: MainWindow, qtbot: QtBot) -> None:
    window.show_find()
    dialog = window.find_dialog
    assert dialog is not None
    dialog.needle.setText("Arctic")
    qtbot.waitExposed(dialog)
    hit = dialog.find_next()
    assert hit is not None
    cell = window.cell_rect()
    dialog.move(cell.topLeft())  # right over the match, as a window manager may put it
    QApplication.processEvents()
    assert dialog.frameGeometry().intersects(cell)
    dialog.found.emit(hit)  # the match shown again: the dialog steps aside
    assert not dialog.frameGeometry().intersects(window.cell_rect())


def test_new_and_open_dialogs_start_in_the_users_documents_not_the_data_folder(
        qtbot: QtBot, demo_file: Path) -> None:
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    from minutes_app.resources import data_dir
    from minutes_app.ui.app import build_window

    demo = build_window(None, "en")  # the demo lives in the data folder
    qtbot.addWidget(demo)
    assert demo.doc.path.resolve().is_relative_to(data_dir().resolve())
    folder = demo.files.dialog_folder()
    assert not Path(folder).resolve().is_relative_to(data_dir().resolve())
    assert folder == QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    assert demo.files.open_path(str(demo_file))  # a file the user chose: its own folder
    assert demo.files.dialog_folder() == str(demo_file.parent)
    demo.close()


def test_the_bracket_dialog_refuses_an_empty_option_before_closing(window: MainWindow) -> None:
    dialog = BracketDialog("joint projects", Side.KR, window)
    dialog.show()
    dialog.accept()  # OK with no alternative: the dialog stays, and says why
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible() and "empty" in dialog.problem.text()
    assert dialog.words.text() == "joint projects"  # nothing typed is lost
    dialog.alternative.setText("common projects")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
