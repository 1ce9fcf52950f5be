"""Which Side acts: the Side a paragraph's first sentence names as its subject, compared across
languages ("The Russian Side requested the Korean Side" against "한국측은 러시아측에 요청").

Only the grammar each language marks is read, and only where it is unambiguous:
- Korean: a Side with the topic particle (한국측은), else with the subject particle (한국측이);
- Russian: a Side in the nominative (Корейская Сторона; Стороны opening the paragraph);
- English: a Side opening the paragraph (The Korean Side, The two Sides, Both Sides).
Two Sides joined ("한국측과 러시아측은") are both Sides.
A passive sentence, or a language whose subject is not found, is not compared. The finding is
a warning: the grammar read is a few patterns, not a parse.
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.context import Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.memo import per_text_lang
from minutes_app.model import Lang

KR, RU, BOTH = "KR", "RU", "both"

# two Sides joined ("한국측과 러시아측은", "The Korean Side and the Russian Side"): both act
_KO_BOTH: Final = re.compile(r"(?:한국|러시아)\s?측\s?(?:과|와|및)\s?"
                             r"(?:한국|러시아)\s?측\s?(?:은|는|이|가)(?![가-힣])")
_RU_AND: Final = re.compile(r"\s+и\s+(?:Корейская|Российская)\s+Сторона(?![а-яё])")
_EN_AND: Final = re.compile(r"\s+and\s+the\s+(?:Korean|Russian)\s+Side\b")
_RU_PASSIVE: Final = re.compile(r"(?:Корейской|Российской)\s+(?:Стороной|делегацией)(?![а-яё])")
_EN_SUBJECT: Final = re.compile(
    r"(?:The\s+(Korean|Russian|two)|(Both))\s+(?:Sides?|Delegations?)\b")
_EN_PASSIVE: Final = re.compile(r"\b(?:was|were|is|are|been)\s+(?:\w+\s+){0,3}?\w+ed\s+by\b")

_KO_SIDES: Final = {"한국": KR, "러시아": RU, "양": BOTH}
_RU_SIDES: Final = {"Корейская": KR, "Российская": RU}
_EN_SIDES: Final = {"Korean": KR, "Russian": RU, "two": BOTH, "Both": BOTH}


_SENTENCE_END: Final = re.compile(r"[.!?](?:\s|$)")


@per_text_lang
def acting_side(text: str, lang: Lang) -> tuple[str, int, int] | None:
    """The Side ``text``'s first sentence names as its subject: ``(side, start, end)``.

    Only the first sentence is read: the languages' sentences need not follow one another in
    the same order, and a later sentence's subject is not the paragraph's.
    """
    if lang is Lang.KO:
        found = _korean(text) if "측" in text or "대표단" in text else None
    elif lang is Lang.RU:
        found = _russian(text) if "Сторон" in text or "делегац" in text else None
    elif lang is Lang.EN:
        found = _english(text) if text.startswith(("The ", "Both ")) else None
    else:
        found = None
    if found is None or _SENTENCE_END.search(text, 0, found[1]) is not None:
        return None  # none, or in a later sentence
    return found


def _korean(text: str) -> tuple[str, int, int] | None:
    hit = _korean_marked(text, "은는") or _korean_marked(text, "이가")
    if hit is None:
        return None
    side, start, end = hit
    if text.count("측", 0, end) >= 2:  # "한국측과 러시아측은": both
        both = _KO_BOTH.search(text, 0, end)
        if both is not None and both.end() == end:
            return BOTH, both.start(), both.end()
    return side, start, end


def _korean_marked(text: str, particles: str) -> tuple[str, int, int] | None:
    """The first Side (한국측, 러시아 대표단, 양측) followed by one of ``particles``.

    (Found from the plain string searches for 측 and 대표단, not a pattern tried at every
    character: most paragraphs name a Side, and this runs on each Korean text.)
    """
    best: tuple[str, int, int] | None = None
    for noun in ("측", "대표단"):
        at = text.find(noun)
        while at >= 0 and (best is None or at < best[1]):
            found = _korean_side_at(text, at, at + len(noun), particles)
            if found is not None:
                best = found
                break
            at = text.find(noun, at + 1)
    return best


def _korean_side_at(text: str, at: int, after: int, particles: str) -> tuple[str, int, int] | None:
    if after < len(text) and text[after] == " ":
        after += 1
    if after >= len(text) or text[after] not in particles or (
            after + 1 < len(text) and "가" <= text[after + 1] <= "힣"):
        return None
    before = at - 1 if at > 0 and text[at - 1] == " " else at
    for name, side in _KO_SIDES.items():
        start = before - len(name)
        if start >= 0 and text.startswith(name, start) and (
                start == 0 or not "가" <= text[start - 1] <= "힣"):
            return side, start, after + 1
    return None


def _russian(text: str) -> tuple[str, int, int] | None:
    if text.startswith(("Стороны", "Обе Стороны")):
        end = text.find("Стороны") + len("Стороны")
        if end < len(text) and text[end].isalpha():
            return None
        hit: tuple[str, int, int] | None = (BOTH, 0, end)
    else:
        hit = _russian_named(text)
    if hit is None or (("Стороной" in text or "делегацией" in text)
                       and _RU_PASSIVE.search(text) is not None):
        return None
    side, start, end = hit
    joined = _RU_AND.match(text, end) if side != BOTH else None
    if joined is not None:
        return BOTH, start, joined.end()
    return hit


def _russian_named(text: str) -> tuple[str, int, int] | None:
    """The first Side in the nominative ("Корейская Сторона", "Российская делегация")."""
    best: tuple[str, int, int] | None = None
    for noun in ("Сторона", "делегация"):
        at = text.find(noun)
        while at >= 0 and (best is None or at < best[1]):
            end = at + len(noun)
            if end >= len(text) or not text[end].isalpha():
                for name, side in _RU_SIDES.items():
                    start = at - len(name) - 1
                    if start >= 0 and text.startswith(name, start) and text[at - 1] == " " \
                            and (start == 0 or not text[start - 1].isalpha()):
                        best = (side, start, end)
                        break
                if best is not None and best[1] < at:
                    break
            at = text.find(noun, at + 1)
    return best


def _english(text: str) -> tuple[str, int, int] | None:
    hit = _EN_SUBJECT.match(text)  # a Side opening the paragraph, nothing before it
    if hit is None:
        return None
    end = _SENTENCE_END.search(text, hit.end())
    stop = end.start() if end is not None else len(text)
    if " by " in text[hit.end():stop] and _EN_PASSIVE.search(text, hit.end(), stop):
        return None  # "The Korean Side was invited by …": the acting Side is not the first
    joined = _EN_AND.match(text, hit.end())
    if joined is not None:
        return BOTH, hit.start(), joined.end()
    return _EN_SIDES[hit.group(1) or hit.group(2)], hit.start(), hit.end()


def role_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """A paragraph whose acting Side differs between two languages."""
    out: list[Finding] = []
    if unit.place != "paragraph":
        return out
    read = {lang: acting_side(t, lang) for lang in ctx.langs
            if (t := unit.texts.get(lang, "")) and not t.isspace()}
    sides = {r[0] for r in read.values() if r is not None}
    if len(sides) < 2:
        return out  # (most paragraphs: one acting Side in every language, or none read)
    for a, b in ctx.pairs:
        ra, rb = read.get(a), read.get(b)
        if ra is None or rb is None or ra[0] == rb[0]:
            continue
        ta, tb = unit.texts[a], unit.texts[b]
        out.append(make("roles", unit, (a, b), f"{ra[0]}|{rb[0]}",
                        [(a, ra[1], ra[2]), (b, rb[1], rb[2])],
                        {"only_a": ta[ra[1]:ra[2]], "only_b": tb[rb[1]:rb[2]]}))
    return out
