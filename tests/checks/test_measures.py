"""Units of measure are compared (checks12, row 5): tonnes against barrels or kg, km against
miles, hectares against km², MW against GW are caught; the same unit written the ways each
language writes it (톤 / t / тонн, ㎞ / kilometre / км, 헥타르 / ha / га) is clean."""

from __future__ import annotations

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.checks.measures import measure_difference, measures_in
from minutes_app.i18n import findings as wording
from minutes_app.model import Lang
from tests.checks.corpus_docs import EN, KO, RU, document

CORRECT = [
    ("양측은 100만 톤의 원유를 도입하기로 하였다.",
     "The two Sides agreed to import 1 million tonnes of crude oil.",
     "Стороны договорились импортировать 1 млн т сырой нефти."),
    ("양측은 100톤의 물자를 제공하기로 하였다.", "The two Sides agreed to supply 100 t of goods.",
     "Стороны договорились поставить 100 тонн товаров."),
    ("양측은 200㎞ 구간의 도로를 건설하기로 하였다.",
     "The two Sides agreed to build a 200-kilometre road section.",
     "Стороны договорились построить участок дороги протяженностью 200 километров."),
    ("양측은 200km 구간의 도로를 건설하기로 하였다.",
     "The two Sides agreed to build a 200 km road section.",
     "Стороны договорились построить участок дороги протяженностью 200 км."),
    ("양측은 100헥타르 규모의 농지를 조성하기로 하였다.",
     "The two Sides agreed to develop 100 hectares of farmland.",
     "Стороны договорились освоить 100 га сельскохозяйственных угодий."),
    ("양측은 1,000메가와트 규모의 발전소를 건설하기로 하였다.",
     "The two Sides agreed to build a 1,000 MW power plant.",
     "Стороны договорились построить электростанцию мощностью 1000 МВт."),
    ("양측은 연간 50억 ㎥의 가스를 공급하기로 하였다.",
     "The two Sides agreed to supply 5 billion cubic metres of gas a year.",
     "Стороны договорились поставлять 5 млрд куб. м газа в год."),
    ("양측은 200해리 수역에서 협력하기로 하였다.",
     "The two Sides agreed to cooperate within 200 nautical miles.",
     "Стороны договорились сотрудничать в пределах 200 морских миль."),
    ("양측은 5천 톤의 쌀을 지원하기로 하였다.", "The two Sides agreed to provide 5,000 t of rice.",
     "Стороны договорились предоставить 5 тыс. тонн риса."),
    ("양측은 연간 10TWh의 전력을 공급하기로 하였다.",
     "The two Sides agreed to supply 10 TWh of electricity a year.",
     "Стороны договорились поставлять 10 ТВт·ч электроэнергии в год."),
    ("양측은 일일 10만 배럴의 원유를 공급하기로 하였다.",
     "The two Sides agreed to supply 100,000 barrels of crude oil a day.",
     "Стороны договорились поставлять 100 тыс. баррелей нефти в сутки."),
    ("양측은 161㎞(100마일) 구간을 건설하기로 하였다.",
     "The two Sides agreed to build a 161 km (100-mile) section.",
     "Стороны договорились построить участок протяженностью 161 км (100 миль)."),
]

