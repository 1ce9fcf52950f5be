"""Comments of a returned file where Word puts them: on words of one language's cell (kept with
that language, and written back on that language's text, not on the number), a reply in
``commentsExtended.xml`` (kept as a reply), a comment over two rows (on both paragraphs)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, Side
from tests.exports.schema import assert_valid_docx
from tests.exports.test_import import NOW, sent

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
NS = f'xmlns:w="{W[1:-1]}" xmlns:w14="{W14}"'
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
ON_WORDS, REPLY, OVER_ROWS = "Say which meeting.", "Agreed with my colleague.", "Merge these."


def _pid(m: Minutes, number: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == number)


def _cell(root: etree._Element, pid: int, column: int) -> etree._Element:
    row = next(tr for tr in root.iter(f"{W}tr") if tr.find(
        f".//{W}bookmarkStart[@{W}name='_mp_{pid}']") is not None)
    p = row.findall(f"{W}tc")[column].find(f"{W}p")
    assert p is not None
    return p


def _x(xml: str) -> etree._Element:
    return etree.fromstring(f"<w:root {NS}>{xml}</w:root>")[0]


def _start(p: etree._Element, *ids: int) -> None:
    first = p.find(f"{W}r")
    assert first is not None
    for i in ids:
        first.addprevious(_x(f'<w:commentRangeStart w:id="{i}"/>'))


def _end(p: etree._Element, *ids: int) -> None:
    for i in ids:
        p.append(_x(f'<w:commentRangeEnd w:id="{i}"/>'))
        p.append(_x(f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                    f'<w:commentReference w:id="{i}"/></w:r>'))


def _comment(ident: int, text: str, para: str) -> str:
    return (f'<w:comment w:id="{ident}" w:author="Ivan Petrov" w:date="2020-12-17T09:30:00Z">'
            f'<w:p w14:paraId="{para}"><w:r><w:annotationRef/></w:r><w:r><w:t>{text}</w:t>'
            f'</w:r></w:p></w:comment>')


def _returned(m: Minutes, tmp_path: Path) -> Path:
    """Our copy with a comment and its reply on paragraph 4's English words, and a comment
    from paragraph 5's English to paragraph 6's, as Word writes them."""
    exported = tmp_path / "wc.docx"
    write_working(m, exported)
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    four = _cell(root, _pid(m, 4), 2)
    _start(four, 71, 72)
    _end(four, 71, 72)
    _start(_cell(root, _pid(m, 5), 2), 73)
    _end(_cell(root, _pid(m, 6), 2), 73)
    parts["word/document.xml"] = etree.tostring(root)
    assert "word/comments.xml" not in parts  # the agreed demo has none: Word adds the part
    parts["word/comments.xml"] = (
        f"<w:comments {NS}>{_comment(71, ON_WORDS, '3C000001')}"
        f"{_comment(72, REPLY, '3C000002')}{_comment(73, OVER_ROWS, '3C000003')}</w:comments>"
    ).encode()
    parts["word/commentsExtended.xml"] = (
        f'<w15:commentsEx xmlns:w15="{W15}"><w15:commentEx w15:paraId="3C000001" w15:done="0"/>'
        '<w15:commentEx w15:paraId="3C000002" w15:paraIdParent="3C000001" w15:done="0"/>'
        '<w15:commentEx w15:paraId="3C000003" w15:done="0"/></w15:commentsEx>').encode()
    types = parts["[Content_Types].xml"].decode().replace("</Types>", (
        f'<Override PartName="/word/comments.xml" ContentType="{CT}.comments+xml"/>'
        '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>'))
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["word/_rels/document.xml.rels"].decode().replace("</Relationships>", (
        '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/comments" Target="comments.xml"/><Relationship Id="rIdC2" Type="http://'
        'schemas.microsoft.com/office/2011/relationships/commentsExtended" '
        'Target="commentsExtended.xml"/></Relationships>'))
    parts["word/_rels/document.xml.rels"] = rels.encode()
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return returned


def test_comments_keep_their_language_their_thread_and_both_rows(tmp_path: Path) -> None:
    m = sent()
    op, report = plan_import(m, _returned(m, tmp_path), Side.RU, NOW)
    op.apply(m)
    assert report.comments == 4  # the comment over two rows is on each of its paragraphs
    four = m.paragraph(_pid(m, 4)).comments
    first = next(c for c in four if c.text == ON_WORDS)
    reply = next(c for c in four if c.text == REPLY)
    assert first.lang is Lang.EN and first.parent is None and first.side is Side.RU
    assert reply.parent == first.id and reply.lang is Lang.EN
    for number in (5, 6):
        said = [(c.text, c.lang) for c in m.paragraph(_pid(m, number)).comments]
        assert said == [(OVER_ROWS, Lang.EN)], (number, said)
    # the working copy written again: each on the English text, the reply still a reply
    again = tmp_path / "again.docx"
    write_working(m, again)
    assert_valid_docx(again)
    with zipfile.ZipFile(again) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
        extended = etree.fromstring(z.read("word/commentsExtended.xml"))
    word_id = {"".join(str(t) for t in c.itertext()).strip(): c.get(f"{W}id")
               for c in comments}
    english = _cell(root, _pid(m, 4), 2)
    number_cell = _cell(root, _pid(m, 4), 0)
    refs = {r.get(f"{W}id") for r in english.iter(f"{W}commentReference")}
    assert {word_id[ON_WORDS], word_id[REPLY]} <= refs
    assert not list(number_cell.iter(f"{W}commentReference"))
    assert any(e.get(f"{{{W15}}}paraIdParent") for e in extended)
    for n in (5, 6):  # each paragraph's copy on its English text
        assert list(_cell(root, _pid(m, n), 2).iter(f"{W}commentReference"))
