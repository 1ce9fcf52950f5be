"""Provenance of every word: which Side, in which round, brought it into the text.

Rounds are immutable snapshots of the text as exchanged, each sent by one Side. Walking them in
order and diffing each text with the one before attributes every character to the round (and
so the Side) that first brought it; the working text comes last, as the own Side's working
round. Deleted characters stay as tombstones where they were (``pieces``): when the same words
come back near their old place (a rejected deletion, a bracket option chosen), they keep their
first author instead of being credited to whoever restored them; words that moved to another
paragraph (split, joined, merged) are looked up in the paragraphs that changed with it.
Accepting a revision changes no text, so attribution survives decisions by construction.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain, compress
from operator import ne
from typing import NamedTuple

from minutes_app.model import Lang, LangText, Minutes, Paragraph, Side
from minutes_app.model.track import Author
from minutes_app.tracking.pieces import (
    Piece, Pieces, match_words, merge_pieces, opcodes_between, step, visible, wordy,
)

__all__ = [  # with the pieces' names the comparison and the figures use
    "ParagraphBlame", "Piece", "Pieces", "Span", "Stage", "blame", "change_index",
    "changed_between", "forget", "history_pieces", "merge_pieces", "opcodes_between",
    "quiet_gc", "spans", "stages", "step", "visible",
]


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
        order = tuple(chain.from_iterable(pids for _sid, pids in r.order)) or tuple(r.texts)
        out.append(Stage(r.number, r.side, r.time, r.note, r.texts, order))
    from minutes_app.tracking.rounds import exchanged

    paragraphs = m.paragraphs()
    held = [p for p in paragraphs if exchanged(p)]  # a deletion pending: out, as in a round
    out.append(Stage(m.working_round, m.own_side, _working_time(m, paragraphs), "",
                     {p.id: p.texts for p in held}, tuple(p.id for p in held),
                     current=True))
    return out


def _working_time(m: Minutes, paragraphs: Sequence[Paragraph]) -> str:
    """When the working round was last edited: its latest pending change, else the last round."""
    times = [s.author.time for p in paragraphs if p.tracks for t in p.tracks.values() for s in t
             if s.author is not None and s.author.round == m.working_round]
    return max(times, default=m.rounds[-1].time if m.rounds else "")


@contextmanager
def quiet_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: a history builds ~100,000 small objects and no
    cycles, and every full collection they trigger walks the whole document again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- the history of one paragraph and language ------------------------------------------------
def history_pieces(all_stages: Sequence[Stage], pid: int, lang: Lang,
                   start: Pieces | None = None) -> Pieces:
    """The pieces of one language of a paragraph after walking ``all_stages``.

    ``start`` is where the walk begins (the first stage's text as it was), else nothing.
    """
    if start is None and len(all_stages) == 1:  # most paragraphs: never changed
        text = (all_stages[0].texts.get(pid) or {}).get(lang, "")
        return [Piece(text, all_stages[0].author)] if text else []
    walk = tuple((stage.side, stage.number, stage.time, texts.get(lang, ""))
                 for stage in all_stages if (texts := stage.texts.get(pid)) is not None)
    return list(_walk(walk, None if start is None else tuple(start)))


@lru_cache(maxsize=1 << 15)  # rounds never change: a paragraph's walk is asked again and again
def _walk(walk: tuple[tuple[Side, int, str, str], ...], start: tuple[Piece, ...] | None
          ) -> tuple[Piece, ...]:
    """The pieces after each (Side, round, time, text) of ``walk`` in turn."""
    pieces = None if start is None else list(start)
    last = visible(pieces) if pieces is not None else None
    for side, number, time, text in walk:
        if text == last:
            continue
        author = Author(side, number, time)
        pieces = step(pieces or [], text, author) if pieces is not None else (
            [Piece(text, author)] if text else [])
        last = text
    return tuple(pieces or ())


def forget() -> None:
    """Forget the remembered diffs and walks (the benchmarks' cold start)."""
    opcodes_between.cache_clear()
    _walk.cache_clear()


def changed_between(before: Mapping[int, LangText], after: Mapping[int, LangText]) -> list[int]:
    """The ids of ``after`` whose texts differ from ``before`` (or are not in it)."""
    if list(before) == list(after):  # the same paragraphs in the same order: at C speed
        return list(compress(after, map(ne, before.values(), after.values())))
    get = before.get
    return [pid for pid, texts in after.items() if get(pid) != texts]


def change_index(all_stages: Sequence[Stage]) -> dict[int, list[Stage]]:
    """Per paragraph, the stages where it appeared or its texts changed (in one pass)."""
    index: dict[int, list[Stage]] = {}
    previous: Stage | None = None
    for k, stage in enumerate(all_stages):
        texts = stage.texts
        changed = list(texts) if previous is None else changed_between(previous.texts, texts)
        for pid in changed:
            if previous is not None and pid not in previous.texts:  # back as it was: no change
                seen = next((s.texts[pid] for s in reversed(all_stages[:k]) if pid in s.texts),
                            None)
                if seen == texts[pid]:
                    continue
            index.setdefault(pid, []).append(stage)
        previous = stage
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


@quiet_gc()
def blame(m: Minutes, lang: Lang, pids: Sequence[int] | None = None) -> list[ParagraphBlame]:
    """Who brought every word of the current text of ``lang`` (all paragraphs, or ``pids``)."""
    m.check_lang(lang)
    all_stages = stages(m)
    wanted = [p.id for p in m.paragraphs()] if pids is None else list(pids)
    index = change_index(all_stages)
    pieces_of = {pid: history_pieces(index.get(pid, ()), pid, lang) for pid in wanted}
    _across_paragraphs(all_stages, pieces_of, lang, index)
    return [ParagraphBlame(pid, m.number(pid), lang, spans(pieces_of[pid], m.working_round))
            for pid in wanted]


def _across_paragraphs(all_stages: Sequence[Stage], pieces_of: dict[int, Pieces],
                       lang: Lang, index: Mapping[int, list[Stage]]) -> None:
    """Words that moved to another paragraph (split, joined) keep their first author.

    Rounds whose set of paragraphs changed split or join: the words a paragraph gained there
    are looked up among the words its neighbours lost, or that a vanished paragraph held; in
    other rounds, only where a paragraph gained a word its neighbour lost (split off and
    joined on within the round) or holds buried.
    """
    def pieces(pid: int) -> Pieces:  # paragraphs gone since too: their words moved on
        if pid not in pieces_of:
            pieces_of[pid] = history_pieces(all_stages, pid, lang)
        return pieces_of[pid]

    last_of: dict[Side, Stage] = {all_stages[0].side: all_stages[0]}
    dead: dict[int, tuple[Pieces, set[str]]] = {}
    # the split/join chain: per paragraph, those it was split from or that were joined into
    # it; and per paragraph joined away, the words that went nowhere (deleted as it vanished)
    kin: dict[int, set[int]] = {}
    sunk: dict[int, Pieces] = {}
    changed_at: dict[int, set[int]] = {}  # per stage (by id): the paragraphs it changed
    for pid, changes in index.items():
        for s in changes:
            changed_at.setdefault(id(s), set()).add(pid)
    for k in range(1, len(all_stages)):
        before, stage = all_stages[k - 1], all_stages[k]
        author = stage.author
        # a merged round is the other copy's text: the paragraphs this Side's own copy still
        # held then (a deletion pending here) are in its own last round
        mine = last_of.get(stage.side, before)
        last_of[stage.side] = stage
        order = stage.order
        same = before.order == order and mine.order == order
        changed = (changed_at.get(id(stage), set()) if same  # only they gained words
                   else set(changed_between(before.texts, stage.texts)))
        if same and not changed:
            continue
        gone = {} if same else dict.fromkeys(pid for s in (before, mine) for pid in s.order
                                             if pid not in stage.texts)
        # and words deleted there before: rejecting their deletion in the round that joined
        # the paragraph away brings them here
        lost = [p for pid in gone for p in pieces(pid) if p.author.round < stage.number]
        if gone:
            _sink({pid: pieces(pid) for pid in gone}, stage, changed, lang, sunk)

        def buried(q: int) -> set[str]:  # the words ever deleted in ``q``, while its
            held = pieces(q)  # pieces stay the same
            known = dead.get(q)
            if known is None or known[0] is not held:
                known = dead[q] = (held, _words_of(held, _deleted))
            return known[1]

        for i, pid in enumerate(order):
            if pid not in changed:
                continue
            pool = list(lost)
            # a new paragraph (split off, or cut and pasted) takes words from any paragraph
            # that changed with it (the one it was split from may have moved meanwhile)
            fresh = pid not in before.texts
            near = _around(order, i, changed)
            near += [q for q in changed if fresh and q != pid and q not in near]
            if not same:
                kin.setdefault(pid, set()).update(gone, near if fresh else ())
            words = {w for p in pieces(pid) if p.author == author for w in p.text.split()}
            # words deleted in a paragraph of its chain (moves may have parted them), or as
            # a paragraph was joined into it: a rejection brings back exactly those words
            chain = [q for q in kin.get(pid, ()) if q not in near and q != pid]
            graves = [p for q in chain for p in sunk.get(q, ())]
            graves = graves if not words.isdisjoint(p.text for p in graves) else []
            near += [q for q in chain if not words.isdisjoint(buried(q))]
            if same and (not words or (not graves and all(words.isdisjoint(buried(q))
                                                          for q in near))):
                continue  # the same paragraphs: only words a neighbour lost or holds buried
            pool += graves
            for q in near:
                pool += [p for p in pieces(q) if p.revived == stage.author  # and back since
                         or (p.author.round < stage.number  # (or earlier: a word split off
                             and _ever_deleted(p, stage.number))]  # and then deleted)
            # a word brought back twice (a join took it here, then its deletion here was
            # rejected): one tombstone served the first, the second is a copy of it
            pool += [p for p in pieces(pid) if p.alive and p.revived is not None
                     and p.author.round < stage.number]
            if pool:
                pieces_of[pid] = _adopt(pieces(pid), pool, stage.author)


def _sink(gone: Mapping[int, Pieces], stage: Stage, changed: set[int], lang: Lang,
          sunk: dict[int, Pieces]) -> None:
    """The words of paragraphs joined away at ``stage`` that no changed paragraph shows: they
    were deleted as their paragraph vanished, and a rejection may bring them back later."""
    shown = {w for pid in changed for w in (stage.texts[pid] or {}).get(lang, "").split()}
    for pid, held in gone.items():
        words = [Piece(w, p.author) for p in held if p.alive and p.author.round < stage.number
                 for w in p.text.split() if w not in shown and wordy(w)]
        if words:
            sunk[pid] = words


def _words_of(pieces: Pieces, keep: Callable[[Piece], bool]) -> set[str]:
    """The whole words (by spaces) of the pieces ``keep`` holds for."""
    return {w for p in pieces if keep(p) for w in p.text.split()}


def _deleted(p: Piece) -> bool:
    return not p.alive or p.revived is not None


def _ever_deleted(p: Piece, number: int) -> bool:
    """Whether the words of ``p`` may have been gone at round ``number``: deleted by then, or
    deleted and brought back at some time (a piece remembers only its last deletion: words
    split off, joined back and split off again were deleted the first time too)."""
    if p.alive:
        return p.revived is not None
    return p.killer is not None and (p.killer.round <= number or p.revived is not None)


def _around(order: Sequence[int], i: int, changed: set[int]) -> list[int]:
    """The paragraphs beside ``order[i]``: the run of paragraphs that changed with it (a
    paragraph split twice in a round), and one more on each side."""
    out = []
    for direction in (-1, 1):
        j = i + direction
        while 0 <= j < len(order):
            out.append(order[j])
            if order[j] not in changed:
                break
            j += direction
    return out


def _adopt(pieces: Pieces, pool: Pieces, author: Author) -> Pieces:
    """Words ``author`` brought that match words in ``pool`` take those words' history.

    Words deleted since then too: a paragraph split again later gives them on. Until nothing
    more matches: words that came in another order than the pool holds them match one run at
    a time.
    """
    pool = [q for q in pool if q.author != author]  # each pass leaves fewer words of ``author``
    while True:
        out: Pieces = []
        for p in pieces:
            if p.author == author and wordy(p.text):
                replacement, used = match_words(p, pool)
                if used:
                    out += [q._replace(revived=p.revived, alive=p.alive, killer=p.killer)
                            for q in replacement]
                    continue
            out.append(p)
        if out == pieces:
            return pieces
        pieces = merge_pieces(out)
