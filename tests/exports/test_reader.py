"""The reader on markup other clients write: Word's own (hand-written) and LibreOffice's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.docx_io.reader import DELETE, INSERT, read_docx
from minutes_app.docx_io.reader_parts import revisions_json
from tests.exports.clients import soffice
from tests.helpers.word_markup import change, para, run, write_docx

ROOT = Path(__file__).resolve().parent.parent.parent
IVAN, KIM = "Ivan Petrov", "Kim Minsu"
RU, KR = "Russian Side", "Korean Side"


def _found(path: Path) -> list[dict[str, object]]:
    return revisions_json(read_docx(path))


# -- moves ----------------------------------------------------------------------------------
def _moved_paragraph(range_end_in_paragraph: bool) -> str:
    """Word's markup of a whole paragraph moved below another one, Track Changes on."""
    end_from = '<w:moveFromRangeEnd w:id="1"/>'
    end_to = '<w:moveToRangeEnd w:id="4"/>'
    moved = (change("moveFromRangeStart", 1, IVAN) + ' w:name="move57079999"/>'
             + change("moveFrom", 2, IVAN) + ">" + run("Fisheries quotas come first.")
             + "</w:moveFrom>" + (end_from if range_end_in_paragraph else ""))
    arrived = (change("moveToRangeStart", 4, IVAN) + ' w:name="move57079999"/>'
               + change("moveTo", 5, IVAN) + ">" + run("Fisheries quotas come first.")
               + "</w:moveTo>" + (end_to if range_end_in_paragraph else ""))
    return (para(moved, change("moveFrom", 3, IVAN) + "/>")
            + ("" if range_end_in_paragraph else end_from)
            + para(run("The Sides discussed agriculture."))
            + para(arrived, change("moveTo", 6, IVAN) + "/>")
            + ("" if range_end_in_paragraph else end_to))


@pytest.mark.parametrize("end_inside", [True, False], ids=["end-in-paragraph", "end-in-body"])
def test_a_moved_paragraph_is_a_linked_deletion_and_insertion(tmp_path: Path,
                                                             end_inside: bool) -> None:
    doc = read_docx(write_docx(tmp_path / "m.docx", _moved_paragraph(end_inside)))
    source, _still, target = doc.paragraphs
    assert source.mark is not None and source.mark[0] == DELETE and source.text() == ""
    assert source.text(accept=False) == "Fisheries quotas come first."
    assert target.mark is not None and target.mark[0] == INSERT
    assert target.text() == "Fisheries quotas come first."
    assert source.mark_move == target.mark_move == "move57079999"
    found = _found(tmp_path / "m.docx")
    moves = [r for r in found if r["move"]]
    assert {(r["kind"], r["scope"]) for r in moves} == {
        ("delete", "paragraph-mark"), ("delete", "text"), ("insert", "paragraph-mark"),
        ("insert", "text")}
    assert all(r["author"] == IVAN and r["move"] == "move57079999" for r in moves)
    for r in moves:  # each half names its other half
        pair = found[int(str(r["pair"]))]
        assert pair["move"] == r["move"] and pair["kind"] != r["kind"]


def test_moved_words_inside_paragraphs(tmp_path: Path) -> None:
    body = (para(run("Cooperation in ") + change("moveFromRangeStart", 0, KIM)
                 + ' w:name="move1"/>' + change("moveFrom", 1, KIM) + ">"
                 + run("health and ") + '</w:moveFrom><w:moveFromRangeEnd w:id="0"/>'
                 + run("medicine."))
            + para(run("Cooperation in ") + change("moveToRangeStart", 2, KIM)
                   + ' w:name="move1"/>' + change("moveTo", 3, KIM) + ">" + run("health and ")
                   + '</w:moveTo><w:moveToRangeEnd w:id="2"/>' + run("pharmacy.")))
    doc = read_docx(write_docx(tmp_path / "w.docx", body))
    assert [p.text() for p in doc.paragraphs] == ["Cooperation in medicine.",
                                                  "Cooperation in health and pharmacy."]
    found = _found(tmp_path / "w.docx")
    assert [(r["paragraph"], r["kind"], r["text"], r["move"]) for r in found] == [
        (0, "delete", "health and ", "move1"), (1, "insert", "health and ", "move1")]
    assert found[0]["pair"] == 1 and found[1]["pair"] == 0


