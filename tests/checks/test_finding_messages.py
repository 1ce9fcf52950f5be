"""Messages of the checks12 report (row 17 e, g): an omission says which language lacks what
(never "not said in both", read as "said in neither"); Korean sentences choose the particle
from the word before it (no "은(는)", "이(가)" where the word is known); a quote mark that
has no partner is not shown inside quote marks (no "““”")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.i18n import findings as wording
from minutes_app.i18n.catalog import set_language
from minutes_app.i18n.particles import fix_particles
from minutes_app.model import Lang
from tests.checks.corpus_docs import EN, KO, RU, document


@pytest.fixture
def korean() -> Iterator[None]:
    set_language("ko")
    try:
        yield
    finally:
        set_language("en")


def _said(texts: dict[Lang, str], kind: str) -> list[str]:
    m, _p, _s = document(list(texts), [texts])
    return [wording.describe(f) for f in findings(m) if f.kind == kind]


DROPPED = {KO: "양측은 문화 및 관광 분야의 협력을 확대하기로 하였다.",
           RU: "Стороны договорились расширять сотрудничество в области культуры.",
           EN: "The Sides agreed to expand cooperation in culture and tourism."}


def test_an_omission_names_the_language_that_lacks_the_words() -> None:
    said = _said(DROPPED, "omission")
    assert sorted(said) == ["Russian does not say what English says: “tourism”.",
                            "Russian does not say what Korean says: “관광”."]


def test_the_korean_omission_names_the_language_that_lacks_the_words(korean: None) -> None:
    said = _said(DROPPED, "omission")
    assert "러시아어에는 한국어의 “관광”에 해당하는 내용이 없습니다." in said
    assert not any("모두" in s for s in said)


def test_words_each_language_names_alone_are_said_so() -> None:
    said = _said({KO: "양측은 관광 분야의 협력을 확대하기로 하였다.",
                  EN: "The Sides agreed to expand cooperation in culture."}, "omission")
    assert said == ["Each language says what the other does not: Korean names 관광; "
                    "English names culture."]


def test_a_quote_mark_without_partner_is_not_quoted(korean: None) -> None:
    said = _said({KO: "양측은 “신북방정책의 성과를 평가하였다.",
                  EN: "The two Sides appreciated the results of the New Northern Policy."},
                 "pairs")
    assert said == ["한국어 텍스트의 따옴표 “에 짝이 없습니다."]
    set_language("en")
    assert _said({KO: "양측은 “신북방정책의 성과를 평가하였다.",
                  EN: "The two Sides appreciated the results of the New Northern Policy."},
                 "pairs") == ["The quotation mark “ has no partner in the Korean text."]


def test_korean_head_finding_chooses_its_particles(korean: None) -> None:
    # the head of delegation's name in the text differs from the meeting details
    m, _p, _s = document([KO, EN], [{KO: "김건 차관보는 회의를 주재하였다.",
                                     EN: "Deputy Minister Kim Gun chaired the meeting."}])
    said = [wording.describe(f) for f in findings(m)]
    assert not any("(가)" in s or "(는)" in s or "(를)" in s for s in said), said


@pytest.mark.parametrize("written, read", [
    ("부속서 II은(는) 본문에서 인용되지 않습니다.", "부속서 II는 본문에서 인용되지 않습니다."),
    ("부속서 3이(가) 문서에 없습니다.", "부속서 3이 문서에 없습니다."),
    ("부속서 2이(가) 문서에 없습니다.", "부속서 2가 문서에 없습니다."),
    ("제5항은(는) 아직 합의되지 않았습니다.", "제5항은 아직 합의되지 않았습니다."),
    ("“Kim Gunn”이(가), “Ким Гон”이(가) 없습니다.", "“Kim Gunn”이, “Ким Гон”이 없습니다."),
    ("“Krutikov”이(가), “Крутиков”이(가)", "“Krutikov”가, “Крутиков”가"),
    ("“의정서”와(과) “협정”을(를)", "“의정서”와 “협정”을"),
    ("서울(으)로, 부산(으)로", "서울로, 부산으로"),
    ("“2025”(이)라고", "“2025”라고"),
    ("양해각서(MOU)을(를)", "양해각서(MOU)를"),
    ("“—”이(가)", "“—”이(가)"),  # nothing to read: both forms stay
])
def test_particles_follow_the_word_before_them(written: str, read: str) -> None:
    assert fix_particles(written) == read


def test_readiness_reasons_choose_their_particles(korean: None) -> None:
    from minutes_app.checks.readiness import Reason

    r = Reason(paragraph_id=1, number=5, code="status", message="")
    assert wording.describe_reason(r) == "제5항은 아직 합의되지 않았습니다."
