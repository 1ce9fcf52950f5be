"""Negotiation commands: send a round, round history, brackets, decisions in bulk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n.messages import render, render_all
from minutes_app.i18n import _, ngettext
from minutes_app.i18n.places import note_label
from minutes_app.ui.dialogs.widgets import ok_cancel
from minutes_app.model import Lang, Side
from minutes_app.model.brackets import BracketOption
from minutes_app.tracking.brackets import bracket_op
from minutes_app.tracking.time import now_iso
from minutes_app.ui.labels import side_label
from minutes_app.ui.workflow import Holder, WorkflowRunner
from minutes_app.workflows import Step

if TYPE_CHECKING:
    from minutes_app.ui.messages import FileChooser, MessageSink

# the open cell's selection: paragraph, language, start, end (None: no selection)
Selection = Callable[[], "tuple[int, Lang, int, int] | None"]


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
        self.problem = QLabel()  # said here, with what was typed still in the fields
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)
        buttons = ok_cancel(self)
        form.addRow(buttons)

    def accept(self) -> None:
        """Close only with two options to bracket (an empty one is refused here, before the
        dialog and what was typed in it are gone)."""
        empty = next((f for f in (self.words, self.alternative) if not f.text().strip()), None)
        if empty is not None:
            self.problem.setText(_("A bracket option cannot be empty."))
            self.problem.show()
            empty.setFocus()
            return
        super().accept()

    def options(self) -> list[BracketOption]:
        """The bracket's options, the words in the text first."""
        return [BracketOption(self.words.text(), Side(self.words_side.currentData())),
                BracketOption(self.alternative.text(), Side(self.alternative_side.currentData()))]


