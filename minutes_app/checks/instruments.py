"""The kind of instrument a text names: MOU, Agreement, Treaty, Protocol, Arrangement, plan.

Whether a memorandum of understanding or an agreement was signed is legally decisive: a
text that names one kind where another language names another kind is a finding. Some words
stand for more than one kind (Russian "протокол" is a protocol or the minutes themselves,
"договор" a treaty or a contract, 협약 a convention or an agreement): a mention is matched
when any of its kinds is named on the other side. As for units, only two texts that each name
a kind the other lacks are told; an instrument one text names and the other leaves unnamed
("the document", "it") is not.
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.context import Context
from minutes_app.checks.memo import per_text_lang
from minutes_app.model import Lang

# the kinds a word names | Korean | English | Russian. Words are found at a word's start
# (Korean: anywhere; a particle follows), English words ending in "=" are matched only as
# capitalised (an "Agreement", not the "agreement" reached), Russian words are stems; "-":
# none; an indented line goes on with the row above.
_TABLE: Final = """
mou | 양해각서/각서/MOU/MoU | Memorandum of Understanding/Memoranda of Understanding/
    Memorandum/Memoranda/MOU/MoU | меморандум/MOU/МоВ
agreement | 협정 | Agreement= | -
agreement arrangement | | | соглашени
agreement arrangement minutes | 합의서 | Agreed Minutes= | согласованн протокол
agreement convention mou | 협약 | Convention= | конвенц
treaty | 조약 | Treaty/Treaties | -
treaty contract agreement | | | договор
protocol | 의정서 | Protocol= |
protocol minutes | | | протокол
minutes | 의사록/회의록 | Minutes= |
arrangement agreement | 약정 | Arrangement= | договоренност
plan | 행동계획/실행계획/액션플랜/행동 계획/실행 계획 | Action Plan/Plan of Action/
    Action Programme/Programme of Action | план действий/программ действий
roadmap | 로드맵/이행계획/이행 계획 | Roadmap/Road Map | дорожн карт
statement | 공동성명/공동 성명 | Joint Statement= | совместн заявлени
declaration | 선언 | Declaration= | декларац
contract | 계약 | Contract=/contract | контракт
"""

_COLUMN: Final = {Lang.KO: 1, Lang.EN: 2, Lang.RU: 3}


def _words(cell: str) -> list[str]:
    """A cell's words ("-": none)."""
    return [w for v in cell.split("/") if (w := v.strip()) and w != "-"]


def _patterns() -> dict[Lang, tuple[re.Pattern[str], dict[str, frozenset[str]]]]:
    """Per language: one pattern of its words (longest first), and each word's kinds."""
    out: dict[Lang, tuple[re.Pattern[str], dict[str, frozenset[str]]]] = {}
    lines: list[str] = []
    for line in _TABLE.strip().splitlines():
        if line.startswith(" ") and lines:
            lines[-1] += line.strip()
        else:
            lines.append(line)
    rows = [[c.strip() for c in line.split("|")] for line in lines]
    for lang, column in _COLUMN.items():
        kinds: dict[str, frozenset[str]] = {}
        for row in rows:
            for word in _words(row[column]):
                key = word.rstrip("=")
                key = key if word.endswith("=") or lang is Lang.KO else key.lower()
                kinds[key] = kinds.get(key, frozenset()) | frozenset(row[0].split())
        parts = []
        for row in rows:
            for word in _words(row[column]):
                cased = word.endswith("=")
                body = re.escape(word.rstrip("=")).replace(r"\ ", r"\s+")
                if lang is Lang.KO:
                    parts.append((len(word), body))
                elif lang is Lang.EN:
                    body = f"(?-i:{body})" if cased else body
                    parts.append((len(word), r"(?<![^\W\d_])" + body + r"s?(?![^\W\d_])"))
                else:  # Russian stems: each word declines
                    body = r"[^\W\d_]*\s+".join(re.escape(w) for w in word.split())
                    parts.append((len(word), r"(?<![^\W\d_])" + body + r"[^\W\d_]*"))
        parts.sort(key=lambda p: -p[0])
        out[lang] = (re.compile("|".join(p[1] for p in parts), re.IGNORECASE), kinds)
    return out


_FOUND: Final = _patterns()


def _kinds_of(word: str, lang: Lang) -> frozenset[str]:
    """The kinds a word found in the text names."""
    kinds = _FOUND[lang][1]
    if lang is Lang.KO:
        return kinds.get(" ".join(word.split()), kinds.get(word.replace(" ", ""), frozenset()))
    squeezed = " ".join(word.split())
    for said in (squeezed, squeezed[:-1]) if squeezed.endswith("s") else (squeezed,):
        if said in kinds:  # a capitalised word as the table writes it (or its plural)
            return kinds[said]
        if said.lower() in kinds:
            return kinds[said.lower()]
    lower = squeezed.lower()
    if lang is Lang.RU:  # a stem: the longest that starts each of the words
        best: frozenset[str] = frozenset()
        best_len = -1
        for stem, found in kinds.items():
            stems = stem.split()
            words = lower.split()
            if len(stems) == len(words) and len(stem) > best_len and all(
                    w.startswith(s) for s, w in zip(stems, words, strict=True)):
                best, best_len = found, len(stem)
        return best
    return frozenset()


@per_text_lang
def instruments_in(text: str, lang: Lang) -> tuple[tuple[frozenset[str], int, int], ...]:
    """The instruments ``text`` names: ``(kinds, start, end)`` of each word."""
    found = _FOUND.get(lang)
    if found is None:
        return ()
    out = []
    for hit in found[0].finditer(text):
        kinds = _kinds_of(hit.group(), lang)
        if kinds:
            out.append((kinds, hit.start(), hit.end()))
    return tuple(out)


def instrument_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """An instrument of one kind in one language and of another kind in another."""
    out: list[Finding] = []
    read = {lang: instruments_in(t, lang) for lang in ctx.langs
            if (t := unit.texts.get(lang, "")) and not t.isspace()}
    if sum(1 for r in read.values() if r) < 2:
        return out
    for a, b in ctx.pairs:
        ra, rb = read.get(a), read.get(b)
        if not ra or not rb:
            continue
        kinds_a = frozenset().union(*(k for k, _s, _e in ra))
        kinds_b = frozenset().union(*(k for k, _s, _e in rb))
        only_a = [m for m in ra if not m[0] & kinds_b]
        only_b = [m for m in rb if not m[0] & kinds_a]
        if not only_a or not only_b:
            continue
        ta, tb = unit.texts[a], unit.texts[b]
        said_a = ", ".join(dict.fromkeys(ta[s:e] for _k, s, e in only_a))
        said_b = ", ".join(dict.fromkeys(tb[s:e] for _k, s, e in only_b))
        detail = "|".join(",".join(sorted({min(k) for k, _s, _e in side}))
                          for side in (only_a, only_b))
        spans = [(a, s, e) for _k, s, e in only_a] + [(b, s, e) for _k, s, e in only_b]
        out.append(make("instrument", unit, (a, b), detail, spans,
                        {"only_a": said_a, "only_b": said_b}))
    return out
