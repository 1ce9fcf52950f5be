"""verify accounts for all the text of an original: what is added, hidden or put in another
part is a difference, named where it is; no genuine original, re-saved or printed by
LibreOffice, in any layout, Side or language set, is called changed."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.checks.fingerprint import fingerprints
from minutes_app.checks.verify import LangResult, verify_text
from minutes_app.docx_io.originals import original_text
from minutes_app.docx_io.signing import write_signing
from minutes_app.errors import MinutesError
from minutes_app.model import Lang, Minutes, Side
from minutes_app.workflows.templates import demo
from tests.signing.tamper import (
    Edit, add_styles, append_run, both, convert, edit_part, in_paragraph, paragraph_with,
    restyle_runs, tampered,
)
from tests.signing.trilingual import trilingual

EN_10 = "10.\tThe two Sides agreed to continue consultations"
EN_14 = "14.\tThe two Sides agreed to hold the 3rd Korea-Russia"
KO_9 = "한국측은 러시아 정부가 2021년 상반기에"
NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


@pytest.fixture(scope="module")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Minutes, Path]:
    """The demo's original for the Korean Side (consecutive)."""
    m = demo(agreed=True)
    docx = tmp_path_factory.mktemp("genuine") / "original-KR.docx"
    write_signing(m, docx, Side.KR)
    return m, docx


def _pid(m: Minutes, number: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == number)


def _verdicts(m: Minutes, path: Path) -> dict[Lang, LangResult]:
    side, results = verify_text(m, *original_text(path))
    assert side is Side.KR
    return {r.lang: r for r in results}


def _changed(verdicts: dict[Lang, LangResult], lang: Lang, keys: set[str]) -> None:
    """``lang`` is not the agreed text, for (at least) ``keys``; the other language is."""
    result = verdicts[lang]
    assert not result.agreed and keys <= set(result.differing), result.differing
    assert all(r.agreed for r in verdicts.values() if r.lang is not lang), verdicts


ADDED: dict[str, tuple[Edit, Lang, int]] = {
    "sentence": (append_run(EN_10, " This commitment is not binding on the Russian Side."),
                 Lang.EN, 10),
    "paragraph": (in_paragraph(EN_10, lambda p: p + '<w:p><w:r><w:t xml:space="preserve">10bis.'
                               "\tThe Korean Side shall pay all costs.</w:t></w:r></w:p>"),
                  Lang.EN, 10),
    "korean clause": (append_run(KO_9, " 단, 이 합의는 구속력이 없다."), Lang.KO, 9),
}


@pytest.mark.parametrize("case", list(ADDED))
def test_text_added_to_an_original_is_a_difference_in_docx_and_pdf(
        genuine: tuple[Minutes, Path], tmp_path: Path, case: str) -> None:
    m, docx = genuine
    edit, lang, number = ADDED[case]
    changed = tampered(docx, tmp_path / "added.docx", edit)
    convert([changed], "pdf", tmp_path, tmp_path / "lo")
    pid = _pid(m, number)
    for path in (changed, tmp_path / "added.pdf"):
        verdicts = _verdicts(m, path)
        _changed(verdicts, lang, set())
        # named where it is: the paragraph itself, or text after it
        assert {k for k in verdicts[lang].differing} <= {f"p:{pid}", f"extra:after:p:{pid}"}
        assert verdicts[lang].found != verdicts[lang].expected, path.suffix


QUIET_RUN = ('<w:style w:type="character" w:styleId="QuietBase"><w:name w:val="Quiet base"/>'
             '<w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" '
             'w:styleId="Quiet"><w:name w:val="Quiet"/><w:basedOn w:val="QuietBase"/>'
             "<w:rPr><w:i/></w:rPr></w:style>")
QUIET_PARAGRAPH = ('<w:style w:type="paragraph" w:styleId="QuietPara"><w:name w:val="Quiet '
                   'para"/><w:basedOn w:val="Normal"/><w:rPr><w:webHidden/></w:rPr></w:style>')