class AuthorSidesDialog(QDialog):
    """The Side of each author of a returned file not recognisable as a Side."""

    def __init__(self, authors: list[str], default: Side, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Who made these changes?"))
        self.setObjectName("authorSidesDialog")
        form = QFormLayout(self)
        form.addRow(QLabel(_("The returned file has changes by authors these minutes do not "
                             "know. Choose each one's Side (remembered for the next file).")))
        self.combos: dict[str, QComboBox] = {}
        for author in authors:
            self.combos[author] = _side_combo(default)
            form.addRow(author, self.combos[author])
        form.addRow(ok_cancel(self))

    def mapping(self) -> dict[str, Side]:
        """The chosen Side of every author."""
        return {a: Side(c.currentData()) for a, c in self.combos.items()}


class NegotiationCommands:
    """The Negotiation menu: every command a workflow run as one undo step."""

    def __init__(self, holder: Holder, sink: MessageSink, chooser: FileChooser,
                 selection: Selection) -> None:
        self.holder = holder
        self.sink = sink
        self.chooser = chooser
        self.selection = selection
        self.runner = WorkflowRunner(holder, sink)

    def _run(self, make: Callable[[], Step], title: str = "", blocking: bool = False
             ) -> Step | None:
        """Make a workflow's step and run it as one undo step; errors go to the sink."""
        return self.runner.run(make, title, blocking)

    def send_round(self) -> None:
        """Close the current text as a round (one undo step: undone, the round is withdrawn)."""
        from minutes_app.workflows.exchange import send_round

        m = self.holder.doc.minutes
        dialog = SendRoundDialog(m.own_side, m.working_round, self.sink.parent)
        if not self.sink.run_dialog(dialog):
            return
        side, note = Side(dialog.side.currentData()), dialog.note.text()
        self._run(lambda: send_round(m, side, note), _("Cannot send the round"), True)

    def merge_file(self, path: str | None = None) -> None:
        """Bring the other delegation's .minutes copy in: one undo step with their round."""
        from minutes_app.store import MinutesFile
        from minutes_app.workflows.exchange import merge_copy

        doc = self.holder.doc
        path = path or self.chooser.open_file(_("Merge the other delegation's copy"),
                                              str(doc.path.parent), _("Minutes (*.minutes)"))
        if not path:
            return

        def make() -> Step:
            theirs_file, theirs = MinutesFile.open(path, read_only=True)  # never written
            theirs_file.close()
            return merge_copy(doc.minutes, theirs, Path(path).name)

        self._run(make, _("Cannot merge"), True)

    def import_file(self, path: str | None = None, authors: dict[str, Side] | None = None
                    ) -> None:
        """File > Import returned draft: their DOCX as their round, one undo step.

        Authors of the file not recognisable as a Side are asked for (unless ``authors``).
        """
        from minutes_app.workflows.exchange import import_returned, unknown_authors

        doc = self.holder.doc
        path = path or self.chooser.open_file(_("Import the returned draft"),
                                              str(doc.path.parent),
                                              _("Word documents (*.docx)"))
        if not path:
            return
        m, returned, title = doc.minutes, Path(path), _("Cannot import")
        try:
            if authors is None:
                authors = self._ask_authors(unknown_authors(m, returned))
            if authors is None:
                return
            mapping = authors

            def plan(uncertain: bool = False, unplaced: bool = False) -> Step:
                return import_returned(m, returned, doc.file.history(), authors=mapping,
                                       accept_uncertain=uncertain, accept_unplaced=unplaced)

            step = self._confirmed(plan)
            if step is None:  # declined: nothing imported, as the command line without flags
                return
        except MinutesError as exc:
            self.sink.failed(exc, title, blocking=True)
            return
        self._run(lambda: step, title, True)

    def _confirmed(self, plan: Callable[[bool, bool], Step]) -> Step | None:
        """The import planned once the user accepted what it asks about (rows that lost
        their ids, changes that cannot be placed); None when the user declined."""
        from minutes_app.docx_io.importer import UncertainRowsError, UnplacedChangesError

        uncertain = unplaced = False
        while True:
            try:
                return plan(uncertain, unplaced)
            except UncertainRowsError as exc:
                if uncertain or not self.sink.confirm(
                        _("Rows without their paragraph id"), "\n".join(
                            [*render_all(exc.rows), "", ngettext(
                                "Import this row as the paragraph it looks like? (No: nothing "
                                "is imported.)",
                                "Import these rows as the paragraphs they look like? (No: "
                                "nothing is imported.)", len(exc.rows))])):
                    return None
                uncertain = True
            except UnplacedChangesError as exc:
                if unplaced or not self._accept_unplaced(exc):
                    return None
                unplaced = True

    def _ask_authors(self, unknown: list[str]) -> dict[str, Side] | None:
        """The Side of each unknown author ({} when there is none; None: cancelled)."""
        if not unknown:
            return {}
        m = self.holder.doc.minutes
        dialog = AuthorSidesDialog(unknown, m.own_side.other, self.sink.parent)
        return dialog.mapping() if self.sink.run_dialog(dialog) else None

    def _accept_unplaced(self, exc: MinutesError) -> bool:
        """Ask whether to import although some changes cannot be placed."""
        unplaced = getattr(exc, "unplaced", [])
        lines = [render(u._replace(text=u.text[:120]).describe())
                 for u in unplaced[:SHOWN_UNPLACED]]
        if len(unplaced) > SHOWN_UNPLACED:  # the history keeps the whole list
            lines.append(_("… and {n} more").format(n=len(unplaced) - SHOWN_UNPLACED))
        question = "\n".join([_("The returned file changed these things, which cannot be "
                                "placed in the minutes:"), "", *lines, "",
                              _("Import the rest, and record this list in the history?")])
        return self.sink.confirm(_("Changes that cannot be placed"), question)

    def show_history(self) -> None:
        """A table of the rounds exchanged so far."""
        rounds = self.holder.doc.minutes.rounds
        dialog = QDialog(self.sink.parent)
        dialog.setWindowTitle(_("Round history"))
        table = QTableWidget(len(rounds), 4)
        table.setHorizontalHeaderLabels([_("Round"), _("Sent by"), _("Time"), _("Note")])
        for row, r in enumerate(rounds):
            for col, text in enumerate((str(r.number), side_label(r.side), r.time,
                                         note_label(r.note))):
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
        from minutes_app.workflows.edits import decide

        m = self.holder.doc.minutes
        self._run(lambda: decide(m, accept, side=side, everything=side is None))

    def bracket_selection(self, dialog: BracketDialog | None = None) -> None:
        """Put the words selected in the current cell in brackets with an alternative.

        Only the open cell of the current paragraph counts (never another text field), and
        only its selection; the words may be narrowed in the dialog, never replaced: text
        outside them is never deleted.
        """
        chosen = self.selection()
        if chosen is None:
            self.sink.info(_("Select words in a paragraph first."))
            return
        pid, lang, start, end = chosen
        doc = self.holder.doc
        m = doc.minutes
        selected = m.paragraph(pid).text(lang)[start:end]
        dialog = dialog or BracketDialog(selected, m.own_side, self.sink.parent)
        if not self.sink.run_dialog(dialog):
            return
        words = dialog.words.text().strip()
        at = selected.find(words) if words else -1
        if at < 0:
            self.sink.error(_("The words in brackets must be part of the selected text; "
                              "nothing was changed."), _("Put words in brackets"), True)
            return
        start, end = start + at, start + at + len(words)
        try:
            doc.apply(bracket_op(m, pid, lang, start, end, dialog.options(), now_iso()),
                      _("Put words in brackets"))
        except MinutesError as exc:
            self.sink.failed(exc)

    def choose_option(self, pid: int, lang: Lang, bracket: int, option: int) -> None:
        """Close a bracket by keeping one option."""
        from minutes_app.workflows.edits import choose_option

        m = self.holder.doc.minutes
        self._run(lambda: choose_option(m, pid, lang, bracket, option))

    def choose_bracket(self, pid: int, bracket_id: int, option: int) -> None:
        """Close the bracket with id ``bracket_id`` by keeping one option."""
        from minutes_app.workflows.edits import choose_bracket

        m = self.holder.doc.minutes
        self._run(lambda: choose_bracket(m, pid, bracket_id, option))
