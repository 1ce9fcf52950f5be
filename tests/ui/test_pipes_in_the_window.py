"""File > Open and File > Import given a pipe or a device: a sentence in a dialog, never a
frozen window (hostile10, item 9)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from minutes_app.ui.main_window import MainWindow


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_open_and_import_refuse_a_pipe_or_a_device(window: MainWindow, tmp_path: Path,
                                                    kind: str) -> None:
    docx, minutes = tmp_path / "x.docx", tmp_path / "x.minutes"
    for p in (docx, minutes):
        if kind == "fifo":
            os.mkfifo(p)
        else:
            p.symlink_to("/dev/zero")
    errors: list[str] = []
    window.show_error = lambda message, title="": errors.append(message)
    before = window.doc.path
    window.negotiation.import_file(str(docx))
    assert not window.files.open_path(str(minutes))
    assert len(errors) == 2, errors
    assert all("is not a file but a device, a pipe or a socket" in e for e in errors), errors
    assert window.doc.path == before
