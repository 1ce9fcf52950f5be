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
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
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
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    for _tag, i1, i2, j1, j2 in reversed(edits):  # from the end: earlier offsets stay valid
        brackets = replace_in(brackets, lang, i1, i2, j2 - j1)
    return follow_text(brackets, lang, new)


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
