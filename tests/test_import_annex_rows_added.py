"""A row the other Side adds after an annex's last row, in a copy whose annex we lengthened since
the export: its place is plain (after the annex's last row they saw), so it comes in as a new
paragraph at the end of the annex, after ours; a row they add between two of its rows is still
listed. Imported in one undoable step."""

from __future__ import annotations

import copy as copying
from pathlib import Path

import docx
import pytest

from minutes_app.cli.main import main
from minutes_app.i18n import catalog
from minutes_app.docx_io.unplaced import UnplacedChangesError
from minutes_app.model import Lang, Side
from minutes_app.model.track import Author
from minutes_app.store import MinutesFile
from minutes_app.tracking.annexes import EditAnnexText, annex_revisions
from minutes_app.workflows.exchange import import_returned
from tests.exports.schema import assert_valid_docx
from tests.exports.test_import import lo_edit
from tests.exports.test_import_annexes import PARAS, sent_with_annex
from tests.workflows.conftest import undo_redo

NOW = "2026-11-30T21:00:00Z"
OURS = {Lang.KO: "블라디보스토크 항만 확장", Lang.EN: "Extension of the port of Vladivostok"}
THEIRS = {Lang.KO: "북극항로 공동 연구", Lang.EN: "Joint study of the Northern Sea Route"}


def _exported_then_lengthened(tmp_path: Path) -> tuple[Path, Path]:
    """Annex III (two paragraphs) sent in round 3 and exported; then we add a third."""
    path, copy = tmp_path / "a.minutes", tmp_path / "wc.docx"
    MinutesFile.create(path, sent_with_annex()).close()
    assert main(["--lang", "en", "export", "--kind", "working", "-o", str(copy), str(path)]) == 0
    assert_valid_docx(copy)
    f, m = MinutesFile.open(path)
    try:
        for lang, text in OURS.items():
            op = EditAnnexText(2, 3, lang, text, Author(Side.KR, 4, NOW))
            _inverse, change = op.apply(m)
            f.write(m, change)
    finally:
        f.close()
    return path, copy


def _row_added_with_python_docx(copy: Path, out: Path, after: str) -> Path:
    """A row inserted below the row holding ``after``: a copy of it without its ids, their
    words typed in (as Word's Insert Row Below, then typing)."""
    d = docx.Document(str(copy))
    at = next(i for i, r in enumerate(d.tables[0].rows) if r.cells[2].text == after)
    row = d.tables[0].rows[at]
    new = copying.deepcopy(row._tr)
    for mark in new.xpath(".//w:bookmarkStart | .//w:bookmarkEnd"):
        mark.getparent().remove(mark)
    row._tr.addnext(new)
    added = d.tables[0].rows[at + 1]
    for column, text in ((0, ""), (1, THEIRS[Lang.KO]), (2, THEIRS[Lang.EN])):
        cell = added.cells[column]
        for extra in cell.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        for run in cell.paragraphs[0].runs:
            run._r.getparent().remove(run._r)
        if text:
            cell.paragraphs[0].add_run(text)
    d.save(str(out))
    return out


def _returned(client: str, copy: Path, tmp_path: Path, after: str) -> Path:
    out = tmp_path / "returned.docx"
    if client == "python-docx":
        return _row_added_with_python_docx(copy, out, after)
    return lo_edit(copy, out, [{"insert_row_after": after,
                                "cells": ["", THEIRS[Lang.KO], THEIRS[Lang.EN]]}],
                   False, tmp_path)


