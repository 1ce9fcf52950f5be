"""Negotiation commands: send a round, round history, brackets, decisions in bulk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n.messages import error_text, render, render_all
from minutes_app.i18n import _
from minutes_app.ui.widgets import ok_cancel
from minutes_app.model import Side
from minutes_app.model.brackets import BracketOption
from minutes_app.tracking.brackets import bracket_op, choose_op
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.rounds import snapshot
from minutes_app.tracking.time import now_iso
from minutes_app.ui.labels import side_label
from minutes_app.ui.rows import RowKind

if TYPE_CHECKING:
    from pathlib import Path

    from minutes_app.docx_io.importer import ImportReport
    from minutes_app.model import Operation, Round
    from minutes_app.ui.main_window import MainWindow


SHOWN_UNPLACED = 25  # lines of the unplaced list a dialog shows


def _side_combo(default: Side) -> QComboBox:
    combo = QComboBox()
    for side in Side:
        combo.addItem(side_label(side), side)
    combo.setCurrentIndex(list(Side).index(default))
    return combo


class SendRoundDialog(QDialog):
    """Which Side sends, and a note."""

    def __init__(self, own: Side, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Send round {number}").format(number=number))
        self.side = _side_combo(own)
        self.note = QLineEdit()
        form = QFormLayout(self)
        form.addRow(QLabel(_("The current text becomes round {number}; it cannot be changed "
                             "afterwards.").format(number=number)))
        form.addRow(_("Sent by"), self.side)
        form.addRow(_("Note"), self.note)
        buttons = ok_cancel(self)
        form.addRow(buttons)


class BracketDialog(QDialog):
    """The selected words and an alternative wording, each with its proposing Side."""

    def __init__(self, words: str, own: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Put words in brackets"))
        self.words = QLineEdit(words)
        self.words_side = _side_combo(own.other)
        self.alternative = QLineEdit()
        self.alternative_side = _side_combo(own)
        form = QFormLayout(self)
        form.addRow(_("Words in the text"), self.words)
        form.addRow(_("Proposed by"), self.words_side)
        form.addRow(_("Alternative"), self.alternative)
        form.addRow(_("Proposed by"), self.alternative_side)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def options(self) -> list[BracketOption]:
        """The bracket's options, the words in the text first."""
        return [BracketOption(self.words.text(), Side(self.words_side.currentData())),
                BracketOption(self.alternative.text(), Side(self.alternative_side.currentData()))]


