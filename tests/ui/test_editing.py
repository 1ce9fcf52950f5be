"""Editor wiring: typing both languages, undo through the stack, structure, autosave."""

from __future__ import annotations

from tests.helpers import some

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang
from minutes_app.store import MinutesFile
from minutes_app.ui.editor.rows import RowKind
from tests.ui.conftest import cell_editor, commit_text
from minutes_app.ui.main_window import MainWindow
from pathlib import Path
from pytestqt.qtbot import QtBot
import pytest


def go_to_paragraph(w: MainWindow, number: int, lang: Lang) -> int:
    m = w.doc.minutes
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == number)
    row = w.editor_model.row_of((RowKind.PARAGRAPH, pid))
    w.editor.go_to(row, w.editor_model.column_of(lang))
    QApplication.processEvents()
    return pid


def test_korean_is_first_for_the_korean_side(window: MainWindow) -> None:
    model = window.editor_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "No.", "Korean", "English"]


def test_typing_english_and_hangul_then_undo(window: MainWindow, qtbot: QtBot) -> None:
    m = window.doc.minutes
    pid = go_to_paragraph(window, 3, Lang.EN)
    before_en = m.paragraph(pid).text(Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Agreed")
    assert m.paragraph(pid).text(Lang.EN) == before_en + " Agreed"

    go_to_paragraph(window, 3, Lang.KO)
    before_ko = m.paragraph(pid).text(Lang.KO)
    ko_editor = cell_editor(window)
    ko_editor.moveCursor(ko_editor.textCursor().MoveOperation.End)
    commit_text(ko_editor, " 양측은")
    commit_text(ko_editor, " 합의하였다.")
    assert m.paragraph(pid).text(Lang.KO) == before_ko + " 양측은 합의하였다."

    stack = window.doc.undo_stack
    assert stack.count() == 2  # one burst per paragraph and language
    window.action_set["undo"].trigger()
    assert m.paragraph(pid).text(Lang.KO) == before_ko
    assert cell_editor(window).toPlainText() == before_ko  # the open editor follows
    window.action_set["undo"].trigger()
    assert m.paragraph(pid).text(Lang.EN) == before_en
    window.action_set["redo"].trigger()
    assert m.paragraph(pid).text(Lang.EN) == before_en + " Agreed"


def test_the_editor_widgets_own_undo_is_off(window: MainWindow) -> None:
    go_to_paragraph(window, 1, Lang.EN)
    assert not cell_editor(window).isUndoRedoEnabled()


def test_new_move_and_delete_paragraph_renumber(window: MainWindow) -> None:
    m = window.doc.minutes
    first = go_to_paragraph(window, 1, Lang.KO)
    second = next(p.id for p in m.paragraphs() if m.number(p.id) == 2)
    total = len(m.paragraphs())
    window.action_set["new_paragraph"].trigger()
    new_pid = window.editor_model.key(window.editor.currentIndex().row())[1]
    assert m.number(new_pid) == 2 and m.number(second) == 3
    assert len(m.paragraphs()) == total + 1
    assert window.editor_model.data(window.editor.currentIndex().siblingAtColumn(0)) == "2"

    window.action_set["move_up"].trigger()
    assert m.number(new_pid) == 1 and m.number(first) == 2
    window.action_set["move_down"].trigger()
    window.action_set["move_down"].trigger()
    assert m.number(new_pid) == 3 and m.number(second) == 2

    window.action_set["delete_paragraph"].trigger()
    assert len(m.paragraphs()) == total and m.number(second) == 2
    for _ in range(5):
        window.action_set["undo"].trigger()
    assert len(m.paragraphs()) == total and m.number(first) == 1 and m.number(second) == 2
    assert new_pid not in {p.id for p in m.paragraphs()}


def test_sections_move_and_undo(window: MainWindow) -> None:
    m = window.doc.minutes
    go_to_paragraph(window, 8, Lang.EN)  # health and medical care
    order = [s.id for s in m.sections]
    window.action_set["move_section_up"].trigger()
    assert [s.id for s in m.sections] != order
    assert m.number(m.sections[2].paragraphs[0].id) == 5  # health moved before the KICP section
    window.action_set["new_section"].trigger()
    assert len(m.sections) == len(order) + 1
    window.action_set["undo"].trigger()
    window.action_set["undo"].trigger()
    assert [s.id for s in m.sections] == order


def test_autosave_reaches_the_file(window: MainWindow, qtbot: QtBot, demo_file: Path) -> None:
    pid = go_to_paragraph(window, 3, Lang.KO)
    commit_text(cell_editor(window), "저장 확인 ")
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: not window.doc.dirty, timeout=3000)
    assert not window.isWindowModified()
    row = window.doc.file._conn.execute("SELECT texts FROM paragraph WHERE id = ?", (pid,))
    assert "저장 확인" in row.fetchone()[0]
    window.close()
    f, m = MinutesFile.open(demo_file)
    f.close()
    assert "저장 확인" in m.paragraph(pid).text(Lang.KO)


