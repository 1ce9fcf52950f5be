"""Comment threads in the working copy as Word's (commentsExtended, w15) and back again."""

from __future__ import annotations

from minutes_app.model import Comment, Paragraph

from minutes_app.model import Minutes

import zipfile
from pathlib import Path

from lxml import etree

from minutes_app.docx_io.comment_threads import W14, W15, para_id
from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.working import write_working
from minutes_app.model import AddComment, RemoveComment, Side
from minutes_app.model.threads import SetCommentResolved, threads
from minutes_app.workflows.templates import demo
from minutes_app.tracking.rounds import snapshot
from tests.exports.clients import pandoc_json, spans
from tests.exports.schema import assert_valid_docx

NOW = "2020-12-17T09:00:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _threaded() -> tuple[Minutes, Paragraph, Comment, Comment, Comment]:
    m = demo(agreed=True)
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z", "Round 3"))
    p = m.paragraphs()[5]
    first = Comment(m.allocate_id(), Side.KR, "Check the year with the capital.",
                    "2020-12-15T09:00:00Z", author="Kim Minji")
    reply = Comment(m.allocate_id(), Side.RU, "Confirmed: 2021.", "2020-12-16T09:00:00Z",
                    parent=first.id)
    other = Comment(m.allocate_id(), Side.KR, "Ask about the venue.", "2020-12-16T10:00:00Z")
    for c in (first, reply, other):
        AddComment(p.id, c).apply(m)
    SetCommentResolved(p.id, first.id, True).apply(m)
    return m, p, first, reply, other


def test_threads_are_written_as_word_writes_them(tmp_path: Path) -> None:
    m, _p, first, reply, other = _threaded()
    out = tmp_path / "w.docx"
    write_working(m, out)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        extended = etree.fromstring(z.read("word/commentsExtended.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "word/commentsExtended.xml" in names and "commentsExtended+xml" in types
    assert "relationships/commentsExtended" in rels
    entries = {e.get(f"{{{W15}}}paraId"): e for e in extended.iter(f"{{{W15}}}commentEx")}
    assert entries[para_id(first.id)].get(f"{{{W15}}}done") == "1"
    assert entries[para_id(reply.id)].get(f"{{{W15}}}paraIdParent") == para_id(first.id)
    assert entries[para_id(other.id)].get(f"{{{W15}}}done") == "0"
    paras = {p.get(f"{{{W14}}}paraId") for p in comments.iter(f"{W}p")}
    assert {para_id(first.id), para_id(reply.id), para_id(other.id)} <= paras
    assert_valid_docx(out)  # every part, comments and their threads included
    texts = [text for _c, _a, text in spans(pandoc_json(out), ("comment-start",))]
    assert any("Confirmed: 2021." in t for t in texts)  # a real reader sees the reply


def test_threads_come_back_with_an_import(tmp_path: Path) -> None:
    m, p, first, reply, _other = _threaded()
    out = tmp_path / "w.docx"
    write_working(m, out)
    # the copy they return it to: it never held the reply, and the thread was open
    for c in (reply,):
        RemoveComment(p.id, c.id).apply(m)
    SetCommentResolved(p.id, first.id, False).apply(m)
    op, report = plan_import(m, out, Side.RU, NOW)
    op.apply(m)
    root, replies = next(t for t in threads(m.paragraph(p.id)) if t[0].id == first.id)
    assert root.resolved  # resolved in the returned file
    assert [(r.text, r.side) for r in replies] == [("Confirmed: 2021.", Side.RU)]
    assert report.comments == 1
