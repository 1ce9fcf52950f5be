"""Pieces of a text with their history, and one step of it: the pieces after the text changed.

Deleted characters stay as tombstones where they were: when the same words come back near
their old place (a rejected deletion, a bracket option chosen, a paragraph split or joined),
they take their tombstone's history back instead of being credited to whoever restored them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from minutes_app.model.track import Author
from minutes_app.tracking.char_ops import Opcode, char_opcodes
from minutes_app.tracking.tokens import tokenize


class Piece(NamedTuple):
    """A run of characters with one history: who brought it, and who deleted it if gone.

    An author with a negative round marks words a comparison starts from: they come back to
    life only where they were (no other such words between), so that rejecting every change of
    the comparison still gives the older text.
    """

    text: str
    author: Author
    alive: bool = True
    killer: Author | None = None  # who deleted it (when not alive)
    replaced: str = ""  # the text these words replaced when they came
    revived: Author | None = None  # a deletion of these words that was undone

    def kill(self, by: Author) -> Piece:
        """The piece deleted by ``by`` (a dead piece stays as it was)."""
        return self._replace(alive=False, killer=by) if self.alive else self

    def key(self) -> tuple[object, ...]:
        """What neighbours must share to merge."""
        return (self.author, self.alive, self.killer, self.replaced, self.revived)


Pieces = list[Piece]


# -- one step: the pieces of a text after it changed to ``new`` -------------------------------
@lru_cache(maxsize=1 << 14)  # ~4,000 diffs at 5,000 paragraphs and 20 rounds
def opcodes_between(old: str, new: str) -> tuple[Opcode, ...]:
    """``char_opcodes``, remembered: rounds never change, so their diffs are asked again and
    again (the compare bar, the timeline, blame and the report all walk the same rounds)."""
    return tuple(char_opcodes(old, new))


class _Cursor:
    """Walks pieces by position in their visible text, splitting a piece where a range ends."""

    def __init__(self, pieces: Sequence[Piece]) -> None:
        self.pieces, self.k, self.off, self.pos = pieces, 0, 0, 0

    def take(self, upto: int) -> Pieces:
        """Pieces up to visible position ``upto``, with the tombstones among them."""
        out: Pieces = []
        pieces = self.pieces
        while self.pos < upto:
            p = pieces[self.k]
            if not p.alive:
                out.append(p)
                self.k += 1
                continue
            rest = len(p.text) - self.off
            need = upto - self.pos
            if rest <= need:
                out.append(p._replace(text=p.text[self.off:]) if self.off else p)
                self.pos += rest
                self.k, self.off = self.k + 1, 0
            else:
                out.append(p._replace(text=p.text[self.off:self.off + need]))
                self.off += need
                self.pos = upto
        return out

    def rest(self) -> Pieces:
        """Whatever is left (tombstones at the end)."""
        return list(self.pieces[self.k:])


def merge_pieces(pieces: Sequence[Piece]) -> Pieces:
    """Drop empty pieces and join neighbours with the same history."""
    out: Pieces = []
    for p in pieces:
        if not p.text:
            continue
        if out and out[-1].key() == p.key() and (p.alive or not _glues(out[-1].text, p.text)):
            out[-1] = out[-1]._replace(text=out[-1].text + p.text)
        else:
            out.append(p)
    return out


def _glues(left: str, right: str) -> bool:
    """Whether joining two tombstones would glue two words into one (the space between them
    came back to life): apart, each word can still come back."""
    return left[-1:].isalnum() and right[:1].isalnum()


def visible(pieces: Sequence[Piece]) -> str:
    """The text the pieces show."""
    return "".join(p.text for p in pieces if p.alive)


def step(pieces: Sequence[Piece], new: str, author: Author) -> Pieces:
    """The pieces after the visible text became ``new``, the change made by ``author``."""
    old = visible(pieces)
    if old == new:
        return list(pieces)
    cur = _Cursor(pieces)
    out: Pieces = []
    for tag, i1, i2, j1, j2 in opcodes_between(old, new):
        taken = cur.take(i2)
        if tag == "equal":
            out += taken
            continue
        out += [p.kill(author) for p in taken]
        if j2 > j1:
            out.append(Piece(new[j1:j2], author, replaced=old[i1:i2]))
    out += cur.rest()
    return revive(merge_pieces(out), author)


# -- words that come back keep their first author ----------------------------------------------
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit of any script


def wordy(text: str) -> bool:
    """Whether ``text`` holds a letter or digit (a word, not only spaces and signs)."""
    return _ALNUM.search(text) is not None


REACH = 2  # runs of live words a tombstone may sit beyond and still count as "beside"


def _graves(out: Pieces, i: int, direction: int, author: Author) -> list[int]:
    """Tombstones near piece ``i`` (across spaces and a few runs of words), this step's too.

    A replacement leaves the old words before the new ones; when the old words come back they
    land after them: the tombstones are then one run of words away.
    """
    found, j, crossed = [], i + direction, 0
    base_between = alive_between = False
    while 0 <= j < len(out):
        q = out[j]
        if not q.alive:  # words a comparison starts from come back only in place
            if q.author.round >= 0 or not (base_between and alive_between):
                found.append(j)
        else:
            alive_between = True
        base_between = base_between or q.author.round < 0
        if q.alive and wordy(q.text):
            crossed += 1
            if crossed > REACH:
                break
        j += direction
    return sorted(found)


def _whole_graves(out: Pieces, fresh: Piece, author: Author) -> list[int]:
    """Tombstones anywhere in the text whose every word is among the words of ``fresh``.

    A rejected deletion brings words back where they were, but the round-to-round diff may
    have buried their tombstone a few words away (inside a replacement): a whole run of words
    that comes back is still those words.
    """
    words = {t for t in tokenize(fresh.text) if wordy(t)}
    return [j for j, q in enumerate(out)
            if not q.alive and q.author.round >= 0 and wordy(q.text)
            and {t for t in tokenize(q.text) if wordy(t)} <= words]


def _slices(pieces: Sequence[Piece], lo: int, hi: int) -> Pieces:
    """The pieces covering characters [lo, hi) of their joined text."""
    out, pos = [], 0
    for p in pieces:
        a, b = pos, pos + len(p.text)
        if b > lo and a < hi:
            out.append(p._replace(text=p.text[max(lo, a) - a:min(hi, b) - a]))
        pos = b
    return out


def _no_letters(token: str) -> bool:
    return not any(ch.isalpha() for ch in token)


def match_words(fresh: Piece, graves: Pieces) -> tuple[Pieces, list[tuple[int, int]]]:
    """``fresh`` rewritten with the words found among ``graves`` revived; the grave ranges used.

    Words anchor the match first (a number or a space is too common to say which words came
    back); numbers and signs alone only when no word matches.
    """
    ta = [t for g in graves for t in tokenize(g.text)]  # apart: joined graves could glue words
    tb = tokenize(fresh.text)
    for junk in (_no_letters, str.isspace):
        found = _revived(fresh, graves, ta, tb, junk)
        if found[1]:
            return found
    return [fresh], []


def _revived(fresh: Piece, graves: Pieces, ta: list[str], tb: list[str],
             junk: Callable[[str], bool]) -> tuple[Pieces, list[tuple[int, int]]]:
    oa, ob = [0, *accumulate(map(len, ta))], [0, *accumulate(map(len, tb))]
    out: Pieces = []
    used: list[tuple[int, int]] = []
    for tag, a1, a2, b1, b2 in SequenceMatcher(junk, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal" and any(wordy(t) for t in ta[a1:a2]):
            used.append((oa[a1], oa[a2]))
            out += [p._replace(alive=True, killer=None,  # a move within one step: no undo
                               revived=p.killer if p.killer != fresh.author else None)
                    for p in _slices(graves, oa[a1], oa[a2])]
        elif b2 > b1:
            out.append(fresh._replace(text=fresh.text[ob[b1]:ob[b2]]))
    return out, used


def _leftover(graves: Pieces, used: list[tuple[int, int]]) -> list[Pieces]:
    """Each grave less the ranges that came back to life."""
    out, pos = [], 0
    for g in graves:
        a, b = pos, pos + len(g.text)
        keep, at = [], a
        for lo, hi in sorted(used):
            if hi <= at or lo >= b:
                continue
            if lo > at:
                keep.append(g._replace(text=g.text[at - a:lo - a]))
            at = max(at, hi)
        if at < b:
            keep.append(g._replace(text=g.text[at - a:]))
        out.append(keep)
        pos = b
    return out


def _base(pieces: Pieces) -> str:
    """The words a comparison starts from, alive or not, in their order."""
    return "".join(p.text for p in pieces if p.author.round < 0)


def _placed(out: Pieces, i: int, replacement: Pieces, repl: dict[int, Pieces],
            hit: list[int]) -> tuple[Pieces, int] | None:
    """The pieces with the fresh piece ``i`` replaced, and where to look next.

    The revived words go where the fresh piece was, else beside one of their graves when only
    tombstones lie between (the same visible text): the first place that keeps the words a
    comparison starts from in their order; None when none does.
    """
    base = _base(out)
    for at, first in ((i, True), *((j, f) for j in sorted(hit, key=lambda j: -abs(j - i))
                                   for f in (j > i, j < i))):
        lo, hi = sorted((i, at))
        if any(out[k].alive for k in range(lo + 1, hi)):
            continue
        moved = dict(repl)
        moved[i] = replacement if at == i else []
        if at != i:  # before or after what is left of the grave (where the words were in it)
            moved[at] = [*replacement, *repl[at]] if first else [*repl[at], *replacement]
        new = [q for k, p in enumerate(out) for q in moved.get(k, [p])]
        if _base(new) == base:
            return new, sum(len(moved.get(k, [out[k]])) for k in range(lo))
    return None


def revive(pieces: Pieces, author: Author) -> Pieces:
    """Words ``author`` brought that match tombstones beside them come back as those words."""
    if all(p.alive for p in pieces):
        return pieces  # nothing was ever deleted here: nothing can come back
    out = list(pieces)
    buried = {t for p in out if not p.alive
              for t in tokenize(p.text) if wordy(t)}
    i = 0
    while i < len(out):
        f = out[i]
        if not (f.alive and f.author == author and f.revived is None and wordy(f.text)
                and not buried.isdisjoint(tokenize(f.text))):  # no word of it ever buried
            i += 1
            continue
        placed = next((found for variant, at in _variants(out, i)
                       if (found := _revive_one(variant, at, author)) is not None), None)
        if placed is None:
            parts = _split(f)
            if len(parts) > 1:  # its words came back from graves on either side of a word
                out[i:i + 1] = parts  # still gone: one word at a time
                continue
            i += 1
            continue
        # back to the start of the replacement: words of ``f`` left unmatched (they came
        # back in another order than their tombstones lie) get another look at the graves
        out, i = placed
    return merge_pieces(out)


def _revive_one(out: Pieces, i: int, author: Author) -> tuple[Pieces, int] | None:
    """The pieces with the fresh piece ``i`` revived from graves, and where to look next."""
    f = out[i]
    idx = _graves(out, i, -1, author) + _graves(out, i, 1, author)
    replacement, used = match_words(f, [out[j] for j in idx]) if idx else ([], [])
    if not used:  # whole runs of words that came back further away
        idx = _whole_graves(out, f, author)
        replacement, used = match_words(f, [out[j] for j in idx]) if idx else ([], [])
    if not used:
        return None
    graves = [out[j] for j in idx]
    left = _leftover(graves, used)
    hit = [j for j, g, rest in zip(idx, graves, left, strict=True)
           if sum(len(r.text) for r in rest) < len(g.text)]
    return _placed(out, i, replacement, dict(zip(idx, left, strict=True)), hit)


def _variants(out: Pieces, i: int) -> Iterator[tuple[Pieces, int]]:
    """The pieces as they are, then with the fresh piece ``i`` rotated across a space beside
    it towards the tombstones: the diff may put the space of a word that came back on the
    other side of it than its grave holds it (" qb" buried, "qb " back after the space).
    The same text shows, and the words a comparison starts from keep their order."""
    yield out, i
    f = out[i]
    text = f.text
    if i >= 2 and _space(out[i - 1]) and not all(p.alive for p in out[:i - 1]):
        w = out[i - 1].text  # w + text == (w + text[:k]) + w + text[k + len(w):]
        k = text.find(w, 1)
        if k > 0:
            rest = [f._replace(text=text[k + len(w):])] if k + len(w) < len(text) else []
            yield [*out[:i - 1], f._replace(text=w + text[:k]), out[i - 1], *rest,
                   *out[i + 1:]], i - 1
    if i + 2 < len(out) and _space(out[i + 1]) and not all(p.alive for p in out[i + 2:]):
        w = out[i + 1].text  # text + w == text[:k] + w + (text[k + len(w):] + w)
        k = text.rfind(w, 0, len(text) - 1)
        if k >= 0:
            rest = [f._replace(text=text[:k])] if k else []
            yield [*out[:i], *rest, out[i + 1], f._replace(text=text[k + len(w):] + w),
                   *out[i + 2:]], i + 1 + len(rest)
    # or the space beside it was written anew with it: its grave brings its own space back
    if i >= 2 and _space(out[i - 1]) and not all(p.alive for p in out[:i - 1]):
        yield [*out[:i - 1], f._replace(text=out[i - 1].text + text), out[i - 1].kill(f.author),
               *out[i + 1:]], i - 1
    if i + 2 < len(out) and _space(out[i + 1]) and not all(p.alive for p in out[i + 2:]):
        yield [*out[:i], out[i + 1].kill(f.author), f._replace(text=text + out[i + 1].text),
               *out[i + 2:]], i + 1


def _space(p: Piece) -> bool:
    return p.alive and p.text.isspace()


def _split(f: Piece) -> Pieces:
    """``f`` cut into its tokens."""
    return [f._replace(text=t) for t in tokenize(f.text)]
