"""Numbers written as words (Russian in every case, Korean native numerals), clock times and
acronyms in one language only: correct translations give no finding, wrong ones block.

The cases are the tester's (checks12: rows 2, 3, 12 and 17) and more of the same kinds, each a
paragraph added to the agreed demo in Korean/English or Korean/Russian/English.
"""

from __future__ import annotations

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.checks.finding import ERROR, WARNING, Finding
from minutes_app.checks.values import values
from minutes_app.i18n.findings import describe
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo
from tests.checks.corpus_docs import document

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU


def _findings(ko: str, en: str, ru: str | None = None) -> list[Finding]:
    """The findings of one paragraph in Korean/English, or Korean/Russian/English with ``ru``."""
    langs = [KO, RU, EN] if ru is not None else [KO, EN]
    m, pids, _sid = document(langs, [{KO: ko, EN: en} | ({RU: ru} if ru is not None else {})])
    return [f for f in findings(m) if f.place_id == str(pids[0])]


def test_the_agreed_demo_stays_clean() -> None:
    for langs in ([KO, EN], [KO, RU, EN]):
        assert findings(demo(agreed=True, languages=langs)) == []


# (ko, en, ru): correct translations
CORRECT = [
    # Russian numbers in words, in every case
    ("양측은 5개 지역에서 시범사업을 추진하기로 하였다.",
     "The two Sides agreed to carry out pilot projects in five regions.",
     "Стороны договорились реализовать пилотные проекты в пяти регионах."),
    ("양측은 12개 지역에서 협력하기로 하였다.", "The two Sides agreed to cooperate in 12 regions.",
     "Стороны договорились сотрудничать в двенадцати регионах."),
    ("양측은 25개 지역에서 협력하기로 하였다.", "The two Sides agreed to cooperate in 25 regions.",
     "Стороны договорились сотрудничать в двадцати пяти регионах."),
    ("양측은 4개 지역에서 협력하기로 하였다.", "The two Sides agreed to cooperate in 4 regions.",
     "Стороны договорились сотрудничать в четырех регионах."),
    ("양측은 4개 지역에서 협력하기로 하였다.", "The two Sides agreed to cooperate in four regions.",
     "Стороны договорились сотрудничать в четырёх регионах."),
    ("양측은 100개 기업의 참여를 환영하였다.",
     "The two Sides welcomed the participation of 100 companies.",
     "Стороны приветствовали участие ста компаний."),
    ("양측은 10개 기관과 협력하기로 하였다.",
     "The two Sides agreed to cooperate with ten institutions.",
     "Стороны договорились сотрудничать с десятью учреждениями."),
    ("양측은 2개 사업의 이행을 점검하였다.",
     "The two Sides reviewed the implementation of two projects.",
     "Стороны рассмотрели ход реализации двух проектов."),
    ("양측은 2개 기관과 협력하기로 하였다.",
     "The two Sides agreed to cooperate with two institutions.",
     "Стороны договорились сотрудничать с двумя учреждениями."),
    ("양측은 3개국과 협력하기로 하였다.", "The two Sides agreed to cooperate with three countries.",
     "Стороны договорились сотрудничать с тремя странами."),
    ("양측은 3년간 공동연구를 수행하기로 하였다.",
     "The two Sides agreed to carry out joint research for three years.",
     "Стороны договорились проводить совместные исследования в течение трех лет."),
    ("양측은 17개 사업을 점검하였다.", "The two Sides reviewed 17 projects.",
     "Стороны рассмотрели семнадцать проектов."),
    ("양측은 40개 기업의 참여를 환영하였다.",
     "The two Sides welcomed the participation of forty companies.",
     "Стороны приветствовали участие сорока компаний."),
    ("양측은 250개 기업의 참여를 환영하였다.",
     "The two Sides welcomed the participation of 250 companies.",
     "Стороны приветствовали участие двухсот пятидесяти компаний."),
    ("양측은 100만 달러를 지원하기로 하였다.", "The two Sides agreed to provide USD 1 million.",
     "Стороны договорились выделить один миллион долларов США."),
    ("양측은 150만 달러를 지원하기로 하였다.", "The two Sides agreed to provide USD 1.5 million.",
     "Стороны договорились выделить полтора миллиона долларов США."),
    ("양측은 300만 달러를 지원하기로 하였다.",
     "The two Sides agreed to provide three million US dollars.",
     "Стороны договорились выделить три миллиона долларов США."),
    ("양측은 250만 달러를 지원하기로 하였다.", "The two Sides agreed to provide USD 2.5 million.",
     "Стороны договорились выделить два с половиной миллиона долларов США."),
    ("양측은 25만 달러를 지원하기로 하였다.", "The two Sides agreed to provide USD 250,000.",
     "Стороны договорились выделить двести пятьдесят тысяч долларов США."),
    ("양측은 25명 규모의 경제사절단을 파견하기로 하였다.",
     "The two Sides agreed to send an economic mission of twenty-five members.",
     "Стороны договорились направить экономическую миссию в составе двадцати пяти человек."),
    ("양측은 12개 기관이 참여하는 협의체를 구성하기로 하였다.",
     "The two Sides agreed to set up a council of a dozen institutions.",
     "Стороны договорились создать совет из двенадцати учреждений."),
    ("양측은 제21차 회의 결과를 평가하였다.",
     "The two Sides appreciated the outcome of the 21st meeting.",
     "Стороны высоко оценили итоги двадцать первого заседания."),
    ("양측은 21세기 협력 방향을 논의하였다.",
     "The two Sides discussed the direction of cooperation in the twenty-first century.",
     "Стороны обсудили направления сотрудничества в двадцать первом веке."),
    ("양측은 수교 30주년을 기념하기로 하였다.",
     "The two Sides agreed to mark the 30th anniversary of diplomatic relations.",
     "Стороны договорились отметить тридцатилетие установления дипломатических отношений."),
    ("양측은 3개년 계획을 채택하였다.", "The two Sides adopted a three-year plan.",
     "Стороны приняли трехлетний план."),
    ("양측은 3개년 계획을 채택하였다.", "The two Sides adopted a three-year plan.",
     "Стороны приняли трёхлетний план."),
    ("양측은 3자 협력을 논의하였다.", "The two Sides discussed trilateral cooperation.",
     "Стороны обсудили трехстороннее сотрудничество."),
    ("양측은 G20에서의 협력을 논의하였다.", "The two Sides discussed cooperation in the G20.",
     "Стороны обсудили сотрудничество в «Группе двадцати»."),
    ("양측은 동 협정 중 하나의 이행을 점검하였다.",
     "The two Sides reviewed the implementation of one of the agreements.",
     "Стороны рассмотрели ход реализации одного из соглашений."),
    ("양측은 양국 관계의 발전을 환영하였다.",
     "The two Sides welcomed the development of relations between the two countries.",
     "Стороны приветствовали развитие отношений между двумя странами."),
    # Korean native numerals
    ("양측은 열두 개 지역에서 협력하기로 하였다.",
     "The two Sides agreed to cooperate in 12 regions.",
     "Стороны договорились сотрудничать в 12 регионах."),
    ("양측은 스물다섯 명의 전문가를 파견하기로 하였다.",
     "The two Sides agreed to send twenty-five experts.",
     "Стороны договорились направить двадцать пять экспертов."),
    ("양측은 세 가지 방안을 논의하였다.", "The two Sides discussed three options.",
     "Стороны обсудили три варианта."),
    ("양측은 관세 인하와 세부 사항을 논의하였다.",
     "The two Sides discussed tariff cuts and details.",
     "Стороны обсудили снижение тарифов и детали."),
    # clock times
    ("양측은 오후 3시에 공동기자회견을 갖기로 하였다.",
     "The two Sides agreed to hold a joint press conference at 3 p.m.",
     "Стороны договорились провести совместную пресс-конференцию в 15:00."),
    ("양측은 오후 3시에 공동기자회견을 갖기로 하였다.",
     "The two Sides agreed to hold a joint press conference at 3 p.m.",
     "Стороны договорились провести совместную пресс-конференцию в 15 часов."),
    ("양측은 14:30에 공동기자회견을 갖기로 하였다.",
     "The two Sides agreed to hold a joint press conference at 2:30 p.m.",
     "Стороны договорились провести совместную пресс-конференцию в 14:30."),
    ("양측은 오후 2시 30분에 회담을 갖기로 하였다.", "The two Sides agreed to hold talks at 14:30.",
     "Стороны договорились провести переговоры в 14 ч 30 мин."),
    ("양측은 오후 3시 30분에 회담을 갖기로 하였다.",
     "The two Sides agreed to hold talks at 3.30 p.m.",
     "Стороны договорились провести переговоры в 15:30."),
    ("양측은 정오에 회담을 갖기로 하였다.", "The two Sides agreed to hold talks at noon.",
     "Стороны договорились провести переговоры в 12:00."),
    ("양측은 정오에 회담을 갖기로 하였다.", "The two Sides agreed to hold talks at midday.",
     "Стороны договорились провести переговоры в полдень."),
    ("양측은 자정까지 협상을 계속하였다.", "The two Sides continued negotiations until midnight.",
     "Стороны продолжили переговоры до полуночи."),
    ("양측은 오전 10시에 회담을 갖기로 하였다.", "The two Sides agreed to hold talks at 10 a.m.",
     "Стороны договорились провести переговоры в 10 часов утра."),
    ("양측은 오후 7시에 만찬을 갖기로 하였다.", "The two Sides agreed to hold a dinner at 7 pm.",
     "Стороны договорились провести ужин в 7 часов вечера."),
    ("양측은 3시에 회담을 갖기로 하였다.", "The two Sides agreed to hold talks at 3 p.m.",
     "Стороны договорились провести переговоры в 15:00."),
    ("양측은 3시간 동안 회담하였다.", "The two Sides held talks for three hours.",
     "Стороны провели переговоры в течение трех часов."),
    ("양측은 3시간 동안 회담하였다.", "The two Sides held talks for 3 hours.",
     "Стороны провели переговоры в течение 3 часов."),
    ("양측은 오전 10시 30분에 회담을 갖기로 하였다.",
     "The two Sides agreed to hold talks at 10.30.",
     "Стороны договорились провести переговоры в 10:30."),
    ("양측은 관세를 10.5% 인하하기로 하였다.",
     "The two Sides agreed to cut tariffs by 10.5 per cent.",
     "Стороны договорились снизить тарифы на 10,5 %."),
    ("양측은 10시부터 12시까지 회담을 갖기로 하였다.",
     "The two Sides agreed to hold talks from 10 a.m. to 12 noon.",
     "Стороны договорились провести переговоры с 10 до 12 часов."),
    ("양측은 오후 2시부터 4시까지 회담을 갖기로 하였다.",
     "The two Sides agreed to hold talks from 2 to 4 p.m.",
     "Стороны договорились провести переговоры с 14 до 16 часов."),
    ("양측은 10~12시에 회담을 갖기로 하였다.",
     "The two Sides agreed to hold talks from 10:00 to 12:00.",
     "Стороны договорились провести переговоры с 10:00 до 12:00."),
    # acronyms in one language only that name a currency
    ("양측은 미화 100만 달러를 지원하기로 하였다.",
     "The two Sides agreed to provide 1 million US dollars.",
     "Стороны договорились выделить 1 млн долларов США."),
    ("양측은 250만 달러를 지원하기로 하였다.", "The two Sides agreed to provide US$2.5 million.",
     "Стороны договорились выделить 2,5 млн долл. США."),
    ("양측은 미화 100만 달러를 지원하기로 하였다.",
     "The two Sides agreed to provide one million US dollars.",
     "Стороны договорились выделить один миллион долларов США."),
    ("양측은 제3국 공동 진출을 모색하기로 하였다.",
     "The two Sides agreed to explore joint entry into third countries.",
     "Стороны договорились изучить возможности совместного выхода на рынки третьих стран."),
]


