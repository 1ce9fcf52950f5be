"""The window's export is recorded as the CLI's: written beside the target, recorded in the
history, then moved into place; when the record cannot be written, nothing is left behind."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from minutes_app.model import Side
from minutes_app.ui.dialogs.export import ExportDialog
from minutes_app.ui.main_window import MainWindow


def _choices(window: MainWindow, kind: str) -> ExportDialog:
    dialog = ExportDialog(Side.KR, False, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.exec = lambda: 1
    return dialog


def _history(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.execute("SELECT kind, data FROM history ORDER BY id"))
    finally:
        conn.close()


def test_the_export_is_recorded_under_its_final_name_and_leaves_no_part(
        window: MainWindow, tmp_path: Path) -> None:
    boxes: list[str] = []
    window.show_message_box = lambda box: boxes.append(box.objectName())
    folder = tmp_path / "out"
    folder.mkdir()
    out = window.exports.run(dialog=_choices(window, "working"), path=str(folder / "w.docx"))
    assert out == folder / "w.docx" and out.stat().st_size > 10_000
    assert boxes == ["exportDone"]
    assert os.listdir(folder) == ["w.docx"]  # the temporary file was moved, not copied
    kind, data = window.doc.file.history()[-1][1:]
    assert kind == "export-working" and json.loads(data)["file"] == "w.docx"


def test_an_export_whose_record_fails_is_not_left_behind(
        window: MainWindow, tmp_path: Path) -> None:
    boxes: list[str] = []
    window.show_message_box = lambda box: boxes.append(box.objectName())
    folder = tmp_path / "out"
    folder.mkdir()
    doc = window.doc.path
    before = [(kind, data) for _time, kind, data in window.doc.file.history()]
    # another program replaces the file (ours is locked: theirs is a copy, not locked): the
    # history can no longer be written to it
    shutil.copyfile(doc, tmp_path / "theirs.minutes")
    os.replace(tmp_path / "theirs.minutes", doc)
    out = window.exports.run(dialog=_choices(window, "working"), path=str(folder / "w.docx"))
    assert out is None and boxes == ["exportRefused"]
    assert os.listdir(folder) == []  # neither the export nor its temporary file
    assert _history(doc) == before
    assert [(kind, data) for _time, kind, data in window.doc.file.history()] == before
