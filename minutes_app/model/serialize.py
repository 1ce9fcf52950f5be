"""Minutes to and from plain JSON-able dicts (templates, the demo, snapshots, tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from collections.abc import Mapping

from minutes_app.errors import ValidationError
from minutes_app.model.entities import (
    Comment, Meeting, Paragraph, ParagraphMark, Party, Person, Round, Section, Settings,
)
from minutes_app.model.brackets import brackets_in, brackets_out
from minutes_app.model.track import Author, Seg, Track
from minutes_app.model.minutes import Minutes
from minutes_app.model.types import Lang, LangText, Side, Status, lang_text

Json = dict[str, Any]


def texts_out(texts: Mapping[Lang, str]) -> dict[str, str]:
    """A LangText as a dict keyed by language code."""
    return {lang.value: text for lang, text in texts.items()}


def person_out(p: Person) -> Json:
    """A Person as a dict."""
    return {"name": texts_out(p.name), "title": texts_out(p.title),
            "organisation": texts_out(p.organisation)}


def person_in(d: Json) -> Person:
    """A Person from a dict."""
    return Person(lang_text(d.get("name")), lang_text(d.get("title")),
                  lang_text(d.get("organisation")))


def meeting_out(m: Meeting) -> Json:
    """Meeting metadata as a dict."""
    return {
        "body": texts_out(m.body), "body_alternat": texts_out(m.body_alternat),
        "next_body": texts_out(m.next_body), "ordinal": m.ordinal,
        "start": m.start.isoformat(), "end": m.end.isoformat() if m.end else None,
        "format": texts_out(m.format), "venue": texts_out(m.venue), "place": texts_out(m.place),
        "heads": {side.value: person_out(p) for side, p in m.heads.items()},
        "text_order": m.text_order.value,
    }


def meeting_in(d: Json, own_side: str = "KR") -> Meeting:
    """Meeting metadata from a dict (a file from before ``text_order``: the own Side's order)."""
    return Meeting(
        body=lang_text(d.get("body")), body_alternat=lang_text(d.get("body_alternat")),
        next_body=lang_text(d.get("next_body")),
        ordinal=int(d.get("ordinal", 1)), start=dt.date.fromisoformat(d["start"]),
        end=dt.date.fromisoformat(d["end"]) if d.get("end") else None,
        format=lang_text(d.get("format")), venue=lang_text(d.get("venue")),
        place=lang_text(d.get("place")),
        heads={Side(k): person_in(v) for k, v in d.get("heads", {}).items()},
        text_order=Side(d.get("text_order", own_side)),
    )


def party_out(p: Party) -> Json:
    """A Party as a dict."""
    return {"side": p.side.value, "name": texts_out(p.name), "side_name": texts_out(p.side_name),
            "delegation": texts_out(p.delegation)}


def party_in(d: Json) -> Party:
    """A Party from a dict."""
    return Party(Side(d["side"]), lang_text(d.get("name")), lang_text(d.get("side_name")),
                 lang_text(d.get("delegation")))


def settings_out(s: Settings) -> Json:
    """Document settings as a dict."""
    return {"us_date_order": s.us_date_order, "latin_font": s.latin_font,
            "korean_font": s.korean_font, "layout": s.layout,
            "signature_heading": s.signature_heading, "prevailing": s.prevailing}


def settings_in(d: Json) -> Settings:
    """Document settings from a dict; unknown keys (from a newer app) are ignored."""
    known = settings_out(Settings()).keys()
    return Settings(**{k: v for k, v in d.items() if k in known})


def comment_out(c: Comment) -> Json:
    """A Comment as a dict."""
    d: Json = {"id": c.id, "side": c.side.value, "text": c.text, "created": c.created,
               "lang": c.lang.value if c.lang else None}
    # thread fields only when set: older files and comments stay as they were
    if c.author:
        d["author"] = c.author
    if c.parent is not None:
        d["parent"] = c.parent
    if c.resolved:
        d["resolved"] = True
    return d


def comment_in(d: Json) -> Comment:
    """A Comment from a dict."""
    parent = d.get("parent")
    return Comment(int(d["id"]), Side(d["side"]), d["text"], d.get("created", ""),
                   Lang(d["lang"]) if d.get("lang") else None, str(d.get("author", "")),
                   int(parent) if parent is not None else None, bool(d.get("resolved", False)))


def author_out(a: Author | None) -> list[Any] | None:
    """An Author as ``[side, round, time]``."""
    return None if a is None else [a.side.value, a.round, a.time]


def author_in(d: list[Any] | None) -> Author | None:
    """An Author from ``[side, round, time]``."""
    return None if d is None else Author(Side(d[0]), int(d[1]), str(d[2]))


def track_out(track: Track) -> list[list[Any]]:
    """A track as compact rows ``[kind, text, author, origin]``."""
    return [[s.kind, s.text, author_out(s.author), author_out(s.origin)] for s in track]


def track_in(rows: list[list[Any]]) -> Track:
    """A track from compact rows."""
    return tuple(Seg(r[0], r[1], author_in(r[2]), author_in(r[3])) for r in rows)


def tracks_out(tracks: dict[Lang, Track]) -> dict[str, list[list[Any]]]:
    """Every language's track."""
    return {lang.value: track_out(t) for lang, t in tracks.items()}


def tracks_in(d: dict[str, list[list[Any]]]) -> dict[Lang, Track]:
    """Every language's track from a dict."""
    return {Lang(k): track_in(v) for k, v in d.items()}


def mark_out(mark: ParagraphMark | None) -> Json | None:
    """A paragraph mark as a dict."""
    if mark is None:
        return None
    return {"kind": mark.kind, "author": author_out(mark.author),
            "from_section": mark.from_section, "from_position": mark.from_position}


def mark_in(d: Json | None) -> ParagraphMark | None:
    """A paragraph mark from a dict."""
    if not d:
        return None
    author = author_in(d["author"])
    assert author is not None
    return ParagraphMark(d["kind"], author, int(d.get("from_section", 0)),
                         int(d.get("from_position", 0)))


def paragraph_out(p: Paragraph) -> Json:
    """A Paragraph as a dict."""
    return {
        "id": p.id, "texts": texts_out(p.texts), "voice": p.voice.value if p.voice else None,
        "status": p.status.value, "ad_ref_side": p.ad_ref_side.value if p.ad_ref_side else None,
        "comments": [comment_out(c) for c in p.comments],
        "tracks": tracks_out(p.tracks), "mark": mark_out(p.mark),
        "brackets": brackets_out(p.brackets),
        "agreed_texts": texts_out(p.agreed_texts),
    }


def paragraph_in(d: Json) -> Paragraph:
    """A Paragraph from a dict."""
    return Paragraph(
        id=int(d["id"]), texts=lang_text(d.get("texts")),
        voice=Side(d["voice"]) if d.get("voice") else None,
        status=Status(d.get("status", "draft")),
        ad_ref_side=Side(d["ad_ref_side"]) if d.get("ad_ref_side") else None,
        comments=[comment_in(c) for c in d.get("comments", [])],
        tracks=tracks_in(d.get("tracks", {})), mark=mark_in(d.get("mark")),
        brackets=brackets_in(d.get("brackets", [])),
        agreed_texts=lang_text(d.get("agreed_texts")),
    )


def round_out(r: Round) -> Json:
    """A Round as a dict."""
    out: Json = {"number": r.number, "side": r.side.value, "time": r.time, "note": r.note,
           "texts": {str(pid): texts_out(t) for pid, t in r.texts.items()},
           "order": [[sid, list(pids)] for sid, pids in r.order]}
    if any(r.annexes):  # rounds without free annexes are written as before
        out["annexes"] = [[texts_out(t) for t in parts] for parts in r.annexes]
    if r.delegations:  # rounds without delegation lists are written as before
        out["delegations"] = {side.value: [person_out(p) for p in members]
                              for side, members in r.delegations}
    if any(r.annex_keys):  # rounds without keyed annexes are written as before
        out["annex_keys"] = list(r.annex_keys)
    return out


def round_in(d: Json) -> Round:
    """A Round from a dict."""
    texts: dict[int, LangText] = {int(k): lang_text(v) for k, v in d.get("texts", {}).items()}
    order = tuple((int(sid), tuple(int(p) for p in pids)) for sid, pids in d.get("order", []))
    annexes = tuple(tuple(lang_text(t) for t in parts) for parts in d.get("annexes", []))
    delegations = tuple((Side(k), tuple(person_in(p) for p in v))
                        for k, v in d.get("delegations", {}).items())
    keys = d.get("annex_keys", [])
    annex_keys = tuple(k if isinstance(k, str) else "" for k in keys) if isinstance(
        keys, list) else ()
    return Round(int(d["number"]), Side(d["side"]), d["time"], d.get("note", ""), texts, order,
                 annexes, delegations, annex_keys)


def minutes_out(m: Minutes) -> Json:
    """The whole document as a dict."""
    from minutes_app.model.annexes import annex_out, pair_out

    return {
        "meeting": meeting_out(m.meeting),
        "parties": [party_out(p) for p in m.parties.values()],
        "languages": [lang.value for lang in m.languages],
        "own_side": m.own_side.value,
        "settings": settings_out(m.settings),
        "next_id": m.next_id,
        "author_sides": {k: v.value for k, v in m.author_sides.items()},
        "glossary": [texts_out(t) for t in m.glossary],
        "dismissed": dict(m.dismissed),
        "spelling_ignore": list(m.spelling_ignore),
        "sections": [
            {"id": s.id, "heading": texts_out(s.heading), "numbered": s.numbered,
             "tracks": tracks_out(s.tracks),
             "paragraphs": [paragraph_out(p) for p in s.paragraphs]}
            for s in m.sections
        ],
        "rounds": [round_out(r) for r in m.rounds],
        "annexes": [annex_out(a) for a in m.annexes],
        "pairs": [pair_out(p) for p in m.pairs],
        **({"document_id": m.document_id} if m.document_id else {}),
    }


def minutes_in(d: Json) -> Minutes:
    """A document from a dict, with ids checked and the id counter past every id."""
    from minutes_app.model.annexes import annex_in, pair_in

    try:
        m = Minutes(
            meeting=meeting_in(d["meeting"], d.get("own_side", "KR")),
            parties={p.side: p for p in (party_in(x) for x in d.get("parties", []))},
            languages=[Lang(x) for x in d.get("languages", ["ko", "en"])],
            own_side=Side(d.get("own_side", "KR")),
            settings=settings_in(d.get("settings", {})),
            sections=[
                Section(int(s["id"]), lang_text(s.get("heading")),
                        [paragraph_in(p) for p in s.get("paragraphs", [])],
                        bool(s.get("numbered", True)), tracks_in(s.get("tracks", {})))
                for s in d.get("sections", [])
            ],
            rounds=[round_in(r) for r in d.get("rounds", [])],
            author_sides={k: Side(v) for k, v in d.get("author_sides", {}).items()},
            glossary=[lang_text(t) for t in d.get("glossary", [])],
            dismissed=dict(d.get("dismissed", {})),
            spelling_ignore=[str(w) for w in d.get("spelling_ignore", [])],
            annexes=[annex_in(a) for a in d.get("annexes", [])],
            pairs=[pair_in(p) for p in d.get("pairs", [])],
            document_id=str(d.get("document_id", "")),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ValidationError("The document data is malformed ({exc!r}).", exc=exc) from None
    ids = [s.id for s in m.sections] + [p.id for p in m.paragraphs()]
    if len(ids) != len(set(ids)):
        raise ValidationError("The document data uses an id twice.")
    comment_ids = [c.id for p in m.paragraphs() for c in p.comments]
    m.next_id = max([int(d.get("next_id", 1)), *(i + 1 for i in ids + comment_ids)])
    return m
