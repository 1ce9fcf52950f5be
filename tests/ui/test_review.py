"""Review mode and the readiness panel: the final session, walked through to the end."""

from __future__ import annotations

from tests.helpers import some

from PySide6.QtWidgets import QApplication

from minutes_app.checks.readiness import reasons
from minutes_app.model import SetStatus, Status
from minutes_app.ui.review.items import open_items
from minutes_app.ui.editor.rows import RowKind
from minutes_app.ui.main_window import MainWindow
from pathlib import Path
from pytestqt.qtbot import QtBot


def test_walk_through_every_open_item_and_end_with_nothing_open(window: MainWindow) -> None:
    m = window.doc.minutes
    window.action_set["review"].trigger()
    review = window.review
    assert window.stack.currentWidget() is review and not window.dock.isVisible()
    start = len(review.items)
    assert start == len(open_items(m)) > 20
    assert "8 of 18 paragraphs agreed, 2 open brackets (bracketed paragraphs: 1)" in (
        review.progress_line.text())
    decided = 0
    while review.items:
        item = some(review.current())
        if item.kind == "revision":
            review.buttons["accept"].click()
        elif item.kind == "bracket":
            some(review.findChild(type(review.buttons["accept"]), "option_0")).click()
        elif item.kind in ("ad_ref", "status"):
            review.buttons["agree"].click()
        else:
            review.note.setText("Confirmed with the capital")
            review.buttons["dismiss"].click()
        decided += 1
        # closing a bracket leaves its paragraph proposed: one more item to mark agreed
        assert decided <= start + 2, "an item could not be decided"
    assert not open_items(m)
    assert "Nothing is open" in review.heading.text()
    assert "2 open brackets" not in review.progress_line.text()
    for _ in range(decided):  # every decision was one undo step
        window.action_set["undo"].trigger()
    assert len(open_items(m)) == start


def test_leaving_review_returns_to_the_same_paragraph(window: MainWindow) -> None:
    window.action_set["review"].trigger()
    review = window.review
    review.step(3)
    pid = some(review.current()).paragraph_id
    review.leave()
    assert window.stack.currentWidget() is window.splitter and window.dock.isVisible()
    assert window.editor_model.key(window.editor.currentIndex().row()) == (RowKind.PARAGRAPH, pid)


def test_review_mode_asked_for_again_keeps_the_panels_it_hid(window: MainWindow) -> None:
    """gui11: F11 pressed again in review mode forgot the panels, and Esc left none."""
    shown = [d for d in (window.dock, window.changes_dock, window.ready_dock) if d.isVisible()]
    assert shown
    window.action_set["review"].trigger()
    window.action_set["review"].trigger()  # F11 again: still review mode
    assert window.stack.currentWidget() is window.review and not window.dock.isVisible()
    window.review.leave()
    assert [d for d in (window.dock, window.changes_dock, window.ready_dock)
            if d.isVisible()] == shown


def test_the_reopen_question_names_a_preamble_paragraph_in_words(window: MainWindow) -> None:
    """gui11: an agreed paragraph without a number was asked about as "Paragraph ·"."""
    m = window.doc.minutes
    preamble = next(p for s in m.sections if not s.numbered for p in s.paragraphs)
    asked: list[str] = []

    def confirm(_title: str, text: str) -> bool:
        asked.append(text)
        return False  # "No": nothing is reopened

    window.confirm = confirm
    assert not window._reopen(preamble.id)
    assert asked and asked[0].startswith("A preamble paragraph is agreed.") and "·" not in asked[0]
    numbered = next(p for p in m.paragraphs() if m.number(p.id) == 2)
    assert not window._reopen(numbered.id)
    assert asked[1].startswith("Paragraph 2 is agreed.")


def test_find_and_replace_opens_with_replaces_key_too(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    keys = window.action_set["find"].shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Find) in keys
    assert QKeySequence(QKeySequence.StandardKey.Replace) in keys


def test_closing_in_review_mode_remembers_the_editor_layout(
        qtbot: QtBot, window: MainWindow, demo_file: Path) -> None:
    from minutes_app.ui.app import build_window

    window.action_set["review"].trigger()
    assert not window.dock.isVisible()
    window.close()
    again = build_window(str(demo_file), "en")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.completed)
    assert again.dock.isVisible() and again.outline.isVisible()
    again.close()


def test_projector_zoom_and_high_contrast(window: MainWindow) -> None:
    window.action_set["review"].trigger()
    review = window.review
    size = review.heading.font().pointSize()
    review.set_zoom(4)
    assert review.heading.font().pointSize() == size + 4
    review.contrast.setChecked(True)
    assert "#000000" in review.styleSheet()


def test_comment_from_review_mode(window: MainWindow) -> None:
    window.action_set["review"].trigger()
    review = window.review
    pid = some(review.current()).paragraph_id
    review.note.setText("To be cleared with the Ministry")
    review.buttons["comment"].click()
    assert [c.text for c in window.doc.minutes.paragraph(pid).comments] == [
        "To be cleared with the Ministry"]


def test_readiness_panel_lists_reasons_and_offers_the_export(window: MainWindow) -> None:
    m = window.doc.minutes
    panel = window.readiness
    window.ready_dock.raise_()  # the panel computes its reasons while it is shown
    QApplication.processEvents()
    panel.refresh()
    assert panel.list.count() == len(reasons(m)) > 0
    assert not panel.export_button.isEnabled()
    item = panel.list.item(0)
    panel.list.itemClicked.emit(item)
    assert window.editor_model.key(window.editor.currentIndex().row())[1] == item.data(256)
    # settle everything as at signing, then the export is one click away
    from minutes_app.workflows.demo_history import settle

    settle(m)
    for p in m.paragraphs():
        SetStatus(p.id, Status.AGREED).apply(m)
    panel.refresh()
    QApplication.processEvents()
    assert panel.list.count() == 0 and panel.export_button.isEnabled()
    assert "Ready to sign" in panel.summary.text()


def test_glossary_dialog_edits_the_glossary_as_one_undo_step(window: MainWindow) -> None:
    from minutes_app.model import Lang
    from minutes_app.ui.dialogs.glossary import GlossaryDialog

    m = window.doc.minutes
    before = len(m.glossary)
    dialog = GlossaryDialog(m.glossary, [Lang.KO, Lang.EN], window)
    dialog.add_row({Lang.KO: "울산", Lang.EN: "Ulsan"})
    dialog.exec = lambda: 1
    window.edit_glossary(dialog)
    assert len(m.glossary) == before + 1 and {Lang.KO: "울산", Lang.EN: "Ulsan"} in m.glossary
    window.action_set["undo"].trigger()
    assert len(m.glossary) == before


def test_choosing_an_option_in_review_replaces_only_the_bracketed_words(window) -> None:  # type: ignore[no-untyped-def]
    from minutes_app.model.brackets import open_brackets

    m = window.doc.minutes
    window.action_set["review"].trigger()
    review = window.review
    while review.current().kind != "bracket":
        review.buttons["next"].click()
    item = review.current()
    p = m.paragraph(item.paragraph_id)
    lang, text = item.bracket.lang, p.text(item.bracket.lang)
    b = open_brackets(p, lang)[item.bracket_index]
    review.findChild(type(review.buttons["accept"]), "option_1").click()
    assert p.text(lang) == text[:b.start] + b.options[1].text + text[b.end:]
    assert all(x.id != b.id for x in open_brackets(p, lang))
    window.action_set["undo"].trigger()
    assert p.text(lang) == text and open_brackets(p, lang)[item.bracket_index].id == b.id
