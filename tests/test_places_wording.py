"""Where a finding is, in the interface's words: meeting details by the dialog's field names,
annexes by their Roman numbers; never a field's key or an annex's index."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from minutes_app.checks.finding import Finding
from minutes_app.i18n import catalog
from minutes_app.i18n.findings import where


@pytest.fixture
def korean() -> Iterator[None]:
    catalog.set_language("ko")
    yield
    catalog.set_language("en")


def _at(place: str, place_id: str) -> Finding:
    return Finding("k", "number_mismatch", "error", place, place_id, None, (), (), ())


def test_meeting_fields_and_annexes_in_english() -> None:
    assert where(_at("meeting", "venue")) == "the meeting details (Venue)"
    assert where(_at("meeting", "heads.RU.title")) == (
        "the meeting details (the head of delegation of the Russian Side: Title)")
    assert where(_at("meeting", "parties.KR.delegation")) == (
        "the meeting details (Korean Side: Name of the delegation)")
    assert where(_at("annex", "3.2.1")) == "annex III"


def test_meeting_fields_and_annexes_in_korean(korean: None) -> None:
    assert where(_at("meeting", "body")) == "회의 정보(회의체 명칭)"
    assert where(_at("meeting", "heads.KR.name")) == "회의 정보(한국측 수석대표의 성명)"
    assert where(_at("annex", "2")) == "부속서 II"
    for ident in ("body", "place", "heads.RU.organisation", "parties.RU.side_name"):
        text = where(_at("meeting", ident))
        assert not any(c.isascii() and c.isalpha() for c in text), text


def test_the_imports_round_notes_in_the_interface_language(korean: None) -> None:
    from minutes_app.i18n.places import note_label

    assert note_label("Sent as 의사록_작업본.docx") == "의사록_작업본.docx(으)로 송부"
    assert note_label("Imported from returned.docx") == "returned.docx에서 가져옴"
    assert note_label("제3차 협의 결과") == "제3차 협의 결과"  # a user's note, as typed
    catalog.set_language("en")
    assert note_label("Sent as x.docx") == "Sent as x.docx"
