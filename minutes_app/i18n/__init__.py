"""Language services: dates, ordinals, official names, UI catalogs."""

from minutes_app.i18n.catalog import _, current_language, ngettext, set_language
from minutes_app.i18n.dates import format_date, format_date_range
from minutes_app.i18n.names import closing_formula, meeting_dates, official_name, title
from minutes_app.i18n.ordinals import english_ordinal, ordinal

__all__ = [
    "_", "closing_formula", "current_language", "english_ordinal", "format_date",
    "format_date_range", "meeting_dates", "ngettext", "official_name", "ordinal",
    "set_language", "title",
]