# -- content controls, custom XML, smart tags -----------------------------------------------
def _cell(content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def _sdt(content: str, ident: int) -> str:
    return (f'<w:sdt><w:sdtPr><w:id w:val="{ident}"/><w:showingPlcHdr w:val="0"/></w:sdtPr>'
            f"<w:sdtContent>{content}</w:sdtContent></w:sdt>")


def test_content_controls_and_custom_xml_at_every_level(tmp_path: Path) -> None:
    ins = change("ins", 10, IVAN) + ">" + run("in Vladivostok ") + "</w:ins>"
    gone = change("del", 11, IVAN) + ">" + run("virtual ", deleted=True) + "</w:del>"
    table = ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
             '<w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
             + _sdt("<w:tr>" + _cell(para(run("row in a control"))) + _cell(_sdt(
                 para(run("cell ") + ins), 7)) + "</w:tr>", 6)
             + '<w:tr><w:customXml w:uri="urn:x" w:element="c">'
             + _cell(para(run("custom cell ") + gone)) + "</w:customXml>"
             + _cell(para('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
                          'w:element="place"><w:smartTagPr/>' + ins + "</w:smartTag>"))
             + "</w:tr></w:tbl>")
    body = (_sdt(para(run("A meeting ") + ins) + table, 5)
            + '<w:customXml w:uri="urn:minutes" w:element="para">'
            + para(run("Held ") + gone + run("online.")) + "</w:customXml>"
            + para(_sdt(run("inline control ") + ins, 8)))
    doc = read_docx(write_docx(tmp_path / "c.docx", body))
    texts = [p.text() for p in doc.paragraphs]
    assert texts == ["A meeting in Vladivostok ", "row in a control", "cell in Vladivostok ",
                     "custom cell ", "in Vladivostok ", "Held online.",
                     "inline control in Vladivostok "]
    [table_read] = doc.tables
    assert [[len(c) for c in row] for row in table_read] == [[1, 1], [1, 1]]
    kinds = [(r["paragraph"], r["kind"]) for r in _found(tmp_path / "c.docx")]
    assert kinds == [(0, "insert"), (2, "insert"), (3, "delete"), (4, "insert"),
                     (5, "delete"), (6, "insert")]


# -- nested tables --------------------------------------------------------------------------
def test_a_nested_table_is_read_once_as_its_own_table(tmp_path: Path) -> None:
    grid = '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
    inner = ("<w:tbl><w:tblPr/>" + grid + "<w:tr>" + _cell(para(run("inner left")))
             + _cell(para(run("inner right") + change("ins", 3, IVAN) + ">" + run(" amended")
                          + "</w:ins>")) + "</w:tr></w:tbl>")
    outer = ("<w:tbl><w:tblPr/>" + grid + "<w:tr>" + _cell(para(run("outer one")))
             + _cell(para(run("outer two")) + inner + para("")) + "</w:tr></w:tbl>")
    doc = read_docx(write_docx(tmp_path / "n.docx", outer + para("")))
    assert len(doc.paragraphs) == 6  # outer one, outer two, 2 inner, the cell's last, body
    outer_read, inner_read = doc.tables
    assert [[p.text() for p in c] for c in outer_read[0]] == [["outer one"], ["outer two", ""]]
    assert [[p.text() for p in c] for c in inner_read[0]] == [["inner left"],
                                                             ["inner right amended"]]
    assert [(r["kind"], r["text"]) for r in _found(tmp_path / "n.docx")] == [
        ("insert", " amended")]


# -- comments -------------------------------------------------------------------------------
COMMENTS = ('<w:comment w:id="0" w:author="Ivan Petrov" w:date="2020-12-17T08:00:00Z" '
            'w:initials="IP"><w:p><w:r><w:t>Check these three paragraphs.</w:t></w:r></w:p>'
            '</w:comment><w:comment w:id="1" w:author="Ivan Petrov" '
            'w:date="2020-12-17T08:05:00Z" w:initials="IP"><w:p><w:r><w:t>A point remark.'
            '</w:t></w:r></w:p></w:comment>')


