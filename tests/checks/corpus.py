"""The conformity corpus: realistic translator's errors in one language, and correct variants.

Every text is the kind of sentence agreed minutes hold (Korea-Russia Far East Sub-committee).
An error case names a base translation, the language it corrupts, the words replaced and the
kinds of finding a reviewer expects; a correct variant is a translation that must pass clean.
"""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.model import Lang

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU

BASE: dict[str, dict[Lang, str]] = {
    "forum": {
        KO: "양측은 2021년 상반기 중 블라디보스토크에서 제3차 한·러 지방협력포럼을 개최하기로 "
            "합의하였다.",
        EN: "The two Sides agreed to hold the 3rd Korea-Russia Interregional Cooperation Forum in "
            "Vladivostok in the first half of 2021.",
        RU: "Стороны договорились провести 3-й Российско-Корейский форум межрегионального "
            "сотрудничества во Владивостоке в первом полугодии 2021 года.",
    },
    "share": {
        KO: "한국측은 러시아 극동 지역이 양국 간 교역의 약 50%를 차지한다고 언급하였다.",
        EN: "The Korean Side noted that the Russian Far East accounts for about 50 percent of "
            "bilateral trade.",
        RU: "Корейская Сторона отметила, что на Дальний Восток России приходится около "
            "50 процентов двусторонней торговли.",
    },
    "kicp": {
        KO: "양측은 연해주 한·러 경제협력 산업단지(KICP) 조성 사업에 약 1조 2천억 원이 투자될 "
            "예정임을 확인하였다.",
        EN: "The two Sides confirmed that about KRW 1.2 trillion is to be invested in the "
            "construction of the Korea-Russia Economic Cooperation Industrial Complex in "
            "Primorsky Krai (KICP).",
        RU: "Стороны подтвердили, что в создание Российско-Корейского индустриального парка "
            "экономического сотрудничества в Приморском крае (KICP) планируется инвестировать "
            "около 1,2 трлн вон.",
    },
    "nsr": {
        KO: "러시아측은 2021년 말까지 북극항로를 통한 컨테이너 운송량을 10만 TEU로 늘릴 "
            "계획이라고 설명하였다.",
        EN: "The Russian Side explained that it plans to increase container transport on the "
            "Northern Sea Route to 100,000 TEU by the end of 2021.",
        RU: "Российская Сторона сообщила о планах увеличить объём контейнерных перевозок по "
            "Северному морскому пути до 100 тыс. TEU к концу 2021 года.",
    },
    "health": {
        KO: "양측은 2020년 12월 18일 화상으로 개최된 회의에서 보건·의료 분야 협력 방안을 "
            "논의하였다.",
        EN: "The two Sides discussed ways of cooperation in health and medical care at the "
            "meeting held by videoconference on 18 December 2020.",
        RU: "Стороны обсудили пути сотрудничества в области здравоохранения и медицины на "
            "заседании, состоявшемся 18 декабря 2020 г. в формате видеоконференции.",
    },
    "twice": {
        KO: "양측은 2018년 11월 출범 이래 두 차례 개최된 포럼의 성과를 평가하였다.",
        EN: "The two Sides appreciated the results of the Forum, held twice since its launch in "
            "November 2018.",
        RU: "Стороны высоко оценили итоги форума, который с момента учреждения в ноябре "
            "2018 года проводился дважды.",
    },
    "fields": {
        KO: "양측은 러시아 극동 지역 항만 인프라 현대화, 에너지, 수산 분야에서의 협력을 확대해 "
            "나가기로 하였다.",
        EN: "The two Sides agreed to expand cooperation in the modernisation of port "
            "infrastructure in the Russian Far East, energy and fisheries.",
        RU: "Стороны договорились расширять сотрудничество в модернизации портовой "
            "инфраструктуры на Дальнем Востоке России, в энергетике и рыболовстве.",
    },
    "heads": {
        KO: "한국 대표단은 김건 대한민국 외교부 차관보가 수석대표로 참석하였다.",
        EN: "The Korean Delegation was headed by Mr. Kim Gunn, Deputy Minister for Political "
            "Affairs of the Ministry of Foreign Affairs of the Republic of Korea.",
        RU: "Корейскую делегацию возглавлял Ким Гон, заместитель министра по политическим "
            "вопросам Министерства иностранных дел Республики Корея.",
    },
    "preamble": {
        KO: "한·러 극동·시베리아 분과위원회 제14차 회의가 2020년 12월 18일 화상으로 "
            "개최되었다.",
        EN: "The 14th meeting of the Korea-Russia Far East and Siberia Sub-committee was held in "
            "a virtual format on 18 December 2020.",
        RU: "14-е заседание Российско-Корейский подкомитет по Дальнему Востоку и Сибири "
            "состоялось 18 декабря 2020 г. в формате видеоконференции.",
    },
    "asez": {
        KO: "양측은 선도개발구역(ASEZ) 내 한국 기업의 투자 확대를 환영하였다.",
        EN: "The two Sides welcomed the growing investment of Korean companies in the Advanced "
            "Special Economic Zones (ASEZ).",
        RU: "Стороны приветствовали рост инвестиций корейских компаний в территориях "
            "опережающего развития (ASEZ).",
    },
    "half": {
        KO: "러시아측은 동 지역 교역의 절반이 에너지 분야에서 이루어진다고 언급하였다.",
        EN: "The Russian Side noted that half of the trade of the region is in the energy "
            "sector.",
        RU: "Российская Сторона отметила, что половина торговли региона приходится на "
            "энергетику.",
    },
    "agreement": {
        KO: "양측은 한국토지주택공사(LH)와 극동개발공사 간 「이행협정」이 체결된 것을 "
            "환영하였다.",
        EN: "The two Sides welcomed the conclusion of the “Implementation Agreement” between the "
            "Korea Land and Housing Corporation (LH) and the Far East Development Corporation.",
        RU: "Стороны приветствовали заключение «Соглашения о реализации» между Корейской "
            "корпорацией земли и жилья (LH) и Корпорацией развития Дальнего Востока.",
    },
    "briefing": {
        KO: "러시아측은 북극 투자 제도에 관한 설명회를 2021년 3분기에 개최할 것을 "
            "제안하였다.",
        EN: "The Russian Side proposed to hold a briefing session on the system of investment in "
            "the Arctic in the third quarter of 2021.",
        RU: "Российская Сторона предложила провести презентацию системы инвестиций в Арктике в "
            "III квартале 2021 года.",
    },
    "budget": {
        KO: "양측은 동 사업에 2021년부터 3년간 총 250억 달러 규모의 투자가 이루어질 것으로 "
            "기대하였다.",
        EN: "The two Sides expected investment in the project to total USD 25 billion over three "
            "years from 2021.",
        RU: "Стороны выразили ожидание, что инвестиции в проект составят 25 млрд долларов США в "
            "течение трёх лет начиная с 2021 года.",
    },
}


