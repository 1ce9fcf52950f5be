"""Revisions from texts: ``diff(base, current, ...)`` and ``retrack`` for each further edit.

Both are deterministic: the author (Side, round and time) is an argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from minutes_app.model.track import (
    DELETE, INSERT, PLAIN, Author, Seg, Track, current_text, normalize, plain,
)
from minutes_app.model.types import Side
from minutes_app.tracking.align import opcodes
from minutes_app.tracking.tokens import (
    common_prefix, common_suffix, inside_number, is_hangul, refine, tokenize,
)

Opcode = tuple[str, int, int, int, int]
_seg = tuple.__new__
_SPACE = re.compile(r"\s")


def _thin(tokens: list[str]) -> bool:
    """Only spaces or punctuation, at most two tokens: not worth splitting a change for."""
    return len(tokens) <= 2 and not any(ch.isalnum() for t in tokens for ch in t)


def _fold_thin_equals(ops: Sequence[Opcode], ta: list[str]) -> list[Opcode]:
    """Absorb a thin match between two changes into one replacement.

    ``two Sides`` → ``three parties`` is then one deletion and one insertion, not four.
    """
    out: list[Opcode] = []
    for op in ops:
        out.append(op)
        while (len(out) >= 3 and out[-1][0] != "equal" and out[-3][0] != "equal"
               and out[-2][0] == "equal" and _thin(ta[out[-2][1]:out[-2][2]])):
            c, _b, a = out.pop(), out.pop(), out.pop()
            out.append(("replace", a[1], c[2], a[3], c[4]))
    return out


def _word_start(text: str, other: str, i: int) -> int:
    """Back ``i`` up to the start of the word it falls in (tokens must not be cut).

    ``other`` shares ``text[:i]``; a space between digit groups ("1 000") in either text
    is inside a number, not between words.
    """
    while i > 0 and (not text[i - 1].isspace() or inside_number(text, i - 1)
                     or inside_number(other, i - 1)):
        i -= 1
    return i


def char_opcodes(old: str, new: str) -> list[Opcode]:
    """Character-range opcodes from a token diff, with Hangul eojeol refined to syllables.

    The unchanged beginning and end are cut off first at word boundaries: an edit usually
    touches a few words, and only those need tokenizing and aligning.
    """
    p, s = _cut(old, new)
    out: list[Opcode] = [("equal", 0, p, 0, p)] if p else []
    _middle_opcodes(old, new, p, len(old) - s, len(new) - s, out)
    if s:
        out.append(("equal", len(old) - s, len(old), len(new) - s, len(new)))
    return _merge_equals(out)


def _cut(old: str, new: str) -> tuple[int, int]:
    """The lengths of the unchanged beginning and end, each cut at a word boundary."""
    p = _word_start(old, new, common_prefix(old, new))
    s = common_suffix(old, new, min(len(old), len(new)) - p)
    while s and (not old[len(old) - s].isspace() or inside_number(old, len(old) - s)
                 or inside_number(new, len(new) - s)):  # keep the suffix to whole words too
        s -= 1
    return p, s


def _merge_equals(ops: list[Opcode]) -> list[Opcode]:
    out: list[Opcode] = []
    for op in ops:
        if out and op[0] == out[-1][0] == "equal":
            out[-1] = ("equal", out[-1][1], op[2], out[-1][3], op[4])
        elif op[1] != op[2] or op[3] != op[4]:
            out.append(op)
    return out


def _middle_opcodes(old: str, new: str, p: int, old_end: int, new_end: int,
                    out: list[Opcode]) -> None:
    """Opcodes for the changed middle ``old[p:old_end]`` → ``new[p:new_end]``, added to ``out``."""
    ta, tb = tokenize(old[p:old_end]), tokenize(new[p:new_end])
    oa, ob = _starts(ta, p), _starts(tb, p)  # where each token starts, in the text
    for tag, i1, i2, j1, j2 in _fold_thin_equals(opcodes(ta, tb), ta):
        if tag == "replace" and i2 - i1 == 1 == j2 - j1:
            a, b = ta[i1], tb[j1]
            if a[0] != b[0] and a[-1] != b[-1]:  # a word for a word, no end shared: kept whole
                out.append(("replace", oa[i1], oa[i2], ob[j1], ob[j2]))  # (as _trimmed would)
                continue
        if tag == "replace" and _pairable(ta[i1:i2], tb[j1:j2]):
            for k in range(i2 - i1):  # eojeol by eojeol, each refined to its syllables
                _refined(out, ta[i1 + k], tb[j1 + k], oa[i1 + k], ob[j1 + k])
            continue
        if tag == "replace":
            _trimmed(out, old, new, oa[i1], oa[i2], ob[j1], ob[j2])
            continue
        out.append((tag, oa[i1], oa[i2], ob[j1], ob[j2]))


def _starts(tokens: list[str], at: int) -> list[int]:
    """Where each token starts (and, last, where the last one ends), the first at ``at``."""
    out = [at]
    for t in tokens:
        at += len(t)
        out.append(at)
    return out


def _trimmed(out: list[Opcode], old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> None:
    """A replacement less a shared Korean stem or ending (``확대`` → ``확대를 위한``)."""
    a, b = old[a1:a2], new[b1:b2]
    if a[0] != b[0] and a[-1] != b[-1]:  # nothing shared at either end (most replacements)
        out.append(("replace", a1, a2, b1, b2))
        return
    shorter = min(len(a), len(b))
    p = common_prefix(a, b)
    while p and not is_hangul(a[p - 1]):  # only a Hangul stem is kept whole
        p -= 1
    s = common_suffix(a, b, shorter - p)
    while s and not is_hangul(a[len(a) - s]):
        s -= 1
    if p:
        out.append(("equal", a1, a1 + p, b1, b1 + p))
    tag = "replace" if len(a) - p - s and len(b) - p - s else (
        "delete" if len(a) - p - s else "insert")
    out.append((tag, a1 + p, a2 - s, b1 + p, b2 - s))
    if s:
        out.append(("equal", a2 - s, a2, b2 - s, b2))


def _pairable(old: list[str], new: list[str]) -> bool:
    """Same shape, and every changed pair shares a Korean stem or ending."""
    if len(old) != len(new):
        return False
    # refine(a, b) has a common prefix or suffix only when both are Hangul and share a first
    # or a last letter: that cheap test first (most replaced words share neither)
    return all(a == b or (a.isspace() and b.isspace())
               or ((a[0] == b[0] or a[-1] == b[-1]) and any(refine(a, b)[::3]))
               for a, b in zip(old, new, strict=True))


def _refined(out: list[Opcode], a: str, b: str, a1: int, b1: int) -> None:
    """Opcodes for one token pair: equal, or the changed syllables between stem and ending."""
    if a == b:
        out.append(("equal", a1, a1 + len(a), b1, b1 + len(b)))
        return
    pre, old_mid, new_mid, suf = refine(a, b)
    p, s = len(pre), len(suf)
    if p:
        out.append(("equal", a1, a1 + p, b1, b1 + p))
    tag = "replace" if old_mid and new_mid else ("delete" if old_mid else "insert")
    out.append((tag, a1 + p, a1 + len(a) - s, b1 + p, b1 + len(b) - s))
    if s:
        out.append(("equal", a1 + len(a) - s, a1 + len(a), b1 + len(b) - s, b1 + len(b)))


def _deleted(seg: Seg, author: Author) -> Seg | None:
    """What a visible character becomes when ``author`` deletes it."""
    if seg.kind == PLAIN:
        return Seg(DELETE, seg.text, author)
    assert seg.author is not None
    if (seg.author.side, seg.author.round) == (author.side, author.round):
        return None  # taking back one's own pending words leaves no trace
    return Seg(DELETE, seg.text, author, origin=seg.author)


def retrack(track: Track, new_text: str, author: Author) -> Track:
    """The track after ``author`` changes its current text to ``new_text``."""
    old_text = current_text(track)
    if old_text == new_text:
        return track
    if not track or (len(track) == 1 and track[0].kind == PLAIN):
        return _retrack_plain(old_text, new_text, author)
    return _retrack_pieces(track, old_text, new_text, author)


def _retrack_pieces(track: Track, old_text: str, new_text: str, author: Author) -> Track:
    """``retrack`` of any track: each opcode's range cut from the segments it covers."""
    visible: list[tuple[int, int, Seg]] = []  # visible segments with their text positions
    anchored: list[tuple[int, Seg]] = []  # deletions with the visible position they sit at
    pos = 0
    for s in track:
        if s.kind == DELETE:
            anchored.append((pos, s))
        else:
            visible.append((pos, pos + len(s.text), s))
            pos += len(s.text)
    out: list[Seg] = []
    state = [0, 0]  # next anchored deletion, next visible segment

    def flush(upto: int) -> None:
        """Emit the deletions sitting at or before ``upto``."""
        while state[0] < len(anchored) and anchored[state[0]][0] <= upto:
            out.append(anchored[state[0]][1])
            state[0] += 1

    def pieces(i1: int, i2: int) -> list[tuple[int, Seg]]:
        """The visible text in [i1, i2) as slices of its segments."""
        found = []
        k = state[1]
        while k < len(visible) and visible[k][1] <= i1:
            k += 1
        state[1] = k
        while k < len(visible) and visible[k][0] < i2:
            a, b, seg = visible[k]
            lo, hi = max(a, i1), min(b, i2)
            found.append((lo, seg._replace(text=seg.text[lo - a:hi - a])))
            k += 1
        return found

    for tag, i1, i2, j1, j2 in char_opcodes(old_text, new_text):
        for at, piece in pieces(i1, i2):
            flush(at)
            kept = piece if tag == "equal" else _deleted(piece, author)
            if kept is not None:
                out.append(kept)
        if tag == "insert":
            flush(i1)  # earlier deletions at this point come before the new words
        if tag in ("insert", "replace") and j2 > j1:
            out.append(Seg(INSERT, new_text[j1:j2], author))
    flush(len(old_text))
    return normalize(_slide_spaces(list(_rediff_own_runs(normalize(out), author))))


