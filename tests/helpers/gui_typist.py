"""Types into the editor of a real window, then keeps running until killed.

Usage: python -m tests.helpers.gui_typist FILE TEXT. Prints ``typed <pid>`` once the text is in
the editor; autosave alone must bring it to the file.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang
from minutes_app.ui.app import build_window
from minutes_app.ui.editor.cell import ParagraphEditor
from minutes_app.ui.editor.rows import RowKind


def main() -> None:
    window = build_window(sys.argv[1], "en")
    window.show()
    while not window.completed:  # as a user would: the window has finished starting
        QApplication.processEvents()
    m = window.doc.minutes
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 3)  # proposed, not agreed
    window.editor.go_to(window.editor_model.row_of((RowKind.PARAGRAPH, pid)),
                        window.editor_model.column_of(Lang.KO))
    QApplication.processEvents()
    editor = next(e for e in window.editor.findChildren(ParagraphEditor) if e.isVisible())
    event = QInputMethodEvent()
    event.setCommitString(sys.argv[2])
    QApplication.sendEvent(editor, event)
    print(f"typed {pid}", flush=True)
    app = QApplication.instance()
    assert app is not None
    app.exec()


if __name__ == "__main__":
    main()
