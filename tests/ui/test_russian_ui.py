"""The editor with three languages: Russian columns, typing Cyrillic, View > columns,
find/replace, brackets, comments and review mode in the Russian column, languages changed."""

from __future__ import annotations

from minutes_app.model import Minutes

from PySide6.QtWidgets import QWidget

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang, Side, Status
from minutes_app.model.languages import AddLanguage, RemoveLanguage
from minutes_app.model.track import INSERT
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.editor.rows import RowKind
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph
from minutes_app.ui.main_window import MainWindow

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU
SHOTS = Path("/tmp/minutes-app-shots")


@pytest.fixture
def demo_minutes() -> Minutes:
    """The demo in Korean, Russian and English (overrides the bilingual one)."""
    from minutes_app.workflows.templates import demo

    return demo(languages=[KO, RU, EN])


def headers(w: MainWindow) -> list[str]:
    model = w.editor_model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_a_column_per_language_own_language_first(window: MainWindow) -> None:
    assert headers(window) == ["No.", "Korean", "Russian", "English"]
    pid = go_to_paragraph(window, 1, RU)
    assert cell_editor(window).toPlainText().startswith("Стороны отметили")
    assert window.editor_model.key(window.editor.currentIndex().row()) == (
        RowKind.PARAGRAPH, pid)


def test_typing_cyrillic_is_a_tracked_korean_revision_and_undoes(window: MainWindow) -> None:
    m = window.doc.minutes
    pid = go_to_paragraph(window, 15, RU)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, " Стороны согласовали повестку дня.")
    assert m.paragraph(pid).text(RU).endswith("каналам. Стороны согласовали повестку дня.")
    added = [(s.text, s.author.side, s.author.round) for s in m.paragraph(pid).tracks[RU]
             if s.kind == INSERT and s.author]
    assert added == [(" Стороны согласовали повестку дня.", Side.KR, 3)]
    assert any(r.lang is RU and r.side is Side.KR for r in all_revisions(m))
    window.action_set["undo"].trigger()
    assert RU not in m.paragraph(pid).tracks


def test_view_menu_hides_a_column_remembers_it_and_keeps_one(window: MainWindow) -> None:
    toggles = window.columns
    en_column = window.editor_model.column_of(EN)
    assert toggles is not None
    assert [a.isVisible() for a in toggles.actions.values()] == [True, True, True]
    toggles.actions[EN].setChecked(False)  # the user unticks English
    assert window.editor.isColumnHidden(en_column)
    assert window.settings.hidden_languages == ["en"]
    from minutes_app.ui.settings import AppSettings

    assert AppSettings.load().hidden_languages == ["en"]  # remembered
    go_to_paragraph(window, 2, KO)
    window.editor.navigate("next")
    assert window.editor_model.lang_of(window.editor.currentIndex().column()) is RU
    window.editor.navigate("next")  # past the hidden English: the next row's Korean
    assert window.editor_model.lang_of(window.editor.currentIndex().column()) is KO
    toggles.actions[RU].setChecked(False)
    assert not toggles.actions[KO].isEnabled()  # the last column cannot be hidden
    toggles.actions[EN].setChecked(True)
    toggles.actions[RU].setChecked(True)
    assert not any(window.editor.isColumnHidden(c) for c in (1, 2, 3))
    assert window.settings.hidden_languages == []


def test_find_and_replace_in_the_russian_column(window: MainWindow) -> None:
    m = window.doc.minutes
    assert window.columns is not None
    window.columns.actions[RU].setChecked(False)
    window.action_set["find"].trigger()
    dialog = window.find_dialog
    assert dialog is not None
    dialog.needle.setText("Транссибирской")
    assert not dialog.lang_boxes[RU].isChecked()  # a hidden column is not searched...
    assert dialog.find_next() is None
    dialog.lang_boxes[RU].setChecked(True)  # ...unless the user ticks it
    hit = dialog.find_next()
    assert hit is not None and hit.lang is RU
    assert not window.editor.isColumnHidden(window.editor_model.column_of(RU))  # shown again
    assert window.editor_model.lang_of(window.editor.currentIndex().column()) is RU
    dialog.replacement.setText("Транскорейской")
    assert dialog.replace_everywhere() == 1
    pid = hit.pid
    assert "Транскорейской" in m.paragraph(pid).text(RU)
    window.action_set["undo"].trigger()
    assert "Транскорейской" not in m.paragraph(pid).text(RU)