def _own(seg: Seg, author: Author) -> bool:
    return (seg.kind != PLAIN and seg.origin is None and seg.author is not None
            and (seg.author.side, seg.author.round) == (author.side, author.round))


def _rediff_own_runs(segs: Track, author: Author) -> list[Seg]:
    """Rewrite each run of the author's own adjacent changes as the diff of what it deleted
    against what it inserts: typing ``2027.`` → ``2028.`` key by key deletes and re-inserts the
    full stop, which is no change (two revisions, not four)."""
    out: list[Seg] = []
    own = [_own(s, author) for s in segs]
    if own.count(True) < 2:
        return list(segs)  # no run of two: nothing to rediff (most texts)
    i, count = 0, len(segs)
    while i < count:
        if not own[i]:
            out.append(segs[i])
            i += 1
            continue
        j = i + 1
        while j < count and own[j]:
            j += 1
        run = list(segs[i:j])
        # one kind only (every part of it too), or its diff is itself: kept as it is
        if j - i < 2 or len({s.kind for s in run}) < 2 or _settled(run, author):
            out += run
            i = j
            continue
        old = "".join(s.text for s in run if s.kind == DELETE)
        new = "".join(s.text for s in run if s.kind == INSERT)
        for tag, i1, i2, j1, j2 in char_opcodes(old, new):
            if tag == "equal":
                out.append(Seg(PLAIN, old[i1:i2]))
                continue
            out.append(Seg(DELETE, old[i1:i2], author))
            out.append(Seg(INSERT, new[j1:j2], author))
        i = j
    return out


