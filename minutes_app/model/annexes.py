"""Annexes (delegation lists and free annexes), alternat pairs and their operations.

Annexes are part of the signed text: they follow the signature page, are numbered I, II, ...
in the order the document holds them, and must be cited by the text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from minutes_app.errors import ValidationError
from minutes_app.model.change import Change
from minutes_app.model.entities import Person
from minutes_app.model.keys import random_hex
from minutes_app.model.minutes import Minutes
from minutes_app.model.track import Track
from minutes_app.model.types import Lang, LangText, Side, lang_text

DELEGATION, FREE = "delegation", "free"


@dataclass(frozen=True)
class Annex:
    """A delegation list (``side`` and ``members``) or a free annex (``heading``, ``paragraphs``).

    A delegation list's head of delegation comes from the meeting details and is not among
    ``members``, which are the other members in order of precedence.
    """

    kind: str = FREE
    side: Side | None = None
    members: tuple[Person, ...] = ()
    heading: LangText = field(default_factory=dict)
    paragraphs: tuple[LangText, ...] = ()
    # pending revisions of a free annex: part (0 the heading, k paragraph k) → language → track
    tracks: dict[int, dict[Lang, Track]] = field(default_factory=dict)
    # a free annex's identity, kept by every copy of the file, so that a merge matches it
    # wherever each copy moved it ("": made before annexes had keys, matched by order)
    key: str = ""


def new_annex_key() -> str:
    """A fresh key for a new free annex (random: two copies adding annexes never collide)."""
    return random_hex()


@dataclass(frozen=True)
class AlternatPair:
    """The two orders of a pair named in the text, per language: ``{KR: Korea-Russia, ...}``.

    Each Side's original writes the pair in its own order; the form may be a stem
    (``российско-корейск``) so that every case ending follows it.
    """

    forms: tuple[tuple[Side, LangText], ...] = ()

    def form(self, side: Side) -> LangText:
        """The pair written with ``side`` first."""
        return dict(self.forms).get(side, {})


def roman(n: int) -> str:
    """I, II, III, ... for annex numbers (1 to 39 is plenty for annexes)."""
    tens, units = divmod(n, 10)
    ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return "X" * tens + ones[units]


def _check(annexes: tuple[Annex, ...]) -> None:
    sides = [a.side for a in annexes if a.kind == DELEGATION]
    for a in annexes:
        if a.kind not in (DELEGATION, FREE):
            raise ValidationError("Unknown annex kind {a_kind!r}.", a_kind=a.kind)
        if a.kind == DELEGATION and a.side is None:
            raise ValidationError("A delegation list needs its Side.")
    if len(sides) != len(set(sides)):
        raise ValidationError("A Side can have only one delegation list.")
    from minutes_app.model.track import current_text

    for a in annexes:  # a part's pending revisions lead to its text
        for part, tracks in a.tracks.items():
            if any(current_text(t) != part_text(a, part, lang) for lang, t in tracks.items()):
                raise ValidationError("The revisions do not lead to the text.")


def part_text(a: Annex, part: int, lang: Lang) -> str:
    """The text of part ``part`` of a free annex: 0 the heading, k its paragraph k."""
    if part == 0:
        return a.heading.get(lang, "")
    return a.paragraphs[part - 1].get(lang, "") if 0 < part <= len(a.paragraphs) else ""


class SetAnnexes(NamedTuple):
    """Replace the annexes as a whole (they are immutable values)."""

    annexes: tuple[Annex, ...]

    def apply(self, m: Minutes) -> tuple[Any, Change]:
        _check(self.annexes)
        old, m.annexes = tuple(m.annexes), list(self.annexes)
        return SetAnnexes(old), Change(meta=True)


class SetPairs(NamedTuple):
    """Replace the alternat pairs of the meeting details."""

    pairs: tuple[AlternatPair, ...]

    def apply(self, m: Minutes) -> tuple[Any, Change]:
        old, m.pairs = tuple(m.pairs), list(self.pairs)
        return SetPairs(old), Change(meta=True)


def delegation_of(m: Minutes, side: Side) -> int | None:
    """The index of ``side``'s delegation list, or None."""
    return next((i for i, a in enumerate(m.annexes)
                 if a.kind == DELEGATION and a.side is side), None)


def with_members(m: Minutes, side: Side, members: tuple[Person, ...]) -> tuple[Annex, ...]:
    """The annexes with ``side``'s delegation list holding ``members`` (created at the end)."""
    annexes = list(m.annexes)
    i = delegation_of(m, side)
    if i is None:
        annexes.append(Annex(DELEGATION, side, members))
    else:
        annexes[i] = dataclasses.replace(annexes[i], members=members)
    return tuple(annexes)


# -- serialisation (one meta row "annexes" and one "pairs": no schema change) ----------
def _texts(t: LangText) -> dict[str, str]:
    return {k.value: v for k, v in t.items()}


def annex_out(a: Annex) -> dict[str, Any]:
    """An Annex as a dict."""
    from minutes_app.model.serialize import person_out, tracks_out

    out: dict[str, Any] = {"kind": a.kind, "side": a.side.value if a.side else None,
                           "members": [person_out(p) for p in a.members],
                           "heading": _texts(a.heading),
                           "paragraphs": [_texts(p) for p in a.paragraphs]}
    if a.tracks:  # only when pending: files without annex revisions stay as they were
        out["tracks"] = {str(part): tracks_out(t) for part, t in sorted(a.tracks.items())}
    if a.key:  # annexes made before keys stay as they were
        out["key"] = a.key
    return out


def annex_in(d: dict[str, Any]) -> Annex:
    """An Annex from a dict."""
    from minutes_app.model.serialize import person_in, tracks_in

    return Annex(d.get("kind", FREE), Side(d["side"]) if d.get("side") else None,
                 tuple(person_in(p) for p in d.get("members", [])),
                 lang_text(d.get("heading")), tuple(lang_text(p) for p in d.get("paragraphs", [])),
                 {int(k): tracks_in(v) for k, v in d.get("tracks", {}).items()},
                 d["key"] if isinstance(d.get("key"), str) else "")


def pair_out(p: AlternatPair) -> dict[str, dict[str, str]]:
    """An AlternatPair as ``{"KR": {"en": ...}, "RU": {...}}``."""
    return {side.value: _texts(t) for side, t in p.forms}


def pair_in(d: dict[str, Any]) -> AlternatPair:
    """An AlternatPair from a dict."""
    return AlternatPair(tuple((Side(k), lang_text(v)) for k, v in sorted(d.items())))