@pytest.mark.parametrize("ko,en,ru", CORRECT, ids=[c[2][:40] for c in CORRECT])
def test_correct_translations_give_no_finding(ko: str, en: str, ru: str) -> None:
    assert [describe(f) for f in _findings(ko, en, ru)] == []


@pytest.mark.parametrize("ko,en,_ru", [c for c in CORRECT if "Группе" not in c[2]],
                         ids=[c[1][:40] for c in CORRECT if "Группе" not in c[2]])
def test_correct_korean_english_give_no_finding(ko: str, en: str, _ru: str) -> None:
    assert [describe(f) for f in _findings(ko, en)] == []


# (ko, en, ru or None, what the message must show in English): errors that must block
ERRORS = [
    ("양측은 5개 지역에서 협력하기로 하였다.", "The two Sides agreed to cooperate in five regions.",
     "Стороны договорились сотрудничать в шести регионах.", "шести"),
    ("양측은 25개 지역에서 협력하기로 하였다.", "The two Sides agreed to cooperate in 25 regions.",
     "Стороны договорились сотрудничать в двадцати шести регионах.", "двадцати шести"),
    ("양측은 12개 지역에서 협력하기로 하였다.", "The two Sides agreed to cooperate in 12 regions.",
     "Стороны договорились сотрудничать в тринадцати регионах.", "тринадцати"),
    ("양측은 100개 기업의 참여를 환영하였다.",
     "The two Sides welcomed the participation of 100 companies.",
     "Стороны приветствовали участие двухсот компаний.", "двухсот"),
    ("양측은 제21차 회의 결과를 평가하였다.",
     "The two Sides appreciated the outcome of the 21st meeting.",
     "Стороны высоко оценили итоги двадцать второго заседания.", "двадцать второго"),
    ("양측은 150만 달러를 지원하기로 하였다.", "The two Sides agreed to provide USD 1.5 million.",
     "Стороны договорились выделить два с половиной миллиона долларов США.",
     "два с половиной миллиона"),
    ("양측은 수교 30주년을 기념하기로 하였다.",
     "The two Sides agreed to mark the 30th anniversary of diplomatic relations.",
     "Стороны договорились отметить двадцатилетие установления дипломатических отношений.",
     "двадцатилетие"),
    ("양측은 세 개 지역에서 협력하기로 하였다.",
     "The two Sides agreed to cooperate in four regions.",
     None, "세 개"),
    ("양측은 열두 개 지역에서 협력하기로 하였다.",
     "The two Sides agreed to cooperate in 13 regions.",
     None, "열두 개"),
    # clock times: the half of the day, the minutes
    ("양측은 오후 3시에 회담을 갖기로 하였다.",
     "The two Sides agreed to hold talks at 3 a.m.", None,
     "3 a.m"),
    ("양측은 오전 10시에 공동기자회견을 갖기로 하였다.",
     "The two Sides agreed to hold a joint press conference at 10 p.m.", None, "오전 10시"),
    ("양측은 오전 10시에 공동기자회견을 갖기로 하였다.",
     "The two Sides agreed to hold a joint press conference at 10 p.m.",
     "Стороны договорились провести совместную пресс-конференцию в 10:00.", "10 p.m"),
    ("양측은 14시 30분에 공동기자회견을 갖기로 하였다.",
     "The two Sides agreed to hold a joint press conference at 4.30 p.m.",
     "Стороны договорились провести совместную пресс-конференцию в 14 ч 30 мин.", "4.30 p.m"),
    ("양측은 오후 3시에 회담을 갖기로 하였다.", "The two Sides agreed to hold talks at 3 p.m.",
     "Стороны договорились провести переговоры в 3 часа ночи.", "3 часа ночи"),
    ("양측은 정오에 회담을 갖기로 하였다.", "The two Sides agreed to hold talks at midnight.", None,
     "midnight"),
    ("양측은 오후 2시부터 4시까지 회담을 갖기로 하였다.",
     "The two Sides agreed to hold talks from 2 to 4 a.m.", None, "4 a.m"),
]


