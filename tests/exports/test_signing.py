"""Signing originals: refusals, the alternat, fingerprints, and LibreOffice's rendering."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.checks.fingerprint import fingerprints
from minutes_app.docx_io.signing import NotReadyToSignError, write_signing
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, SetStatus, Side, Status
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from tests.exports.clients import (
    inline_text, pandoc_json, pdf_fonts, pdf_text, spans, to_pdf,
)

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def agreed() -> Minutes:
    return demo(agreed=True)


def test_refused_with_every_reason_while_anything_is_open(tmp_path: Path) -> None:
    with pytest.raises(NotReadyToSignError) as refused:
        write_signing(demo(), tmp_path / "x.docx", Side.KR)
    codes = {(r.number, r.code) for r in refused.value.reasons}
    assert (12, "bracket") in codes and (9, "pending") in codes and (8, "ad_ref") in codes
    assert (15, "status") in codes
    assert not (tmp_path / "x.docx").exists()


def test_ad_referendum_only_with_the_option_and_then_marked(agreed: Minutes,
                                                            tmp_path: Path) -> None:
    m = demo(agreed=True)
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 8)
    SetStatus(pid, Status.AGREED_AD_REF, Side.RU).apply(m)
    with pytest.raises(NotReadyToSignError, match="ad referendum"):
        write_signing(m, tmp_path / "x.docx", Side.KR)
    out = tmp_path / "adref.docx"
    write_signing(m, out, Side.KR, allow_ad_ref=True)
    text = inline_text(pandoc_json(out, "accept")["blocks"])
    assert "(agreed ad referendum)" in text and "(본국 확인 조건부 합의)" in text


def test_clean_text_no_revisions_or_comments(agreed: Minutes, tmp_path: Path) -> None:
    out = tmp_path / "kr.docx"
    write_signing(agreed, out, Side.KR)
    assert not spans(pandoc_json(out), ("insertion", "deletion", "comment-start"))


def test_byte_identical_for_the_same_document(agreed: Minutes, tmp_path: Path) -> None:
    a = write_signing(agreed, tmp_path / "a.docx", Side.RU, layout="side-by-side")
    b = write_signing(agreed, tmp_path / "b.docx", Side.RU, layout="side-by-side")
    assert a == b


def test_fingerprints_identify_the_text_not_the_copy(agreed: Minutes) -> None:
    prints = fingerprints(agreed)
    assert set(prints) == {Lang.KO, Lang.EN} and all(len(v) == 64 for v in prints.values())
    changed = demo(agreed=True)
    p = changed.paragraphs()[5]
    p.texts[Lang.EN] += " "  # white space is normalised away...
    assert fingerprints(changed) == prints
    p.texts[Lang.EN] += "Also."  # ...words are not
    assert fingerprints(changed)[Lang.EN] != prints[Lang.EN]


@pytest.fixture(scope="module")
def rendered(agreed: Minutes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    docs = {"kr": folder / "kr.docx", "ru": folder / "ru.docx", "working": folder / "w.docx"}
    write_signing(agreed, docs["kr"], Side.KR)
    write_signing(agreed, docs["ru"], Side.RU, initials=True)
    write_working(demo(), docs["working"])
    return {k: to_pdf(v, folder) for k, v in docs.items()}


def test_libreoffice_renders_the_korean_original_korean_first(rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["kr"])
    ko, en = text.find("합의의사록"), text.find("Agreed Minutes of the 14th Meeting")
    assert 0 <= ko < en
    assert "Korea-Russia Far East" in text
    # the signature blocks come before the annexes, side by side: the Korean block on the left
    text = text[:text.find("별첨 1")]
    assert text.rfind("김건") < text.rfind("알렉산더 크루티코프")


def test_libreoffice_renders_the_russian_original_russian_side_first(
        rendered: dict[str, Path]) -> None:
    text = pdf_text(rendered["ru"])
    assert 0 <= text.find("Agreed Minutes") < text.find("합의의사록")
    assert "Russia-Korea Far East" in text  # the alternat name of the body
    text = text[:text.find("Annex I")]  # the signatures come before the annexes
    assert text.rfind("Alexander Krutikov") < text.rfind("Kim Gunn")


def test_every_pdf_uses_a_cjk_font_for_hangul(rendered: dict[str, Path]) -> None:
    for pdf in rendered.values():
        fonts = pdf_fonts(pdf)
        assert any(f in fonts for f in ("Nanum", "Batang", "CJK", "Gothic")), fonts
        assert "양측은" in pdf_text(pdf).replace(" ", "")


def test_export_command_records_the_fingerprints(tmp_path: Path) -> None:
    path = tmp_path / "a.minutes"
    subprocess.run([sys.executable, "-m", "minutes_app", "demo", str(path), "--agreed"],
                   cwd=ROOT, check=True, capture_output=True)
    out = tmp_path / "kr.docx"
    result = subprocess.run([sys.executable, "-m", "minutes_app", "export", str(path), "--kind",
                             "signing", "--copy-for", "KR", "-o", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    f, m = MinutesFile.open(path)
    history = f.history()
    f.close()
    kind, data = history[-1][1], json.loads(history[-1][2])
    assert kind == "export-signing" and data["copy_for"] == "KR"
    assert data["fingerprints"] == {k.value: v for k, v in fingerprints(m).items()}


def test_pdf_export_through_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "a.minutes"
    subprocess.run([sys.executable, "-m", "minutes_app", "demo", str(path)], cwd=ROOT,
                   check=True, capture_output=True)
    out = tmp_path / "working.pdf"
    result = subprocess.run([sys.executable, "-m", "minutes_app", "export", str(path), "--kind",
                             "working", "-o", str(out)], cwd=ROOT, capture_output=True,
                            text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and "양측은" in pdf_text(out).replace(" ", "")


def test_fonts_are_configurable(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "a.minutes"
    subprocess.run([sys.executable, "-m", "minutes_app", "demo", str(path), "--agreed"],
                   cwd=ROOT, check=True, capture_output=True)
    out = tmp_path / "kr.docx"
    result = subprocess.run([sys.executable, "-m", "minutes_app", "export", str(path), "--kind",
                             "signing", "--copy-for", "KR", "--korean-font", "Malgun Gothic",
                             "--latin-font", "Arial", "-o", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    # originals set Korean in the bundled Myeongjo whatever the working copy uses
    assert 'w:eastAsia="NanumMyeongjo"' in xml and 'w:ascii="Arial"' in xml
    assert "Malgun Gothic" not in xml
    working = tmp_path / "w.docx"
    result = subprocess.run([sys.executable, "-m", "minutes_app", "export", str(path), "--kind",
                             "working", "--korean-font", "Malgun Gothic", "-o", str(working)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(working) as z:
        assert 'w:eastAsia="Malgun Gothic"' in z.read("word/document.xml").decode()
