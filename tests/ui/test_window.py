"""The window as a whole: language switch, item models, files, crashes, screenshots."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang
from minutes_app.store import SCHEMA_VERSION, MinutesFile
from minutes_app.ui.main_window import MainWindow
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parent.parent.parent


def test_document_shows_first_and_the_window_completes_itself(
        qtbot: QtBot, demo_file: Path) -> None:
    from minutes_app.ui.app import build_window

    w = build_window(str(demo_file), "en")
    qtbot.addWidget(w)
    # before its first frame: the document and the menu bar, not yet the actions or the panel
    assert not w.completed
    assert w.editor_model.rowCount() > 20
    assert w.menus["file"].title() == "&File" and not w.menus["file"].actions()
    assert w.count_label.text() == ""
    w.show()
    qtbot.waitUntil(lambda: w.completed)
    assert [a.objectName() for a in w.menus["file"].actions()][:2] == ["action_new",
                                                                         "action_open"]
    assert w.dock.widget() is w.panel and w.panel.isVisible()
    assert "Agreed" in w.count_label.text()
    current = w.editor.currentIndex()
    assert current.column() == 1 and w.editor_model.key(current.row())[1] >= 0
    assert w.action_set["save"].shortcut().toString() == "Ctrl+S"
    w.close()


def test_language_switch_retranslates_visible_widgets(window: MainWindow) -> None:
    window.set_ui_language("ko")
    assert window.menus["file"].title() == "파일(&F)"
    assert window.action_set["new_paragraph"].text() == "새 문단(&P)"
    assert window.editor_model.headerData(1, Qt.Orientation.Horizontal) == "한국어"
    assert window.dock.windowTitle() == "문단"
    assert "합의 문단 8개" in window.count_label.text()
    assert window.panel.status_label.text() == "상태"
    window.set_ui_language("en")
    assert window.menus["file"].title() == "&File"
    assert window.editor_model.headerData(2, Qt.Orientation.Horizontal) == "English"


def test_language_choice_is_remembered(window: MainWindow) -> None:
    from minutes_app.ui.settings import AppSettings

    window.set_ui_language("ko")
    assert AppSettings.load().ui_language == "ko"
    window.set_ui_language("en")
    assert AppSettings.load().ui_language == "en"


def test_an_unchanged_save_writes_nothing(qapp: QApplication) -> None:
    from PySide6.QtCore import QSettings

    from minutes_app.ui.settings import AppSettings

    mine = AppSettings.load()
    mine.zoom = 1
    mine.save()
    ours = QSettings().fileName()
    written = Path(ours).read_bytes()
    other = AppSettings.load()  # another window (or process) changes a setting
    other.user_name = "Kim Minsu"
    other.save()
    assert Path(ours).read_bytes() != written
    mine.save()  # nothing of mine changed: theirs is not overwritten
    assert AppSettings.load().user_name == "Kim Minsu"
    mine.zoom = 0  # a change of mine is written
    mine.save()
    again = AppSettings.load()
    assert again.zoom == 0 and again.user_name == "Kim Minsu"
    again.user_name = ""
    again.save()


def test_dock_layout_is_remembered(qtbot: QtBot, window: MainWindow, demo_file: Path) -> None:
    from minutes_app.ui.app import build_window
    from minutes_app.ui.settings import AppSettings

    window.changes_dock.setFloating(True)
    window.close()
    again = build_window(str(demo_file), "en")
    qtbot.addWidget(again)
    try:
        again.show()
        qtbot.waitUntil(lambda: again.completed)
        assert again.changes_dock.isFloating() and not again.dock.isFloating()
    finally:
        again.close()
        settings = AppSettings.load()
        settings.window_state = b""  # later tests start with the first-run layout
        settings.save()


def test_qt_own_dialogs_are_translated(window: MainWindow) -> None:
    window.set_ui_language("ko")
    assert QApplication.translate("QPlatformTheme", "&Yes") != "&Yes"
    window.set_ui_language("en")
    assert QApplication.translate("QPlatformTheme", "&Yes") == "&Yes"


def test_item_models_pass_the_model_tester(window: MainWindow, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(window.editor_model)
    qtmodeltester.check(window.outline_model)
    window.action_set["new_paragraph"].trigger()  # the tester keeps watching changes
    window.action_set["move_up"].trigger()
    window.action_set["new_section"].trigger()
    window.action_set["undo"].trigger()
    window.action_set["undo"].trigger()


@pytest.fixture
def errors(window: MainWindow) -> list[str]:
    shown: list[str] = []
    window.show_error = lambda message, title="": shown.append(message)
    return shown


def test_opening_bad_files_shows_a_message_and_keeps_the_document(
        window: MainWindow, errors: list[str], tmp_path: Path) -> None:
    path = window.doc.path
    corrupt = tmp_path / "corrupt.minutes"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" * 50)
    newer = tmp_path / "newer.minutes"
    MinutesFile.create(newer, window.doc.minutes).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    for bad in (corrupt, newer, tmp_path / "missing.minutes"):
        assert not window.files.open_path(str(bad))
    assert len(errors) == 3
    assert "newer version" in errors[1]
    assert window.doc.path == path and window.doc.minutes.paragraphs()


def test_opening_a_file_held_elsewhere_says_so(window: MainWindow, errors: list[str],
        tmp_path: Path) -> None:
    other = tmp_path / "other.minutes"
    MinutesFile.create(other, window.doc.minutes).close()
    holder = subprocess.Popen([sys.executable, "-m", "tests.helpers.holder", str(other)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        assert not window.files.open_path(str(other))
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()
    assert "open in another" in errors[0]
    assert window.files.open_path(str(other))
    assert window.doc.path == other


def test_sigkill_after_typing_keeps_the_text(demo_file: Path) -> None:
    text = "강제 종료 직전 입력 "
    typist = subprocess.Popen([sys.executable, "-m", "tests.helpers.gui_typist", str(demo_file),
                               text], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert typist.stdout is not None
        line = typist.stdout.readline().split()
        assert line[0] == "typed", line
        time.sleep(1.5)  # autosave writes within about a second of the last edit
        typist.send_signal(signal.SIGKILL)
        typist.wait()
    finally:
        if typist.poll() is None:
            typist.kill()
            typist.wait()
        if typist.stdout:
            typist.stdout.close()
    assert typist.returncode == -signal.SIGKILL
    f, m = MinutesFile.open(demo_file)
    f.close()
    assert m.paragraph(int(line[1])).text(Lang.KO).endswith(text)  # the cursor opens at the end


def _dark_pixels(image: QImage) -> int:
    small = image.scaled(image.width() // 4, image.height() // 4)
    return sum(1 for x in range(small.width()) for y in range(small.height())
               if QColor(small.pixel(x, y)).lightness() < 100)


def _render(text: str, family: str) -> QImage:
    from PySide6.QtGui import QFont

    image = QImage(240, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    font = QFont(family)
    font.setPixelSize(28)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(4, 36, text)
    painter.end()
    return image


def test_hangul_renders_as_distinct_glyphs_not_tofu(window: MainWindow) -> None:
    family = window.editor.font().family()
    # Tofu boxes look alike for every character: distinct words must give distinct pictures.
    one, two = _render("양측은", family), _render("합의록", family)
    assert one != two
    assert _dark_pixels(one) > 0
    assert "NanumGothic" in window.editor.font().families()


def test_screenshot_of_the_window_shows_text_in_both_columns(window: MainWindow) -> None:
    image = window.grab().toImage()
    assert image.width() >= 1000
    editor_rect = window.editor.geometry()
    origin = window.editor.mapTo(window, editor_rect.topLeft() - editor_rect.topLeft())
    for column in (1, 2):
        x = origin.x() + window.editor.columnViewportPosition(column) + 10
        width = window.editor.columnWidth(column) - 20
        region = image.copy(x, origin.y() + 60, width, 300)
        assert _dark_pixels(region) > 50, f"column {column} looks empty"


@pytest.mark.parametrize("where", ["after the command", "before the command"])
def test_screenshot_command_writes_a_png(demo_file: Path, tmp_path: Path, where: str) -> None:
    out = tmp_path / "window.png"
    args = ["screenshot", str(demo_file), "-o", str(out)]
    args = [*args, "--lang", "ko"] if where == "after the command" else ["--lang", "ko", *args]
    result = subprocess.run([sys.executable, "-m", "minutes_app", *args], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "화면 그림을" in result.stdout  # the interface's language, either way
    assert result.stderr == ""  # no Qt warning for the user to wonder about
    image = QImage(str(out))
    assert image.width() == 1400 and image.height() == 900
    assert _dark_pixels(image) > 500


def test_meeting_dialog_edits_the_metadata_as_one_undo_step(window: MainWindow) -> None:
    from minutes_app.ui.dialogs.meeting import MeetingDialog

    m = window.doc.minutes
    dialog = MeetingDialog(m.meeting, [Lang.KO, Lang.EN], window)
    dialog.ordinal.setValue(15)
    dialog._texts["place"][Lang.EN].setText("Vladivostok")
    dialog._texts["body_alternat"][Lang.EN].setText("Russia-Korea Sub-committee")
    from minutes_app.model import SetMeeting

    window.files.apply_or_show(SetMeeting(dialog.meeting()), "Edit meeting details")
    assert m.meeting.ordinal == 15 and m.meeting.place[Lang.EN] == "Vladivostok"
    assert m.meeting.body_alternat[Lang.EN] == "Russia-Korea Sub-committee"
    assert "제15차" in window.windowTitle()  # the title in the own Side's language
    window.action_set["undo"].trigger()
    assert m.meeting.ordinal == 14 and "제14차" in window.windowTitle()


def test_closing_when_the_file_cannot_be_written_asks_and_loses_nothing(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.conftest import cell_editor, commit_text
    from tests.ui.test_editing import go_to_paragraph

    pid = go_to_paragraph(window, 3, Lang.KO)
    commit_text(cell_editor(window), "네트워크 끊김 ")

    def lost(*args: object, **kwargs: object) -> None:
        raise OSError("the network share is gone")

    monkeypatch.setattr(window.doc.file, "write", lost)
    asked: list[str] = []
    answers = ["cancel"]
    def _record(message: str) -> str:
        asked.append(message)
        return answers.pop(0)

    window.ask_unsaved = _record
    window.close()
    assert asked and "could not be saved" in asked[0]
    assert window.isVisible() and window.doc.dirty  # kept open, the edit still there

    rescued = tmp_path / "rescued.minutes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(rescued), ""))
    answers[:] = ["save_as"]
    window.close()
    assert not window.isVisible()
    f, m = MinutesFile.open(rescued)
    f.close()
    assert "네트워크 끊김" in m.paragraph(pid).text(Lang.KO)


def test_a_document_without_sections_opens_and_completes(qtbot: QtBot, tmp_path: Path) -> None:
    # The window completes after its first painted cell; with no rows there is none (the
    # window stayed without actions or menus' entries).
    from minutes_app.model import RemoveSection
    from minutes_app.workflows.templates import demo
    from minutes_app.ui.app import build_window

    m = demo()
    for section in list(m.sections):
        RemoveSection(section.id).apply(m)
    path = tmp_path / "empty.minutes"
    MinutesFile.create(path, m).close()
    w = build_window(str(path), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.completed, timeout=3000)
    w.action_set["new_section"].trigger()
    assert len(w.doc.minutes.sections) == 1 and w.editor_model.rowCount() >= 1
    w.close()


def test_the_outline_shows_a_tab_or_line_break_as_one_space(window: MainWindow) -> None:
    from minutes_app.model import SetText

    p = next(p for p in window.doc.minutes.paragraphs() if window.doc.minutes.number(p.id) == 1)
    window.doc.apply(SetText(p.id, Lang.KO, "양측은\t합의하였다.\n다음과  같이"), "Typing")
    model = window.outline.model()
    shown = [model.index(r, 0, model.index(s, 0)).data(Qt.ItemDataRole.DisplayRole)
             for s in range(model.rowCount()) for r in range(model.rowCount(model.index(s, 0)))]
    assert any(t.endswith("1. 양측은 합의하였다. 다음과 같이") for t in shown), shown
