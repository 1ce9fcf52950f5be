"""The other Side accepts our tracked changes in Word (all, only ours, some) before returning
the copy: our round is recorded as sent, our words stay ours and pending, the import says how
many they accepted; their own untracked edit in the same copy is theirs. Each tracked change
keeps its own author and date; an untracked edit beside another author's tracked change is
the returning Side's (wordtest11 items 1, 8, 10)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.model import Lang, Minutes, Side
from minutes_app.store import MinutesFile
from minutes_app.tracking.ops import edit_text
from minutes_app.tracking.provenance import blame
from minutes_app.tracking.revisions import all_revisions
from tests.exports.schema import assert_valid_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Edit = Callable[[etree._Element, Minutes], None]
Rev = tuple[int | None, str, str, str, int, str]


def _exported(tmp_path: Path, layout: str = "side-by-side") -> tuple[Path, Path]:
    """The demo as negotiated (our round 3 edits pending) and its working copy, exported
    through the CLI (so the history records what the copy went out with)."""
    path, copy = tmp_path / "d.minutes", tmp_path / "wc.docx"
    assert main(["--lang", "en", "demo", "--force", str(path)]) == 0
    assert main(["--lang", "en", "export", "--kind", "working", "--layout", layout, "-o",
                 str(copy), str(path)]) == 0
    assert_valid_docx(copy)
    return path, copy


def _opened(path: Path) -> Minutes:
    f, m = MinutesFile.open(path)
    f.close()
    return m


def _revs(m: Minutes) -> set[Rev]:
    return {(r.number, r.lang.value if r.lang else "", r.side.value, r.kind, r.round,
             r.text.strip()) for r in all_revisions(m)}


def _returned(copy: Path, out: Path, edit: Edit, m: Minutes, drop_mark: bool = False) -> Path:
    """The copy with its document.xml edited as Word writes it (``drop_mark``: an old copy,
    without the export's mark)."""
    with zipfile.ZipFile(copy) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    edit(root, m)
    if drop_mark:
        for b in root.iter(f"{W}bookmarkStart"):
            if (b.get(f"{W}name") or "").startswith("_mx_"):
                b.set(f"{W}name", "_Hlk1")
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


def _cell(root: etree._Element, m: Minutes, number: int, lang: Lang) -> etree._Element:
    """The cell of paragraph ``number`` in ``lang`` (found by our row bookmark)."""
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == number)
    for tr in root.iter(f"{W}tr"):
        if any(b.get(f"{W}name") == f"_mp_{pid}" for b in tr.iter(f"{W}bookmarkStart")):
            column = 1 + m.languages.index(lang)
            cell: etree._Element = tr.findall(f"{W}tc")[column]
            return cell
    raise AssertionError(f"no row for paragraph {number}")


def _parent(e: etree._Element) -> etree._Element:
    parent = e.getparent()
    assert parent is not None
    return parent


def _unwrap(e: etree._Element) -> None:
    """The element's children in its place (a change taken in Word)."""
    parent = _parent(e)
    at = list(parent).index(e)
    for k, child in enumerate(list(e)):
        parent.insert(at + k, child)
    parent.remove(e)


def accept(node: etree._Element, author: str | None = None) -> None:
    """Word's Accept (All, or a reviewer's only): deletions go, insertions become text."""
    for d in list(node.iter(f"{W}del")):
        if _parent(d).tag != f"{W}rPr" and author in (None, d.get(f"{W}author")):
            _parent(d).remove(d)
    for i in list(node.iter(f"{W}ins")):
        if _parent(i).tag != f"{W}rPr" and author in (None, i.get(f"{W}author")):
            _unwrap(i)


def reject(node: etree._Element) -> None:
    """Word's Reject: insertions go, deleted text comes back."""
    for i in list(node.iter(f"{W}ins")):
        if _parent(i).tag != f"{W}rPr":
            _parent(i).remove(i)
    for d in list(node.iter(f"{W}del")):
        if _parent(d).tag != f"{W}rPr":
            for t in d.iter(f"{W}delText"):
                t.tag = f"{W}t"
            _unwrap(d)


