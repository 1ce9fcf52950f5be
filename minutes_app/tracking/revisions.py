"""Revisions listed from the document's tracks (paragraphs' and headings') and paragraph marks."""

from __future__ import annotations

import zlib
from zlib import crc32
from collections.abc import Iterator
from typing import Any, NamedTuple

from minutes_app.gcpause import collector_paused
from minutes_app.model import Lang, Minutes, Paragraph, Section, Side
from minutes_app.model.track import DELETE, INSERT, Author, Track

KINDS = {INSERT: "insert", DELETE: "delete"}
_new = tuple.__new__


class Revision(NamedTuple):
    """One pending insertion or deletion, or a whole paragraph inserted, deleted or moved.

    In a section heading (``heading``), ``paragraph_id`` is the section's id (ids are shared).
    In a free annex, ``annex`` is (annex index, part: 0 the heading, k paragraph k) and
    ``paragraph_id`` is -1 (see ``tracking.annexes``).
    """

    id: str
    paragraph_id: int
    number: int | None
    lang: Lang | None  # None for a whole-paragraph revision
    kind: str  # "insert" | "delete" | "move"
    text: str
    side: Side
    round: int
    time: str
    segment: int  # position of the segment in its track (-1 for a paragraph mark)
    inside: Side | None = None  # a deletion of words inserted by this Side
    status: str = "pending"
    heading: bool = False
    annex: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        """The revision as the command line prints it."""
        return {
            "id": self.id, "paragraph_id": self.paragraph_id, "number": self.number,
            "lang": self.lang.value if self.lang else None, "kind": self.kind,
            "text": self.text, "side": self.side.value, "round": self.round, "time": self.time,
            "status": self.status, "scope": "heading" if self.heading
            else "annex" if self.annex else "paragraph" if self.lang is None else "text",
            "inside": self.inside.value if self.inside else None,
            **({"annex": self.annex[0] + 1, "part": self.annex[1]} if self.annex else {}),
        }


def _rev_id(pid: int, lang: str, kind: str, author: Author, text: str, seen: dict[str, int]
            ) -> str:
    """A short id that stays the same while other revisions are decided."""
    key = f"{pid}|{lang}|{kind}|{author.side}|{author.round}|{text}"  # StrEnum: its value
    n = seen[key] = seen.get(key, 0) + 1
    digest = zlib.crc32(f"{key}|{n}".encode()) & 0xFFFFFF
    return f"{pid}-{lang}-{digest:06x}"


def paragraph_revisions(m: Minutes, p: Paragraph) -> Iterator[Revision]:
    """The pending revisions of one paragraph, mark first, then by language."""
    number = m.number(p.id)
    seen: dict[str, int] = {}
    if p.mark is not None:
        a = p.mark.author
        text = " / ".join(p.text(lang) for lang in m.languages if p.text(lang))
        rid = _rev_id(p.id, "p", p.mark.kind, a, "", seen)
        yield Revision(rid, p.id, number, None, p.mark.kind, text, a.side, a.round, a.time, -1)
    for lang in m.languages:
        track = p.tracks.get(lang)
        if track:
            yield from _text_revisions(p.id, number, lang, track, seen)


def _text_revisions(pid: int, number: int | None, lang: Lang, track: Track,
                    seen: dict[str, int]) -> list[Revision]:
    """The revisions of one language of one paragraph (``seen`` counts twins for the ids)."""
    # _rev_id inlined, its constant parts made once per text: this lists every revision; the
    # tuples are made as Revision's own constructor makes them, without its Python frame
    head, id_head = f"{pid}|{lang}|", f"{pid}-{lang}-"
    out: list[Revision] = []
    last: Author | None = None  # the author of the previous change, and its keys' beginnings
    inserted = deleted = ""
    for index, seg in enumerate(track):
        kind_mark = seg.kind  # (kept text is skipped untouched: its text never read)
        if kind_mark == INSERT:
            kind = "insert"
        elif kind_mark == DELETE:
            kind = "delete"
        else:
            continue
        _kind, text, author, origin = seg
        assert author is not None
        side, round_number, time = author
        if author is not last:  # (a text's changes usually share one Author: formatted once)
            inserted = f"{head}insert|{side}|{round_number}|"
            deleted = f"{head}delete|{side}|{round_number}|"
            last = author
        key = (inserted if kind_mark == INSERT else deleted) + text
        n = seen[key] = seen.get(key, 0) + 1
        rid = f"{id_head}{crc32(f'{key}|{n}'.encode()) & 0xFFFFFF:06x}"
        out.append(_new(Revision, (rid, pid, number, lang, kind, text, side, round_number, time,
                                   index, origin.side if origin else None, "pending", False,
                                   None)))
    return out


def heading_revisions(m: Minutes, s: Section) -> Iterator[Revision]:
    """The pending revisions of a section heading, by language."""
    seen: dict[str, int] = {}
    for lang in m.languages:
        for index, seg in enumerate(s.tracks.get(lang, ())):
            if seg.kind not in KINDS:
                continue
            author = seg.author
            assert author is not None
            kind = KINDS[seg.kind]
            rid = _rev_id(s.id, lang, kind, author, seg.text, seen)
            inside = seg.origin.side if seg.origin else None
            yield Revision(rid, s.id, None, lang, kind, seg.text, author.side, author.round,
                           author.time, index, inside, heading=True)


@collector_paused()  # thousands of new tuples, none freed: no collection walks the model meanwhile
def all_revisions(m: Minutes) -> list[Revision]:
    """Every pending revision in document order (a section's heading before its paragraphs)."""
    out: list[Revision] = []
    for s in m.sections:
        if s.tracks:
            out.extend(heading_revisions(m, s))
        for p in s.paragraphs:
            if p.mark is not None:
                out.extend(paragraph_revisions(m, p))
            elif p.tracks:  # (most: no paragraph mark) each text's revisions at once
                seen: dict[str, int] = {}
                number = m.number(p.id)
                for lang in m.languages:
                    track = p.tracks.get(lang)
                    if track:
                        out += _text_revisions(p.id, number, lang, track, seen)
    if any(a.tracks for a in m.annexes):  # annexes follow the signatures: last
        from minutes_app.tracking.annexes import annex_revisions

        out.extend(annex_revisions(m))
    return out
