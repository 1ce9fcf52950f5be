"""Rows of the .minutes file to and from model objects."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from minutes_app.gcpause import collector_paused
from minutes_app.model import Minutes, Paragraph, Round, Section
from minutes_app.model import serialize as ser
from minutes_app.model.annexes import annex_in, annex_out, pair_in, pair_out
from minutes_app.model.types import Lang, Side, Status, lang_text

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def dumps(value: Any) -> str:
    """Compact, deterministic JSON (Hangul kept as text so files stay greppable)."""
    return _dumps(value)


def meta_rows(m: Minutes) -> list[tuple[str, str]]:
    """The document-level values as (key, JSON) rows."""
    return [
        ("meeting", dumps(ser.meeting_out(m.meeting))),
        ("parties", dumps([ser.party_out(p) for p in m.parties.values()])),
        ("languages", dumps([lang.value for lang in m.languages])),
        ("own_side", dumps(m.own_side.value)),
        ("settings", dumps(ser.settings_out(m.settings))),
        ("next_id", dumps(m.next_id)),
        ("author_sides", dumps({k: v.value for k, v in m.author_sides.items()})),
        ("glossary", dumps([ser.texts_out(t) for t in m.glossary])),
        ("dismissed", dumps(m.dismissed)),
        ("annexes", dumps([annex_out(a) for a in m.annexes])),
        ("pairs", dumps([pair_out(p) for p in m.pairs])),
    ]


def paragraph_row(p: Paragraph, section_id: int, position: int) -> tuple[Any, ...]:
    """One paragraph row."""
    return (
        p.id, section_id, position, dumps(ser.texts_out(p.texts)),
        p.voice.value if p.voice else None, p.status.value,
        p.ad_ref_side.value if p.ad_ref_side else None,
        dumps([ser.comment_out(c) for c in p.comments]),
        dumps(ser.tracks_out(p.tracks)) if p.tracks else "{}",
        dumps(ser.mark_out(p.mark)) if p.mark else None,
        dumps({k: v.value for k, v in p.bracket_sides.items()}) if p.bracket_sides else "{}",
        dumps(ser.texts_out(p.agreed_texts)) if p.agreed_texts else "{}",
    )


PARAGRAPH_COLUMNS = ("id, section_id, position, texts, voice, status, ad_ref_side, comments,"
                     " tracks, mark, brackets, agreed")
INSERT_PARAGRAPH = (f"INSERT OR REPLACE INTO paragraph ({PARAGRAPH_COLUMNS})"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def section_row(s: Section, position: int) -> tuple[Any, ...]:
    """One section row (the heading's pending revisions in ``tracks``)."""
    return (s.id, position, dumps(ser.texts_out(s.heading)), int(s.numbered),
            dumps(ser.tracks_out(s.tracks)) if s.tracks else "{}")


SECTION_COLUMNS = "id, position, heading, numbered, tracks"
INSERT_SECTION = f"INSERT OR REPLACE INTO section ({SECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?)"


def round_row(r: Round) -> tuple[Any, ...]:
    """One round row; the snapshot is JSON."""
    d = ser.round_out(r)
    snapshot = dumps({"texts": d["texts"], "order": d["order"]})
    return (r.number, r.side.value, r.time, r.note, snapshot)


@collector_paused()  # model building: see gcpause
def read_minutes(conn: sqlite3.Connection) -> Minutes:
    """Build the whole document from an open connection."""
    meta = {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    m = Minutes(
        meeting=ser.meeting_in(meta["meeting"], meta.get("own_side", "KR")),
        parties={p.side: p for p in map(ser.party_in, meta.get("parties", []))},
        languages=[Lang(x) for x in meta["languages"]],
        own_side=Side(meta.get("own_side", "KR")),
        settings=ser.settings_in(meta.get("settings", {})),
        next_id=int(meta.get("next_id", 1)),
        author_sides={k: Side(v) for k, v in meta.get("author_sides", {}).items()},
        glossary=[lang_text(t) for t in meta.get("glossary", [])],
        dismissed=dict(meta.get("dismissed", {})),
        annexes=[annex_in(a) for a in meta.get("annexes", [])],
        pairs=[pair_in(p) for p in meta.get("pairs", [])],
    )
    sections: dict[int, Section] = {}
    for sid, _pos, heading, numbered, tracks in conn.execute(
        f"SELECT {SECTION_COLUMNS} FROM section ORDER BY position"
    ):
        sections[sid] = Section(sid, lang_text(json.loads(heading)), [], bool(numbered),
                                ser.tracks_in(json.loads(tracks)) if tracks != "{}" else {})
    m.sections = list(sections.values())
    _read_paragraphs(conn, sections)
    m.rounds = [_round(row) for row in conn.execute("SELECT * FROM round ORDER BY number")]
    return m


def _read_paragraphs(conn: sqlite3.Connection, sections: dict[int, Section]) -> None:
    langs = {lang.value: lang for lang in Lang}
    sides = {side.value: side for side in Side}
    statuses = {s.value: s for s in Status}
    loads = json.loads
    for (pid, sid, _pos, texts, voice, status, ad_ref, comments, tracks, mark, brackets,
         agreed) in (
            conn.execute(
        f"SELECT {PARAGRAPH_COLUMNS} FROM paragraph ORDER BY section_id, position")):
        p = Paragraph(
            pid, {langs[k]: v for k, v in loads(texts).items()},
            sides[voice] if voice else None, statuses[status],
            sides[ad_ref] if ad_ref else None,
            [ser.comment_in(c) for c in loads(comments)] if comments != "[]" else [],
            ser.tracks_in(loads(tracks)) if tracks != "{}" else {},
            ser.mark_in(loads(mark)) if mark else None,
            {k: sides[v] for k, v in loads(brackets).items()} if brackets != "{}" else {},
            {langs[k]: v for k, v in loads(agreed).items()} if agreed != "{}" else {},
        )
        sections[sid].paragraphs.append(p)


def _round(row: tuple[Any, ...]) -> Round:
    number, side, time, note, snapshot = row
    d = json.loads(snapshot)
    return ser.round_in({"number": number, "side": side, "time": time, "note": note, **d})