def retype(cell: etree._Element, old: str, new: str) -> None:
    """Words typed over without Track Changes."""
    for t in cell.iter(f"{W}t"):
        if old in (t.text or ""):
            t.text = (t.text or "").replace(old, new)
            return
    raise AssertionError(f"{old!r} not in the cell")


def _ours(m: Minutes) -> set[Rev]:
    return {r for r in _revs(m) if r[2] == "KR" and r[4] == 3}


def _import(path: Path, returned: Path, capsys: pytest.CaptureFixture[str],
            *extra: str, lang: str = "en") -> str:
    capsys.readouterr()
    assert main(["--lang", lang, "import", str(path), str(returned), *extra]) == 0
    return capsys.readouterr().out


def _words(m: Minutes, number: int, lang: Lang, words: str) -> tuple[str, int]:
    """Who brought ``words`` of paragraph ``number`` (blame): Side and round."""
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == number)
    spans = [s for b in blame(m, lang, [pid]) for s in b.spans if words in s.text]
    assert spans, words
    return spans[0].side.value, spans[0].round


def _sent_round(m: Minutes, name: str) -> None:
    """Our round 3 is recorded as sent in the copy, theirs is round 4."""
    assert [(r.number, r.side) for r in m.rounds[2:]] == [(3, Side.KR), (4, Side.RU)]
    assert m.rounds[2].note == f"Sent as {name}"


