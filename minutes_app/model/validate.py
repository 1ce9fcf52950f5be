"""Validation of values entering the model, with messages a user can act on."""

from __future__ import annotations

import re

from minutes_app.errors import Message, ValidationError

MAX_TEXT = 100_000
# Unicode category Cc less tab and newline; a regex because this runs on every keystroke.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check_text(text: object, what: str) -> None:
    """Raise unless ``text`` is a string of sensible length without control characters."""
    if not isinstance(text, str):
        raise ValidationError("{what} must be text, not {kind}.",
                              what=Message(what), kind=type(text).__name__)
    if len(text) > MAX_TEXT:
        raise ValidationError("{what} is longer than {MAX_TEXT:,} characters.",
                              what=Message(what), MAX_TEXT=MAX_TEXT)
    bad = _CONTROL.search(text)
    if bad:
        raise ValidationError("{what} contains a control character (U+{point:04X}).",
                              what=Message(what), point=ord(bad.group()))


def check_index(index: int, size: int, what: str) -> None:
    """Raise unless ``0 <= index <= size`` (an insertion point)."""
    if not 0 <= index <= size:
        raise ValidationError("{what} position {index} is outside 0..{size}.",
                              what=Message(what), index=index, size=size)
