"""Every decision the window offers is the CLI's workflow: the Changes panel, review mode and
the paragraph panel run ``workflows.edits`` through the window's runner, one undo step each,
with their reports and refusals in the message bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton

from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.brackets import open_brackets
from minutes_app.model.serialize import Json, minutes_in, minutes_out
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.labels import side_label
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.review.items import ReviewItem
from minutes_app.workflows import Step
from minutes_app.workflows.edits import decide
from tests.helpers import some


def _cli_result(before: Json, make: Callable[[Minutes], Step]) -> Json:
    """The document ``before`` after the CLI's step (``make`` builds it from a Minutes)."""
    m = minutes_in(before)
    make(m).apply(m)
    return minutes_out(m)


def test_changes_panel_decides_through_the_workflow(window: MainWindow) -> None:
    doc, panel = window.doc, window.changes
    panel.refresh()
    r = panel.model.revisions[0]
    panel.view.setCurrentIndex(panel.model.index(panel.model.revisions.index(r), 0))
    before, count = minutes_out(doc.minutes), doc.undo_stack.count()
    panel.decide_current(True)
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.undoText() == "Accept revisions"
    assert window.message_bar.label.text() == "Accepted 1 revision(s)."
    assert minutes_out(doc.minutes) == _cli_result(
        before, lambda m: decide(m, True, ids=[r.id]))
    doc.undo_stack.undo()
    assert minutes_out(doc.minutes) == before


def test_changes_panel_rejects_all_shown_as_one_step(window: MainWindow) -> None:
    doc, panel = window.doc, window.changes
    panel.refresh()
    panel.side.setCurrentIndex(panel.side.findText(side_label(Side.RU)))
    panel.refresh()
    shown = [r.id for r in panel.shown()]
    assert shown and len(shown) < len(all_revisions(doc.minutes))
    before, count = minutes_out(doc.minutes), doc.undo_stack.count()
    panel.decide_shown(False)
    assert doc.undo_stack.count() == count + 1
    assert not {r.id for r in all_revisions(doc.minutes)} & set(shown)
    assert minutes_out(doc.minutes) == _cli_result(
        before, lambda m: decide(m, False, ids=shown))
    assert window.message_bar.label.text() == f"Rejected {len(shown)} revision(s)."
    doc.undo_stack.undo()
    assert minutes_out(doc.minutes) == before


def test_a_refused_decision_reaches_the_message_bar(window: MainWindow) -> None:
    panel = window.changes
    panel.refresh()
    r = panel.model.revisions[0]
    panel._apply([r], True)
    count = window.doc.undo_stack.count()
    panel._apply([r], True)  # decided already: its id is gone
    assert window.doc.undo_stack.count() == count
    assert window.message_bar.error
    assert f"No pending revision with id {r.id}" in window.message_bar.label.text()


def _review_at(window: MainWindow, kind: str) -> ReviewItem:
    window.action_set["review"].trigger()
    review = window.review
    review.index = next(i for i, it in enumerate(review.items) if it.kind == kind)
    review.show_item()
    return some(review.current())


def test_review_decides_a_revision_through_the_workflow(window: MainWindow) -> None:
    doc = window.doc
    item = _review_at(window, "revision")
    rid = some(item.revision).id
    before = minutes_out(doc.minutes)
    window.review.buttons["reject"].click()
    assert doc.undo_stack.undoText() == "Reject revisions"
    assert window.message_bar.label.text() == "Rejected 1 revision(s)."
    assert minutes_out(doc.minutes) == _cli_result(
        before, lambda m: decide(m, False, ids=[rid]))


def test_review_chooses_a_bracket_by_its_id(window: MainWindow) -> None:
    doc = window.doc
    item = _review_at(window, "bracket")
    bracket = some(item.bracket)
    count = doc.undo_stack.count()
    some(window.review.findChild(QPushButton, "option_1")).click()
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.undoText() == "Choose bracket option"
    p = doc.minutes.paragraph(item.paragraph_id)
    closed = next(b for b in p.brackets if b.id == bracket.id)
    assert closed.chosen == 1 and not closed.is_open
    doc.undo_stack.undo()
    assert bracket.id in {b.id for b in open_brackets(doc.minutes.paragraph(p.id),
                                                      bracket.lang)}


def test_review_dismisses_a_finding_through_the_workflow(window: MainWindow) -> None:
    doc = window.doc
    item = _review_at(window, "finding")
    key = some(item.finding).key
    review = window.review
    review.buttons["dismiss"].click()  # no reason: said in the bar, nothing done
    assert window.message_bar.error and key not in doc.minutes.dismissed
    assert "Give the reason" in window.message_bar.label.text()
    review.note.setText("Agreed at the table")
    review.buttons["dismiss"].click()
    assert doc.minutes.dismissed[key] == "Agreed at the table"
    assert doc.undo_stack.undoText() == "Dismiss finding"
    assert window.message_bar.label.text() == f"Dismissed {key}: Agreed at the table"
    assert review.note.text() == ""
    doc.undo_stack.undo()
    assert key not in doc.minutes.dismissed


def test_paragraph_panel_chooses_a_bracket_by_its_id(window: MainWindow) -> None:
    doc = window.doc
    p = next(p for p in doc.minutes.paragraphs() if open_brackets(p, Lang.EN))
    bracket = open_brackets(p, Lang.EN)[0]
    window.go_to_paragraph(p.id)
    panel = window.panel
    panel.show_paragraph(p.id)
    count = doc.undo_stack.count()
    some(panel.findChild(QPushButton, "choose_en_0_1")).click()
    assert doc.undo_stack.count() == count + 1
    assert doc.undo_stack.undoText() == "Choose bracket option"
    assert window.message_bar.label.text() == "Bracket closed."
    closed = next(b for b in doc.minutes.paragraph(p.id).brackets if b.id == bracket.id)
    assert closed.chosen == 1
