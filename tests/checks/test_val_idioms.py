"""English texts whose number words are all idioms skip the word pass: the same values."""

from __future__ import annotations

import random

from minutes_app.checks.scan_values import scan
from minutes_app.checks.val_idioms import idioms_only
from minutes_app.checks.values import indexed
from minutes_app.model import Lang
from tests.checks.test_value_scan import _plain

# idioms and what stands next to them: digits, identifiers, units, dates, periods, roman
# numerals and the capitals that mark one ("In", "Vladivostok"), words inside longer words
_PIECES = [
    "two Sides", "the two sides", "5two sides", "two sides5", "G20", "COVID-19", "two Sides-2",
    "network", "on behalf of", "one of", "for the first time", "first", "one", "twice", "12",
    "1,000", "5 million", "USD 5", "25%", "10 percent", "two years", "2 March 2020", "in 2021",
    "1/2", "half", "one and a half", "XIV", "Article IV", "two-thirds", "a third", "Someone",
    "two Sides,", "(two Sides)", "two  Sides", "two\u00a0Sides", "twenty-one", "3 two Sides",
    "2two", "km two", "5 km", "two km", "one hand", "first-class", "two Governments.", "ten",
    "the 2nd", "2 sides", "two Parties of 3", "G7two Sides", "two Sides G20", "RCEP-3 two sides",
    "In round 3", "Vladivostok", "IV", "Xa", "CIS", "2I", "I", "LNG", "5In", "Ia", "MIV", "xi",
    "C2", "5 tonstwo", "two Sides 5 km", "first time", "one another", "2020two sides",
]


def test_english_idioms_read_as_the_plain_pass_reads_them() -> None:
    rng = random.Random(4)
    fast = 0
    for _ in range(6000):
        text = ""
        for _ in range(rng.randint(1, 6)):
            text += rng.choice(_PIECES) + rng.choice([" ", ", ", ". ", "", "-", " and "])
        sc = scan(text, Lang.EN)
        fast += sc is not None and idioms_only(sc, text)
        assert indexed(text, Lang.EN)[0] == _plain(text, Lang.EN), text
    assert fast > 500  # the path under test is taken
