"""A file the editor cannot open at start (``minutes-app bad.minutes`` from a file manager)
is said in a dialog, not only on a stderr nobody sees (hostile10, item 16)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from pytestqt.qtbot import QtBot

from minutes_app.errors import NewerFileError
from minutes_app.i18n import catalog
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo

_SCRIPT = """
minutes-app --lang ko "$1" 2>"$2" &
app=$!
for i in $(seq 1 60); do
  if xwininfo -root -tree | grep -q "$3"; then break; fi
  sleep 0.5
done
xwininfo -root -tree
kill $app 2>/dev/null; wait $app
"""


def _newer(path: Path) -> Path:
    MinutesFile.create(path, demo()).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


def test_the_refusal_dialog_says_the_sentence_in_the_interface_language(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from minutes_app.ui.app import refusal_box

    catalog.set_language("ko")
    try:
        box = refusal_box(NewerFileError(code="newer", name="x.minutes", version=99,
                                         supported=4))
        qtbot.addWidget(box)
        assert box.windowTitle() == "파일을 열 수 없습니다"
        assert "더 새로운 버전" in box.text() and "x.minutes" in box.text()
        assert box.icon() == QMessageBox.Icon.Critical
    finally:
        catalog.set_language("en")


def test_a_file_refused_at_start_shows_a_window_on_a_real_display(tmp_path: Path) -> None:
    assert shutil.which("xvfb-run") and shutil.which("xwininfo"), "xvfb and x11-utils needed"
    doc = _newer(tmp_path / "newer.minutes")
    err = tmp_path / "stderr.txt"
    title = "파일을 열 수 없습니다"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env |= {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run(["xvfb-run", "-a", "sh", "-c", _SCRIPT, "sh", str(doc), str(err),
                           title], capture_output=True, text=True, timeout=120, env=env)
    assert title in done.stdout, (done.stdout, done.stderr, err.read_text())
    assert "더 새로운 버전" in err.read_text()  # and on stderr, for a terminal