@pytest.mark.parametrize("ko,en,ru,shown", ERRORS, ids=[e[3] for e in ERRORS])
def test_wrong_numbers_and_times_block(ko: str, en: str, ru: str | None, shown: str) -> None:
    found = [f for f in _findings(ko, en, ru) if f.kind == "numbers"]
    assert found and all(f.severity == ERROR for f in found)
    assert any(shown in describe(f) for f in found), [describe(f) for f in found]


def test_times_are_shown_as_times_never_split() -> None:
    found = _findings("양측은 오전 10시에 공동기자회견을 갖기로 하였다.",
                      "The two Sides agreed to hold a joint press conference at 10 p.m.",
                      "Стороны договорились провести совместную пресс-конференцию в 10:00.")
    said = [describe(f) for f in found]
    assert "Times differ: Russian has 10:00; English has 10 p.m." in said
    assert not any("10, 00" in s for s in said)


def test_a_number_one_language_lacks_is_said_so() -> None:
    found = _findings("양측은 5개 지역에서 협력하기로 하였다.",
                      "The two Sides agreed to cooperate in several regions.")
    assert [describe(f) for f in found] == [
        "Numbers differ: Korean has 5; English states no such number, in digits or in words."]


def test_a_place_is_shown_as_written_not_as_its_stem() -> None:
    found = _findings("양측은 사할린주와의 협력을 논의하였다.",
                      "The two Sides discussed cooperation with Sakhalin Region.",
                      "Стороны обсудили сотрудничество с Камчатским краем.")
    said = " ".join(describe(f) for f in found)
    assert "Камчатским" in said and "Камчат;" not in said and "Камчат," not in said


