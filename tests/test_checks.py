"""Conformity checks: real bilingual cases, true findings and look-alikes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.checks.conformity import ERROR, WARNING, findings
from minutes_app.checks.numbers import quantities
from minutes_app.checks.readiness import reasons
from minutes_app.model import DismissFinding, Lang, Minutes, SetStatus, Status
from minutes_app.templates import demo

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("the 14th meeting", "제14차 회의"),
        ("accounts for 50 percent of trade", "교역의 50%를 차지"),
        ("half of the total trade", "전체 교역의 절반"),
        ("the third Forum", "제3차 포럼"),
        ("the 3rd Forum", "제3차 포럼"),
        ("held twice since its launch", "출범 이래 2차례 개최된"),
        ("held twice since its launch", "출범 이래 두 차례 개최된"),
        ("the Nine Bridges cooperation", "9개 다리(9-Bridge) 협력"),
        ("on 18 December 2020", "2020년 12월 18일"),
        ("on December 18, 2020", "2020년 12월 18일"),
        ("since November 2018", "2018년 11월 이래"),
        ("in the first half of 2021", "2021년 상반기"),
        ("the two Sides agreed", "양측은 합의하였다"),
        ("between the two countries", "양국 간"),
        ("COVID-19", "코로나19"),
        ("the 30th anniversary", "수교 30주년"),
        ("attached as Annexes I and II", "별첨 1 및 2와 같다"),
        ("1,000 tonnes", "1000톤"),
    ],
)
def test_look_alikes_are_not_flagged(en: str, ko: str) -> None:
    assert quantities(en, Lang.EN) == quantities(ko, Lang.KO)


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("accounts for 50 percent of trade", "교역의 40%를 차지"),
        ("in 2021", "2022년에"),
        ("on 18 December 2020", "2020년 12월 19일"),
        ("the 14th meeting", "제15차 회의"),
        ("held twice", "세 차례 개최"),
        ("half of the trade", "교역의 3분의 1"),
    ],
)
def test_real_differences_are_flagged(en: str, ko: str) -> None:
    assert quantities(en, Lang.EN) != quantities(ko, Lang.KO)


def _with_text(en: str, ko: str) -> tuple[Minutes, int]:
    m = demo(history=False)
    p = m.paragraphs()[5]
    p.texts = {Lang.EN: en, Lang.KO: ko}
    return m, p.id


def _codes(m: Minutes, pid: int) -> set[tuple[str, str]]:
    return {(f.code, f.severity) for f in findings(m) if f.paragraph_id == pid}


def test_the_demos_known_discrepancy() -> None:
    found = findings(demo())
    assert [(f.number, f.code, f.severity) for f in found] == [(14, "numbers", ERROR)]
    assert "2022" in found[0].message and "2021" in found[0].message
    assert findings(demo(agreed=True)) == []


def test_glossary_terms_must_travel_together() -> None:
    m, pid = _with_text("The Far East Development Corporation will help.",
                        "극동 지역 개발 기관이 지원한다.")
    assert ("glossary", WARNING) in _codes(m, pid)
    m, pid = _with_text("The Far East Development Corporation will help.",
                        "극동개발공사가 지원한다.")
    assert ("glossary", WARNING) not in _codes(m, pid)


def test_heads_of_delegation_as_in_the_meeting_details() -> None:
    m, pid = _with_text("Mr. Kim Gunn opened the meeting.", "김 차관보가 개회하였다.")
    assert ("head", WARNING) in _codes(m, pid)


def test_missing_and_untranslated_text() -> None:
    m, pid = _with_text("Only English.", "")
    assert ("missing", ERROR) in _codes(m, pid)
    m, pid = _with_text("Copied text.", "Copied text.")
    assert ("untranslated", ERROR) in _codes(m, pid)


def test_bracket_counts_must_match() -> None:
    m, pid = _with_text("in [early 2021 / 2021]", "2021년 초")
    assert ("brackets", ERROR) in _codes(m, pid)


def test_a_language_edited_after_agreement() -> None:
    m, pid = _with_text("The Sides agreed.", "양측은 합의하였다.")
    SetStatus(pid, Status.AGREED).apply(m)
    m.paragraph(pid).texts[Lang.EN] = "The Sides firmly agreed."
    assert ("stale", WARNING) in _codes(m, pid)


def test_dismissed_findings_stay_dismissed_and_unblock() -> None:
    m = demo()
    [finding] = findings(m)
    assert any(r.code == "finding" for r in reasons(m))
    DismissFinding(finding.key, "Confirmed by capital").apply(m)
    assert findings(m) == [] and findings(m, include_dismissed=True) == [finding]
    assert not any(r.code == "finding" for r in reasons(m))


def test_check_command_exit_codes(tmp_path: Path) -> None:
    path = tmp_path / "x.minutes"
    run = [sys.executable, "-m", "minutes_app"]
    subprocess.run([*run, "demo", str(path)], cwd=ROOT, check=True, capture_output=True)
    result = subprocess.run([*run, "check", str(path), "--json"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)
    assert finding["number"] == 14 and finding["langs"] == ["ko", "en"]
    dismiss = subprocess.run([*run, "dismiss", str(path), finding["key"], "--reason", "OK"],
                             cwd=ROOT, capture_output=True, text=True)
    assert dismiss.returncode == 0, dismiss.stderr
    assert subprocess.run([*run, "check", str(path)], cwd=ROOT).returncode == 0


def test_messages_follow_the_interface_language() -> None:
    from minutes_app.i18n import catalog

    catalog.set_language("ko")
    try:
        [finding] = findings(demo())
        assert finding.message.startswith("숫자")
    finally:
        catalog.set_language("en")


