"""Reading a whole document row by row, naming every damaged row instead of failing on it.

A row that cannot be decoded (bad JSON, an unknown status or side, a section that does not
exist) or whose checksum no longer matches is a ``Place``; the caller refuses the file or, when
asked to, opens what is intact.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from minutes_app.errors import Place
from minutes_app.gcpause import collector_paused
from minutes_app.model import Minutes, Paragraph, Round, Section
from minutes_app.model import serialize as ser
from minutes_app.model.annexes import annex_in, pair_in
from minutes_app.model.brackets import brackets_in
from minutes_app.model.types import Lang, Side, Status, lang_text
from minutes_app.store.checksum import COLUMNS, checksum
from minutes_app.store.fastread import fast_paragraphs

T = TypeVar("T")
_BAD = (ValueError, KeyError, TypeError, AttributeError, IndexError)
REQUIRED_META = ("meeting", "languages")


class Reader:
    """Collects the document and the places that could not be read."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.damage: list[Place] = []
        self.fatal = False  # the document itself (meeting, languages) is unreadable

    def _rows(self, table: str, order: str) -> list[tuple[Any, ...]]:
        """Rows of ``table``, each checked against its checksum (the checksum dropped)."""
        out = []
        for row in self.conn.execute(f"SELECT {COLUMNS[table]}, checksum FROM {table} "
                                     f"ORDER BY {order}"):
            values, stored = row[:-1], row[-1]
            if stored is not None and stored != checksum(values):
                self.damage.append((table, str(values[0]), "checksum"))
            out.append(values)
        return out

    def _try(self, place: tuple[str, str], fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except json.JSONDecodeError:
            self.damage.append((*place, "json"))
        except _BAD:
            self.damage.append((*place, "value"))
        return None

    @collector_paused()  # model building only creates objects: see gcpause
    def minutes(self) -> Minutes:
        """The whole document; damaged rows are left out and listed in ``damage``."""
        meta: dict[str, Any] = {}
        for key, value in self._rows("meta", "key"):
            decoded: Any = self._try(("meta", key), partial(json.loads, value))
            if decoded is not None:
                meta[key] = decoded
        for key in REQUIRED_META:
            if key not in meta:
                if not any(d[:2] == ("meta", key) for d in self.damage):
                    self.damage.append(("meta", key, "missing"))
                self.fatal = True
        m = self._meta(meta) if not self.fatal else Minutes()
        sections = self._sections()
        m.sections = list(sections.values())
        self._paragraphs(sections)
        m.rounds = [r for r in map(self._round, self._rows("round", "number")) if r]
        broken = {(t, k) for t, k, problem in self.damage if problem != "checksum"}
        self.damage = [d for d in self.damage if d[2] != "checksum" or d[:2] not in broken]
        return m

    def _meta(self, meta: dict[str, Any]) -> Minutes:
        def field(key: str, fn: Callable[[Any], T], default: Any) -> T | Any:
            if key not in meta:
                return default
            got = self._try(("meta", key), lambda: fn(meta[key]))
            if got is None and key in REQUIRED_META:
                self.fatal = True
            return default if got is None else got

        kw: dict[str, Any] = dict(
            meeting=field("meeting", lambda v: ser.meeting_in(v, meta.get("own_side", "KR")),
                          None),
            parties=field("parties", lambda v: {p.side: p for p in map(ser.party_in, v)}, {}),
            languages=field("languages", lambda v: [Lang(x) for x in v], []),
            own_side=field("own_side", Side, Side.KR),
            settings=field("settings", ser.settings_in, ser.settings_in({})),
            next_id=field("next_id", int, 1),
            author_sides=field("author_sides",
                               lambda v: {k: Side(x) for k, x in v.items()}, {}),
            glossary=field("glossary", lambda v: [lang_text(t) for t in v], []),
            dismissed=field("dismissed", dict, {}),
            spelling_ignore=field("spelling_ignore", lambda v: [str(w) for w in v], []),
            annexes=field("annexes", lambda v: [annex_in(a) for a in v], []),
            pairs=field("pairs", lambda v: [pair_in(p) for p in v], []),
            document_id=field("document_id", str, ""),
        )
        return Minutes() if self.fatal else Minutes(**kw)

    def _sections(self) -> dict[int, Section]:
        sections: dict[int, Section] = {}
        for sid, _pos, heading, numbered, tracks in self._rows("section", "position"):
            got = self._try(("section", str(sid)),
                            partial(_section, sid, heading, numbered, tracks))
            if got is not None:
                sections[got.id] = got
        return sections

    def _paragraphs(self, sections: dict[int, Section]) -> None:
        fast = fast_paragraphs(self.conn, sections)
        if fast is not None:
            for section, p in fast:
                section.paragraphs.append(p)
            return
        rows = self.conn.execute(f"SELECT {COLUMNS['paragraph']}, checksum FROM paragraph "
                                 "ORDER BY section_id, position").fetchall()
        self._careful_paragraphs(rows, sections)

    def _careful_paragraphs(self, rows: list[tuple[Any, ...]],
                            sections: dict[int, Section]) -> None:
        """Row by row, naming each damaged row (the fast pass met a problem)."""
        damage = self.damage
        for row in rows:
            values, stored = row[:-1], row[-1]
            if stored is not None and stored != checksum(values):
                damage.append(("paragraph", str(values[0]), "checksum"))
            try:
                p = _paragraph(values)
            except json.JSONDecodeError:
                damage.append(("paragraph", str(values[0]), "json"))
                continue
            except _BAD:
                damage.append(("paragraph", str(values[0]), "value"))
                continue
            section = sections.get(values[1])
            if section is None:
                damage.append(("paragraph", str(values[0]), "section"))
                continue
            section.paragraphs.append(p)

    def _round(self, row: tuple[Any, ...]) -> Round | None:
        number, side, time, note, snapshot = row
        return self._try(("round", str(number)), lambda: ser.round_in(
            {"number": number, "side": side, "time": time, "note": note,
             **json.loads(snapshot)}))


_LANGS = {lang.value: lang for lang in Lang}
_SIDES = {side.value: side for side in Side}
_STATUSES = {s.value: s for s in Status}


def _section(sid: Any, heading: str, numbered: Any, tracks: str) -> Section:
    return Section(int(sid), lang_text(json.loads(heading)), [], bool(numbered),
                   ser.tracks_in(json.loads(tracks)) if tracks != "{}" else {})


def _paragraph(row: tuple[Any, ...]) -> Paragraph:
    (pid, _sid, _pos, texts, voice, status, ad_ref, comments, tracks, mark, brackets,
     agreed) = row
    loads = json.loads
    text_map = loads(texts)
    if not set(map(type, text_map.values())) <= {str}:
        raise ValueError("texts")
    return Paragraph(
        int(pid), {_LANGS[k]: v for k, v in text_map.items()},
        _SIDES[voice] if voice else None, _STATUSES[status],
        _SIDES[ad_ref] if ad_ref else None,
        [ser.comment_in(c) for c in loads(comments)] if comments != "[]" else [],
        ser.tracks_in(loads(tracks)) if tracks != "{}" else {},
        ser.mark_in(loads(mark)) if mark else None,
        brackets_in(loads(brackets)) if brackets != "{}" else (),
        {_LANGS[k]: v for k, v in loads(agreed).items()} if agreed != "{}" else {},
    )
