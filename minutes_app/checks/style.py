"""Style checks: paired symbols and quotes per language, end punctuation, spacing."""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.context import Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.tokens import INVISIBLE
from minutes_app.checks.tr_profile import profile
from minutes_app.model import Lang

# (a member read from the Enum class costs an attribute look-up through its metaclass)
_RU: Final = Lang.RU

_COMMON = (("(", ")"), ("[", "]"), ("{", "}"))
PAIRS = {
    Lang.KO: (*_COMMON, ("「", "」"), ("『", "』"), ("《", "》"), ("〈", "〉"), ("“", "”"),
              ("‘", "’")),
    Lang.EN: (*_COMMON, ("“", "”")),
    Lang.RU: (*_COMMON, ("«", "»")),
}
_SYMBOLS = frozenset(c for pairs in PAIRS.values() for pair in pairs for c in pair) | {'"', "„"}


# (what tr_profile finds of them, as a pattern: the tests compare the two)
_SYMBOL_RE = re.compile("[" + re.escape("".join(sorted(_SYMBOLS))) + "]")


def _has_symbol(text: str) -> bool:
    """Whether a paired symbol is in ``text`` (a few memchr in C before any regex)."""
    return profile(text).symbol  # (the compiled pass that several checks share)


_SMALL_ROMAN = frozenset("ii iii iv vi vii ix xi xii".split())


def _enumerator(text: str, i: int) -> bool:
    """``text[i]`` closes a list item's number (``1)``, ``a)``, ``가)``) that opens nothing."""
    j = i - 1
    while j >= 0 and text[j].isalnum() and i - j <= 3:
        j -= 1
    token = text[j + 1:i]
    # a number, one letter or a small roman numeral ("MOU)" is a bracket left unopened)
    if not (token.isdigit() or len(token) == 1 or token in _SMALL_ROMAN):
        return False
    return j < i - 1 and (j < 0 or text[j] in " \t\n:;,")


# each language's closing symbols (with their opening ones) and opening ones, made once
_CLOSERS = {lang: {close: open_ for open_, close in pairs} for lang, pairs in PAIRS.items()}
_OPENERS = {lang: frozenset(open_ for open_, _close in pairs) for lang, pairs in PAIRS.items()}


# (not remembered per text: only the text checks ask, and what they find is cached per unit)
def _unbalanced(text: str, lang: Lang) -> tuple[str, int] | None:
    """The first symbol left without its partner, and where it is."""
    stack: list[tuple[str, int]] = []
    closers, openers = _CLOSERS[lang], _OPENERS[lang]
    # only the symbols are visited (the text's profile holds where they stand, tr_profile)
    for i in profile(text).symbols or ():
        ch = text[i]
        if ch in openers and not (ch == "“" and lang is _RU):
            stack.append((ch, i))
        elif ch in closers:
            if ch == ")" and _enumerator(text, i):
                continue  # "1)", "a)", "가)": a list item's number, not a bracket
            if not stack or stack[-1][0] != closers[ch]:
                if ch == "’" and 0 < i < len(text) - 1 and text[i - 1].isalpha():
                    continue  # an apostrophe (Korea’s)
                return ch, i
            stack.pop()
    if text.count('"') % 2:
        return '"', text.index('"')
    if lang is _RU and text.count("„") != text.count("“"):
        return "„", text.find("„") if "„" in text else text.index("“")
    return stack[0] if stack else None


def pair_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """A bracket or quotation mark without its partner, in one language."""
    out: list[Finding] = []
    for lang in ctx.langs:
        text = unit.texts.get(lang, "")
        if not _has_symbol(text):
            continue
        bad = _unbalanced(text, lang)
        if bad is not None:
            symbol, at = bad
            out.append(make("pairs", unit, (lang,), symbol, [(lang, at, at + 1)],
                            {"symbol": symbol}))
    return out


_CLOSING = "\"'”’»」』》〉)]"


