"""The meeting details dialog: body name, ordinal, dates, format, venue, heads of delegation."""

from __future__ import annotations

import dataclasses
import datetime as dt

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
    QSpinBox, QVBoxLayout, QWidget,
)

from minutes_app.i18n.messages import error_text
from minutes_app.i18n import _
from minutes_app.i18n.places import MEETING_FIELDS
from minutes_app.ui.dialogs.widgets import ok_cancel
from minutes_app.model import (
    AlternatPair, Lang, LangText, Meeting, Person, Settings, Side,
)
from minutes_app.ui.labels import column_languages, lang_label, side_label

if TYPE_CHECKING:
    from minutes_app.model import Operation
    from minutes_app.ui.main_window import MainWindow

_TEXT_FIELDS = ("body", "body_alternat", "next_body", "format", "venue", "place")
_PERSON_FIELDS = ("name", "title", "organisation")


def _field_label(name: str) -> str:
    return _(MEETING_FIELDS[name])


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MeetingDialog(QDialog):
    """Edits a copy of the meeting; ``meeting()`` returns the result."""

    def __init__(self, meeting: Meeting, langs: list[Lang], parent: QWidget | None = None,
                 doc_languages: list[Lang] | None = None, settings: Settings | None = None,
                 pairs: list[AlternatPair] | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or Settings()
        self._pairs = list(pairs or [])
        self.setWindowTitle(_("Meeting details"))
        self.setObjectName("meetingDialog")
        self._original = meeting
        self._langs = langs
        self._texts: dict[str, dict[Lang, QLineEdit]] = {}
        self._people: dict[tuple[Side, str], dict[Lang, QLineEdit]] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        self.language_list = QListWidget()
        if doc_languages is not None:
            layout.addWidget(self._languages_box(doc_languages))
        layout.addWidget(self._general_box(meeting))
        for side in Side:
            layout.addWidget(self._person_box(side, meeting.heads.get(side, Person())))
        layout.addWidget(self._signing_box(meeting))
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = ok_cancel(self)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(buttons)
        self.resize(900, 640)

    def _languages_box(self, doc_languages: list[Lang]) -> QGroupBox:
        """The document's languages: ticked ones in the delegation's order (drag or buttons)."""
        box = QGroupBox(_("Languages of the minutes"))
        row = QHBoxLayout(box)
        lst = self.language_list
        lst.setObjectName("languageList")
        lst.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        lst.setMaximumHeight(90)
        for lang in [*doc_languages, *(x for x in Lang if x not in doc_languages)]:
            item = QListWidgetItem(lang_label(lang))
            item.setData(Qt.ItemDataRole.UserRole, lang.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if lang in doc_languages
                               else Qt.CheckState.Unchecked)
            lst.addItem(item)
        row.addWidget(lst, 1)
        buttons = QVBoxLayout()
        for text, delta in ((_("Move up"), -1), (_("Move down"), 1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, d=delta: self.move_language(d))
            buttons.addWidget(button)
        row.addLayout(buttons)
        note = QLabel(_("Two or three languages. Removing one deletes its text "
                        "(one step that Undo takes back)."))
        note.setWordWrap(True)
        row.addWidget(note, 1)
        return box

    def move_language(self, delta: int) -> None:
        """Move the selected language up or down in the order."""
        lst = self.language_list
        row = lst.currentRow()
        if row < 0 or not 0 <= row + delta < lst.count():
            return
        lst.insertItem(row + delta, lst.takeItem(row))
        lst.setCurrentRow(row + delta)

    def languages(self) -> list[Lang]:
        """The ticked languages in their order (empty when the dialog shows none)."""
        items = [self.language_list.item(i) for i in range(self.language_list.count())]
        return [Lang(str(it.data(Qt.ItemDataRole.UserRole))) for it in items
                if it.checkState() == Qt.CheckState.Checked]

    def _lang_grid(self, grid: QGridLayout, row: int) -> None:
        for col, lang in enumerate(self._langs, start=1):
            grid.addWidget(QLabel(f"<b>{lang_label(lang)}</b>"), row, col)

    def _general_box(self, meeting: Meeting) -> QGroupBox:
        box = QGroupBox(_("Meeting"))
        grid = QGridLayout(box)
        self._lang_grid(grid, 0)
        for row, name in enumerate(_TEXT_FIELDS, start=1):
            grid.addWidget(QLabel(_field_label(name)), row, 0)
            values: LangText = getattr(meeting, name)
            self._texts[name] = self._edits(grid, row, values)
            if name in ("body", "body_alternat") and Lang.RU in self._texts[name]:
                self._texts[name][Lang.RU].setToolTip(_(  # the Russian title declines it so
                    "In the genitive, as the title uses it: "
                    "«заседания Корейско-Российского Подкомитета …»"))
        row = len(_TEXT_FIELDS) + 1
        self.ordinal = QSpinBox()
        self.ordinal.setRange(1, 999)
        self.ordinal.setValue(meeting.ordinal)
        grid.addWidget(QLabel(_("Ordinal")), row, 0)
        grid.addWidget(self.ordinal, row, 1)
        self.start = QDateEdit(_qdate(meeting.start))
        self.start.setCalendarPopup(True)
        self.end = QDateEdit(_qdate(meeting.last_day))
        self.end.setCalendarPopup(True)
        from minutes_app.ui.locale_dates import date_format

        for edit in (self.start, self.end):  # as the user's locale writes dates
            edit.setDisplayFormat(date_format())
        self.one_day = QCheckBox(_("One-day meeting"))
        self.one_day.setChecked(meeting.end is None)
        self.one_day.toggled.connect(lambda on: self.end.setEnabled(not on))
        self.end.setEnabled(meeting.end is not None)
        grid.addWidget(QLabel(_("Dates")), row + 1, 0)
        grid.addWidget(self.start, row + 1, 1)
        grid.addWidget(self.end, row + 1, 2)
        grid.addWidget(self.one_day, row + 2, 1)
        return box

    def _person_box(self, side: Side, person: Person) -> QGroupBox:
        box = QGroupBox(_("Head of delegation: {side}").format(side=side_label(side)))
        grid = QGridLayout(box)
        self._lang_grid(grid, 0)
        for row, name in enumerate(_PERSON_FIELDS, start=1):
            grid.addWidget(QLabel(_field_label(name)), row, 0)
            self._people[(side, name)] = self._edits(grid, row, getattr(person, name))
        return box

    def _signing_box(self, meeting: Meeting) -> QGroupBox:
        box = QGroupBox(_("Signing: the alternat, signature headings, prevailing text"))
        grid = QGridLayout(box)
        self.text_order = QComboBox()
        for side in Side:
            self.text_order.addItem(side_label(side), side.value)
        self.text_order.setCurrentIndex(list(Side).index(meeting.text_order))
        self.signature_heading = QComboBox()
        for key, label in (("government", _("For the Government of …")),
                           ("side", _("For the … Side")),
                           ("delegation", _("For the … Delegation"))):
            self.signature_heading.addItem(label, key)
        self.signature_heading.setCurrentIndex(
            max(0, self.signature_heading.findData(self._settings.signature_heading)))
        self.prevailing = QComboBox()
        self.prevailing.addItem(_("None (all texts equally authentic)"), "")
        for lang in self._langs:
            self.prevailing.addItem(lang_label(lang), lang.value)
        self.prevailing.setCurrentIndex(max(0, self.prevailing.findData(
            self._settings.prevailing)))
        grid.addWidget(QLabel(_("The text names pairs in the order of")), 0, 0)
        grid.addWidget(self.text_order, 0, 1)
        grid.addWidget(QLabel(_("Signature heading")), 1, 0)
        grid.addWidget(self.signature_heading, 1, 1)
        grid.addWidget(QLabel(_("Prevailing text")), 2, 0)
        grid.addWidget(self.prevailing, 2, 1)
        grid.addWidget(QLabel(_("Pairs named in the text, in each order (e.g. Korea-Russia / "
                                "Russia-Korea; a stem such as российско-корейск covers every "
                                "ending)")), 3, 0, 1, 4)
        self._pair_edits: list[dict[Side, dict[Lang, QLineEdit]]] = []
        row = 4
        for i in range(max(3, len(self._pairs) + 1)):
            pair = self._pairs[i] if i < len(self._pairs) else AlternatPair()
            edits: dict[Side, dict[Lang, QLineEdit]] = {}
            for side in Side:
                grid.addWidget(QLabel(_("{side} first").format(side=side_label(side))), row, 0)
                edits[side] = self._edits(grid, row, pair.form(side))
                row += 1
            self._pair_edits.append(edits)
        return box

    def settings(self) -> Settings:
        """The document settings with the chosen signature heading and prevailing text."""
        return dataclasses.replace(self._settings,
                                   signature_heading=self.signature_heading.currentData(),
                                   prevailing=self.prevailing.currentData())

    def pairs(self) -> tuple[AlternatPair, ...]:
        """The alternat pairs as edited (empty rows dropped; hidden languages kept)."""
        out = []
        for i, edits in enumerate(self._pair_edits):
            old = self._pairs[i] if i < len(self._pairs) else AlternatPair()
            forms = tuple((side, {k: v for k, v in self._values(old.form(side), edits[side])
                                  .items() if v}) for side in Side)
            if any(v for _side, texts in forms for v in texts.values()):
                out.append(AlternatPair(forms))
        return tuple(out)

    def _edits(self, grid: QGridLayout, row: int, values: LangText) -> dict[Lang, QLineEdit]:
        edits = {}
        for col, lang in enumerate(self._langs, start=1):
            edit = QLineEdit(values.get(lang, ""))
            edit.setObjectName(f"edit_{row}_{lang.value}")
            grid.addWidget(edit, row, col)
            edits[lang] = edit
        return edits

    @staticmethod
    def _values(old: LangText, edits: dict[Lang, QLineEdit]) -> LangText:
        merged = dict(old)
        merged.update({lang: e.text().strip() for lang, e in edits.items()})
        return merged

    def meeting(self) -> Meeting:
        """The meeting as edited (languages not shown keep their values)."""
        m = self._original
        texts = {name: self._values(getattr(m, name), edits) for name, edits in self._texts.items()}
        heads = dict(m.heads)
        for side in Side:
            old = m.heads.get(side, Person())
            fields = {name: self._values(getattr(old, name), self._people[(side, name)])
                      for name in _PERSON_FIELDS}
            heads[side] = Person(**fields)
        start: dt.date = self.start.date().toPython()  # type: ignore[assignment]
        end: dt.date | None = None if self.one_day.isChecked() else \
            self.end.date().toPython()  # type: ignore[assignment]
        return dataclasses.replace(m, ordinal=self.ordinal.value(), start=start, end=end,
                                   heads=heads, text_order=Side(self.text_order.currentData()),
                                   **texts)


def apply_meeting(w: MainWindow, meeting: Meeting, langs: list[Lang],
                  signing: tuple[Operation, ...] = ()) -> None:
    """Meeting details, the signing choices and the document's languages as one undoable step.

    Removing a language that holds text asks first; the inverse gives every word back.
    """
    from minutes_app.errors import MinutesError
    from minutes_app.model import Batch, SetMeeting
    from minutes_app.model.languages import language_holds_text, set_languages_ops

    m = w.doc.minutes
    ops: list[Operation] = [SetMeeting(meeting), *signing]
    if langs and langs != m.languages:
        try:
            ops += set_languages_ops(m, langs)
        except MinutesError as exc:
            w.show_error(error_text(exc))
            return
        losing = [x for x in m.languages if x not in langs and language_holds_text(m, x)]
        if losing and not w.confirm(_("Remove a language?"), _(
                "Removing {language} deletes its text from every paragraph and heading. "
                "Remove it?").format(language=", ".join(lang_label(x) for x in losing))):
            return
    w.files.apply_or_show(Batch(tuple(ops)) if len(ops) > 1 else ops[0],
                          _("Edit meeting details"))


def edit_meeting(w: MainWindow) -> None:
    """Document > Meeting details: one undo step for the details, languages and signing choices."""
    from minutes_app.model import SetPairs, SetSettings

    m = w.doc.minutes
    dialog = MeetingDialog(m.meeting, column_languages(m), w, m.languages, m.settings, m.pairs)
    if dialog.exec():
        apply_meeting(w, dialog.meeting(), dialog.languages(),
                      (SetSettings(dialog.settings()), SetPairs(dialog.pairs())))
