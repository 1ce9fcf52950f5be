"""Dates in the interface as the user's locale writes them (never Qt's bare "d M yyyy")."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale

from minutes_app.i18n import current_language


def user_locale() -> QLocale:
    """The system's locale when it speaks the interface language, else that language's."""
    lang = current_language()
    system = QLocale.system()
    if QLocale(lang).language() == system.language():
        return system
    return QLocale({"en": "en_GB"}.get(lang, lang))


def date_format() -> str:
    """The locale's short date format with a four-digit year (``dd/MM/yyyy``, ``yyyy. M. d.``)."""
    fmt = user_locale().dateFormat(QLocale.FormatType.ShortFormat)
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", fmt)


def short_date(date: QDate | str) -> str:
    """A date (or the date part of an ISO time) in the user's short format."""
    if isinstance(date, str):
        date = QDate.fromString(date[:10], "yyyy-MM-dd")
    return user_locale().toString(date, date_format()) if date.isValid() else ""