# (ko, en, ru, the pairs that must be told)
WRONG = [
    ("양측은 100만 톤의 원유를 도입하기로 하였다.",
     "The two Sides agreed to import 1 million barrels of crude oil.",
     "Стороны договорились импортировать 1 млн тонн сырой нефти.", {("ko", "en"), ("ru", "en")}),
    ("양측은 100톤의 물자를 제공하기로 하였다.", "The two Sides agreed to supply 100 kg of goods.",
     "Стороны договорились поставить 100 тонн товаров.", {("ko", "en"), ("ru", "en")}),
    ("양측은 200㎞ 구간의 도로를 건설하기로 하였다.",
     "The two Sides agreed to build a 200-mile road section.",
     "Стороны договорились построить участок дороги протяженностью 200 км.",
     {("ko", "en"), ("ru", "en")}),
    ("양측은 100헥타르 규모의 농지를 조성하기로 하였다.",
     "The two Sides agreed to develop 100 hectares of farmland.",
     "Стороны договорились освоить 100 км² сельскохозяйственных угодий.",
     {("ko", "ru"), ("ru", "en")}),
    ("양측은 1,000메가와트 규모의 발전소를 건설하기로 하였다.",
     "The two Sides agreed to build a 1,000 GW power plant.",
     "Стороны договорились построить электростанцию мощностью 1000 МВт.",
     {("ko", "en"), ("ru", "en")}),
    ("양측은 200해리 수역에서 협력하기로 하였다.",
     "The two Sides agreed to cooperate within 200 nautical miles.",
     "Стороны договорились сотрудничать в пределах 200 км.", {("ko", "ru"), ("ru", "en")}),
    ("양측은 5천 톤의 쌀을 지원하기로 하였다.", "The two Sides agreed to provide 5,000 t of rice.",
     "Стороны договорились предоставить 5 тыс. кг риса.", {("ko", "ru"), ("ru", "en")}),
    ("양측은 연간 50억 ㎥의 가스를 공급하기로 하였다.",
     "The two Sides agreed to supply 5 billion cubic metres of gas a year.",
     "Стороны договорились поставлять 5 млрд баррелей газа в год.",
     {("ko", "ru"), ("ru", "en")}),
]


def _units(ko: str, en: str, ru: str) -> tuple[set[tuple[str, str]], list[str]]:
    m, _p, _s = document([KO, RU, EN], [{KO: ko, EN: en, RU: ru}])
    found = findings(m)
    return ({(f.langs[0].value, f.langs[-1].value) for f in found if f.kind == "units"},
            [f.kind for f in found])


@pytest.mark.parametrize("ko, en, ru", CORRECT)
def test_the_same_unit_in_each_language_is_clean(ko: str, en: str, ru: str) -> None:
    assert _units(ko, en, ru)[1] == []


@pytest.mark.parametrize("ko, en, ru, pairs", WRONG)
def test_a_unit_replaced_is_caught(ko: str, en: str, ru: str, pairs: set[tuple[str, str]]
                                   ) -> None:
    assert _units(ko, en, ru)[0] == pairs


def test_the_message_names_both_quantities_with_their_units() -> None:
    m, _p, _s = document([KO, EN], [{KO: "양측은 100만 톤의 원유를 도입하기로 하였다.",
                                     EN: "The two Sides agreed to import 1 million barrels."}])
    (f,) = [f for f in findings(m) if f.kind == "units"]
    assert dict(f.param)["only_a"] == "100만 톤"
    assert dict(f.param)["only_b"] == "1 million barrels"
    assert f.severity == "error"
    assert "100만 톤" in wording.describe(f) and "1 million barrels" in wording.describe(f)


def test_units_are_read_after_a_number_only() -> None:
    assert measures_in("The tonnes of goods and the 5 to 7 km route", Lang.EN) == (
        ("km", 33, 37),)
    assert [m[0] for m in measures_in("5 тыс. тонн, 3 т и 20 кв. км", Lang.RU)] == \
        ["t", "t", "km2"]
    assert [m[0] for m in measures_in("10만 배럴과 3천㎞, 20㎢", Lang.KO)] == ["bbl", "km", "km2"]
    # case tells MW from a word; "mw" is not read as megawatts
    assert measures_in("5 mw", Lang.EN) == () and measures_in("5 MW", Lang.EN)[0][0] == "mw"


def test_a_unit_one_text_adds_is_no_replacement() -> None:
    """A conversion in brackets, or a unit said once: only a unit in place of another tells."""
    ko, en = "161㎞ 구간", "a 161 km (100-mile) section"
    assert measure_difference(ko, Lang.KO, en, Lang.EN) is None
    assert measure_difference("161㎞ 구간", Lang.KO, "a section of 161", Lang.EN) is None
    only = measure_difference("100마일", Lang.KO, "161 km", Lang.EN)
    assert only is not None and [m[0] for m in only[0]] == ["mi"] and \
        [m[0] for m in only[1]] == ["km"]
