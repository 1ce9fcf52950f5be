"""Signing originals KR and RU, bilingual and trilingual, rendered by LibreOffice and judged
with pdftotext and pdffonts; verify accepts what we wrote and rejects a changed digit."""

from __future__ import annotations

from collections.abc import Callable

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from minutes_app.checks.fingerprint import fingerprints
from minutes_app.checks.verify import verify_text
from minutes_app.docx_io.originals import original_text
from minutes_app.docx_io.signing import write_signing
from minutes_app.model import Lang, Minutes, Side
from minutes_app.workflows.templates import demo
from tests.exports.clients import pdf_fonts, to_pdf
from tests.signing.trilingual import trilingual

Originals = dict[str, tuple[Minutes, Path, Path]]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCS: dict[str, Callable[[], Minutes]] = {"bi": lambda: demo(agreed=True), "tri": trilingual}


def raw_text(pdf: Path) -> str:
    """pdftotext in content order (cells one after the other)."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is not installed (Debian: poppler-utils)")
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def layout_text(pdf: Path) -> str:
    """pdftotext keeping the page layout (columns side by side on one line)."""
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> Originals:
    """Every original: (document, DOCX, PDF) by ``bi-KR``, ``tri-RU``, ..."""
    folder = tmp_path_factory.mktemp("originals")
    out = {}
    for name, build in DOCS.items():
        m = build()
        for side in Side:
            docx = folder / f"{name}-{side.value}.docx"
            write_signing(m, docx, side)
            out[f"{name}-{side.value}"] = (m, docx, to_pdf(docx, folder))
    return out


def _pos(text: str, needle: str) -> int:
    at = text.find(needle)
    assert at >= 0, f"{needle!r} is not in the PDF"
    return at


def test_language_order_follows_the_alternat(originals: Originals) -> None:
    first = {"bi-KR": ("합의의사록", "Agreed Minutes"), "bi-RU": ("Agreed Minutes", "합의의사록"),
             "tri-KR": ("합의의사록", "Согласованный протокол"),
             "tri-RU": ("Согласованный протокол", "합의의사록")}
    for name, (a, b) in first.items():
        text = raw_text(originals[name][2])
        assert _pos(text, a) < _pos(text, b), name
    tri_kr = raw_text(originals["tri-KR"][2])
    assert _pos(tri_kr, "Согласованный протокол") < _pos(tri_kr, "Agreed Minutes")  # ko, ru, en


def test_title_and_body_name_the_pair_in_the_copys_order(originals: Originals) -> None:
    kr, ru = raw_text(originals["bi-KR"][2]), raw_text(originals["bi-RU"][2])
    assert "Russia-Korea" not in kr and "러·한" not in kr
    assert "Korea-Russia" not in ru and "한·러" not in ru
    assert "Russia-Korea Far East and Siberia" in ru  # the title
    assert "under the Russia-Korea Joint Commission" in ru.replace("\n", " ")  # the body text
    assert "러·한 경제과학기술공동위원회" in ru
    tri_ru = raw_text(originals["tri-RU"][2]).replace("\n", " ")
    assert "российско-корейского Подкомитета" in tri_ru and "Российско-корейской Совместной" \
        in tri_ru and "корейско-российск" not in tri_ru.lower()
    tri_kr = raw_text(originals["tri-KR"][2]).replace("\n", " ")
    assert "корейско-российского Подкомитета" in tri_kr


def test_signature_blocks_on_their_sides_and_aligned(originals: Originals) -> None:
    for name, left, right in (("bi-KR", "Kim Gunn", "Alexander Krutikov"),
                              ("bi-RU", "Alexander Krutikov", "Kim Gunn"),
                              ("tri-RU", "Александр Крутиков", "Ким Гон"),
                              ("tri-KR", "김건", "알렉산더 크루티코프")):
        lines = layout_text(originals[name][2]).splitlines()
        row = next(x for x in lines if left in x and right in x)  # one printed line: aligned
        assert row.index(left) < row.index(right), name
    headings = layout_text(originals["tri-RU"][2])
    assert re.search(r"За Российскую Сторону\s+За Корейскую Сторону", headings)


def test_closing_formula_names_its_own_language_first_with_the_prevailing_text(
        originals: Originals) -> None:
    text = raw_text(originals["tri-KR"][2]).replace("\n", " ")
    assert "на русском, корейском и английском языках" in text
    assert "in the English, Korean and Russian languages" in text
    assert "한국어, 러시아어와 영어로" in text
    assert "the English text shall prevail" in text
    assert "используется текст на английском языке" in text and "영어본이 우선한다" in text


def test_annexes_follow_the_signatures_with_their_headings(originals: Originals) -> None:
    for name in originals:
        text = raw_text(originals[name][2])
        signatures = text.rfind("Krutikov") if name.startswith("bi") else text.rfind("Крутиков")
        annex = _pos(text, "Annex I\n")
        assert _pos(text, "Annex II\n") > annex and _pos(text, "별첨 2") > _pos(text, "별첨 1")
        assert "Delegation of the Russian Federation" in text and "Irina Volkova" in text
        if name.startswith("tri"):
            assert "Приложение II" in text and "Состав делегации Российской Федерации" in text
        assert text.find("For the") < annex
        del signatures


def test_fonts_are_embedded_myeongjo_for_hangul_serif_for_cyrillic(originals: Originals) -> None:
    for _m, docx, pdf in originals.values():
        fonts = pdf_fonts(pdf)
        rows = [line.split() for line in fonts.splitlines()[2:]]
        assert rows and all(r[-5] == "yes" for r in rows), fonts  # every font embedded
        assert "NanumMyeongjo" in fonts and "LiberationSerif" in fonts, fonts
        with zipfile.ZipFile(docx) as z:
            table = z.read("word/fontTable.xml").decode()
        assert 'w:altName w:val="Liberation Serif"' in table
    assert "Крутиков" in raw_text(originals["tri-RU"][2])


def test_fingerprints_on_a_separate_sheet_not_on_the_signed_pages(originals: Originals) -> None:
    m, _docx, pdf = originals["bi-KR"]
    pages = raw_text(pdf).split("\f")
    prints = fingerprints(m)
    carrying = [i for i, page in enumerate(pages) if prints[Lang.KO] in page]
    assert carrying == [len([p for p in pages if p.strip()]) - 1]  # the last page only
    assert "Verification sheet" in pages[carrying[0]]


def test_both_originals_have_the_same_fingerprints_and_verify(originals: Originals) -> None:
    for name, (m, docx, pdf) in originals.items():
        for path in (docx, pdf):
            side, results = verify_text(m, *original_text(path))
            assert side.value == name[-2:], (name, path.suffix)
            assert all(r.agreed for r in results), (name, path.suffix, results)
            assert {r.lang: r.found for r in results} == fingerprints(m)


def _change_a_digit(docx: Path, out: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                assert old in text
                data = text.replace(old, new, 1).encode()
            dst.writestr(item, data)


@pytest.mark.parametrize(("lang", "old", "new"), [
    (Lang.KO, "50%", "60%"), (Lang.EN, "50 percent", "60 percent"),
    (Lang.RU, "50 процентов", "60 процентов")])
def test_verify_rejects_a_changed_digit_in_each_language(originals: Originals, tmp_path: Path,
                                                         lang: Lang, old: str, new: str) -> None:
    m, docx, _pdf = originals["tri-RU"]
    changed = tmp_path / "changed.docx"
    _change_a_digit(docx, changed, old, new)
    for path in (changed, to_pdf(changed, tmp_path)):
        _side, results = verify_text(m, *original_text(path))
        verdict = {r.lang: r for r in results}
        assert not verdict[lang].agreed and verdict[lang].found != verdict[lang].expected
        number_2 = next(p.id for p in m.paragraphs() if m.number(p.id) == 2)
        assert verdict[lang].differing == (f"p:{number_2}",), path.suffix
        assert all(r.agreed for r in results if r.lang is not lang), path.suffix


def test_pdf_export_sees_the_bundled_myeongjo(tmp_path: Path) -> None:
    import os

    from minutes_app.docx_io.pdf import fontconfig_file
    from minutes_app.resources import resource

    bundled = resource("fonts", "NanumMyeongjo.ttf")
    assert bundled.exists() and resource("fonts", "OFL.txt").exists()
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(tmp_path)))
    listed = subprocess.run(["fc-list", ":", "file"], capture_output=True, text=True, env=env,
                            check=True).stdout
    assert str(bundled) in listed


def test_side_by_side_trilingual_columns_in_the_alternat_order_and_verified(
        tmp_path: Path) -> None:
    m = trilingual()
    docx = tmp_path / "sbs-RU.docx"
    write_signing(m, docx, Side.RU, layout="side-by-side")
    pdf = to_pdf(docx, tmp_path)
    row = next(line for line in layout_text(pdf).splitlines() if "18 декабря 2020 г." in line)
    assert row.index("18 декабря 2020 г.") < row.index("월") < row.index("18 December 2020")
    for path in (docx, pdf):
        side, results = verify_text(m, *original_text(path))
        assert side is Side.RU and all(r.agreed for r in results), (path.suffix, results)


def test_pdf_export_command_writes_an_original_that_verifies(tmp_path: Path) -> None:
    import sys

    root = Path(__file__).resolve().parent.parent.parent
    path, pdf = tmp_path / "a.minutes", tmp_path / "far-east-signing-RU.pdf"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "minutes_app", *args], cwd=root,
                              capture_output=True, text=True, timeout=240)

    assert run("demo", str(path), "--agreed").returncode == 0
    exported = run("export", str(path), "--kind", "signing", "--copy-for", "RU", "-o", str(pdf))
    assert exported.returncode == 0, exported.stderr
    fonts = pdf_fonts(pdf)
    assert "NanumMyeongjo" in fonts and "LiberationSerif" in fonts
    verified = run("verify", str(path), str(pdf), "--json")
    assert verified.returncode == 0, verified.stdout
    import json

    data = json.loads(verified.stdout)
    assert data["copy_for"] == "RU" and all(x["agreed"] and x["recorded_at_export"]
                                            for x in data["languages"])


def test_the_trilingual_demo_signs_in_each_sides_order(tmp_path: Path) -> None:
    from minutes_app.checks.conformity import blocking
    from minutes_app.model import DismissFinding

    m = demo(agreed=True, languages=[Lang.KO, Lang.RU, Lang.EN])
    for finding in blocking(m):  # the Russian number checks are another piece of work
        DismissFinding(finding.key, "pending").apply(m)
    docx = tmp_path / "demo-RU.docx"
    write_signing(m, docx, Side.RU)
    text, exact, *_rest = original_text(docx)
    russian = text[:text.find("Agreed Minutes")]
    assert russian.startswith("Согласованный протокол 14-го заседания Российско-Корейского "
                              "Подкомитета")
    assert "Корейско-Российск" not in russian and "Российско-Корейской Совместной" in russian
    side, results = verify_text(m, text, exact)
    assert side is Side.RU and all(r.agreed for r in results)


def test_every_original_is_valid_wordprocessingml(originals: Originals, tmp_path: Path) -> None:
    from tests.exports.schema import assert_valid_docx

    for _m, docx, _pdf in originals.values():
        assert_valid_docx(docx)
    m = trilingual()
    for layout, footer in (("side-by-side", False), ("consecutive", True)):
        out = tmp_path / f"{layout}-{footer}.docx"
        write_signing(m, out, Side.RU, layout=layout, initials=True, fingerprint_footer=footer)
        assert_valid_docx(out)


def test_a_pdf_original_verifies_whatever_invisible_characters_its_text_holds(
        tmp_path: Path) -> None:
    """pdftotext drops zero-width spaces, joiners and direction marks: a genuine PDF original
    of a text holding them verifies (its DOCX too), and a changed digit is still caught."""
    from minutes_app.model import SetText

    m = demo(agreed=True)
    p = m.sections[1].paragraphs[0]
    ko, en = p.text(Lang.KO), p.text(Lang.EN)
    SetText(p.id, Lang.KO, ko.replace("양측은", "양측은\u200b", 1) + "\u200f").apply(m)
    SetText(p.id, Lang.EN, en.replace("The two", "The\u2060two\u00ad", 1)
            + "\u200d").apply(m)
    docx = tmp_path / "invisible-KR.docx"
    write_signing(m, docx, Side.KR)
    pdf = to_pdf(docx, tmp_path)
    assert "\u200b" not in raw_text(pdf)  # what the PDF's text layer gives back
    for path in (docx, pdf):
        side, results = verify_text(m, *original_text(path))
        assert side is Side.KR and all(r.agreed for r in results), (path.suffix, results)
    text, exact, *_rest = original_text(pdf)
    changed = text.replace("2020", "2021", 1)
    assert not all(r.agreed for r in verify_text(m, changed, exact)[1])


def test_three_narrow_columns_are_ragged_right_two_are_justified(tmp_path: Path) -> None:
    """Justified, a column a third of the page wide opens gaps wider than its words."""

    def body_alignments(m: Minutes, name: str) -> set[str | None]:
        from lxml import etree

        out = tmp_path / name
        write_signing(m, out, Side.RU, layout="side-by-side")
        with zipfile.ZipFile(out) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        body_table = root.find(f"{_W}body/{_W}tbl")
        assert body_table is not None
        return {(jc.get(f"{_W}val") if (jc := p.find(f"{_W}pPr/{_W}jc")) is not None else None)
                for p in body_table.iter(f"{_W}p")}

    assert "both" not in body_alignments(trilingual(), "tri.docx")
    assert "both" in body_alignments(demo(agreed=True), "bi.docx")
