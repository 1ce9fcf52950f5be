"""Bold Hangul in the signing originals prints as bold as the Russian and English beside it.

Nanum Myeongjo's Bold is hardly heavier than its Regular next to Times New Roman Bold: the
Korean signature heading read as regular weight between bold Russian and English lines. Bold
Korean runs are set in Nanum Myeongjo ExtraBold (bundled, and named in the font table).
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from minutes_app.checks.signed_text import signature_lines
from minutes_app.docx_io.pdf import docx_to_pdf, fontconfig_file
from minutes_app.docx_io.signing import write_signing
from minutes_app.docx_io.typography import MYEONGJO, MYEONGJO_BOLD
from minutes_app.model import Lang, Side
from minutes_app.resources import resource
from tests.exports.clients import pdf_fonts, word_ink
from tests.exports.schema import assert_valid_docx
from tests.signing.trilingual import trilingual

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _part(docx: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read(name))


def test_bold_korean_runs_name_the_extrabold_face_and_the_font_table_lists_it(
        tmp_path: Path) -> None:
    docx = tmp_path / "kr.docx"
    write_signing(trilingual(), docx, Side.KR)
    assert_valid_docx(docx)
    faces: dict[bool, set[str]] = {True: set(), False: set()}
    for r in _part(docx, "word/document.xml").iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        if any("\uac00" <= c <= "\ud7a3" for c in text):
            fonts = r.find(f"{W}rPr/{W}rFonts")
            assert fonts is not None
            faces[r.find(f"{W}rPr/{W}b") is not None].add(fonts.get(f"{W}eastAsia") or "")
    assert faces == {True: {MYEONGJO_BOLD}, False: {MYEONGJO}}
    names = [f.get(f"{W}name") for f in _part(docx, "word/fontTable.xml").iter(f"{W}font")]
    assert MYEONGJO in names and MYEONGJO_BOLD in names
    again = tmp_path / "again.docx"
    write_signing(trilingual(), again, Side.KR)
    assert again.read_bytes() == docx.read_bytes()


def test_the_extrabold_face_is_bundled_and_seen_by_the_pdf_export(tmp_path: Path) -> None:
    bundled = resource("fonts", "NanumMyeongjoExtraBold.ttf")
    env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(tmp_path)))
    listed = subprocess.run(["fc-list", ":", "file", "family"], capture_output=True, text=True,
                            env=env, check=True).stdout
    assert any(line.startswith(f"{bundled}:") and MYEONGJO_BOLD in line
               for line in listed.splitlines())


def test_the_korean_signature_heading_prints_as_dark_as_the_russian_and_english(
        tmp_path: Path) -> None:
    m = trilingual()
    docx = tmp_path / "kr.docx"
    write_signing(m, docx, Side.KR)
    pdf = docx_to_pdf(docx, tmp_path / "kr.pdf")
    assert "NanumMyeongjoExtraBold" in pdf_fonts(pdf)
    heading = {lang: signature_lines(m, lang, Side.KR)[0][0].text for lang in m.languages}
    page = next(n for n in range(1, 40)
                if heading[Lang.KO] in subprocess.run(
                    ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                    capture_output=True, text=True, check=True).stdout.replace("\n", " "))
    ink = word_ink(pdf, page)

    def darkness(words: list[str]) -> float:
        found = [dark for word, dark in ink if word in words]
        assert found, words
        return sum(found) / len(found)

    korean = darkness(heading[Lang.KO].split())  # both blocks' headings (the same words)
    bold_latin = [darkness([w for w in heading[lang].split() if len(w) > 3])
                  for lang in (Lang.RU, Lang.EN)]
    names = [m.meeting.heads[side].name[Lang.KO] for side in (Side.KR, Side.RU)]
    regular = darkness([w for name in names for w in name.split()])  # 11 pt, not bold
    # Nanum Myeongjo Bold printed 0.180 against the Russian 0.188 and English 0.186
    assert korean > max(bold_latin), (korean, bold_latin)
    assert korean > 1.5 * regular, (korean, regular)
