"""Import of returned working copies: files written by LibreOffice, mapping, safety."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tests.helpers import some

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io import safety
from minutes_app.docx_io.importer import UncertainRowsError, plan_import
from minutes_app.docx_io.reader import DELETE, INSERT, read_docx
from minutes_app.docx_io.reader_parts import revisions_json
from minutes_app.i18n.messages import render
from minutes_app.docx_io.working import write_working
from minutes_app.errors import FileFormatError, MinutesError
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.serialize import minutes_out
from minutes_app.workflows.templates import demo
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.rounds import snapshot
from tests.exports.clients import soffice

ROOT = Path(__file__).resolve().parent.parent.parent
NOW = "2020-12-17T09:00:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sent() -> Minutes:
    """The agreed demo after the Korean Side sent round 3."""
    m = demo(agreed=True)
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z", "Round 3"))
    return m


def lo_edit(src: Path, dst: Path, edits: Sequence[list[str] | dict[str, Any]], track: bool,
            tmp: Path) -> Path:
    """Edit with LibreOffice itself (UNO), as the Russian Side."""
    soffice()
    python = shutil.which("python3", path="/usr/bin") or "/usr/bin/python3"
    check = subprocess.run([python, "-c", "import uno"], capture_output=True)
    if check.returncode != 0:
        pytest.fail("LibreOffice's Python bridge is missing (Debian: python3-uno)")
    edits_file = tmp / "edits.json"
    edits_file.write_text(json.dumps(edits, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([python, str(ROOT / "tests/helpers/lo_edit.py"), str(src), str(dst),
                             "Russian Side", "1" if track else "0", str(edits_file)],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    return dst


EDITS = [["in a virtual format in the first half of 2021",
          "in Vladivostok in the first half of 2021"],
         ["2021년 상반기 화상으로", "2021년 상반기 블라디보스토크에서"],
         ["on dates to be agreed", "on dates to be agreed in 2021"]]


@pytest.mark.parametrize("track", [True, False], ids=["tracked", "untracked"])
def test_round_trip_through_libreoffice(tmp_path: Path, track: bool) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = lo_edit(exported, tmp_path / "returned.docx", EDITS, track, tmp_path)
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    revs = all_revisions(m)
    assert revs and {(r.side, r.round) for r in revs} == {(Side.RU, 4)}
    inserted = {r.text.strip() for r in revs if r.kind == "insert"}
    assert {"Vladivostok", "블라디보스토크에서", "in 2021"} <= inserted
    assert report.round is not None and report.round.number == 4
    # accepting everything gives the text LibreOffice shows with its changes accepted
    decision(m, select(m, lambda r: True), accept=True).apply(m)
    lo_text = {rp.text() for rp in read_docx(returned).paragraphs}
    for p in m.paragraphs():
        if p.id in report.touched:
            assert p.text(Lang.EN) in lo_text and p.text(Lang.KO) in lo_text


@pytest.fixture(scope="module")
def libreoffice_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DOCX written by LibreOffice from a flat ODF holding recorded changes."""
    out = tmp_path_factory.mktemp("lo")
    subprocess.run([soffice(), f"-env:UserInstallation={(out / 'p').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    str(ROOT / "tests/fixtures/tracked.fodt")], capture_output=True, timeout=180)
    path = out / "tracked.docx"
    assert path.exists()
    return path


def test_reader_on_what_libreoffice_writes(libreoffice_file: Path) -> None:
    doc = read_docx(libreoffice_file)
    first = doc.paragraphs[0]
    # LibreOffice splits "상반기 5차" at every Hangul/digit boundary; it is one insertion again
    assert [(p.kind, p.text) for p in first.pieces if p.kind != "="] == [
        (DELETE, "초"), (INSERT, "상반기 5차")]
    found = revisions_json(doc)
    kinds = [(r["kind"], r["scope"], r["text"]) for r in found]
    assert ("delete", "text", "trade") in kinds and ("insert", "text", "commerce") in kinds
    assert ("insert", "paragraph-mark", "¶") in kinds  # a whole inserted paragraph
    assert ("insert", "text", "A new paragraph inserted by the Russian Side.") in kinds
    assert ("delete", "text", "This paragraph is deleted by the Russian Side.") in kinds
    assert ("comment", "comment", "Please check the year.") in kinds
    # the second Side's deletion next to the first Side's insertion keeps both authors
    assert any(r["author"] == "Korean Side" and r["kind"] == "delete" and "Arctic" in str(r["text"])
               for r in found)
    assert any(r["author"] == "Russian Side" and r["kind"] == "insert"
               and "investment" in str(r["text"]) for r in found)
    assert {r["author"] for r in found if r["kind"] == "comment"} == {"Russian Side"}


def test_reader_keeps_the_inserter_of_deleted_words(tmp_path: Path) -> None:
    path = tmp_path / "w.docx"
    write_working(demo(), path)
    nested = [r for r in revisions_json(read_docx(path)) if r.get("inside")]
    assert nested and all(r["author"] == "Korean Side" and r["inside"] == "Russian Side"
                          for r in nested)


def _edit_xml(src: Path, dst: Path, change: Callable[[etree._Element], None]) -> None:
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    change(root)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_new_and_removed_rows_become_new_and_deleted_paragraphs(tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    gone = next(p.id for p in m.paragraphs() if m.number(p.id) == 11)

    def change(root: etree._Element) -> None:
        rows = list(root.iter(f"{W}tr"))
        victim = next(r for r in rows if r.find(f".//{W}bookmarkStart[@{W}name='_mp_{gone}']")
                      is not None)
        new = etree.fromstring(etree.tostring(victim))
        for b in new.iter(f"{W}bookmarkStart"):
            some(b.getparent()).remove(b)
        for t in new.iter(f"{W}t"):
            t.text = "A paragraph the Russian Side added."
        victim.addnext(new)
        some(victim.getparent()).remove(victim)

    returned = tmp_path / "returned.docx"
    _edit_xml(exported, returned, change)
    op, report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    assert report.deleted == [gone] and some(m.paragraph(gone).mark).kind == "delete"
    [new] = report.inserted
    assert some(m.paragraph(new).mark).kind == "insert"
    assert m.paragraph(new).text(Lang.EN).startswith("A paragraph the Russian Side added.")


def test_a_row_that_lost_its_id_is_confirmed_not_guessed(tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)

    def change(root: etree._Element) -> None:
        b = next(x for x in root.iter(f"{W}bookmarkStart")
                 if x.get(f"{W}name") == f"_mp_{m.paragraphs()[8].id}")
        some(b.getparent()).remove(b)

    returned = tmp_path / "returned.docx"
    _edit_xml(exported, returned, change)
    before = minutes_out(m)
    with pytest.raises(UncertainRowsError) as refused:  # asked first: nothing imported
        plan_import(m, returned, Side.RU, NOW)
    assert [render(r) for r in refused.value.rows] == [
        "A row without its paragraph id looks like paragraph 6 (100% alike)."]
    assert minutes_out(m) == before
    _op2, report2 = plan_import(m, returned, Side.RU, NOW, accept_uncertain=True)
    assert not report2.inserted and not report2.deleted
    assert [render(r) for r in report2.uncertain] == [  # said as done, never "not imported"
        "A row without its paragraph id was imported as paragraph 6, which it looks like "
        "(100% alike)."]


# -- safety ---------------------------------------------------------------------------------
def _unchanged(m: Minutes, path: Path, message: str) -> None:
    before = minutes_out(m)
    with pytest.raises((FileFormatError, MinutesError), match=message):
        plan_import(m, path, Side.RU, NOW)
    assert minutes_out(m) == before


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_text("plain text")
    _unchanged(sent(), path, "not a DOCX")


def _ole(path: Path, *streams: str) -> Path:
    """An OLE compound file naming ``streams`` in its directory (UTF-16, as Office writes)."""
    names = b"".join(s.encode("utf-16-le").ljust(64, b"\0") for s in ("Root Entry", *streams))
    path.write_bytes(safety.OLE_MAGIC + b"\0" * 504 + names + b"\0" * 512)
    return path


def test_a_password_protected_file(tmp_path: Path) -> None:
    path = _ole(tmp_path / "x.docx", "EncryptionInfo", "EncryptedPackage")
    _unchanged(sent(), path, "password-protected")


def test_an_old_word_document_is_told_apart_from_a_password(tmp_path: Path) -> None:
    # a real .doc: LibreOffice's "Word 97–2003" save of a working copy
    path = Path(__file__).resolve().parent.parent / "fixtures" / "old-word-97.doc"
    _unchanged(sent(), path, r"old Word 97–2003 document \(\.doc\)")
    # any other compound file (an old Excel sheet) is simply not a DOCX
    _unchanged(sent(), _ole(tmp_path / "book.docx", "Workbook"), "not a DOCX")


def test_a_zip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_TOTAL", 4 * 1024 * 1024)
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a/>")
        z.writestr("word/media/zeros.bin", b"\0" * (8 * 1024 * 1024))
    _unchanged(sent(), path, "unpacks to")


def test_xml_with_a_dtd_and_entities(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e '
                   b'"&e;&e;">]><w:document xmlns:w="x">&e;</w:document>')
    _unchanged(sent(), path, "DTD")


def test_an_unrelated_docx(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=2, cols=3)
    table.cell(1, 1).text = "Something else entirely"
    path = tmp_path / "other.docx"
    d.save(str(path))
    _unchanged(sent(), path, "not a working copy")


def test_a_file_already_imported(tmp_path: Path) -> None:
    m = sent()
    path = tmp_path / "w.docx"
    write_working(m, path)
    from minutes_app.docx_io.import_history import file_digest

    with pytest.raises(MinutesError, match="already been imported"):
        plan_import(m, path, Side.RU, NOW, imported={file_digest(path)})


def test_import_command_line(tmp_path: Path) -> None:
    path = tmp_path / "a.minutes"
    run = [sys.executable, "-m", "minutes_app"]
    subprocess.run([*run, "demo", str(path), "--agreed"], cwd=ROOT, check=True,
                   capture_output=True)
    subprocess.run([*run, "send", str(path), "--side", "KR"], cwd=ROOT, check=True,
                   capture_output=True)
    docx_path = tmp_path / "w.docx"
    subprocess.run([*run, "export", str(path), "--kind", "working", "-o", str(docx_path)],
                   cwd=ROOT, check=True, capture_output=True)
    returned = tmp_path / "returned.docx"
    def change(root: etree._Element) -> None:
        for t in root.iter(f"{W}t"):
            if t.text and "diplomatic channels" in t.text:
                t.text = t.text.replace("diplomatic channels", "diplomatic and other channels")

    _edit_xml(docx_path, returned, change)
    result = subprocess.run([*run, "import", str(path), str(returned), "--from", "RU"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "1 place changed by the Russian Side" in result.stdout
    again = subprocess.run([*run, "import", str(path), str(returned)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "already been imported" in again.stderr


def test_authors_map_to_sides_and_are_remembered(tmp_path: Path) -> None:
    m = sent()
    exported = tmp_path / "working.docx"
    write_working(m, exported)

    def change(root: etree._Element) -> None:  # an edit tracked by a named delegate
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
    assert m.author_sides == {"Ivan Petrov": Side.RU}
    assert report.authors["Ivan Petrov"] == "RU"
    assert any(r.side is Side.RU and "confirmed" in r.text for r in all_revisions(m))
