"""The value checks' shortcuts (a unit told by a character's test) give what the patterns give."""

from __future__ import annotations

from minutes_app.checks import numbers
from tests.checks.test_value_scan import _texts


def _unit_by_patterns(text: str, start: int, end: int) -> tuple[str, int]:
    """``numbers._unit`` with no gate: the patterns alone over the characters around."""
    after = numbers._UNIT_AFTER.match(text[end:end + 24].lower())
    if after:
        return numbers._UNITS_AFTER[after.group(1)], end + after.end()
    before = numbers._CODE_BEFORE.search(text[max(0, start - 5):start].lower())
    if before:
        return numbers._CODES_BEFORE[before.group().strip()], end
    return "", end


def test_units_told_by_their_characters_are_the_patterns_units() -> None:
    extra = ["USD 5", "US$  5", "usd\n5", "₽ 5", "¥5", "5 %", "5\t%", "KRW\n 5", "ΣUSD 5",
             "İusd 5", "5 per cent", "5 percentage points", "5 п.п.", "5 долл.", "5 wonder"]
    tried = found = 0
    for text in [t for t, _lang in _texts()] + extra:
        for start in range(len(text)):
            if not text[start].isdecimal() or (start and text[start - 1].isdecimal()):
                continue
            end = start + 1
            while end < len(text) and text[end].isdecimal():
                end += 1
            got = numbers._unit(text, start, end)
            assert got == _unit_by_patterns(text, start, end), (text, start, end)
            tried += 1
            found += got[0] != ""
    assert tried > 5_000 and found > 500
