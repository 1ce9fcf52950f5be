"""Which Side acts: a paragraph whose subject Side differs between languages is a warning
(the tester's checks12 row 1: swapped roles, one Side against both); correct translations,
however their clauses are ordered, give none."""

from __future__ import annotations

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.checks.finding import WARNING, Finding
from minutes_app.checks.roles import BOTH, KR, RU, acting_side
from minutes_app.i18n.findings import describe
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo
from tests.checks.corpus_docs import document

KO, EN, RU_ = Lang.KO, Lang.EN, Lang.RU


def _roles(ko: str, en: str, ru: str | None = None) -> list[Finding]:
    langs = [KO, RU_, EN] if ru is not None else [KO, EN]
    m, _pids, _sid = document(langs, [{KO: ko, EN: en} | ({RU_: ru} if ru is not None else {})])
    return [f for f in findings(m) if f.kind == "roles"]


WRONG = [
    ("한국측은 러시아측에 관련 자료의 제공을 요청하였다.",
     "The Russian Side requested the Korean Side to provide the relevant data.",
     "Корейская Сторона попросила Российскую Сторону предоставить соответствующие данные."),
    ("양측은 극동 지역 투자 확대를 환영하였다.",
     "The Korean Side welcomed the expansion of investment in the Far East.",
     "Стороны приветствовали расширение инвестиций на Дальнем Востоке."),
    ("양측은 공동연구의 성과를 평가하였다.",
     "The two Sides appreciated the results of the joint study.",
     "Российская Сторона высоко оценила результаты совместного исследования."),
    ("러시아측은 한국 기업의 참여를 요청하였다.",
     "The Korean Side requested the participation of Russian companies.", None),
    ("한국 대표단은 회의 개최에 감사를 표하였다.",
     "Both Sides expressed their gratitude for hosting the meeting.", None),
]


@pytest.mark.parametrize("ko,en,ru", WRONG, ids=[w[1][:30] for w in WRONG])
def test_a_different_acting_side_is_a_warning(ko: str, en: str, ru: str | None) -> None:
    found = _roles(ko, en, ru)
    assert found and all(f.severity == WARNING for f in found)
    assert all("who does what" in describe(f) for f in found)


CORRECT = [
    ("한국측은 러시아측에 관련 자료의 제공을 요청하였다.",
     "The Korean Side requested the Russian Side to provide the relevant data.",
     "Корейская Сторона попросила Российскую Сторону предоставить соответствующие данные."),
    ("한국측과 러시아측은 협력의 중요성을 강조하였다.",
     "The Korean Side and the Russian Side underlined the importance of cooperation.",
     "Российская Сторона и Корейская Сторона подчеркнули важность сотрудничества."),
    ("러시아측의 요청에 따라 한국측은 자료를 제공하기로 하였다.",
     "At the request of the Russian Side, the Korean Side agreed to provide the data.",
     "По просьбе Российской Стороны Корейская Сторона согласилась предоставить данные."),
    ("러시아측의 요청에 따라 한국측은 자료를 제공하기로 하였다.",
     "The Korean Side, at the request of the Russian Side, agreed to provide the data.",
     "Корейская Сторона по просьбе Российской Стороны согласилась предоставить данные."),
    ("러시아측은 한국측이 제안한 사업을 환영하였다.",
     "The Russian Side welcomed the project proposed by the Korean Side.",
     "Российская Сторона приветствовала проект, предложенный Корейской Стороной."),
    ("한국측은 회의에 초청받은 데 대해 러시아측에 감사를 표하였다.",
     "The Korean Side was invited by the Russian Side and expressed its gratitude.",
     None),
    ("양측은 협력을 확대하기로 합의하였다. 한국측은 자료를 제공하기로 하였다.",
     "The two Sides agreed to expand cooperation. The Korean Side will provide the data.",
     "Стороны договорились расширить сотрудничество. Корейская Сторона предоставит данные."),
    ("양측은 협력을 확대하기로 합의하였다.", "Both Sides agreed to expand cooperation.",
     "Обе Стороны договорились расширить сотрудничество."),
]


@pytest.mark.parametrize("ko,en,ru", CORRECT, ids=[c[1][:30] for c in CORRECT])
def test_the_same_acting_side_however_the_clauses_run_is_clean(ko: str, en: str,
                                                              ru: str | None) -> None:
    assert _roles(ko, en, ru) == []


@pytest.mark.parametrize("text,lang,side", [
    ("한국측은 러시아측에 요청하였다.", KO, KR),
    ("러시아측이 제안하였다.", KO, RU),
    ("한국측과 러시아측은 합의하였다.", KO, BOTH),
    ("The two Sides agreed.", EN, BOTH),
    ("In 2021, the Korean Side will host.", EN, None),  # no Side opens it: not read
    ("Стороны договорились.", RU_, BOTH),
    ("Проект, предложенный Корейской Стороной, одобрен.", RU_, None),  # passive: not read
])
def test_what_is_read_as_the_acting_side(text: str, lang: Lang, side: str | None) -> None:
    found = acting_side(text, lang)
    assert (found[0] if found else None) == side


def test_the_agreed_demo_has_no_role_warning() -> None:
    for langs in ([KO, EN], [KO, RU_, EN], [KO, RU_]):
        assert [f for f in findings(demo(agreed=True, languages=langs)) if f.kind == "roles"] == []