@pytest.mark.parametrize("client", ["python-docx", "libreoffice"])
def test_their_row_after_the_annex_s_last_exported_row_comes_in_after_ours(
        tmp_path: Path, client: str) -> None:
    path, copy = _exported_then_lengthened(tmp_path)
    returned = _returned(client, copy, tmp_path, PARAS[1][Lang.EN])
    f, m = MinutesFile.open(path)
    try:
        step = import_returned(m, returned, f.history(), now=NOW)
        undo_redo(f, m, step)  # one undoable step, on disk too
        assert not step.report.params.get("unplaced")
        a = m.annexes[2]
        assert [dict(p) for p in a.paragraphs] == [*PARAS, OURS, THEIRS]
        revs = {(r.annex, r.side, r.round) for r in annex_revisions(m)}
        assert ((2, 3), Side.KR, 5) in revs and ((2, 4), Side.RU, 4) in revs
        assert not any(r.annex == (2, 3) and r.side is Side.RU for r in annex_revisions(m))
    finally:
        f.close()


def test_their_row_between_two_annex_rows_is_still_listed(tmp_path: Path) -> None:
    path, copy = _exported_then_lengthened(tmp_path)
    returned = _row_added_with_python_docx(copy, tmp_path / "returned.docx", PARAS[0][Lang.EN])
    f, m = MinutesFile.open(path)
    try:
        with pytest.raises(UnplacedChangesError) as caught:
            import_returned(m, returned, f.history(), now=NOW)
        assert [(u.scope, u.location) for u in caught.value.unplaced] == [
            ("annex", "annex 3, after part 1")]
    finally:
        f.close()


def _cli(*args: str) -> None:
    assert main(["--lang", "en", *args]) == 0, args


def test_their_edit_of_an_annex_we_moved_since_the_export_lands_in_that_annex(
        tmp_path: Path) -> None:
    """Annexes III "Projects" and IV "Timeline" exported; we then move IV to III: their edit of
    the copy's annex III (its rows' ids say 2) is Projects', now annex IV."""
    path, copy = tmp_path / "a.minutes", tmp_path / "wc.docx"
    _cli("demo", "--languages", "ko,en", "--force", str(path))
    for n, (heading, words) in enumerate((("Projects", "The port of Vladivostok."),
                                          ("Timeline", "First half of 2021.")), start=3):
        text = tmp_path / f"{n}.txt"
        text.write_text(words + "\n", encoding="utf-8")
        _cli("annex", str(path), "--add", "--heading", heading, "--lang", "en")
        _cli("annex", str(path), str(n), "--lang", "en", "--text", str(text))
    _cli("send", str(path))
    _cli("export", "--kind", "working", "-o", str(copy), str(path))
    _cli("annex", str(path), "4", "--move-to", "3")
    d = docx.Document(str(copy))
    row = next(r for r in d.tables[0].rows  # the copy's annex III, paragraph 1 (Projects')
               if r._tr.xpath(".//w:bookmarkStart[@w:name='_ma_2_1']"))
    row.cells[2].paragraphs[-1].add_run(" And Nakhodka.")
    d.save(str(tmp_path / "returned.docx"))
    _cli("import", str(path), str(tmp_path / "returned.docx"))
    f, m = MinutesFile.open(path, read_only=True)
    f.close()
    assert [a.heading.get(Lang.EN) for a in m.annexes[2:]] == ["Timeline", "Projects"]
    assert m.annexes[3].paragraphs[0][Lang.EN] == "The port of Vladivostok. And Nakhodka."
    assert m.annexes[2].paragraphs[0][Lang.EN] == "First half of 2021."
    assert {(r.annex, r.side, r.text.strip()) for r in annex_revisions(m) if r.round == 4} == {
        ((3, 1), Side.RU, "And Nakhodka.")}


def test_an_annex_row_not_placed_is_named_in_korean_by_its_roman_number(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _exported_then_lengthened(tmp_path)
    returned = _row_added_with_python_docx(copy, tmp_path / "returned.docx", PARAS[0][Lang.EN])
    capsys.readouterr()
    try:
        assert main(["--lang", "ko", "import", str(path), str(returned)]) == 1
    finally:
        catalog.set_language("en")
    err = capsys.readouterr().err
    assert "부속서 III, 부분 1 다음" in err and "annex" not in err, err