@pytest.mark.parametrize("start_in_body", [False, True], ids=["start-in-p", "start-in-body"])
def test_a_comment_over_several_paragraphs_is_listed_once_at_its_start(
        tmp_path: Path, start_in_body: bool) -> None:
    start = '<w:commentRangeStart w:id="0"/>'
    body = ((start if start_in_body else "")
            + para(("" if start_in_body else start) + run("First."))
            + para(run("Second.") + '<w:r><w:commentReference w:id="1"/></w:r>')
            + para(run("Third.") + '<w:commentRangeEnd w:id="0"/>'
                   '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                   '<w:commentReference w:id="0"/></w:r>'))
    found = _found(write_docx(tmp_path / "c.docx", body, comments=COMMENTS))
    assert [(r["paragraph"], r["text"]) for r in found] == [
        (0, "Check these three paragraphs."), (1, "A point remark.")]


# -- a paragraph mark by two authors --------------------------------------------------------
def test_a_paragraph_mark_inserted_by_one_and_deleted_by_another_keeps_both(
        tmp_path: Path) -> None:
    mark = change("ins", 1, KR) + "/>" + change("del", 2, RU) + "/>"
    body = (para(change("ins", 3, KR) + ">" + run("Inserted by Korea, ") + "</w:ins>", mark)
            + para(run("then joined by Russia.")))
    doc = read_docx(write_docx(tmp_path / "p.docx", body))
    first = doc.paragraphs[0]
    assert first.mark is not None and first.mark[0] == DELETE and first.mark[1].author == RU
    assert first.mark_inside is not None and first.mark_inside.author == KR
    [mark_entry] = [r for r in _found(tmp_path / "p.docx") if r["scope"] == "paragraph-mark"]
    assert (mark_entry["kind"], mark_entry["author"], mark_entry["inside"]) == (
        "delete", RU, KR)


# -- where an import cannot place a change --------------------------------------------------
def test_changes_in_headers_notes_text_boxes_and_formatting_are_listed_by_scope(
        tmp_path: Path) -> None:
    ins = change("ins", 20, IVAN) + ">" + run(" (Russian draft)") + "</w:ins>"
    header = para(run("Working copy") + ins)
    footnotes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                 '</w:p></w:footnote><w:footnote w:id="1">'
                 + para(run("Source: ") + change("del", 21, IVAN) + ">"
                        + run("Rosstat", deleted=True) + "</w:del>") + "</w:footnote>")
    box = para(run("Boxed") + ins)
    drawing = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
               '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
               f'wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent>'
               '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
               '</mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>'
               f'{box}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback>'
               '</mc:AlternateContent></w:r>')
    bold = ('<w:r><w:rPr><w:b/>' + change("rPrChange", 22, IVAN) + "><w:rPr/></w:rPrChange>"
            "</w:rPr><w:t>Bold now</w:t></w:r>")
    centred = ('<w:p><w:pPr><w:jc w:val="center"/>' + change("pPrChange", 23, IVAN)
               + '><w:pPr/></w:pPrChange></w:pPr>' + run("Centred now") + "</w:p>")
    table = ('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>' + change("tblPrChange", 24,
             IVAN) + '><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr></w:tblPrChange>'
             '</w:tblPr><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr>'
             + _cell(para(run("A widened table"))) + "</w:tr></w:tbl>")
    body = (para(run("Host") + drawing) + para(bold) + centred + table
            + para('<w:r><w:footnoteReference w:id="1"/></w:r>'))
    path = write_docx(tmp_path / "e.docx", body, header=header, footnotes=footnotes)
    found = [(r["scope"], r["kind"], r["text"], r["author"]) for r in _found(path)]
    assert found == [
        ("textbox", "insert", " (Russian draft)", IVAN),
        ("format", "format", "Bold now", IVAN),
        ("format", "format", "Centred now", IVAN),
        ("format", "format", "A widened table", IVAN),
        ("footnote", "delete", "Rosstat", IVAN),
        ("header", "insert", " (Russian draft)", IVAN)]
    doc = read_docx(path)
    assert [p.text() for p in doc.parts["footnote"]] == ["Source: "]
    assert [p.text() for p in doc.parts["textbox"]] == ["Boxed (Russian draft)"]
    assert [p.text() for p in doc.paragraphs] == ["Host", "Bold now", "Centred now",
                                                  "A widened table", ""]


