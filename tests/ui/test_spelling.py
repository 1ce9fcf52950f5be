"""Spell checking: Korean, British English and Russian; underlines, corrections, exceptions."""

from __future__ import annotations

from tests.helpers import some

from minutes_app.ui.editor.cell import ParagraphEditor

import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from minutes_app.checks.spelling import known_words, misspellings
from minutes_app.model import Lang
from minutes_app.store import MinutesFile
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph
from minutes_app.ui.main_window import MainWindow
from minutes_app.model import Minutes
from pytestqt.qtbot import QtBot

# screenshots to look at; MINUTES_SHOTS=docs refreshes the ones in docs/ (tests never write there)
SHOTS = Path(os.environ.get("MINUTES_SHOTS") or tempfile.gettempdir())


def test_dictionaries_of_the_three_languages_are_there() -> None:
    assert [m.word for m in misspellings("The two Sides agreed on cooperaton.", Lang.EN)] == [
        "cooperaton"]
    assert not misspellings("The organisation of the programme was recognised.", Lang.EN)
    assert [m.word for m in misspellings("양측은 협렵을 확대하기로 하였다.", Lang.KO)] == ["협렵을"]
    assert [m.word for m in misspellings("Стороны договорились о сотрудничиство.", Lang.RU)] \
        == ["сотрудничиство"]


def test_glossary_terms_and_names_are_never_flagged(demo_minutes: Minutes) -> None:
    m = demo_minutes
    known = known_words(m)
    head = m.meeting.heads[next(iter(m.meeting.heads))].name[Lang.EN]
    text = f"The delegation was headed by {head}."
    assert misspellings(text, Lang.EN) and not misspellings(text, Lang.EN, known)
    term = next(entry[Lang.EN] for entry in m.glossary if Lang.EN in entry)
    assert not misspellings(f"The {term} met.", Lang.EN, known)


def _underlined(editor: ParagraphEditor) -> list[str]:
    block = editor.document().firstBlock()
    text = block.text()
    return [text[r.start:r.start + r.length] for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline]


def test_underlines_corrections_and_a_document_exception(window: MainWindow, qtbot: QtBot) -> None:
    window.set_spell_check(True)  # an earlier test (a random walk) may have left it off
    window.spell.wait_loaded()
    window.confirm = lambda title, question: True
    m = window.doc.minutes
    pid = go_to_paragraph(window, 10, Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " and cooperaton")
    assert "cooperaton" in _underlined(editor)
    end = editor.textCursor().position()
    cursor = editor.textCursor()
    cursor.setPosition(end - 3)
    editor.menu_pos = editor.cursorRect(cursor).center()
    menu = some(window.editor.cell_menu)(editor)
    suggestions = [a for a in menu.actions() if a.objectName() == "spell_suggestion"]
    assert suggestions and suggestions[0].text() == "cooperation"
    suggestions[0].trigger()
    assert m.paragraph(pid).text(Lang.EN).endswith("and cooperation")
    assert "cooperation" not in _underlined(cell_editor(window))

    go_to_paragraph(window, 10, Lang.KO)
    ko = cell_editor(window)
    ko.moveCursor(ko.textCursor().MoveOperation.End)
    commit_text(ko, " 블라디보스톡항을")
    assert "블라디보스톡항을" in _underlined(ko)
    cursor = ko.textCursor()
    cursor.setPosition(cursor.position() - 2)
    ko.menu_pos = ko.cursorRect(cursor).center()
    menu = some(window.editor.cell_menu)(ko)
    ignore = next(a for a in menu.actions() if a.objectName() == "spell_ignore")
    ignore.trigger()
    assert "블라디보스톡항을" in m.spelling_ignore
    QApplication.processEvents()
    window.set_spell_check(True)  # rehighlight: the exception holds
    assert "블라디보스톡항을" not in _underlined(cell_editor(window))
    window.doc.flush()
    window.set_ui_language("ko")
    window.resize(1400, 900)
    QApplication.processEvents()
    assert window.grab().save(str(SHOTS / "spelling-ko.png"), "PNG")
    window.set_ui_language("en")
    path = window.doc.path
    window.close()
    f, again = MinutesFile.open(path)
    f.close()
    assert "블라디보스톡항을" in again.spelling_ignore  # kept in the file


def test_switching_spell_checking_off_removes_the_underlines(window: MainWindow,
        qtbot: QtBot) -> None:
    window.set_spell_check(True)  # an earlier test (a random walk) may have left it off
    window.spell.wait_loaded()
    window.confirm = lambda title, question: True
    go_to_paragraph(window, 10, Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " wrnog")
    assert _underlined(editor)
    window.action_set["spell_check"].trigger()
    assert not window.settings.spell_check and not _underlined(cell_editor(window))
    window.action_set["spell_check"].trigger()
    assert window.settings.spell_check and _underlined(cell_editor(window))
