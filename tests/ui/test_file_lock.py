"""The window holds its file for as long as it shows it: another process cannot write into it,
after the window has checked the file (before a write, and on its poll) and after writing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from minutes_app.model import Lang
from minutes_app.ui.main_window import MainWindow
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph

ROOT = Path(__file__).resolve().parents[2]


def _send(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", "send", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_another_process_cannot_write_into_the_file_the_window_holds(
        window: MainWindow, qtbot: QtBot) -> None:
    path = window.doc.path
    window.doc.file.check_unchanged()  # what the window does before every write and on a poll
    refused = _send(path)
    assert refused.returncode == 1 and "open in another" in refused.stderr, refused.stderr
    go_to_paragraph(window, 15, Lang.EN)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, " Typed")
    window.doc.flush()  # written, as the autosave does
    QApplication.processEvents()
    assert not window.doc.dirty
    # (never read here: this test runs in the window's process, and closing any descriptor
    # of the file would release the window's lock; the file's size and time tell a write)
    written = (path.stat().st_size, path.stat().st_mtime_ns)
    refused = _send(path)
    assert refused.returncode == 1 and "open in another" in refused.stderr, refused.stderr
    assert (path.stat().st_size, path.stat().st_mtime_ns) == written  # nothing of theirs
