"""The window's Save As dialogs (exports, reports, Save As) ask before replacing a file, as the
command line refuses without ``--force`` (store11, item 1): the real dialog, driven by a user."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_a_name_typed_without_its_suffix_asks_before_replacing_that_file(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """gui11: "other" typed in Save As became other.minutes after the dialog had checked only
    "other", so another negotiation's file was replaced without a question."""
    other = tmp_path / "other.minutes"
    other.write_bytes(b"another negotiation")
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "other"), ""))

    def answer(yes: bool) -> object:
        def ask(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
            asked.append(text)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        return ask

    chooser = FileChooser(parent)
    monkeypatch.setattr(QMessageBox, "question", answer(False))
    assert chooser.save_file("Save", str(tmp_path), "Minutes (*.minutes)", ".minutes") is None
    assert asked == ["other.minutes already exists. Do you want to replace it?"]
    assert other.read_bytes() == b"another negotiation"
    monkeypatch.setattr(QMessageBox, "question", answer(True))
    assert chooser.save_file("Save", str(tmp_path), "M (*.minutes)", ".minutes") == str(other)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "new"), ""))
    assert chooser.save_file("Save", str(tmp_path), "M (*.minutes)", ".minutes") == str(
        tmp_path / "new.minutes") and len(asked) == 2  # a new name: nothing to ask
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "report"), ""))
    assert chooser.save_file("Export", str(tmp_path), "DOCX (*.docx)", ".docx") == str(
        tmp_path / "report.docx")  # an export gets its extension too