def _style_rpr(style_id: str, props: str) -> Edit:
    """``props`` put first in the ``w:rPr`` of a style of styles.xml."""
    def change(styles: str) -> str:
        start = styles.index(f'w:styleId="{style_id}"')
        at = styles.index("<w:rPr>", start) + len("<w:rPr>")
        return styles[:at] + props + styles[at:]
    return edit_part("word/styles.xml", change)


HIDDEN: dict[str, Edit] = {
    "vanish, added run": append_run(KO_9, " 아니다", "<w:vanish/>"),
    "vanish, existing words": restyle_runs(EN_14, "<w:vanish/>"),
    "specVanish": restyle_runs(EN_14, "<w:specVanish/>"),
    "webHidden": append_run(EN_14, " not", "<w:webHidden/>"),
    "white": append_run(EN_14, " not", '<w:color w:val="FFFFFF"/>'),
    "theme background colour": restyle_runs(EN_14, '<w:color w:val="000000" '
                                            'w:themeColor="background1"/>'),
    "colour of the shading": in_paragraph(EN_14, lambda p: p.replace(
        "<w:pPr>", '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>').replace(
        "<w:rPr>", '<w:rPr><w:color w:val="1F3864"/>')),
    "1 pt": append_run(EN_14, " not", '<w:sz w:val="2"/>'),
    "run style chain": both(add_styles(QUIET_RUN),
                            append_run(EN_14, " not", '<w:rStyle w:val="Quiet"/>')),
    "paragraph style": both(add_styles(QUIET_PARAGRAPH), in_paragraph(EN_14, lambda p: p.replace(
        "<w:pPr>", '<w:pPr><w:pStyle w:val="QuietPara"/>'))),
    "Normal style": _style_rpr("Normal", "<w:vanish/>"),
    "document defaults": edit_part("word/styles.xml", lambda s: s.replace(
        "<w:rPrDefault><w:rPr>", "<w:rPrDefault><w:rPr><w:vanish/>")),
    "table style": both(add_styles(  # the signature blocks' table
        '<w:style w:type="table" w:styleId="QuietTable"><w:name w:val="Quiet table"/>'
        '<w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>'), edit_part(
        "word/document.xml", lambda d: d.replace(
            "<w:tblPr>", '<w:tblPr><w:tblStyle w:val="QuietTable"/>', 1))),
}


@pytest.mark.parametrize("case", list(HIDDEN))
def test_text_a_reader_cannot_see_is_a_difference(genuine: tuple[Minutes, Path],
                                                  tmp_path: Path, case: str) -> None:
    m, docx = genuine
    verdicts = _verdicts(m, tampered(docx, tmp_path / "hidden.docx", HIDDEN[case]))
    marks = [k for r in verdicts.values() for k in r.differing if k.startswith("hidden:")]
    assert marks and not all(r.agreed for r in verdicts.values()), verdicts
    if case == "table style":  # the signature blocks, whose table holds both languages
        assert any(k.startswith("hidden:in:sig:") for k in marks), marks
        assert all(any(k.startswith("sig:") for k in r.differing)
                   for r in verdicts.values()), verdicts
    elif case not in ("Normal style", "document defaults"):  # there, every line is hidden
        lang = Lang.KO if case == "vanish, added run" else Lang.EN
        pid = _pid(m, 9 if lang is Lang.KO else 14)
        _changed(verdicts, lang, {f"hidden:in:p:{pid}"})


def test_formatting_that_shows_the_text_is_no_difference(genuine: tuple[Minutes, Path],
                                                         tmp_path: Path) -> None:
    """Switched off, dark on light, 9 pt: what the signatories saw."""
    m, docx = genuine
    edit = both(restyle_runs(EN_14, '<w:vanish w:val="0"/><w:color w:val="1F3864"/>'),
                restyle_runs(KO_9, '<w:webHidden w:val="false"/><w:color w:val="auto"/>'),
                _style_rpr("Normal", '<w:sz w:val="18"/>'))
    verdicts = _verdicts(m, tampered(docx, tmp_path / "shown.docx", edit))
    assert all(r.agreed for r in verdicts.values()), verdicts


