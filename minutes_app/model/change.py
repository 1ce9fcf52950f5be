"""What an operation changed, so the store writes and the views redraw only that."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Change(NamedTuple):
    """The rows an operation touched; merged with ``|`` across a batch."""

    paragraphs: frozenset[int] = frozenset()
    removed_paragraphs: frozenset[int] = frozenset()
    sections: frozenset[int] = frozenset()
    removed_sections: frozenset[int] = frozenset()
    meta: bool = False
    structure: bool = False

    def __or__(self, other: Change) -> Change:
        removed_p = (self.removed_paragraphs - other.paragraphs) | other.removed_paragraphs
        removed_s = (self.removed_sections - other.sections) | other.removed_sections
        return Change(
            paragraphs=(self.paragraphs | other.paragraphs) - other.removed_paragraphs,
            removed_paragraphs=removed_p,
            sections=(self.sections | other.sections) - other.removed_sections,
            removed_sections=removed_s,
            meta=self.meta or other.meta,
            structure=self.structure or other.structure,
        )

    @property
    def empty(self) -> bool:
        """True when nothing was touched."""
        return not (
            self.paragraphs or self.removed_paragraphs or self.sections
            or self.removed_sections or self.meta or self.structure
        )


def merged(changes: Iterable[Change]) -> Change:
    """The changes folded with ``|`` in order, in time linear in their sizes.

    Folding a batch of thousands of operations with ``|`` copies the growing sets each time.
    """
    paragraphs: set[int] = set()
    removed_p: set[int] = set()
    sections: set[int] = set()
    removed_s: set[int] = set()
    meta = structure = False
    for c in changes:
        paragraphs |= c.paragraphs
        paragraphs -= c.removed_paragraphs
        removed_p -= c.paragraphs
        removed_p |= c.removed_paragraphs
        sections |= c.sections
        sections -= c.removed_sections
        removed_s -= c.sections
        removed_s |= c.removed_sections
        meta = meta or c.meta
        structure = structure or c.structure
    return Change(frozenset(paragraphs), frozenset(removed_p), frozenset(sections),
                  frozenset(removed_s), meta, structure)
