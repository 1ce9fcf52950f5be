"""Find and replace across the languages: title, meeting details, headings, paragraphs and
annexes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget,
)

from minutes_app.i18n import _, ngettext
from minutes_app.i18n.places import match_label
from minutes_app.model import Lang
from minutes_app.model.search import ANNEX, MEETING, MEMBER, TITLE, Match
from minutes_app.tracking.time import now_iso
from minutes_app.ui.document import Document
from minutes_app.ui.labels import lang_label
from minutes_app.ui.undo_echo import Said, tie
from minutes_app.workflows import search


class FindDialog(QDialog):
    """A non-modal find/replace box; matches are shown by the editor (``found`` signal), or,
    in an annex, by the Annexes dialog when the user asks (``show_annex``)."""

    found = Signal(object)  # Match
    show_annex = Signal(object)  # Match in an annex

    def __init__(self, doc: Document, langs: list[Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findDialog")
        self.doc = doc
        self.last: Match | None = None
        self.hidden: list[Lang] | None = None  # the hidden columns the boxes were ticked for
        self.needle = QLineEdit()
        self.replacement = QLineEdit()
        self.match_case = QCheckBox()
        self.lang_boxes = {lang: QCheckBox(lang_label(lang)) for lang in langs}
        for box in self.lang_boxes.values():
            box.setChecked(True)
        self.find_button, self.replace_button, self.all_button = (
            QPushButton(), QPushButton(), QPushButton())
        self.annex_button = QPushButton()
        self.annex_button.setObjectName("findShowAnnex")
        self.annex_button.hide()
        self.scope, self.hidden_note, self.message = QLabel(), QLabel(), QLabel()
        for label in (self.scope, self.hidden_note, self.message):
            label.setWordWrap(True)
        self.hidden_note.setObjectName("findHiddenNote")
        self.find_label, self.replace_label = QLabel(), QLabel()
        self._lay_out()
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.all_button.clicked.connect(self.replace_everywhere)
        self.annex_button.clicked.connect(lambda: self.last and self.show_annex.emit(self.last))
        self.retranslate_ui()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(self.scope, 0, 0, 1, 2)
        grid.addWidget(self.find_label, 1, 0)
        grid.addWidget(self.needle, 1, 1)
        grid.addWidget(self.replace_label, 2, 0)
        grid.addWidget(self.replacement, 2, 1)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        for box in self.lang_boxes.values():
            options.addWidget(box)
        options.addStretch(1)
        grid.addLayout(options, 3, 1)
        grid.addWidget(self.hidden_note, 4, 1)
        buttons = QHBoxLayout()
        for b in (self.find_button, self.replace_button, self.all_button):
            buttons.addWidget(b)
        grid.addLayout(buttons, 5, 1)
        grid.addWidget(self.message, 6, 0, 1, 2)
        grid.addWidget(self.annex_button, 7, 1)
        self.setMinimumWidth(520)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        self.setWindowTitle(_("Find and replace"))
        self.scope.setText(_("Searches the title, the meeting details, the section headings, "
                             "the paragraphs and the annexes (delegation lists included), in "
                             "the languages ticked."))
        self.find_label.setText(_("Find:"))
        self.replace_label.setText(_("Replace with:"))
        self.match_case.setText(_("Match case"))
        self.find_button.setText(_("Find next"))
        self.replace_button.setText(_("Replace"))
        self.all_button.setText(_("Replace all"))
        self.annex_button.setText(_("Show in Annexes…"))
        for lang, box in self.lang_boxes.items():
            box.setText(lang_label(lang))
        self._say_hidden()

    def set_visible_languages(self, visible: list[Lang]) -> None:
        """Tick the languages whose columns are shown and leave the hidden ones unticked, so
        Replace all never changes text the user cannot see (unless they tick it); the user's
        own ticks stand until the columns shown change."""
        hidden = [lang for lang in self.lang_boxes if lang not in visible]
        if hidden == self.hidden:
            return
        self.hidden = hidden
        for lang, box in self.lang_boxes.items():
            box.setChecked(lang not in hidden)
        self._say_hidden()

    def _say_hidden(self) -> None:
        hidden = self.hidden or []
        self.hidden_note.setVisible(bool(hidden))
        self.hidden_note.setText(_(
            "Hidden columns are not searched unless ticked: {languages}.").format(
                languages=", ".join(lang_label(lang) for lang in hidden)) if hidden else "")

    def _langs(self) -> list[Lang]:
        return [lang for lang, box in self.lang_boxes.items() if box.isChecked()]

    def find_next(self) -> Match | None:
        """Go to the next occurrence and say where it is."""
        hit = search.find_next(self.doc.minutes, self.needle.text(), self._langs(), self.last,
                               self.match_case.isChecked())
        self.last = hit
        self.annex_button.setVisible(hit is not None and hit.place in (ANNEX, MEMBER))
        if hit is None:
            self.message.setText(_("Not found.") if self._langs() else
                                 _("Tick at least one language to search."))
            return None
        self.message.setText(_("Found in {where} ({language}).").format(
            where=match_label(self.doc.minutes, hit), language=lang_label(hit.lang)))
        self.found.emit(hit)
        return hit

    # Set by the window: asks before agreed text changes and reopens it (as the editor does).
    reopen: Callable[[int], bool] | None = None

    def replace_one(self) -> None:
        """Replace the occurrence last found (a tracked edit once rounds exist), then find
        the next; agreed text is replaced only if the user reopens its paragraph; the title's
        fixed words and the delegation lists are not replaced, and the user is told why."""
        hit, m = self.last, self.doc.minutes
        text = search.text_at(m, hit) if hit is not None else None
        if hit is not None and text is not None and (
                text[hit.start:hit.end].lower() == self.needle.text().lower()):
            op = search.replace_one(m, hit, self.replacement.text(), now_iso())
            if op is None:
                self.message.setText(self._why_not(hit))
                return
            if not search.is_agreed(m, hit) or (self.reopen is not None
                                                and self.reopen(hit.pid)):
                self.doc.apply(op, _("Replace"))
        self.find_next()

    @staticmethod
    def _why_not(hit: Match) -> str:
        if hit.place == TITLE:
            return _("The title is made from the meeting details: only the body name in it "
                     "is replaced here. Change the rest in Document > Meeting details.")
        if hit.place == MEETING:
            return _("The ordinal and the dates are a number and dates, not text: change "
                     "them in Document > Meeting details.")
        return _("Delegation lists hold names: change them in Document > Annexes.")

    def replace_everywhere(self) -> int:
        """Replace every occurrence Find can change as one undo step (tracked edits once
        rounds exist); returns how many, and says how many it left and why."""
        done = search.replace_all(self.doc.minutes, self.needle.text(),
                                  self.replacement.text(), self._langs(),
                                  self.match_case.isChecked(), now_iso())
        before = self.doc.undo_stack.index()
        if done.replaced:
            self.doc.apply(done.op, _("Replace all"))
        parts = [ngettext("{n} replacement", "{n} replacements", done.replaced).format(
            n=done.replaced)]
        if done.meeting:  # not a tracked edit of the text: the user is told where it went
            parts.append(ngettext(
                "({n} of them in the title: the body's name in the meeting details changed)",
                "({n} of them in the title: the body's name in the meeting details changed)",
                done.meeting).format(n=done.meeting))
        if done.details:  # untracked too: the meeting details are not negotiated text
            parts.append(ngettext(
                "({n} of them in the meeting details)",
                "({n} of them in the meeting details)", done.details).format(n=done.details))
        if done.agreed:
            parts.append(ngettext(
                "({n} in agreed paragraphs left as agreed: reopen a paragraph to change it)",
                "({n} in agreed paragraphs left as agreed: reopen a paragraph to change it)",
                done.agreed).format(n=done.agreed))
        if done.fixed:
            parts.append(ngettext(
                "({n} in the title's fixed words left: the title is made from the meeting "
                "details)",
                "({n} in the title's fixed words left: the title is made from the meeting "
                "details)", done.fixed).format(n=done.fixed))
        if done.dated:
            parts.append(ngettext(
                "({n} in the meeting's ordinal or dates left: change them in Document > "
                "Meeting details)",
                "({n} in the meeting's ordinal or dates left: change them in Document > "
                "Meeting details)", done.dated).format(n=done.dated))
        if done.names:
            parts.append(ngettext(
                "({n} in delegation lists left: change names in Document > Annexes)",
                "({n} in delegation lists left: change names in Document > Annexes)",
                done.names).format(n=done.names))
        summary = " ".join(parts)
        self.message.setText(summary)
        tie(self.doc.undo_stack, before, Said(lambda: summary, self.message.setText))
        self.annex_button.hide()
        return done.replaced
