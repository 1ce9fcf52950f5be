"""Negation: one language says a thing is not done where another says it is.

Each language's markers of negation are looked for after blanking the idioms in which a
negation word does not negate ("no later than", "не позднее", "차질 없이", "뿐만 아니라").
Only presence is compared: a text with a negation against one with none is a flip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_app.checks.context import Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.memo import per_text
from minutes_app.checks.tokens import latin_words
from minutes_app.model import Lang

_IDIOMS = {
    Lang.EN: re.compile(r"\b(?:no|not)\s+(?:later|earlier|less|more|fewer)\s+than\b|\bnot\s+only\b"
                        r"|\bno\s+longer\b|\bno\.\s*\d|\bwithout\s+(?:delay|prejudice)\b"
                        r"|\bnone\s+the\s+less\b|\bnot\s+least\b|\bno\s+doubt\b", re.IGNORECASE),
    Lang.KO: re.compile(r"(?:차질|지체|빠짐|틈|끊임|관계|상관|전례|변함|어김|거리낌)\s?없"
                        r"|뿐(?:만)?\s?아니라|못지않|적지\s?않|머지않|얼마\s?지나지\s?않"
                        # "without" and "so that ... not" are seldom negations in translation
                        r"|없이|않도록"),
    Lang.RU: re.compile(r"\bне\s+(?:позднее|позже|ранее|менее|более|только|раз|без)\b"
                        r"|\bбез\s+(?:ущерба|промедления|задержек)\b|\bв\s+том\s+числе\b"
                        r"|\bни\s+один\b|\bне\s+допус\w*", re.IGNORECASE),
}
_MARKERS = {
    Lang.EN: re.compile(r"(?=[nNcCuU])(?:\b(?:not|never|cannot|neither|nor|unable|no)\b"
                        r"|n[’']t\b)", re.IGNORECASE),
    Lang.KO: re.compile(r"않|없|못\s?하|못했|못한|아니|불가(?![피결])|불허"),
    Lang.RU: re.compile(r"(?=[нН])(?<![^\W\d_])(?:не|нет|ни|невозможно|нельзя)(?![^\W\d_])",
                        re.IGNORECASE),
}

# the whole words of the English markers (in an ASCII text, case folding is lower-casing)
_EN_MARKER_WORDS = frozenset({"not", "never", "cannot", "neither", "nor", "unable", "no"})


@per_text
def negations(text: str, lang: Lang) -> list[tuple[int, int]]:
    """Where ``text`` negates (idioms left out)."""
    if lang not in _MARKERS:
        return []
    if lang is Lang.EN and text.isascii():  # ASCII: a marker is one of the text's words
        lower = text.lower()
        if _EN_MARKER_WORDS.isdisjoint(latin_words(lower)) and "n't" not in lower:
            return []  # asked of the words the number check read already (no pass)
    if not _MARKERS[lang].search(text):  # most texts negate nothing: one scan
        return []
    blanked = _IDIOMS[lang].sub(lambda h: " " * (h.end() - h.start()), text)
    return [(h.start(), h.end()) for h in _MARKERS[lang].finditer(blanked)]


def negation_checks(unit: Unit, ctx: Context) -> Iterator[Finding]:
    """A negation in one language and none in another."""
    found = {lang: negations(t, lang) for lang in ctx.langs
             if (t := unit.texts.get(lang, "")).strip()}
    for a, b in ctx.pairs:
        if a not in found or b not in found or bool(found[a]) == bool(found[b]):
            continue
        lang, spans = (a, found[a]) if found[a] else (b, found[b])
        text = unit.texts[lang]
        words = ", ".join(dict.fromkeys(text[s:e] for s, e in spans))
        only_a, only_b = (words, "—") if lang is a else ("—", words)
        yield make("negation", unit, (a, b), lang.value, [(lang, s, e) for s, e in spans],
                   {"only_a": only_a, "only_b": only_b})
