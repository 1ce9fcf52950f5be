"""The working copy, judged by pandoc and by its XML."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io.working import BOOKMARK_PREFIX, author_name, write_working
from minutes_app.model import Comment, Lang, Minutes, Side
from minutes_app.model.track import baseline_text
from minutes_app.templates import demo
from minutes_app.tracking.revisions import all_revisions
from tests.exports.clients import pandoc_json, spans, table_rows

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def negotiated() -> Minutes:
    m = demo()
    p = next(p for p in m.paragraphs() if m.number(p.id) == 14)
    p.comments.append(Comment(m.allocate_id(), Side.RU, "The year differs between the texts.",
                              "2020-12-15T10:00:00Z"))
    return m


@pytest.fixture(scope="module")
def working(negotiated: Minutes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("working") / "working.docx"
    write_working(negotiated, path)
    return path


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_pandoc_reads_every_pending_revision_with_its_author(negotiated: Minutes,
                                                             working: Path) -> None:
    found = spans(pandoc_json(working), ("insertion", "deletion"))
    read = sorted((kind, attrs["author"], squash(text)) for kind, attrs, text in found)
    expected = sorted(("insertion" if r.kind == "insert" else "deletion",
                       author_name(negotiated, r.side), squash(r.text))
                      for r in all_revisions(negotiated) if r.lang is not None)
    # a deletion inside an insertion is read inside it: the insertion's text includes it
    assert [x for x in read if x[0] == "deletion"] == [x for x in expected if x[0] == "deletion"]
    assert len(read) == len(expected)
    assert {a for _, a, _ in read} == {"Korean Side", "Russian Side"}
    dates = {attrs["date"] for _, attrs, _ in found}
    assert dates == {"2020-12-14T08:30:00Z", "2020-12-16T10:00:00Z"}


def _cells(doc: dict, m: Minutes) -> dict[int, list[str]]:  # type: ignore[type-arg]
    rows = table_rows(doc)
    numbered = {r[0].strip(): r for r in rows if r[0].strip().isdigit()}
    return {p.id: numbered[str(m.number(p.id))] for p in m.paragraphs()
            if m.number(p.id) is not None}


def test_accepting_gives_the_current_text_rejecting_the_baseline(negotiated: Minutes,
                                                                 working: Path) -> None:
    accepted = _cells(pandoc_json(working, "accept"), negotiated)
    rejected = _cells(pandoc_json(working, "reject"), negotiated)
    for pid, cells in accepted.items():
        p = negotiated.paragraph(pid)
        assert squash(cells[1]) == squash(p.text(Lang.KO))
        assert squash(cells[2]) == squash(p.text(Lang.EN))
        base = {lang: baseline_text(t) for lang, t in p.tracks.items()}
        assert squash(rejected[pid][1]) == squash(base.get(Lang.KO, p.text(Lang.KO)))
        assert squash(rejected[pid][2]) == squash(base.get(Lang.EN, p.text(Lang.EN)))


def test_comments_come_back_with_their_side(working: Path) -> None:
    found = spans(pandoc_json(working), ("comment-start",))
    by_author = {(attrs["author"], squash(text)[:30]) for _, attrs, text in found}
    assert ("Russian Side", "The year differs between the t") in by_author
    assert any(a == "Korean Side" and t.startswith("Bracket [ko]") for a, t in by_author)


def test_korean_runs_carry_the_east_asian_font_and_language(working: Path) -> None:
    root = document_xml(working)
    def text(r: etree._Element) -> str:
        return "".join(t.text or "" for t in r.iter(f"{W}t", f"{W}delText"))

    hangul = [r for r in root.iter(f"{W}r") if re.search("[가-힣]", text(r))]
    assert hangul
    for r in hangul:
        fonts = r.find(f"{W}rPr/{W}rFonts")
        lang = r.find(f"{W}rPr/{W}lang")
        assert fonts is not None and fonts.get(f"{W}eastAsia") == "Batang"
        assert lang is not None and lang.get(f"{W}eastAsia") == "ko-KR"


def test_revision_ids_are_unique_and_paragraph_ids_travel_in_bookmarks(negotiated: Minutes,
                                                                       working: Path) -> None:
    root = document_xml(working)
    ids = [e.get(f"{W}id") for e in root.iter(f"{W}ins", f"{W}del", f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))
    names = {e.get(f"{W}name") for e in root.iter(f"{W}bookmarkStart")}
    assert {f"{BOOKMARK_PREFIX}{p.id}" for p in negotiated.paragraphs()} <= names


def test_run_properties_follow_the_schema_order(working: Path) -> None:
    order = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "strike", "color", "sz", "szCs", "u",
             "vertAlign", "lang"]
    for rpr in document_xml(working).iter(f"{W}rPr"):
        tags = [c.tag.replace(W, "") for c in rpr if c.tag.replace(W, "") in order]
        assert tags == sorted(tags, key=order.index)


def test_track_changes_is_on_for_the_other_side(working: Path) -> None:
    with zipfile.ZipFile(working) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
    tags = [c.tag.replace(W, "") for c in settings]
    assert "trackRevisions" in tags
    assert tags.index("trackRevisions") < tags.index("defaultTabStop")


def test_the_same_document_gives_the_same_bytes(negotiated: Minutes, tmp_path: Path) -> None:
    assert write_working(negotiated, tmp_path / "a.docx") == write_working(
        negotiated, tmp_path / "b.docx")