def _settled(run: list[Seg], author: Author) -> bool:
    """True when ``char_opcodes`` would give the run back as it is (the usual run).

    A deletion then an insertion by this very author, with no common first or last word, no
    token but spaces in common, no Korean stem to pair and no Hangul in a common prefix or
    suffix: the diff of the two is the one replacement the run already is. Checking this
    costs a fraction of the diff.
    """
    if len(run) != 2:
        return False
    d, n = run
    a, b = d.text, n.text
    if not (d.kind == DELETE and n.kind == INSERT and d.author == author == n.author
            and d.origin is None and a != b):
        return False
    if (a.isalpha() or a.isdecimal()) and (b.isalpha() or b.isdecimal()):
        # letters only or digits only: one token each, no need to tokenize
        return _one_word_settled(a, b)
    if (_SPACE.search(a) or _SPACE.search(b)) and _cut(a, b) != (0, 0):
        return False  # char_opcodes keeps a common first or last word apart
    ta, tb = tokenize(a), tokenize(b)
    if len(ta) == 1 == len(tb):
        return _one_word_settled(a, b)
    # Words in common would be matched; spaces alone never are (difflib's junk, see align)
    # unless they begin or end both.
    if (ta[0] == tb[0] or ta[-1] == tb[-1]
            or not all(t.isspace() for t in set(ta).intersection(tb)) or _pairable(ta, tb)):
        return False
    p = common_prefix(a, b)
    s = common_suffix(a, b, min(len(a), len(b)))
    return not (is_hangul(a[:p]) or is_hangul(a[len(a) - s:]))


