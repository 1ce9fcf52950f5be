"""Matching rows that lost their paragraph ids, in linear time.

Comparing every such row with every unmapped paragraph is quadratic (20,000 rows kept an
import busy for minutes). Each row is compared instead with at most three candidates found
through indexes: the paragraph with its number, a paragraph with exactly its text, and the
paragraph that follows the previous row's paragraph in the document.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from itertools import pairwise

from minutes_app.model import Lang, Minutes, Paragraph

SIMILAR = 0.6
NUMBER_BONUS = 0.2


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1 (bounded: a quick upper bound first)."""
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR - NUMBER_BONUS:
        return matcher.real_quick_ratio()
    return matcher.ratio()


class RowMatcher:
    """The unmapped paragraphs of a document, indexed by number and by text."""

    def __init__(self, m: Minutes, unmapped: dict[int, Paragraph]) -> None:
        self.unmapped = unmapped
        self.numbers = {pid: str(m.number(pid)) for pid in unmapped}
        self.by_number = {n: pid for pid, n in self.numbers.items()}
        self.by_text: dict[str, int] = {}
        for pid, p in unmapped.items():
            for text in p.texts.values():
                if text.strip():
                    self.by_text.setdefault(_key(text), pid)
        order = [p.id for p in m.paragraphs()]
        self.following = dict(pairwise(order))

    def guess(self, texts: dict[Lang, str], number: str, after: int | None
              ) -> tuple[int, float] | None:
        """The best candidate, if one is alike enough, and how alike its text is (0 to 1:
        the mean over the languages; the ranking also counts the number, not this)."""
        candidates = [self.by_number.get(number), self.following.get(after or -1)]
        candidates += [self.by_text.get(_key(t)) for t in texts.values() if t.strip()]
        best: tuple[int, float, float] | None = None
        for pid in dict.fromkeys(c for c in candidates if c is not None):
            p = self.unmapped.get(pid)
            if p is None:
                continue
            each = [similarity(t, p.text(lang)) for lang, t in texts.items()
                    if t.strip() or p.text(lang).strip()]
            score = max(each, default=0.0)
            if self.numbers[pid] == number:
                score += NUMBER_BONUS
            if best is None or score > best[1]:
                best = (pid, score, sum(each) / len(each) if each else 0.0)
        if best is None or best[1] < SIMILAR:
            return None
        return best[0], best[2]

    def take(self, pid: int) -> None:
        """``pid`` is matched: no other row may take it."""
        self.unmapped.pop(pid, None)
