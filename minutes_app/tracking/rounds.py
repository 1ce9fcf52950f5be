"""Rounds: closing the current text as an immutable snapshot sent by one Side."""

from __future__ import annotations

from minutes_app.errors import ValidationError
from minutes_app.model import Minutes, Paragraph, Round, Side


def exchanged(p: Paragraph) -> bool:
    """True when the paragraph is part of the text as exchanged: a round, like the current text,
    is the text with every pending change taken, so a paragraph whose deletion is pending is
    out of it (its deletion shows where rounds are compared, by the Side that proposed it)."""
    return p.mark is None or p.mark.kind != "delete"


def snapshot(m: Minutes, side: Side, time: str, note: str = "") -> Round:
    """The current text as round ``len(rounds) + 1`` sent by ``side``."""
    if not m.rounds and (any(p.tracks for p in m.paragraphs())
                         or any(s.tracks for s in m.sections)
                         or any(a.tracks for a in m.annexes)):
        raise ValidationError("Pending revisions exist before any round was sent.")
    texts = {s.id: dict(s.heading) for s in m.sections}  # ids shared with paragraphs
    texts.update((p.id, dict(p.texts)) for p in m.paragraphs() if exchanged(p))
    from minutes_app.tracking.annexes import annex_keys, annex_texts, delegation_members

    return Round(
        number=m.working_round, side=side, time=time, note=note, texts=texts,
        order=tuple((s.id, tuple(p.id for p in s.paragraphs if exchanged(p)))
                    for s in m.sections),
        annexes=annex_texts(m), delegations=delegation_members(m), annex_keys=annex_keys(m),
    )
