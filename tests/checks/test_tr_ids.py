"""Sentences numbered per language answer what sets of sentence pairs answered per pair."""

from __future__ import annotations

import random

from minutes_app.checks.tr_ids import numbered, one_to_one


def _by_sets(of_a: list[list[str]], of_b: list[list[str]]) -> bool:
    """The former test: as many distinct pairs as distinct sentences on either side."""
    src = [s for sa, sb in zip(of_a, of_b, strict=True) if sa and len(sa) == len(sb) for s in sa]
    tgt = [s for sa, sb in zip(of_a, of_b, strict=True) if sa and len(sa) == len(sb) for s in sb]
    pairs = set(zip(src, tgt, strict=True))
    return len(set(src)) == len(set(tgt)) == len(pairs)


def test_one_to_one_is_the_sets_answer() -> None:
    rng = random.Random(7)
    answers = set()
    for _ in range(3000):
        units = rng.randint(0, 6)
        of_a = [[rng.choice("abcd") for _ in range(rng.randint(0, 3))] for _ in range(units)]
        # mostly a translation that follows the source, now and then another sentence
        of_b = [[s.upper() if rng.random() < 0.9 else rng.choice("ABCDE") for s in sa]
                if rng.random() < 0.85 else
                [rng.choice("ABCD") for _ in range(rng.randint(0, 3))] for sa in of_a]
        ids_a, n_a = numbered(of_a)
        ids_b, n_b = numbered(of_b)
        expected = _by_sets(of_a, of_b)
        answers.add(expected)
        assert one_to_one(ids_a, ids_b, n_a, n_b) == expected, (of_a, of_b)
        assert one_to_one(ids_b, ids_a, n_b, n_a) == expected, (of_a, of_b)
    assert answers == {True, False}  # both answers were tried
