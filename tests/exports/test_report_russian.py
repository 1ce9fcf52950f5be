"""The review report of trilingual minutes, read back by pandoc."""

from __future__ import annotations

from pathlib import Path

from minutes_app.docx_io.report import write_report
from minutes_app.model import Lang
from minutes_app.model.languages import RemoveLanguage
from minutes_app.workflows.templates import demo
from tests.exports.clients import inline_text, pandoc_json

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU


def test_the_report_has_a_russian_column_and_the_russian_revisions(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    write_report(demo(languages=[KO, RU, EN]), path)
    text = inline_text(pandoc_json(path)["blocks"])
    assert "Российская Сторона предложила продолжить совместные усилия" in text
    assert "Russian Side, round 2, Russian: insertion “совместные ”" in text
    assert "Korean Side, round 3, Russian: deletion “ Российской Федерации”" in text
    assert text.index("Корейская Сторона") > text.index("한국측")  # Korean first, as ours


def test_a_korean_russian_report_is_titled_in_its_languages(tmp_path: Path) -> None:
    m = demo(languages=[KO, RU, EN])
    RemoveLanguage(EN).apply(m)
    path = tmp_path / "report.docx"
    write_report(m, path)
    text = inline_text(pandoc_json(path)["blocks"])
    assert text.startswith("Review report — 한·러 극동·시베리아 분과위원회 제14차 회의 합의의사록")
    assert "Agreed Minutes" not in text and "Стороны" in text
