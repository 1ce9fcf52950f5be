"""Find and replace across both languages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget,
)

from minutes_app.i18n import _, ngettext
from minutes_app.model import Lang, Status
from minutes_app.model.brackets import status_of
from minutes_app.model.search import Match, find_next, replace_all, text_of
from minutes_app.tracking.ops import edit_heading, edit_text
from minutes_app.tracking.time import now_iso
from minutes_app.ui.document import Document
from minutes_app.ui.labels import lang_label


class FindDialog(QDialog):
    """A non-modal find/replace box; matches are shown by the editor (``found`` signal)."""

    found = Signal(object)  # Match

    def __init__(self, doc: Document, langs: list[Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findDialog")
        self.doc = doc
        self.last: Match | None = None
        self.needle = QLineEdit()
        self.replacement = QLineEdit()
        self.match_case = QCheckBox()
        self.lang_boxes = {lang: QCheckBox(lang_label(lang)) for lang in langs}
        for box in self.lang_boxes.values():
            box.setChecked(True)
        self.find_button, self.replace_button, self.all_button = (
            QPushButton(), QPushButton(), QPushButton())
        self.message = QLabel()
        self.find_label, self.replace_label = QLabel(), QLabel()
        grid = QGridLayout(self)
        grid.addWidget(self.find_label, 0, 0)
        grid.addWidget(self.needle, 0, 1)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replacement, 1, 1)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        for box in self.lang_boxes.values():
            options.addWidget(box)
        grid.addLayout(options, 2, 1)
        buttons = QHBoxLayout()
        for b in (self.find_button, self.replace_button, self.all_button):
            buttons.addWidget(b)
        grid.addLayout(buttons, 3, 1)
        grid.addWidget(self.message, 4, 0, 1, 2)
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.all_button.clicked.connect(self.replace_everywhere)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        self.setWindowTitle(_("Find and replace"))
        self.find_label.setText(_("Find:"))
        self.replace_label.setText(_("Replace with:"))
        self.match_case.setText(_("Match case"))
        self.find_button.setText(_("Find next"))
        self.replace_button.setText(_("Replace"))
        self.all_button.setText(_("Replace all"))
        for lang, box in self.lang_boxes.items():
            box.setText(lang_label(lang))

    def _langs(self) -> list[Lang]:
        return [lang for lang, box in self.lang_boxes.items() if box.isChecked()]

    def find_next(self) -> Match | None:
        """Go to the next occurrence."""
        hit = find_next(self.doc.minutes, self.needle.text(), self._langs(), self.last,
                        self.match_case.isChecked())
        self.last = hit
        self.message.setText("" if hit else _("Not found."))
        if hit:
            self.found.emit(hit)
        return hit

    # Set by the window: asks before agreed text changes and reopens it (as the editor does).
    reopen: Callable[[int], bool] | None = None

    def _is_agreed(self, pid: int) -> bool:
        return status_of(self.doc.minutes.paragraph(pid)) in (Status.AGREED, Status.AGREED_AD_REF)

    def replace_one(self) -> None:
        """Replace the occurrence last found (a tracked edit once rounds exist), then find
        the next; agreed text is replaced only if the user reopens its paragraph."""
        hit = self.last
        m = self.doc.minutes
        there = hit is not None and (any(s.id == hit.pid for s in m.sections) if hit.heading
                                     else m.has_paragraph(hit.pid))
        if hit is not None and there:
            text = text_of(m, hit.pid, hit.heading, hit.lang)
            same = text[hit.start:hit.end].lower() == self.needle.text().lower()
            new = text[:hit.start] + self.replacement.text() + text[hit.end:]
            if same and hit.heading:
                self.doc.apply(edit_heading(m, hit.pid, hit.lang, new, now_iso()),
                               _("Replace"))
            elif same and (not self._is_agreed(hit.pid)
                           or (self.reopen is not None and self.reopen(hit.pid))):
                self.doc.apply(edit_text(m, hit.pid, hit.lang, new, now_iso()), _("Replace"))
        self.find_next()

    def replace_everywhere(self) -> int:
        """Replace every occurrence outside agreed paragraphs as one undo step (tracked edits
        once rounds exist); returns how many, and says how many agreed text kept."""
        m, now = self.doc.minutes, now_iso()
        op, count, left = replace_all(
            m, self.needle.text(), self.replacement.text(), self._langs(),
            self.match_case.isChecked(), lambda pid, lang, text: edit_text(m, pid, lang, text, now),
            frozenset(p.id for p in m.paragraphs() if self._is_agreed(p.id)),
            lambda sid, lang, text: edit_heading(m, sid, lang, text, now))
        if count:
            self.doc.apply(op, _("Replace all"))
        message = ngettext("{n} replacement", "{n} replacements", count).format(n=count)
        if left:
            message += " " + ngettext(
                "({n} in agreed paragraphs left as agreed: reopen a paragraph to change it)",
                "({n} in agreed paragraphs left as agreed: reopen a paragraph to change it)",
                left).format(n=left)
        self.message.setText(message)
        return count