def _one_word_settled(a: str, b: str) -> bool:
    """``_settled`` for two different single words: settled unless they share a Hangul end
    (then they pair by their stem or ending)."""
    return not (a[0] == b[0] or a[-1] == b[-1]) or not (is_hangul(a) and is_hangul(b))


def opcode_segs(old: str, new: str, opcodes: Iterable[Opcode], author: Author) -> list[Seg]:
    """The segments the opcodes of ``old`` → ``new`` make: kept text, and ``author``'s
    deletions and insertions."""
    out: list[Seg] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            out.append(Seg(PLAIN, old[i1:i2]))
            continue
        if i2 > i1:
            out.append(Seg(DELETE, old[i1:i2], author))
        if j2 > j1:
            out.append(Seg(INSERT, new[j1:j2], author))
    return out


def _retrack_plain(old_text: str, new_text: str, author: Author) -> Track:
    """``retrack`` of a text with no pending change (a diff, most edits): no pieces to cut."""
    segs = _plain_segs(old_text, new_text, author)
    if segs is None:  # a run to rediff: the general finishing
        out = opcode_segs(old_text, new_text, char_opcodes(old_text, new_text), author)
        return normalize(_slide_spaces(list(_rediff_own_runs(normalize(out), author))))
    # the same finishing as _retrack_pieces, so both paths give the same track; the segments
    # are normalized already: only a slid space can leave one empty
    return normalize(segs) if _slid(segs) else tuple(segs)


def _plain_segs(old: str, new: str, author: Author) -> list[Seg] | None:
    """``normalize(opcode_segs(...))`` of ``old`` → ``new`` in one pass, or None when a run of
    changes is not settled (``_rediff_own_runs`` would rewrite it).

    Every change is ``author``'s own: runs of neighbouring changes are all that rediffing
    looks at, and a run of one deletion and one insertion is usually settled. Segments are
    made as Seg's own constructor makes them, without its Python frame.
    """
    out: list[Seg] = []
    run: list[Seg] = []  # the changes since the last kept text, normalized
    for tag, i1, i2, j1, j2 in char_opcodes(old, new):
        if tag == "equal":
            if run:
                if len(run) > 1 and not _settled(run, author):
                    return None
                out += run
                run = []
            out.append(_seg(Seg, (PLAIN, old[i1:i2], None, None)))
            continue
        if i2 > i1:
            if run and run[-1].kind == DELETE:
                run[-1] = _seg(Seg, (DELETE, run[-1].text + old[i1:i2], author, None))
            else:
                run.append(_seg(Seg, (DELETE, old[i1:i2], author, None)))
        if j2 > j1:
            if run and run[-1].kind == INSERT:
                run[-1] = _seg(Seg, (INSERT, run[-1].text + new[j1:j2], author, None))
            else:
                run.append(_seg(Seg, (INSERT, new[j1:j2], author, None)))
    if run:
        if len(run) > 1 and not _settled(run, author):
            return None
        out += run
    return out


def _slide_spaces(segs: list[Seg]) -> list[Seg]:
    """Write a change as ``word `` rather than `` word`` where either reads the same."""
    _slid(segs)
    return segs


def _slid(segs: list[Seg]) -> bool:
    """``_slide_spaces`` in place; True when a space slid."""
    slid = False
    for i in range(1, len(segs) - 1):
        seg = segs[i]
        if seg.kind == PLAIN or not seg.text[:1].isspace():
            continue  # (most changes begin with a word: the cheap test first)
        prev, nxt = segs[i - 1], segs[i + 1]
        if prev.kind == PLAIN and nxt.kind == PLAIN and seg.text[0] == nxt.text[:1]:
            space = seg.text[0]
            segs[i - 1] = prev._replace(text=prev.text + space)
            segs[i] = seg._replace(text=seg.text[1:] + space)
            segs[i + 1] = nxt._replace(text=nxt.text[1:])
            slid = True
    return slid


def diff(base: str, current: str, side: Side, round_number: int, now: str) -> Track:
    """The revisions that turn ``base`` into ``current``, all by one Side in one round."""
    if base == current:
        return plain(base)
    return _retrack_plain(base, current, Author(side, round_number, now))


__all__ = ["INSERT", "char_opcodes", "diff", "retrack"]
