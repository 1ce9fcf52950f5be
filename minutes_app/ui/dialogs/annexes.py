"""Document > Annexes: delegation lists and free annexes, edited as one undoable change."""

from __future__ import annotations

import dataclasses

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit,
    QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from minutes_app.i18n import _
from minutes_app.model import Annex, Batch, Lang, Operation, Person, SetAnnexes, Side
from minutes_app.model.track import Author
from minutes_app.model.annexes import DELEGATION, FREE, new_annex_key, roman
from minutes_app.ui.labels import lang_label, side_label
from minutes_app.ui.dialogs.widgets import ok_cancel
from minutes_app.ui.editor.cell import typed_text

if TYPE_CHECKING:
    from minutes_app.model.search import Match
    from minutes_app.ui.main_window import MainWindow

FIELDS = ("name", "title", "organisation")


def edit_annexes(w: MainWindow, dialog: object = None) -> None:
    """Ask for the annexes (or take ``dialog``) and apply them as one undoable change."""
    box = dialog or annex_dialog(w)
    if box.exec():  # type: ignore[attr-defined]
        w.files.apply_or_show(box.operation(), _("Edit annexes"))  # type: ignore[attr-defined]


def annex_dialog(w: MainWindow) -> AnnexDialog:
    """The Annexes dialog on the window's document (edits tracked after a round)."""
    from minutes_app.ui.labels import column_languages

    from minutes_app.tracking.time import now_iso

    m = w.doc.minutes
    author = Author(m.own_side, m.working_round, now_iso()) if m.tracking else None
    return AnnexDialog(m.annexes, column_languages(m), w, author)


