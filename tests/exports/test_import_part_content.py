"""What the other Side typed, hid or marked in a header, a footer or a text box (VML's
``v:textbox``, DrawingML's ``wps:txbx`` in ``mc:AlternateContent``) is read as Word shows it
and listed by its place, never dropped in silence: hidden words and symbols without a
character as not placed, words struck, highlighted or coloured without Track Changes as
notes, tracked insertions and deletions and untracked words as changes that cannot be placed;
each by "header of section 1", "footer of section 1", "a text box in paragraph 4, English".
The files are our working copies, edited as Word writes these elements."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io.importer import ImportReport, plan_import
from minutes_app.docx_io.unplaced import UnplacedChangesError
from minutes_app.docx_io.working import write_working
from minutes_app.model import Minutes, Side
from tests.exports.test_import import NOW, sent
from tests.helpers.returned import edit_docx, row_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
RPR = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>'
HIDDEN = RPR.replace("</w:rPr>", "<w:vanish/></w:rPr>")
STRUCK = RPR.replace("</w:rPr>", '<w:strike/><w:highlight w:val="yellow"/></w:rPr>')
RED = RPR.replace("</w:rPr>", '<w:color w:val="FF0000"/></w:rPr>')
# the header our working copy writes (``working``): the title, the copy and its round
OUR_HEADER = ("Agreed Minutes of the 14th Meeting of the Korea-Russia Far East and Siberia "
              "Sub-committee — working copy — round 4, sent by the Korean Side")
HEADER, FOOTER = "header of section 1", "footer of section 1"
BOX = "text box in paragraph 4, en"  # as PlaceNames records it ("a text box in …, English")
Edit = Callable[[etree._Element], None]


def run(text: str, rpr: str = RPR) -> str:
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(inner: str, ident: int = 901) -> str:
    return (f'<w:ins w:id="{ident}" w:author="Ivan Petrov" w:date="2020-12-17T09:30:00Z">'
            f"{inner}</w:ins>")


def gone(text: str, ident: int = 902) -> str:
    return (f'<w:del w:id="{ident}" w:author="Ivan Petrov" w:date="2020-12-17T09:30:00Z">'
            f'<w:r>{RPR}<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def sym(font: str, code: str) -> str:
    return f'<w:r>{RPR}<w:sym w:font="{font}" w:char="{code}"/></w:r>'


def vml_box(runs: str) -> str:
    """A VML text box (Word 2003's, and LibreOffice's fallback) holding one paragraph."""
    return ('<w:r><w:pict><v:shape id="box1" type="#_x0000_t202" style="position:absolute;'
            'width:180pt;height:36pt"><v:textbox><w:txbxContent><w:p>'
            f"{runs}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def drawing_box(runs: str) -> str:
    """A DrawingML text box as Word 2010+ writes it: the shape, and its VML copy as the
    fallback (the same words twice: read once)."""
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor '
            'distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" '
            'y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
            '</wp:posOffset></wp:positionV><wp:extent cx="2286000" cy="457200"/><wp:wrapSquare '
            'wrapText="bothSides"/><wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" '
            'cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f"<wps:txbx><w:txbxContent><w:p>{runs}</w:p></w:txbxContent></wps:txbx>"
            '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
            f"</mc:Choice><mc:Fallback>{vml_box(runs)[5:-6]}</mc:Fallback>"
            "</mc:AlternateContent></w:r>")


RUBY = ('<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="10"/>'
        '<w:hpsRaise w:val="18"/><w:hpsBaseText w:val="20"/><w:lid w:val="ko-KR"/></w:rubyPr>'
        '<w:rt><w:r><w:t>북극</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>北極</w:t></w:r>'
        "</w:rubyBase></w:ruby></w:r>")


def _append(p: etree._Element, xml: str) -> None:
    for e in etree.fromstring(f"<x {NS}>{xml}</x>"):
        p.append(e)


def _header(xml: str) -> Edit:
    """``xml`` after the words of our header's paragraph."""
    return lambda root: _append(next(root.iter(f"{W}p")), xml)


def _our_header_marked(rpr: str) -> Edit:
    """Our header's words given ``rpr``'s looks (without Track Changes)."""
    def change(root: etree._Element) -> None:
        r = next(root.iter(f"{W}r"))
        props = r.find(f"{W}rPr")
        assert props is not None
        for e in etree.fromstring(f"<x {NS}>{rpr}</x>")[0]:
            if e.tag != f"{W}rFonts":
                props.append(e)
    return change


