"""Token alignment: unique words anchor the match (patience diff), the gaps use difflib.

Tokens that occur exactly once in both versions are almost always the same word in the same
place; anchoring on them keeps the alignment readable and leaves difflib only small gaps.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

Block = tuple[int, int, int]  # a[i:i+n] == b[j:j+n]
Opcode = tuple[str, int, int, int, int]


def _space(token: str) -> bool:
    return token.isspace()


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both coordinates (pairs sorted by i)."""
    js = [j for _i, j in pairs]  # distinct (each word unique in b): in order iff sorted
    if js == sorted(js):
        return pairs  # no word moved (the usual case): the whole chain, as below would find
    return _lis_search(pairs)


def _lis_search(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``_lis`` by patience sorting, for pairs out of order."""
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_at: list[int] = []
    back: list[int] = []
    for k, (_i, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back.append(tail_at[pos - 1] if pos else -1)
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


SMALL = 16


def _matcher_blocks(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int,
                    out: list[Block]) -> None:
    """``_difflib_blocks`` where it can find a block; called with ``a[alo] != b[blo]``."""
    # A replaced word or two share no token: difflib would find no block, at ~50 µs a call.
    if ahi - alo == 1 and bhi - blo == 1 and a[alo] != b[blo]:
        return
    # Only spaces in common: spaces are difflib's junk, never the start of a match, and a
    # junk match is only grown from a real one (or from a[alo] == b[blo], never so here).
    common = set(a[alo:ahi]).intersection(b[blo:bhi])
    if not common or all(t.isspace() for t in common):
        return
    _difflib_blocks(a, b, alo, ahi, blo, bhi, out)


def _difflib_blocks(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int,
                    out: list[Block]) -> None:
    """The matching blocks of ``a[alo:ahi]`` and ``b[blo:bhi]`` by difflib, spaces as junk."""
    from difflib import SequenceMatcher  # imported on first need: not at start-up (~9 ms)

    matcher = SequenceMatcher(_space, a[alo:ahi], b[blo:bhi], autojunk=False)
    out.extend((i + alo, j + blo, n) for i, j, n in matcher.get_matching_blocks() if n)


def _gap(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int,
         out: list[Block]) -> None:
    if alo == ahi or blo == bhi:
        return
    if ahi - alo == 1 == bhi - blo:  # a token for a token (a replaced word): as below, faster
        if a[alo] == b[blo]:
            out.append((alo, blo, 1))
        return
    if a[alo] == b[blo] or a[ahi - 1] == b[bhi - 1]:  # common ends (often a space) first
        p = 0
        while alo + p < ahi and blo + p < bhi and a[alo + p] == b[blo + p]:
            p += 1
        s = 0
        while alo + p < ahi - s and blo + p < bhi - s and a[ahi - 1 - s] == b[bhi - 1 - s]:
            s += 1
        if p:
            out.append((alo, blo, p))
        _gap(a, b, alo + p, ahi - s, blo + p, bhi - s, out)
        if s:
            out.append((ahi - s, bhi - s, s))
        return
    if ahi - alo + bhi - blo <= SMALL:  # a few words: difflib directly is cheapest
        _matcher_blocks(a, b, alo, ahi, blo, bhi, out)
        return
    sa, sb = a[alo:ahi], b[blo:bhi]
    if _walk(a, b, alo, ahi, blo, bhi, sa, sb, out):
        return
    count_a, count_b = Counter(sa), Counter(sb)
    where_b = dict(zip(sb, range(blo, bhi), strict=True))  # last place: the only one if unique
    # the words unique in both, found among the distinct words (spaces repeat: never anchors)
    unique = {t for t, n in count_a.items() if n == 1 and count_b.get(t) == 1 and not t.isspace()}
    pairs = [(i, where_b[t]) for i, t in enumerate(sa, alo) if t in unique]
    anchors = _lis(pairs)
    if not anchors:
        _matcher_blocks(a, b, alo, ahi, blo, bhi, out)
        return
    i0, j0 = alo, blo
    for i, j in anchors:
        if i < i0 or j < j0:
            continue  # already covered by the previous anchor's extension
        if i > i0 and j > j0:  # (an empty gap, the usual one, has no blocks)
            _gap(a, b, i0, i, j0, j, out)
        n = _run(a, b, i, j, min(ahi - i, bhi - j))
        out.append((i, j, n))
        i0, j0 = i + n, j + n
    _gap(a, b, i0, ahi, j0, bhi, out)


def _walk(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int, sa: list[str],
          sb: list[str], out: list[Block]) -> bool:
    """The anchored blocks found lazily, as ``_gap`` finds them when no anchor moved.

    From each anchor's run, the next token unique in both is the next anchor; tokens a run
    covers need no look. While each anchor lies past the previous run in ``b`` too, every
    pair of unique words is in order (a unique word inside a run pairs with its twin in the
    run), so the longest chain is all of them and ``_gap`` would use these very anchors.
    Returns False (nothing added) when an anchor moved: ``_gap`` then chains them. Only the
    tokens looked at are counted (at C speed), not every token.
    """
    found: list[Block] = []
    i0 = i = alo
    j0 = blo
    while True:
        while i < ahi:  # the next token unique in both, never a space
            t = a[i]
            if not t.isspace() and _once(sa, t) and _once(sb, t):
                break
            i += 1
        else:
            break
        j = sb.index(t) + blo
        if j < j0:
            return False  # a word moved: the chain must be chosen
        if i - i0 == 2 == j - j0 and a[i0] != b[j0] and a[i - 1] == b[j - 1]:
            found.append((i - 1, j - 1, 1))  # a word replaced before a shared space: as _gap
        elif i > i0 and j > j0:
            _gap(a, b, i0, i, j0, j, found)
        n = _run(a, b, i, j, min(ahi - i, bhi - j))
        found.append((i, j, n))
        i = i0 = i + n
        j0 = j + n
    if not found:
        _matcher_blocks(a, b, alo, ahi, blo, bhi, out)  # no anchor at all
        return True
    _gap(a, b, i0, ahi, j0, bhi, found)
    out.extend(found)
    return True


def _once(tokens: list[str], t: str) -> bool:
    """True when ``t`` occurs exactly once in ``tokens`` (stops at a second one).

    Compiled, a loop of ``str ==`` beats ``list.count``'s generic comparisons.
    """
    seen = False
    for x in tokens:
        if x == t:
            if seen:
                return False
            seen = True
    return seen


def _run(a: list[str], b: list[str], i: int, j: int, most: int) -> int:
    """How many tokens from ``a[i]`` and ``b[j]`` (equal) match, at most ``most``."""
    n = 1  # (compiled, a loop of ``str ==`` beats halving with slice compares)
    while n < most and a[i + n] == b[j + n]:
        n += 1
    return n


def opcodes(a: list[str], b: list[str]) -> list[Opcode]:
    """Opcodes (as difflib's) turning token list ``a`` into ``b``."""
    blocks: list[Block] = []
    _gap(a, b, 0, len(a), 0, len(b), blocks)
    ops: list[Opcode] = []
    i = j = 0
    for bi, bj, n in [*blocks, (len(a), len(b), 0)]:
        tag = ("replace" if i < bi and j < bj else "delete" if i < bi
               else "insert" if j < bj else "")
        if tag:
            ops.append((tag, i, bi, j, bj))
        if n:
            if ops and ops[-1][0] == "equal":
                _, i1, _i2, j1, _j2 = ops.pop()
                ops.append(("equal", i1, bi + n, j1, bj + n))
            else:
                ops.append(("equal", bi, bi + n, bj, bj + n))
        i, j = bi + n, bj + n
    return ops
