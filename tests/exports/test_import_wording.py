"""What an import and ``revisions FILE.docx`` say about a returned file, in both languages: every
kind of change Word can make that the import cannot place (formatting of a run, a paragraph, a
row, a cell, the table, the page; cells inserted, deleted, merged; a footnote; a comment on a
heading; a heading row removed) and every kind of tracked change, named as the window names
places (a paragraph's number and language, a heading's text), never in English in the Korean
interface and never by the file's paragraph count or an internal id."""

from __future__ import annotations

import copy
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.i18n import catalog
from minutes_app.model import Minutes, Side
from minutes_app.store import MinutesFile
from tests.exports.test_import import sent

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WNS = W[1:-1]
NS = f'xmlns:w="{WNS}"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
IVAN, DATE = "Ivan Petrov", "2020-12-17T09:30:00Z"
NOTE = "Through the Embassies."
REMARK = "Rename this heading."
_ids = iter(range(9000, 10000))


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """Each command sets the interface language; English again after the test."""
    yield
    catalog.set_language("en")


def _x(xml: str) -> etree._Element:
    return etree.fromstring(f"<w:root {NS}>{xml}</w:root>")[0]


def _change(kind: str) -> str:
    return f'<w:{kind} w:id="{next(_ids)}" w:author="{IVAN}" w:date="{DATE}"'


def _pid(m: Minutes, number: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == number)


def _row(root: etree._Element, prefix: str, ident: int) -> etree._Element:
    return next(tr for tr in root.iter(f"{W}tr") if tr.find(
        f".//{W}bookmarkStart[@{W}name='{prefix}{ident}']") is not None)


def _props(parent: etree._Element, tag: str, new: str, change: str) -> None:
    """``new`` added to ``parent``'s properties ``tag`` with the old copy in ``change``, as
    Word tracks a formatting change."""
    props = parent.find(f"{W}{tag}")
    if props is None:
        props = etree.SubElement(parent, f"{W}{tag}")
        parent.insert(0, props)
    old = copy.deepcopy(props)
    props.append(_x(new))
    tracked = _x(f"{_change(change)}/>")
    tracked.append(old)
    props.append(tracked)