def _our_header_deleted(root: etree._Element) -> None:
    """Our header's words deleted with Track Changes."""
    r = next(root.iter(f"{W}r"))
    t = r.find(f"{W}t")
    assert t is not None
    t.tag = f"{W}delText"
    wrapper = etree.fromstring(f"<x {NS}>{gone('')}</x>")[0]
    wrapper.remove(wrapper[0])
    r.addprevious(wrapper)
    wrapper.append(r)


def _at_paragraph_4(xml: str) -> Edit:
    """``xml`` at the end of paragraph 4's English cell."""
    def change(root: etree._Element) -> None:
        m = sent()
        pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 4)
        cell = row_of(root, pid).findall(f"{W}tc")[2]
        _append(cell.findall(f"{W}p")[-1], xml)
    return change


# where the edit is (the main part, a header, a footer), what it is, and what the import says:
# what it cannot place (scope, place, words) and what it notes (place, words, looks)
CASES: dict[str, tuple[str, Edit, list[tuple[str, str, str]], list[tuple[str, str, str]]]] = {
    "header-hidden-insertion": ("word/header1.xml", _header(
        ins(run(" NOT FINAL", HIDDEN)) + ins(run(" (Russian copy)"), 903)),
        [("hidden", HEADER, " NOT FINAL"), ("header", HEADER, " (Russian copy)")], []),
    "header-hidden-untracked": ("word/header1.xml", _our_header_marked(HIDDEN), [],
                                [(HEADER, OUR_HEADER, "hidden")]),
    "header-struck-untracked": ("word/header1.xml", _our_header_marked(STRUCK), [],
                                [(HEADER, OUR_HEADER, "strike highlight:yellow")]),
    "header-wingdings-untracked": ("word/header1.xml", _header(sym("Wingdings", "F0FC")),
                                   [("symbol", HEADER, "Wingdings F0FC")], []),
    "header-symbol-insertion": ("word/header1.xml", _header(ins(
        run(" at -20") + sym("Symbol", "F0B0") + run("C"))),
        [("header", HEADER, " at -20°C")], []),
    "header-deletion": ("word/header1.xml", _our_header_deleted,
                        [("header", HEADER, OUR_HEADER)], []),
    "header-equation-and-ruby": ("word/header1.xml", _header(
        "<m:oMath><m:r><m:t>x²</m:t></m:r></m:oMath>" + RUBY),
        [("equation", HEADER, "x²"), ("ruby", HEADER, "북극"),
         ("header", HEADER, OUR_HEADER + "北極")], []),
    "footer-absolute-tab": ("word/footer1.xml", _header(
        f'<w:r>{RPR}<w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/>'
        "<w:t>Page</w:t></w:r>"), [("footer", FOOTER, "\tPage")], []),
    "footer-coloured-untracked": ("word/footer1.xml", _header(run("NOT BINDING", RED)),
                                  [("footer", FOOTER, "NOT BINDING")],
                                  [(FOOTER, "NOT BINDING", "color:FF0000")]),
    "footer-hidden-insertion": ("word/footer1.xml", _header(ins(run("SECRET", HIDDEN))),
                                [("hidden", FOOTER, "SECRET")], []),
    "vml-box-hidden-insertion": ("word/document.xml", _at_paragraph_4(vml_box(
        run("Boxed") + ins(run(" NOTE", HIDDEN)) + ins(run(" (RU)"), 903))),
        [("hidden", BOX, " NOTE"), ("textbox", "paragraph 4, en", " (RU)"),
         ("textbox", "paragraph 4, en", "Boxed (RU)")], []),
    "vml-box-struck-untracked": ("word/document.xml", _at_paragraph_4(vml_box(
        run("Delete paragraph 4", STRUCK))),
        [("textbox", "paragraph 4, en", "Delete paragraph 4")],
        [(BOX, "Delete paragraph 4", "strike highlight:yellow")]),
    "drawing-box-symbols-and-changes": ("word/document.xml", _at_paragraph_4(drawing_box(
        run("See") + sym("Wingdings", "F0E8") + ins(run(" the map")) + gone(" below")
        + sym("Symbol", "F0B1"))),
        [("symbol", BOX, "Wingdings F0E8"), ("textbox", "paragraph 4, en", " the map"),
         ("textbox", "paragraph 4, en", " below"),
         ("textbox", "paragraph 4, en", "See the map±")], []),
    "drawing-box-red-untracked": ("word/document.xml", _at_paragraph_4(drawing_box(
        run("Vladivostok", RED))),
        [("textbox", "paragraph 4, en", "Vladivostok")],
        [(BOX, "Vladivostok", "color:FF0000")]),
    "drawing-box-bold-tracked": ("word/document.xml", _at_paragraph_4(drawing_box(
        '<w:r><w:rPr><w:b/><w:rPrChange w:id="904" w:author="Ivan Petrov" '
        'w:date="2020-12-17T09:30:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Bold now</w:t>'
        "</w:r>")),
        [("format", BOX, "Bold now"), ("textbox", "paragraph 4, en", "Bold now")], []),
    "header-drawing-box-hidden": ("word/header1.xml", _header(drawing_box(
        run("DRAFT") + ins(run(" ONLY", HIDDEN)))),
        [("hidden", f"text box in {HEADER}", " ONLY"),
         ("header", f"text box in {HEADER}", "DRAFT")], []),
}