def test_bracketing_russian_words_and_choosing_an_option(window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_app.model.brackets import open_brackets
    from minutes_app.ui.commands import negotiation

    m = window.doc.minutes
    pid = go_to_paragraph(window, 15, RU)
    editor = cell_editor(window)
    text = m.paragraph(pid).text(RU)
    start = text.index("в 2021 г.")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("в 2021 г."), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)

    class Answer(negotiation.BracketDialog):
        def exec(self) -> int:  # the user types the alternative through the input method
            commit_text(self.alternative, "в первом полугодии 2021 г.")
            return 1

    monkeypatch.setattr(negotiation, "BracketDialog", Answer)
    window.action_set["bracket"].trigger()
    assert m.paragraph(pid).text(RU) == text  # the delimiters are drawn, never stored
    [b] = open_brackets(m.paragraph(pid), RU)
    assert text[b.start:b.end] == "в 2021 г."
    assert m.paragraph(pid).status is Status.BRACKETED
    button = window.panel.findChild(type(window.panel.add_button), "choose_ru_0_1")
    assert button is not None and "первом полугодии" in button.text()
    button.click()
    assert "в первом полугодии 2021 г. в сроки" in m.paragraph(pid).text(RU)
    assert "[" not in m.paragraph(pid).text(RU) and not open_brackets(m.paragraph(pid), RU)


def test_a_comment_in_russian_from_the_russian_column(window: MainWindow) -> None:
    pid = go_to_paragraph(window, 9, RU)
    panel = window.panel
    commit_text(panel.comment_text, "Уточнить сроки введения ограничений")
    panel.add_button.click()
    comments = window.doc.minutes.paragraph(pid).comments
    assert [(c.side, c.text) for c in comments] == [
        (Side.KR, "Уточнить сроки введения ограничений")]
    assert "Уточнить сроки" in panel.comments.item(0).text()


def test_review_mode_shows_and_decides_russian_revisions(window: MainWindow) -> None:
    m = window.doc.minutes
    window.action_set["review"].trigger()
    review = window.review
    assert list(review.texts) == [KO, RU, EN]
    while (item := review.current()) is not None and not (
            item.kind == "revision" and item.revision is not None
            and item.revision.lang is RU):
        review.step(1)
    assert item is not None and item.revision is not None
    assert "(Russian)" in review.item_label.text()
    assert item.revision.text.strip() in review.item_label.text()
    before = len([r for r in all_revisions(m) if r.lang is RU])
    review.buttons["accept"].click()
    assert len([r for r in all_revisions(m) if r.lang is RU]) == before - 1
    assert "<b>Russian</b>" in review.texts[RU].text()


def test_languages_changed_through_the_meeting_dialog_in_one_undo_step(window: MainWindow) -> None:
    from minutes_app.ui.dialogs.meeting import MeetingDialog, apply_meeting

    m = window.doc.minutes
    dialog = MeetingDialog(m.meeting, [KO, RU, EN], window, m.languages)
    assert dialog.languages() == [KO, RU, EN]
    russian = dialog.language_list.item(1)
    russian.setCheckState(Qt.CheckState.Unchecked)
    asked: list[str] = []
    def _record(title: str, question: str) -> bool:
        asked.append(question)
        return True

    window.confirm = _record
    apply_meeting(window, dialog.meeting(), dialog.languages())
    assert asked and "Russian" in asked[0]
    assert m.languages == [KO, EN] and headers(window) == ["No.", "Korean", "English"]
    assert window.columns is not None
    assert not window.columns.actions[RU].isVisible()
    window.action_set["undo"].trigger()  # one step gives every Russian word back
    assert m.languages == [KO, RU, EN] and headers(window) == [
        "No.", "Korean", "Russian", "English"]
    assert any(r.lang is RU for r in all_revisions(m))
    dialog = MeetingDialog(m.meeting, [KO, RU, EN], window, m.languages)
    dialog.language_list.setCurrentRow(2)
    dialog.move_language(-1)  # English before Russian
    assert dialog.languages() == [KO, EN, RU]
    apply_meeting(window, dialog.meeting(), dialog.languages())
    assert m.languages == [KO, EN, RU] and headers(window)[1:] == ["Korean", "English", "Russian"]


def test_declining_to_remove_a_language_with_text_changes_nothing(window: MainWindow) -> None:
    from minutes_app.ui.dialogs.meeting import apply_meeting

    m = window.doc.minutes
    window.confirm = lambda title, question: False
    depth = window.doc.undo_stack.count()
    apply_meeting(window, m.meeting, [KO, EN])
    assert m.languages == [KO, RU, EN] and window.doc.undo_stack.count() == depth