class Error(NamedTuple):
    """One language of a base translation corrupted as a translator might."""

    base: str
    lang: Lang
    old: str
    new: str
    kinds: frozenset[str]


def _e(base: str, lang: Lang, old: str, new: str, *kinds: str) -> Error:
    return Error(base, lang, old, new, frozenset(kinds))


ERRORS: list[Error] = [
    # periods: halves, quarters, early / late
    _e("forum", KO, "상반기", "하반기", "periods"),
    _e("forum", EN, "first half", "second half", "periods"),
    _e("forum", RU, "первом полугодии", "втором полугодии", "periods"),
    _e("nsr", KO, "2021년 말", "2021년 초", "periods"),
    _e("nsr", EN, "by the end of 2021", "by early 2021", "periods"),
    _e("nsr", RU, "к концу 2021 года", "к началу 2021 года", "periods"),
    _e("briefing", KO, "3분기", "4분기", "periods"),
    _e("briefing", EN, "third quarter", "fourth quarter", "periods"),
    _e("briefing", RU, "III квартале", "IV квартале", "periods"),
    _e("forum", EN, "in the first half of 2021", "in 2021", "periods"),
    # places and bodies
    _e("forum", KO, "블라디보스토크", "하바롭스크", "names"),
    _e("forum", EN, "Vladivostok", "Khabarovsk", "names"),
    _e("forum", RU, "Владивостоке", "Хабаровске", "names"),
    _e("nsr", KO, "북극항로", "시베리아횡단철도", "names"),
    _e("nsr", EN, " on the Northern Sea Route", "", "names"),
    _e("share", KO, "극동 지역", "시베리아 지역", "names"),
    _e("share", EN, "Korean Side", "Russian Side", "names"),
    _e("share", KO, "한국측은", "러시아측은", "names"),
    _e("share", RU, "Корейская Сторона", "Российская Сторона", "names"),
    _e("kicp", KO, "연해주", "하바롭스크", "names", "glossary"),
    _e("kicp", RU, "Приморском крае", "Хабаровском крае", "names", "glossary"),
    _e("agreement", EN, "Far East Development Corporation", "Far East Investment Agency",
       "glossary", "names"),
    # numbers, scales, currencies, fractions, ordinals
    _e("share", KO, "50%", "40%", "numbers"),
    _e("share", EN, "50 percent", "15 percent", "numbers"),
    _e("share", RU, "50 процентов", "5 процентов", "numbers"),
    _e("kicp", KO, "1조 2천억 원", "1조 2천만 원", "numbers"),
    _e("kicp", EN, "KRW 1.2 trillion", "KRW 1.2 billion", "numbers"),
    _e("kicp", RU, "1,2 трлн", "1,2 млрд", "numbers"),
    _e("kicp", KO, "1조 2천억 원", "1,200억 원", "numbers"),
    _e("kicp", EN, "KRW 1.2 trillion", "USD 1.2 trillion", "units"),
    _e("kicp", KO, "1조 2천억 원", "1조 2천억 달러", "units"),
    _e("nsr", KO, "10만 TEU", "1만 TEU", "numbers"),
    _e("nsr", EN, "100,000 TEU", "10,000 TEU", "numbers"),
    _e("nsr", RU, "100 тыс. TEU", "10 тыс. TEU", "numbers"),
    _e("budget", KO, "250억 달러", "25억 달러", "numbers"),
    _e("budget", EN, "USD 25 billion", "USD 2.5 billion", "numbers"),
    _e("budget", RU, "25 млрд долларов", "25 млн долларов", "numbers"),
    _e("budget", KO, "250억 달러", "250억 루블", "units"),
    _e("budget", EN, "over three years", "over five years", "numbers"),
    _e("budget", KO, "3년간", "5년간", "numbers"),
    _e("half", EN, "half of the trade", "a third of the trade", "numbers"),
    _e("half", KO, "절반이", "3분의 1이", "numbers"),
    _e("half", RU, "половина", "треть", "numbers"),
    _e("forum", EN, "3rd", "4th", "numbers"),
    _e("forum", KO, "제3차", "제4차", "numbers"),
    _e("forum", RU, "3-й", "4-й", "numbers"),
    _e("forum", KO, "2021년", "2022년", "numbers"),
    _e("forum", RU, "2021 года", "2022 года", "numbers"),
    _e("twice", KO, "두 차례", "세 차례", "numbers"),
    _e("twice", EN, "held twice", "held three times", "numbers"),
    _e("twice", RU, "дважды", "трижды", "numbers"),
    _e("preamble", EN, "14th meeting", "fifteenth meeting", "numbers"),
    _e("preamble", RU, "14-е заседание", "XV заседание", "numbers"),
    # dates
    _e("health", KO, "18일", "19일", "dates"),
    _e("health", EN, "18 December", "18 November", "dates"),
    _e("health", RU, "18 декабря", "18 ноября", "dates"),
    _e("health", EN, "18 December 2020", "18 December 2021", "dates"),
    _e("health", KO, "2020년 12월 18일", "2020. 12. 19.", "dates"),
    _e("health", RU, "18 декабря 2020 г.", "18.12.2021", "dates"),
    _e("twice", KO, "2018년 11월", "2018년 10월", "dates"),
    _e("twice", EN, "November 2018", "October 2018", "dates"),
    _e("twice", RU, "ноябре 2018 года", "октябре 2018 года", "dates"),
    # heads of delegation
    _e("heads", EN, "Kim Gunn", "Kim Geon", "heads", "details"),
    _e("heads", KO, "김건", "김현", "heads", "details"),
    _e("heads", RU, "Ким Гон", "Ким Гын", "heads", "details"),
    _e("heads", EN, "Deputy Minister for Political Affairs", "Deputy Minister for Economic Affairs",
       "heads", "details"),
    # acronyms
    _e("kicp", KO, "(KICP)", "(KIPC)", "acronyms"),
    _e("kicp", EN, "(KICP)", "(KIPC)", "acronyms"),
    _e("kicp", RU, "(KICP)", "(KICR)", "acronyms"),
    _e("asez", EN, " (ASEZ)", "", "acronyms"),
    _e("asez", KO, "(ASEZ)", "", "acronyms"),
    _e("agreement", EN, "(LH)", "(KLH)", "acronyms"),
    # untranslated fragments
    _e("asez", KO, "투자 확대를", "investment 확대를", "untranslated"),
    _e("asez", EN, "Korean companies", "한국 기업", "untranslated"),
    _e("asez", RU, "корейских компаний", "Korean companies", "untranslated"),
    _e("fields", KO, "항만 인프라 현대화", "port infrastructure 현대화", "untranslated"),
    _e("fields", EN, "energy and fisheries", "energy and 수산", "untranslated", "omission"),
    _e("half", EN, "energy sector", "энергетика sector", "untranslated"),
    # dropped list items and clauses
    _e("fields", EN, ", energy and fisheries", " and energy", "omission"),
    _e("fields", KO, ", 에너지, 수산 분야", " 분야", "omission"),
    _e("fields", RU, ", в энергетике и рыболовстве", "", "omission"),
    _e("health", EN, " in health and medical care", "", "omission"),
    _e("kicp", EN, " in the construction of the Korea-Russia Economic Cooperation Industrial "
       "Complex in Primorsky Krai (KICP)", "", "omission", "names", "glossary", "acronyms"),
    # paired symbols and quotes
    _e("kicp", EN, "(KICP)", "(KICP", "pairs"),
    _e("agreement", KO, "」이", "이", "pairs"),
    _e("agreement", EN, "Agreement”", "Agreement", "pairs"),
    _e("agreement", RU, "реализации»", "реализации", "pairs"),
    _e("asez", KO, "(ASEZ)", "(ASEZ", "pairs"),
    # end punctuation
    _e("forum", EN, "of 2021.", "of 2021", "punctuation"),
    _e("forum", KO, "합의하였다.", "합의하였다", "punctuation"),
    _e("forum", RU, "2021 года.", "2021 года", "punctuation"),
    _e("share", EN, "trade.", "trade?", "punctuation"),
    # spacing
    _e("share", EN, "noted that", "noted  that", "spaces"),
    _e("share", KO, "교역의 약", "교역의  약", "spaces"),
    _e("share", RU, "отметила, что", "отметила , что", "spaces"),
    _e("forum", EN, "The two Sides", " The two Sides", "spaces"),
    _e("forum", KO, "합의하였다.", "합의하였다 .", "spaces"),
]


