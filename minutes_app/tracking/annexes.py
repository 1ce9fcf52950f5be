"""Free annexes tracked like paragraphs: edits, revisions, decisions, rounds and merges.

A free annex's parts are its heading (part 0) and its paragraphs (1, 2, ...). Once a round is
exchanged an edit of a part is recorded as revisions by Side and round, exactly as a
paragraph's; a revision names its place as ``Revision.annex = (annex index, part)``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

from minutes_app.model import Batch, Lang, LangText, Minutes, Operation, SetAnnexes
from minutes_app.model.annex_tracks import (
    DropEmptyAnnexParagraphs, SetAnnexTrack, free_annex,
)
from minutes_app.model.annexes import DELEGATION, FREE, Annex, part_text
from minutes_app.model.entities import Person
from minutes_app.model.types import Side
from minutes_app.model.change import Change
from minutes_app.model.track import Author, Track, current_text, plain
from minutes_app.tracking.diff import retrack
from minutes_app.tracking.revisions import KINDS, Revision

from typing import Any, NamedTuple

# a round's annexes: per annex its parts' texts (heading first); a delegation list has none
AnnexTexts = tuple[tuple[LangText, ...], ...]


class EditAnnexText(NamedTuple):
    """Change one part of a free annex in one language, recording it as ``author``'s."""

    annex: int  # its index among the annexes
    part: int
    lang: Lang
    text: str
    author: Author

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        a = free_annex(m, self.annex)
        old = part_text(a, self.part, self.lang)
        track = retrack(a.tracks.get(self.part, {}).get(self.lang) or plain(old), self.text,
                        self.author)
        return SetAnnexTrack(self.annex, self.part, self.lang, self.text, track).apply(m)


def parts(a: Annex) -> int:
    """How many parts a free annex has (its heading and its paragraphs)."""
    return 1 + len(a.paragraphs)


def edit_annex(m: Minutes, index: int, heading: LangText, paragraphs: dict[Lang, list[str]],
               now: str) -> Operation:
    """The operation setting a free annex's heading and paragraphs in the languages given.

    Before any round: the new annex as a whole. After: each changed part in each language
    becomes a tracked edit; a paragraph removed in every language is kept, its words deleted,
    until the deletion is decided.
    """
    a = free_annex(m, index)
    if not m.tracking:
        return SetAnnexes(_replaced(m, index, _untracked(a, heading, paragraphs)))
    author = Author(m.own_side, m.working_round, now)
    return Batch(tuple(edit_ops(a, index, heading, paragraphs, author)))


def edit_ops(a: Annex, index: int, heading: LangText, paragraphs: dict[Lang, list[str]],
             author: Author) -> list[Operation]:
    """The tracked edits turning annex ``a`` (at ``index``) into these texts."""
    ops: list[Operation] = []
    for lang, text in heading.items():
        if text != a.heading.get(lang, ""):
            ops.append(EditAnnexText(index, 0, lang, text, author))
    count = max([len(a.paragraphs)] + [len(v) for v in paragraphs.values()])
    for lang, texts in paragraphs.items():
        for k in range(1, count + 1):
            text = texts[k - 1] if k <= len(texts) else ""
            if text != part_text(a, k, lang):
                ops.append(EditAnnexText(index, k, lang, text, author))
    return ops


def _untracked(a: Annex, heading: LangText, paragraphs: dict[Lang, list[str]]) -> Annex:
    import dataclasses

    count = max([len(a.paragraphs)] + [len(v) for v in paragraphs.values()])
    paras = [dict(a.paragraphs[k]) if k < len(a.paragraphs) else {} for k in range(count)]
    for lang, texts in paragraphs.items():
        for k, p in enumerate(paras):
            p[lang] = texts[k] if k < len(texts) else ""
    kept = tuple(p for p in paras if any(v.strip() for v in p.values()))
    return dataclasses.replace(a, heading={**a.heading, **heading}, paragraphs=kept)


def _replaced(m: Minutes, index: int, a: Annex) -> tuple[Annex, ...]:
    annexes = list(m.annexes)
    annexes[index] = a
    return tuple(annexes)


def annex_revisions(m: Minutes) -> list[Revision]:
    """The pending revisions of every free annex, annex by annex, part by part."""
    out: list[Revision] = []
    for index, a in enumerate(m.annexes):
        for part in sorted(a.tracks):
            out.extend(_part_revisions(m, index, part, a.tracks[part]))
    return out


