"""Hostile and damaged DOCX files (issue 12, items 3, 4 and 7): refused in one sentence,
with bounded work, never a traceback; rows that lost their ids are matched in linear time."""

from __future__ import annotations

import re
import subprocess

import shutil
import zipfile
from pathlib import Path

import pytest

from bench.hostile import (
    bomb_of_rows, lying_sizes, many_elements, patch_zip_header, rows_without_ids, write_docx,
)
from tests.faults.scenes import cli, returned_docx, small_document

JARGON = ("XML_PARSE_HUGE", "Invalid argument", "Errno", "zlib", "Traceback", "line ")


def _refused(done: subprocess.CompletedProcess[str], words: str) -> None:
    err = done.stderr
    assert done.returncode == 1, err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(("minutes-app: error: ", "minutes-app: 오류: ")), err
    assert words in lines[0], lines[0]
    assert not any(j in lines[0] for j in JARGON), lines[0]


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small document and a returned working copy of it."""
    folder = tmp_path_factory.mktemp("hostile")
    doc = small_document(folder / "doc.minutes")
    return doc, returned_docx(doc, folder / "returned.docx")


def _both(doc: Path, path: Path, words: str, tmp: Path) -> None:
    _refused(cli("revisions", str(path)), words)
    target = tmp / "target.minutes"
    shutil.copyfile(doc, target)
    _refused(cli("import", str(target), str(path)), words)
    assert target.read_bytes() == doc.read_bytes()


def test_rows_unpacking_past_any_minutes_are_refused(sent: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    path = bomb_of_rows(tmp_path / "bomb.docx", 45)
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert info.file_size / info.compress_size < 200  # under the ratio limit
    _both(sent[0], path, "larger than a document of minutes can be", tmp_path)


def test_headers_that_lie_about_sizes_do_not_lift_the_cap(sent: tuple[Path, Path],
                                                          tmp_path: Path) -> None:
    # the reader stops at the declared size (then the checksum fails): bounded either way
    _both(sent[0], lying_sizes(tmp_path / "lie.docx", 45), "is damaged", tmp_path)


def test_too_many_elements_are_refused_before_a_tree_is_built(sent: tuple[Path, Path],
                                                              tmp_path: Path) -> None:
    _both(sent[0], many_elements(tmp_path / "many.docx"), "elements", tmp_path)


def test_a_docx_cut_off_halfway_is_called_incomplete(sent: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    """A download or copy that stopped halfway: a zip without its end, not "not a DOCX"."""
    data = sent[1].read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[:len(data) // 2])
    _both(sent[0], cut, "is incomplete: its end is missing", tmp_path)
    _refused(cli("--lang", "ko", "revisions", str(cut)), "다시 요청")


@pytest.mark.parametrize("ui", ["en", "ko"])
def test_a_paragraph_longer_than_any_is_refused_naming_the_file_and_row(
        sent: tuple[Path, Path], tmp_path: Path, ui: str) -> None:
    """Their text grown past 100,000 characters in one cell: the file and the row are named."""
    with zipfile.ZipFile(sent[1]) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode()
    found = re.compile(r"<w:t[^>]*>[^<]{40,}</w:t>").search(doc, doc.index("_mp_"))
    assert found is not None  # the first paragraph row's first language's text
    at = found.end() - len("</w:t>")
    parts["word/document.xml"] = (doc[:at] + " word" * 20_001 + doc[at:]).encode()
    long = tmp_path / "long.docx"
    with zipfile.ZipFile(long, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    target = tmp_path / "target.minutes"
    shutil.copyfile(sent[0], target)
    done = cli("--lang", ui, "import", str(target), str(long))
    _refused(done, "long.docx")
    row = len(re.findall(r"<w:tr[ >]", doc[:at])) - 1  # the header row is not counted
    assert "100,000" in done.stderr
    assert (f"row {row} of the table" if ui == "en" else f"표의 {row}행") in done.stderr
    assert target.read_bytes() == sent[0].read_bytes()


def test_a_strict_open_xml_file_is_named_as_such(sent: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    """Word's "Strict Open XML Document": our copy with ISO 29500 Strict's namespaces."""
    with zipfile.ZipFile(sent[1]) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, data in parts.items():
        if name.endswith(".xml"):
            parts[name] = data.replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main").replace(
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                b"http://purl.oclc.org/ooxml/officeDocument/relationships")
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(strict, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    _both(sent[0], strict, "Strict Open XML Document", tmp_path)
    _refused(cli("--lang", "ko", "revisions", str(strict)), "Word 문서(.docx)")


def _flip_inside_document(src: Path, out: Path) -> Path:
    shutil.copyfile(src, out)
    info = zipfile.ZipFile(out).getinfo("word/document.xml")
    data = bytearray(out.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x55
    out.write_bytes(bytes(data))
    return out


def test_one_corrupted_byte(sent: tuple[Path, Path], tmp_path: Path) -> None:
    _both(sent[0], _flip_inside_document(sent[1], tmp_path / "flip.docx"), "is damaged",
          tmp_path)


def test_deflate64_is_refused_with_advice(sent: tuple[Path, Path], tmp_path: Path) -> None:
    path = tmp_path / "d64.docx"
    shutil.copyfile(sent[1], path)
    patch_zip_header(path, "word/document.xml", "method", 9)
    _both(sent[0], path, "compressed in a way Word does not use", tmp_path)


def test_a_zip_password_is_refused(sent: tuple[Path, Path], tmp_path: Path) -> None:
    path = tmp_path / "pw.docx"
    shutil.copyfile(sent[1], path)
    patch_zip_header(path, "word/document.xml", "flags", 0x1)
    _both(sent[0], path, "password-protected", tmp_path)


def test_a_dtd_in_utf16_is_refused_by_the_parser(sent: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "boom">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
           'main"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>')
    path = write_docx(tmp_path / "dtd16.docx", xml.encode("utf-16"))
    assert b"<!DOCTYPE" not in path.read_bytes()  # a byte search cannot see it
    _both(sent[0], path, "DTD", tmp_path)


def test_a_bookmark_with_a_superscript_digit_is_a_row_without_id(sent: tuple[Path, Path],
                                                                 tmp_path: Path) -> None:
    doc, returned = sent
    path = tmp_path / "sup.docx"
    with zipfile.ZipFile(returned) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                name = text[text.index('w:name="_mp_') + 8:].split('"')[0]
                data = text.replace(f'w:name="{name}"', 'w:name="_mp_²"', 1).encode()
            dst.writestr(info, data)
    target = tmp_path / "t.minutes"
    shutil.copyfile(doc, target)
    before = target.read_bytes()
    done = cli("import", str(target), str(path))
    assert done.returncode == 1, done.stdout  # the row is shown for confirmation, not dropped
    assert "looks like paragraph" in done.stderr and "--accept-uncertain" in done.stderr
    assert "Traceback" not in done.stderr and target.read_bytes() == before


def test_thousands_of_rows_without_ids_are_matched_in_linear_time(tmp_path: Path) -> None:
    from bench.synthetic import synthetic
    from minutes_app.docx_io.working import write_working
    from minutes_app.store import MinutesFile

    m = synthetic(5000)
    doc = tmp_path / "big.minutes"
    MinutesFile.create(doc, m).close()
    working = tmp_path / "w.docx"
    write_working(m, working)
    returned = rows_without_ids(working, tmp_path / "lost.docx")
    done = cli("import", str(doc), str(returned), "--from", "RU", "--accept-uncertain")
    assert done.returncode == 0, done.stderr  # quadratic matching took minutes (timeout)
    assert done.stdout.count("was imported as paragraph") >= 4990
    assert "0 new, 0 deleted" in done.stdout


def test_a_docx_holding_a_part_twice_is_refused_for_import_and_verify(
        sent: tuple[Path, Path], tmp_path: Path) -> None:
    """Two word/document.xml: Word and Python's zipfile read different ones. A signing
    original could show one text and verify as another."""
    import warnings

    twice = tmp_path / "twice.docx"
    with zipfile.ZipFile(sent[1]) as z, zipfile.ZipFile(twice, "w") as out:
        for info in z.infolist():
            out.writestr(info, z.read(info))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns of the duplicate name: the point
            out.writestr("word/document.xml", z.read("word/document.xml"))
    _both(sent[0], twice, "holds two parts named word/document.xml", tmp_path)
    _refused(cli("verify", str(sent[0]), str(twice)), "holds two parts named")
    _refused(cli("--lang", "ko", "revisions", str(twice)), "부분이 두 개 있습니다")