def returned_copy(m: Minutes, tmp_path: Path, part: str, change: Edit) -> Path:
    """Our working copy of ``m`` with ``change`` made to ``part``."""
    exported, returned = tmp_path / "working.docx", tmp_path / "returned.docx"
    write_working(m, exported)
    if part == "word/document.xml":
        edit_docx(exported, returned, change)
    else:
        edit_docx(exported, returned, None, parts={part: change})
    return returned


def _listed(path: Path) -> tuple[list[tuple[str, str, str]], ImportReport]:
    """What the import cannot place (it stops), and the report when that is accepted."""
    unplaced: list[tuple[str, str, str]] = []
    try:
        plan_import(sent(), path, Side.RU, NOW)
    except UnplacedChangesError as e:
        unplaced = [(u.scope, u.location, u.text) for u in e.unplaced]
    _op, report = plan_import(sent(), path, Side.RU, NOW, accept_unplaced=True)
    return unplaced, report


@pytest.mark.parametrize("case", list(CASES))
def test_what_a_header_footer_or_text_box_holds_is_listed_by_its_place(
        tmp_path: Path, case: str) -> None:
    part, change, unplaced, notes = CASES[case]
    unplaced_seen, report = _listed(returned_copy(sent(), tmp_path, part, change))
    assert unplaced_seen == unplaced
    assert [(n.location, n.text, n.looks) for n in report.notes] == notes
    assert report.touched == [] and report.deleted == []  # our rows keep their text


def _everything(root: etree._Element) -> None:
    """A DrawingML box with a picture-font symbol and a tracked insertion, and a struck VML
    box, in paragraph 4's English cell."""
    _at_paragraph_4(drawing_box(run("See") + sym("Wingdings", "F0E8") + ins(run(" the map"))))(
        root)
    _at_paragraph_4(vml_box(run("Delete paragraph 4", STRUCK)))(root)


