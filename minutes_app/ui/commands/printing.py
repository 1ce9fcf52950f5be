"""File > Print and Print preview: the working copy or a signing original, laid out by
LibreOffice (the same pages as the PDF export), shown and printed from inside the window."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.model import Side

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from minutes_app.ui.dialogs.export import ExportDialog
    from minutes_app.ui.messages import MessageSink
    from minutes_app.ui.workflow import Holder

PREVIEW_DPI = 60
PRINT_DPI = 200


def missing_tools() -> str | None:
    """What printing needs and this machine lacks, as a sentence (None: nothing missing)."""
    from minutes_app.docx_io.pdf import find_office

    if find_office() is None:
        return _("Printing needs LibreOffice to lay out the pages, and it is not installed. "
                 "Install LibreOffice (on Debian or Ubuntu: sudo apt install "
                 "libreoffice-writer-nogui; elsewhere from libreoffice.org) and try again.")
    if shutil.which("pdftoppm") is None:
        return _("Printing needs the Poppler tools to show the pages, and they are not "
                 "installed. Install them (on Debian or Ubuntu: sudo apt install "
                 "poppler-utils) and try again.")
    return None


def page_images(pdf: Path, dpi: int) -> list[QImage]:
    """The pages of a PDF as images (Poppler's pdftoppm)."""
    with tempfile.TemporaryDirectory(prefix="minutes-pages-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(Path(tmp) / "p")],
                       capture_output=True, timeout=180, check=False)
        images = [QImage(str(p)) for p in sorted(Path(tmp).glob("p-*.png"),
                                                 key=lambda p: int(p.stem.split("-")[-1]))]
    if not images or any(i.isNull() for i in images):
        raise MinutesError(_("The pages could not be prepared for printing."))
    return images


def print_images(images: list[QImage], printer: QPrinter) -> None:
    """Each page image on one printed page, scaled to the printable area."""
    painter = QPainter(printer)
    try:
        for n, image in enumerate(images):
            if n:
                printer.newPage()
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(area.x(), area.y(), image.scaled(
                scaled, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
    finally:
        painter.end()


class PreviewDialog(QDialog):
    """The pages, one under the other, with Print and Close."""

    def __init__(self, images: list[QImage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(_("Print preview"))
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.pages: list[QLabel] = []
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setFrameShape(QLabel.Shape.Box)
            column.addWidget(label)
            self.pages.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton(_("Print…"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 900)


class PrintCommands:
    """Print and Print preview: the document from ``holder``, dialogs and errors through
    ``sink``, and ``progress`` to say what is going on (an empty text clears it)."""

    def __init__(self, holder: Holder, sink: MessageSink, progress: Callable[[str], None]
                 ) -> None:
        self.holder = holder
        self.sink = sink
        self.progress = progress
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def _cannot(self, text: str) -> None:
        self.sink.error(text, _("Cannot print"), blocking=True)

    def layout(self, dialog: ExportDialog | None = None) -> Path | None:
        """Ask what to print and lay it out as a PDF; None (after saying why) if it cannot."""
        from minutes_app.docx_io.export import export
        from minutes_app.ui.dialogs.export import ExportDialog

        doc = self.holder.doc
        missing = missing_tools()
        if missing is not None:
            self._cannot(missing)
            return None
        dialog = dialog or ExportDialog(doc.minutes.own_side, True, self.sink.parent)
        if not self.sink.run_dialog(dialog):
            return None
        if self._tmp is not None:
            self._tmp.cleanup()
        self._tmp = tempfile.TemporaryDirectory(prefix="minutes-print-")
        kind = dialog.kind.currentData()
        out = Path(self._tmp.name) / f"{doc.path.stem}-{kind}.pdf"
        self.progress(_("Laying out the pages…"))
        try:
            doc.flush()
            export(doc.minutes, out, kind, Side(dialog.copy_for.currentData()),
                   dialog.layout_box.currentData(), dialog.ad_ref.isChecked(),
                   dialog.initials.isChecked(), "pdf")
        except MinutesError as exc:
            self.sink.failed(exc, _("Cannot print"), blocking=True)
            return None
        finally:
            self.progress("")
        return out

    def preview(self, dialog: ExportDialog | None = None) -> PreviewDialog | None:
        """File > Print preview: the pages inside the application; Print from there."""
        pdf = self.layout(dialog)
        if pdf is None:
            return None
        try:
            preview = PreviewDialog(page_images(pdf, PREVIEW_DPI), self.sink.parent)
        except MinutesError as exc:
            self.sink.failed(exc, _("Cannot print"), blocking=True)
            return None
        if self.sink.run_dialog(preview):
            self.print_pdf(pdf)
        return preview

    def print_now(self, dialog: ExportDialog | None = None) -> bool:
        """File > Print: what to print, the system's print dialog, then the pages."""
        pdf = self.layout(dialog)
        return pdf is not None and self.print_pdf(pdf)

    def print_pdf(self, pdf: Path) -> bool:
        """Send a laid-out PDF to the printer the user chooses."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.sink.run_dialog(QPrintDialog(printer, self.sink.parent)):
            return False
        try:
            print_images(page_images(pdf, PRINT_DPI), printer)
        except MinutesError as exc:
            self.sink.failed(exc, _("Cannot print"), blocking=True)
            return False
        return True
