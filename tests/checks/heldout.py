"""A held-out corpus: translator's errors and correct variants the checks were not tuned on.

Written after the checks and their corpus (``corpus.py``), with new sentences of the same kind
of minutes (ports, grain, a joint commission, visas, seminars); it measures how the checks
generalise. Every error corrupts one language of a base translation; every variant must pass
clean. Documents are made in Korean/English, Korean/Russian, English/Russian and all three.
"""

from __future__ import annotations

from tests.checks.corpus import Error, Variant, _e, _v
from tests.checks.corpus_docs import EN, KO, RU

HELD_BASE = {
    "ports": {
        KO: "양측은 2022년 하반기까지 자루비노항 현대화 사업에 총 3억 5천만 달러를 투자하기로 "
            "합의하였다.",
        EN: "The two Sides agreed to invest a total of USD 350 million in the modernisation of "
            "the port of Zarubino by the second half of 2022.",
        RU: "Стороны договорились инвестировать в модернизацию порта Зарубино в общей сложности "
            "350 млн долларов США во втором полугодии 2022 года.",
    },
    "grain": {
        KO: "러시아측은 2021년 한국으로의 곡물 수출량이 전년 대비 15% 증가한 120만 톤에 "
            "달했다고 설명하였다.",
        EN: "The Russian Side explained that grain exports to Korea reached 1.2 million tonnes "
            "in 2021, up 15% from the previous year.",
        RU: "Российская Сторона сообщила, что экспорт зерна в Корею в 2021 году достиг 1,2 млн "
            "тонн, увеличившись на 15 % по сравнению с предыдущим годом.",
    },
    "session": {
        KO: "제10차 한·러 경제과학기술공동위원회가 2021년 9월 2일부터 3일까지 "
            "블라디보스토크에서 개최되었다.",
        EN: "The 10th session of the Korea-Russia Joint Commission on Economic, Scientific and "
            "Technological Cooperation was held in Vladivostok on 2-3 September 2021.",
        RU: "10-е заседание Межправительственной комиссии по экономическому и "
            "научно-техническому сотрудничеству состоялось 2-3 сентября 2021 года во "
            "Владивостоке.",
    },
    "mou": {
        KO: "양측은 부산항만공사와 블라디보스토크 상업항 간 양해각서(MOU) 체결을 환영하였다.",
        EN: "The two Sides welcomed the signing of a Memorandum of Understanding (MOU) between "
            "the Busan Port Authority and the Vladivostok Commercial Sea Port.",
        RU: "Стороны приветствовали подписание меморандума о взаимопонимании (MOU) между "
            "Управлением порта Пусан и Владивостокским морским торговым портом.",
    },
    "visa": {
        KO: "양측은 관광 활성화를 위해 무사증 체류 기간을 60일에서 90일로 연장하는 방안을 "
            "검토하기로 하였다.",
        EN: "The two Sides agreed to consider extending the visa-free stay from 60 to 90 days "
            "in order to promote tourism.",
        RU: "Стороны договорились рассмотреть возможность продления срока безвизового "
            "пребывания с 60 до 90 дней в целях развития туризма.",
    },
    "routes": {
        KO: "러시아측은 현 단계에서 신규 항로 개설을 지원할 수 없다고 밝혔다.",
        EN: "The Russian Side stated that it could not support the opening of new routes at "
            "this stage.",
        RU: "Российская Сторона заявила, что на данном этапе не может поддержать открытие "
            "новых маршрутов.",
    },
    "list": {
        KO: "양측은 수소, 디지털, 항공 분야의 협력을 강화하기로 하였다.",
        EN: "The two Sides agreed to strengthen cooperation in hydrogen, digital technologies "
            "and aviation.",
        RU: "Стороны договорились укреплять сотрудничество в области водорода, цифровых "
            "технологий и авиации.",
    },
    "seminar": {
        KO: "양측은 2021년 11월 울산에서 제2차 한·러 조선 협력 세미나를 개최하고, 그 결과를 "
            "차기 회의에 보고하기로 하였다.",
        EN: "The two Sides agreed to hold the 2nd Korea-Russia Shipbuilding Cooperation Seminar "
            "in Ulsan in November 2021 and to report its results to the next meeting.",
        RU: "Стороны договорились провести 2-й Российско-Корейский семинар по сотрудничеству в "
            "области судостроения в Ульсане в ноябре 2021 года и доложить о его результатах на "
            "следующем заседании.",
    },
    "guide": {
        KO: "양측은 「극동 투자 안내서」 발간을 환영하였다.",
        EN: "The two Sides welcomed the publication of the “Far East Investment Guide”.",
        RU: "Стороны приветствовали издание «Путеводителя по инвестициям на Дальнем Востоке».",
    },
    "kita": {
        KO: "양측은 한국무역협회(KITA)와 러시아수출센터(REC) 간 협력을 평가하였다.",
        EN: "The two Sides appreciated the cooperation between the Korea International Trade "
            "Association (KITA) and the Russian Export Center (REC).",
        RU: "Стороны высоко оценили сотрудничество между Корейской ассоциацией международной "
            "торговли (KITA) и Российским экспортным центром (РЭЦ).",
    },
    "next": {
        KO: "차기 회의는 2022년 상반기 중 서울에서 개최될 예정이며, 구체적인 일자는 외교 "
            "경로를 통해 협의하기로 하였다.",
        EN: "The next meeting is to be held in Seoul in the first half of 2022, on a date to be "
            "agreed through diplomatic channels.",
        RU: "Следующее заседание планируется провести в Сеуле в первом полугодии 2022 года; "
            "конкретная дата будет согласована по дипломатическим каналам.",
    },
    "since": {
        KO: "양측은 2019년 6월 모스크바에서 열린 제13차 회의 이후의 진전을 점검하였다.",
        EN: "The two Sides reviewed the progress made since the 13th meeting held in Moscow in "
            "June 2019.",
        RU: "Стороны рассмотрели прогресс, достигнутый после 13-го заседания, состоявшегося в "
            "июне 2019 года в Москве.",
    },
}

