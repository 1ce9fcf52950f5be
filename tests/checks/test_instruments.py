"""The kind of instrument is compared (checks12, row 7): an MOU in one language and an
Agreement, a Treaty or a Protocol in another blocks signing; the same instrument as each
language names it (양해각서 / MOU / Memorandum of Understanding / меморандум о
взаимопонимании, 약정 / Arrangement / соглашение, 행동계획 / Action Plan / план действий)
is clean."""

from __future__ import annotations

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.checks.instruments import instruments_in
from minutes_app.i18n import findings as wording
from minutes_app.i18n.catalog import set_language
from minutes_app.model import Lang
from tests.checks.corpus_docs import EN, KO, RU, document

CORRECT = [
    ("양측은 양해각서(MOU) 서명을 환영하였다.", "The two Sides welcomed the signing of the MOU.",
     "Стороны приветствовали подписание Меморандума о взаимопонимании."),
    ("양측은 양해각서 서명을 환영하였다.",
     "The two Sides welcomed the signing of the Memorandum of Understanding.",
     "Стороны приветствовали подписание Меморандума."),
    ("양측은 MoU 체결을 환영하였다.", "The two Sides welcomed the conclusion of the MoU.",
     "Стороны приветствовали заключение МоВ."),
    ("양측은 이행약정 체결을 환영하였다.",
     "The two Sides welcomed the conclusion of the Implementing Arrangement.",
     "Стороны приветствовали заключение Имплементационного соглашения."),
    ("양측은 행동계획을 채택하였다.", "The two Sides adopted the Action Plan.",
     "Стороны приняли План действий."),
    ("양측은 협정 체결에 합의하였다.", "The two Sides agreed to conclude the Agreement.",
     "Стороны достигли договоренности о заключении Соглашения."),
    ("양측은 의정서에 서명하였다.", "The two Sides signed the Protocol.",
     "Стороны подписали Протокол."),
    ("양측은 조약 비준을 환영하였다.", "The two Sides welcomed the ratification of the Treaty.",
     "Стороны приветствовали ратификацию Договора."),
    ("양측은 어업 협정에 관한 합의에 도달하였다.",
     "The two Sides reached agreement on the Fisheries Agreement.",
     "Стороны достигли соглашения по Соглашению о рыболовстве."),
    ("이 의사록은 서명일에 효력을 발생한다.", "These Minutes shall take effect on signature.",
     "Настоящий протокол вступает в силу с даты подписания."),
    ("양측은 로드맵을 채택하였다.", "The two Sides adopted the Roadmap.",
     "Стороны приняли «дорожную карту»."),
    ("양측은 공동성명을 발표하였다.", "The two Sides issued a Joint Statement.",
     "Стороны выступили с совместным заявлением."),
    # an instrument one language names and another leaves unnamed: not a kind replaced
    ("양측은 양해각서 서명을 환영하였다.", "The two Sides welcomed the signing of the document.",
     "Стороны приветствовали подписание документа."),
]

WRONG = [
    ("양측은 양해각서(MOU) 서명을 환영하였다.", "The two Sides welcomed the signing of the MOU.",
     "Стороны приветствовали подписание Соглашения.", {("ko", "ru"), ("ru", "en")}),
    ("양측은 양해각서 체결을 환영하였다.", "The two Sides welcomed the signing of the Agreement.",
     "Стороны приветствовали подписание Соглашения.", {("ko", "ru"), ("ko", "en")}),
    ("양측은 양해각서 체결을 환영하였다.", "The two Sides welcomed the signing of the Protocol.",
     "Стороны приветствовали подписание меморандума.", {("ko", "en"), ("ru", "en")}),
    ("양측은 의정서에 서명하였다.", "The two Sides signed the Agreement.",
     "Стороны подписали Протокол.", {("ko", "en"), ("ru", "en")}),
    ("양측은 조약 비준을 환영하였다.", "The two Sides welcomed the ratification of the Treaty.",
     "Стороны приветствовали ратификацию Протокола.", {("ko", "ru"), ("ru", "en")}),
    ("양측은 로드맵을 채택하였다.", "The two Sides adopted the Action Plan.",
     "Стороны приняли План действий.", {("ko", "ru"), ("ko", "en")}),
    ("양측은 협정 체결을 환영하였다.", "The two Sides welcomed the conclusion of the Treaty.",
     "Стороны приветствовали заключение Соглашения.", {("ko", "en"), ("ru", "en")}),
]


def _instrument_pairs(ko: str, en: str, ru: str | None) -> tuple[set[tuple[str, str]], list[str]]:
    langs = [KO, RU, EN] if ru is not None else [KO, EN]
    m, _p, _s = document(langs, [{KO: ko, EN: en} | ({RU: ru} if ru is not None else {})])
    found = findings(m)
    return ({(f.langs[0].value, f.langs[-1].value) for f in found if f.kind == "instrument"},
            [f.kind for f in found])


@pytest.mark.parametrize("ko, en, ru", CORRECT)
def test_the_same_instrument_in_each_language_is_clean(ko: str, en: str, ru: str) -> None:
    assert _instrument_pairs(ko, en, ru)[1] == []


@pytest.mark.parametrize("ko, en, ru, pairs", WRONG)
def test_another_kind_of_instrument_is_caught(ko: str, en: str, ru: str,
                                              pairs: set[tuple[str, str]]) -> None:
    assert _instrument_pairs(ko, en, ru)[0] == pairs


def test_a_korean_english_document_and_the_finding_blocks() -> None:
    m, _p, _s = document([KO, EN], [{KO: "양측은 양해각서 서명을 환영하였다.",
                                     EN: "The two Sides welcomed the signing of the Treaty."}])
    (f,) = findings(m)
    assert f.kind == "instrument" and f.severity == "error"
    assert dict(f.param)["only_a"] == "양해각서" and dict(f.param)["only_b"] == "Treaty"
    set_language("ko")
    try:
        said = wording.describe(f)
    finally:
        set_language("en")
    assert "양해각서" in said and "Treaty" in said and "different" not in said


def test_generic_words_name_no_instrument() -> None:
    # "agreement" reached is no Agreement; a "contracting" party no contract
    assert instruments_in("The two Sides reached agreement; the contracting parties.",
                          Lang.EN) == ()
    assert [sorted(k) for k, _s, _e in instruments_in("Настоящий протокол", Lang.RU)] == \
        [["minutes", "protocol"]]
