"""The Korean interface says 식별자 where the English one says "id", and quotes the value:
``id가 nonexistent-id인 수정 사항이 없습니다`` read as half a sentence in English."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from babel.messages.pofile import read_po

from minutes_app.cli.main import main
from minutes_app.i18n import catalog

_ID = re.compile(r"(?<![A-Za-z_-])(?:id|ids|ID|Id)(?![A-Za-z_])")


def _without_placeholders(text: str) -> str:
    return re.sub(r"\{[^}]*\}", "", text)


def test_no_korean_sentence_of_the_catalog_says_id() -> None:
    with catalog.po_path("ko").open("rb") as fh:
        entries = [e for e in read_po(fh) if e.id and e.string]
    said = [e.string for e in entries if isinstance(e.string, str)
            and _ID.search(_without_placeholders(e.string))]
    assert said == []
    # the English ones that do say it are worded with 식별자 (and the catalog has them)
    ids = [e for e in entries if isinstance(e.id, str) and _ID.search(_without_placeholders(e.id))]
    assert len(ids) >= 10 and all("식별자" in str(e.string) for e in ids
                                  if "comment" not in str(e.id) and "annex" not in str(e.id))


@pytest.fixture
def minutes_file(tmp_path: Path) -> Path:
    path = tmp_path / "d.minutes"
    assert main(["--lang", "en", "demo", "--languages", "ko,ru,en", str(path)]) == 0
    return path


def _korean(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(["--lang", "ko", *args])
    finally:
        catalog.set_language("en")
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_an_unknown_revision_id_is_named_in_korean_and_quoted(
        minutes_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said = _korean(["accept", str(minutes_file), "nonexistent-id"], capsys)
    assert code != 0
    assert "식별자가 “nonexistent-id”인 미결 수정 사항이 없습니다." in said, said
    assert not _ID.search(said.replace("nonexistent-id", "")), said
    assert "Traceback" not in said


def test_a_docx_that_is_not_our_working_copy_is_refused_in_korean(
        minutes_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.docx"
    d = docx.Document()
    table = d.add_table(rows=3, cols=4)
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            cell.text = f"{i}.{j}"
    d.save(str(other))
    code, said = _korean(["import", str(minutes_file), str(other)], capsys)
    assert code != 0
    assert "어느 행에도 이 의사록 문단의 식별자가 없습니다." in said, said
    assert not _ID.search(said), said
