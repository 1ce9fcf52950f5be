"""The window notices its file changing under it, and opens read-only files read-only
(issue 12, items 6, 8 and 11): edits are kept, nothing is written into a file that is no
longer ours, and Save As keeps them."""

from __future__ import annotations

from collections.abc import Callable

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from minutes_app.model import Lang
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from tests.faults.test_damaged_files import read_only_folder  # noqa: F401 - a fixture
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph
from minutes_app.ui.main_window import MainWindow
from pytestqt.qtbot import QtBot
from tests.helpers import some


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _type(window: MainWindow, text: str) -> int:
    pid = go_to_paragraph(window, 3, Lang.KO)
    commit_text(cell_editor(window), text)
    return pid


def _other_document(path: Path) -> Path:
    m = demo()
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 5)
    m.paragraph(pid).texts[Lang.EN] = "A text written by another program."
    MinutesFile.create(path, m, overwrite=True).close()
    return path


def _answers(window: MainWindow, *choices: str) -> list[str]:
    asked: list[str] = []
    queue = list(choices)
    def _record(message: str) -> str:
        asked.append(message)
        return queue.pop(0)

    some(window.files.watch).ask = _record
    return asked


def _rescue_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


@pytest.mark.parametrize("how", ["renamed-over", "overwritten", "deleted"])
def test_a_file_changed_under_the_window_stops_writes_and_asks(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    path = window.doc.path
    pid = _type(window, "동기화 ")
    asked = _answers(window, "cancel", "keep")
    theirs = _other_document(tmp_path / "theirs.minutes")
    if how == "renamed-over":
        os.replace(theirs, path)
    elif how == "overwritten":
        path.write_bytes(theirs.read_bytes())
    else:
        path.unlink()
    before = _digest(path) if path.exists() else None
    window.doc.flush()  # the next autosave: it must not write into the new file
    assert asked and "changed, replaced or deleted" in asked[0]
    assert window.doc.writing_stopped and window.doc.dirty  # the edit is kept
    assert window.isWindowModified()
    assert (_digest(path) if path.exists() else None) == before
    bar = some(window.files.watch).bar
    assert bar is not None and bar.isVisible()
    # "keep mine": Save As writes the window's text to a copy, and writing resumes there
    rescued = tmp_path / "mine.minutes"
    _rescue_to(monkeypatch, rescued)
    some(window.files.watch).poll()
    some(window.files.watch)._on_doc_file_changed()
    assert not window.doc.writing_stopped and not bar.isVisible()
    f, m = MinutesFile.open(rescued, read_only=True)
    f.close()
    assert "동기화" in m.paragraph(pid).text(Lang.KO)


def test_the_poll_notices_without_an_edit(window: MainWindow, tmp_path: Path) -> None:
    asked = _answers(window, "cancel")
    os.replace(_other_document(tmp_path / "theirs.minutes"), window.doc.path)
    some(window.files.watch).poll()
    assert asked and window.doc.writing_stopped


def test_reload_theirs_and_compare(window: MainWindow, tmp_path: Path) -> None:
    _type(window, "우리 편집 ")
    shown: list[str] = []
    window.show_message_box = lambda box: shown.append(box.text())
    _answers(window, "compare", "reload")
    os.replace(_other_document(tmp_path / "theirs.minutes"), window.doc.path)
    window.doc.flush()
    assert shown == ["Paragraphs that differ: 3, 5."]
    m = window.doc.minutes
    fifth = next(p for p in m.paragraphs() if m.number(p.id) == 5)
    assert fifth.text(Lang.EN) == "A text written by another program."
    assert not window.doc.read_only and not window.doc.dirty


def test_a_read_only_file_opens_read_only_with_a_bar(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        read_only_folder: Callable[..., list[Path]]) -> None:  # noqa: F811
    from minutes_app.ui.app import build_window

    source = tmp_path / "src.minutes"
    MinutesFile.create(source, demo()).close()
    [ro] = read_only_folder(source)
    before = _digest(ro)
    w = build_window(str(ro), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.completed)
    bar = w.files.watch.bar
    assert w.doc.read_only and bar is not None and bar.isVisible()
    assert "is read-only" in bar.findChild(type(bar.widgetForAction(bar.actions()[0])),
                                           "readOnlyLabel").text()
    pid = _type(w, "읽기 전용 ")
    w.doc.flush()
    assert _digest(ro) == before and w.doc.dirty
    rescued = tmp_path / "copy.minutes"
    _rescue_to(monkeypatch, rescued)
    bar.actions()[-1].trigger()  # the bar's Save As
    assert not bar.isVisible() and not w.doc.read_only and not w.doc.dirty
    f, m = MinutesFile.open(rescued, read_only=True)
    f.close()
    assert "읽기 전용" in m.paragraph(pid).text(Lang.KO)
    w.close()


def test_a_damaged_file_opens_what_is_intact_read_only(qtbot: QtBot, tmp_path: Path) -> None:
    from minutes_app.ui.app import build_window

    path = tmp_path / "d.minutes"
    MinutesFile.create(path, demo()).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE paragraph SET status = 'signed?' WHERE id = "
                 "(SELECT max(id) FROM paragraph)")
    conn.commit()
    conn.close()
    before = _digest(path)
    w = build_window(str(path), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.completed)
    label = w.files.watch.bar.findChild(object, "readOnlyLabel")
    assert "is damaged" in label.text() and "an unknown value" in label.text()
    assert len(w.doc.minutes.paragraphs()) == len(demo().paragraphs()) - 1
    w.close()
    assert _digest(path) == before
    shutil.rmtree(tmp_path / "nothing", ignore_errors=True)
