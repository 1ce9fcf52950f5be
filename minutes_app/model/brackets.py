"""Brackets: disputed wording as model objects anchored to a span of a paragraph's text.

A bracket has an id, a span in each language it covers, its options (each with the Side that
proposed it) and a state: open, or closed with the option chosen and when. The delimiters are
rendered (editor, exports), never stored: the text holds the words of the first option, so
square brackets typed as text stay text, and a citation like "Article 3 [2]" is not a bracket.
Every text edit shifts the spans (``shift``); a span whose words are all deleted drops its
bracket.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from minutes_app.model.entities import Paragraph
from minutes_app.model.types import Lang, Side, Status

Span = tuple[int, int]


@dataclass(frozen=True)
class Option:
    """One alternative wording, per language, and the Side that proposed it."""

    texts: Mapping[Lang, str]
    side: Side | None = None


@dataclass(frozen=True)
class Bracket:
    """Disputed words: spans per language, options (the first is the text's), state."""

    id: int
    spans: Mapping[Lang, Span]
    options: tuple[Option, ...]
    chosen: int | None = None  # the option kept when the bracket was closed
    closed_at: str = ""  # ISO 8601, when it was closed
    created_at: str = field(default="", compare=False)

    @property
    def is_open(self) -> bool:
        """True until an option is chosen."""
        return self.chosen is None


class BracketOption(NamedTuple):
    """One option as seen in one language: its words and the proposing Side."""

    text: str
    side: Side | None


class OpenBracket(NamedTuple):
    """An open bracket in one language: where it stands in the text and its options."""

    lang: Lang
    start: int
    end: int
    options: tuple[BracketOption, ...]
    id: int = 0


def open_brackets(p: Paragraph, lang: Lang) -> list[OpenBracket]:
    """The open brackets in one language of a paragraph, in text order."""
    text = p.text(lang)
    found = []
    for b in p.brackets:
        if b.is_open and lang in b.spans:
            start, end = b.spans[lang]
            words = text[start:end]
            options = tuple(BracketOption(o.texts.get(lang, words), o.side) for o in b.options)
            found.append(OpenBracket(lang, start, end, options, b.id))
    return sorted(found, key=lambda o: o.start)


def has_open_brackets(p: Paragraph) -> bool:
    """True when the paragraph holds an open bracket."""
    return any(b.is_open for b in p.brackets)


def status_of(p: Paragraph) -> Status:
    """The paragraph's status: an open bracket forces ``bracketed``."""
    if p.brackets and has_open_brackets(p):
        return Status.BRACKETED
    return Status.PROPOSED if p.status is Status.BRACKETED else p.status


def find_bracket(p: Paragraph, bracket_id: int) -> Bracket | None:
    """The paragraph's bracket with this id, if any."""
    return next((b for b in p.brackets if b.id == bracket_id), None)


# -- keeping spans on their words through edits ----------------------------------------------

def _replace_span(span: Span, a: int, b: int, n: int) -> Span | None:
    """``span`` after ``[a, b)`` became ``n`` characters; None when its words are all gone.

    Text inserted at either edge stays outside; an edit inside the span grows or shrinks it.
    """
    s, e = span
    delta = n - (b - a)
    if a <= s and b >= e and a < b:
        return None  # every word of the span deleted or replaced
    if b <= s:
        return (s + delta, e + delta)
    if a >= e:
        return span
    if s <= a and b <= e:
        return (s, e + delta)
    if a < s:  # the edit takes the span's first words: what it inserts stays before
        return (a + n, e + delta)
    return (s, a)  # the edit takes the span's last words: what it inserts stays after


def replace_in(brackets: tuple[Bracket, ...], lang: Lang, a: int, b: int, n: int
               ) -> tuple[Bracket, ...]:
    """The brackets after ``[a, b)`` of ``lang`` became ``n`` characters (some may drop)."""
    out = []
    for br in brackets:
        span = br.spans.get(lang)
        if span is None:
            out.append(br)
            continue
        moved = _replace_span(span, a, b, n)
        if moved is None:
            spans = {k: v for k, v in br.spans.items() if k is not lang}
            if spans:  # still anchored in another language
                out.append(dataclasses.replace(br, spans=spans))
            continue
        if moved != span:
            out.append(dataclasses.replace(br, spans={**br.spans, lang: moved}))
        else:
            out.append(br)
    return tuple(out)


def follow_text(brackets: tuple[Bracket, ...], lang: Lang, text: str) -> tuple[Bracket, ...]:
    """The first option of an open bracket is the words in its span: keep it so."""
    out = []
    for br in brackets:
        span = br.spans.get(lang)
        if span is not None and br.is_open and br.options:
            words = text[span[0]:span[1]]
            first = br.options[0]
            if first.texts.get(lang) != words:
                first = Option({**first.texts, lang: words}, first.side)
                br = dataclasses.replace(br, options=(first, *br.options[1:]))
        out.append(br)
    return tuple(out)


def shift(brackets: tuple[Bracket, ...], lang: Lang, old: str, new: str
          ) -> tuple[Bracket, ...]:
    """The brackets after the text of ``lang`` changed from ``old`` to ``new``."""
    if old == new or not any(lang in b.spans for b in brackets):
        return brackets
    edits = _edits(old, new)
    moved = brackets
    for i1, i2, n in reversed(edits):  # from the end: earlier offsets stay valid
        moved = replace_in(moved, lang, i1, i2, n)
    if len(edits) == 1 and len(moved) < len(brackets):
        moved = _refind(brackets, moved, lang, old, new)
    return follow_text(moved, lang, new)


def _refind(before: tuple[Bracket, ...], after: tuple[Bracket, ...], lang: Lang, old: str,
            new: str) -> tuple[Bracket, ...]:
    """A bracket dropped by one large replacement stays if its words are still there.

    Large rewrites (an import, a merge) are not matched character by character; a span is
    put on the occurrence of its words nearest to where they were.
    """
    kept = {b.id for b in after}
    out = list(after)
    for b in before:
        span = b.spans.get(lang)
        if b.id in kept or span is None:
            continue
        words = old[span[0]:span[1]]
        found = [i for i in range(len(new)) if new.startswith(words, i)]
        taken = [x.spans[lang] for x in out if lang in x.spans]
        found = [i for i in found if all(i + len(words) <= s or e <= i for s, e in taken)]
        if words.strip() and found:
            start = min(found, key=lambda i: abs(i - span[0]))
            out.append(dataclasses.replace(b, spans={**b.spans, lang: (start, start + len(words))}))
    order = {b.id: i for i, b in enumerate(before)}
    return tuple(sorted(out, key=lambda b: order.get(b.id, len(order))))


MATCH_LIMIT = 400  # beyond this many changed characters, one replacement (a matcher is quadratic)


def _common(same: Callable[[int], bool], limit: int) -> int:
    """The largest k <= limit with ``same(k)`` (a binary search: slices compare in C)."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if same(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _edits(old: str, new: str) -> list[tuple[int, int, int]]:
    """The replaced ranges of ``old`` and their new lengths, in text order.

    The common beginning and end are cut first: typing changes one place, so the matcher
    (character-level, to keep a span on its very words) sees only that place.
    """
    head = _common(lambda k: old[:k] == new[:k], min(len(old), len(new)))
    limit = min(len(old), len(new)) - head
    tail = _common(lambda k: old[len(old) - k:] == new[len(new) - k:], limit)
    a, b = old[head:len(old) - tail], new[head:len(new) - tail]
    if len(a) + len(b) > MATCH_LIMIT:  # the words of a span found again: ``_refind``
        return [(head, head + len(a), len(b))]
    from difflib import SequenceMatcher  # on the first edit, not at start-up

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [_on_words(old, new, head + i1, head + i2, head + j1, head + j2)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _on_words(old: str, new: str, i1: int, i2: int, j1: int, j2: int
              ) -> tuple[int, int, int]:
    """A pure deletion or insertion slid left over equal characters to start a word.

    Deleting "qc " from "qc qa" is found as "c q" after the common "q"; slid, it is the
    whole word and a bracket on "qc" drops instead of keeping a stray "q".
    """
    text, a, b = (old, i1, i2) if j1 == j2 else (new, j1, j2) if i1 == i2 else ("", 0, 0)
    k = 0
    while a - k > 0 and text[a - k - 1] == text[b - k - 1] and not _starts_word(text, a - k):
        k += 1
    if k and _starts_word(text, a - k):
        return (i1 - k, i2 - k, j2 - j1)
    return (i1, i2, j2 - j1)


def _starts_word(text: str, i: int) -> bool:
    """True where a word starts (or the text does): nothing of a word just before ``i``."""
    return i == 0 or not text[i - 1].isalnum()


def without_lang(brackets: tuple[Bracket, ...], lang: Lang) -> tuple[Bracket, ...]:
    """The brackets once ``lang`` left the document (a bracket left with no span drops)."""
    out = []
    for br in brackets:
        if lang not in br.spans:
            out.append(br)
        elif len(br.spans) > 1:
            out.append(dataclasses.replace(
                br, spans={k: v for k, v in br.spans.items() if k is not lang}))
    return tuple(out)


# -- JSON --------------------------------------------------------------------------------

def bracket_out(b: Bracket) -> dict[str, Any]:
    """A bracket as JSON-ready data."""
    return {"id": b.id, "spans": {k.value: list(v) for k, v in b.spans.items()},
            "options": [{"texts": {k.value: t for k, t in o.texts.items()},
                         "side": o.side.value if o.side else None} for o in b.options],
            "chosen": b.chosen, "closed_at": b.closed_at, "created_at": b.created_at}


def bracket_in(d: Mapping[str, Any]) -> Bracket:
    """A bracket from JSON data."""
    spans = {Lang(k): (int(v[0]), int(v[1])) for k, v in d["spans"].items()}
    options = tuple(Option({Lang(k): str(t) for k, t in o["texts"].items()},
                           Side(o["side"]) if o.get("side") else None) for o in d["options"])
    chosen = d.get("chosen")
    return Bracket(int(d["id"]), spans, options, None if chosen is None else int(chosen),
                   str(d.get("closed_at", "")), str(d.get("created_at", "")))


def brackets_out(brackets: tuple[Bracket, ...]) -> list[dict[str, Any]]:
    """A paragraph's brackets as JSON-ready data."""
    return [bracket_out(b) for b in brackets]


def brackets_in(data: Any) -> tuple[Bracket, ...]:
    """A paragraph's brackets from JSON data (an empty mapping is none)."""
    return tuple(bracket_in(d) for d in data) if isinstance(data, list) else ()
