"""File > Export: the working copy or a signing original, DOCX or PDF, with progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QFormLayout, QLabel,
    QMessageBox, QProgressDialog, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n.errors import sentence
from minutes_app.i18n.messages import error_text
from minutes_app.i18n import _
from minutes_app.i18n.places import where_label
from minutes_app.ui.dialogs.widgets import ok_cancel
from minutes_app.model import Minutes, Side
from minutes_app.ui.labels import lang_label, side_label

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from minutes_app.ui.messages import FileChooser, MessageSink
    from minutes_app.ui.workflow import Holder


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
        from minutes_app.checks.furniture import language_order

        side = Side(self.copy_for.currentData())
        lang = language_order(self.minutes, side)[0]
        lines = body_lines(self.minutes, lang, side)
        first = next((x.text for x in lines if x.key.startswith("p:")), "")
        return f"{lines[0].text}\n\n{first.replace(chr(9), ' ')}"


class ExportCommands:
    """Runs an export, showing progress and any refusal; the history entry is one undo step."""

    def __init__(self, holder: Holder, sink: MessageSink, chooser: FileChooser) -> None:
        self.holder = holder
        self.sink = sink
        self.chooser = chooser

    def run(self, pdf: bool = False, dialog: ExportDialog | None = None,
            path: str | None = None) -> Path | None:
        """Ask for the choices and a file name, then export; returns the file written."""
        from minutes_app.docx_io.export import default_name

        doc = self.holder.doc
        dialog = dialog or ExportDialog(doc.minutes.own_side, pdf, self.sink.parent,
                                        doc.minutes)
        if not dialog.exec():
            return None
        kind = dialog.kind.currentData()
        suffix = "pdf" if pdf else "docx"
        if path is None:
            side = Side(dialog.copy_for.currentData())
            default = doc.path.with_name(default_name(doc.path.stem, kind, side, suffix))
            path = self.chooser.save_file(_("Export"), str(default),
                                          f"{suffix.upper()} (*.{suffix})", f".{suffix}")
            if not path:
                return None
        return self._export(Path(path), dialog, kind, suffix)

    def _export(self, out: Path, dialog: ExportDialog, kind: str, fmt: str) -> Path | None:
        from minutes_app.workflows.export import ExportChoices, export_document

        doc = self.holder.doc
        m = doc.minutes
        progress = QProgressDialog(_("Exporting…"), "", 0, len(m.paragraphs()), self.sink.parent)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> None:
            progress.setValue(done)
            QApplication.processEvents()

        choices = ExportChoices(kind, Side(dialog.copy_for.currentData()),
                                dialog.layout_box.currentData(), dialog.ad_ref.isChecked(),
                                dialog.initials.isChecked(), fmt,
                                dialog.fingerprint_footer.isChecked())
        recorded = not doc.read_only
        before = doc.undo_stack.index()
        try:  # as the CLI: written beside, recorded (one undo step), then moved into place
            doc.flush()
            done = export_document(m, out, choices, recorded, step)
            try:
                doc.run(done.step)
                done.finish()
            finally:
                done.discard()
        except (MinutesError, OSError) as exc:  # refused, or the disk said no: a sentence
            progress.close()
            self._refused(sentence(exc))
            return None
        progress.close()
        said = _("Exported to {path}").format(path=str(out))
        if not recorded:
            said += " — " + _("{name} is read-only: this export is not recorded in its "
                              "history.").format(name=doc.path.name)
        self.sink.info(said)
        _tie_record(doc.undo_stack, before, said, self.sink.info, out)
        self._offer_to_open(out)
        return out

    def _offer_to_open(self, out: Path) -> None:
        """Open the file (or its folder) with the system's application, if the user wants."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Exported"),
                          _("Exported to {path}").format(path=str(out)),
                          QMessageBox.StandardButton.Close, self.sink.parent)
        box.setObjectName("exportDone")
        open_file = box.addButton(_("Open the file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        self.sink.show_message_box(box)
        clicked = box.clickedButton()
        if clicked is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
        elif clicked is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))

    def run_signing(self) -> Path | None:
        """The signing export with its choices preselected (from the readiness panel)."""
        m = self.holder.doc.minutes
        dialog = ExportDialog(m.own_side, False, self.sink.parent, m)
        dialog.kind.setCurrentIndex(dialog.kind.findData("signing"))
        return self.run(dialog=dialog)

    def run_report(self, path: str | None = None) -> Path | None:
        """The printable review report."""
        from minutes_app.docx_io.report import write_report

        doc = self.holder.doc
        if path is None:
            default = doc.path.with_name(f"{doc.path.stem}-review.docx")
            path = self.chooser.save_file(_("Review report"), str(default), "DOCX (*.docx)",
                                          ".docx")
            if not path:
                return None
        try:
            write_report(doc.minutes, path)
        except (MinutesError, OSError) as exc:
            self.sink.error(sentence(exc), _("Review report"), blocking=True)
            return None
        self.sink.info(_("Exported to {path}").format(path=path))
        return Path(path)

    def run_verify(self, path: str | None = None) -> bool | None:
        """Is a signing original (DOCX or PDF) the agreed text? Says so per language."""
        from minutes_app.checks.verify import verify_text
        from minutes_app.docx_io.originals import original_text

        doc = self.holder.doc
        if path is None:
            path = self.chooser.open_file(_("Verify a signing original"), str(doc.path.parent),
                                          _("Signing originals (*.docx *.pdf)"))
            if not path:
                return None
        m = doc.minutes
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
            lines += ["    " + _("differs: {where}").format(where=where)
                      for where in dict.fromkeys(where_label(m, k) for k in r.differing)]
        ok = all(r.agreed for r in results)
        box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
                          _("Verify a signing original"), "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self.sink.parent)
        box.setObjectName("verifyResult")
        self.sink.show_message_box(box)
        return ok

    def _refused(self, message: str) -> None:
        """A refused export: a dialog through the sink (it stops what the user asked)."""
        self.sink.history.append(("error", message))
        box = QMessageBox(QMessageBox.Icon.Warning, _("Cannot export"), message,
                          QMessageBox.StandardButton.Ok, self.sink.parent)
        box.setObjectName("exportRefused")
        self.sink.show_message_box(box)


def _tie_record(stack: QUndoStack, before: int, said: str, show: Callable[[str], None],
                out: Path) -> None:
    """Undoing the export's round record says the record is undone and the file stays."""
    from minutes_app.ui.undo_echo import Said, tie

    tie(stack, before, Said(lambda: said, show, lambda _label: _(
        "Undone: the record of the export to {path} (the file stays)").format(path=str(out))))