@pytest.mark.parametrize("layout", ["side-by-side", "consecutive"])
def test_accept_all_in_word_keeps_our_words_ours(tmp_path: Path, layout: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _exported(tmp_path, layout)
    before = _opened(path)
    ours = _ours(before)
    assert len(ours) == 5  # the demo's pending edits of ours (paragraphs 9 and 11)
    returned = _returned(copy, tmp_path / "back.docx", lambda root, m: accept(root), before)
    assert_valid_docx(returned)
    out = _import(path, returned, capsys)
    assert f"Russian Side accepted {len(ours)} of your changes in Word" in out
    assert "0 paragraphs and 0 headings revised" in out
    m = _opened(path)
    _sent_round(m, "wc.docx")
    assert _ours(m) == ours  # still pending, ours, round 3
    assert not {r for r in _revs(m) if r[4] == 4}  # nothing invented for them
    assert _words(m, 11, Lang.EN, "start-ups and venture investors") == ("KR", 3)
    assert _words(m, 11, Lang.KO, "벤처투자자") == ("KR", 3)


def test_the_note_in_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _exported(tmp_path)
    returned = _returned(copy, tmp_path / "back.docx", lambda root, m: accept(root),
                         _opened(path))
    out = _import(path, returned, capsys, lang="ko")
    assert "러시아측이 사본을 돌려보내기 전에 Word에서 우리측 변경 5건을 수락했습니다" in out
    assert "제3차" in out


def test_only_ours_accepted_and_their_untracked_edit_is_theirs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _exported(tmp_path)
    before = _opened(path)

    def edit(root: etree._Element, m: Minutes) -> None:
        accept(root, "Korean Side")  # Word: Accept All Changes by "Korean Side"
        retype(_cell(root, m, 15, Lang.EN), "diplomatic", "official")

    out = _import(path, _returned(copy, tmp_path / "back.docx", edit, before), capsys)
    assert "accepted 5 of your changes" in out
    m = _opened(path)
    _sent_round(m, "wc.docx")
    assert _ours(m) == _ours(before)
    assert {r for r in _revs(m) if r[4] == 4} == {(15, "en", "RU", "delete", 4, "diplomatic"),
                                                  (15, "en", "RU", "insert", 4, "official")}
    theirs = {r for r in _revs(before) if r[2] == "RU"}
    assert theirs <= _revs(m)  # their own earlier proposals, still tracked, stay pending


def test_some_accepted_some_tracked_some_rejected(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _exported(tmp_path)
    before = _opened(path)

    def edit(root: etree._Element, m: Minutes) -> None:
        accept(_cell(root, m, 11, Lang.EN))  # our replacement there: accepted (2 changes)
        reject(_cell(root, m, 11, Lang.KO))  # our insertion there: rejected
        # paragraph 9: our deletions left tracked

    out = _import(path, _returned(copy, tmp_path / "back.docx", edit, before), capsys)
    assert "accepted 2 of your changes" in out
    m = _opened(path)
    _sent_round(m, "wc.docx")
    revs = _revs(m)
    assert {r for r in _ours(before) if r[0] == 9 or r[1] == "en"} <= revs  # still ours
    assert (11, "ko", "RU", "delete", 4, "및 벤처투자자") in revs  # their rejection: theirs
    assert _words(m, 11, Lang.EN, "start-ups and venture investors") == ("KR", 3)


def test_accepted_in_word_and_our_edit_since_the_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Our edit made after the export stays ours, after their round; what they accepted of
    the copy stays ours in the round it went out in."""
    path, copy = _exported(tmp_path)
    before = _opened(path)
    f, m = MinutesFile.open(path)
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 11)
    text = m.paragraph(pid).text(Lang.EN) + " LATER"
    op = edit_text(m, pid, Lang.EN, text, "2026-01-01T00:00:00Z")
    f.write(m, op.apply(m)[1])
    f.close()
    returned = _returned(copy, tmp_path / "back.docx", lambda root, m: accept(root), before)
    out = _import(path, returned, capsys)
    assert "accepted 5 of your changes" in out
    m = _opened(path)
    _sent_round(m, "wc.docx")
    assert _ours(m) == _ours(before)
    assert (11, "en", "KR", "insert", 5, "LATER") in _revs(m)
    assert not {r for r in _revs(m) if r[4] == 4}


def test_an_old_copy_without_the_export_mark(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """No record of what went out: our pending words in its text without markup say the
    copy carried them (it went out under the name it came back with)."""
    path, copy = _exported(tmp_path)
    before = _opened(path)
    returned = _returned(copy, tmp_path / "back.docx", lambda root, m: accept(root), before,
                         drop_mark=True)
    out = _import(path, returned, capsys)
    assert "accepted 5 of your changes" in out
    m = _opened(path)
    _sent_round(m, "back.docx")
    assert _ours(m) == _ours(before)
    assert _words(m, 11, Lang.EN, "start-ups and venture investors") == ("KR", 3)


A1, D1 = "Ivan Petrov", "2020-12-17T09:30:00Z"
A2, D2 = "Анна Смирнова", "2020-12-17T11:05:00Z"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _runs(xml: str) -> list[etree._Element]:
    return list(etree.fromstring(f"<root {NS}>{xml}</root>"))


def _set_runs(cell: etree._Element, xml: str) -> None:
    """The cell's first paragraph holding these runs (its properties and bookmarks kept)."""
    p = cell.find(f"{W}p")
    assert p is not None
    for child in list(p):
        if child.tag in (f"{W}r", f"{W}ins", f"{W}del"):
            p.remove(child)
    p.extend(_runs(xml))


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _ins(text: str, author: str, date: str, ident: int) -> str:
    return f'<w:ins w:id="{ident}" w:author="{author}" w:date="{date}">{_r(text)}</w:ins>'


def _del(text: str, author: str, date: str, ident: int) -> str:
    return (f'<w:del w:id="{ident}" w:author="{author}" w:date="{date}"><w:r>'
            f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def _times(m: Minutes, number: int) -> dict[tuple[str, str, str], tuple[str, str]]:
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == number)
    return {(r.lang.value if r.lang else "", r.kind, r.text.strip()): (r.side.value, r.time)
            for r in all_revisions(m) if r.paragraph_id == pid}


def test_each_tracked_change_keeps_its_date_and_author(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two authors of theirs in one cell: each change keeps its own date; an untracked
    edit in the same cell is dated at the import."""
    path, copy = _exported(tmp_path)
    before = _opened(path)

    def edit(root: etree._Element, m: Minutes) -> None:
        _set_runs(_cell(root, m, 15, Lang.EN),
                  _r("The two Sides agreed to hold the 15th meeting of the Sub-committee in ")
                  + _ins("Vladivostok, ", A1, D1, 9001)
                  + _r("the Russian Federation in 2021, on dates to be agreed through ")
                  + _del("diplomatic", A2, D2, 9002) + _ins("official", A2, D2, 9003)
                  + _r(" channels") + _ins(" and confirmed", A1, D1, 9004) + _r(".")
                  + "")
        retype(_cell(root, m, 15, Lang.EN), "in 2021", "by 2021")  # without Track Changes

    returned = _returned(copy, tmp_path / "back.docx", edit, before)
    assert_valid_docx(returned)
    _import(path, returned, capsys, "--author", f"{A1}=RU", "--author", f"{A2}=RU")
    m = _opened(path)
    now = m.rounds[-1].time
    assert now not in (D1, D2)
    assert _times(m, 15) == {
        ("en", "insert", "Vladivostok,"): ("RU", D1),
        ("en", "delete", "diplomatic"): ("RU", D2),
        ("en", "insert", "official"): ("RU", D2),
        ("en", "insert", "and confirmed"): ("RU", D1),
        ("en", "delete", "in"): ("RU", now),
        ("en", "insert", "by"): ("RU", now)}


def test_an_untracked_deletion_beside_a_korean_authors_insertion_is_theirs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _exported(tmp_path)
    before = _opened(path)

    def edit(root: etree._Element, m: Minutes) -> None:
        cell = _cell(root, m, 15, Lang.EN)
        text = "".join(t.text or "" for t in cell.iter(f"{W}t"))
        head, tail = text.split("diplomatic ")
        _set_runs(cell, _r(head) + _ins("official ", "Kim Minji", D1, 9001) + _r(tail))

    returned = _returned(copy, tmp_path / "back.docx", edit, before)
    out = _import(path, returned, capsys, "--author", "Kim Minji=KR")
    assert "1 place changed by the Korean Side, 1 place changed by the Russian Side" in out
    m = _opened(path)
    now = m.rounds[-1].time
    assert _times(m, 15) == {("en", "delete", "diplomatic"): ("RU", now),
                             ("en", "insert", "official"): ("KR", D1)}


def _without_comments(src: Path, dst: Path) -> Path:
    """The copy with its comments taken out (LibreOffice 7.4 aborts loading one through UNO)."""
    with zipfile.ZipFile(src) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()
                 if "comments" not in i.filename}
    root = etree.fromstring(parts["word/document.xml"])
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        for e in list(root.iter(f"{W}{tag}")):
            _parent(e).remove(e)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    for rel in list(rels):
        if "comments" in (rel.get("Target") or "").lower():
            rels.remove(rel)
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True,
                                                           encoding="UTF-8", standalone=True)
    types = etree.fromstring(parts["[Content_Types].xml"])
    for o in list(types):
        if "comments" in (o.get("PartName") or "").lower():
            types.remove(o)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True,
                                                  encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    dst.write_bytes(buffer.getvalue())
    return dst


def test_libreoffice_accept_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """LibreOffice's own Accept All (through UNO), then an edit of theirs without tracking."""
    from tests.exports.test_import import lo_edit

    path, copy = _exported(tmp_path)
    before = _opened(path)
    plain = _without_comments(copy, tmp_path / "plain.docx")
    returned = lo_edit(plain, tmp_path / "back.docx",
                       [{"accept_all": True}, ["through diplomatic channels",
                                               "through official channels"]],
                       False, tmp_path)
    out = _import(path, returned, capsys)
    assert "Russian Side accepted 5 of your changes in Word" in out
    m = _opened(path)
    _sent_round(m, "wc.docx")
    assert _ours(m) == _ours(before)
    assert {r for r in _revs(m) if r[4] == 4} == {(15, "en", "RU", "delete", 4, "diplomatic"),
                                                  (15, "en", "RU", "insert", 4, "official")}
    assert _words(m, 11, Lang.EN, "start-ups and venture investors") == ("KR", 3)
