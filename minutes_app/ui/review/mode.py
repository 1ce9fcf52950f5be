"""Entering and leaving review mode: the text alone on the screen, the panels hidden and
brought back as they were."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.ui.editor.rows import RowKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from minutes_app.ui.main_window import MainWindow

_HIDDEN = "_docks_before_review"  # the panels review mode hid, on the window


def enter_review(w: MainWindow) -> None:
    """Review mode, starting at the paragraph under the cursor."""
    if w.stack.currentWidget() is w.review:
        return  # already there: the panels it hid stay remembered, not forgotten
    index = w.editor.currentIndex()
    key = w.editor_model.key(index.row()) if index.isValid() else None
    pid = key[1] if key is not None and key[0] is RowKind.PARAGRAPH else None
    w.review.start(pid)
    hidden = [d for d in (w.dock, w.changes_dock, w.ready_dock) if d.isVisible()]
    setattr(w, _HIDDEN, hidden)
    for d in hidden:
        d.hide()  # the whole screen for the text, as on a projector
    w.outline.hide()
    w.stack.setCurrentWidget(w.review)
    w.review.setFocus()


def leave_review(w: MainWindow, pid: int) -> None:
    """Back to the editor at the paragraph review mode showed last."""
    w.stack.setCurrentWidget(w.splitter)
    w.outline.show()
    hidden: list[QDockWidget] = getattr(w, _HIDDEN, [])
    for d in hidden:
        d.show()
    if pid >= 0:
        w.go_to_paragraph(pid)
    w.editor.setFocus()