def test_find_and_replace_across_both_languages(window: MainWindow) -> None:
    window.action_set["find"].trigger()
    dialog = window.find_dialog
    assert dialog is not None
    dialog.needle.setText("KICP")
    hit = dialog.find_next()
    assert hit is not None
    assert window.editor.currentIndex().row() == window.editor_model.row_of(
        (RowKind.PARAGRAPH, hit.pid))
    dialog.replacement.setText("산업단지")
    count = dialog.replace_everywhere()
    m = window.doc.minutes
    assert count >= 4
    assert not any("KICP" in p.text(lang) for p in m.paragraphs() for lang in m.languages
                   if p.status.value != "agreed")
    window.action_set["undo"].trigger()  # replace all is one step
    assert sum("KICP" in p.text(Lang.KO) for p in m.paragraphs()) >= 2


def test_status_voice_and_comment_from_the_panel(window: MainWindow) -> None:
    from minutes_app.model import Side, Status

    pid = go_to_paragraph(window, 9, Lang.EN)
    panel = window.panel
    panel.status.setCurrentIndex(3)  # agreed, as the user picks it
    panel.status.activated.emit(3)
    assert window.doc.minutes.paragraph(pid).status is Status.AGREED
    panel.voice.setCurrentIndex(2)
    panel.voice.activated.emit(2)
    assert window.doc.minutes.paragraph(pid).voice is Side.RU
    panel.comment_text.setText("연도 확인 필요")
    panel.add_button.click()
    comments = window.doc.minutes.paragraph(pid).comments
    assert [(c.side, c.text) for c in comments] == [(Side.KR, "연도 확인 필요")]
    assert panel.comments.count() == 1
    for _ in range(3):
        window.action_set["undo"].trigger()
    p = window.doc.minutes.paragraph(pid)
    assert p.status is Status.DRAFT and p.voice is Side.KR and not p.comments


def test_status_bar_counts_follow_the_document(window: MainWindow, qtbot: QtBot) -> None:
    assert "Agreed: 8 paragraphs" in window.count_label.text()
    go_to_paragraph(window, 9, Lang.EN)
    window.panel.status.setCurrentIndex(3)
    window.panel.status.activated.emit(3)
    qtbot.waitUntil(lambda: "Agreed: 9 paragraphs" in window.count_label.text(), timeout=2000)


def test_zoom_changes_the_editor_font(window: MainWindow) -> None:
    size = window.editor.font().pointSizeF()
    window.action_set["zoom_in"].trigger()
    assert window.editor.font().pointSizeF() == size + 1
    window.action_set["zoom_reset"].trigger()
    assert window.editor.font().pointSizeF() == size


