"""Square brackets: disputed wording written as ``[option A / option B]`` in the text.

Brackets live in the text itself, as negotiators write them (so they survive typing, tracked
changes and export); the paragraph remembers which Side proposed each option.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from minutes_app.model.entities import Paragraph
from minutes_app.model.types import Lang, Side, Status

BRACKET = re.compile(r"\[([^\[\]]*)\]")
SEPARATOR = " / "


class BracketOption(NamedTuple):
    """One alternative wording and the Side that proposed it (None when unknown)."""

    text: str
    side: Side | None


class OpenBracket(NamedTuple):
    """A bracket in one language: where it stands in the text and its options."""

    lang: Lang
    start: int
    end: int
    options: tuple[BracketOption, ...]


def bracket_text(options: list[str] | tuple[str, ...]) -> str:
    """The text of a bracket: ``[early 2021 / the first half of 2021]``."""
    return "[" + SEPARATOR.join(options) + "]"


def open_brackets(p: Paragraph, lang: Lang) -> list[OpenBracket]:
    """The brackets in one language of a paragraph, in text order."""
    found = []
    for hit in BRACKET.finditer(p.text(lang)):
        options = tuple(BracketOption(o.strip(), p.bracket_sides.get(o.strip()))
                        for o in hit.group(1).split("/"))
        found.append(OpenBracket(lang, hit.start(), hit.end(), options))
    return found


def has_open_brackets(p: Paragraph) -> bool:
    """True when any language of the paragraph holds a bracket."""
    return any("[" in t and BRACKET.search(t) for t in p.texts.values())


def status_of(p: Paragraph) -> Status:
    """The paragraph's status: an open bracket forces ``bracketed``."""
    if has_open_brackets(p):
        return Status.BRACKETED
    return Status.PROPOSED if p.status is Status.BRACKETED else p.status
