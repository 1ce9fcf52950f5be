"""Negation carried by a word ("nothing", "non-binding", "unacceptable", "failed to", "unless",
"rather than", "only", 이의가 없다, 않는 한, "нельзя не") is no lost negation, while a
grammatical negation lost or added is still one (the tester's checks12 cases and more)."""

from __future__ import annotations

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.checks.negation import negations
from minutes_app.model import Lang
from tests.checks.corpus_docs import EN, KO, RU, document

# (ko, en, ru): correct translations, the tester's first (row 4 of the report)
CORRECT = [
    ("이 의사록의 어떠한 내용도 양측의 권리에 영향을 미치지 아니한다.",
     "Nothing in these Minutes shall affect the rights of the two Sides.",
     "Ничто в настоящем протоколе не затрагивает права Сторон."),
    ("이 의사록은 법적 구속력이 없다.", "These Minutes are non-binding.",
     "Настоящий протокол не имеет обязательной юридической силы."),
    ("양측은 양자 협력이 아니라 다자 협력을 논의하였다.",
     "The two Sides discussed multilateral rather than bilateral cooperation.",
     "Стороны обсудили не двустороннее, а многостороннее сотрудничество."),
    ("양측은 달리 합의하지 않는 한 매년 회의를 개최한다.",
     "Unless otherwise agreed, the two Sides shall meet every year.",
     "Если Стороны не договорятся об ином, они проводят заседания ежегодно."),
    ("양측은 일방적 조치는 허용될 수 없다고 강조하였다.",
     "The two Sides stressed that unilateral measures were unacceptable.",
     "Стороны подчеркнули недопустимость односторонних мер."),
    ("러시아측은 동 제안에 이의가 없다고 하였다.",
     "The Russian Side stated that it agreed with the proposal.",
     "Российская Сторона заявила, что согласна с данным предложением."),
    ("양측은 투자 협정에 관하여 합의하지 못하였다.",
     "The two Sides failed to reach agreement on the investment agreement.",
     "Стороны не смогли достичь договоренности по инвестиционному соглашению."),
    ("양측은 협력을 지속할 필요가 있다고 하였다.",
     "The two Sides stated that cooperation needed to continue.",
     "Стороны отметили, что нельзя не продолжать сотрудничество."),
    # and more of the same kinds
    ("양측은 동 자료를 연구 목적 이외에는 사용하지 않기로 하였다.",
     "The two Sides agreed to use the data only for research purposes.",
     "Стороны договорились использовать данные только в исследовательских целях."),
    ("양측은 동 자료를 연구 목적 이외에는 사용하지 않기로 하였다.",
     "The two Sides agreed to use the data for no purpose other than research.",
     "Стороны договорились не использовать данные ни для каких целей, кроме исследовательских."),
    ("러시아측은 동 제안에 이의가 없다고 하였다.",
     "The Russian Side stated that it had no objection to the proposal.",
     "Российская Сторона заявила, что не возражает против данного предложения."),
    ("양측은 협력을 지속하지 않을 수 없다고 하였다.",
     "The two Sides stated that they could not but continue cooperation.",
     "Стороны отметили, что нельзя не продолжать сотрудничество."),
    ("양측은 결정을 연기할 수밖에 없었다.",
     "The two Sides had no choice but to postpone the decision.",
     "Стороны были вынуждены отложить решение."),
    ("이 의사록은 국제법상 권리와 의무를 창설하지 아니한다.",
     "These Minutes do not create rights and obligations under international law.",
     "Настоящий протокол не создает прав и обязательств по международному праву."),
    ("양측은 일방적 조치가 허용될 수 없다는 입장을 재확인하였다.",
     "The two Sides reaffirmed that unilateral measures were inadmissible.",
     "Стороны подтвердили, что односторонние меры неприемлемы."),
    ("양측은 상호 내정에 간섭하지 않기로 하였다.",
     "The two Sides agreed on non-interference in each other's internal affairs.",
     "Стороны договорились о невмешательстве во внутренние дела друг друга."),
    ("양측은 협의가 없는 한 동 조치를 시행하지 않는다.",
     "The two Sides shall not apply the measure unless they have consulted.",
     "Стороны не применяют данную меру без проведения консультаций."),
]

