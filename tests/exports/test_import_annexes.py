"""Free annexes in the working copy: rows after the body with their revisions as tracked changes,
and a returned file's annex edits (LibreOffice's, Word's markup; tracked or not) imported as the
other Side's revisions."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, SetAnnexes, Side
from minutes_app.model.annexes import FREE, Annex
from minutes_app.model.track import Author
from minutes_app.workflows.templates import demo
from minutes_app.tracking.annexes import EditAnnexText
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.rounds import snapshot
from tests.exports.clients import pandoc_json, spans
from tests.exports.schema import assert_valid_docx
from tests.exports.test_import import NOW, lo_edit

HEADING = {Lang.KO: "공동 투자 사업 목록", Lang.EN: "List of Joint Investment Projects"}
PARAS = ({Lang.KO: "나홋카 항만 현대화", Lang.EN: "Modernisation of the port of Nakhodka"},
         {Lang.KO: "하바롭스크 물류센터 건설",
          Lang.EN: "Construction of a logistics centre in Khabarovsk"})


def sent_with_annex() -> Minutes:
    """The agreed demo with a free annex (III), after the Korean Side sent round 3."""
    m = demo(agreed=True)
    SetAnnexes((*m.annexes, Annex(FREE, heading=dict(HEADING), paragraphs=PARAS))
               ).apply(m)
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z", "Round 3"))
    return m


def test_annex_rows_carry_their_revisions_as_tracked_changes(tmp_path: Path) -> None:
    m = sent_with_annex()
    EditAnnexText(2, 1, Lang.EN, "Modernisation of the port of Vostochny",
                  Author(Side.KR, 4, "2020-12-16T15:00:00Z")).apply(m)
    path = tmp_path / "working.docx"
    write_working(m, path)
    assert_valid_docx(path)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert all(f'w:name="_ma_2_{part}"' in xml for part in range(3))
    assert xml.index("_ma_2_0") > xml.rindex("_mp_")  # after the body
    found = spans(pandoc_json(path), ("insertion", "deletion"))
    assert ("insertion", "Korean Side", "Vostochny") in [
        (kind, attrs.get("author"), text.strip()) for kind, attrs, text in found]
    assert ("deletion", "Korean Side", "Nakhodka") in [
        (kind, attrs.get("author"), text.strip()) for kind, attrs, text in found]


ANNEX_EDITS = [["Construction of a logistics centre in Khabarovsk",
                "Construction of a logistics hub in Khabarovsk"],
               ["공동 투자 사업 목록", "공동 투자 및 기술 협력 사업 목록"],
               {"insert_row_after": "하바롭스크 물류센터 건설",
                "cells": ["", "북극항로 공동 연구", "Joint study of the Northern Sea Route", ""]}]


@pytest.mark.parametrize("track", [True, False], ids=["tracked", "untracked"])
def test_libreoffice_edits_of_annex_rows_import_as_their_revisions(tmp_path: Path,
                                                                   track: bool) -> None:
    m = sent_with_annex()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = lo_edit(exported, tmp_path / "returned.docx", ANNEX_EDITS,  # type: ignore[arg-type]
                       track, tmp_path)
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    revs = [r for r in all_revisions(m) if r.annex is not None]
    assert {(r.side, r.round) for r in revs} == {(Side.RU, 4)}
    assert {(r.annex, r.lang) for r in revs} == {
        ((2, 0), Lang.KO), ((2, 2), Lang.EN), ((2, 3), Lang.KO), ((2, 3), Lang.EN)}
    assert sorted(report.annexes) == [(3, 0), (3, 2), (3, 3)]
    a = m.annexes[2]
    assert a.heading[Lang.KO] == "공동 투자 및 기술 협력 사업 목록"
    assert a.paragraphs[1][Lang.EN] == "Construction of a logistics hub in Khabarovsk"
    assert a.paragraphs[2] == {Lang.KO: "북극항로 공동 연구",
                               Lang.EN: "Joint study of the Northern Sea Route"}
    assert not [r for r in all_revisions(m) if r.annex is None]  # the body untouched


def test_word_markup_in_an_annex_row_keeps_its_author(tmp_path: Path) -> None:
    m = sent_with_annex()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = tmp_path / "returned.docx"
    old = '<w:t xml:space="preserve">Modernisation of the port of Nakhodka</w:t></w:r>'
    ins = ('<w:ins w:id="9001" w:author="Ivan Petrov" w:date="2020-12-17T08:30:00Z"><w:r>'
           '<w:t xml:space="preserve"> and of the port of Vostochny</w:t></w:r></w:ins>')
    with zipfile.ZipFile(exported) as src, zipfile.ZipFile(returned, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                assert text.count(old) == 1
                data = text.replace(old, old + ins).encode()
            dst.writestr(item, data)
    assert_valid_docx(returned)
    op, _report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    revs = [r for r in all_revisions(m) if r.annex is not None]
    assert [(r.annex, r.lang, r.kind, r.text, r.side, r.time) for r in revs] == [
        ((2, 1), Lang.EN, "insert", " and of the port of Vostochny", Side.RU,
         "2020-12-17T08:30:00Z")]


def test_cli_round_trip_a_deleted_annex_row_comes_back_as_their_deletion(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from minutes_app.store import MinutesFile

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "minutes_app", *args],
                              capture_output=True, text=True, timeout=180)

    path = tmp_path / "a.minutes"
    MinutesFile.create(path, sent_with_annex()).close()
    exported = tmp_path / "working.docx"
    assert run("export", str(path), "--kind", "working", "-o", str(exported)).returncode == 0
    assert_valid_docx(exported)
    returned = lo_edit(exported, tmp_path / "returned.docx",
                       [{"delete_row_with": "나홋카 항만 현대화"}],
                       True, tmp_path)
    imported = run("import", str(path), str(returned), "--from", "RU")
    assert imported.returncode == 0, imported.stderr
    assert "Annex parts revised: III.1." in imported.stdout
    revs = [r for r in json.loads(run("revisions", str(path), "--json").stdout)
            if r["scope"] == "annex"]
    assert {(r["part"], r["lang"], r["kind"], r["side"]) for r in revs} == {
        (1, "ko", "delete", "RU"), (1, "en", "delete", "RU")}
    assert "Accepted 2 revision(s)." in run("accept", str(path), "--annex", "3").stdout
    f, m = MinutesFile.open(path)
    f.close()
    assert m.annexes[2].paragraphs == (PARAS[1],) and not m.annexes[2].tracks


@pytest.mark.parametrize("track", [True, False], ids=["tracked", "untracked"])
def test_consecutive_copy_annex_paragraphs_round_trip_through_libreoffice(
        tmp_path: Path, track: bool) -> None:
    m = sent_with_annex()
    EditAnnexText(2, 1, Lang.EN, "Modernisation of the port of Vostochny",
                  Author(Side.KR, 4, "2020-12-16T15:00:00Z")).apply(m)
    exported = tmp_path / "working.docx"
    write_working(m, exported, layout="consecutive")
    assert_valid_docx(exported)
    xml = zipfile.ZipFile(exported).read("word/document.xml").decode()
    assert 'w:name="_ma_2_0_ko"' in xml and 'w:name="_ma_2_2_en"' in xml
    returned = lo_edit(exported, tmp_path / "returned.docx", ANNEX_EDITS[:2],  # type: ignore[arg-type]
                       track, tmp_path)
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    theirs = {(r.annex, r.lang) for r in all_revisions(m) if r.side is Side.RU}
    assert theirs == {((2, 0), Lang.KO), ((2, 2), Lang.EN)}
    assert sorted(report.annexes) == [(3, 0), (3, 2)]
    assert m.annexes[2].paragraphs[1][Lang.EN] == "Construction of a logistics hub in Khabarovsk"
    assert m.annexes[2].paragraphs[0][Lang.EN] == "Modernisation of the port of Vostochny"
    # ours went out with the file: our round 4 was sent, theirs is round 5
    assert {(r.annex, r.round) for r in all_revisions(m) if r.side is Side.KR} == {((2, 1), 4)}
    assert {r.round for r in all_revisions(m) if r.side is Side.RU} == {5}
    assert report.own_round is not None and report.own_round.annexes[2][1][Lang.EN] == \
        "Modernisation of the port of Vostochny"


def test_review_report_lists_pending_annex_revisions(tmp_path: Path) -> None:
    from minutes_app.docx_io.report import write_report

    m = sent_with_annex()
    EditAnnexText(2, 2, Lang.EN, "Construction of a logistics hub in Khabarovsk",
                  Author(Side.RU, 4, NOW)).apply(m)
    path = tmp_path / "report.docx"
    write_report(m, path)
    assert_valid_docx(path)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "Annex III.2" in xml and "Russian Side, round 4, English: insertion “hub”" in xml
