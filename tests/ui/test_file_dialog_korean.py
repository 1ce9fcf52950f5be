"""Qt's own file dialog (the non-native one: offscreen, or a desktop without a portal) speaks
Korean in the Korean interface: the labels Qt's catalog lacks come from ours."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QFileDialog, QLabel,
    QLineEdit, QMessageBox, QTreeView, QWidget,
)
from pytestqt.qtbot import QtBot

from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.qt_gaps import MISSING

PRODUCTS = {"Word", "Microsoft", "DOCX", "docx", "Minutes", "minutes"}  # names, and the filters'
# patterns (``*.docx``): said as such in Korean too


def _english(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in PRODUCTS]


def _view_texts(dialog: QFileDialog, qtbot: QtBot) -> list[str]:
    """The file list's headers and the Type column of its rows (a folder, a .docx)."""
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model, root = view.model(), view.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) >= 2)  # the folder is read in a thread
    heads = [str(model.headerData(c, view.header().orientation())) for c in
             range(model.columnCount(root))]
    return heads + [str(model.index(r, 2, root).data()) for r in range(model.rowCount(root))]


def texts_of(dialog: QWidget, qtbot: QtBot) -> list[str]:
    """Every word the dialog shows or gives to a screen reader, its file names and folder
    path left out (the user's own)."""
    found: list[str] = []
    for w in dialog.findChildren(QWidget):
        if isinstance(w, (QLabel, QAbstractButton)):
            found.append(w.text())
        if isinstance(w, QComboBox) and w.objectName() == "fileTypeCombo":
            found += [w.itemText(i) for i in range(w.count())]
        if not isinstance(w, QLineEdit):
            found += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
    found += [a.text() for a in dialog.findChildren(QAction)]
    if isinstance(dialog, QFileDialog):
        found += _view_texts(dialog, qtbot)
    return [t for t in found if t]


def _later(ms: int, act: Callable[[], None]) -> None:
    QTimer.singleShot(ms, act)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "사본들"
    (folder / "하위").mkdir(parents=True)
    (folder / "사본.docx").write_bytes(b"PK")
    return folder


def test_the_open_dialog_has_no_english_label(korean: MainWindow, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.extend(texts_of(dialog, qtbot))
        dialog.grab().save(str(tmp_path / "open.png"))
        dialog.reject()

    _later(300, look)
    assert korean.chooser.open_file("가져오기", str(folder), "Word (*.docx)") is None
    labels = {t for t in seen if "찾기" in t or "형식" in t}
    assert "다음에서 찾기(&L):" in labels and "파일 형식(&T):" in labels, seen
    assert "폴더" in seen  # the Type column names the folder in Korean
    assert not [t for t in seen if _english(t)], [t for t in seen if _english(t)]


def test_the_save_dialog_and_its_overwrite_question_are_korean(
        korean: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    seen: list[str] = []
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.reject()  # no: back to the file dialog

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.extend(texts_of(dialog, qtbot))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText("사본.docx")  # one that exists
        _later(200, answer)
        _later(600, dialog.reject)
        dialog.accept()

    _later(300, look)
    assert korean.chooser.save_file("내보내기", str(folder / "새.docx"), "Word (*.docx)",
                                    ".docx") is None
    assert asked and "이미 존재합니다" in asked[0] and "바꾸시겠습니까" in asked[0], asked
    assert not _english(asked[0]) and not [t for t in seen if _english(t)], seen


def test_the_missing_words_are_ours_only_outside_english(qtbot: QtBot) -> None:
    from minutes_app.ui.app import install_translations

    def said(context: str, source: str) -> str:
        return QCoreApplication.translate(context, source)

    try:
        install_translations("ko")
        for context, sources in MISSING.items():
            for source in sources:
                assert said(context, source) != source, (context, source)
        assert said("QFileDialog", "File &name:") == "파일 이름(&N):"  # Qt's catalog still
    finally:
        install_translations("en")
    assert said("QFileDialog", "&Look in:") == "&Look in:"
