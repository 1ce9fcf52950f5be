"""Rows of the .minutes file to and from model objects."""

from __future__ import annotations

import json
from typing import Any

from minutes_app.model import Minutes, Paragraph, Round, Section
from minutes_app.model import serialize as ser
from minutes_app.model.annexes import annex_out, pair_out
from minutes_app.model.brackets import brackets_out
from minutes_app.store.checksum import COLUMNS, insert, with_checksum

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def dumps(value: Any) -> str:
    """Compact, deterministic JSON (Hangul kept as text so files stay greppable)."""
    return _dumps(value)


def meta_rows(m: Minutes) -> list[tuple[Any, ...]]:
    """The document-level values as (key, JSON, checksum) rows."""
    return [with_checksum(row) for row in [
        ("meeting", dumps(ser.meeting_out(m.meeting))),
        ("parties", dumps([ser.party_out(p) for p in m.parties.values()])),
        ("languages", dumps([lang.value for lang in m.languages])),
        ("own_side", dumps(m.own_side.value)),
        ("settings", dumps(ser.settings_out(m.settings))),
        ("next_id", dumps(m.next_id)),
        ("author_sides", dumps({k: v.value for k, v in m.author_sides.items()})),
        ("glossary", dumps([ser.texts_out(t) for t in m.glossary])),
        ("dismissed", dumps(m.dismissed)),
        ("spelling_ignore", dumps(m.spelling_ignore)),
        ("annexes", dumps([annex_out(a) for a in m.annexes])),
        ("pairs", dumps([pair_out(p) for p in m.pairs])),
        *([("document_id", dumps(m.document_id))] if m.document_id else []),
    ]]


def paragraph_row(p: Paragraph, section_id: int, position: int) -> tuple[Any, ...]:
    """One paragraph row (its checksum last)."""
    return with_checksum((
        p.id, section_id, position, dumps(ser.texts_out(p.texts)),
        p.voice.value if p.voice else None, p.status.value,
        p.ad_ref_side.value if p.ad_ref_side else None,
        dumps([ser.comment_out(c) for c in p.comments]),
        dumps(ser.tracks_out(p.tracks)) if p.tracks else "{}",
        dumps(ser.mark_out(p.mark)) if p.mark else None,
        dumps(brackets_out(p.brackets)) if p.brackets else "{}",
        dumps(ser.texts_out(p.agreed_texts)) if p.agreed_texts else "{}",
    ))


PARAGRAPH_COLUMNS = COLUMNS["paragraph"]
INSERT_PARAGRAPH = insert("paragraph", replace=True)
INSERT_SECTION = insert("section", replace=True)
INSERT_META = insert("meta", replace=True)
INSERT_ROUND = insert("round")


def section_row(s: Section, position: int) -> tuple[Any, ...]:
    """One section row: the heading's pending revisions in ``tracks``, its checksum last."""
    return with_checksum((s.id, position, dumps(ser.texts_out(s.heading)), int(s.numbered),
                          dumps(ser.tracks_out(s.tracks)) if s.tracks else "{}"))


def round_row(r: Round) -> tuple[Any, ...]:
    """One round row; the snapshot is JSON (its checksum last)."""
    d = ser.round_out(r)
    keep = {"texts": d["texts"], "order": d["order"]}
    if "annexes" in d:  # free annexes' texts, only in rounds that have them
        keep["annexes"] = d["annexes"]
    if "delegations" in d:  # delegation lists' members, only in rounds that have them
        keep["delegations"] = d["delegations"]
    if "annex_keys" in d:  # the free annexes' keys, only in rounds that have them
        keep["annex_keys"] = d["annex_keys"]
    snapshot = dumps(keep)
    return with_checksum((r.number, r.side.value, r.time, r.note, snapshot))
