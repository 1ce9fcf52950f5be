"""Delegation lists and free annexes edited piece by piece: each edit gives new annexes.

The functions return the new tuple of annexes; applying it with ``SetAnnexes`` is the one
undoable operation (its inverse restores the previous annexes).
"""

from __future__ import annotations

import csv
import dataclasses
import io

from minutes_app.errors import N_, Message, ValidationError
from minutes_app.model.annexes import (
    DELEGATION, FREE, Annex, delegation_of, new_annex_key, with_members,
)
from minutes_app.model.entities import Person
from minutes_app.model.minutes import Minutes
from minutes_app.model.types import Lang, LangText, Side

FIELDS = ("name", "title", "organisation")


def members(m: Minutes, side: Side) -> tuple[Person, ...]:
    """``side``'s delegation members (the head of delegation is in the meeting details)."""
    i = delegation_of(m, side)
    return m.annexes[i].members if i is not None else ()


def _person_in(person: Person, lang: Lang, parts: list[str]) -> Person:
    if len(parts) > len(FIELDS) or not parts[0].strip():
        raise ValidationError("A member is written NAME|TITLE|ORGANISATION (the name first).")
    values = {f: dict(getattr(person, f)) for f in FIELDS}
    for name, value in zip(FIELDS, parts + [""] * (len(FIELDS) - len(parts)), strict=True):
        values[name][lang] = value.strip()
    return Person(**values)


def _index(items: tuple[object, ...], n: int, what: str) -> int:
    if not 1 <= n <= len(items):
        raise ValidationError("There is no {what} {n} (there are {count_items}).",
                              what=Message(what), n=n, count_items=len(items))
    return n - 1


def add_member(m: Minutes, side: Side, lang: Lang, spec: str, at: int | None = None
               ) -> tuple[Annex, ...]:
    """Add a member from ``NAME|TITLE|ORG`` in ``lang``, at position ``at`` (1-based) or last."""
    people = list(members(m, side))
    person = _person_in(Person(), lang, spec.split("|"))
    people.insert(len(people) if at is None else max(0, at - 1), person)
    return with_members(m, side, tuple(people))


def set_member(m: Minutes, side: Side, n: int, lang: Lang, spec: str) -> tuple[Annex, ...]:
    """Set member ``n``'s name, title and organisation in ``lang``."""
    people = list(members(m, side))
    i = _index(tuple(people), n, N_("member"))
    people[i] = _person_in(people[i], lang, spec.split("|"))
    return with_members(m, side, tuple(people))


def remove_member(m: Minutes, side: Side, n: int) -> tuple[Annex, ...]:
    """Remove member ``n``."""
    people = list(members(m, side))
    del people[_index(tuple(people), n, N_("member"))]
    return with_members(m, side, tuple(people))


def move_member(m: Minutes, side: Side, n: int, to: int) -> tuple[Annex, ...]:
    """Move member ``n`` to position ``to`` (order of precedence)."""
    people = list(members(m, side))
    _index(tuple(people), to, N_("place"))  # a place that is there, not "the last one"
    person = people.pop(_index(tuple(people), n, N_("member")))
    people.insert(to - 1, person)
    return with_members(m, side, tuple(people))


def csv_header(langs: list[Lang]) -> list[str]:
    """``name_ko, title_ko, organisation_ko, name_en, ...``: a column per field and language."""
    return [f"{f}_{lang.value}" for lang in langs for f in FIELDS]


def csv_text(data: bytes) -> str:
    """A text or CSV file's text: UTF-8 (with or without BOM), else CP949 (Korean Excel)."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("The file is neither UTF-8 nor Korean Windows (CP949) text.")


def members_from_csv(text: str, langs: list[Lang]) -> tuple[Person, ...]:
    """Members from a CSV with a header row naming ``name_ko``, ``title_en``, ... columns."""
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    known = set(csv_header(list(Lang)))
    header = set(rows[0]) if rows else set()
    if not header & known:
        raise ValidationError("The CSV needs a header row such as {header}.",
                              header=",".join(csv_header(langs)))
    out = []
    for row in rows:
        values: dict[str, LangText] = {f: {} for f in FIELDS}
        for f in FIELDS:
            for lang in Lang:
                cell = (row.get(f"{f}_{lang.value}") or "").strip()
                if cell:
                    values[f][lang] = cell
        if any(values["name"].values()):
            out.append(Person(**values))
    return tuple(out)


def members_to_csv(people: tuple[Person, ...], langs: list[Lang]) -> str:
    """Members as the CSV ``members_from_csv`` reads (to fill in a spreadsheet)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_header(langs))
    for p in people:
        writer.writerow([getattr(p, f).get(lang, "") for lang in langs for f in FIELDS])
    return buffer.getvalue()


def add_free(m: Minutes, heading: LangText | None = None) -> tuple[Annex, ...]:
    """A new free annex at the end."""
    return (*m.annexes, Annex(FREE, heading=dict(heading or {}), key=new_annex_key()))


def set_free(m: Minutes, n: int, lang: Lang, heading: str | None = None,
             paragraphs: list[str] | None = None) -> tuple[Annex, ...]:
    """Set a free annex's heading and/or paragraphs in ``lang``."""
    annexes = list(m.annexes)
    i = _index(tuple(annexes), n, N_("annex"))
    annex = annexes[i]
    if annex.kind != FREE:
        raise ValidationError("Annex {n} is a delegation list; edit it with 'delegation'.", n=n)
    new_heading = dict(annex.heading)
    if heading is not None:
        new_heading[lang] = heading.strip()
    paras = [dict(p) for p in annex.paragraphs]
    if paragraphs is not None:
        paras += [{} for _ in range(len(paragraphs) - len(paras))]
        for k, p in enumerate(paras):
            p[lang] = paragraphs[k].strip() if k < len(paragraphs) else ""
        paras = [p for p in paras if any(v.strip() for v in p.values())]
    annexes[i] = dataclasses.replace(annex, heading=new_heading, paragraphs=tuple(paras))
    return tuple(annexes)


def remove_annex(m: Minutes, n: int) -> tuple[Annex, ...]:
    """Remove annex ``n`` (the others are renumbered; the text must cite them anew)."""
    annexes = list(m.annexes)
    del annexes[_index(tuple(annexes), n, N_("annex"))]
    return tuple(annexes)


def annex_at(m: Minutes, n: int) -> Annex:
    """Annex ``n`` (1-based), or a sentence saying there is none."""
    return m.annexes[_index(tuple(m.annexes), n, N_("annex"))]


def move_annex(m: Minutes, n: int, to: int) -> tuple[Annex, ...]:
    """Move annex ``n`` to number ``to``."""
    annexes = list(m.annexes)
    _index(tuple(annexes), to, N_("place"))  # a place that is there, not "the last one"
    annex = annexes.pop(_index(tuple(annexes), n, N_("annex")))
    annexes.insert(to - 1, annex)
    return tuple(annexes)


def add_delegation(m: Minutes, side: Side) -> tuple[Annex, ...]:
    """An empty delegation list for ``side`` at the end (unless it has one)."""
    if delegation_of(m, side) is not None:
        return tuple(m.annexes)
    return (*m.annexes, Annex(DELEGATION, side))