def _end(text: str) -> str:
    """How a text ends: '.' for a full stop, colon or semicolon; '?', '!' or '' for none."""
    last = text[-1:]
    if not last or last.isspace() or last in _CLOSING or last in INVISIBLE:
        # (else no strip changes the end)
        text = text.rstrip().rstrip(INVISIBLE).rstrip().rstrip(_CLOSING).rstrip()
        if not text:
            return ""
        last = text[-1]
    if last in ".:;,。…":
        return "."
    return last if last in "?!" else ""


def punctuation_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """One language ends with a full stop (or ? !) where another has none, or another mark."""
    out: list[Finding] = []
    if unit.place == "meeting" or unit.place == "title":
        return out
    texts = unit.texts
    read = [_end(text) if (text := texts.get(lang, "")).strip() else None for lang in ctx.langs]
    # (every language ending alike, or all but one empty: no pair differs; no set made)
    first: str | None = None
    for end in read:
        if end is not None:
            if first is None:
                first = end
            elif end != first:
                break
    else:
        return out
    ends = {lang: end for lang, end in zip(ctx.langs, read, strict=True) if end is not None}
    for a, b in ctx.pairs:
        if a in ends and b in ends and ends[a] != ends[b]:
            ta, tb = unit.texts[a].rstrip(), unit.texts[b].rstrip()
            out.append(make("punctuation", unit, (a, b), f"{ends[a]}|{ends[b]}",
                            [(a, len(ta) - 1, len(ta)), (b, len(tb) - 1, len(tb))],
                            {"end_a": ends[a] or "—", "end_b": ends[b] or "—"}))
    return out


# (every hit starts with a space: the look-ahead lets the engine skip to one)
_BEFORE = re.compile(r"(?= )(?:(?<=[^\s.]) +(?=[,.;:!?)\]」』》〉”»](?:\s|$))"
                     r"|(?<=[,;]) +(?=[,.;]))")
_AFTER = re.compile(r"(?= )(?<=[(\[「『《〈“«]) +")


def spacing(text: str) -> list[tuple[str, int, int]]:
    """Each kind of spacing problem of a text, and where it first is."""
    if not text:
        return []
    read = profile(text)  # (the compiled pass that several checks share, see tr_profile)
    double, before, after = read.double or read.tab, read.stray, read.after
    if not (double or " " in text[:1] + text[-1:] or before or after):
        return []
    # each pattern only where what its hit must hold is there
    out = []
    if double and (found := _double(text)) is not None:
        out.append(("double", *found))
    if (edge := _edge(text)) is not None:
        out.append(("edge", *edge))
    if before and (hit := _BEFORE.search(text)) is not None:
        out.append(("before", hit.start(), hit.end()))
    if after and (hit := _AFTER.search(text)) is not None:
        out.append(("after", hit.start(), hit.end()))
    return out


def _double(text: str) -> tuple[int, int] | None:
    """Where ``(?<=\\S) {2,}(?=\\S)|\\t`` first matches: two spaces or more between marks, or a tab.

    Each run of spaces is found by ``str.find`` (in C); a run matches when it is whole (it
    starts one after a mark) and a mark follows it.
    """
    tab = text.find("\t")
    at = text.find("  ")
    while at >= 0 and (tab < 0 or at < tab):
        end = at + 2
        while end < len(text) and text[end] == " ":
            end += 1
        if at and not text[at - 1].isspace() and end < len(text) and not text[end].isspace():
            return at, end
        at = text.find("  ", end)
    return (tab, tab + 1) if tab >= 0 else None


def _edge(text: str) -> tuple[int, int] | None:
    """Where ``^\\s+|\\s+$`` first matches: the spaces that begin or end the text."""
    if text[0].isspace():
        return 0, len(text) - len(text.lstrip())
    if text[-1].isspace():
        return len(text.rstrip()), len(text)
    return None


def space_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """Double spaces, spaces at either end, before punctuation or inside brackets."""
    out: list[Finding] = []
    for lang in ctx.langs:
        for issue, start, end in spacing(unit.texts.get(lang, "")):
            out.append(make("spaces", unit, (lang,), issue, [(lang, start, end)], {"issue": issue}))
    return out
