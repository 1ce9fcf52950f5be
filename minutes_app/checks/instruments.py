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

import ahocorasick_rs

from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.context import Context
from minutes_app.checks.memo import per_text_lang
from minutes_app.checks.nm_read import ONE_BYTE, text_lowered
from minutes_app.checks.stems import Stems, is_letter
from minutes_app.checks.tokens import lowercase
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


_Word = tuple[re.Pattern[str], frozenset[str]]


def _rows() -> list[list[str]]:
    """The table's rows as cells (an indented line goes on with the row above)."""
    lines: list[str] = []
    for line in _TABLE.strip().splitlines():
        if line.startswith(" ") and lines:
            lines[-1] += line.strip()
        else:
            lines.append(line)
    return [[c.strip() for c in line.split("|")] for line in lines]


def _word_pattern(word: str, lang: Lang) -> re.Pattern[str]:
    """What a table word matches where its first word starts in a text."""
    cased = word.endswith("=")
    word = word.rstrip("=")
    if lang is Lang.KO:
        return re.compile(re.escape(word).replace(r"\ ", r"\s?"), re.IGNORECASE)
    if lang is Lang.EN:  # a whole word, or its plural
        return re.compile(re.escape(word).replace(r"\ ", r"\s+") + r"s?(?![^\W\d_])",
                          0 if cased else re.IGNORECASE)
    # Russian stems: each word declines (a case ending of three letters at most:
    # "договора", "Соглашениями", not "договорились")
    return re.compile(r"[^\W\d_]{0,3}\s+".join(re.escape(w) for w in word.split())
                      + r"[^\W\d_]{0,3}(?![^\W\d_])", re.IGNORECASE)


class _Reader:
    """A language's automaton of its words' first words, and per first word its table words."""

    def __init__(self, lang: Lang, rows: list[list[str]]) -> None:
        by_first: dict[str, list[tuple[int, _Word]]] = {}
        for row in rows:
            kinds = frozenset(row[0].split())
            for word in _words(row[_COLUMN[lang]]):
                first = word.rstrip("=").split()[0]
                # (Korean is read as written: its words hold no case but "MOU", listed so)
                first = first if lang is Lang.KO else lowercase(first)
                by_first.setdefault(first, []).append(
                    (len(word), (_word_pattern(word, lang), kinds)))
        firsts = sorted(by_first)
        self.words = [[w for _n, w in sorted(by_first[f], key=lambda x: -x[0])]
                      for f in firsts]
        # Korean: its stems' automaton (read as UTF-16 units, see stems.Stems)
        self.korean = Stems(firsts, word_start=False) if lang is Lang.KO else None
        # (leftmost-longest: a hit inside a word hides no word that starts there)
        self.chars = ahocorasick_rs.AhoCorasick(
            firsts, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA)
        # English and Russian are read from the text's lower-cased one-byte bytes, which the
        # values' and names' passes made already (one byte a character: the same offsets)
        self.bytes = ahocorasick_rs.BytesAhoCorasick(
            [f.encode(ONE_BYTE, "replace") for f in firsts],
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA)

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        """Where a first word stands: ``(index, start, end)`` (English, Russian: any case)."""
        if self.korean is not None:
            return self.korean.indexed_hits(text)
        raw = text_lowered(text)
        if raw:
            return self.bytes.find_matches_as_indexes(raw)
        lower = lowercase(text)
        if len(lower) != len(text):  # (a character that lower-cases to two: none of ours)
            lower = lowercase(text.replace("\u0130", "I"))
        return self.chars.find_matches_as_indexes(lower)


# (most texts name no instrument: one pass in C finds where a word may start, and only
# there is a pattern tried)
_READERS: Final = {lang: _Reader(lang, _rows()) for lang in _COLUMN}


def _starts_word(text: str, at: int) -> bool:
    """Whether ``at`` starts a word (no letter before it)."""
    return at == 0 or not is_letter(text[at - 1])


@per_text_lang
def instruments_in(text: str, lang: Lang) -> tuple[tuple[frozenset[str], int, int], ...]:
    """The instruments ``text`` names: ``(kinds, start, end)`` of each word."""
    reader = _READERS.get(lang)
    if reader is None:
        return ()
    hits = reader.hits(text)
    if not hits:
        return ()
    out = []
    for index, start, _stop in hits:
        if lang is not Lang.KO and not _starts_word(text, start):
            continue
        for pattern, kinds in reader.words[index]:
            hit = pattern.match(text, start)
            if hit is not None:
                out.append((kinds, start, hit.end()))
                break
    return tuple(out)


def instrument_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """An instrument of one kind in one language and of another kind in another."""
    out: list[Finding] = []
    read = {lang: instruments_in(t, lang) for lang in ctx.langs
            if (t := unit.texts.get(lang, "")) and not t.isspace()}
    named = [frozenset().union(*(k for k, _s, _e in r)) for r in read.values() if r]
    if len(named) < 2 or all(kinds == named[0] for kinds in named[1:]):
        return out  # (most units: no instrument, or the same kinds in each language)
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