def _part_revisions(m: Minutes, index: int, part: int, tracks: dict[Lang, Track]
                    ) -> Iterator[Revision]:
    seen: dict[str, int] = {}
    for lang in m.languages:
        for seg_index, seg in enumerate(tracks.get(lang, ())):
            kind = KINDS.get(seg.kind)
            if kind is None or seg.author is None:
                continue
            a = seg.author
            key = f"a{index}.{part}|{lang}|{kind}|{a.side}|{a.round}|{seg.text}"
            n = seen[key] = seen.get(key, 0) + 1
            rid = f"a{index + 1}.{part}-{lang}-{zlib.crc32(f'{key}|{n}'.encode()) & 0xFFFFFF:06x}"
            inside = seg.origin.side if seg.origin else None
            yield Revision(rid, -1, None, lang, kind, seg.text, a.side, a.round, a.time,
                           seg_index, inside, annex=(index, part))


def annex_decision_ops(m: Minutes, revisions: Iterable[Revision], accept: bool
                       ) -> list[Operation]:
    """The operations accepting (or rejecting) the annex revisions among ``revisions``."""
    from minutes_app.tracking.decide import decide_many

    by_track: dict[tuple[int, int, Lang], list[int]] = {}
    for r in revisions:
        if r.annex is not None and r.lang is not None:
            by_track.setdefault((*r.annex, r.lang), []).append(r.segment)
    ops: list[Operation] = []
    for (index, part, lang), segments in by_track.items():
        track = decide_many(m.annexes[index].tracks[part][lang], segments, accept)
        ops.append(SetAnnexTrack(index, part, lang, current_text(track), track))
    if ops:  # a paragraph whose deletion was accepted goes, an annex left with no word too
        ops.append(DropEmptyAnnexParagraphs(tuple(sorted({i for i, _p, _l in by_track}))))
    return ops


def annex_texts(m: Minutes) -> AnnexTexts:
    """The annexes' texts as a round holds them (heading, then paragraphs)."""
    return tuple((dict(a.heading), *(dict(p) for p in a.paragraphs)) if a.kind == FREE else ()
                 for a in m.annexes)


def annex_keys(m: Minutes) -> tuple[str, ...]:
    """The annexes' keys as a round holds them (one per annex, "" where it has none)."""
    return tuple(a.key for a in m.annexes)


def delegation_members(m: Minutes) -> tuple[tuple[Side, tuple[Person, ...]], ...]:
    """The delegation lists' members as a round holds them, Side by Side."""
    return tuple((a.side, a.members) for a in m.annexes
                 if a.kind == DELEGATION and a.side is not None)


def renumber_own_annex_edits(m: Minutes, old: int, new: int) -> list[Operation]:
    """Our unsent annex edits moved to round ``new`` (after the other Side's)."""
    from minutes_app.tracking.merge import renumber_own_edits

    ops: list[Operation] = []
    for index, a in enumerate(m.annexes):
        for part, tracks in a.tracks.items():
            for lang, track in tracks.items():
                moved = renumber_own_edits(track, m.own_side, old, new)
                if moved != track:
                    ops.append(SetAnnexTrack(index, part, lang, current_text(moved), moved))
    return ops


class PartBlame(NamedTuple):
    """Who brought every word of one part of a free annex, in one language."""

    annex: int  # index among the annexes
    part: int  # 0 the heading, k paragraph k
    lang: Lang
    spans: list[Any]  # provenance.Span


def annex_blame(m: Minutes, lang: Lang) -> list[PartBlame]:
    """The provenance of the free annexes' current text of ``lang``, from the rounds' snapshots
    (rounds sent before annexes were tracked hold none: their words date from the first
    round that holds them)."""
    from minutes_app.tracking.provenance import Stage, history_pieces, spans, stages

    m.check_lang(lang)

    here = {a.key: i for i, a in enumerate(m.annexes) if a.key}

    def keyed(annexes: AnnexTexts, keys: tuple[str, ...]) -> dict[int, LangText]:
        # a round's annex is today's annex with its key, wherever either was moved since; one
        # without a key (a round sent before annexes had keys) is matched by its place
        out: dict[int, LangText] = {}
        for i, held in enumerate(annexes):
            key = keys[i] if i < len(keys) else ""
            now = here.get(key) if key else i
            if now is not None:  # None: an annex removed since, none of its words are today's
                out.update((_key(now, k), t) for k, t in enumerate(held))
        return out

    walk = [Stage(s.number, s.side, s.time, s.note, keyed(r.annexes, r.annex_keys), ())
            for s, r in zip(stages(m), m.rounds, strict=False)]
    now = stages(m)[-1]
    walk.append(now._replace(texts=keyed(annex_texts(m), annex_keys(m))))
    out = []
    for index, a in enumerate(m.annexes):
        if a.kind != FREE:
            continue
        for part in range(parts(a)):
            pieces = history_pieces(walk, _key(index, part), lang)
            out.append(PartBlame(index, part, lang, spans(pieces, m.working_round)))
    return out


def _key(index: int, part: int) -> int:
    """A stand-in paragraph id for one annex part (negative: never a paragraph's)."""
    return -1 - (index * 10_000 + part)