@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize("ui", ["en", "ko"])
def test_the_cli_lists_them_by_place_in_the_interface_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], ui: str) -> None:
    from minutes_app.cli.main import main
    from minutes_app.store import MinutesFile
    from tests.exports.test_import_wording import _english_words

    path = tmp_path / "s.minutes"
    MinutesFile.create(path, sent()).close()
    exported, returned = tmp_path / "working.docx", tmp_path / "returned.docx"
    write_working(sent(), exported)
    edit_docx(exported, returned, _everything, parts={
        "word/header1.xml": _header(ins(run(" NOT FINAL", HIDDEN))
                                    + ins(run(" (Russian copy)"), 903)),
        "word/footer1.xml": _header(run("NOT BINDING", RED))})
    capsys.readouterr()
    assert main(["--lang", ui, "import", str(path), str(returned)]) == 1
    refused = capsys.readouterr().err
    assert main(["--lang", ui, "import", str(path), str(returned), "--accept-unplaced"]) == 0
    done = capsys.readouterr().out
    assert main(["--lang", ui, "revisions", str(returned)]) == 0
    listed = capsys.readouterr().out
    said = {"en": [
        "- Hidden text, not imported (the header of section 1): “ NOT FINAL”",
        "- Header of section 1: “ (Russian copy)”", "- Footer of section 1: “NOT BINDING”",
        "- Symbol of a symbol font that has no Unicode character (font, code), not imported "
        "(a text box in paragraph 4, English): “Wingdings F0E8”",
        "- Text box (paragraph 4, English): “ the map”"], "ko": [
        "- 숨겨진 텍스트, 가져오지 않음(1구역 머리글): “ NOT FINAL”",
        "- 1구역 머리글: “ (Russian copy)”", "- 1구역 바닥글: “NOT BINDING”",
        "(제4항, 영어의 텍스트 상자): “Wingdings F0E8”"]}[ui]
    for line in said:
        assert line in refused, refused
    noted = {"en": ["Formatting without Track Changes (the footer of section 1): “NOT BINDING”, "
                    "coloured (FF0000)",
                    "Formatting without Track Changes (a text box in paragraph 4, English): "
                    "“Delete paragraph 4”, struck through, highlighted (yellow)"],
             "ko": ["변경 내용 추적 없이 바꾼 서식(1구역 바닥글): “NOT BINDING”, 글자 색(FF0000)",
                    "(제4항, 영어의 텍스트 상자): “Delete paragraph 4”, 취소선"]}[ui]
    for line in noted:
        assert line in done, done
    assert ("the header of section 1" if ui == "en" else "1구역 머리글") in listed, listed
    if ui == "ko":  # no English word outside quoted text (a colour's hex code is no word)
        for line in (refused + done + listed).splitlines():
            assert not _english_words(re.sub(r"\b[0-9A-F]{6}\b", "", line)), line


@pytest.mark.parametrize("track", [True, False], ids=["tracked", "untracked"])
def test_what_libreoffice_wrote_in_a_header_footer_and_frame_is_listed(
        tmp_path: Path, track: bool) -> None:
    """LibreOffice itself (UNO) types hidden words in the header, struck red words in a
    footer it adds and struck words in a text frame (a DrawingML text box with its VML
    copy), as the Russian Side, with Track Changes or without."""
    import zipfile

    from tests.exports.test_import import lo_edit

    exported = tmp_path / "working.docx"
    write_working(sent(), exported)
    with zipfile.ZipFile(exported) as z:  # LibreOffice 7.4 aborts on a copy with comments
        assert "word/comments.xml" not in z.namelist()
    returned = lo_edit(exported, tmp_path / "returned.docx", [
        {"part_text": "header", "text": " NOT FINAL", "props": {"CharHidden": True}},
        {"part_text": "footer", "text": "NOT BINDING",
         "props": {"CharStrikeout": 1, "CharColor": 0xFF0000}},
        {"frame_after": "as from its 15th meeting", "text": "Vladivostok",
         "props": {"CharStrikeout": 1}}], track, tmp_path)
    with zipfile.ZipFile(returned) as z:  # a file LibreOffice wrote, its box both ways
        document = z.read("word/document.xml")
    assert b"LibreOffice" in zipfile.ZipFile(returned).read("docProps/app.xml")
    assert b"<wps:txbx>" in document and b"<v:textbox" in document
    unplaced, report = _listed(returned)
    header = ([("hidden", HEADER, " NOT FINAL")] if track
              else [("header", HEADER, OUR_HEADER + " NOT FINAL")])
    assert sorted(unplaced) == sorted([
        *header, ("textbox", "paragraph 4, en", "Vladivostok"),
        ("footer", FOOTER, "NOT BINDING")])
    assert [(n.location, n.text, n.looks) for n in report.notes] == [
        (BOX, "Vladivostok", "strike"), (FOOTER, "NOT BINDING", "strike color:FF0000"),
        *([] if track else [(HEADER, "NOT FINAL", "hidden")])]
    assert report.touched == []