def test_outline_drag_and_drop_moves_paragraphs_and_sections(
        window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView

    m, model = window.doc.minutes, window.outline_model
    move = Qt.DropAction.MoveAction
    assert window.outline.dragDropMode() is QAbstractItemView.DragDropMode.InternalMove
    p1 = next(p.id for p in m.paragraphs() if m.number(p.id) == 1)
    review = m.section_of(p1)
    dragged = model.mimeData([model.index_of_paragraph(p1)])

    # between the third and the fourth paragraph of its own section
    assert model.dropMimeData(dragged, move, 3, 0, model.index_of_section(review.id))
    qtbot.waitUntil(lambda: m.number(p1) == 3)
    # onto another section's heading: to its end; onto a paragraph: before it
    kicp = m.sections[2]
    assert model.dropMimeData(dragged, move, -1, 0, model.index_of_section(kicp.id))
    qtbot.waitUntil(lambda: m.section_of(p1) is kicp)
    assert kicp.paragraphs[-1].id == p1
    target = kicp.paragraphs[0].id
    assert model.dropMimeData(dragged, move, -1, 0, model.index_of_paragraph(target))
    qtbot.waitUntil(lambda: kicp.paragraphs[0].id == p1)
    assert [p.id for p in kicp.paragraphs][1] == target
    # a paragraph has no place between sections
    assert not model.canDropMimeData(dragged, move, 1, 0, QModelIndex())

    # a section, dragged between two others
    order = [s.id for s in m.sections]
    health = m.sections[3].id
    moved = model.mimeData([model.index_of_section(health)])
    assert model.dropMimeData(moved, move, 1, 0, QModelIndex())
    qtbot.waitUntil(lambda: m.sections[1].id == health)
    assert window.editor_model.key(window.editor.currentIndex().row()) == (RowKind.SECTION, health)

    for _ in range(4):  # every drop is one undo step
        window.action_set["undo"].trigger()
    assert [s.id for s in m.sections] == order and m.number(p1) == 1


def test_context_menus_hold_the_window_commands(window: MainWindow) -> None:
    from minutes_app.ui.editor import context_menus

    go_to_paragraph(window, 3, Lang.KO)
    editor = cell_editor(window)
    menu = some(window.editor.cell_menu)(editor)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    # the document's undo, not the widget's (whose own undo is off)
    assert names[:2] == ["action_undo", "action_redo"] and "edit-undo" not in names
    assert {"edit-copy", "edit-paste", "action_bracket", "action_new_paragraph"} <= set(names)
    assert not menu.actions()[0].isEnabled()  # nothing to undo yet
    commit_text(editor, "확인 ")
    assert some(window.editor.cell_menu)(editor).actions()[0].isEnabled()

    m = window.doc.minutes
    eighth = next(p.id for p in m.paragraphs() if m.number(p.id) == 8)
    index = window.outline_model.index_of_paragraph(eighth)
    window.outline.scrollTo(index)
    at = window.outline.visualRect(index).center()
    row_menu = context_menus.row_menu_at(window, window.outline, at)
    assert window.editor_model.key(window.editor.currentIndex().row()) == (RowKind.PARAGRAPH,
                                                                           eighth)
    assert row_menu is not None
    assert [a.objectName() for a in row_menu.actions() if not a.isSeparator()] == [
        f"action_{n}" for n in context_menus.ROW if n is not None]
    assert context_menus.row_menu_at(window, window.outline, window.outline.rect().bottomRight()
                                     ) is None  # below the last item: no row_menu


def test_deleting_the_section_under_the_cursor_and_undoing_it(
        window: MainWindow, qtbot: QtBot) -> None:
    # The editor's current row changes while the editor follows the removal, before the
    # outline has: selecting in the outline then (not after) crashed the process.
    m = window.doc.minutes
    for number in (9, 13, 1, 15):
        pid = go_to_paragraph(window, number, Lang.EN)
        section = m.section_of(pid).id
        count = len(m.sections)
        window.action_set["delete_section"].trigger()
        QApplication.processEvents()
        assert len(m.sections) == count - 1
        current = window.outline.currentIndex()
        assert current.isValid() and window.outline_model.rowCount(current.parent()) > current.row()
        window.action_set["undo"].trigger()
        QApplication.processEvents()
        assert m.section_of(pid).id == section


def test_replacing_tracks_the_change_and_keeps_agreed_text(window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_app.model import Side
    from minutes_app.model.brackets import status_of
    from minutes_app.model.track import INSERT
    from minutes_app.model.types import Status

    m = window.doc.minutes
    agreed = {p.id for p in m.paragraphs() if status_of(p) in (Status.AGREED,
                                                                Status.AGREED_AD_REF)}
    tracked = [p for p in m.paragraphs() if p.id not in agreed and "Sides" in p.text(Lang.EN)
               and p.tracks]
    assert tracked and any("Sides" in m.paragraph(pid).text(Lang.EN) for pid in agreed)
    window.action_set["find"].trigger()
    dialog = window.find_dialog
    assert dialog is not None
    dialog.needle.setText("Sides")
    dialog.replacement.setText("Parties")
    assert dialog.replace_everywhere() > 0  # refused before: the texts have pending revisions
    assert "left as agreed" in dialog.message.text()
    assert all("Sides" in m.paragraph(pid).text(Lang.EN) for pid in agreed
               if "Sides" in m.paragraph(pid).text(Lang.EN))  # agreed text is untouched
    p = tracked[0]
    assert "Sides" not in p.text(Lang.EN)
    assert any(s.kind == INSERT and s.text.strip() == "Parties" and s.author
               and s.author.side is Side.KR
               for s in p.tracks[Lang.EN])  # a revision by our Side, not a silent edit
    window.action_set["undo"].trigger()
    assert "Sides" in p.text(Lang.EN)

    # one at a time: agreed text changes only if the user reopens the paragraph
    asked: list[str] = []
    def _record(title: str, question: str) -> bool:
        asked.append(question)
        return False

    window.confirm = _record
    for _ in range(30):
        dialog.find_next()
        dialog.replace_one()
    assert asked and all("Sides" in m.paragraph(pid).text(Lang.EN) for pid in agreed
                         if "Sides" in m.paragraph(pid).text(Lang.EN))
