"""Revisions from texts: ``diff(base, current, ...)`` and ``retrack`` for each further edit.

Both are deterministic: the author (Side, round and time) is an argument. Where two texts
differ, in characters, is ``char_ops``'s; this module makes tracked segments of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from minutes_app.model.track import (
    DELETE, INSERT, PLAIN, Author, Seg, Track, current_text, normalize, plain,
)
from minutes_app.model.types import Side
from minutes_app.tracking.char_ops import Opcode, char_opcodes, replaced_whole

_seg = tuple.__new__


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
    """True when ``char_opcodes`` would give the run back as it is (the usual run): a deletion
    then an insertion by this very author, of texts it replaces whole (``replaced_whole``)."""
    if len(run) != 2:
        return False
    d, n = run
    a, b = d.text, n.text
    if not (d.kind == DELETE and n.kind == INSERT and d.author == author == n.author
            and d.origin is None and a != b):
        return False
    return replaced_whole(a, b)


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


# (char_opcodes is char_ops's: docx_io.import_accepted still imports it from here)
__all__ = ["INSERT", "char_opcodes", "diff", "retrack"]
