"""The meeting details dialog: body name, ordinal, dates, format, venue, heads of delegation."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QGridLayout, QGroupBox, QLabel, QLineEdit,
    QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from minutes_app.i18n import _
from minutes_app.ui.widgets import ok_cancel
from minutes_app.model import Lang, LangText, Meeting, Person, Side
from minutes_app.ui.labels import lang_label, side_label

_TEXT_FIELDS = ("body", "body_alternat", "next_body", "format", "venue", "place")
_PERSON_FIELDS = ("name", "title", "organisation")


def _field_label(name: str) -> str:
    return {
        "body": _("Body name"),
        "body_alternat": _("Body name, other Side first (for their original)"),
        "next_body": _("Name from the next meeting"),
        "format": _("Format"), "venue": _("Venue"), "place": _("Place of signature"),
        "name": _("Name"), "title": _("Title"), "organisation": _("Organisation"),
    }[name]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MeetingDialog(QDialog):
    """Edits a copy of the meeting; ``meeting()`` returns the result."""

    def __init__(self, meeting: Meeting, langs: list[Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Meeting details"))
        self.setObjectName("meetingDialog")
        self._original = meeting
        self._langs = langs
        self._texts: dict[str, dict[Lang, QLineEdit]] = {}
        self._people: dict[tuple[Side, str], dict[Lang, QLineEdit]] = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._general_box(meeting))
        for side in Side:
            layout.addWidget(self._person_box(side, meeting.heads.get(side, Person())))
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = ok_cancel(self)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(buttons)
        self.resize(900, 640)

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
                                   heads=heads, **texts)