def _footer(text: str) -> Edit:
    return edit_part("word/footer1.xml", lambda f: f.replace(
        "</w:ftr>", f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:ftr>"))


def _new_header(parts: dict[str, bytes]) -> None:
    parts["word/header9.xml"] = (
        b'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:p><w:r><w:t>DRAFT - NOT BINDING</w:t></w:r></w:p></w:hdr>")
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/relationships/header" Target="/word/header9.xml"/>'
        b"</Relationships>")


def _alt_chunk(parts: dict[str, bytes]) -> None:
    parts["word/chunk.htm"] = b"<html><body><p>Every commitment above is withdrawn.</p></body>"
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdAlt" Type="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/relationships/aFChunk" Target="chunk.htm"/></Relationships>')
    in_paragraph(EN_10, lambda p: p + '<w:altChunk r:id="rIdAlt"/>')(parts)


TEXT_BOX = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:200pt;'
            'height:20pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>VOID</w:t></w:r></w:p>'
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
OTHER: dict[str, tuple[Edit, str]] = {
    "footer": (_footer("This text is not binding."), "margin"),
    "header": (_new_header, "margin"),
    "altChunk": (_alt_chunk, "chunk:after:p:{p10}"),
    "text box": (in_paragraph(EN_10, lambda p: p.replace("</w:p>", TEXT_BOX + "</w:p>")),
                 "object:in:p:{p10}"),
    "footnote": (in_paragraph(EN_10, lambda p: p.replace(
        "</w:p>", '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')), "note:in:p:{p10}"),
    "comment": (in_paragraph(EN_10, lambda p: p.replace(
        "</w:p>", '<w:r><w:commentReference w:id="0"/></w:r></w:p>')), "comment:in:p:{p10}"),
    "numbering": (in_paragraph(EN_10, lambda p: p.replace("<w:pPr>", "<w:pPr>" + NUMBERED)),
                  "numbering:in:p:{p10}"),
    "numbering by style": (both(add_styles(
        '<w:style w:type="paragraph" w:styleId="Listed"><w:name w:val="Listed"/><w:pPr>'
        + NUMBERED + "</w:pPr></w:style>"), in_paragraph(EN_10, lambda p: p.replace(
            "<w:pPr>", '<w:pPr><w:pStyle w:val="Listed"/>'))), "numbering:in:p:{p10}"),
    "tracked deletion": (in_paragraph(EN_10, lambda p: p.replace("<w:r>", '<w:del w:id="1" '
                         'w:author="x" w:date="2021-01-01T00:00:00Z"><w:r>', 1).replace(
                         "</w:r>", "</w:r></w:del>", 1)), "tracked:in:p:{p10}"),
    "tracked insertion": (in_paragraph(EN_10, lambda p: p.replace("</w:p>", (
        '<w:ins w:id="2" w:author="x" w:date="2021-01-01T00:00:00Z"><w:r><w:t> Not.</w:t>'
        "</w:r></w:ins></w:p>"))), "tracked:in:p:{p10}"),
}


@pytest.mark.parametrize("case", list(OTHER))
def test_other_parts_and_automatic_text_are_differences(genuine: tuple[Minutes, Path],
                                                        tmp_path: Path, case: str) -> None:
    m, docx = genuine
    edit, key = OTHER[case]
    verdicts = _verdicts(m, tampered(docx, tmp_path / "other.docx", edit))
    key = key.format(p10=f"{_pid(m, 10)}")
    if key == "margin":  # on every page, so in every language
        assert all(not r.agreed and key in r.differing for r in verdicts.values()), verdicts
    else:
        _changed(verdicts, Lang.EN, {key})


def test_genuine_originals_in_every_layout_side_and_language_set_verify(
        tmp_path: Path) -> None:
    """As written, re-saved as DOCX by LibreOffice and printed to PDF by it."""
    docs = {"bi": demo(agreed=True), "tri": trilingual()}
    written: dict[Path, tuple[Minutes, Side]] = {}
    for (name, m), side, layout, extras in itertools.product(
            docs.items(), Side, ("consecutive", "side-by-side"), (False, True)):
        out = tmp_path / f"{name}-{side.value}-{layout}-{int(extras)}.docx"
        write_signing(m, out, side, layout=layout, initials=extras, fingerprint_footer=extras)
        written[out] = (m, side)
    convert(written, "pdf", tmp_path / "pdf", tmp_path / "lo")
    convert(written, "docx:MS Word 2007 XML", tmp_path / "resaved", tmp_path / "lo")
    for docx, (m, side) in written.items():
        for path in (docx, tmp_path / "pdf" / f"{docx.stem}.pdf",
                     tmp_path / "resaved" / docx.name):
            assert path.exists(), path
            found, results = verify_text(m, *original_text(path))
            assert found is side and all(r.agreed for r in results), (path, results)
            assert {r.lang: r.found for r in results} == fingerprints(m)


def test_a_strict_open_xml_original_is_refused_by_name(genuine: tuple[Minutes, Path],
                                                       tmp_path: Path) -> None:
    _m, docx = genuine
    strict = tampered(docx, tmp_path / "strict.docx", edit_part(
        "word/document.xml", lambda d: d.replace(
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main")))
    with pytest.raises(MinutesError, match="Strict Open XML"):
        original_text(strict)


def test_the_command_names_the_difference_in_english_and_korean(
        genuine: tuple[Minutes, Path], tmp_path: Path) -> None:
    _m, docx = genuine
    doc = tmp_path / "a.minutes"
    edit = both(ADDED["paragraph"][0], HIDDEN["webHidden"], OTHER["footer"][0])
    changed = tampered(docx, tmp_path / "changed.docx", edit)

    def verify(*lang: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "minutes_app", *lang, "verify", str(doc),
                               str(changed)], capture_output=True, text=True, timeout=120)

    assert subprocess.run([sys.executable, "-m", "minutes_app", "demo", "--agreed", str(doc)],
                          capture_output=True, timeout=120).returncode == 0
    english, korean = verify(), verify("--lang", "ko")
    assert english.returncode == korean.returncode == 1, english.stderr
    assert "text that is not in the agreed text after paragraph 10" in english.stdout
    assert "hidden text" in english.stdout and "in paragraph 14" in english.stdout
    assert "header or footer" in english.stdout
    assert english.stdout.count("header or footer") == 2  # once per language, not repeated
    assert "합의된 본문에 없는 문구" in korean.stdout and "숨겨진 문구" in korean.stdout
    assert "머리글 또는 바닥글" in korean.stdout
    assert "text" not in korean.stdout.replace("SHA-256", "")
    import json

    as_json = subprocess.run([sys.executable, "-m", "minutes_app", "verify", str(doc),
                              str(changed), "--json"], capture_output=True, text=True,
                             timeout=120)
    english_lang = next(x for x in json.loads(as_json.stdout)["languages"] if x["lang"] == "en")
    assert "margin" in english_lang["differing_keys"]  # stable keys for programs
    assert any("after paragraph 10" in label for label in english_lang["differing"])


def test_words_a_pdf_draws_unseen_are_a_difference(genuine: tuple[Minutes, Path],
                                                   tmp_path: Path) -> None:
    """pdftotext gives back white, shaded-over and 1-pt words: their boxes are looked at."""
    m, docx = genuine
    cases = ("white", "colour of the shading", "1 pt")  # (LibreOffice prints a theme colour
    # by its w:val, here black: that PDF shows the words)
    files = [tampered(docx, tmp_path / f"case{i}.docx", HIDDEN[case])
             for i, case in enumerate(cases)]
    convert(files, "pdf", tmp_path, tmp_path / "lo")
    for case, docx_file in zip(cases, files, strict=True):
        verdicts = _verdicts(m, docx_file.with_suffix(".pdf"))
        # where: the line pdftotext puts the word on (a 1-pt word gets a line of its own)
        assert any(k.startswith("hidden:in:") for k in verdicts[Lang.EN].differing), case
        assert not verdicts[Lang.EN].agreed and verdicts[Lang.KO].agreed, (case, verdicts)


def test_paragraphs_swapped_are_named_out_of_their_place(genuine: tuple[Minutes, Path],
                                                         tmp_path: Path) -> None:
    """Korean paragraphs 9 and 10 swapped (a heading between them): each line named once."""
    m, docx = genuine

    def swap(document: str) -> str:
        nine = paragraph_with(document, KO_9).group(0)
        ten = paragraph_with(document, "양측은 러시아 극동 지역 항만 인프라").group(0)
        return document.replace(nine, "\0").replace(ten, nine).replace("\0", ten)

    changed = tampered(docx, tmp_path / "swapped.docx", edit_part("word/document.xml", swap))
    convert([changed], "pdf", tmp_path, tmp_path / "lo")
    for path in (changed, tmp_path / "swapped.pdf"):
        verdicts = _verdicts(m, path)
        _changed(verdicts, Lang.KO, {f"moved:p:{_pid(m, 10)}"})
        assert len(set(verdicts[Lang.KO].differing)) == len(verdicts[Lang.KO].differing)
        assert not any(k.startswith("extra:") for k in verdicts[Lang.KO].differing), path


def test_ink_that_is_no_text_is_a_difference_in_docx_and_pdf(genuine: tuple[Minutes, Path],
                                                             tmp_path: Path) -> None:
    """A black bar (a drawing) over a line: pdftotext reads nothing, the page shows it."""
    m, docx = genuine
    bar = ('<w:r><w:pict><v:rect xmlns:v="urn:schemas-microsoft-com:vml" style="width:120pt;'
           'height:14pt" fillcolor="black" stroked="f"/></w:pict></w:r>')
    changed = tampered(docx, tmp_path / "bar.docx",
                       in_paragraph(EN_10, lambda p: p.replace("</w:p>", bar + "</w:p>")))
    convert([changed], "pdf", tmp_path, tmp_path / "lo")
    for path in (changed, tmp_path / "bar.pdf"):
        _changed(_verdicts(m, path), Lang.EN, {f"object:in:p:{_pid(m, 10)}"})


def test_an_addition_beside_another_languages_changed_line_is_its_own_difference(
        tmp_path: Path) -> None:
    """Three languages side by side (RU): a Russian sentence appended and a Korean paragraph
    added in the same row; each language is named, the English one is intact."""
    m = trilingual()
    preamble = next(p.id for p in m.paragraphs() if p.text(Lang.RU).startswith(
        "Стороны обсудили следующие вопросы"))
    for layout in ("side-by-side", "consecutive"):
        docx = tmp_path / f"{layout}.docx"
        write_signing(m, docx, Side.RU, layout=layout)
        changed = tampered(docx, tmp_path / f"{layout}-added.docx", both(
            append_run("Стороны обсудили следующие вопросы", " Протокол не имеет силы."),
            in_paragraph("양측은 다음 사항에 관하여", lambda p: p + (
                '<w:p><w:r><w:t>추가 문단입니다.</w:t></w:r></w:p>'))))
        convert([changed], "pdf", tmp_path, tmp_path / "lo")
        for path in (changed, changed.with_suffix(".pdf")):
            side, results = verify_text(m, *original_text(path))
            verdicts = {r.lang: r for r in results}
            assert side is Side.RU and verdicts[Lang.EN].agreed, (path, results)
            assert verdicts[Lang.KO].differing == (f"extra:after:p:{preamble}",), path
            assert set(verdicts[Lang.RU].differing) <= {f"p:{preamble}",
                                                        f"extra:after:p:{preamble}"}, path
            assert verdicts[Lang.RU].differing, path


def test_a_pdf_whose_pages_cannot_be_drawn_is_not_verified(genuine: tuple[Minutes, Path],
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """Never "the agreed text" for words it could not look at: pdftoppm missing or failing."""
    from minutes_app.docx_io import pdf_ink

    m, docx = genuine
    convert([docx], "pdf", tmp_path, tmp_path / "lo")
    pdf = tmp_path / docx.with_suffix(".pdf").name
    assert all(v.agreed for v in _verdicts(m, pdf).values())  # with the tools: genuine
    real = pdf_ink._tool
    monkeypatch.setattr(pdf_ink, "_tool", lambda name: None if name == "pdftoppm" else real(name))
    with pytest.raises(MinutesError, match="pdftoppm"):
        original_text(pdf)
    monkeypatch.setattr(pdf_ink, "_tool", lambda name: "/bin/false" if name == "pdftoppm"
                        else real(name))
    with pytest.raises(MinutesError, match="could not be drawn"):
        original_text(pdf)
