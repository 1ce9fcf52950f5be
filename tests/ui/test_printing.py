"""File > Print and Print preview: pages laid out by LibreOffice, shown and printed here."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

import subprocess
from pathlib import Path

import pytest

from minutes_app.ui.dialogs.export import ExportDialog
from minutes_app.ui.commands.printing import PreviewDialog
from minutes_app.ui.main_window import MainWindow


@pytest.mark.slow
def test_preview_shows_the_pages_and_prints_them(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printed = tmp_path / "printed.pdf"
    shown: list[PreviewDialog] = []

    def run(dialog: QDialog) -> bool:
        if isinstance(dialog, ExportDialog):
            dialog.kind.setCurrentIndex(dialog.kind.findData("working"))
        elif isinstance(dialog, PreviewDialog):
            shown.append(dialog)
        elif isinstance(dialog, QPrintDialog):  # the user picks "print to file"
            dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            dialog.printer().setOutputFileName(str(printed))
        return True

    window.run_dialog = run
    window.action_set["print_preview"].trigger()
    assert shown and len(shown[0].pages) >= 2
    assert all(not page.pixmap().isNull() and page.pixmap().height() > page.pixmap().width()
               for page in shown[0].pages)  # portrait A4 pages
    assert printed.exists() and printed.stat().st_size > 20_000
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert pages == len(shown[0].pages)


def test_printing_without_libreoffice_says_what_to_install(window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    real = shutil.which
    monkeypatch.setattr(shutil, "which",
                        lambda name, *a, **k: None if name in ("soffice", "libreoffice")
                        else real(name, *a, **k))
    errors: list[str] = []
    window.show_error = lambda message, title="": errors.append(message)
    window.run_dialog = lambda dialog: pytest.fail("nothing to choose without LibreOffice")
    window.action_set["print"].trigger()
    assert errors and "LibreOffice" in errors[0] and "libreoffice-writer-nogui" in errors[0]
