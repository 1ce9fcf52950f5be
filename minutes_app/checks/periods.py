"""Periods in every official form of each language, as values (dates: ``dates.py``).

Periods are halves, quarters and early/mid/late of a year or month: ``상반기`` is ``H1`` like
``first half``, ``в конце года`` is ``LATE`` like ``end of the year``.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from minutes_app.checks.dates import EN_MONTHS, RU_STEMS
from minutes_app.checks.scan_values import Scan, masked, run_word, word_windows
from minutes_app.checks.tokens import is_word_char, latin_words, lowercase
from minutes_app.model import Lang

# the languages as constants: compiled code reads them with no look-up
_LANG_KO: Final = Lang.KO
_LANG_EN: Final = Lang.EN
_LANG_RU: Final = Lang.RU
_lower: Final = lowercase  # (a constant: compiled code calls it with no look-up)


class Period(NamedTuple):
    """A part of a year or month: H1, H2, Q1..Q4, EARLY, MID, LATE."""

    value: str
    start: int
    end: int


_EN_WHEN: Final = (
    r"(?=\s+(?:of\s+)?(?:the\s+|this\s+|next\s+|that\s+)?(?:\d{4}|year|month|decade|"
    + "|".join(_lower(m) for m in EN_MONTHS) + r"))")
_PERIODS: Final[dict[Lang, list[tuple[re.Pattern[str], str]]]] = {
    _LANG_EN: [
        (re.compile(r"\b(?:first|1st)\s+half\b|\bh1\b|\b1h\b"), "H1"),
        (re.compile(r"\b(?:second|2nd|latter)\s+half\b|\bh2\b|\b2h\b"), "H2"),
        (re.compile(r"\b(?:first|1st)\s+quarter\b|\bq1\b"), "Q1"),
        (re.compile(r"\b(?:second|2nd)\s+quarter\b|\bq2\b"), "Q2"),
        (re.compile(r"\b(?:third|3rd)\s+quarter\b|\bq3\b"), "Q3"),
        (re.compile(r"\b(?:fourth|4th|last)\s+quarter\b|\bq4\b"), "Q4"),
        (re.compile(r"\b(?:early|beginning\s+of|start\s+of)" + _EN_WHEN), "EARLY"),
        (re.compile(r"\b(?:mid-|middle\s+of|mid)" + _EN_WHEN + r"|\bmid-(?=\d{4}|[a-z])"),
         "MID"),
        (re.compile(r"\b(?:late|end\s+of|close\s+of|year-end)" + _EN_WHEN
                    + r"|\byear-end\b"), "LATE"),
    ],
    _LANG_KO: [
        (re.compile(r"상반기"), "H1"),
        (re.compile(r"하반기"), "H2"),
        (re.compile(r"(?:제\s?)?1\s?(?:/\s?4\s?)?분기|1사분기"), "Q1"),
        (re.compile(r"(?:제\s?)?2\s?(?:/\s?4\s?)?분기|2사분기"), "Q2"),
        (re.compile(r"(?:제\s?)?3\s?(?:/\s?4\s?)?분기|3사분기"), "Q3"),
        (re.compile(r"(?:제\s?)?4\s?(?:/\s?4\s?)?분기|4사분기"), "Q4"),
        (re.compile(r"(?<=[년월연해])\s?초(?=[에까부로경중의]|[^가-힣]|$)|초순|상순|연초"),
         "EARLY"),
        (re.compile(r"(?<=[년월해])\s?중반|중순|중엽"), "MID"),
        (re.compile(r"(?<=[년월연해])\s?말(?=[에까부로경중의]|[^가-힣]|$)|하순|연말"), "LATE"),
    ],
    _LANG_RU: [
        (re.compile(r"\b(?:перв\w*|1-?\w*|i)\s+(?:полугоди\w*|половин\w*)"), "H1"),
        (re.compile(r"\b(?:втор\w*|2-?\w*|ii)\s+(?:полугоди\w*|половин\w*)"), "H2"),
        (re.compile(r"\b(?:перв\w*|1-?\w*|i)\s+квартал\w*"), "Q1"),
        (re.compile(r"\b(?:втор\w*|2-?\w*|ii)\s+квартал\w*"), "Q2"),
        (re.compile(r"\b(?:трет\w*|3-?\w*|iii)\s+квартал\w*"), "Q3"),
        (re.compile(r"\b(?:четв[её]рт\w*|4-?\w*|iv)\s+квартал\w*"), "Q4"),
        (re.compile(r"\b(?:в\s+|к\s+)?начал[еоау]\s+(?=\d{4}|года|месяца|текущего|следующего|"
                    + "|".join(RU_STEMS) + ")"), "EARLY"),
        (re.compile(r"\b(?:в\s+)?середин[еуы]\s+(?=\d{4}|года|месяца|текущего|следующего|"
                    + "|".join(RU_STEMS) + ")"), "MID"),
        (re.compile(r"\b(?:в\s+|к\s+)?(?:конц[еау]|конец)\s+(?=\d{4}|года|месяца|текущего|"
                    r"следующего|" + "|".join(RU_STEMS) + ")"), "LATE"),
    ],
}
# one pass per language: the patterns above as named alternatives, in their order
# (English hits start with one of a few characters: a look-ahead of them spares the engine
# trying every alternative at every word boundary)
_LEADS: Final = {_LANG_EN: "(?=[1234bcefhlmqsty])", _LANG_KO: r"(?=[상하제1234초연중말\s])",
                 _LANG_RU: "(?=[пвтчкнсi1234])"}
_PERIOD_ONE: Final = {lang: re.compile(_LEADS.get(lang, "") + "(?:" + "|".join(
    f"(?P<{value}_{i}>{pattern.pattern})" for i, (pattern, value) in enumerate(rows)) + ")")
               for lang, rows in _PERIODS.items()}


_RU_PERIOD_STEMS: Final = ("полугод", "половин", "квартал", "начал", "середин", "конц", "конец")
_PERIOD_HINT_RE: Final = {
    _LANG_EN: re.compile(r"(?=[12bcehlmqsy])\b(?:half|quarter|early|late|mid|middle|beginning|"
                        r"start|end|close|year-end|h[12]|[12]h|q[1-4])\b"),
    _LANG_KO: re.compile(r"반기|분기|[년월연해]\s?[초말]|중반|중순|중엽|[초상하]순"),
    _LANG_RU: re.compile(r"полугод|половин|квартал|начал|середин|конц|конец"),
}

# the runs of Latin letters every hit of the English hint holds ("h1" holds "h", "year-end" "end")
_EN_PERIOD_WORDS: Final = frozenset(
    {"half", "quarter", "early", "late", "mid", "middle", "beginning",
                              "start", "end", "close", "h", "q"})


_PERIOD_KEYS: Final = {
    _LANG_EN: ("half quarter early late mid middle beginning start end close h1 h2 1h 2h q1 q2 q3 "
              "q4").split(),
    _LANG_KO: "반기 분기 초 말 중반 중순 중엽 순".split(),
    _LANG_RU: list(_RU_PERIOD_STEMS),
}
_PERIOD_SETS: Final = {lang: frozenset(keys) for lang, keys in _PERIOD_KEYS.items()}  # (as above)


def _may_period(lang: Lang, sc: Scan) -> bool:
    """Whether the words every period hint needs are in the scan (English: as whole words)."""
    found = sc.words
    if found.keys().isdisjoint(_PERIOD_SETS[lang]):
        return False
    keys = _PERIOD_KEYS[lang]
    if lang is not _LANG_EN:
        return True
    for k in keys:
        at = found.get(k)
        if at is not None and run_word(sc.lower, k, at):
            return True
    return False


def _periods_near(text: str, lang: Lang, sc: Scan) -> tuple[list[Period], str]:
    """``periods`` looked for between the commas and full stops around the scan's words.

    Every hit holds one of those words and no comma or full stop: the windows find what the
    whole text gives. In a window the pattern is tried only where a hit can start
    (``_period_starts``), as ``finditer`` over the window would find it.
    """
    lower = sc.lower if lang is not _LANG_KO else text
    found = sc.words
    keys = sorted((at, k) for k in _PERIOD_KEYS[lang] for at in found.get(k, ()))
    wins = word_windows(text, [at for at, _k in keys])
    pattern = _PERIOD_ONE[lang]
    out: list[Period] = []
    spans = []
    for a, b in wins:
        end = a
        for at in _period_starts(lower, lang, keys, a, b):
            if at < end:
                continue
            hit = pattern.match(lower, at, b)
            if hit is not None:
                out.append(Period((hit.lastgroup or "").split("_")[0], hit.start(), hit.end()))
                spans.append((hit.start(), hit.end()))
                end = hit.end()
    return out, masked(text, spans)


def _space(ch: str) -> bool:
    return ch.isspace()


def _period_starts(lower: str, lang: Lang, keys: list[tuple[int, str]], a: int, b: int
                   ) -> list[int]:
    """Every place in ``[a, b)`` where a period's hit can start, in order (some where none does).

    Each hit holds a key word. Korean: it starts at the key or one character before (상반기,
    연초, "년 초"), up to eight before 분기 ("제 1 / 4 분기"). English and Russian: at the key,
    or at a word before it and the spaces after that word ("first half", "1-го квартала",
    "в начале"): from the first character of the run of word characters and hyphens before
    the spaces, and after each hyphen in it; English "year-end" five before its "end".
    """
    out: list[int] = []
    for p, k in keys:
        if p < a or p >= b:
            continue
        if lang is _LANG_KO:
            out += range(max(a, p - (8 if k == "분기" else 1)), p + 1)
            continue
        out.append(p)
        if k == "end" and p - 5 >= a and lower.startswith("year-", p - 5):
            out.append(p - 5)
        q = p
        while q > a and _space(lower[q - 1]):
            q -= 1
        if q == p:
            continue
        w = q
        while w > a and (is_word_char(lower[w - 1]) or lower[w - 1] == "-"):
            w -= 1
            if lower[w] == "-":
                out.append(w + 1)
        out.append(w)
    out.sort()
    return out


def periods(text: str, lang: Lang, sc: Scan | None = None) -> tuple[list[Period], str]:
    """Halves, quarters and early/mid/late in ``text``, and the text with them blanked."""
    if sc is not None and not _may_period(lang, sc):
        return [], text
    if sc is not None:
        return _periods_near(text, lang, sc)
    lower = _lower(text) if lang is not _LANG_KO else text
    if lang is _LANG_EN and _EN_PERIOD_WORDS.isdisjoint(latin_words(lower)):
        return [], text  # the words the hint needs, asked of the text's words (no pass)
    if lang is _LANG_RU and not any(stem in lower for stem in _RU_PERIOD_STEMS):
        return [], text  # the Russian hint is these stems: substring tests, no pass
    if lang is not _LANG_RU and not _PERIOD_HINT_RE[lang].search(lower):  # no word it needs
        return [], text
    found: list[Period] = []
    for hit in _PERIOD_ONE[lang].finditer(lower):
        value = (hit.lastgroup or "").split("_")[0]
        found.append(Period(value, hit.start(), hit.end()))
        text = text[:hit.start()] + " " * (hit.end() - hit.start()) + text[hit.end():]
    return found, text
