"""A returned copy's runs hold more than ``w:t``: what the other Side typed there is imported or
listed, never lost in silence. Symbols (``w:sym``) become their characters where Adobe's Symbol
encoding has one; a ruby keeps its base as the text; equations, pictures, picture-font symbols,
readings and hidden text are listed as not placed; a content control's placeholder is nobody's
text; words struck, highlighted, coloured or shaded without Track Changes are noted, the import
goes on. The files are ours, edited as Word writes these elements."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.docx_io import run_content
from minutes_app.docx_io.importer import ImportReport, plan_import
from minutes_app.docx_io.reader import read_docx
from minutes_app.docx_io.unplaced import UnplacedChangesError
from minutes_app.docx_io.working import write_working
from minutes_app.i18n.messages import render
from minutes_app.model import Lang, Minutes, Side
from minutes_app.store import MinutesFile
from minutes_app.tracking.revisions import all_revisions
from minutes_app.workflows.templates import demo
from tests.helpers.returned import edit_docx
from tests.exports.test_import import NOW, sent

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
KO, EN = 1, 2  # the cells of a paragraph's row
PARA_4_EN = "as from its 15th meeting"
RPR = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>'


def _pid(m: Minutes, number: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == number)


def _ins(inner: str, ident: int = 901) -> str:
    return (f'<w:ins w:id="{ident}" w:author="Ivan Petrov" w:date="2020-12-17T09:30:00Z">'
            f"{inner}</w:ins>")


def _run(text: str, rpr: str = RPR) -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _splice(cell: etree._Element, words: str, xml: str) -> None:
    """Put ``xml`` where ``words`` stand in a plain run of ``cell`` (the words replaced)."""
    t = next(t for t in cell.iter(f"{W}t") if words in (t.text or ""))
    run = t.getparent()
    assert run is not None
    before, after = (t.text or "").split(words, 1)
    new = etree.fromstring(f"<x {_NS}>{_run(before)}{xml}{_run(after)}</x>")
    parent = run.getparent()
    assert parent is not None
    at = parent.index(run)
    parent.remove(run)
    for i, e in enumerate(new):
        parent.insert(at + i, e)


def _returned(m: Minutes, tmp_path: Path, change: Callable[[etree._Element], None],
              styles: Callable[[etree._Element], None] | None = None) -> Path:
    """Our working copy with ``change`` made to its main part (and its styles)."""
    exported, returned = tmp_path / "working.docx", tmp_path / "returned.docx"
    write_working(m, exported)
    edit_docx(exported, returned, change, styles)
    return returned


def _cell(root: etree._Element, pid: int, column: int) -> etree._Element:
    row = next(tr for tr in root.iter(f"{W}tr")
               if tr.find(f".//{W}bookmarkStart[@{W}name='_mp_{pid}']") is not None)
    return row.findall(f"{W}tc")[column]


def _at_paragraph_4(xml: str) -> Callable[[etree._Element], None]:
    """``xml`` after paragraph 4's English words ``PARA_4_EN``."""
    def change(root: etree._Element) -> None:
        _splice(_cell(root, _pid(sent(), 4), EN), PARA_4_EN, _run(PARA_4_EN) + xml)
    return change