def test_a_header_is_named_by_the_first_section_using_it_and_the_pages_it_serves() -> None:
    from minutes_app.docx_io.part_places import part_places

    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    refs = ('<w:{0}Reference w:type="{1}" r:id="{2}"/>')
    body = etree.fromstring(
        f'<w:document {NS} xmlns:r="{rel}"><w:body><w:p><w:pPr><w:sectPr>'
        + refs.format("header", "default", "rId1") + refs.format("footer", "first", "rId2")
        + '</w:sectPr></w:pPr></w:p><w:sectPr>' + refs.format("header", "even", "rId3")
        + refs.format("header", "default", "rId1") + '<w:sectPrChange w:id="1" w:author="A">'
        + "<w:sectPr>" + refs.format("footer", "default", "rId4")
        + "</w:sectPr></w:sectPrChange></w:sectPr></w:body></w:document>")
    rels = etree.fromstring(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{n}" Type="{rel}/{kind}" Target="{name}"/>'
                  for n, kind, name in ((1, "header", "header1.xml"),
                                        (2, "footer", "/word/footer1.xml"),
                                        (3, "header", "header2.xml"),
                                        (4, "footer", "footer9.xml")))
        + "</Relationships>")
    assert part_places(body, rels) == {
        "word/header1.xml": "header of section 1",
        "word/footer1.xml": "first-page footer of section 1",
        "word/header2.xml": "even-page header of section 2"}  # not the change's old copy


@pytest.mark.usefixtures("english_after")
@pytest.mark.parametrize(("unplaced", "en", "ko"), [
    (("footer", "first-page footer of section 1"), "First-page footer of section 1: “x”",
     "1구역 첫 페이지 바닥글: “x”"),
    (("header", "even-page header of section 2"), "Even-page header of section 2: “x”",
     "2구역 짝수 페이지 머리글: “x”"),
    (("hidden", "text box in even-page header of section 2"),
     "Hidden text, not imported (a text box in the even-page header of section 2): “x”",
     "숨겨진 텍스트, 가져오지 않음(2구역 짝수 페이지 머리글의 텍스트 상자): “x”"),
    (("symbol", "footnote in paragraph 9, ko"), "Symbol of a symbol font that has no Unicode "
     "character (font, code), not imported (a footnote in paragraph 9, Korean): “x”",
     "(제9항, 한국어의 각주): “x”"),
    (("header", "text box in header of section 1"),
     "Header (a text box in the header of section 1): “x”",
     "머리글(1구역 머리글의 텍스트 상자): “x”"),
])
def test_the_places_are_said_in_both_languages(
        unplaced: tuple[str, str], en: str, ko: str) -> None:
    from minutes_app.docx_io.unplaced import Unplaced
    from minutes_app.i18n import catalog
    from minutes_app.i18n.messages import render

    said = Unplaced(*unplaced, "x").describe()
    catalog.set_language("en")
    assert render(said) == en
    catalog.set_language("ko")
    assert render(said).endswith(ko), render(said)


def test_our_own_headers_hold_nothing_to_note_and_are_placed(tmp_path: Path) -> None:
    from minutes_app.docx_io.reader import read_docx
    from minutes_app.workflows.templates import demo

    for m in (demo(), sent()):
        path = tmp_path / "ours.docx"
        write_working(m, path)
        doc = read_docx(path)
        assert [rp.notes for paragraphs in doc.parts.values() for rp in paragraphs
                if rp.notes] == []
        assert [doc.places[id(rp)] for rp in doc.parts["header"]] == [HEADER]


def test_hidden_words_and_symbols_in_a_footnote_are_listed_by_the_paragraph_citing_it(
        tmp_path: Path) -> None:
    """A footnote they added to paragraph 4's English words, with a hidden insertion and a
    picture-font symbol: listed by the paragraph citing the note."""
    import zipfile

    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exported, returned = tmp_path / "working.docx", tmp_path / "returned.docx"
    write_working(sent(), exported)
    edit_docx(exported, returned, _at_paragraph_4(
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'))
    with zipfile.ZipFile(returned) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/footnotes.xml"] = (
        f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>{run("Source: Rosstat")}'
        f'{ins(run(" (estimate)", HIDDEN))}{sym("Wingdings", "F0FC")}</w:p></w:footnote>'
        "</w:footnotes>").encode()
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdNotes" Type="{rel}/footnotes" '
        'Target="footnotes.xml"/></Relationships>'.encode())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    with zipfile.ZipFile(returned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    unplaced, _report = _listed(returned)
    assert unplaced == [("hidden", "footnote in paragraph 4, en", " (estimate)"),
                        ("symbol", "footnote in paragraph 4, en", "Wingdings F0FC"),
                        ("footnote", "paragraph 4, en", "Source: Rosstat")]
