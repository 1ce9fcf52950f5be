"""The comparison export and the negotiation report, judged by the schemas and pandoc."""

from __future__ import annotations

from tests.helpers import some

import json
import zipfile
from pathlib import Path

from minutes_app.cli.main import main
from tests.exports.clients import pandoc_json, spans
from tests.exports.schema import assert_valid_docx
import pytest

def _valid(docx: Path) -> None:
    assert_valid_docx(docx)  # the project's own copy of the ISO schemas


def test_comparison_export_is_tracked_changes_by_side(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "cmp.docx"
    assert main(["export", str(demo_file), "--kind", "comparison", "--from", "1",
                 "-o", str(out)]) == 0
    _valid(out)
    doc = pandoc_json(out)
    found = {(attrs.get("author"), text.strip()) for _cls, attrs, text in
             spans(doc, ("insertion",))}
    assert ("Russian Side", "and the Northern Sea Route") in found
    assert ("Korean Side", "start-ups and venture investors") in found
    gone = {(attrs.get("author"), text.strip()) for _cls, attrs, text in
            spans(doc, ("deletion",))}
    assert ("Russian Side", "active") in gone


def test_comparison_between_two_sent_rounds_is_only_russian(demo_file: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "cmp12.docx"
    assert main(["export", str(demo_file), "--kind", "comparison", "--from", "1", "--to", "2",
                 "-o", str(out)]) == 0
    _valid(out)
    authors = {attrs.get("author") for _c, attrs, _t in
               spans(pandoc_json(out), ("insertion", "deletion"))}
    assert authors == {"Russian Side"}


def test_compare_and_blame_commands_print_json(demo_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(demo_file), "--from", "1", "--to", "2", "--lang", "en",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    p10 = next(p for p in data["paragraphs"] if p["number"] == 10)
    assert {"kind": "insert", "text": "and the Northern Sea Route ", "side": "RU", "round": 2,
            "time": "2020-12-14T08:30:00Z"} in p10["tracks"]["en"]
    assert main(["blame", str(demo_file), "--lang", "ko", "--json"]) == 0
    blamed = json.loads(capsys.readouterr().out)
    p10 = next(b for b in blamed if b["number"] == 10)
    assert any(s["text"].strip() == "및 북극항로" and s["side"] == "RU" and s["round"] == 2
               for s in p10["spans"])
    assert main(["compare", str(demo_file), "--from", "3"]) == 1  # not a user's traceback


def test_history_report_in_korean_with_its_chart(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "history.docx"
    assert main(["history", str(demo_file), "--lang", "ko", "-o", str(out)]) == 0
    _valid(out)
    with zipfile.ZipFile(out) as z:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in z.namelist())
    text = json.dumps(pandoc_json(out), ensure_ascii=False)
    for word in ("협상", "보고서", "러시아측", "수용"):
        assert f'"{word}"' in text, word


def test_blame_of_an_imported_returned_docx_maps_authors_to_sides(tmp_path: Path) -> None:
    from lxml import etree

    from minutes_app.docx_io.importer import plan_import
    from minutes_app.docx_io.working import write_working
    from minutes_app.model import Lang, Side
    from minutes_app.tracking.decide import decision, select
    from minutes_app.tracking.provenance import blame
    from tests.exports.test_import import NOW, W, _edit_xml, sent

    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)

    def change(root: etree._Element) -> None:  # a tracked insertion by a named delegate
        for t in root.iter(f"{W}t"):
            if t.text and "diplomatic channels" in t.text:
                run = some(t.getparent())
                ins = etree.Element(f"{W}ins", {f"{W}id": "9999", f"{W}author": "Ivan Petrov",
                                                f"{W}date": "2020-12-17T08:00:00Z"})
                new_run = etree.fromstring(etree.tostring(run))
                for nt in new_run.iter(f"{W}t"):
                    nt.text = " (confirmed)"
                ins.append(new_run)
                assert run is not None
                run.addnext(ins)
                break

    returned = tmp_path / "returned.docx"
    _edit_xml(exported, returned, change)
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    assert report.round is not None
    m.rounds.append(report.round)
    decision(m, select(m, lambda r: True), accept=True).apply(m)  # and accepted
    found = [(s.side, s.round) for b in blame(m, Lang.EN) for s in b.spans
             if "(confirmed)" in s.text]
    assert found == [(Side.RU, report.round.number)]


def test_compare_names_whole_paragraph_changes_in_the_interface_language(
        demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from minutes_app.i18n import catalog
    from minutes_app.model import Lang, new_paragraph
    from minutes_app.store import MinutesFile
    from minutes_app.tracking.structure import insert_paragraph

    f, m = MinutesFile.open(demo_file)
    try:  # the Korean Side, drafting round 3, adds a paragraph
        p = new_paragraph(m, {Lang.KO: "양측은 새 단락에 합의하였다.",
                              Lang.EN: "The two Sides agreed on a new paragraph."})
        insert_paragraph(m, m.sections[1].id, 0, p, "2020-12-18T09:00:00Z").apply(m)
        f.write_all(m)
    finally:
        f.close()
    try:
        assert main(["--lang", "ko", "compare", str(demo_file), "--from", "1"]) == 0
        korean = capsys.readouterr().out
    finally:
        catalog.set_language("en")
    assert "    1. ko (문단 삽입) {+양측은 새 단락에 합의하였다.+}(KR r3)" in korean
    assert "(paragraph" not in korean
    assert main(["compare", str(demo_file), "--from", "1"]) == 0
    english = capsys.readouterr().out
    assert "(paragraph inserted)" in english
