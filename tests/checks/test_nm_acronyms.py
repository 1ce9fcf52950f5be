"""Acronyms read on the class bytes of any text (Korean too: the text in ASCII, "?" for the rest)
are those the pair's pattern finds in the text itself, in the same order."""

from __future__ import annotations

import random

from minutes_app.checks.meaning import acronyms, acronyms_by_pattern
from minutes_app.checks.nm_read import text_bytes


def test_acronyms_on_class_bytes_are_the_patterns_in_every_script() -> None:
    rng = random.Random(5)
    # capitals, small letters, "&", digits, Hangul, Cyrillic, Latin-1 and astral characters
    alphabet = ["A", "S", "E", "Z", "K", "I", "C", "P", "Ls", "s", "a", "&", "1", "-", " ",
                "(", ")", "양측", "은", "Д", "ж", "É", "é", "ß", "\U0001d400", "Σ", "NOT"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
             for _ in range(6000)]
    read = 0
    for text in texts:
        expected = list(acronyms_by_pattern(text).items())
        assert list(acronyms(text).items()) == expected, text
        raw = text_bytes(text)  # a Russian text's bytes as the names' pass keeps them
        if raw is not None:
            assert list(acronyms(text, raw).items()) == expected, text
        read += bool(expected)
    assert read > 1000  # (the texts hold acronyms often enough to judge)
