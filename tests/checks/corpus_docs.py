"""Small documents for the conformity corpus, each made through the model's operations."""

from __future__ import annotations

from typing import Any

import dataclasses
import datetime as dt

from minutes_app.model import (
    InsertParagraph, InsertSection, Lang, Meeting, Minutes, Person, Section, SetMeeting, SetText,
    new_paragraph,
)
from minutes_app.workflows.templates import demo

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU
Texts = dict[Lang, str]


def meeting_ru(m: Meeting) -> Meeting:
    """The demo meeting with its Russian forms."""
    first, second = list(m.heads)
    kr, ru = m.heads[first], m.heads[second]
    heads = {
        first: Person(kr.name | {RU: "Ким Гон"},
                                 kr.title | {RU: "заместитель министра по политическим вопросам"},
                                 kr.organisation | {RU: "Министерство иностранных дел Республики "
                                                        "Корея"}),
        second: Person(ru.name | {RU: "Александр Крутиков"},
                                 ru.title | {RU: "заместитель Министра Российской Федерации по "
                                                 "развитию Дальнего Востока и Арктики"},
                                 ru.organisation | {RU: "Министерство Российской Федерации по "
                                                        "развитию Дальнего Востока и Арктики"}),
    }
    return dataclasses.replace(
        m, heads=heads,
        body=m.body | {RU: "Российско-Корейский подкомитет по Дальнему Востоку и Сибири"},
        body_alternat=m.body_alternat | {RU: "Российско-Корейский подкомитет по Дальнему Востоку "
                                             "и Сибири"},
        next_body=m.next_body | {RU: "Российско-Корейский подкомитет по Дальнему Востоку и "
                                     "Арктике"},
        format=m.format | {RU: "в формате видеоконференции"},
        venue=m.venue | {RU: "видеоконференция между Сеулом и Москвой"},
        place=m.place | {RU: "Сеуле и Москве"})


def document(langs: list[Lang], paragraphs: list[Texts], heading: Texts | None = None,
             meeting: Meeting | None = None) -> tuple[Minutes, list[int], int]:
    """A document with the demo's meeting, Parties and glossary, one section, ``paragraphs``."""
    base = demo(history=False)
    m = Minutes(parties=base.parties, languages=list(langs), glossary=base.glossary)
    SetMeeting(meeting or meeting_ru(base.meeting)).apply(m)
    sid = m.allocate_id()
    InsertSection(0, Section(sid, {lang: "" for lang in langs})).apply(m)
    from minutes_app.model import SetSectionHeading

    for lang in langs:
        SetSectionHeading(sid, lang, (heading or {}).get(lang, "")).apply(m)
    pids = []
    for i, texts in enumerate(paragraphs):
        p = new_paragraph(m)
        InsertParagraph(sid, i, p).apply(m)
        for lang in langs:
            SetText(p.id, lang, texts.get(lang, "")).apply(m)
        pids.append(p.id)
    return m, pids, sid


def shifted(m: Meeting, **changes: Any) -> Meeting:
    """The meeting with some details changed (ordinal, start)."""
    return dataclasses.replace(m, **changes)


__all__ = ["EN", "KO", "RU", "Texts", "document", "dt", "meeting_ru", "shifted"]