def _edit_body(root: etree._Element, m: Minutes) -> None:
    """The body's changes: formatting of every kind, cells, text, a heading row removed."""
    row4 = _row(root, "_mp_", _pid(m, 4))
    en = row4.findall(f"{W}tc")[2]
    p = en.find(f"{W}p")
    assert p is not None
    run = p.find(f".//{W}r")
    assert run is not None
    _props(run, "rPr", "<w:b/>", "rPrChange")  # bold
    _props(p, "pPr", '<w:jc w:val="both"/>', "pPrChange")  # justified
    tbl = next(root.iter(f"{W}tbl"))
    _props(tbl, "tblPr", '<w:jc w:val="center"/>', "tblPrChange")
    row5 = _row(root, "_mp_", _pid(m, 5))
    _props(row5, "trPr", "<w:cantSplit/>", "trPrChange")
    _props(row5.findall(f"{W}tc")[1], "tcPr", '<w:vAlign w:val="center"/>', "tcPrChange")
    row6 = _row(root, "_mp_", _pid(m, 6))
    cells = row6.findall(f"{W}tc")
    cells[-1].find(f"{W}tcPr").append(_x(f"{_change('cellDel')}/>"))  # type: ignore[union-attr]
    added = copy.deepcopy(cells[2])
    for b in list(added.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd")):
        b.getparent().remove(b)  # type: ignore[union-attr]
    added.find(f"{W}tcPr").append(_x(f"{_change('cellIns')}/>"))  # type: ignore[union-attr]
    row6.append(added)
    # words inserted and deleted, a paragraph mark, a whole row deleted (paragraph 7)
    row8 = _row(root, "_mp_", _pid(m, 8)).findall(f"{W}tc")[2].find(f"{W}p")
    assert row8 is not None
    row8.append(_x(f'{_change("ins")}><w:r><w:t xml:space="preserve"> in full</w:t></w:r></w:ins>'))
    first = row8.find(f"{W}r")
    assert first is not None
    deleted = _x(f"{_change('del')}/>")
    first.addprevious(deleted)
    deleted.append(first)
    for t in first.iter(f"{W}t"):
        t.tag = f"{W}delText"
    row7 = _row(root, "_mp_", _pid(m, 7))
    row7.find(f"{W}trPr").append(_x(f"{_change('del')}/>"))  # type: ignore[union-attr]
    for para in row7.iter(f"{W}p"):  # as Word deletes a row: its words and paragraph marks
        for r in para.findall(f"{W}r"):
            for t in r.iter(f"{W}t"):
                t.tag = f"{W}delText"
            wrapper = _x(f"{_change('del')}/>")
            r.addprevious(wrapper)
            wrapper.append(r)
        ppr = para.find(f"{W}pPr")
        if ppr is None:
            ppr = etree.Element(f"{W}pPr")
            para.insert(0, ppr)
        ppr.append(_x(f"<w:rPr>{_change('del')}/></w:rPr>"))
    # words moved within paragraph 10's English text, as Word writes a move
    ten = _row(root, "_mp_", _pid(m, 10)).findall(f"{W}tc")[2].find(f"{W}p")
    assert ten is not None
    ten.insert(1, _x(f'{_change("moveFrom")}><w:r><w:delText xml:space="preserve">Moved '
                     '</w:delText></w:r></w:moveFrom>'))
    ten.insert(1, _x('<w:moveFromRangeStart w:id="8801" w:author="Ivan Petrov" '
                     f'w:date="{DATE}" w:name="move1"/>'))
    ten.insert(3, _x('<w:moveFromRangeEnd w:id="8801"/>'))
    ten.append(_x('<w:moveToRangeStart w:id="8802" w:author="Ivan Petrov" '
                  f'w:date="{DATE}" w:name="move1"/>'))
    ten.append(_x(f'{_change("moveTo")}><w:r><w:t xml:space="preserve"> Moved</w:t></w:r>'
                  '</w:moveTo>'))
    ten.append(_x('<w:moveToRangeEnd w:id="8802"/>'))
    # the heading row of "Next Meeting" removed without tracking, a footnote cited in 9
    heading = _row(root, "_ms_", m.sections[-1].id)
    heading.getparent().remove(heading)  # type: ignore[union-attr]
    row9 = _row(root, "_mp_", _pid(m, 9)).findall(f"{W}tc")[1].find(f"{W}p")
    assert row9 is not None
    row9.append(_x('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                   '<w:footnoteReference w:id="1"/></w:r>'))
    # a comment on a heading row
    general = _row(root, "_ms_", m.sections[1].id).findall(f"{W}tc")[2].find(f"{W}p")
    assert general is not None
    general.insert(1, _x('<w:commentRangeStart w:id="77"/>'))
    general.append(_x('<w:commentRangeEnd w:id="77"/>'))
    general.append(_x('<w:r><w:commentReference w:id="77"/></w:r>'))
    body = root.find(f"{W}body")
    assert body is not None
    sect = body.find(f"{W}sectPr")
    assert sect is not None
    tracked = _x(f"{_change('sectPrChange')}><w:sectPr/></w:sectPrChange>")
    sect.append(tracked)


def _returned(m: Minutes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
              ) -> tuple[Path, Path]:
    """The document saved, and its working copy returned with every kind of change."""
    doc = tmp_path / "minutes.minutes"
    MinutesFile.create(doc, m).close()
    exported = tmp_path / "wc.docx"
    assert main(["export", str(doc), "--kind", "working", "-o", str(exported)]) == 0
    capsys.readouterr()
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    _edit_body(root, m)
    parts["word/document.xml"] = etree.tostring(root)
    header = etree.fromstring(parts["word/header1.xml"])  # a word added in the header
    next(header.iter(f"{W}p")).append(_x(
        f'{_change("ins")}><w:r><w:t xml:space="preserve"> DRAFT</w:t></w:r></w:ins>'))
    parts["word/header1.xml"] = etree.tostring(header)
    parts["word/footnotes.xml"] = (
        f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
        f'<w:t xml:space="preserve"> {NOTE}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode()
    comment = (f'<w:comment w:id="77" w:author="{IVAN}" w:date="{DATE}"><w:p><w:r>'
               f'<w:t>{REMARK}</w:t></w:r></w:p></w:comment>')
    if "word/comments.xml" in parts:
        comments = etree.fromstring(parts["word/comments.xml"])
        comments.append(_x(comment))
        parts["word/comments.xml"] = etree.tostring(comments)
    else:
        parts["word/comments.xml"] = f"<w:comments {NS}>{comment}</w:comments>".encode()
    types = parts["[Content_Types].xml"].decode()
    for name, kind in (("footnotes", "footnotes"), ("comments", "comments")):
        if f"/word/{name}.xml" not in types:
            types = types.replace("</Types>", f'<Override PartName="/word/{name}.xml" '
                                  f'ContentType="{CT}.{kind}+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    for n, name in enumerate(("footnotes", "comments")):
        if f'Target="{name}.xml"' not in rels:
            rels = rels.replace("</Relationships>", f'<Relationship Id="rIdT{n}" '
                                f'Type="{REL}/{name}" Target="{name}.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels.encode()
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return doc, returned


# what may stand in ASCII letters in a Korean line: the document's and the file's own words,
# an annex's Roman number (the window's "부속서 II")
_QUOTED = re.compile(r"“.*”|'.*'|\"[^\"]*\"|\(이동: [^)]*\)")  # a move's name is theirs
_OURS = re.compile(r"minutes-app|\S+\.(?:docx|minutes|xml)\b|--[a-z-]+|\d{4}-\d\d-\d\dT[\d:.]+Z|"
                   + re.escape(IVAN) + r"|Korean Side|Russian Side|¶|(?<=부속서 )[IVXLC]+")


def _english_words(line: str) -> list[str]:
    """ASCII words of ``line`` outside quoted text, file names, options, dates and authors."""
    return re.findall(r"[A-Za-z]+", _OURS.sub("", _QUOTED.sub("", line)))


def _said(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, [line for line in (out.out + out.err).splitlines() if line.strip()]


def test_korean_import_and_revisions_say_no_english_word(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, returned = _returned(sent(), tmp_path, capsys)
    rc, listed = _said(capsys, "--lang", "ko", "revisions", str(returned))
    assert rc == 0
    for line in listed:
        assert not _english_words(line), line
    kinds = " ".join(listed)
    for word in ("삽입", "삭제", "서식 변경", "의견", "본문", "문단 기호", "표의 행", "표의 셀",
                 "굵게", "문단 맞춤", "페이지 설정", "표 1, ", "머리글", "(이동: move1)"):
        assert word in kinds, word
    rc, refused = _said(capsys, "--lang", "ko", "import", str(doc), str(returned))
    assert rc == 1 and len(refused) > 8, refused
    for line in refused:
        assert not _english_words(line), line
    rc, done = _said(capsys, "--lang", "ko", "import", str(doc), str(returned),
                     "--accept-unplaced")
    assert rc == 0
    for line in done:
        assert not _english_words(line), line
        assert "(가)" not in line, line
    assert "러시아측이 고친 곳" in done[0], done[0]


def test_what_cannot_be_placed_is_named_as_the_window_names_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc, returned = _returned(sent(), tmp_path, capsys)
    rc, refused = _said(capsys, "--lang", "en", "import", str(doc), str(returned))
    assert rc == 1
    said = "\n".join(refused)
    assert "- Formatting change, bold (paragraph 4, English): “At the request" in said
    assert "- Formatting change, alignment (justification) (paragraph 4, English)" in said
    assert "- Formatting change, alignment (justification) (the table of paragraphs)" in said
    assert "- Formatting change, row kept on one page (the row of paragraph 5)" in said
    assert "- Formatting change, vertical alignment (paragraph 5, Korean)" in said
    assert "- Formatting change, page layout\n" in said
    assert "- A cell deleted from a table row, not applied (the row of paragraph 6)" in said
    assert "- A cell inserted in a table row, not applied (the row of paragraph 6)" in said
    assert f"- Footnote (paragraph 9, Korean): “ {NOTE}”" in said
    assert (f"- Comment outside the rows (the heading “General Review of Bilateral "
            f"Cooperation”): “{REMARK}”") in said
    assert "- Heading row removed: “차기 회의 / Next Meeting”" in said
    assert "- Header of section 1: “ DRAFT”" in said  # the file's section, as Word names it
    assert not re.search(r"of the file|(?<![Hh]eader of )section \d|heading of section", said), said
    _rc, listed = _said(capsys, "--lang", "en", "revisions", str(returned))
    assert any("Formatting change (bold)" in line for line in listed), listed
    assert any("table 1, row" in line and "Deletion" in line for line in listed), listed


def test_the_korean_summary_gives_each_side_its_particle() -> None:
    from minutes_app.i18n import ngettext
    from minutes_app.i18n.places import side_label

    catalog.set_language("ko")
    for side in Side:
        name = side_label(side)
        said = ngettext("{n} place changed by the {side}", "{n} places changed by the {side}",
                        2).format(n=2, side=name)
        batchim = (ord(name[-1]) - 0xAC00) % 28 != 0  # the last syllable ends in a consonant
        assert said.startswith(name + ("이 " if batchim else "가 ")), said


@pytest.mark.parametrize("location", [
    "paragraph 15, en", "the row of paragraph 15", "heading “Next Meeting”, en",
    "heading “차기 회의”", "our table", "table row", "table cell", "table", "section", "body",
    "table 1, row 3", "table 2, paragraph 7", "row 4", "paragraph 9", "annex 2, part 3",
    "annex 2, after part 3", "annex 1, heading", "word/header1.xml",
    "header of section 1", "first-page footer of section 2", "even-page header of section 3",
    "text box in paragraph 4, en", "text box in header of section 1",
    "footnote in paragraph 9, ko", "endnote in paragraph 2",
])
def test_every_place_and_scope_is_said_in_korean(location: str) -> None:
    from minutes_app.docx_io.unplaced import PROPERTIES, SCOPES, Unplaced
    from minutes_app.i18n.messages import render

    catalog.set_language("ko")
    for scope in SCOPES:
        line = render(Unplaced(scope, location, "Their words").describe())
        assert not _english_words(line), line
    line = render(Unplaced("format", location, "Their words", "", ",".join(PROPERTIES)
                           + ",unknownProperty").describe())
    assert not _english_words(line), line