class AnnexDialog(QDialog):
    """Edits a copy of the annexes; ``operation()`` is the one change to apply."""

    def __init__(self, annexes: list[Annex], langs: list[Lang],
                 parent: QWidget | None = None, author: Author | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Annexes"))
        self.setObjectName("annexDialog")
        self.langs = langs
        self.annexes = list(annexes)
        # after a round, free annexes' edits are tracked as ``author``'s revisions: each
        # annex shown remembers which annex of the document it was (None: added here)
        self.author = author
        self.original = tuple(annexes)
        self.origin: list[int | None] = list(range(len(annexes)))
        self.pending = {lang: QLabel() for lang in langs}
        self.current = -1
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.table = QTableWidget(0, len(FIELDS) * len(langs))
        self.table.setHorizontalHeaderLabels(
            [f"{self._field(f)} ({lang_label(lang)})" for lang in langs for f in FIELDS])
        self.heading = {lang: QLineEdit() for lang in langs}
        self.paragraphs = {lang: QPlainTextEdit() for lang in langs}
        self.stack = QStackedWidget()
        self.stack.addWidget(self._delegation_page())
        self.stack.addWidget(self._free_page())
        buttons = QHBoxLayout()
        for text, slot in ((_("Add annex"), self.add_free),
                           (_("Add delegation list: Korean Side"), lambda: self.add_delegation(
                               Side.KR)),
                           (_("Add delegation list: Russian Side"), lambda: self.add_delegation(
                               Side.RU)),
                           (_("Remove annex"), self.remove),
                           (_("Move up"), lambda: self.move_annex(-1)),
                           (_("Move down"), lambda: self.move_annex(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addWidget(self.stack, 4)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(ok_cancel(self))
        self._refresh_list()
        self.resize(1000, 560)

    @staticmethod
    def _field(name: str) -> str:
        return {"name": _("Name"), "title": _("Title"), "organisation": _("Organisation")}[name]

    def _delegation_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(_("Members in order of precedence (the head of delegation "
                                  "comes from the meeting details)")))
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in ((_("Add member"), self.add_member),
                           (_("Remove member"), self.remove_member),
                           (_("Import from CSV…"), lambda: self.import_csv())):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        return page

    def _free_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        for col, lang in enumerate(self.langs):
            grid.addWidget(QLabel(f"<b>{lang_label(lang)}</b>"), 0, col)
            self.heading[lang].setPlaceholderText(_("Heading"))
            grid.addWidget(self.heading[lang], 1, col)
            self.paragraphs[lang].setPlaceholderText(_("Paragraphs, separated by a blank line"))
            grid.addWidget(self.paragraphs[lang], 2, col)
            self.pending[lang].setWordWrap(True)
            self.pending[lang].setObjectName(f"annexPending_{lang.value}")
            grid.addWidget(self.pending[lang], 3, col)
        return page

    # -- the list -----------------------------------------------------------------------
    def _title(self, i: int, a: Annex) -> str:
        if a.kind == DELEGATION and a.side is not None:
            what = _("Delegation list: {side}").format(side=side_label(a.side))
        else:
            what = next((a.heading.get(lang, "") for lang in self.langs
                         if a.heading.get(lang)), "")
        return _("Annex {number}").format(number=roman(i + 1)) + f" — {what}"

    def _refresh_list(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i, a in enumerate(self.annexes):
            self.list.addItem(self._title(i, a))
        self.list.blockSignals(False)
        self.current = -1
        if self.annexes:
            target = min(select if select is not None else 0, len(self.annexes) - 1)
            self.list.setCurrentRow(target)
            self._load(target)

    def _on_list_current_row_changed(self, row: int) -> None:
        self._store()
        if row >= 0:
            self._load(row)

    def _load(self, i: int) -> None:
        self.current = i
        a = self.annexes[i]
        if a.kind == DELEGATION:
            self.stack.setCurrentIndex(0)
            self.table.setRowCount(0)
            for p in a.members:
                self._append_member(p)
        else:
            self.stack.setCurrentIndex(1)
            for lang in self.langs:
                self.heading[lang].setText(a.heading.get(lang, ""))
                self.paragraphs[lang].setPlainText(
                    "\n\n".join(p.get(lang, "") for p in a.paragraphs))
            self._show_pending(i)

    def _append_member(self, p: Person) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, (lang, f) in enumerate((lang, f) for lang in self.langs for f in FIELDS):
            self.table.setItem(row, col, QTableWidgetItem(getattr(p, f).get(lang, "")))

    def _store(self) -> None:
        """Take the editors' values back into the current annex."""
        if not 0 <= self.current < len(self.annexes):
            return
        a = self.annexes[self.current]
        if a.kind == DELEGATION:
            people = []
            for row in range(self.table.rowCount()):
                values: dict[str, dict[Lang, str]] = {f: {} for f in FIELDS}
                for col, (lang, f) in enumerate((lang, f) for lang in self.langs
                                                for f in FIELDS):
                    item = self.table.item(row, col)
                    values[f][lang] = item.text().strip() if item else ""
                old = a.members[row] if row < len(a.members) else Person()
                people.append(Person(**{f: {**getattr(old, f), **values[f]} for f in FIELDS}))
            self.annexes[self.current] = dataclasses.replace(a, members=tuple(people))
            return
        texts = {lang: [x.strip() for x in typed_text(self.paragraphs[lang]).split("\n\n")]
                 for lang in self.langs}
        # by position (a paragraph left empty keeps its place): up to the last one written
        count = max(max((k + 1 for k, x in enumerate(t) if x), default=0)
                    for t in texts.values())
        paragraphs = tuple({lang: (texts[lang] + [""] * count)[k] for lang in self.langs}
                           for k in range(count))
        heading = {**a.heading, **{lang: e.text().strip() for lang, e in self.heading.items()}}
        self.annexes[self.current] = dataclasses.replace(a, heading=heading,
                                                         paragraphs=paragraphs)

    def select(self, hit: Match) -> None:
        """Show the annex a Find match is in, its words selected (a member: its cell)."""
        from minutes_app.model.search import MEMBER

        if not 0 <= hit.pid < len(self.annexes) or hit.lang not in self.langs:
            return
        self.list.setCurrentRow(hit.pid)
        if hit.place == MEMBER:
            member, field = divmod(hit.part, len(FIELDS))
            self.table.setCurrentCell(member, self.langs.index(hit.lang) * len(FIELDS) + field)
            return
        if hit.part == 0:
            line = self.heading[hit.lang]
            line.setFocus()
            line.setSelection(hit.start, hit.end - hit.start)
            return
        before = self.annexes[hit.pid].paragraphs[:hit.part - 1]
        offset = sum(len(p.get(hit.lang, "")) + 2 for p in before)  # "\n\n" between them
        box = self.paragraphs[hit.lang]
        cursor = box.textCursor()
        cursor.setPosition(offset + hit.start)
        cursor.setPosition(offset + hit.end, cursor.MoveMode.KeepAnchor)
        box.setTextCursor(cursor)
        box.setFocus()

    # -- commands -----------------------------------------------------------------------
    def add_free(self) -> None:
        """A new free annex at the end."""
        self._store()
        self.annexes.append(Annex(FREE, key=new_annex_key()))
        self.origin.append(None)
        self._refresh_list(len(self.annexes) - 1)

    def add_delegation(self, side: Side) -> None:
        """``side``'s delegation list at the end (unless it has one)."""
        self._store()
        if not any(a.kind == DELEGATION and a.side is side for a in self.annexes):
            self.annexes.append(Annex(DELEGATION, side))
            self.origin.append(None)
        self._refresh_list(len(self.annexes) - 1)

    def remove(self) -> None:
        """Remove the selected annex."""
        if 0 <= self.current < len(self.annexes):
            del self.annexes[self.current]
            del self.origin[self.current]
            self.current = -1
            self._refresh_list(max(0, self.list.currentRow() - 1))

    def move_annex(self, step: int) -> None:
        """Move the selected annex up or down (its number changes)."""
        i = self.current
        j = i + step
        if 0 <= i < len(self.annexes) and 0 <= j < len(self.annexes):
            self._store()
            self.annexes[i], self.annexes[j] = self.annexes[j], self.annexes[i]
            self.origin[i], self.origin[j] = self.origin[j], self.origin[i]
            self._refresh_list(j)

    def add_member(self) -> None:
        """A blank row for a new member, last."""
        self._append_member(Person())

    def remove_member(self) -> None:
        """Remove the selected member."""
        row = self.table.currentRow()
        if row >= 0:
            self._store()
            a = self.annexes[self.current]
            members = a.members[:row] + a.members[row + 1:]
            self.annexes[self.current] = dataclasses.replace(a, members=members)
            self._load(self.current)

    def import_csv(self, path: str | None = None) -> None:
        """Replace the members by a CSV's rows (columns name_ko, title_ko, ..., name_en, ...)."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from minutes_app.errors import MinutesError
        from minutes_app.model.delegation import csv_text, members_from_csv

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, _("Import from CSV…"), "",
                                                        _("CSV files (*.csv)"))
            if not path:
                return
        a = self.annexes[self.current] if 0 <= self.current < len(self.annexes) else None
        if a is None or a.kind != DELEGATION:
            return
        try:
            people = members_from_csv(csv_text(Path(path).read_bytes()), self.langs)
        except (MinutesError, OSError) as exc:
            QMessageBox.warning(self, _("Import from CSV…"), str(exc))
            return
        self.annexes[self.current] = dataclasses.replace(a, members=people)
        self._load(self.current)

    def _show_pending(self, i: int) -> None:
        """The document's pending revisions of this annex, inline under each language."""
        from minutes_app.ui.panels.annex_revisions import part_html

        o = self.origin[i]
        a = self.original[o] if o is not None else None
        for lang, label in self.pending.items():
            if a is None or not a.tracks:
                label.setText("")
                continue
            parts = [f"<b>{part_html(a, 0, lang)}</b>"]
            parts += [part_html(a, k, lang) for k in range(1, len(a.paragraphs) + 1)]
            label.setText(_("Pending revisions:") + "<br>" + "<br>".join(parts))

    def operation(self) -> Operation:
        """The one undoable change that gives the document these annexes (after a round,
        free annexes' text changes as tracked revisions)."""
        self._store()
        if self.author is None:
            return SetAnnexes(tuple(dataclasses.replace(a, paragraphs=tuple(
                p for p in a.paragraphs if any(v.strip() for v in p.values())))
                for a in self.annexes))
        from minutes_app.tracking.annexes import edit_ops

        # first the list itself (order, new annexes, delegation lists), the free annexes'
        # texts as the document holds them; then their edits, tracked
        frame = [self.original[o] if o is not None and a.kind == FREE
                 else Annex(FREE, key=a.key) if a.kind == FREE else a
                 for a, o in zip(self.annexes, self.origin, strict=True)]
        ops: list[Operation] = [SetAnnexes(tuple(frame))]
        for i, (a, before) in enumerate(zip(self.annexes, frame, strict=True)):
            if a.kind == FREE:
                texts = {lang: [p.get(lang, "") for p in a.paragraphs] for lang in self.langs}
                ops += edit_ops(before, i, {lang: a.heading.get(lang, "") for lang in self.langs},
                                texts, self.author)
        return Batch(tuple(ops))
