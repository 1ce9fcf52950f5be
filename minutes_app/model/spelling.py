"""The document's own spelling exceptions: words the spell checker never flags here."""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.model.change import Change
from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import Operation


class SetSpellingIgnore(NamedTuple):
    """Replace the document's list of words never flagged as misspelt."""

    words: tuple[str, ...]

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        old = tuple(m.spelling_ignore)
        m.spelling_ignore = sorted(set(self.words))
        return SetSpellingIgnore(old), Change(meta=True)


def ignore_word(m: Minutes, word: str) -> SetSpellingIgnore:
    """The operation adding ``word`` to the document's exceptions."""
    return SetSpellingIgnore((*m.spelling_ignore, word))
