"""No-break spaces survive the cell editor: "2020 г.", "1 000" are typed and kept as typed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPlainTextEdit

from minutes_app.model import Lang, SetText
from minutes_app.model.track import DELETE, INSERT
from minutes_app.ui.editor.cell import typed_text
from minutes_app.ui.main_window import MainWindow
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph

NBSP = "\u00a0"


def test_typed_no_break_spaces_are_stored(window: MainWindow) -> None:
    pid = go_to_paragraph(window, 15, Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, f" 1{NBSP}000{NBSP}tonnes")
    QApplication.processEvents()
    assert window.doc.minutes.paragraph(pid).text(Lang.EN).endswith(f" 1{NBSP}000{NBSP}tonnes")


def test_editing_a_text_with_no_break_spaces_changes_only_what_was_typed(
        window: MainWindow) -> None:
    m = window.doc.minutes
    pid = go_to_paragraph(window, 15, Lang.EN)
    before = f"Signed in Moscow on 18{NBSP}December 2020{NBSP}г. for 1{NBSP}000 tonnes."
    window.doc.apply(SetText(pid, Lang.EN, before), "set")
    pid = go_to_paragraph(window, 15, Lang.EN)
    editor = cell_editor(window)
    assert editor.typed() == before
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, " Agreed")
    QApplication.processEvents()
    after = m.paragraph(pid).text(Lang.EN)
    assert after == before + " Agreed"
    typed = [(s.kind, s.text) for s in m.paragraph(pid).tracks.get(Lang.EN, ())
             if s.kind in (INSERT, DELETE) and s.author is not None
             and s.author.round == m.working_round]
    assert (DELETE, NBSP) not in typed and (INSERT, " ") not in typed
    assert (INSERT, " Agreed") in typed


def test_line_breaks_read_as_the_plain_text_reads_them(qapp: QApplication) -> None:
    edit = QPlainTextEdit()
    edit.setPlainText(f"first{NBSP}line\nsecond")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.textCursor().insertText("\u2028third")  # Shift+Enter: a line separator
    assert typed_text(edit) == f"first{NBSP}line\nsecond\nthird"
    assert typed_text(edit).replace(NBSP, " ") == edit.toPlainText()
