"""What an operation changed, so the store writes and the views redraw only that."""

from __future__ import annotations

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
