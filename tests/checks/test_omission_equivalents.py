"""The standard Russian (and Korean) words for a field are the field: товарооборот is trade,
капиталовложения investment, агропромышленный комплекс agriculture, квоты на вылов fishing
quotas, морской маршрут / 항로 a shipping route; "технико-экономическое обоснование" (a
feasibility study) names no economy; KOTRA's descriptive Russian name is KOTRA (checks12)."""

from __future__ import annotations

import pytest

from minutes_app.checks.conformity import findings
from tests.checks.corpus_docs import EN, KO, RU, document

CORRECT = [
    ("양측은 교역 확대를 위해 노력하기로 하였다.",
     "The two Sides agreed to make efforts to expand trade.",
     "Стороны договорились прилагать усилия для увеличения товарооборота."),
    ("양측은 교역액이 전년 대비 2.5% 증가하였음을 평가하였다.",
     "The two Sides noted with satisfaction that trade had increased by 2.5% year on year.",
     "Стороны с удовлетворением отметили увеличение товарооборота на 2,5 % в годовом "
     "исчислении."),
    ("양측은 투자 확대를 환영하였다.", "The two Sides welcomed the growth of investment.",
     "Стороны приветствовали рост капиталовложений."),
    ("양측은 농업 협력을 강화하기로 하였다.",
     "The two Sides agreed to strengthen agricultural cooperation.",
     "Стороны договорились укрепить сотрудничество в агропромышленном комплексе."),
    ("양측은 어업 쿼터에 관하여 합의하지 못하였다.",
     "The two Sides failed to reach agreement on fishing quotas.",
     "Стороны не смогли достичь договоренности о квотах на вылов."),
    ("양측은 타당성 조사를 2025년까지 마치기로 하였다.",
     "The two Sides agreed to finish the feasibility study by 2025.",
     "Стороны договорились завершить технико-экономическое обоснование к 2025 г."),
    ("양측은 부산과 블라디보스토크 간 항로를 확대하기로 하였다.",
     "The two Sides agreed to expand the shipping route between Busan and Vladivostok.",
     "Стороны договорились расширить морской маршрут между Пусаном и Владивостоком."),
    ("양측은 대한무역투자진흥공사(KOTRA)의 역할을 평가하였다.",
     "The two Sides appreciated the role of the Korea Trade-Investment Promotion Agency (KOTRA).",
     "Стороны высоко оценили роль Корейского агентства по содействию торговле и инвестициям "
     "(КОТРА)."),
    # more of the same
    ("양측은 대외 교역과 투자를 확대하기로 하였다.",
     "The two Sides agreed to expand foreign trade and investment.",
     "Стороны договорились расширять внешнеторговый оборот и капиталовложения."),
    ("양측은 전력 에너지 및 환경 보호 협력을 논의하였다.",
     "The two Sides discussed cooperation in electricity and environmental protection.",
     "Стороны обсудили сотрудничество в электроэнергетике и природоохранной сфере."),
    ("양측은 신규 항로 개설을 검토하기로 하였다.",
     "The two Sides agreed to consider opening new routes.",
     "Стороны договорились рассмотреть открытие новых маршрутов."),
    ("양측은 수산물 양식 및 어획 분야 협력을 논의하였다.",
     "The two Sides discussed cooperation in fish farming and fishing.",
     "Стороны обсудили сотрудничество в области аквакультуры и вылова рыбы."),
]

# a field really dropped or added: still caught
WRONG = [
    ("양측은 교역 및 투자 확대를 위해 노력하기로 하였다.",
     "The two Sides agreed to make efforts to expand trade and investment.",
     "Стороны договорились прилагать усилия для увеличения товарооборота."),
    ("양측은 농업 및 수산 협력을 강화하기로 하였다.",
     "The two Sides agreed to strengthen cooperation in agriculture and fisheries.",
     "Стороны договорились укрепить сотрудничество в агропромышленном комплексе."),
    ("양측은 타당성 조사와 경제 협력을 논의하였다.",
     "The two Sides discussed the feasibility study and economic cooperation.",
     "Стороны обсудили технико-экономическое обоснование."),
]


def _omissions(ko: str, en: str, ru: str) -> list[tuple[str, str]]:
    m, _p, _s = document([KO, RU, EN], [{KO: ko, EN: en, RU: ru}])
    return [(f.langs[0].value, f.langs[-1].value) for f in findings(m) if f.kind == "omission"]


@pytest.mark.parametrize("ko, en, ru", CORRECT)
def test_a_standard_equivalent_is_the_same_field(ko: str, en: str, ru: str) -> None:
    m, _p, _s = document([KO, RU, EN], [{KO: ko, EN: en, RU: ru}])
    assert [(f.kind, dict(f.param)) for f in findings(m)] == []


@pytest.mark.parametrize("ko, en, ru", WRONG)
def test_a_field_dropped_in_russian_is_still_caught(ko: str, en: str, ru: str) -> None:
    assert sorted(_omissions(ko, en, ru)) == [("ko", "ru"), ("ru", "en")]


def test_words_that_name_no_field_are_no_field() -> None:
    from minutes_app.checks.concepts import concepts_in

    assert concepts_in("양측은 기존의 정책 노선을 유지하기로 하였다.", KO)[0] == {}
    assert concepts_in("The delegation met en route to Vladivostok.", EN)[0] == {}
    assert concepts_in("технико-экономическое обоснование", RU)[0] == {}
    assert set(concepts_in("양측은 신규 항공 노선 개설을 환영하였다.", KO)[0]) == \
        {"aviation", "transport"}