def _unplaced(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(UnplacedChangesError) as caught:
        plan_import(sent(), path, Side.RU, NOW)
    return [(u.scope, u.location, u.text) for u in caught.value.unplaced]


def _imported(m: Minutes, path: Path, accept_unplaced: bool = False) -> ImportReport:
    op, report = plan_import(m, path, Side.RU, NOW, accept_unplaced=accept_unplaced)
    op.apply(m)
    return report


def _inserted(m: Minutes, pid: int, lang: Lang) -> list[str]:
    return [r.text for r in all_revisions(m) if r.paragraph_id == pid and r.lang is lang
            and r.kind == "insert" and r.side is Side.RU]


# --- symbols and tabs ---------------------------------------------------------------------

@pytest.mark.parametrize(("font", "code", "char"), [
    ("Symbol", "F0B0", "°"), ("Symbol", "F0B7", "•"), ("Symbol", "F0B1", "±"),
    ("Symbol", "F0B4", "×"), ("Symbol", "F0D7", "⋅"), ("Symbol", "F061", "α"),
    ("symbol", "00B0", "°"), ("Times New Roman", "2013", "–")])
def test_a_symbol_in_a_tracked_insertion_comes_in_as_its_character(
        tmp_path: Path, font: str, code: str, char: str) -> None:
    xml = _ins(_run(" at -20") + f'<w:r>{RPR}<w:sym w:font="{font}" w:char="{code}"/></w:r>'
               + _run("C"))
    returned = _returned(sent(), tmp_path, _at_paragraph_4(xml))
    m = sent()
    pid = _pid(m, 4)
    _imported(m, returned)
    assert f"{PARA_4_EN} at -20{char}C," in m.paragraph(pid).text(Lang.EN)
    assert _inserted(m, pid, Lang.EN) == [f" at -20{char}C"]


def test_the_symbol_table_is_adobes() -> None:
    assert len(run_content.SYMBOL) == 160  # its 189 codes less the 29 it gives private use
    assert run_content.SYMBOL[0x44] == "Δ" and run_content.SYMBOL[0xA5] == "∞"
    assert all(not 0xE000 <= ord(c) <= 0xF8FF for c in run_content.SYMBOL.values())


def test_a_wingdings_symbol_is_listed_not_dropped(tmp_path: Path) -> None:
    xml = _ins(f'<w:r>{RPR}<w:sym w:font="Wingdings" w:char="F0FC"/></w:r>')
    returned = _returned(sent(), tmp_path, _at_paragraph_4(xml))
    assert _unplaced(returned) == [("symbol", "paragraph 4, en", "Wingdings F0FC")]
    m = sent()
    before = m.paragraph(_pid(m, 4)).text(Lang.EN)
    report = _imported(m, returned, accept_unplaced=True)
    assert m.paragraph(_pid(m, 4)).text(Lang.EN) == before
    assert [u.scope for u in report.unplaced] == ["symbol"]


@pytest.mark.parametrize("code", ["D800", "0001", "000B", "FFFE", "FDD0"])
def test_a_symbol_code_that_cannot_be_text_is_listed(tmp_path: Path, code: str) -> None:
    """review11: a surrogate became text no save could write; a control character refused the
    whole import; a noncharacter is no text either."""
    xml = f'<w:r>{RPR}<w:sym w:font="Arial" w:char="{code}"/></w:r>'
    returned = _returned(sent(), tmp_path, _at_paragraph_4(xml))
    assert _unplaced(returned) == [("symbol", "paragraph 4, en", f"Arial {code}")]
    m = sent()
    _imported(m, returned, accept_unplaced=True)
    path = tmp_path / "saved.minutes"
    MinutesFile.create(path, m).close()  # every text of it can be saved


def test_an_absolute_tab_is_a_tab(tmp_path: Path) -> None:
    xml = _ins(f'<w:r>{RPR}<w:ptab w:relativeTo="margin" w:alignment="right" '
               'w:leader="none"/><w:t>[RU]</w:t></w:r>')
    m = sent()
    _imported(m, _returned(sent(), tmp_path, _at_paragraph_4(xml)))
    assert _inserted(m, _pid(m, 4), Lang.EN) == ["\t[RU]"]


# --- ruby, equations, pictures --------------------------------------------------------------

RUBY = ('<w:r>{rpr}<w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="10"/>'
        '<w:hpsRaise w:val="18"/><w:hpsBaseText w:val="20"/><w:lid w:val="ko-KR"/></w:rubyPr>'
        '<w:rt><w:r><w:t>북극</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>北極</w:t></w:r>'
        '</w:rubyBase></w:ruby></w:r>')


def test_a_ruby_keeps_its_base_as_the_text_and_lists_its_reading(tmp_path: Path) -> None:
    returned = _returned(sent(), tmp_path, lambda root: _splice(
        _cell(root, _pid(sent(), 4), KO), "러시아 북극 지역", f"{_run('러시아 ')}"
        f"{RUBY.format(rpr=RPR)}{_run(' 지역')}"))
    assert _unplaced(returned) == [("ruby", "paragraph 4, ko", "북극")]
    m = sent()
    pid = _pid(m, 4)
    _imported(m, returned, accept_unplaced=True)
    assert "러시아 北極 지역에서의" in m.paragraph(pid).text(Lang.KO)
    revisions = [(r.kind, r.text) for r in all_revisions(m) if r.paragraph_id == pid
                 and r.lang is Lang.KO and r.side is Side.RU]
    assert ("insert", "北極") in revisions and ("delete", "北極") not in revisions


def test_an_equation_in_an_insertion_is_listed_and_the_words_around_it_come_in(
        tmp_path: Path) -> None:
    xml = (_ins(_run(" with a budget of ")) + '<m:oMath><m:r><m:t>2×10</m:t></m:r><m:sSup>'
           '<m:e><m:r><m:t>6</m:t></m:r></m:e><m:sup><m:r><m:t>3</m:t></m:r></m:sup></m:sSup>'
           "</m:oMath>" + _ins(_run(" dollars"), 902))
    returned = _returned(sent(), tmp_path, _at_paragraph_4(xml))
    assert _unplaced(returned) == [("equation", "paragraph 4, en", "2×1063")]
    m = sent()
    _imported(m, returned, accept_unplaced=True)
    assert f"{PARA_4_EN} with a budget of  dollars" in m.paragraph(_pid(m, 4)).text(Lang.EN)


PICTURE = ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
           '<wp:extent cx="914400" cy="914400"/><wp:docPr id="7" name="Picture 7" '
           'descr="Map of Vladivostok"/><a:graphic><a:graphicData '
           'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
           '<pic:nvPicPr><pic:cNvPr id="0" name="map.png"/><pic:cNvPicPr/></pic:nvPicPr>'
           '<pic:blipFill><a:blip r:embed="rId99"/><a:stretch><a:fillRect/></a:stretch>'
           '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" '
           'cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
           "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


def test_a_picture_in_an_insertion_is_listed_by_its_description(tmp_path: Path) -> None:
    xml = _ins(_run(" (see the map: ") + PICTURE + _run(")"))
    returned = _returned(sent(), tmp_path, _at_paragraph_4(xml))
    assert _unplaced(returned) == [("object", "paragraph 4, en", "Map of Vladivostok")]


def test_a_deleted_picture_or_symbol_is_nothing_to_list(tmp_path: Path) -> None:
    gone = (f'<w:del w:id="903" w:author="Ivan Petrov" w:date="2020-12-17T09:30:00Z">'
            f'{PICTURE}<w:r>{RPR}<w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:del>')
    m = sent()
    report = _imported(m, _returned(sent(), tmp_path, _at_paragraph_4(gone)))
    assert report.unplaced == [] and report.notes == []


# --- content controls showing their placeholder -----------------------------------------

def _date_control(placeholder: bool, text: str) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    style = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if placeholder else RPR
    return (f'<w:sdt><w:sdtPr><w:id w:val="-1234567"/>{shown}<w:date>'
            '<w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/>'
            '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
            f"</w:sdtPr><w:sdtContent>{_ins(f'<w:r>{style}<w:t>{text}</w:t></w:r>', 904)}"
            "</w:sdtContent></w:sdt>")


@pytest.mark.parametrize(("placeholder", "text", "inserted"), [
    (True, "Click or tap to enter a date.", " on "),
    (False, "17 December 2020", " on 17 December 2020")])
def test_a_content_controls_placeholder_is_nobodys_text(
        tmp_path: Path, placeholder: bool, text: str, inserted: str) -> None:
    xml = _ins(_run(" on ")) + _date_control(placeholder, text)
    m = sent()
    report = _imported(m, _returned(sent(), tmp_path, _at_paragraph_4(xml)))
    assert _inserted(m, _pid(m, 4), Lang.EN) == [inserted]
    assert report.unplaced == []


def test_a_block_content_control_showing_its_placeholder_adds_no_paragraph(
        tmp_path: Path) -> None:
    def add(root: etree._Element) -> None:
        cell = _cell(root, _pid(sent(), 4), EN)
        cell.append(etree.fromstring(
            f'<w:sdt {_NS}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p>'
            f'{_run("Click or tap here to enter text.")}</w:p></w:sdtContent></w:sdt>'))

    m = sent()
    report = _imported(m, _returned(sent(), tmp_path, add))
    assert report.touched == [] and report.unplaced == []


# --- hidden text ----------------------------------------------------------------------------

HIDDEN_RPR = RPR.replace("</w:rPr>", "<w:vanish/></w:rPr>")


@pytest.mark.parametrize("rpr", [HIDDEN_RPR, RPR.replace("</w:rPr>", "<w:specVanish/></w:rPr>"),
                                 '<w:rPr><w:rStyle w:val="Secret"/></w:rPr>'])
def test_hidden_text_in_an_insertion_is_listed_not_imported(tmp_path: Path, rpr: str) -> None:
    def style(root: etree._Element) -> None:  # a character style that hides its runs
        root.append(etree.fromstring(
            f'<w:style {_NS} w:type="character" w:customStyle="1" w:styleId="Secret">'
            '<w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>'))

    xml = _ins(_run(" (tentatively)", rpr) + _run(" or 2022"))
    returned = _returned(sent(), tmp_path, _at_paragraph_4(xml), style)
    assert _unplaced(returned) == [("hidden", "paragraph 4, en", " (tentatively)")]
    m = sent()
    _imported(m, returned, accept_unplaced=True)
    assert _inserted(m, _pid(m, 4), Lang.EN) == [" or 2022"]
    assert "tentatively" not in m.paragraph(_pid(m, 4)).text(Lang.EN)


def test_vanish_switched_off_is_visible_text(tmp_path: Path) -> None:
    xml = _ins(_run(" or 2022", RPR.replace("</w:rPr>", '<w:vanish w:val="0"/></w:rPr>')))
    m = sent()
    report = _imported(m, _returned(sent(), tmp_path, _at_paragraph_4(xml)))
    assert _inserted(m, _pid(m, 4), Lang.EN) == [" or 2022"] and report.unplaced == []


def test_our_words_hidden_without_tracking_stay_ours_and_are_noted(tmp_path: Path) -> None:
    """Hiding is formatting, not a deletion: words of ours they hid (no Track Changes) are
    neither deleted by them nor lost; the import notes them, as other marked words."""
    def hide(root: etree._Element) -> None:
        _splice(_cell(root, _pid(sent(), 4), EN), PARA_4_EN, _run(PARA_4_EN, HIDDEN_RPR))

    m = sent()
    before = m.paragraph(_pid(m, 4)).text(Lang.EN)
    report = _imported(m, _returned(sent(), tmp_path, hide))
    assert report.unplaced == [] and report.touched == []
    assert m.paragraph(_pid(m, 4)).text(Lang.EN) == before and not all_revisions(m)
    assert [(n.text, n.looks) for n in report.notes] == [(PARA_4_EN, "hidden")]


# --- formatting without Track Changes ----------------------------------------------------

def _marked(root: etree._Element) -> None:
    """"15th meeting" struck through, "as from" highlighted, "its" in red: untracked."""
    cell = _cell(root, _pid(sent(), 4), EN)
    marked = (_run("as from", RPR.replace("</w:rPr>", '<w:highlight w:val="yellow"/></w:rPr>'))
              + _run(" ") + _run("its", RPR.replace("</w:rPr>", '<w:color w:val="FF0000"/>'
                                                                 "</w:rPr>"))
              + _run(" ") + _run("15th ", RPR.replace("</w:rPr>", "<w:strike/></w:rPr>"))
              + _run("meeting", RPR.replace("</w:rPr>", "<w:strike/></w:rPr>")))
    _splice(cell, PARA_4_EN, marked)


def test_formatting_that_marks_words_is_noted_and_the_import_goes_on(tmp_path: Path) -> None:
    returned = _returned(sent(), tmp_path, _marked)
    m = sent()
    report = _imported(m, returned)  # no UnplacedChangesError: a note, not a refusal
    assert report.touched == [] and report.unplaced == []
    assert [(n.location, n.text, n.looks) for n in report.notes] == [
        ("paragraph 4, en", "as from", "highlight:yellow"),
        ("paragraph 4, en", "its", "color:FF0000"),
        ("paragraph 4, en", "15th meeting", "strike")]


def test_shading_alone_is_noted_though_our_cells_are_shaded(tmp_path: Path) -> None:
    """Our heading cells carry ``w:shd`` too: a run's shading is told from theirs."""
    shaded = RPR.replace("</w:rPr>", '<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>'
                                     "</w:rPr>")
    returned = _returned(sent(), tmp_path, lambda root: _splice(
        _cell(root, _pid(sent(), 4), EN), "15th", _run("15th", shaded)))
    report = _imported(sent(), returned)
    assert [(n.text, n.looks) for n in report.notes] == [("15th", "shd:FFFF00")]
    assert "shaded (FFFF00)" in render(report.notes[0].describe())


def test_our_own_working_copy_holds_nothing_to_note(tmp_path: Path) -> None:
    """Every export of ours (pending revisions, brackets, comments, headings, annexes) reads
    with no note, and without looking at each run's formatting."""
    for m in (demo(), sent()):
        path = tmp_path / "ours.docx"
        write_working(m, path)
        doc = read_docx(path)
        assert [rp.notes for rp in doc.paragraphs if rp.notes] == []
        with zipfile.ZipFile(path) as z:
            raw = z.read("word/document.xml")
            styles = etree.fromstring(z.read("word/styles.xml"))
        root = etree.fromstring(raw)
        assert b"<w:shd" in raw  # the headings' cells
        assert run_content.Looks.for_document(root, styles, raw) is None



@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize("ui", ["en", "ko"])
def test_the_cli_lists_hidden_text_and_notes_formatting_in_the_interface_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], ui: str) -> None:
    path = tmp_path / "s.minutes"
    MinutesFile.create(path, sent()).close()

    def both(root: etree._Element) -> None:
        _marked(root)
        _splice(_cell(root, _pid(sent(), 5), EN), "moves forward",
                _run("moves forward") + _ins(_run(" (HIDDEN-WORDS)", HIDDEN_RPR)))

    returned = _returned(sent(), tmp_path, both)
    capsys.readouterr()
    assert main(["--lang", ui, "import", str(path), str(returned)]) == 1
    err = capsys.readouterr().err
    assert "HIDDEN-WORDS" in err and "Traceback" not in err
    if ui == "ko":
        assert "숨겨진 텍스트, 가져오지 않음(제5항, 영어): “ (HIDDEN-WORDS)”" in err
        assert "Hidden" not in err and "paragraph" not in err
    else:
        assert "Hidden text, not imported (paragraph 5, English): “ (HIDDEN-WORDS)”" in err
    assert main(["--lang", ui, "import", str(path), str(returned), "--accept-unplaced"]) == 0
    out = capsys.readouterr().out
    if ui == "ko":
        assert "변경 내용 추적 없이 바꾼 서식(제4항, 영어): “15th meeting”, 취소선" in out
        assert "형광펜(노랑)" in out and "글자 색(FF0000)" in out
        assert "Formatting" not in out and "struck" not in out
    else:
        assert ("Formatting without Track Changes (paragraph 4, English): “15th meeting”, "
                "struck through") in out
        assert "“as from”, highlighted (yellow)" in out and "“its”, coloured (FF0000)" in out
    f = MinutesFile.open(path, read_only=True)[0]
    entry = json.loads(f.history()[-1][2])
    f.close()
    assert [u["scope"] for u in entry["unplaced"]] == ["hidden"]
    assert [n["text"] for n in entry["notes"]] == ["as from", "its", "15th meeting"]
    assert main(["revisions", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert not any("HIDDEN" in r["text"] for r in listed)