def test_an_acronym_added_in_brackets_in_one_language_warns() -> None:
    for ru in (None, "Стороны высоко оценили роль Корпорации развития Дальнего Востока."):
        found = _findings(
            "양측은 극동개발공사의 역할을 평가하였다.",
            "The two Sides appreciated the role of the Far East Development Corporation (FEDC).",
            ru)
        assert [(f.kind, f.severity) for f in found] == [("acronyms", WARNING)]
        assert "FEDC" in describe(found[0])


def test_a_different_acronym_still_blocks() -> None:
    found = _findings(
        "양측은 대한무역투자진흥공사(KOICA)의 역할을 평가하였다.",
        "The two Sides appreciated the role of the Korea Trade-Investment Promotion Agency "
        "(KOTRA).")
    assert ("acronyms", ERROR) in [(f.kind, f.severity) for f in found]


def test_an_acronym_dropped_beside_a_currency_still_blocks() -> None:
    found = _findings("양측은 아시아태평양경제협력체(APEC)에 100만 달러를 지원하기로 하였다.",
                      "The two Sides agreed to provide 1 million US dollars to the Asia-Pacific "
                      "Economic Cooperation.")
    assert any(f.kind == "acronyms" and "APEC" in describe(f) and "US" not in describe(f)
               for f in found)


