"""Ready to sign? reasons in the Korean interface: paragraphs as 제N항, languages by name."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from minutes_app.checks.readiness import reasons
from minutes_app.i18n import catalog
from minutes_app.i18n.findings import describe_reason
from minutes_app.i18n.messages import render
from minutes_app.model import Lang, Minutes, SetAnnexes, SetText
from minutes_app.model.annexes import Annex
from minutes_app.workflows.templates import demo


@pytest.fixture
def korean() -> Iterator[None]:
    """The Korean interface for the test, English after it."""
    catalog.set_language("ko")
    yield
    catalog.set_language("en")


def _gaps() -> Minutes:
    """Paragraph 3 without English; a free annex without English and with other numbers."""
    m = demo(history=False)
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 3)
    SetText(pid, Lang.EN, "").apply(m)
    annex = Annex(heading={Lang.KO: "일정"},
                  paragraphs=({Lang.KO: "회의는 2021년에 열린다.", Lang.EN: "It meets in 2022."},))
    SetAnnexes((*m.annexes, annex)).apply(m)
    return m


def test_reasons_name_paragraphs_and_languages_in_korean(korean: None) -> None:
    said = [describe_reason(r) for r in reasons(_gaps())] + [
        render(r.msg) for r in reasons(_gaps())]
    assert "제3항에 영어 본문이 없습니다." in said
    assert any(re.fullmatch(r"부속서 [IVX]+에 영어 본문이 없습니다\.", s) for s in said), said
    assert any("한국어와(과) 영어의 숫자 또는 날짜가 다릅니다" in s for s in said), said
    for s in said:  # no language code, no bare paragraph number
        assert not re.search(r"\b(ko|en|ru)\b", s), s
        assert not re.search(r"(?<![제\d])\d+항", s), s


def test_reasons_name_languages_in_english_too() -> None:
    said = [render(r.msg) for r in reasons(_gaps())]
    assert "Paragraph 3 has no text in English." in said
    assert any(s.endswith("has no text in English.") and s.startswith("Annex") for s in said)


@pytest.mark.parametrize(("location", "said"), [
    ("table 2, paragraph 7", "파일의 표 2, 7번째 문단"), ("table 1, row 3", "표 1, 3행"),
    ("heading of section 5", "항목 5의 제목"), ("section 5", "항목 5"), ("row 4", "표의 4행"),
    ("paragraph 9", "파일의 9번째 문단"), ("word/header1.xml", "word/header1.xml"),
])
def test_where_an_unplaced_change_is_said_in_korean(korean: None, location: str,
                                                    said: str) -> None:
    from minutes_app.docx_io.unplaced import Unplaced

    line = render(Unplaced("body", location, "Их правка").describe())
    assert line == f"표 아래({said}): “Их правка”"
    assert render(Unplaced("header", "header", "Их правка").describe()) == "머리글: “Их правка”"
