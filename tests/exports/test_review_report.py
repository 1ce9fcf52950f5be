"""The review report, read back by pandoc (and once by LibreOffice and poppler), in the two
interface languages: every open paragraph has its row, and its row lists every item."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.checks.readiness import reasons
from minutes_app.docx_io.report import write_report
from minutes_app.i18n import catalog
from minutes_app.i18n.findings import describe
from minutes_app.model import AddComment, Comment, Lang, Minutes, Side, Status
from minutes_app.model.brackets import status_of
from minutes_app.workflows.templates import demo
from minutes_app.tracking.ops import edit_heading
from minutes_app.tracking.revisions import heading_revisions, paragraph_revisions
from tests.exports.clients import inline_text, pandoc_json, pdf_text, table_rows, to_pdf
from tests.exports.schema import assert_valid_docx

NOW = "2020-12-17T09:00:00Z"
# what the report must say, per interface language (written out, not taken from the code)
SAID: dict[str, dict[str, Any]] = {
    "en": {"title": "Review report — Agreed Minutes", "status": "Status: {}",
           "revision": "{side}, round {round}, {lang}: {kind} “{text}”",
           "comment": "Comment ({side}): {text}", "heading": "Heading — ",
           "sides": {Side.KR: "Korean Side", Side.RU: "Russian Side"},
           "langs": {Lang.KO: "Korean", Lang.EN: "English"},
           "kinds": {"insert": "insertion", "delete": "deletion"},
           "statuses": {Status.DRAFT: "draft", Status.PROPOSED: "proposed",
                        Status.BRACKETED: "bracketed",
                        Status.AGREED_AD_REF: "agreed ad referendum", Status.AGREED: "agreed"},
           "columns": ["No.", "Korean", "English", "Open items and findings"]},
    "ko": {"title": "검토 보고서 — 한·러 극동·시베리아 분과위원회 제14차 회의 합의의사록",
           "status": "상태: {}",
           "revision": "{side}, 제{round}차, {lang}: {kind} “{text}”",
           "comment": "의견({side}): {text}", "heading": "제목 — ",
           "sides": {Side.KR: "한국측", Side.RU: "러시아측"},
           "langs": {Lang.KO: "한국어", Lang.EN: "영어"},
           "kinds": {"insert": "삽입", "delete": "삭제"},
           "statuses": {Status.DRAFT: "초안", Status.PROPOSED: "제안",
                        Status.BRACKETED: "괄호 미결", Status.AGREED_AD_REF: "잠정 합의",
                        Status.AGREED: "합의"},
           "columns": ["번호", "한국어", "영어", "미결 사항 및 지적 사항"]},
}
# the report's own words in English: none of them may remain in the Korean report's items
ENGLISH = re.compile(r"\b(Status|round|Comment|Heading|insertion|deletion|Side|draft|"
                     r"proposed|agreed|blocks signing|warning)\b")


@pytest.fixture
def minutes() -> Minutes:
    """The demo in round 3 with a comment and a heading edited by us: every kind of item."""
    m = demo()
    p = m.paragraphs()[6]
    AddComment(p.id, Comment(m.allocate_id(), Side.RU, "Please check the year.", NOW)).apply(m)
    s = next(s for s in m.sections if s.paragraphs and s.numbered)
    edit_heading(m, s.id, Lang.EN, s.heading[Lang.EN] + " and Trade", NOW).apply(m)
    return m


@pytest.fixture(params=["en", "ko"])
def ui(request: pytest.FixtureRequest) -> Iterator[str]:
    """The interface language the report is printed in."""
    catalog.set_language(request.param)
    yield str(request.param)
    catalog.set_language("en")


def _report(m: Minutes, folder: Path) -> tuple[Path, list[list[str]], str]:
    path = folder / "report.docx"
    write_report(m, path)
    assert_valid_docx(path)
    doc = pandoc_json(path)
    return path, table_rows(doc), inline_text(doc["blocks"][0])


def test_every_open_paragraph_has_a_row_listing_every_item(minutes: Minutes, ui: str,
                                                           tmp_path: Path) -> None:
    m, said = minutes, SAID[ui]
    _path, rows, heading = _report(m, tmp_path)
    assert heading.startswith(said["title"])
    notes = {f.paragraph_id for f in findings(m)}
    open_ids = {r.paragraph_id for r in reasons(m)} | notes
    by_texts = {tuple(r[1:3]): r for r in rows}
    listed = 0
    for p in m.paragraphs():
        if p.id not in open_ids:
            assert (p.text(Lang.KO), p.text(Lang.EN)) not in by_texts, p.id
            continue
        row = by_texts[(p.text(Lang.KO), p.text(Lang.EN))]
        listed += 1
        number, cell = row[0], row[3]
        assert number == str(m.number(p.id) or "·")
        assert said["status"].format(said["statuses"][status_of(p)]) in cell
        for r in paragraph_revisions(m, p):
            assert r.lang is not None  # the demo marks no whole paragraph
            assert said["revision"].format(side=said["sides"][r.side], round=r.round,
                                           lang=said["langs"][r.lang],
                                           kind=said["kinds"][r.kind], text=r.text) in cell
        for c in p.comments:
            assert said["comment"].format(side=said["sides"][c.side], text=c.text) in cell
        for f in findings(m):
            if f.paragraph_id == p.id:
                assert describe(f) in cell  # worded by i18n.findings, in the same language
        if ui == "ko":
            assert not ENGLISH.findall(cell), cell
    heading_rows = [r for r in rows if r[0] == "§"]
    assert len(rows) == listed + len(heading_rows) and listed == len(open_ids - {None})
    [edited] = [s for s in m.sections if s.tracks]
    [row] = heading_rows
    assert row[2] == edited.heading[Lang.EN]
    for r in heading_revisions(m, edited):
        assert r.lang is not None
        assert said["heading"] + said["revision"].format(
            side=said["sides"][r.side], round=r.round, lang=said["langs"][r.lang],
            kind=said["kinds"][r.kind], text=r.text) in row[3]


def test_the_column_heads_are_in_the_interface_language(minutes: Minutes, ui: str,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    write_report(minutes, path)
    doc = pandoc_json(path)
    table = next(b for b in doc["blocks"] if b.get("t") == "Table")
    head = table["c"][3][1]
    assert [inline_text(c[4]) for c in head[0][1]] == SAID[ui]["columns"]


def test_the_korean_report_prints_its_hangul(minutes: Minutes, tmp_path: Path) -> None:
    catalog.set_language("ko")
    try:
        path, _rows, _heading = _report(minutes, tmp_path)
    finally:
        catalog.set_language("en")
    text = re.sub(r"\s+", " ", pdf_text(to_pdf(path, tmp_path)))
    assert "검토 보고서 — 한·러 극동·시베리아 분과위원회" in text
    assert {"상태:", "제안", "러시아측,", "삽입", "삭제"} <= set(text.split())
    assert re.search(r"제\s*2\s*차", text)  # poppler may space the digit from its Hangul
    assert "Status:" not in text and "round 2" not in text
