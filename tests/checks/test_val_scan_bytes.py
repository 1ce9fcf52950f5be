"""The value scan's bytes pass (one byte a character) finds what the text pass finds."""

from __future__ import annotations

import re

from minutes_app.checks import scan_values
from minutes_app.checks.nm_read import text_bytes
from minutes_app.checks.tokens import lowercase
from minutes_app.model import Lang
from tests.checks.test_value_scan import _texts

_EXTRA = [
    "“Quoted” — 5 млн «рублей» 2020 г.", "ПЕРВОЕ ПОЛУГОДИЕ 2021 ГОДА, ДВЕ ТРЕТИ", "ЁЛКА ЧЕТВЁРТЫЙ",
    "THE SECOND HALF OF MAY", "Annex II – Part I", "İstanbul 2020", "ΣΑΣ 12", "Ⅻ 12",
    "No. 5 № 6 § 7 · 8 … 9 ‰ 10", "USD 25 billion / KRW 1.2 trillion", "코로나19 first",
    "КОВИД-19 코로나 19", "Ковид 월 ２０２０년", "𝟙𝟚 12월 𝟘", "5X 12IV 2020년 XIV", "١٢ 상반기",
]


def _by_text(text: str, lang: Lang) -> dict[str, list[int]]:
    """The words the text automaton finds in the lower case (as the scan did before)."""
    automaton, keys = scan_values._AUTOMATA[lang][:2]
    words: dict[str, list[int]] = {}
    for index, start, _end in automaton.find_matches_as_indexes(lowercase(text),
                                                                overlapping=True):
        words.setdefault(keys[index], []).append(start)
    words.pop(scan_values.OTHER_DIGIT, None)
    return words


def test_the_bytes_pass_finds_the_words_of_the_text_pass() -> None:
    texts = _texts() + [(t, lang) for t in _EXTRA for lang in (Lang.EN, Lang.RU, Lang.KO)]
    one_byte = 0
    for text, lang in texts:
        found = scan_values.scan(text, lang)
        if found is None:
            assert len(lowercase(text)) != len(text)
            continue
        assert found.words == _by_text(text, lang), (text, lang)
        assert found.runs == [h.span() for h in re.finditer(r"\d+", text)], (text, lang)
        assert found.lower == lowercase(text)
        one_byte += text_bytes(text) is not None
    assert one_byte > 1000


def test_the_case_forms_are_every_form_that_lower_cases_to_the_words() -> None:
    """The Korean automaton reads the text itself: every form of its words must be in it."""
    keys = set(scan_values._KO_UNIT_KEYS) - {scan_values.OTHER_DIGIT}
    letters = {ch for key in keys for ch in key}
    forms: dict[str, set[str]] = {}
    for code in range(0x110000):
        ch = chr(code)
        low = lowercase(ch)
        if len(low) != 1:
            assert ch == scan_values._LONGER_LOWER  # the only one that moves positions
        elif low in letters:
            forms.setdefault(low, set()).add(ch)
    for key in keys:
        cases = scan_values._cases(key)
        assert len(cases) == len(set(cases))
        want = [""]
        for ch in key:
            want = [w + c for w in want for c in forms[ch]]
        assert set(cases) == set(want), key


def test_the_one_byte_lower_case_is_pythons() -> None:
    for b in range(256):
        try:
            ch = bytes([b]).decode("cp1251")
        except UnicodeDecodeError:
            continue
        lowered = bytes([b]).translate(scan_values._LOWER_ONE_BYTE).decode("cp1251")
        assert lowered == lowercase(ch), ch
        assert not ch.isdecimal() or "0" <= ch <= "9", ch  # its only digits are ASCII


def test_the_period_patterns_lead_changes_no_hit() -> None:
    """A look-ahead of the characters every alternative starts with finds the same hits."""
    import re

    from minutes_app.checks import periods

    for lang in (Lang.EN, Lang.KO, Lang.RU):
        led = periods._PERIOD_ONE[lang]
        plain = re.compile("(?:" + "|".join(
            f"(?P<{value}_{i}>{pattern.pattern})"
            for i, (pattern, value) in enumerate(periods._PERIODS[lang])) + ")")
        hits = 0
        for text, _lang in _texts():
            lower = lowercase(text) if lang is not Lang.KO else text
            got = [(h.span(), h.lastgroup) for h in led.finditer(lower)]
            assert got == [(h.span(), h.lastgroup) for h in plain.finditer(lower)], text
            hits += len(got)
        assert hits > 100, lang


def test_roman_numerals_through_the_scan_are_those_of_the_hint() -> None:
    """The pattern tried at the scan's numerals only finds what the hint and its pass find."""
    from minutes_app.checks import words

    found = 0
    extra = ["Part II and Annex IV", "partnership, Part I", "Приложение I", "раздел II",
             "Раздел I", "XIV session", "I and II", "Annexes I", "annex II", "PART I",
             "Iand II", "I и II", "Iи II", "I, II", "I & II", "(XIV)", "XIV2", "_XIV", "IIJan 2020",
             "CC-I", "LIVE", "Li", "MIX", "XIX.", "IVXLC", "C"]
    for text, lang in _texts() + [(t, Lang.EN) for t in extra] + [(t, Lang.RU) for t in extra]:
        sc = scan_values.scan(text, lang)
        if sc is None:
            continue
        for blanked in (text, text.replace("I", " ", 1), text.replace("a", " ")):
            got = words.roman(blanked, sc)
            assert got == words.roman(blanked), (blanked, lang)
            found += len(got)
    assert found > 100