@pytest.mark.parametrize("text,lang,read", [
    ("в пяти регионах", RU, [(5.0, "пяти")]),
    ("двадцати пяти регионах", RU, [(25.0, "двадцати пяти")]),
    ("двести пятьдесят тысяч рублей", RU, [(250000.0, "двести пятьдесят тысяч")]),
    ("полтора миллиона долларов", RU, [(1500000.0, "полтора миллиона")]),
    ("сто двадцать пятый", RU, [(125.0, "сто двадцать пятый")]),
    ("тремя странами", RU, [(3.0, "тремя")]),
    ("рынки третьих стран", RU, [(3.0, "третьих")]),
    ("двух третьих голосов", RU, [(0.6666666667, "двух третьих")]),
    ("сорока двух", RU, [(42.0, "сорока двух")]),
    ("обе стороны, одного из них, с одной стороны", RU, []),
    ("семью", RU, []),
    ("Стороны обсудили сотрудничество", RU, []),
    ("열두 개 지역", KO, [(12.0, "열두 개")]),
    ("세개 지역", KO, [(3.0, "세개")]),
    ("관세 인하, 열 공급, 회의가 열렸다, 한국을 위한, 세부 사항, 두부", KO, []),
    ("오후 3시 30분", KO, [(930.0, "오후 3시 30분")]),
    ("3 p.m. and 10:15", EN, [(900.0, "3 p.m"), (615.0, "10:15")]),
    ("в 15 часов", RU, [(900.0, "15 часов")]),
    ("в течение 15 часов", RU, [(15.0, "15")]),
])
def test_what_is_read(text: str, lang: Lang, read: list[tuple[float, str]]) -> None:
    assert [(q.value, text[q.start:q.end]) for q in values(text, lang).quantities] == read


def test_an_acronym_changed_in_brackets_still_blocks() -> None:
    found = _findings("양측은 극동개발공사(FEDC)의 역할을 평가하였다.",
                      "The two Sides appreciated the role of the Far East Development "
                      "Corporation (FEDC).",
                      "Стороны высоко оценили роль Корпорации развития Дальнего Востока (FEDK).")
    assert ("acronyms", ERROR) in [(f.kind, f.severity) for f in found]
