"""Tokens of a chunk found without the pattern (numbers and words between punctuation marks,
hyphenated words, and any other chunk character by character) are the pattern's, whatever
marks, digits, letters and combining marks touch."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.tracking import tokens

PIECES = st.sampled_from([
    "a", "Sides", "협력을", "Северо", "2021", "5", "١٢", "½", "²", "_", "-", "--", ",", ".",
    "(", ")",
    "“", "”", "«", "»", "%", "·", "」", "\u0301", "é", "e\u0301", " ", "start-up", "2,5", "1.5",
    "년", "ǅ", "ʰ", "\u00a0", "1 000", "1\u00a0000", "1\u202f5", "3 4", "제15차", "50%를",
    "a-", "-b", "1.", ",5", "𝐀", "〇",
])


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_chunk_tokens_are_the_patterns(text: str) -> None:
    assert tokens.tokenize(text) == tokens._TOKEN.findall(text)


def test_the_usual_chunks() -> None:
    assert tokens.tokenize("(KICP) Sub-committee”), 2021, -5 a-b- 이행협정」이") == [
        "(", "KICP", ")", " ", "Sub-committee", "”", ")", ",", " ", "2021", ",", " ", "-", "5",
        " ", "a-b", "-", " ", "이행협정", "」", "이"]


NUMBER_SPACE = re.compile(r"\d[ \u00a0\u202f]\d")


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join), st.integers(-1, 30))
def test_inside_number_is_the_patterns(text: str, i: int) -> None:
    expected = 0 < i < len(text) and bool(NUMBER_SPACE.match(text, i - 1))
    assert tokens.inside_number(text, i) == expected


@settings(max_examples=2000, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=12))
def test_any_characters_give_the_patterns_tokens(text: str) -> None:
    assert tokens.tokenize(text) == tokens._TOKEN.findall(text)
