"""Negation: one language says a thing is not done where another says it is.

Each language's markers of negation are looked for after blanking the idioms in which a
negation word does not negate ("no later than", "не позднее", "차질 없이", "뿐만 아니라").
Only presence is compared: a text with a negation against one with none is a flip, unless
the other text carries the negation in a word or a turn that is not a grammatical negation
("nothing", "non-binding", "unacceptable", "failed to", "unless", "rather than", "only",
"недопустимо", "이의가 없다", "않는 한", "이외에는 … 않", "нельзя не"): see :mod:`neg_soft`.
"""

from __future__ import annotations

import re
from typing import Final

import ahocorasick_rs

from minutes_app.checks.context import Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.neg_soft import SOFT_TURNS, softened
from minutes_app.checks.tokens import is_word_char, lowercase
from minutes_app.checks.tr_profile import profile
from minutes_app.model import Lang

# (a member read from the Enum class costs an attribute look-up through its metaclass)
_EN: Final = Lang.EN
_RU: Final = Lang.RU
_KO: Final = Lang.KO

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
    Lang.EN: re.compile(r"(?=[nNcCuU])(?:\b(?:not|never|cannot|neither|nor|unable|no|nothing"
                        r"|none|nobody|nowhere)\b"
                        r"|n[’']t\b)", re.IGNORECASE),
    Lang.KO: re.compile(r"않|없|못\s?하|못했|못한|아니|불가(?![피결])|불허"),
    Lang.RU: re.compile(r"(?=[нН])(?<![^\W\d_])(?:не|нет|ни|невозможно|нельзя)(?![^\W\d_])",
                        re.IGNORECASE),
}

# what every Korean marker starts with
_KO_FIRST: Final = ("않", "없", "못", "아니", "불")

# Russian markers as a pattern that starts with its first letter (a set of two, which the
# engine skips to) where the look-ahead made it try every position: the same hits
_GATES = {
    Lang.RU: re.compile(r"[нН](?i:(?<![^\W\d_].)(?:е|ет|и|евозможно|ельзя)(?![^\W\d_]))"),
}


# the substrings an English marker holds, found in one pass in C ("no" first: its hits are
# looked at; any other lets the text through)
# (what may follow "no" in a marker word: "no", "not", "nor", "nothing", "none", ...)
_NO_TAILS: Final = ("t", "r", "thing", "ne", "body", "where")


def _no_word_at(lower: str, at: int) -> bool:
    """Whether the "no" at ``at`` starts a marker word (a word that is one of the markers)."""
    if at and is_word_char(lower[at - 1]):
        return False
    rest = at + 2
    if not is_word_char(lower[rest:rest + 1]):
        return True
    for tail in _NO_TAILS:
        if lower.startswith(tail, rest) and not is_word_char(lower[rest + len(tail):
                                                                   rest + len(tail) + 1]):
            return True
    return False


_EN_SUBSTRINGS = ahocorasick_rs.BytesAhoCorasick(
    [b"no", b"never", b"cannot", b"neither", b"unable", b"n't"],
    matchkind=ahocorasick_rs.MatchKind.Standard, implementation=ahocorasick_rs.Implementation.DFA)


def _may_negate_en(lower: str) -> bool:
    """Whether a lower-cased ASCII text may hold an English marker (never a false no).

    Each marker holds "never", "cannot", "neither", "unable", "n't" or a "no" that starts a
    word and ends it, or is followed by one of ``_NO_TAILS`` that does (``_EN_SUBSTRINGS``'
    hits, asked by substring tests: one automaton call costs as much as a dozen of them).
    """
    if "never" in lower or "cannot" in lower or "neither" in lower or "unable" in lower \
            or "n't" in lower:
        return True
    at = lower.find("no")
    while at >= 0:
        if _no_word_at(lower, at):
            return True
        at = lower.find("no", at + 1)
    return False


def _may_negate_en_by_automaton(lower: str) -> bool:
    """``_may_negate_en`` read from the automaton's hits (the tests' reference)."""
    for index, at, _end in _EN_SUBSTRINGS.find_matches_as_indexes(
            lower.encode("ascii"), overlapping=True):
        if index or _no_word_at(lower, at):
            return True
    return False


def _may_negate(text: str, lang: Lang) -> bool:
    """Whether a Korean or Russian marker may start in ``text`` (never a false no).

    The first characters of a marker are read from the text's profile (the compiled pass
    that several checks share, see tr_profile; no pattern tried at each "н"); an ASCII text
    holds none of them.
    """
    if text.isascii():
        return False
    read = profile(text)
    return read.negates_ko if lang is _KO else read.negates_ru


# (not remembered per text: only the text checks ask, and what they find is cached per unit)
def negations(text: str, lang: Lang) -> list[tuple[int, int]]:
    """Where ``text`` negates (idioms left out)."""
    if lang not in _MARKERS:
        return []
    if lang is _EN and text.isascii():  # ASCII: a marker is one of the text's words
        if not _may_negate_en(lowercase(text)):
            return []  # substring tests in C, and a look at each "no" (no pass of a pattern)
    # (Korean, Russian: the first characters first; then most negate nothing: one scan)
    elif ((lang is _KO or lang is _RU) and not _may_negate(text, lang)) \
            or not _GATES.get(lang, _MARKERS[lang]).search(text):
        return []
    blanked = _IDIOMS[lang].sub(_blank, text)
    # turns whose negation is the meaning of a plain word elsewhere ("이의가 없다": agreed)
    blanked = SOFT_TURNS[lang].sub(_blank, blanked)
    return [(h.start(), h.end()) for h in _MARKERS[lang].finditer(blanked)]


def _blank(hit: re.Match[str]) -> str:
    """Spaces as long as the hit (the offsets of what follows stay)."""
    return " " * (hit.end() - hit.start())


def negation_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """A negation in one language and none in another."""
    out: list[Finding] = []
    texts = unit.texts
    read = [negations(t, lang) if (t := texts.get(lang, "")).strip() else None
            for lang in ctx.langs]
    # most units negate in no language, or in every one: no pair differs (no dict is built,
    # whose keys would hash each language in Python)
    if not any(read) or all(read):
        return out
    found = {lang: r for lang, r in zip(ctx.langs, read, strict=True) if r is not None}
    for a, b in ctx.pairs:
        if a not in found or b not in found or bool(found[a]) == bool(found[b]):
            continue
        lang, spans = (a, found[a]) if found[a] else (b, found[b])
        other = b if lang is a else a
        if softened(_IDIOMS[other].sub(_blank, texts[other]), other):
            continue  # the other text says it with a word ("unacceptable", "failed to")
        text = unit.texts[lang]
        words = ", ".join(dict.fromkeys(text[s:e] for s, e in spans))
        only_a, only_b = (words, "—") if lang is a else ("—", words)
        out.append(make("negation", unit, (a, b), lang.value, [(lang, s, e) for s, e in spans],
                        {"only_a": only_a, "only_b": only_b}))
    return out