def test_a_language_added_and_removed_by_operations_follows_in_every_part(
        window: MainWindow) -> None:
    window.doc.apply(RemoveLanguage(EN), "Remove English")
    assert headers(window) == ["No.", "Korean", "Russian"]
    window.action_set["review"].trigger()
    assert list(window.review.texts) == [KO, RU]
    window.review.leave()
    window.action_set["undo"].trigger()  # English comes back with its text
    assert headers(window) == ["No.", "Korean", "Russian", "English"]
    window.action_set["find"].trigger()
    assert window.find_dialog is not None
    window.find_dialog.needle.setText("Far East")
    hit = window.find_dialog.find_next()
    assert hit is not None and hit.lang is EN
    window.find_dialog.close()
    window.activateWindow()  # the dialog had the focus: the editor's cell needs the window
    QApplication.processEvents()
    window.doc.apply(RemoveLanguage(RU), "Remove Russian")
    window.doc.apply(AddLanguage(RU, 1), "Add Russian")  # a fresh, empty Russian column
    assert headers(window) == ["No.", "Korean", "Russian", "English"]
    go_to_paragraph(window, 1, RU)
    assert cell_editor(window).toPlainText() == ""


def _render(text: str, font: QFont) -> QImage:
    image = QImage(240, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(4, 36, text)
    painter.end()
    return image


def test_cyrillic_renders_in_a_latin_face_with_glyphs_not_tofu(window: MainWindow) -> None:
    from PySide6.QtGui import QTextLayout

    go_to_paragraph(window, 1, RU)
    font = cell_editor(window).font()

    def faces(text: str) -> set[str]:
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return {run.rawFont().familyName() for run in layout.glyphRuns()}

    cyrillic, hangul = faces("Стороны «Подкомитет» – 18 декабря"), faces("한국측")
    assert len(cyrillic) == 1 and "NanumGothic" not in cyrillic  # not a Korean face's « »
    assert hangul and hangul != cyrillic  # Hangul in the Russian column still has its face
    assert _render("Стороны", font) != _render("Подкомитет", font)


def test_screenshot_of_the_three_column_editor(window: MainWindow) -> None:
    go_to_paragraph(window, 1, RU)
    QApplication.processEvents()
    image = window.grab().toImage()
    SHOTS.mkdir(exist_ok=True)
    image.save(str(SHOTS / "three-columns.png"))
    origin = window.editor.mapTo(window, window.editor.rect().topLeft())
    for column in (1, 2, 3):
        x = origin.x() + window.editor.columnViewportPosition(column) + 10
        region = image.copy(x, origin.y() + 60, window.editor.columnWidth(column) - 20, 300)
        dark = sum(1 for i in range(0, region.width(), 2) for j in range(0, region.height(), 2)
                   if QColor(region.pixel(i, j)).lightness() < 100)
        assert dark > 50, f"column {column} looks empty"


def test_changes_panel_filters_russian_revisions_and_decides_them(window: MainWindow) -> None:
    panel = window.changes
    m = window.doc.minutes
    labels = [panel.lang.itemText(i) for i in range(panel.lang.count())]
    assert labels == ["All", "Korean", "Russian", "English"]
    panel.lang.setCurrentIndex(panel.lang.findData(RU))
    panel.refresh()
    russian = [r for r in all_revisions(m) if r.lang is RU]
    assert panel.model.rowCount() == len(russian) > 0
    assert all(r.lang is RU for r in panel.model.revisions)
    panel.decide_shown(True)  # every Russian-text revision, one undo step
    assert not [r for r in all_revisions(m) if r.lang is RU]
    assert [r for r in all_revisions(m) if r.lang is EN]  # the other texts keep theirs
    window.action_set["undo"].trigger()
    assert len([r for r in all_revisions(m) if r.lang is RU]) == len(russian)


def test_readiness_panel_names_a_missing_russian_text(window: MainWindow) -> None:
    from minutes_app.checks.readiness import reasons

    m = window.doc.minutes
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 13)  # agreed, no revision
    from minutes_app.model import SetText

    window.doc.apply(SetText(pid, RU, ""), "Clear")
    missing = [r for r in reasons(m) if r.code == "missing"]
    assert [(r.paragraph_id, "Russian" in r.message) for r in missing] == [(pid, True)]
    window.ready_dock.show()
    window.ready_dock.raise_()
    window.readiness.refresh()
    texts = [window.readiness.list.item(i).text()
             for i in range(window.readiness.list.count())]
    assert any("13" in t and "Russian" in t for t in texts)  # the language by its name


def test_new_minutes_from_a_template_in_korean_russian_and_english(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from minutes_app.workflows.templates import template_description

    # the template is offered by its description, in the interface language
    answers = iter([template_description("cooperation-fields", "en"),
                    "Korean · Russian · English"])

    def pick(parent: QWidget, title: str, label: str, items: list[str], current: int,
             editable: bool) -> tuple[str, bool]:
        wanted = next(answers)
        return next(i for i in items if i.startswith(wanted)), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    path = tmp_path / "new.minutes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.run_dialog = lambda dialog: True  # whose copy: the Side remembered (Korean)
    window.files.new_from_template()
    assert window.doc.minutes.languages == [KO, RU, EN]
    assert headers(window) == ["No.", "Korean", "Russian", "English"]
    assert any(s.heading.get(RU) == "Здравоохранение и медицина"
               for s in window.doc.minutes.sections)
