"""Sentences as numbers: is each sentence translated one way only, asked per pair in a pass of ints.

Each language's sentences are numbered once (the same sentence, the same number); a pair of
languages then asks, of the units whose texts have as many sentences, whether each number of
one side meets one number only of the other, and the other way round: no tuple of two
sentences is built and hashed per pair, as a set of pairs would need.
"""

from __future__ import annotations


def numbered(texts: list[list[str]]) -> tuple[list[list[int]], int]:
    """Each text's sentences as the numbers of the language's distinct sentences, and how many."""
    first: dict[str, int] = {}
    out: list[list[int]] = []
    for sentences in texts:
        row: list[int] = []
        for s in sentences:
            # (one look-up per sentence: most are new, and a miss then a store hashed twice)
            row.append(first.setdefault(s, len(first)))
        out.append(row)
    return out, len(first)


def one_to_one(of_a: list[list[int]], of_b: list[list[int]], n_a: int, n_b: int) -> bool:
    """Whether, in the units whose two texts have as many sentences (one or more), each
    sentence of one side stands with one sentence only of the other, both ways."""
    forth = [-1] * n_a
    back = [-1] * n_b
    for i in range(len(of_a)):
        row_a, row_b = of_a[i], of_b[i]
        n = len(row_a)
        if n == 0 or n != len(row_b):
            continue
        for k in range(n):
            x, y = row_a[k], row_b[k]
            seen = forth[x]
            if seen < 0:
                forth[x] = y
            elif seen != y:
                return False
            seen = back[y]
            if seen < 0:
                back[y] = x
            elif seen != x:
                return False
    return True
