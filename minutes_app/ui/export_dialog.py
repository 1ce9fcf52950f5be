"""File > Export: the working copy or a signing original, DOCX or PDF, with progress."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QLabel,
    QMessageBox, QProgressDialog, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n.messages import error_text
from minutes_app.i18n import _
from minutes_app.ui.widgets import ok_cancel
from minutes_app.model import Minutes, Side
from minutes_app.tracking.time import now_iso
from minutes_app.ui.labels import lang_label, side_label

if TYPE_CHECKING:
    from minutes_app.ui.main_window import MainWindow


class ExportDialog(QDialog):
    """The export's choices."""

    def __init__(self, own: Side, pdf: bool, parent: QWidget | None = None,
                 minutes: Minutes | None = None) -> None:
        super().__init__(parent)
        self.minutes = minutes
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
        self.fingerprint_footer = QCheckBox(
            _("Fingerprints in the footer (instead of a verification sheet)"))
        self.preview = QLabel()
        self.preview.setObjectName("originalPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setMinimumWidth(480)
        form = QFormLayout(self)
        form.addRow(_("Export"), self.kind)
        form.addRow(_("Original for"), self.copy_for)
        form.addRow(_("Layout"), self.layout_box)
        form.addRow(self.ad_ref)
        form.addRow(self.initials)
        form.addRow(self.fingerprint_footer)
        form.addRow(_("Opens with"), self.preview)
        buttons = ok_cancel(self)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.copy_for.currentIndexChanged.connect(self._on_copy_for_changed)
        self._on_kind_changed()

    def _on_kind_changed(self, *_args: object) -> None:
        signing = self.kind.currentData() == "signing"
        for w in (self.copy_for, self.ad_ref, self.initials, self.fingerprint_footer,
                  self.preview):
            w.setEnabled(signing)
        # both kinds have both layouts; the working copy is a table by default
        self.layout_box.setCurrentIndex(self.layout_box.findData(
            "consecutive" if signing else "side-by-side"))
        self.preview.setText(self.opening() if signing else "")

    def _on_copy_for_changed(self, *_args: object) -> None:
        self.preview.setText(self.opening() if self.kind.currentData() == "signing" else "")

    def opening(self) -> str:
        """The chosen Side's original as it opens: its title and first paragraph."""
        if self.minutes is None:
            return ""
        from minutes_app.checks.signed_text import body_lines
        from minutes_app.docx_io.signing import language_order

        side = Side(self.copy_for.currentData())
        lang = language_order(self.minutes, side)[0]
        lines = body_lines(self.minutes, lang, side)
        first = next((x.text for x in lines if x.key.startswith("p:")), "")
        return f"{lines[0].text}\n\n{first.replace(chr(9), ' ')}"


def where_label(m: Minutes, key: str) -> str:
    """A line of the signed text (``p:17``, ``sig:KR:name``, ``annex:2:m:0``) as the UI names it."""
    from minutes_app.model.annexes import roman

    kind, _sep, rest = key.partition(":")
    if kind == "p":
        number = m.number(int(rest))
        return (_("paragraph {number}").format(number=number) if number is not None
                else _("a preamble paragraph"))
    if kind == "sig":
        return _("the signature block of the {side}").format(side=side_label(Side(rest[:2])))
    if kind == "annex":
        return _("Annex {number}").format(number=roman(int(rest.split(":")[0])))
    return {"h": _("a section heading"), "title": _("the title"), "dates": _("the date"),
            "closing": _("the closing formula"),
            "prevailing": _("the prevailing-text clause")}.get(kind, kind)


class ExportCommands:
    """Runs an export for the window, showing progress and any refusal."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def run(self, pdf: bool = False, dialog: ExportDialog | None = None,
            path: str | None = None) -> Path | None:
        """Ask for the choices and a file name, then export; returns the file written."""
        w = self.window
        from minutes_app.docx_io.export import default_name

        dialog = dialog or ExportDialog(w.doc.minutes.own_side, pdf, w, w.doc.minutes)
        if not dialog.exec():
            return None
        kind = dialog.kind.currentData()
        suffix = "pdf" if pdf else "docx"
        if path is None:
            side = Side(dialog.copy_for.currentData())
            default = w.doc.path.with_name(default_name(w.doc.path.stem, kind, side, suffix))
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

        # as the CLI: written beside, recorded, then moved into place; never out unrecorded
        tmp = out.with_name(f".{out.name}.{os.getpid()}.part{out.suffix}")
        recorded = not w.doc.file.read_only
        try:
            w.doc.flush()
            record = export(m, tmp, kind, Side(dialog.copy_for.currentData()),
                            dialog.layout_box.currentData(), dialog.ad_ref.isChecked(),
                            dialog.initials.isChecked(), fmt, step,
                            dialog.fingerprint_footer.isChecked())
            record["file"] = out.name
            if recorded:
                w.doc.file.add_history(now_iso(), f"export-{kind}", history_entry(record))
            os.replace(tmp, out)
        except MinutesError as exc:
            progress.close()
            self._refused(error_text(exc))
            return None
        finally:
            tmp.unlink(missing_ok=True)
        progress.close()
        done = _("Exported to {path}").format(path=str(out))
        if not recorded:
            done += " — " + _("{name} is read-only: this export is not recorded in its "
                              "history.").format(name=w.doc.path.name)
        w.statusBar().showMessage(done, 10000)
        self._offer_to_open(out)
        return out

    def _offer_to_open(self, out: Path) -> None:
        """Open the file (or its folder) with the system's application, if the user wants."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Exported"),
                          _("Exported to {path}").format(path=str(out)),
                          QMessageBox.StandardButton.Close, self.window)
        box.setObjectName("exportDone")
        open_file = box.addButton(_("Open the file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        self.window.show_message_box(box)
        clicked = box.clickedButton()
        if clicked is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        elif clicked is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))

    def run_signing(self) -> Path | None:
        """The signing export with its choices preselected (from the readiness panel)."""
        dialog = ExportDialog(self.window.doc.minutes.own_side, False, self.window,
                              self.window.doc.minutes)
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

    def run_verify(self, path: str | None = None) -> bool | None:
        """Is a signing original (DOCX or PDF) the agreed text? Says so per language."""
        from minutes_app.checks.verify import verify_text
        from minutes_app.docx_io.originals import original_text

        w = self.window
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                w, _("Verify a signing original"), str(w.doc.path.parent),
                _("Signing originals (*.docx *.pdf)"))
            if not path:
                return None
        m = w.doc.minutes
        try:
            side, results = verify_text(m, *original_text(Path(path)))
        except MinutesError as exc:
            self._refused(error_text(exc))
            return None
        lines = [_("{file}: the original for the {side}").format(
            file=Path(path).name, side=side_label(side))]
        for r in results:
            lines.append((_("{lang}: the agreed text") if r.agreed else
                          _("{lang}: NOT the agreed text")).format(lang=lang_label(r.lang)))
            lines += ["    " + _("differs: {where}").format(where=where_label(m, k))
                      for k in r.differing]
        ok = all(r.agreed for r in results)
        box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
                          _("Verify a signing original"), "\n".join(lines),
                          QMessageBox.StandardButton.Ok, w)
        box.setObjectName("verifyResult")
        w.show_message_box(box)
        return ok

    def _refused(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Cannot export"), message,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("exportRefused")
        self.window.show_message_box(box)
