"""A trilingual agreed document built through the model: the demo's first two sections, with
a Russian text of every line written for these tests."""

from __future__ import annotations

import dataclasses

from minutes_app.model import (
    DismissFinding, Lang, Minutes, Person, RemoveSection, SetMeeting, SetSettings, SetText,
)
from minutes_app.workflows.templates import demo

RU_TEXT = {
    2: "14-е заседание корейско-российского Подкомитета по Дальнему Востоку и Сибири "
       "(далее — «Подкомитет») в рамках Корейско-российской Совместной комиссии по "
       "экономическому и научно-техническому сотрудничеству состоялось 18 декабря 2020 г. "
       "в формате видеоконференции.",
    3: "Корейскую делегацию возглавлял Ким Гон, заместитель министра иностранных дел "
       "Республики Корея по политическим вопросам, Российскую делегацию — Александр "
       "Крутиков, заместитель Министра Российской Федерации по развитию Дальнего Востока "
       "и Арктики. Составы делегаций прилагаются (Приложения I и II).",
    4: "Стороны обсудили следующие вопросы и договорились о нижеследующем:",
    6: "Стороны отметили, что, несмотря на ограничения очных обменов из-за COVID-19 в 2020 г., "
       "когда отмечается 30-летие установления дипломатических отношений, две страны "
       "укрепили дружественные отношения благодаря активному общению.",
    7: "Корейская Сторона подчеркнула значение сотрудничества с Дальним Востоком России, на "
       "который приходится 50 процентов товарооборота и людских обменов между двумя странами.",
    8: "Российская Сторона предложила продолжить совместные усилия по расширению "
       "практического сотрудничества на Дальнем Востоке и в Арктике.",
    9: "По просьбе Российской Стороны Стороны решили переименовать Подкомитет в "
       "«Корейско-российский Подкомитет по Дальнему Востоку и Арктике» начиная с его "
       "15-го заседания.",
}
RU_HEADING = "Общий обзор двустороннего сотрудничества"
RU_HEADS = {"KR": ("Ким Гон", "Заместитель министра по политическим вопросам",
                   "Министерство иностранных дел Республики Корея"),
            "RU": ("Александр Крутиков", "Заместитель Министра",
                   "Министерство Российской Федерации по развитию Дальнего Востока и Арктики")}


def trilingual(prevailing: str = "en") -> Minutes:
    """Korean, Russian and English, agreed, with the demo's delegation lists."""
    m = demo(agreed=True)
    for section in list(m.sections[2:]):
        RemoveSection(section.id).apply(m)
    m.languages = [Lang.KO, Lang.RU, Lang.EN]
    meeting = m.meeting
    heads = {}
    for side, person in meeting.heads.items():
        name, title, org = RU_HEADS[side.value]
        heads[side] = Person({**person.name, Lang.RU: name}, {**person.title, Lang.RU: title},
                             {**person.organisation, Lang.RU: org})
    SetMeeting(dataclasses.replace(
        meeting, heads=heads,
        body={**meeting.body, Lang.RU: "корейско-российского Подкомитета по Дальнему Востоку "
              "и Сибири"},
        body_alternat={**meeting.body_alternat, Lang.RU: "российско-корейского Подкомитета по "
                       "Дальнему Востоку и Сибири"},
        place={**meeting.place, Lang.RU: "Сеуле и Москве"})).apply(m)
    for pid, text in RU_TEXT.items():
        SetText(pid, Lang.RU, text).apply(m)
    m.sections[1].heading[Lang.RU] = RU_HEADING
    SetSettings(dataclasses.replace(m.settings, prevailing=prevailing,
                                    signature_heading="side")).apply(m)
    for p in m.paragraphs():
        p.agreed_texts = dict(p.texts)
    from minutes_app.checks.conformity import blocking

    for finding in blocking(m):  # our short Russian text leaves out some numbers on purpose
        DismissFinding(finding.key, "test text").apply(m)
    return m
