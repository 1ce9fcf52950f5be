"""Merging the other copy's free-annex edits three-way from the common round.

Their edits become their revisions; the same words changed on both sides become square
brackets in the text holding both versions and are listed in the report (an annex paragraph
has no bracket objects), never an overwrite.
"""

from __future__ import annotations

from minutes_app.model import Minutes
from minutes_app.model.annex_tracks import SetAnnexTrack
from minutes_app.model.annexes import FREE, part_text
from minutes_app.model.entities import Round
from minutes_app.model.track import Author, plain
from minutes_app.tracking.diff import retrack
from minutes_app.tracking.merge import MergeReport, Recorder
from minutes_app.tracking.merge3 import merge_text


def merge_annexes(rec: Recorder, theirs: Minutes, base: Round, author: Author,
                  report: MergeReport) -> None:
    """Their edits of the free annexes both copies held at ``base`` (by position)."""
    m = rec.m
    for index, a in enumerate(list(m.annexes)):
        if (a.kind != FREE or index >= len(base.annexes) or not base.annexes[index]
                or index >= len(theirs.annexes) or theirs.annexes[index].kind != FREE):
            continue  # added since the common round: the other copy has not seen it
        held, their = base.annexes[index], theirs.annexes[index]
        count = max(len(held), 1 + len(their.paragraphs), 1 + len(a.paragraphs))
        for part in range(count):
            for lang in m.languages:
                b = held[part].get(lang, "") if part < len(held) else ""
                o = part_text(m.annexes[index], part, lang)
                merged = merge_text(b, o, part_text(their, part, lang), delimit=True)
                if merged.text == o:
                    continue
                old = m.annexes[index].tracks.get(part, {}).get(lang) or plain(o)
                track = retrack(old, merged.text, author)
                rec.do(SetAnnexTrack(index, part, lang, merged.text, track))
                place = (index + 1, part)
                if place not in report.annexes:
                    report.annexes.append(place)
                if merged.conflicts and place not in report.annex_conflicts:
                    report.annex_conflicts.append(place)