# (ko, en, ru or None): a grammatical negation lost or added in one language
WRONG = [
    ("양측은 어업 쿼터에 관하여 합의하지 못하였다.",
     "The two Sides reached agreement on fishing quotas.", None),
    ("러시아측은 동 제안을 지원할 수 있다고 하였다.",
     "The Russian Side stated that it could support the proposal.",
     "Российская Сторона заявила, что не может поддержать данное предложение."),
    ("양측은 제공된 정보를 이전하지 않는다.",
     "The information provided shall be transferred.", None),
    ("러시아측은 동 제안을 수용할 수 없다고 하였다.",
     "The Russian Side stated that it could accept the proposal.", None),
    ("러시아측은 동 제안을 수용할 수 있다고 하였다.",
     "The Russian Side stated that it can't accept the proposal.", None),
    ("양측은 관련 정보를 공개하기로 하였다.",
     "The two Sides agreed not to disclose the relevant information.", None),
    ("양측은 차질 없이 사업을 추진하기로 하였다.",
     "The two Sides agreed not to pursue the project.", None),
    ("양측은 비관세 장벽 문제에 합의하지 못하였다.",
     "The two Sides reached agreement on non-tariff barriers.", None),
    ("양측은 에너지뿐만 아니라 보건 분야에서도 협력하기로 하였다.",
     "The two Sides agreed not to cooperate in energy and health care.", None),
    ("양측은 이 의사록의 내용이 양측의 권리에 영향을 미친다고 하였다.",
     "Nothing in these Minutes shall affect the rights of the two Sides.", None),
    ("양측은 어떠한 제한도 두지 않기로 하였다.", "The two Sides agreed to impose no restrictions.",
     "Стороны договорились ввести ограничения."),
]


def _negation_pairs(ko: str, en: str, ru: str | None) -> set[tuple[str, str]]:
    langs = [KO, RU, EN] if ru is not None else [KO, EN]
    texts = {KO: ko, EN: en} | ({RU: ru} if ru is not None else {})
    m, _p, _s = document(langs, [texts])
    return {(f.langs[0].value, f.langs[-1].value) for f in findings(m) if f.kind == "negation"}


@pytest.mark.parametrize("ko, en, ru", CORRECT)
def test_a_negation_carried_by_a_word_is_no_flip(ko: str, en: str, ru: str) -> None:
    assert _negation_pairs(ko, en, ru) == set()
    assert _negation_pairs(ko, en, None) == set()  # and in a Korean-English document


@pytest.mark.parametrize("ko, en, ru", WRONG)
def test_a_lost_or_added_negation_is_still_caught(ko: str, en: str, ru: str | None) -> None:
    found = _negation_pairs(ko, en, ru)
    # the language that differs is in each of its pairs
    assert found in ({("ko", "en")}, {("ko", "ru"), ("ko", "en")},
                     {("ko", "ru"), ("ru", "en")}, {("ko", "en"), ("ru", "en")}), found


def test_the_tester_trilingual_flip_is_caught_in_each_pair() -> None:
    found = _negation_pairs("양측은 어떠한 제한도 두지 않기로 하였다.",
                            "The two Sides agreed to impose no restrictions.",
                            "Стороны договорились ввести ограничения.")
    assert found == {("ko", "ru"), ("ru", "en")}


def test_nothing_and_none_are_markers_and_their_words_are_shown() -> None:
    text = "Nothing in these Minutes shall affect the rights; none shall be transferred."
    assert [text[s:e] for s, e in negations(text, Lang.EN)] == ["Nothing", "none"]
    assert negations("nonetheless nobodyish notes", Lang.EN) == []


def test_a_turn_whose_negation_is_no_negation_is_not_a_marker() -> None:
    assert negations("러시아측은 동 제안에 이의가 없다고 하였다.", Lang.KO) == []
    assert negations("Стороны отметили, что нельзя не продолжать сотрудничество.", Lang.RU) == []
    assert negations("It had no objection to the proposal.", Lang.EN) == []
    # a Korean "아니라고" reports a negation ("stated that it was not"): still a marker
    assert negations("러시아측은 동 조치가 제재가 아니라고 하였다.", Lang.KO) != []
