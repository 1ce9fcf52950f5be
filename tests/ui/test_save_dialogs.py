"""The window's Save As dialogs (exports, reports, Save As) ask before replacing a file, as the
command line refuses without ``--force`` (store11, item 1): the real dialog, driven by a user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from minutes_app.ui.messages import FileChooser


def test_the_save_dialog_asks_before_replacing_an_existing_file(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    existing = tmp_path / "minutes-signing-KR.docx"
    existing.write_bytes(b"an original signed yesterday")
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_no)
            return
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    def choose_the_existing_file() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, choose_the_existing_file)
            return
        dialog.selectFile(str(existing))
        QTimer.singleShot(20, answer_no)
        dialog.accept()  # Save: the question comes up before the dialog closes
        QTimer.singleShot(0, dialog.reject)  # then the user cancels

    QTimer.singleShot(0, choose_the_existing_file)
    chosen = FileChooser(parent).save_file("Export", str(tmp_path / "new.docx"),
                                           "DOCX (*.docx)")
    assert chosen is None  # "No", then Cancel: nothing chosen
    assert len(asked) == 1 and "already exists" in asked[0], asked
    assert existing.read_bytes() == b"an original signed yesterday"