HELD_ERRORS: list[Error] = [
    # numbers with their scale, currency and unit
    _e("grain", KO, "120만 톤", "12만 톤", "numbers"),
    _e("grain", EN, "1.2 million tonnes", "12 million tonnes", "numbers"),
    _e("grain", RU, "1,2 млн тонн", "1,2 тыс. тонн", "numbers"),
    _e("grain", KO, "15%", "1.5%", "numbers"),
    _e("grain", RU, ", увеличившись на 15 % по сравнению с предыдущим годом", "", "numbers",
       "omission", "length"),
    _e("ports", KO, "3억 5천만 달러", "3억 5천만 원", "units"),
    _e("ports", EN, "USD 350 million", "USD 35 million", "numbers"),
    _e("ports", RU, "350 млн", "350 млрд", "numbers"),
    _e("visa", EN, "from 60 to 90 days", "from 60 to 80 days", "numbers"),
    _e("visa", RU, "с 60 до 90 дней", "с 30 до 90 дней", "numbers"),
    _e("visa", KO, "90일로", "9일로", "numbers"),
    # dates
    _e("session", KO, "9월 2일부터 3일까지", "9월 2일부터 4일까지", "dates"),
    _e("session", EN, "2-3 September 2021", "2-3 October 2021", "dates"),
    _e("session", RU, "2-3 сентября 2021 года", "2-3 сентября 2020 года", "dates", "numbers"),
    _e("since", KO, "2019년 6월", "2019년 7월", "dates"),
    _e("since", EN, "June 2019", "July 2019", "dates"),
    _e("since", RU, "в июне 2019 года", "в июле 2019 года", "dates"),
    _e("seminar", EN, "in November 2021", "in December 2021", "dates"),
    # periods
    _e("ports", EN, "second half of 2022", "first half of 2022", "periods"),
    _e("next", RU, "в первом полугодии", "во втором полугодии", "periods"),
    _e("next", KO, "2022년 상반기 중", "2022년 초", "periods"),
    # ordinals
    _e("since", KO, "제13차", "제12차", "numbers"),
    _e("since", EN, "the 13th meeting", "the third meeting", "numbers"),
    _e("since", RU, "13-го заседания", "12-го заседания", "numbers"),
    _e("session", EN, "The 10th session", "The 11th session", "numbers"),
    _e("seminar", RU, "2-й", "3-й", "numbers"),
    # places and bodies
    _e("mou", KO, "부산항만공사", "울산항만공사", "names"),
    _e("mou", EN, "Busan Port Authority", "Ulsan Port Authority", "names"),
    _e("since", RU, "в Москве", "в Сеуле", "names"),
    _e("next", EN, "in Seoul", "in Moscow", "names"),
    _e("seminar", KO, "울산에서", "포항에서", "names"),
    _e("session", RU, "во Владивостоке", "в Хабаровске", "names"),
    # acronyms
    _e("kita", EN, "(REC)", "(RCE)", "acronyms"),
    _e("kita", KO, "(KITA)", "(KOTRA)", "acronyms", "names"),
    _e("kita", RU, "(KITA)", "(KITE)", "acronyms"),
    _e("mou", EN, " (MOU)", "", "acronyms"),
    # dropped list items and clauses
    _e("list", EN, "hydrogen, digital technologies and aviation", "hydrogen and aviation",
       "omission", "length"),
    _e("list", RU, ", цифровых технологий", "", "omission", "length"),
    _e("list", KO, "수소, 디지털, 항공", "수소, 항공", "omission", "length"),
    _e("seminar", EN, " and to report its results to the next meeting", "", "omission",
       "length"),
    _e("seminar", KO, "개최하고, 그 결과를 차기 회의에 보고하기로", "개최하기로", "omission",
       "length"),
    _e("seminar", RU, " и доложить о его результатах на следующем заседании", "", "omission",
       "length"),
    _e("visa", EN, " in order to promote tourism", "", "omission", "length"),
    _e("next", EN, ", on a date to be agreed through diplomatic channels", "", "omission",
       "length"),
    # untranslated fragments
    _e("routes", KO, "신규 항로", "new route", "untranslated"),
    _e("grain", EN, "grain exports", "곡물 exports", "untranslated"),
    _e("list", RU, "авиации", "aviation", "untranslated"),
    _e("guide", RU, "инвестициям", "investment", "untranslated"),
    # paired symbols and quotes
    _e("guide", KO, "」", "", "pairs"),
    _e("guide", EN, "Guide”", "Guide", "pairs"),
    _e("guide", RU, "Востоке»", "Востоке", "pairs"),
    _e("kita", EN, "(KITA)", "(KITA", "pairs"),
    _e("mou", RU, "(MOU)", "MOU)", "pairs"),
    # negation flipped in one language
    _e("routes", EN, "could not support", "could support", "negation"),
    _e("routes", RU, "не может поддержать", "может поддержать", "negation"),
    _e("routes", KO, "지원할 수 없다고", "지원할 수 있다고", "negation"),
]

