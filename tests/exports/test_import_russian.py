"""Import of a returned trilingual working copy: columns found by their headers in any language."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from minutes_app.docx_io.headers import header_language
from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.languages import SetLanguageOrder
from minutes_app.model.track import INSERT
from minutes_app.workflows.templates import demo
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.rounds import snapshot

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU
NOW = "2020-12-17T09:00:00Z"


@pytest.mark.parametrize(("text", "lang"), [
    ("한국어 Korean", KO), ("Корейский", KO), ("на корейском языке", KO), ("국문", KO),
    ("English", EN), ("Английский текст", EN), ("영어", EN), ("영문", EN),
    ("Русский Russian", RU), ("Русский", RU), ("러시아어", RU), ("RUSSIAN", RU),
    ("No.", None), ("Status", None), ("Korean / English", None), ("Статус", None),
])
def test_a_header_names_its_language_in_korean_english_or_russian(text: str,
                                                                 lang: Lang | None) -> None:
    assert header_language(text) == lang


def sent() -> Minutes:
    """The agreed trilingual demo after the Korean Side sent round 3."""
    m = demo(agreed=True, languages=[KO, RU, EN])
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z", "Round 3"))
    return m


def _returned(m: Minutes, tmp: Path, headers: dict[Lang, str], old: str, new: str) -> Path:
    """Our working copy as the Russian Side returns it: its headers rewritten, and one
    Russian sentence edited without Track Changes."""
    path = tmp / "working.docx"
    write_working(m, path)
    d = docx.Document(str(path))
    table = max(d.tables, key=lambda t: len(t.rows))
    head = table.rows[0].cells
    for cell in head:
        lang = header_language(cell.text)
        if lang is not None:
            cell.paragraphs[0].runs[0].text = headers[lang]
            for run in cell.paragraphs[0].runs[1:]:
                run.text = ""
    edited = 0
    for row in table.rows[1:]:
        for cell in row.cells:
            for p in cell.paragraphs:
                if old in p.text and len(p.runs) == 1:
                    p.runs[0].text = p.runs[0].text.replace(old, new)
                    edited += 1
    assert edited == 1
    out = tmp / "returned.docx"
    d.save(str(out))
    return out


@pytest.mark.parametrize("headers", [
    {KO: "Корейский", RU: "Русский", EN: "Английский"},
    {KO: "한국어", RU: "러시아어", EN: "영어"},
    {KO: "Korean", RU: "Russian", EN: "English"},
])
def test_columns_map_by_header_even_when_our_order_changed(tmp_path: Path,
                                                           headers: dict[Lang, str]) -> None:
    m = sent()
    old, new = "в Ульсане в 2021 г.", "в Ульсане в конце 2021 г."
    returned = _returned(m, tmp_path, headers, old, new)
    SetLanguageOrder((KO, EN, RU)).apply(m)  # the column order no longer says which is which
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    revisions = all_revisions(m)
    assert [(r.lang, r.side, r.kind, r.text) for r in revisions] == [
        (RU, Side.RU, "insert", "конце ")]
    pid = revisions[0].paragraph_id
    assert new in m.paragraph(pid).text(RU)
    assert "in Ulsan in 2021" in m.paragraph(pid).text(EN)  # English untouched
    assert any(s.kind == INSERT for s in m.paragraph(pid).tracks[RU])
    assert report.touched == [pid]
