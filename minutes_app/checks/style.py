"""Style checks: paired symbols and quotes per language, end punctuation, spacing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_app.checks.context import Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.memo import per_text
from minutes_app.model import Lang

_COMMON = (("(", ")"), ("[", "]"), ("{", "}"))
PAIRS = {
    Lang.KO: (*_COMMON, ("「", "」"), ("『", "』"), ("《", "》"), ("〈", "〉"), ("“", "”"),
              ("‘", "’")),
    Lang.EN: (*_COMMON, ("“", "”")),
    Lang.RU: (*_COMMON, ("«", "»")),
}
_SYMBOLS = frozenset(c for pairs in PAIRS.values() for pair in pairs for c in pair) | {'"', "„"}


_SYMBOL_RE = re.compile("[" + re.escape("".join(sorted(_SYMBOLS))) + "]")


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


@per_text
def _unbalanced(text: str, lang: Lang) -> tuple[str, int] | None:
    """The first symbol left without its partner, and where it is."""
    stack: list[tuple[str, int]] = []
    closers = {close: open_ for open_, close in PAIRS[lang]}
    openers = {open_ for open_, _close in PAIRS[lang]}
    for i, ch in enumerate(text):
        if ch not in _SYMBOLS:
            continue
        if ch in openers and not (ch == "“" and lang is Lang.RU):
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
    if lang is Lang.RU and text.count("„") != text.count("“"):
        return "„", text.find("„") if "„" in text else text.index("“")
    return stack[0] if stack else None


def pair_checks(unit: Unit, ctx: Context) -> Iterator[Finding]:
    """A bracket or quotation mark without its partner, in one language."""
    for lang in ctx.langs:
        text = unit.texts.get(lang, "")
        if not _SYMBOL_RE.search(text):
            continue
        bad = _unbalanced(text, lang)
        if bad is not None:
            symbol, at = bad
            yield make("pairs", unit, (lang,), symbol, [(lang, at, at + 1)], {"symbol": symbol})


_CLOSING = "\"'”’»」』》〉)]"


def _end(text: str) -> str:
    """How a text ends: '.' for a full stop, colon or semicolon; '?', '!' or '' for none."""
    text = text.rstrip().rstrip(_CLOSING).rstrip()
    if not text:
        return ""
    last = text[-1]
    if last in ".:;,。…":
        return "."
    return last if last in "?!" else ""


def punctuation_checks(unit: Unit, ctx: Context) -> Iterator[Finding]:
    """One language ends with a full stop (or ? !) where another has none, or another mark."""
    if unit.place == "meeting" or unit.place == "title":
        return
    ends = {lang: _end(unit.texts.get(lang, "")) for lang in ctx.langs
            if unit.texts.get(lang, "").strip()}
    for a, b in ctx.pairs:
        if a in ends and b in ends and ends[a] != ends[b]:
            ta, tb = unit.texts[a].rstrip(), unit.texts[b].rstrip()
            yield make("punctuation", unit, (a, b), f"{ends[a]}|{ends[b]}",
                       [(a, len(ta) - 1, len(ta)), (b, len(tb) - 1, len(tb))],
                       {"end_a": ends[a] or "—", "end_b": ends[b] or "—"})


_SPACING = (
    # (every hit starts with a space or a tab: the look-ahead lets the engine skip to one)
    ("double", re.compile(r"(?=[ \t])(?:(?<=\S) {2,}(?=\S)|\t)")),
    ("edge", re.compile(r"^\s+|\s+$")),
    ("before", re.compile(r"(?= )(?:(?<=[^\s.]) +(?=[,.;:!?)\]」』》〉”»](?:\s|$))"
                          r"|(?<=[,;]) +(?=[,.;]))")),
    ("after", re.compile(r"(?= )(?<=[(\[「『《〈“«]) +")),
)


@per_text
def spacing(text: str) -> list[tuple[str, int, int]]:
    """Each kind of spacing problem of a text, and where it first is."""
    if not text or ("  " not in text and " " not in text[:1] + text[-1:]
                    and "\t" not in text and not _maybe_stray(text)):
        return []
    return [(issue, hit.start(), hit.end()) for issue, pattern in _SPACING
            if (hit := pattern.search(text)) is not None]


def space_checks(unit: Unit, ctx: Context) -> Iterator[Finding]:
    """Double spaces, spaces at either end, before punctuation or inside brackets."""
    for lang in ctx.langs:
        for issue, start, end in spacing(unit.texts.get(lang, "")):
            yield make("spaces", unit, (lang,), issue, [(lang, start, end)], {"issue": issue})


# two passes, not one alternation: the first starts with a space, which the engine looks for
# as a literal; the second with a set of characters, also found fast (together 2x faster)
_STRAY_BEFORE = re.compile(r" [,.;:!?)\]」』》〉”»]")
_STRAY_AFTER = re.compile(r"[(\[「『《〈“«] ")


def _maybe_stray(text: str) -> bool:
    return _STRAY_BEFORE.search(text) is not None or _STRAY_AFTER.search(text) is not None