HELD_VARIANTS: list[Variant] = [
    _v("million and a half", "양측은 150만 달러 규모의 공동 연구를 추진하기로 하였다.",
       "The two Sides agreed to carry out joint research worth USD 1.5 million.",
       "Стороны договорились провести совместные исследования стоимостью 1,5 млн долларов "
       "США."),
    _v("billions of dollars", "러시아측은 35억 달러 규모의 사업을 소개하였다.",
       "The Russian Side presented projects worth USD 3.5 billion.",
       "Российская Сторона представила проекты стоимостью 3,5 млрд долларов США."),
    _v("hundreds of billions of won", "한국측은 5천억 원 규모의 펀드 조성 계획을 설명하였다.",
       "The Korean Side explained its plan to set up a fund of KRW 500 billion.",
       "Корейская Сторона рассказала о планах создания фонда в размере 500 млрд вон."),
    _v("two million", "동 항만의 처리량은 연간 200만 톤이다.",
       "The port handles 2 million tonnes a year.",
       "Грузооборот порта составляет 2 млн тонн в год."),
    _v("percent sign spacing", "곡물 수입은 25% 증가하였다.",
       "Grain imports increased by 25 percent.",
       "Импорт зерна увеличился на 25 %."),
    _v("day month year", "협정은 2022년 3월 3일 서명되었다.",
       "The Agreement was signed on 3 March 2022.",
       "Соглашение было подписано 3 марта 2022 г."),
    _v("numeric dates", "협정은 2022.3.3. 서명되었다.",
       "The Agreement was signed on March 3, 2022.",
       "Соглашение было подписано 03.03.2022."),
    _v("ordinal as word", "양측은 제2차 회의에서 이 문제를 논의하였다.",
       "The two Sides discussed this issue at the second meeting.",
       "Стороны обсудили этот вопрос на втором заседании."),
    _v("twenty-first", "제21차 회의가 서울에서 개최되었다.",
       "The 21st meeting was held in Seoul.",
       "21-е заседание состоялось в Сеуле."),
    _v("late in the year", "양측은 2022년 말 사업을 완료하기로 하였다.",
       "The two Sides agreed to complete the project in late 2022.",
       "Стороны договорились завершить проект в конце 2022 года."),
    _v("first quarter", "양측은 2023년 1분기에 실무 회의를 개최하기로 하였다.",
       "The two Sides agreed to hold a working meeting in the first quarter of 2023.",
       "Стороны договорились провести рабочее совещание в I квартале 2023 года."),
    _v("place in three forms", "양측은 연해주 내 물류 협력을 논의하였다.",
       "The two Sides discussed logistics cooperation in Primorsky Krai.",
       "Стороны обсудили сотрудничество в области логистики в Приморском крае."),
    _v("acronym with expansion", "양측은 동방경제포럼(EEF) 계기 회의를 개최하기로 하였다.",
       "The two Sides agreed to hold a meeting on the margins of the Eastern Economic Forum "
       "(EEF).",
       "Стороны договорились провести встречу на полях Восточного экономического форума "
       "(ВЭФ)."),
    _v("ten days", "전시회는 10일간 개최된다.",
       "The exhibition will last ten days.",
       "Выставка продлится десять дней."),
    _v("hundred thousand visitors", "작년에 약 30만 명의 관광객이 방문하였다.",
       "About 300,000 tourists visited last year.",
       "В прошлом году регион посетили около 300 тыс. туристов."),
    _v("not in every language", "러시아측은 동 사업을 지원할 수 없다고 밝혔다.",
       "The Russian Side said that it was unable to support the project.",
       "Российская Сторона заявила, что не может поддержать этот проект."),
]
