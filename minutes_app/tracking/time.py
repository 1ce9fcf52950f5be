"""The one clock of the application; the core takes times as arguments, callers ask here."""

from __future__ import annotations

import datetime as dt


def now_iso() -> str:
    """The current time, UTC, to the second, as revisions and rounds record it."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
