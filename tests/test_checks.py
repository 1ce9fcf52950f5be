"""Conformity checks: real bilingual cases, true findings and look-alikes, places and keys."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.checks.conformity import ERROR, WARNING, findings
from minutes_app.checks.readiness import reasons
from minutes_app.checks.values import differences
from minutes_app.model import (
    DismissFinding, Lang, Minutes, SetMeeting, SetSectionHeading, SetStatus, SetText, Status,
)
from minutes_app.workflows.templates import demo

ROOT = Path(__file__).resolve().parent.parent
KO, EN, RU = Lang.KO, Lang.EN, Lang.RU


@pytest.mark.parametrize(
    ("en", "ko"),
    [
        ("the 14th meeting", "제14차 회의"),
        ("accounts for 50 percent of trade", "교역의 50%를 차지"),
        ("half of the total trade", "전체 교역의 절반"),
        ("half of the total trade", "전체 교역의 50%"),
        ("the third Forum", "제3차 포럼"),
        ("the 3rd Forum", "제3차 포럼"),
        ("the fifteenth meeting", "제15차 회의"),
        ("held twice since its launch", "출범 이래 2차례 개최된"),
        ("held twice since its launch", "출범 이래 두 차례 개최된"),
        ("the Nine Bridges cooperation", "9개 다리(9-Bridge) 협력"),
        ("on 18 December 2020", "2020년 12월 18일"),
        ("on 18 December 2020", "2020. 12. 18."),
        ("on December 18, 2020", "2020.12.18."),
        ("since November 2018", "2018년 11월 이래"),
        ("in the first half of 2021", "2021년 상반기"),
        ("in early 2021", "2021년 초"),
        ("the two Sides agreed", "양측은 합의하였다"),
        ("between the two countries", "양국 간"),
        ("COVID-19", "코로나19"),
        ("the 30th anniversary", "수교 30주년"),
        ("attached as Annexes I and II", "별첨 1 및 2와 같다"),
        ("1,000 tonnes", "1000톤"),
        ("1,000 tonnes", "1천 톤"),
        ("USD 25 billion", "250억 달러"),
        ("KRW 1.2 trillion", "1조 2천억 원"),
        ("100,000 TEU", "10만 TEU"),
        ("a third of the trade", "교역의 3분의 1"),
        ("under Article 3", "제3조에 따라"),
        ("on 18 December", "12월 18일"),
        ("on 18 December of that year, 2020", "2020년 12월 18일"),
        ("the G20 summit", "G20 정상회의"),
    ],
)
def test_look_alikes_are_not_flagged(en: str, ko: str) -> None:
    assert differences(en, EN, ko, KO) == set()


@pytest.mark.parametrize(
    ("en", "ko", "kind"),
    [
        ("accounts for 50 percent of trade", "교역의 40%를 차지", "numbers"),
        ("in 2021", "2022년에", "numbers"),
        ("on 18 December 2020", "2020년 12월 19일", "dates"),
        ("on 18 December 2020", "2020. 12. 19.", "dates"),
        ("the 14th meeting", "제15차 회의", "numbers"),
        ("the fourteenth meeting", "제15차 회의", "numbers"),
        ("held twice", "세 차례 개최", "numbers"),
        ("half of the trade", "교역의 3분의 1", "numbers"),
        ("KRW 1.2 trillion", "1,200억 원", "numbers"),
        ("due to COVID-19", "코로나29로 인해", "numbers"),
        ("on 18 December 2020", "2020년 12월", "dates"),
        ("on 18 December 2020", "12월 18일", "dates"),
        ("USD 25 billion", "250억 루블", "units"),
        ("in the first half of 2021", "2021년 하반기", "periods"),
        ("in early 2021", "2021년 말", "periods"),
    ],
)
def test_real_differences_are_flagged(en: str, ko: str, kind: str) -> None:
    assert kind in differences(en, EN, ko, KO)


@pytest.mark.parametrize(
    ("ru", "en"),
    [
        ("1 000 тонн", "1,000 tonnes"), ("1,5 млрд долларов США", "USD 1.5 billion"),
        ("18 декабря 2020 г.", "18 December 2020"), ("18.12.2020", "18 December 2020"),
        ("14-е заседание", "the 14th meeting"), ("XIV заседание", "the 14th meeting"),
        ("в первом полугодии 2021 года", "in the first half of 2021"),
        ("10 тыс. TEU", "10,000 TEU"), ("половина торговли", "half of the trade"),
    ],
)
def test_russian_forms_are_the_same_values(ru: str, en: str) -> None:
    assert differences(ru, RU, en, EN) == set()


def _with_text(en: str, ko: str) -> tuple[Minutes, int]:
    m = demo(history=False)
    p = m.paragraphs()[5]
    SetText(p.id, EN, en).apply(m)
    SetText(p.id, KO, ko).apply(m)
    return m, p.id


def _kinds(m: Minutes, pid: int) -> set[tuple[str, str]]:
    return {(f.kind, f.severity) for f in findings(m) if f.paragraph_id == pid}


def test_the_demos_known_discrepancy() -> None:
    found = findings(demo())
    assert [(f.number, f.kind, f.severity) for f in found] == [(14, "numbers", ERROR)]
    assert {s.text for s in found[0].spans} == {"2021", "2022"}
    assert findings(demo(agreed=True)) == []


@pytest.mark.parametrize("langs", [[KO, RU, EN], [KO, RU]], ids=["ko-ru-en", "ko-ru"])
def test_the_trilingual_demos_only_discrepancy(langs: list[Lang]) -> None:
    found = findings(demo(languages=langs))
    assert {(f.number, f.kind, f.langs[0], f.langs[1]) for f in found} == {
        (14, "numbers", KO, other) for other in langs[1:]}
    assert findings(demo(agreed=True, languages=langs)) == []


def test_glossary_terms_must_travel_together() -> None:
    m, pid = _with_text("The Far East Development Corporation will help.",
                        "극동 지역 개발 기관이 지원한다.")
    assert any(kind in ("glossary", "names") for kind, _s in _kinds(m, pid))
    m, pid = _with_text("The Far East Development Corporation will help.",
                        "극동개발공사가 지원한다.")
    assert _kinds(m, pid) == set()


def test_heads_of_delegation_as_in_the_meeting_details() -> None:
    m, pid = _with_text("Mr. Kim Gunn opened the meeting.", "김 차관보가 개회하였다.")
    assert ("heads", ERROR) in _kinds(m, pid)


def test_missing_and_untranslated_text() -> None:
    m, pid = _with_text("Only English.", "")
    assert ("missing", ERROR) in _kinds(m, pid)
    m, pid = _with_text("Copied text.", "Copied text.")
    assert ("untranslated", ERROR) in _kinds(m, pid)


def test_bracket_counts_must_match() -> None:
    from minutes_app.model import Side
    from minutes_app.model.brackets import BracketOption
    from minutes_app.tracking.brackets import bracket_op

    m, pid = _with_text("in [early 2021 / 2021]", "2021년 초")
    assert "brackets" not in {k for k, _ in _kinds(m, pid)}  # typed brackets are text
    bracket_op(m, pid, EN, 4, 14, [BracketOption("early 2021", Side.KR),
                                   BracketOption("2021", Side.RU)], "t").apply(m)
    assert ("brackets", ERROR) in _kinds(m, pid)


def test_a_language_edited_after_agreement() -> None:
    m, pid = _with_text("The Sides agreed.", "양측은 합의하였다.")
    SetStatus(pid, Status.AGREED).apply(m)
    m.paragraph(pid).texts[EN] = "The Sides firmly agreed."
    assert ("stale", WARNING) in _kinds(m, pid)


def test_style_warns_and_meaning_blocks() -> None:
    m, pid = _with_text("The two Sides  agreed to meet in 2021", "양측은 2021년에 만나기로 하였다.")
    assert _kinds(m, pid) == {("spaces", WARNING), ("punctuation", WARNING)}
    assert not any(r.code == "finding" and r.paragraph_id == pid for r in reasons(m))


def test_headings_title_and_meeting_details_are_checked() -> None:
    m = demo(history=False)
    section = m.sections[1]
    SetSectionHeading(section.id, EN, "Review of Cooperation in 2021").apply(m)
    SetSectionHeading(section.id, KO, "2022년 협력 검토").apply(m)
    meeting = m.meeting
    SetMeeting(dataclasses.replace(meeting, venue=meeting.venue | {
        EN: "videoconference between Seoul and Vladivostok"})).apply(m)
    places = {(f.place, f.place_id, f.kind) for f in findings(m)}
    assert ("heading", str(section.id), "numbers") in places
    assert ("meeting", "venue", "names") in places
    blocking = [r.finding.place for r in reasons(m) if r.finding is not None]
    assert "heading" in blocking and "meeting" in blocking  # they block signing too
    SetMeeting(dataclasses.replace(meeting, body=meeting.body | {
        EN: "Korea-Russia Far East and Baikal Sub-committee"})).apply(m)
    places = {(f.place, f.place_id, f.kind) for f in findings(m)}
    assert ("title", "title", "names") in places and ("meeting", "body", "names") in places


def test_the_text_against_the_meeting_details() -> None:
    m = demo(agreed=True)
    assert findings(m) == []
    SetMeeting(dataclasses.replace(m.meeting, ordinal=15)).apply(m)
    found = [f for f in findings(m) if f.kind == "details"]
    assert {(f.param["field"], f.langs, f.place, f.number) for f in found} == {
        ("ordinal", (KO,), "paragraph", None), ("ordinal", (EN,), "paragraph", None)}
    SetMeeting(dataclasses.replace(m.meeting, ordinal=14,
                                   start=m.meeting.start.replace(day=17))).apply(m)
    assert {f.param["field"] for f in findings(m) if f.kind == "details"} == {"date"}


@dataclasses.dataclass
class _Annex:
    id: int
    title: dict[Lang, str]
    rows: list[dict[Lang, str]]


def test_annexes_are_a_place() -> None:
    m = demo(agreed=True)
    head = "Mr. Kim Gunn, Deputy Minister for Political Affairs"
    # any annex-shaped object: the checks read an annex's fields generically
    m.annexes = [_Annex(1, {KO: "한국 대표단", EN: "Korean Delegation"},  # type: ignore[list-item]
                        [{KO: "김건 차관보", EN: head}, {KO: "이철수 과장", EN: ""}])]
    found = [(f.place, f.place_id, f.kind) for f in findings(m)]
    assert found == [("annex", "1.rows.2", "missing")]


def test_keys_survive_unrelated_edits_and_wording() -> None:
    m, pid = _with_text("The Forum will be held in 2021 with 30 participants.",
                        "포럼은 2022년에 30명이 참가한 가운데 개최된다.")
    [before] = [f for f in findings(m) if f.kind == "numbers" and f.paragraph_id == pid]
    SetText(pid, EN, "The Forum will be held in 2021 with 45 participants, as agreed.").apply(m)
    SetText(pid, KO, "포럼은 합의된 대로 2022년에 45명이 참가한 가운데 개최된다.").apply(m)
    [after] = [f for f in findings(m) if f.kind == "numbers" and f.paragraph_id == pid]
    assert after.key == before.key
    DismissFinding(before.key, "Checked with capital").apply(m)
    assert not [f for f in findings(m) if f.kind == "numbers" and f.paragraph_id == pid]
    SetText(pid, KO, "포럼은 합의된 대로 2023년에 45명이 참가한 가운데 개최된다.").apply(m)
    [changed] = [f for f in findings(m) if f.kind == "numbers" and f.paragraph_id == pid]
    assert changed.key != before.key  # a different problem is a new finding


def test_dismissed_findings_stay_dismissed_and_unblock() -> None:
    m = demo()
    [finding] = findings(m)
    assert any(r.code == "finding" for r in reasons(m))
    DismissFinding(finding.key, "Confirmed by capital").apply(m)
    assert findings(m) == [] and findings(m, include_dismissed=True) == [finding]
    assert not any(r.code == "finding" for r in reasons(m))


def test_check_command_json_and_exit_codes(tmp_path: Path) -> None:
    path = tmp_path / "x.minutes"
    run = [sys.executable, "-m", "minutes_app"]
    subprocess.run([*run, "demo", str(path)], cwd=ROOT, check=True, capture_output=True)
    result = subprocess.run([*run, "check", str(path), "--json"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)
    assert finding["kind"] == "numbers" and finding["severity"] == "error"
    assert finding["place"]["type"] == "paragraph" and finding["place"]["number"] == 14
    assert finding["langs"] == ["ko", "en"]
    ko, en = finding["spans"]["ko"][0], finding["spans"]["en"][0]
    assert ko["text"] == "2022" and en["text"] == "2021"
    assert "2022" in finding["message"] and finding["message"].startswith("Numbers differ")
    korean = subprocess.run([*run, "check", str(path), "--json", "--ui-lang", "ko"], cwd=ROOT,
                            capture_output=True, text=True)
    assert json.loads(korean.stdout)[0]["message"].startswith("숫자")
    dismiss = subprocess.run([*run, "dismiss", str(path), finding["key"], "--reason", "OK"],
                             cwd=ROOT, capture_output=True, text=True)
    assert dismiss.returncode == 0, dismiss.stderr
    assert subprocess.run([*run, "check", str(path)], cwd=ROOT).returncode == 0


def test_messages_follow_the_interface_language() -> None:
    from minutes_app.i18n import catalog
    from minutes_app.i18n.findings import describe, describe_reason

    m = demo()
    [finding] = findings(m)
    catalog.set_language("ko")
    try:
        assert describe(finding).startswith("숫자")
        texts = [describe_reason(r) for r in reasons(m)]
        assert all(not any("a" <= c <= "z" for c in t.replace("ko", "").replace("en", ""))
                   for t in texts if "Korean" not in t), texts
    finally:
        catalog.set_language("en")
    assert describe(finding).startswith("Numbers differ")


def test_the_checks_make_no_sentences() -> None:
    for path in (ROOT / "minutes_app" / "checks").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "catalog" not in source and " _(" not in source, path.name
