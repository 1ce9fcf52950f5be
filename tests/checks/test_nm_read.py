"""The Russian names read from the lower-cased bytes (``nm_read``) are what the patterns find."""

from __future__ import annotations

import random
import re

from minutes_app.checks import nm_read
from minutes_app.checks.meaning import find_form
from minutes_app.checks.context import head_pattern, phrase_stems, russian_phrase
from minutes_app.checks.names_found import _letter, head_phrase
from minutes_app.checks.nm_read import ONE_BYTE, Phrase, lowered_bytes, phrase_end, phrase_hits
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo

_CHARS = [bytes([b]).decode(ONE_BYTE) for b in range(256) if b != 0x98]


def test_the_tables_are_the_characters_classes_and_lower_case() -> None:
    for c in _CHARS:
        b = c.encode(ONE_BYTE)[0]
        assert bytes([nm_read.LOWER[b]]) == c.lower().encode(ONE_BYTE), c
        assert bool(nm_read.WORD[b]) == bool(re.match(r"\w", c)), c
        assert bool(nm_read.SPACE[b]) == bool(re.match(r"\s", c)), c
        assert bool(nm_read.LETTER[b]) == _letter(c) == _letter(c.lower()), c


def test_lowered_bytes_are_the_lower_cased_texts_or_none() -> None:
    rng = random.Random(5)
    pieces = [*_CHARS, "한", "Σ", "ς", "\u0130", "ǅ", "ß", "—", "ё"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        data = lowered_bytes(text)
        try:
            expected: bytes | None = text.lower().encode(ONE_BYTE)
            text.encode(ONE_BYTE)
        except UnicodeEncodeError:
            expected = None
        assert data == expected, text


_PHRASES = ["Корейская Сторона", "Приморский край", "Ким Гон", "и по дел", "Юг-Восток ая",
            "Совместная комиссия по экономическому и научно-техническому сотрудничеству",
            "Дальнего Восток", "Большой Камень"]
_PIECES = ["корейск", "Корейской", "ая", "ой", " ", "  ", "\t", "\xa0", "\n", "-", "1", "_",
           "Сторон", "СТОРОНА", "сторону", "приморск", "ом", "край", "крае", "ким", "Гон",
           "и", "по", "дел", "юг", "восток", "x", "é", ".", "«", "ё", "Ё", "№", "²"]


def _generated(seed: int, variants: list[str], count: int) -> list[tuple[str, str, bytes]]:
    """Texts of random pieces around ``variants`` (in any case), each with its lowered bytes."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        variant = rng.choice(variants)
        pieces = _PIECES + variant.split() + [variant, variant.upper(), variant.lower()]
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        data = lowered_bytes(text)
        if data is not None:
            out.append((variant, text, data))
    return out


def test_phrase_end_is_where_the_pattern_ends_on_generated_texts() -> None:
    tried = hit = 0
    for variant, text, data in _generated(16, _PHRASES, 6000):
        phrase = Phrase(0, 0, frozenset(), phrase_stems(variant), 0)
        pattern = russian_phrase(variant)
        lower = text.lower()
        for start in range(len(text) + 1):
            found = pattern.match(lower, start)
            tried += 1
            hit += found is not None
            assert phrase_end(data, start, phrase) == (found.end() if found else -1), \
                (variant, text, start)
    assert hit > 500 and tried > 20000


def test_a_heads_phrase_on_the_bytes_finds_what_its_case_blind_pattern_finds() -> None:
    values = [v for person in demo().meeting.heads.values()
              for v in (person.name[Lang.RU], person.title[Lang.RU],
                        person.organisation[Lang.RU]) if " " in v]
    found = 0
    for variant, text, data in _generated(7, values, 3000):
        expected = [hit.span() for hit in head_pattern(Lang.RU, variant).finditer(text)]
        assert phrase_hits(data, head_phrase(variant)) == expected, (variant, text)
        assert find_form(text, variant, Lang.RU, text.lower(), data) == \
            find_form(text, variant, Lang.RU), (variant, text)
        found += bool(expected)
    assert found > 300


def test_text_bytes_are_the_codecs_once_per_text_until_forgotten() -> None:
    from minutes_app.checks.conformity import clear_caches

    rng = random.Random(11)
    pieces = [*_CHARS, "한", "Σ", "\u0130", "—", "ё", "“", "№", "€", " "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        try:
            want: bytes | None = text.encode(ONE_BYTE)
        except UnicodeEncodeError:
            want = None
        assert nm_read.text_bytes(text) == want, text
    text = "Российская Сторона"
    first = nm_read.text_bytes(text)
    assert nm_read.text_bytes(text) is first  # remembered: every check reads the same bytes
    clear_caches()
    again = nm_read.text_bytes(text)
    assert again == first and again is not first  # forgotten with the other caches