class Variant(NamedTuple):
    """A correct translation whose languages say the same in different forms."""

    what: str
    texts: dict[Lang, str]


def _v(what: str, ko: str, en: str, ru: str) -> Variant:
    return Variant(what, {KO: ko, EN: en, RU: ru})


VARIANTS: list[Variant] = [
    _v("thousand", "양측은 1천 명 규모의 청소년 교류를 추진하기로 하였다.",
       "The two Sides agreed to promote youth exchanges of 1,000 people.",
       "Стороны договорились содействовать молодёжным обменам с участием 1 000 человек."),
    _v("billion dollars", "동 사업의 총 투자액은 250억 달러이다.",
       "The total investment in the project is USD 25 billion.",
       "Общий объём инвестиций в проект составляет 25 млрд долларов США."),
    _v("trillion won", "동 사업에는 1조 2천억 원이 투자된다.",
       "KRW 1.2 trillion is to be invested in the project.",
       "В проект будет инвестировано 1,2 трлн вон."),
    _v("ten thousands TEU", "운송량은 10만 TEU에 이를 것이다.",
       "The transport volume will reach 100,000 TEU.",
       "Объём перевозок достигнет 100 тыс. TEU."),
    _v("half", "러시아 극동 지역은 양국 간 교역의 절반을 차지한다.",
       "The Russian Far East accounts for half of bilateral trade.",
       "На Дальний Восток России приходится половина двусторонней торговли."),
    _v("half and percent", "러시아 극동 지역은 양국 간 교역의 50%를 차지한다.",
       "The Russian Far East accounts for half of bilateral trade.",
       "На Дальний Восток России приходится 50 % двусторонней торговли."),
    _v("dot date", "회의는 2020. 12. 18. 화상으로 개최되었다.",
       "The meeting was held by videoconference on 18 December 2020.",
       "Заседание состоялось 18.12.2020 в формате видеоконференции."),
    _v("dot date without spaces", "회의는 2020.12.18. 화상으로 개최되었다.",
       "The meeting was held by videoconference on December 18, 2020.",
       "Заседание состоялось 18 декабря 2020 г. в формате видеоконференции."),
    _v("ordinal word", "양측은 분과위 제15차 회의를 러시아연방에서 개최하기로 하였다.",
       "The two Sides agreed to hold the fifteenth meeting of the Sub-committee in the Russian "
       "Federation.",
       "Стороны договорились провести 15-е заседание подкомитета в Российской Федерации."),
    _v("roman ordinal", "제14차 회의에서 양측은 협력 현황을 점검하였다.",
       "At the 14th meeting, the two Sides reviewed the state of cooperation.",
       "На XIV заседании Стороны рассмотрели состояние сотрудничества."),
    _v("third", "동 지역 교역의 3분의 1이 에너지 분야에서 이루어진다.",
       "A third of the trade of the region is in the energy sector.",
       "Треть торговли региона приходится на энергетику."),
    _v("first half", "양측은 2021년 상반기에 포럼을 개최하기로 하였다.",
       "The two Sides agreed to hold the Forum in the first half of 2021.",
       "Стороны договорились провести форум в первом полугодии 2021 года."),
    _v("early", "양측은 설명회를 2021년 초 화상으로 개최하기로 하였다.",
       "The two Sides agreed to hold the briefing session by videoconference in early 2021.",
       "Стороны договорились провести презентацию в начале 2021 года в формате "
       "видеоконференции."),
    _v("end of year", "러시아측은 2021년 말까지 동 절차를 완료할 계획이다.",
       "The Russian Side plans to complete the procedure by the end of 2021.",
       "Российская Сторона планирует завершить процедуру к концу 2021 года."),
    _v("twice as words", "포럼은 출범 이래 두 차례 개최되었다.",
       "The Forum has been held twice since its launch.",
       "С момента учреждения форум проводился дважды."),
    _v("twice as digits", "포럼은 출범 이래 2차례 개최되었다.",
       "The Forum has been held twice since its launch.",
       "С момента учреждения форум проводился два раза."),
    _v("hundred billions", "양측은 1,200억 원 규모의 공동 기금을 조성하기로 하였다.",
       "The two Sides agreed to set up a joint fund of KRW 120 billion.",
       "Стороны договорились создать совместный фонд в размере 120 млрд вон."),
    _v("ten millions", "한국측은 5천만 달러를 지원할 계획이다.",
       "The Korean Side plans to provide USD 50 million.",
       "Корейская Сторона планирует выделить 50 млн долларов США."),
    _v("tonnes", "양측은 3천 톤의 수산물을 공동 가공하기로 하였다.",
       "The two Sides agreed to process 3,000 tonnes of fisheries products jointly.",
       "Стороны договорились совместно перерабатывать 3 тыс. тонн рыбной продукции."),
    _v("day range", "회의는 12월 17~18일 블라디보스토크에서 개최된다.",
       "The meeting will be held in Vladivostok on 17-18 December.",
       "Заседание состоится 17-18 декабря во Владивостоке."),
    _v("quarter", "양측은 2021년 3분기에 실무 협의를 개최하기로 하였다.",
       "The two Sides agreed to hold working-level consultations in the third quarter of 2021.",
       "Стороны договорились провести консультации на рабочем уровне в III квартале 2021 года."),
    _v("covid", "코로나19로 인해 회의가 화상으로 개최되었다.",
       "Due to COVID-19, the meeting was held by videoconference.",
       "В связи с COVID-19 заседание состоялось в формате видеоконференции."),
    _v("two sides", "양측은 협력을 지속해 나가기로 하였다.",
       "The two Sides agreed to continue their cooperation.",
       "Обе Стороны договорились продолжать сотрудничество."),
    _v("times", "교역액은 지난 10년간 1.5배 증가하였다.",
       "Trade has grown 1.5 times over the past 10 years.",
       "За последние 10 лет объём торговли вырос в 1,5 раза."),
    _v("anniversary", "양측은 수교 30주년을 기념하였다.",
       "The two Sides celebrated the 30th anniversary of diplomatic relations.",
       "Стороны отметили 30-ю годовщину установления дипломатических отношений."),
    _v("million people", "극동 지역에는 약 800만 명이 거주한다.",
       "About 8 million people live in the Far East.",
       "На Дальнем Востоке проживает около 8 млн человек."),
    _v("quarter fraction", "동 지역 교역의 4분의 1이 수산물이다.",
       "A quarter of the trade of the region is in fisheries products.",
       "Четверть торговли региона приходится на рыбную продукцию."),
    _v("mid-year", "양측은 2021년 중반까지 협정문을 확정하기로 하였다.",
       "The two Sides agreed to finalise the text of the agreement by mid-2021.",
       "Стороны договорились согласовать текст соглашения к середине 2021 года."),
    _v("roubles", "러시아측은 10억 루블을 투자할 계획이다.",
       "The Russian Side plans to invest RUB 1 billion.",
       "Российская Сторона планирует инвестировать 1 млрд рублей."),
    _v("decimal percent", "관세율은 0.5% 인하되었다.",
       "The tariff rate was reduced by 0.5 percent.",
       "Ставка пошлины была снижена на 0,5 процента."),
    _v("month range with year", "박람회는 2021년 9월 2일부터 4일까지 개최된다.",
       "The fair will be held from 2 to 4 September 2021.",
       "Ярмарка пройдёт со 2 по 4 сентября 2021 года."),
    _v('trade target',
       '양측은 2021년까지 교역액 300억 달러 달성을 목표로 하기로 하였다.',
       'The two Sides agreed to aim for a trade volume of USD 30 billion by 2021.',
       'Стороны договорились стремиться к достижению объема торговли в 30 млрд долларов '
       'США к 2021 году.'),
    _v('times over a year',
       '한국측은 극동 지역에 대한 투자가 전년 대비 1.5배 증가하였다고 언급하였다.',
       'The Korean Side noted that investment in the Far East had increased 1.5 times '
       'over the previous year.',
       'Корейская Сторона отметила, что объем инвестиций в Дальний Восток вырос в 1,5 '
       'раза по сравнению с предыдущим годом.'),
    _v('fifteenth and second half',
       '양측은 제15차 회의를 2021년 하반기에 블라디보스토크에서 개최하기로 하였다.',
       'The two Sides agreed to hold the fifteenth meeting in Vladivostok in the second '
       'half of 2021.',
       'Стороны договорились провести пятнадцатое заседание во Владивостоке во втором '
       'полугодии 2021 года.'),
    _v('million tonnes',
       '러시아측은 북극항로 물동량이 2020년 3,300만 톤을 기록하였다고 설명하였다.',
       'The Russian Side explained that cargo traffic on the Northern Sea Route reached '
       '33 million tonnes in 2020.',
       'Российская Сторона сообщила, что грузопоток по Северному морскому пути в 2020 '
       'году составил 33 млн тонн.'),
    _v('dot date of signing',
       '양측은 2020. 11. 25. 서명된 양해각서의 이행 상황을 점검하였다.',
       'The two Sides reviewed the implementation of the Memorandum of Understanding '
       'signed on 25 November 2020.',
       'Стороны рассмотрели ход реализации меморандума о взаимопонимании, подписанного '
       '25.11.2020.'),
    _v('thousands of companies',
       '한국측은 약 2,500개 기업이 연해주에 진출해 있다고 언급하였다.',
       'The Korean Side noted that some 2,500 companies were operating in Primorsky Krai.',
       'Корейская Сторона отметила, что в Приморском крае работают около 2 500 компаний.'),
    _v('first quarter',
       '양측은 2021년 1분기 중 실무협의를 개최하기로 하였다.',
       'The two Sides agreed to hold working-level consultations in the first quarter of 2021.',
       'Стороны договорились провести консультации на рабочем уровне в первом квартале 2021 года.'),
    _v('two thirds',
       '양측은 동 사업비의 3분의 2를 한국측이 부담한다는 데 합의하였다.',
       'The two Sides agreed that the Korean Side would bear two thirds of the project costs.',
       'Стороны договорились, что Корейская Сторона возьмет на себя две трети расходов '
       'по проекту.'),
    _v('end of year with acronym',
       '러시아측은 2021년 말까지 선도개발구역(ASEZ) 입주 기업 수가 500개에 이를 것이라고 하였다.',
       'The Russian Side stated that the number of resident companies of the Advanced '
       'Special Economic Zones (ASEZ) would reach 500 by the end of 2021.',
       'Российская Сторона заявила, что к концу 2021 года число резидентов территорий '
       'опережающего развития (ASEZ) достигнет 500.'),
    _v('day range with from-to',
       '양측은 제3차 한·러 지방협력포럼을 2021년 9월 1일부터 3일까지 울산에서 개최하기로 하였다.',
       'The two Sides agreed to hold the 3rd Korea-Russia Interregional Cooperation '
       'Forum in Ulsan from 1 to 3 September 2021.',
       'Стороны договорились провести 3-й Корейско-Российский форум межрегионального '
       'сотрудничества в Ульсане с 1 по 3 сентября 2021 года.'),
    _v('billions and percent',
       '한국측은 2020년 양국 교역액이 약 200억 달러로 전년 대비 10% 감소하였다고 언급하였다.',
       'The Korean Side noted that bilateral trade amounted to about USD 20 billion in '
       '2020, a decrease of 10 percent from the previous year.',
       'Корейская Сторона отметила, что в 2020 году объем двусторонней торговли составил '
       'около 20 млрд долларов США, что на 10 процентов меньше, чем в предыдущем году.'),
    _v('one million people',
       '양측은 연간 100만 명의 관광객 교류를 목표로 하기로 하였다.',
       'The two Sides agreed to aim for tourist exchanges of one million people a year.',
       'Стороны договорились стремиться к туристическим обменам в объеме 1 млн человек в год.'),
    _v('two weeks',
       '양측은 2주 이내에 후속 협의를 개최하기로 하였다.',
       'The two Sides agreed to hold follow-up consultations within two weeks.',
       'Стороны договорились провести последующие консультации в течение двух недель.'),
    _v('a quarter of trade',
       '양측은 수산물 교역이 전체 교역의 4분의 1을 차지한다는 점에 주목하였다.',
       'The two Sides noted that trade in fisheries products accounts for a quarter of '
       'total trade.',
       'Стороны отметили, что на торговлю рыбной продукцией приходится четверть общего '
       'объема торговли.'),
    _v('weekday with date',
       '회의는 2020년 12월 18일(금) 화상으로 개최되었다.',
       'The meeting was held by videoconference on Friday, 18 December 2020.',
       'Заседание состоялось в пятницу, 18 декабря 2020 г., в формате видеоконференции.'),
    _v('numbered list items',
       '양측은 다음 두 가지 사항에 합의하였다: 1) 2021년 상반기 중 실무협의 개최, '
       '2) 연해주 산업단지 조성 지원.',
       'The two Sides agreed on the following two matters: 1) working-level consultations '
       'in the first half of 2021, 2) support for the industrial complex in Primorsky Krai.',
       'Стороны договорились о следующих двух вопросах: 1) проведение консультаций на '
       'рабочем уровне в первом полугодии 2021 года, 2) поддержка создания промышленного '
       'комплекса в Приморском крае.'),
]