# -- what LibreOffice writes ----------------------------------------------------------------
@pytest.fixture(scope="module")
def features_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """features.fodt as LibreOffice converts it to DOCX."""
    out = tmp_path_factory.mktemp("lo")
    subprocess.run([soffice(), f"-env:UserInstallation={(out / 'p').as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    str(ROOT / "tests/fixtures/features.fodt")], capture_output=True, timeout=180)
    path = out / "features.docx"
    assert path.exists()
    return path


def test_libreoffice_comments_nested_tables_notes_boxes_and_formats(features_docx: Path) -> None:
    doc = read_docx(features_docx)
    assert len(doc.tables) == 2 and len(doc.tables[0]) == len(doc.tables[1]) == 1
    assert [p.text() for p in doc.tables[1][0][1]] == ["Inner right amended"]
    assert doc.tables[0][0][1][0].text() == "Outer cell two"
    found = [(r["scope"], r["kind"], r["text"]) for r in revisions_json(doc)]
    assert found == [
        ("comment", "comment", "Three paragraphs, one remark."),
        ("text", "insert", " amended"),
        ("textbox", "insert", " from Moscow"),
        ("format", "format", "Bold now and plain."),
        ("footnote", "insert", "added by Russia")]
    assert revisions_json(doc)[0]["paragraph"] == 0


def test_revisions_command_prints_every_scope(features_docx: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "minutes_app", "revisions",
                             str(features_docx)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    for word in ("footnote", "text box", "Formatting change (bold)", "Three paragraphs"):
        assert word in result.stdout  # the scopes said in words, not as the JSON's codes


def test_text_direction_containers_and_tracked_cell_structure(tmp_path: Path) -> None:
    """``w:dir`` / ``w:bdo`` (Word 2010) hold runs; ``w:cellIns`` is a cell inserted."""
    body = (para('<w:dir w:val="ltr">' + change("ins", 1, IVAN) + ">" + run("inside dir")
                 + '</w:ins></w:dir><w:bdo w:val="ltr">' + run(" and bdo") + "</w:bdo>")
            + '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc>'
            '<w:tcPr><w:tcW w:w="3000" w:type="dxa"/>' + change("cellIns", 2, IVAN)
            + "/></w:tcPr>" + para(run("a new cell")) + "</w:tc></w:tr></w:tbl>" + para(""))
    found = _found(write_docx(tmp_path / "d.docx", body))
    assert [(r["scope"], r["kind"], r["text"]) for r in found] == [
        ("text", "insert", "inside dir"), ("cell", "insert", "a new cell")]
    assert read_docx(tmp_path / "d.docx").paragraphs[0].text() == "inside dir and bdo"


# -- laws over generated markup -------------------------------------------------------------
_RUN_WRAPPERS = {
    "none": ("", ""),
    "hyperlink": ('<w:hyperlink w:anchor="x">', "</w:hyperlink>"),
    "smartTag": ('<w:smartTag w:uri="urn:x" w:element="place">', "</w:smartTag>"),
    "sdt": ('<w:sdt><w:sdtPr><w:id w:val="1"/></w:sdtPr><w:sdtContent>',
            "</w:sdtContent></w:sdt>"),
    "customXml": ('<w:customXml w:uri="urn:x" w:element="e">', "</w:customXml>"),
    "dir": ('<w:dir w:val="ltr">', "</w:dir>"),
}
_BLOCK_WRAPPERS = {k: _RUN_WRAPPERS[k] for k in ("none", "sdt", "customXml")}
_KINDS = ["plain", "ins", "del", "moveFrom", "moveTo"]
_TEXT = st.text(alphabet="가나다라 abc123·", min_size=1, max_size=8)


def _segment(kind: str, text: str, wrapper: str, ident: int) -> str:
    deleted = kind in ("del", "moveFrom")
    body = run(escape(text), deleted)
    if kind != "plain":
        body = change(kind, ident, IVAN) + ">" + body + f"</w:{kind}>"
    before, after = _RUN_WRAPPERS[wrapper]
    return before + body + after


@settings(max_examples=60, deadline=None)
@given(segments=st.lists(st.tuples(st.sampled_from(_KINDS), _TEXT,
                                   st.sampled_from(list(_RUN_WRAPPERS))), min_size=1,
                         max_size=8),
       blocks=st.lists(st.sampled_from(list(_BLOCK_WRAPPERS)), max_size=3),
       in_cell=st.booleans())
def test_any_nesting_of_containers_reads_the_same_texts(
        tmp_path_factory: pytest.TempPathFactory, segments: list[tuple[str, str, str]],
        blocks: list[str], in_cell: bool) -> None:
    content = "".join(_segment(k, t, w, i) for i, (k, t, w) in enumerate(segments))
    xml = para(content)
    for wrapper in blocks:
        before, after = _BLOCK_WRAPPERS[wrapper]
        xml = before + xml + after
    if in_cell:
        xml = ('<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr>'
               + _cell(xml) + "</w:tr></w:tbl>" + para(""))
    path = write_docx(tmp_path_factory.mktemp("g") / "g.docx", xml)
    doc = read_docx(path)
    first = doc.paragraphs[0]
    assert first.text() == "".join(t for k, t, _w in segments if k in ("plain", "ins", "moveTo"))
    assert first.text(accept=False) == "".join(t for k, t, _w in segments
                                               if k in ("plain", "del", "moveFrom"))
    found = revisions_json(doc)
    for kind, kinds in (("insert", ("ins", "moveTo")), ("delete", ("del", "moveFrom"))):
        assert "".join(str(r["text"]) for r in found if r["kind"] == kind) == "".join(
            t for k, t, _w in segments if k in kinds)
    assert len(doc.tables) == (1 if in_cell else 0)
    assert len(doc.paragraphs) == (2 if in_cell else 1)
