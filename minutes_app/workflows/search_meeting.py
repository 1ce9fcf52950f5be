"""Find and replace in the meeting details: the fields of Document > Meeting details that the
title does not already show (its body names are searched there, see ``search``).

Each field is a place of its own (``MEETING``, its index in ``FIELDS``). Its per-language
texts are replaced through ``SetMeetingText``, untracked as every edit of the meeting details
is; the ordinal and the dates are found as the document writes them but are a number and
dates, which only the meeting dialog changes.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_app.model import Lang, Minutes, Operation, Person, Side
from minutes_app.model.search import DETAILS, MEETING, Unit
from minutes_app.model.types import LangText

FIXED = ("ordinal", "dates")  # found, never replaced here
FIELDS = DETAILS


def units(m: Minutes) -> Iterator[Unit]:
    """The meeting's searched fields with their texts, in the order of the meeting dialog."""
    for index, ident in enumerate(FIELDS):
        yield (MEETING, index, 0, False), texts(m, ident)


def texts(m: Minutes, ident: str) -> LangText:
    """The per-language texts of field ``ident`` (the ordinal and dates as written)."""
    meeting = m.meeting
    if ident == "ordinal":
        return {lang: str(meeting.ordinal) for lang in m.languages}
    if ident == "dates":
        return {lang: _dates(m, lang) for lang in m.languages}
    if ident.startswith("heads."):
        _heads, side, name = ident.split(".")
        return dict(getattr(meeting.heads.get(Side[side], Person()), name))
    return dict(getattr(meeting, ident))


def _dates(m: Minutes, lang: Lang) -> str:
    from minutes_app.i18n.names import meeting_dates

    return meeting_dates(m, lang)


def replaceable(index: int) -> bool:
    """Whether Replace changes the field at ``index`` (not the ordinal, nor the dates)."""
    return 0 <= index < len(FIELDS) and FIELDS[index] not in FIXED


def edit(index: int, lang: Lang, text: str) -> Operation:
    """The edit setting field ``index`` to ``text`` in ``lang`` (a replaceable one)."""
    from minutes_app.model.structure import SetMeetingText

    return SetMeetingText(FIELDS[index], lang, text)


__all__ = ["FIELDS", "FIXED", "edit", "replaceable", "texts", "units"]
