"""The value checks' shortcuts (a unit told by a character's test) give what the patterns give."""

from __future__ import annotations

from minutes_app.checks import numbers, val_idents
from minutes_app.checks.tokens import is_word_char
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


def test_idioms_told_by_the_next_word_are_hits_of_the_idiom_pattern() -> None:
    """``words.idiom_word_after`` says yes only where ``_EN_IDIOM`` matches."""
    from minutes_app.checks import words

    extra = ["the two sides", "two sides-", "two co-chairs.", "one of", "one ofx", "first time_",
             "two  sides", "one another,", "first class2", "two sidesé", "first-time", "one"]
    said = 0
    for text in [t.lower() for t, _lang in _texts()] + extra:
        for word in words.IDIOM_AFTER:
            at = text.find(word)
            while at >= 0:
                starts = at == 0 or not is_word_char(text[at - 1])
                if starts and words.idiom_word_after(text, at + len(word), word):
                    said += 1
                    assert words._EN_IDIOM.match(text, at), (text, at)
                at = text.find(word, at + 1)
    assert said > 100


def test_windows_told_free_of_identifiers_hold_no_hit() -> None:
    """``val_idents.may_ident`` says no only where ``IDENT`` finds nothing in the window."""
    import random

    extra = ["30th", "the 30th of", "G20", "G-20", "COVID-19", "x_30th", "_30th", "5km", "5Km",
             "15TH", "15thx", "15th_", "21st.", "3rd-", "5t", "5ta", "P4G", "4G", "MC-21",
             "B-52s", "abc123def", "5 th", "1st2nd", "12mln", "5ha", "5HA", "a1", "1a", "K9"]
    texts = [t for t, _lang in _texts()] + extra
    rng = random.Random(9)
    said_no = 0
    for text in texts:
        for _ in range(6):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            if not val_idents.may_ident(text, start, end):
                said_no += 1
                assert not list(val_idents.IDENT.finditer(text, start, end)), (text, start, end)
        if not val_idents.may_ident(text, 0, len(text)):
            assert not val_idents.IDENT.search(text), text
    assert said_no > 1000


def test_idioms_told_as_written_are_those_told_on_the_lower_case() -> None:
    """``val_idioms._idiom_as_written`` says what ``idiom_word_after`` says of the lower case."""
    from minutes_app.checks import scan_values, val_idioms, words
    from minutes_app.model import Lang

    extra = ["The Two SIDES agreed", "the two Sides-", "two Co-Chairs.", "One Of them",
             "the two Sides\u212a", "the two SideS\u00e9", "the two Sides_x", "two  Sides",
             "one Another", "First Time", "First-Time", "two", "two ", "two Sides",
             "two SIDES2", "the two Ministers\u0440", "two Heads\u212aq"]
    told = asked = 0
    for text in [t for t, _lang in _texts()] + extra:
        sc = scan_values.scan(text, Lang.EN)
        if sc is None:
            continue
        for word, places in sc.words.items():
            for at in places:
                end = at + len(word)
                got = val_idioms._idiom_as_written(text, sc.marks, end, word)
                if got < 0:
                    asked += 1
                    continue
                told += 1
                assert got == int(words.idiom_word_after(sc.lower, end, word)), (text, at)
    assert told > 1000 and asked >= 2


def test_whole_values_told_by_a_remainder_are_those_float_tells() -> None:
    """``numbers.canon`` and ``values._of_percent`` tell a whole value as ``is_integer`` does."""
    import math
    import random

    from minutes_app.checks import values

    def canon_before(value: float) -> float:
        if value.is_integer() and -1e10 < value < 1e10:
            return value
        return float(f"{value:.10g}")

    def percent_before(value: float) -> float:
        if value.is_integer() and -1e9 < value < 1e9:
            return value / 100
        return round(value / 100, 6)

    rng = random.Random(21)
    tried = [0.0, -0.0, 0.5, -0.5, 1e-300, -1e-300, 1e10, -1e10, 1e10 - 1, 9999999999.5,
             1e9, -1e9, 999999999.0, 1e300, math.inf, -math.inf, 2.0 ** 52 + 0.5, 1 / 3]
    tried += [rng.uniform(-2e10, 2e10) for _ in range(20_000)]
    tried += [float(rng.randint(-2 * 10**10, 2 * 10**10)) for _ in range(20_000)]
    tried += [rng.randint(-10**6, 10**6) / rng.choice([2, 4, 10, 100, 3]) for _ in range(20_000)]
    for v in tried:
        assert repr(numbers.canon(v)) == repr(canon_before(v)), v
        assert repr(values._of_percent(v)) == repr(percent_before(v)), v
    assert math.isnan(numbers.canon(math.nan)) and math.isnan(values._of_percent(math.nan))
