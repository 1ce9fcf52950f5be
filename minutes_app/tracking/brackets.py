"""Bracketing disputed words with alternatives, and closing a bracket by choosing one.

A bracket is an object anchored to the words (``model.brackets``): putting words in brackets
leaves the text as it is; choosing an option replaces exactly the span with the option's words,
as a joint decision (already accepted), and closes the bracket. Each is one operation.
"""

from __future__ import annotations

import dataclasses

from minutes_app.errors import ValidationError
from minutes_app.model import (
    Batch, Lang, Minutes, Operation, SetBrackets, SetStatus, SetText, SetTrack, Status,
)
from minutes_app.model.brackets import (
    Bracket, BracketOption, Option, find_bracket, has_open_brackets, replace_in,
)
from minutes_app.model.track import Author, plain
from minutes_app.tracking.decide import decide
from minutes_app.tracking.diff import retrack


def _check_option(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError("A bracket option cannot be empty.")
    return text


def new_bracket(m: Minutes, pid: int, spans: dict[Lang, tuple[int, int]],
                options: list[Option], now: str, bracket_id: int | None = None) -> Bracket:
    """A new open bracket of paragraph ``pid`` (checked: spans inside the text, no overlap)."""
    p = m.paragraph(pid)
    if len(options) < 2:
        raise ValidationError("A bracket needs at least two options.")
    for lang, (start, end) in spans.items():
        if not 0 <= start < end <= len(p.text(lang)):
            raise ValidationError("Select the words to put in brackets.")
        for other in p.brackets:
            span = other.spans.get(lang)
            if other.is_open and span is not None and span[0] < end and start < span[1]:
                raise ValidationError("Brackets cannot overlap or nest.")
    first = Option({lang: p.text(lang)[s:e] for lang, (s, e) in spans.items()}, options[0].side)
    return Bracket(m.allocate_id() if bracket_id is None else bracket_id, dict(spans),
                   (first, *options[1:]), created_at=now)


def add_bracket_op(m: Minutes, pid: int, bracket: Bracket) -> Operation:
    """Give paragraph ``pid`` the open bracket ``bracket`` (its status becomes bracketed)."""
    p = m.paragraph(pid)
    return Batch((SetBrackets(pid, (*p.brackets, bracket)), SetStatus(pid, Status.BRACKETED)))


def bracket_op(m: Minutes, pid: int, lang: Lang, start: int, end: int,
               options: list[BracketOption], now: str) -> Operation:
    """Put ``text[start:end]`` in brackets; ``options`` are the alternatives, first the words.

    The text does not change: the first option is the words already there.
    """
    clean = [Option({lang: _check_option(o.text)}, o.side) for o in options]
    bracket = new_bracket(m, pid, {lang: (start, end)}, clean, now)
    return add_bracket_op(m, pid, bracket)


def choose_option(m: Minutes, pid: int, bracket_id: int, option: int, now: str) -> Operation:
    """Close bracket ``bracket_id`` of paragraph ``pid`` by keeping option number ``option``.

    The option's words replace exactly the bracket's span in each language (already agreed:
    choosing is a joint decision); other pending revisions stay pending.
    """
    p = m.paragraph(pid)
    b = find_bracket(p, bracket_id)
    if b is None or not b.is_open:
        raise ValidationError("There is no such open bracket.")
    if not 0 <= option < len(b.options):
        raise ValidationError("There is no such option.")
    ops: list[Operation] = []
    brackets, spans = tuple(x for x in p.brackets if x.id != b.id), dict(b.spans)
    for lang in [x for x in m.languages if x in b.spans]:
        start, end = spans[lang]
        text = p.text(lang)
        words = b.options[option].texts.get(lang, text[start:end])
        spans[lang] = (start, start + len(words))
        brackets = replace_in(brackets, lang, start, end, len(words))
        if words != text[start:end]:
            state = (*brackets, dataclasses.replace(b, spans=dict(spans)))
            ops.append(_agreed_edit(m, pid, lang, text[:start] + words + text[end:], now, state))
    closed = dataclasses.replace(b, spans=spans, chosen=option, closed_at=now)
    ops.append(SetBrackets(pid, _in_order(p.brackets, (*brackets, closed))))
    if p.status is Status.BRACKETED and not any(x.is_open for x in brackets):
        ops.append(SetStatus(pid, Status.PROPOSED))
    return Batch(tuple(ops))


def choose_op(m: Minutes, pid: int, lang: Lang, bracket: int, option: int, now: str
              ) -> Operation:
    """Close the ``bracket``-th open bracket of a language (text order) with ``option``."""
    from minutes_app.model.brackets import open_brackets

    found = open_brackets(m.paragraph(pid), lang)
    if not 0 <= bracket < len(found):
        raise ValidationError("There is no such open bracket.")
    return choose_option(m, pid, found[bracket].id, option, now)


def _in_order(before: tuple[Bracket, ...], after: tuple[Bracket, ...]) -> tuple[Bracket, ...]:
    """``after`` in the order the brackets had in ``before``."""
    rank = {b.id: i for i, b in enumerate(before)}
    return tuple(sorted(after, key=lambda b: rank.get(b.id, len(rank))))


def _agreed_edit(m: Minutes, pid: int, lang: Lang, new_text: str, now: str,
                 brackets: tuple[Bracket, ...]) -> Operation:
    """The edit closing a bracket, already accepted: choosing an option is a joint decision.

    Other pending revisions (inside the chosen words, say) stay pending.
    """
    p = m.paragraph(pid)
    if not m.tracking:
        return SetText(pid, lang, new_text, brackets)
    author = Author(m.own_side, m.working_round, now)
    track = retrack(p.tracks.get(lang) or plain(p.text(lang)), new_text, author)
    while True:  # decided segments merge with their neighbours: look the next one up afresh
        mine = [i for i, s in enumerate(track) if s.author == author]
        if not mine:
            return SetTrack(pid, lang, new_text, track, brackets)
        track = decide(track, mine[-1], accept=True)


__all__ = ["add_bracket_op", "bracket_op", "choose_op", "choose_option", "has_open_brackets",
           "new_bracket"]
