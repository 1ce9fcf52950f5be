"""The open cell as commands see it: its selection, and reopening an agreed paragraph before
it is edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.i18n import _
from minutes_app.model import Status
from minutes_app.ui.editor.rows import RowKind

if TYPE_CHECKING:
    from minutes_app.model import Lang
    from minutes_app.ui.main_window import MainWindow


def cell_selection(w: MainWindow) -> tuple[int, Lang, int, int] | None:
    """The selection in the open cell of the current paragraph (None: nothing selected)."""
    from minutes_app.ui.editor.cell import ParagraphEditor

    index = w.editor.currentIndex()
    if not index.isValid():
        return None
    editor = w.editor.indexWidget(index)
    kind, pid = w.editor_model.key(index.row())
    lang = w.editor_model.lang_of(index.column())
    cursor = editor.textCursor() if isinstance(editor, ParagraphEditor) else None
    if (cursor is None or kind is not RowKind.PARAGRAPH or lang is None
            or not cursor.hasSelection()):
        return None
    return pid, lang, cursor.selectionStart(), cursor.selectionEnd()


def reopen_agreed(w: MainWindow, pid: int) -> bool:
    """Ask before editing an agreed paragraph; yes reopens it (its status becomes Proposed)."""
    from minutes_app.i18n.places import where_label
    from minutes_app.model import SetStatus

    where = where_label(w.doc.minutes, f"p:{pid}")  # "paragraph 3", "a preamble …"
    question = _("{where} is agreed. Editing it reopens it for negotiation (its status "
                 "becomes Proposed). Edit it?").format(where=where[:1].upper() + where[1:])
    if not w.confirm(_("Reopen an agreed paragraph?"), question):
        return False
    w.files.apply_or_show(SetStatus(pid, Status.PROPOSED), _("Reopen paragraph"))
    return True
