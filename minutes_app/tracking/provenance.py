"""Provenance of every word: which Side, in which round, brought it into the text.

Rounds are immutable snapshots of the text as exchanged, each sent by one Side. Walking them in
order and diffing each text with the one before attributes every character to the round (and
so the Side) that first brought it; the working text comes last, as the own Side's working
round. Deleted characters stay as tombstones where they were: when the same words come back
near their old place (a rejected deletion, a bracket option chosen, a paragraph split or
joined), they keep their first author instead of being credited to whoever restored them.
Accepting a revision changes no text, so attribution survives decisions by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from minutes_app.model import Lang, LangText, Minutes, Paragraph, Side
from minutes_app.model.track import Author
from minutes_app.tracking.diff import Opcode, char_opcodes
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


class Stage(NamedTuple):
    """One state of the text: a round as sent, or the current (working) text."""

    number: int
    side: Side
    time: str
    note: str
    texts: Mapping[int, LangText]
    order: tuple[int, ...]
    current: bool = False

    @property
    def author(self) -> Author:
        """The authorship of words this stage brought."""
        return Author(self.side, self.number, self.time)


def stages(m: Minutes) -> list[Stage]:
    """Every round as sent, then the current text as the working round of the own Side."""
    out = []
    for r in m.rounds:
        order = tuple(pid for _sid, pids in r.order for pid in pids) or tuple(r.texts)
        out.append(Stage(r.number, r.side, r.time, r.note, r.texts, order))
    paragraphs = m.paragraphs()
    out.append(Stage(m.working_round, m.own_side, _working_time(m, paragraphs), "",
                     {p.id: p.texts for p in paragraphs}, tuple(p.id for p in paragraphs),
                     current=True))
    return out


def _working_time(m: Minutes, paragraphs: Sequence[Paragraph]) -> str:
    """When the working round was last edited: its latest pending change, else the last round."""
    times = [s.author.time for p in paragraphs if p.tracks for t in p.tracks.values() for s in t
             if s.author is not None and s.author.round == m.working_round]
    return max(times, default=m.rounds[-1].time if m.rounds else "")


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
        if out and out[-1].key() == p.key():
            out[-1] = out[-1]._replace(text=out[-1].text + p.text)
        else:
            out.append(p)
    return out


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
def _wordy(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


REACH = 2  # runs of live words a tombstone may sit beyond and still count as "beside"


def _graves(out: Pieces, i: int, direction: int, author: Author) -> list[int]:
    """Tombstones near piece ``i`` (across spaces and a few runs of words), older than this step.

    A replacement leaves the old words before the new ones; when the old words come back they
    land after them: the tombstones are then one run of words away.
    """
    found, j, crossed = [], i + direction, 0
    base_between = alive_between = False
    while 0 <= j < len(out):
        q = out[j]
        if not q.alive:  # words a comparison starts from come back only in place
            if q.killer != author and (
                    q.author.round >= 0 or not (base_between and alive_between)):
                found.append(j)
        else:
            alive_between = True
        base_between = base_between or q.author.round < 0
        if q.alive and _wordy(q.text):
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
    words = {t for t in tokenize(fresh.text) if _wordy(t)}
    return [j for j, q in enumerate(out)
            if not q.alive and q.killer != author and q.author.round >= 0 and _wordy(q.text)
            and {t for t in tokenize(q.text) if _wordy(t)} <= words]


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


def _match(fresh: Piece, graves: Pieces) -> tuple[Pieces, list[tuple[int, int]]]:
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
        if tag == "equal" and any(_wordy(t) for t in ta[a1:a2]):
            used.append((oa[a1], oa[a2]))
            out += [p._replace(alive=True, killer=None, revived=p.killer)
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
    for at in (i, *sorted(hit, key=lambda j: -abs(j - i))):
        lo, hi = sorted((i, at))
        if any(out[k].alive for k in range(lo + 1, hi)):
            continue
        moved = dict(repl)
        moved[i] = replacement if at == i else []
        if at != i:
            moved[at] = [*replacement, *repl[at]] if at > i else [*repl[at], *replacement]
        new = [q for k, p in enumerate(out) for q in moved.get(k, [p])]
        if _base(new) == base:
            return new, sum(len(moved.get(k, [out[k]])) for k in range(lo))
    return None


def revive(pieces: Pieces, author: Author) -> Pieces:
    """Words ``author`` brought that match tombstones beside them come back as those words."""
    if all(p.alive for p in pieces):
        return pieces  # nothing was ever deleted here: nothing can come back
    out = list(pieces)
    i = 0
    while i < len(out):
        f = out[i]
        if not (f.alive and f.author == author and f.revived is None and _wordy(f.text)):
            i += 1
            continue
        idx = _graves(out, i, -1, author) + _graves(out, i, 1, author)
        replacement, used = _match(f, [out[j] for j in idx]) if idx else ([], [])
        if not used:  # whole runs of words that came back further away
            idx = _whole_graves(out, f, author)
            replacement, used = _match(f, [out[j] for j in idx]) if idx else ([], [])
        if not used:
            i += 1
            continue
        graves = [out[j] for j in idx]
        left = _leftover(graves, used)
        hit = [j for j, g, rest in zip(idx, graves, left, strict=True)
               if sum(len(r.text) for r in rest) < len(g.text)]
        placed = _placed(out, i, replacement, dict(zip(idx, left, strict=True)), hit)
        if placed is None:
            i += 1
            continue
        # back to the start of the replacement: words of ``f`` left unmatched (they came
        # back in another order than their tombstones lie) get another look at the graves
        out, i = placed
    return merge_pieces(out)


# -- the history of one paragraph and language ------------------------------------------------
def history_pieces(all_stages: Sequence[Stage], pid: int, lang: Lang,
                   start: Pieces | None = None) -> Pieces:
    """The pieces of one language of a paragraph after walking ``all_stages``.

    ``start`` is where the walk begins (the first stage's text as it was), else nothing.
    """
    pieces = start
    last = visible(start) if start is not None else None
    for stage in all_stages:
        texts = stage.texts.get(pid)
        if texts is None:
            continue
        text = texts.get(lang, "")
        if text == last:
            continue
        author = stage.author
        pieces = step(pieces or [], text, author) if pieces is not None else (
            [Piece(text, author)] if text else [])
        last = text
    return pieces or []


def change_index(all_stages: Sequence[Stage]) -> dict[int, list[Stage]]:
    """Per paragraph, the stages where it appeared or its texts changed (in one pass)."""
    index: dict[int, list[Stage]] = {}
    last: dict[int, LangText] = {}
    for stage in all_stages:
        seen = last.get
        for pid, texts in stage.texts.items():
            before = seen(pid)
            if before is None or before != texts:
                index.setdefault(pid, []).append(stage)
                last[pid] = texts
    return index


class Span(NamedTuple):
    """A run of the current text with the Side and round that brought it."""

    start: int
    end: int
    text: str
    side: Side
    round: int
    time: str
    replaced: str
    current: bool  # brought in the working round (not yet sent)


def spans(pieces: Sequence[Piece], working_round: int) -> list[Span]:
    """The visible pieces as spans with their offsets in the text."""
    out, pos = [], 0
    for p in pieces:
        if not p.alive:
            continue
        a = p.author
        out.append(Span(pos, pos + len(p.text), p.text, a.side, a.round, a.time, p.replaced,
                        a.round == working_round))
        pos += len(p.text)
    return _join_spans(out)


def _join_spans(items: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in items:
        if out and out[-1][3:] == s[3:] and out[-1].end == s.start:
            out[-1] = out[-1]._replace(end=s.end, text=out[-1].text + s.text)
        else:
            out.append(s)
    return out


class ParagraphBlame(NamedTuple):
    """The provenance of one language of one paragraph."""

    pid: int
    number: int | None
    lang: Lang
    spans: list[Span]


def blame(m: Minutes, lang: Lang, pids: Sequence[int] | None = None) -> list[ParagraphBlame]:
    """Who brought every word of the current text of ``lang`` (all paragraphs, or ``pids``)."""
    m.check_lang(lang)
    all_stages = stages(m)
    wanted = [p.id for p in m.paragraphs()] if pids is None else list(pids)
    index = change_index(all_stages)
    pieces_of = {pid: history_pieces(index.get(pid, ()), pid, lang) for pid in wanted}
    _across_paragraphs(all_stages, pieces_of, lang)
    return [ParagraphBlame(pid, m.number(pid), lang, spans(pieces_of[pid], m.working_round))
            for pid in wanted]


def _across_paragraphs(all_stages: Sequence[Stage], pieces_of: dict[int, Pieces],
                       lang: Lang) -> None:
    """Words that moved to another paragraph (split, joined) keep their first author.

    Only rounds whose set of paragraphs changed can split or join: the words a paragraph
    gained there are looked up among the words its neighbours lost, or that a vanished
    paragraph held.
    """
    for k in range(1, len(all_stages)):
        before, stage = all_stages[k - 1], all_stages[k]
        if set(before.texts) == set(stage.texts):
            continue
        gone = [pid for pid in before.order if pid not in stage.texts]
        lost = {pid: history_pieces(all_stages[:k], pid, lang) for pid in gone}
        order = stage.order
        for i, pid in enumerate(order):
            if pid not in pieces_of:
                continue
            near = [q for q in (order[i - 1] if i else None,
                                order[i + 1] if i + 1 < len(order) else None) if q is not None]
            pool = [p for pcs in lost.values() for p in pcs if p.alive]
            for q in near:
                pcs = pieces_of.get(q) or history_pieces(all_stages, q, lang)
                pool += [p for p in pcs if not p.alive and p.killer == stage.author]
            if pool:
                pieces_of[pid] = _adopt(pieces_of[pid], pool, stage.author)


def _adopt(pieces: Pieces, pool: Pieces, author: Author) -> Pieces:
    """Words ``author`` brought that match words in ``pool`` take those words' history."""
    out: Pieces = []
    for p in pieces:
        if p.alive and p.author == author and _wordy(p.text):
            replacement, used = _match(p, pool)
            if used:
                out += [q._replace(revived=None) for q in replacement]
                continue
        out.append(p)
    return merge_pieces(out)
