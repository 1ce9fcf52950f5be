"""File > Export: the working copy or a signing original, DOCX or PDF, with progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout,
    QMessageBox, QProgressDialog, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.ui.widgets import ok_cancel
from minutes_app.model import Side
from minutes_app.tracking.time import now_iso
from minutes_app.ui.labels import side_label

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow


class ExportDialog(QDialog):
    """The export's choices."""

    def __init__(self, own: Side, pdf: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export PDF") if pdf else _("Export"))
        self.kind = QComboBox()
        self.kind.addItem(_("Working copy (tracked changes)"), "working")
        self.kind.addItem(_("Signing original"), "signing")
        self.copy_for = QComboBox()
        for side in Side:
            self.copy_for.addItem(side_label(side), side.value)
        self.copy_for.setCurrentIndex(list(Side).index(own))
        self.layout_box = QComboBox()
        self.layout_box.addItem(_("Languages one after the other"), "consecutive")
        self.layout_box.addItem(_("Languages side by side"), "side-by-side")
        self.ad_ref = QCheckBox(_("Allow paragraphs agreed ad referendum (marked)"))
        self.initials = QCheckBox(_("Initials boxes in the footer"))
        form = QFormLayout(self)
        form.addRow(_("Export"), self.kind)
        form.addRow(_("Original for"), self.copy_for)
        form.addRow(_("Layout"), self.layout_box)
        form.addRow(self.ad_ref)
        form.addRow(self.initials)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    def _on_kind_changed(self, *_args: object) -> None:
        signing = self.kind.currentData() == "signing"
        for w in (self.copy_for, self.ad_ref, self.initials):
            w.setEnabled(signing)
        # both kinds have both layouts; the working copy is a table by default
        self.layout_box.setCurrentIndex(self.layout_box.findData(
            "consecutive" if signing else "side-by-side"))


class ExportCommands:
    """Runs an export for the window, showing progress and any refusal."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def run(self, pdf: bool = False, dialog: ExportDialog | None = None,
            path: str | None = None) -> Path | None:
        """Ask for the choices and a file name, then export; returns the file written."""
        w = self.window
        dialog = dialog or ExportDialog(w.doc.minutes.own_side, pdf, w)
        if not dialog.exec():
            return None
        kind = dialog.kind.currentData()
        suffix = "pdf" if pdf else "docx"
        if path is None:
            default = w.doc.path.with_name(f"{w.doc.path.stem}-{kind}.{suffix}")
            path, _filter = QFileDialog.getSaveFileName(w, _("Export"), str(default),
                                                        f"{suffix.upper()} (*.{suffix})")
            if not path:
                return None
        return self._export(Path(path), dialog, kind, suffix)

    def _export(self, out: Path, dialog: ExportDialog, kind: str, fmt: str) -> Path | None:
        from minutes_app.docx_io.export import export, history_entry

        w = self.window
        m = w.doc.minutes
        progress = QProgressDialog(_("Exporting…"), "", 0, len(m.paragraphs()), w)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> None:
            progress.setValue(done)
            QApplication.processEvents()

        try:
            w.doc.flush()
            record = export(m, out, kind, Side(dialog.copy_for.currentData()),
                            dialog.layout_box.currentData(), dialog.ad_ref.isChecked(),
                            dialog.initials.isChecked(), fmt, step)
            w.doc.file.add_history(now_iso(), f"export-{kind}", history_entry(record))
        except MinutesError as exc:
            progress.close()
            self._refused(exc.message)
            return None
        progress.close()
        w.statusBar().showMessage(_("Exported to {path}").format(path=str(out)), 10000)
        return out

    def run_signing(self) -> Path | None:
        """The signing export with its choices preselected (from the readiness panel)."""
        dialog = ExportDialog(self.window.doc.minutes.own_side, False, self.window)
        dialog.kind.setCurrentIndex(dialog.kind.findData("signing"))
        return self.run(dialog=dialog)

    def run_report(self, path: str | None = None) -> Path | None:
        """The printable review report."""
        from minutes_app.docx_io.report import write_report

        w = self.window
        if path is None:
            default = w.doc.path.with_name(f"{w.doc.path.stem}-review.docx")
            path, _filter = QFileDialog.getSaveFileName(w, _("Review report"), str(default),
                                                        "DOCX (*.docx)")
            if not path:
                return None
        write_report(w.doc.minutes, path)
        w.statusBar().showMessage(_("Exported to {path}").format(path=path), 10000)
        return Path(path)

    def _refused(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Cannot export"), message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("exportRefused")
        self.window.show_message_box(box)