HEADINGS: dict[str, dict[Lang, str]] = {
    "plan": {KO: "2021년 상반기 협력 계획", EN: "Cooperation Plan for the First Half of 2021",
             RU: "План сотрудничества на первое полугодие 2021 года"},
    "complex": {KO: "연해주 한·러 산업단지",
                EN: "Korea-Russia Industrial Complex in Primorsky Krai",
                RU: "Корейско-Российский промышленный комплекс в Приморском крае"},
    "health": {KO: "보건·의료", EN: "Health and Medical Care", RU: "Здравоохранение и медицина"},
}

HEADING_ERRORS: list[Error] = [
    _e("plan", KO, "상반기", "하반기", "periods"),
    _e("plan", EN, "First Half", "Second Half", "periods"),
    _e("plan", RU, "первое полугодие", "второе полугодие", "periods"),
    _e("plan", EN, "2021", "2022", "numbers"),
    _e("plan", RU, "2021 года", "2020 года", "numbers"),
    _e("complex", EN, "Primorsky Krai", "Khabarovsk Krai", "names"),
    _e("complex", KO, "연해주", "하바롭스크", "names"),
    _e("complex", RU, "Приморском крае", "Хабаровском крае", "names"),
    _e("health", EN, "Health and Medical Care", "Agriculture and Fisheries", "omission"),
    _e("health", KO, "보건·의료", "농업·수산", "omission"),
    _e("health", RU, "Здравоохранение и медицина", "Сельское хозяйство", "omission"),
    _e("health", EN, "Medical Care", "Medical Care.", "punctuation"),
    _e("health", KO, "보건·의료", "보건·의료 ", "spaces"),
    _e("health", EN, "Health and", "Health and (", "pairs"),
    _e("health", EN, "Health and Medical Care", "보건 and Medical Care", "untranslated"),
]

# the meeting details changed in one language (field, language, old, new, kinds, place)
MEETING_ERRORS: list[tuple[str, Lang, str, str, frozenset[str]]] = [
    ("venue", EN, "Moscow", "Vladivostok", frozenset({"names"})),
    ("place", KO, "모스크바", "부산", frozenset({"names"})),
    ("place", RU, "Москве", "Владивостоке", frozenset({"names"})),
    ("body", EN, "Siberia", "Arctic", frozenset({"names"})),
    ("body", KO, "한·러 극동·시베리아 분과위원회", "", frozenset({"missing"})),
    ("format", RU, "в формате видеоконференции", "videoconference", frozenset({"untranslated"})),
]
