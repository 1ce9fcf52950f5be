"""Migration v3→v4 of brackets: ``[a / b]`` written in the text becomes a bracket object.

Version 3 kept brackets in the text and, per paragraph, the Side that proposed each option
(``{"option": "KR"}`` in the ``brackets`` column). Only a bracket with an option that column
names was made by the bracket command or a merge; any other square brackets are text and stay.
The text keeps the first option's words; the delimiters and other options move into the object.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from minutes_app.model.brackets import Bracket, Option, bracket_out
from minutes_app.model.types import Lang, Side
from minutes_app.store.checksum import COLUMNS, checksum

OLD_BRACKET = re.compile(r"\[([^\[\]]*)\]")
DELETE = "-"


def _cut_track(rows: list[list[Any]], cuts: list[tuple[int, int]]) -> list[list[Any]]:
    """The track rows with the current-text ranges ``cuts`` removed (delimiters, options)."""
    out, pos = [], 0
    for row in rows:
        if row[0] == DELETE:
            out.append(row)
            continue
        text, start = row[1], pos
        pos += len(text)
        kept = "".join(ch for i, ch in enumerate(text, start)
                       if not any(a <= i < b for a, b in cuts))
        if kept:
            out.append([row[0], kept, *row[2:]])
    return out


def _convert(text: str, sides: dict[str, Side], lang: Lang, next_id: int
             ) -> tuple[str, list[Bracket], list[tuple[int, int]]]:
    """The text without its command-made brackets, the objects and the ranges cut."""
    out: list[str] = []
    brackets: list[Bracket] = []
    cuts: list[tuple[int, int]] = []
    last = 0
    for hit in OLD_BRACKET.finditer(text):
        options = [o.strip() for o in hit.group(1).split("/")]
        if not any(o in sides for o in options) or not options[0]:
            continue  # typed square brackets: text
        inner = hit.start(1) + hit.group(1).index(options[0])
        cuts += [(hit.start(), inner), (inner + len(options[0]), hit.end())]
        out.append(text[last:hit.start()])
        start = sum(map(len, out))
        out.append(options[0])
        last = hit.end()
        brackets.append(Bracket(next_id + len(brackets), {lang: (start, start + len(options[0]))},
                                tuple(Option({lang: o}, sides.get(o)) for o in options)))
    out.append(text[last:])
    return "".join(out), brackets, cuts


def _next_id(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'next_id'").fetchone()
    return int(json.loads(row[0])) if row else 1


def v4_brackets(conn: sqlite3.Connection) -> None:
    """Turn the command-made brackets of every paragraph into objects."""
    next_id = _next_id(conn)
    rows = list(conn.execute("SELECT id, texts, tracks, brackets FROM paragraph"
                             " WHERE brackets != '{}'"))
    for pid, texts_json, tracks_json, old in rows:
        sides = {k: Side(v) for k, v in json.loads(old).items()} if old.startswith("{") else {}
        texts, tracks = json.loads(texts_json), json.loads(tracks_json)
        objects: list[Bracket] = []
        for code, text in texts.items():
            new_text, made, cuts = _convert(text, sides, Lang(code), next_id)
            next_id += len(made)
            objects += made
            texts[code] = new_text
            if code in tracks and cuts:
                tracks[code] = _cut_track(tracks[code], cuts)
        conn.execute("UPDATE paragraph SET texts = ?, tracks = ?, brackets = ? WHERE id = ?",
                     (json.dumps(texts, ensure_ascii=False),
                      json.dumps(tracks, ensure_ascii=False),
                      json.dumps([bracket_out(b) for b in objects], ensure_ascii=False)
                      if objects else "{}", pid))
        _rechecksum(conn, pid)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'next_id'", (json.dumps(next_id),))
    _rechecksum_meta(conn)


def _rechecksum(conn: sqlite3.Connection, pid: int) -> None:
    row = conn.execute(f"SELECT {COLUMNS['paragraph']} FROM paragraph WHERE id = ?",
                       (pid,)).fetchone()
    conn.execute("UPDATE paragraph SET checksum = ? WHERE id = ?", (checksum(row), pid))


def _rechecksum_meta(conn: sqlite3.Connection) -> None:
    row = conn.execute(f"SELECT {COLUMNS['meta']} FROM meta WHERE key = 'next_id'").fetchone()
    if row is not None:
        conn.execute("UPDATE meta SET checksum = ? WHERE key = 'next_id'", (checksum(row),))