class NegotiationCommands:
    """The Negotiation menu of a window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _apply(self, op_factory: object, label: str) -> bool:
        try:
            op = op_factory() if callable(op_factory) else op_factory
            self.window.doc.apply(op, label)  # type: ignore[arg-type]
        except MinutesError as exc:
            self.window.statusBar().showMessage(error_text(exc), 8000)
            return False
        return True

    def send_round(self) -> None:
        """Close the current text as a round (not undoable: it has been sent)."""
        doc = self.window.doc
        m = doc.minutes
        dialog = SendRoundDialog(m.own_side, m.working_round, self.window)
        if not dialog.exec():
            return
        try:
            r = snapshot(m, Side(dialog.side.currentData()), now_iso(), dialog.note.text())
            doc.record_round(r)
        except MinutesError as exc:
            self.window.show_error(error_text(exc), _("Cannot send the round"))
            return
        self.window.after_rounds_changed()
        self.window.statusBar().showMessage(
            _("Round {number} sent by the {side}.").format(number=r.number,
                                                          side=side_label(r.side)), 8000)

    def merge_file(self, path: str | None = None) -> None:
        """Bring the other delegation's .minutes copy in: one undo step, plus their round."""
        from PySide6.QtWidgets import QFileDialog

        from pathlib import Path

        from minutes_app.store import MinutesFile
        from minutes_app.tracking.merge import brings_nothing, merge

        w = self.window
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                w, _("Merge the other delegation's copy"), str(w.doc.path.parent),
                _("Minutes (*.minutes)"))
            if not path:
                return
        doc = w.doc
        try:
            theirs_file, theirs = MinutesFile.open(path, read_only=True)  # never written
            theirs_file.close()
            op, report = merge(doc.minutes, theirs, now_iso())
        except MinutesError as exc:
            w.show_error(error_text(exc), _("Cannot merge"))
            return
        if brings_nothing(doc.minutes, theirs, report):
            w.statusBar().showMessage(_(
                "Nothing new: {name} brings no change and no round that these minutes do not "
                "already hold. Nothing was recorded.").format(name=Path(path).name), 15000)
            return
        r = report.round
        assert r is not None
        self._take_round(op, r, _("Merge round {number}").format(number=r.number))
        w.statusBar().showMessage(render(report.summary()), 15000)

    def _take_round(self, op: Operation, r: Round, label: str,
                    history: tuple[tuple[str, str, str], ...] = ()) -> None:
        """Their text as one undo step, and their round recorded (in one transaction with
        the pending edits and the history entry) unless this copy already has it."""
        doc = self.window.doc
        doc.apply(op, label)
        if r not in doc.minutes.rounds or history:
            doc.record_round(r if r not in doc.minutes.rounds else None, history)
        self.window.after_rounds_changed()

    def import_file(self, path: str | None = None) -> None:
        """File > Import returned draft: their DOCX as their round, one undo step."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from minutes_app.docx_io.import_history import history_entry, imported_digests

        w = self.window
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                w, _("Import the returned draft"), str(w.doc.path.parent),
                _("Word documents (*.docx)"))
            if not path:
                return
        doc = w.doc
        imported = imported_digests(doc.file.history())
        try:
            planned = self._plan_import(Path(path), imported)
        except MinutesError as exc:
            w.show_error(error_text(exc), _("Cannot import"))
            return
        if planned is None:
            return
        op, report = planned
        r = report.round
        assert r is not None
        if report.own_round is not None:  # our edits went out with the file as our round
            doc.record_round(report.own_round)
        entry = (now_iso(), "import", history_entry(Path(path), report))
        self._take_round(op, r, _("Import round {number}").format(number=r.number), (entry,))
        w.statusBar().showMessage(render(report.summary()), 15000)

    def _plan_import(self, path: Path, imported: set[str]
                     ) -> tuple[Operation, ImportReport] | None:
        """Plan the import, asking about unplaced changes and rows without ids (None: no)."""
        from minutes_app.docx_io.importer import UnplacedChangesError, plan_import

        w = self.window
        m = w.doc.minutes
        unplaced = False
        try:
            op, report = plan_import(m, path, m.own_side.other, now_iso(), imported)
        except UnplacedChangesError as exc:
            lines = [render(u._replace(text=u.text[:120]).describe())
                     for u in exc.unplaced[:SHOWN_UNPLACED]]
            if len(exc.unplaced) > SHOWN_UNPLACED:  # the history keeps the whole list
                lines.append(_("… and {n} more").format(n=len(exc.unplaced) - SHOWN_UNPLACED))
            question = "\n".join([_("The returned file changed these things, which cannot be "
                                    "placed in the minutes:"), "", *lines, "",
                                  _("Import the rest, and record this list in the history?")])
            if not w.confirm(_("Changes that cannot be placed"), question):
                return None
            unplaced = True
            op, report = plan_import(m, path, m.own_side.other, now_iso(), imported,
                                     accept_unplaced=True)
        if report.uncertain and w.confirm(_("Rows without their paragraph id"), "\n".join(
                [*render_all(report.uncertain), "",
                 _("Import these rows as the paragraphs they look like?")])):
            op, report = plan_import(m, path, m.own_side.other, now_iso(), imported,
                                     accept_uncertain=True, accept_unplaced=unplaced)
        return op, report

    def show_history(self) -> None:
        """A table of the rounds exchanged so far."""
        rounds = self.window.doc.minutes.rounds
        dialog = QDialog(self.window)
        dialog.setWindowTitle(_("Round history"))
        table = QTableWidget(len(rounds), 4)
        table.setHorizontalHeaderLabels([_("Round"), _("Sent by"), _("Time"), _("Note")])
        for row, r in enumerate(rounds):
            for col, text in enumerate((str(r.number), side_label(r.side), r.time, r.note)):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        if not rounds:
            layout.addWidget(QLabel(_("No round has been sent yet; edits are not tracked.")))
        dialog.resize(720, 320)
        dialog.exec()

    def decide_side(self, side: Side | None, accept: bool) -> None:
        """Accept or reject every pending revision (of one Side), as one undo step."""
        m = self.window.doc.minutes
        revisions = select(m, lambda r: side is None or r.side is side)
        if side is None:
            label = _("Accept all revisions") if accept else _("Reject all revisions")
        else:
            label = (_("Accept all revisions of the {side}") if accept
                     else _("Reject all revisions of the {side}")).format(side=side_label(side))
        self._apply(lambda: decision(m, revisions, accept), label)

    def bracket_selection(self, dialog: BracketDialog | None = None) -> None:
        """Put the words selected in the current cell in brackets with an alternative.

        Only the open cell of the current paragraph counts (never another text field), and
        only its selection; the words may be narrowed in the dialog, never replaced: text
        outside them is never deleted.
        """
        from minutes_app.ui.cell_editor import ParagraphEditor

        w = self.window
        index = w.editor.currentIndex()
        editor = w.editor.indexWidget(index) if index.isValid() else None
        kind, pid = w.editor_model.key(index.row()) if index.isValid() else (None, 0)
        lang = w.editor_model.lang_of(index.column()) if index.isValid() else None
        cursor = editor.textCursor() if isinstance(editor, ParagraphEditor) else None
        if (cursor is None or kind is not RowKind.PARAGRAPH or lang is None
                or not cursor.hasSelection()):
            w.statusBar().showMessage(_("Select words in a paragraph first."), 6000)
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        m = w.doc.minutes
        selected = m.paragraph(pid).text(lang)[start:end]
        dialog = dialog or BracketDialog(selected, m.own_side, w)
        if not w.run_dialog(dialog):
            return
        words = dialog.words.text().strip()
        at = selected.find(words) if words else -1
        if at < 0:
            w.show_error(_("The words in brackets must be part of the selected text; "
                           "nothing was changed."), _("Put words in brackets"))
            return
        start, end = start + at, start + at + len(words)
        self._apply(lambda: bracket_op(m, pid, lang, start, end, dialog.options(),
                                       now_iso()), _("Put words in brackets"))

    def choose_option(self, pid: int, lang: object, bracket: int, option: int) -> None:
        """Close a bracket by keeping one option."""
        m = self.window.doc.minutes
        self._apply(lambda: choose_op(m, pid, lang, bracket, option, now_iso()),  # type: ignore[arg-type]
                    _("Choose bracket option"))
