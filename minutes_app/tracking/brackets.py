"""Bracketing disputed words with alternatives, and closing a bracket by choosing one."""

from __future__ import annotations

from minutes_app.errors import ValidationError
from minutes_app.model import (
    Batch, Lang, Minutes, Operation, SetBracketSides, SetStatus, SetText, SetTrack, Status,
)
from minutes_app.model.brackets import (
    BRACKET, BracketOption, bracket_text, has_open_brackets, open_brackets,
)
from minutes_app.model.track import Author, plain
from minutes_app.tracking.decide import decide
from minutes_app.tracking.diff import retrack
from minutes_app.tracking.ops import edit_text


def _check_option(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError("A bracket option cannot be empty.")
    if any(ch in text for ch in "[]/"):
        raise ValidationError("A bracket option cannot contain '[', ']' or '/'.")
    return text


def bracket_op(m: Minutes, pid: int, lang: Lang, start: int, end: int,
               options: list[BracketOption], now: str) -> Operation:
    """Put ``text[start:end]`` in brackets; ``options`` are the alternatives, first the words."""
    p = m.paragraph(pid)
    text = p.text(lang)
    if not 0 <= start < end <= len(text):
        raise ValidationError("Select the words to put in brackets.")
    if any(b.start < end and start < b.end for b in open_brackets(p, lang)):
        raise ValidationError("Brackets cannot overlap or nest.")
    if len(options) < 2:
        raise ValidationError("A bracket needs at least two options.")
    clean = [BracketOption(_check_option(o.text), o.side) for o in options]
    new_text = text[:start] + bracket_text([o.text for o in clean]) + text[end:]
    sides = dict(p.bracket_sides)
    sides.update({o.text: o.side for o in clean if o.side is not None})
    return Batch((edit_text(m, pid, lang, new_text, now),
                  SetBracketSides(pid, tuple(sides.items())),
                  SetStatus(pid, Status.BRACKETED)))


def choose_op(m: Minutes, pid: int, lang: Lang, bracket: int, option: int, now: str
              ) -> Operation:
    """Close bracket number ``bracket`` of a language by keeping option number ``option``."""
    p = m.paragraph(pid)
    brackets = open_brackets(p, lang)
    if not 0 <= bracket < len(brackets):
        raise ValidationError("There is no such open bracket.")
    b = brackets[bracket]
    if not 0 <= option < len(b.options):
        raise ValidationError("There is no such option.")
    text = p.text(lang)
    new_text = text[:b.start] + b.options[option].text + text[b.end:]
    still_used = {o.text for other in _texts_after(p.texts, lang, new_text)
                  for o in _options_in(other)}
    sides = tuple((k, v) for k, v in p.bracket_sides.items() if k in still_used)
    ops: list[Operation] = [_agreed_edit(m, pid, lang, new_text, now),
                            SetBracketSides(pid, sides)]
    after = dict(p.texts)
    after[lang] = new_text
    if not any(BRACKET.search(t) for t in after.values()):
        ops.append(SetStatus(pid, Status.PROPOSED))
    return Batch(tuple(ops))


def _agreed_edit(m: Minutes, pid: int, lang: Lang, new_text: str, now: str) -> Operation:
    """The edit closing a bracket, already accepted: choosing an option is a joint decision.

    Other pending revisions (inside the chosen words, say) stay pending.
    """
    p = m.paragraph(pid)
    if not m.tracking:
        return SetText(pid, lang, new_text)
    author = Author(m.own_side, m.working_round, now)
    track = retrack(p.tracks.get(lang) or plain(p.text(lang)), new_text, author)
    while True:  # decided segments merge with their neighbours: look the next one up afresh
        mine = [i for i, s in enumerate(track) if s.author == author]
        if not mine:
            return SetTrack(pid, lang, new_text, track)
        track = decide(track, mine[-1], accept=True)


def _texts_after(texts: dict[Lang, str], lang: Lang, new_text: str) -> list[str]:
    return [new_text if k is lang else v for k, v in texts.items()]


def _options_in(text: str) -> list[BracketOption]:
    return [BracketOption(o.strip(), None) for hit in BRACKET.finditer(text)
            for o in hit.group(1).split("/")]


__all__ = ["bracket_op", "choose_op", "has_open_brackets"]
