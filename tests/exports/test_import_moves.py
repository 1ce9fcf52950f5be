"""Rows the other Side moved, heading rows they added and rows that lost their ids, in a
returned working copy edited as Word writes it (and re-saved by LibreOffice)."""

from __future__ import annotations

import copy
import itertools
import json
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.docx_io.import_moves import move_notes
from minutes_app.docx_io.importer import UncertainRowsError, plan_import
from minutes_app.docx_io.unplaced import UnplacedChangesError
from minutes_app.docx_io.working import write_working
from minutes_app.i18n.messages import render
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.serialize import minutes_out
from minutes_app.store import MinutesFile
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.revisions import all_revisions
from tests.exports.clients import soffice
from tests.exports.test_import import NOW, sent
from tests.helpers import some
from tests.helpers.returned import edit_docx, read_only, row_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
IVAN = {f"{W}author": "Ivan Petrov", f"{W}date": "2020-12-17T08:00:00Z"}


def _order(m: Minutes) -> list[tuple[int, list[int]]]:
    return [(s.id, [p.id for p in s.paragraphs]) for s in m.sections]


def _two_sections(m: Minutes) -> tuple[list[int], list[int]]:
    """The paragraphs of two numbered sections in a row, the first holding two or more."""
    numbered = [s for s in m.sections if s.numbered]
    first, second = next((a, b) for a, b in itertools.pairwise(numbered)
                         if len(a.paragraphs) >= 2 and b.paragraphs)
    return [p.id for p in first.paragraphs], [p.id for p in second.paragraphs]


def _returned(m: Minutes, tmp_path: Path, change: object, name: str = "returned.docx") -> Path:
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    returned = tmp_path / name
    edit_docx(exported, returned, change)  # type: ignore[arg-type]
    return returned


def _strip_ids(tr: etree._Element) -> None:
    for b in [*tr.iter(f"{W}bookmarkStart"), *tr.iter(f"{W}bookmarkEnd")]:
        some(b.getparent()).remove(b)


def _imported(m: Minutes, path: Path, accept_uncertain: bool = False,
              accept_unplaced: bool = False) -> Minutes:
    op, _report = plan_import(m, path, Side.RU, NOW, accept_uncertain=accept_uncertain,
                              accept_unplaced=accept_unplaced)
    op.apply(m)
    return m


def test_rows_swapped_without_track_changes_are_a_move_by_their_side(tmp_path: Path) -> None:
    m = sent()
    first, _second = _two_sections(m)
    a, b = first[0], first[1]

    def swap(root: etree._Element) -> None:  # row b cut and pasted above row a
        row_a, row_b = row_of(root, a), row_of(root, b)
        some(row_b.getparent()).remove(row_b)
        row_a.addprevious(row_b)

    returned = _returned(m, tmp_path, swap)
    before, order = minutes_out(m), _order(m)
    op, report = plan_import(m, returned, Side.RU, NOW)
    assert minutes_out(m) == before  # planning changes nothing
    assert report.moved and report.by_side == {"RU": 1}
    said = [render(x) for x in move_notes(m, report)]
    assert said == [f"Paragraph {m.number(b)} was moved by the Russian Side to the start of "
                    f"section “{' / '.join(m.section_of(a).heading.values())}”."]
    inverse, _change = op.apply(m)
    section = m.section_of(a)
    assert [p.id for p in section.paragraphs][:2] == [b, a]
    mark = some(m.paragraph(b).mark)
    assert (mark.kind, mark.author.side, mark.author.round) == ("move", Side.RU, 4)
    assert (mark.from_section, mark.from_position) == (section.id, 1)
    moves = select(m, lambda r: r.kind == "move")
    assert [r.paragraph_id for r in moves] == [b]
    decision(m, moves, accept=False).apply(m)  # rejected: back where it was
    assert _order(m) == order
    inverse.apply(m)  # and the import is one undoable operation


def _delete_row(tr: etree._Element) -> None:
    """Word's tracked deletion of a whole row: ``trPr/del`` and every run in ``w:del``."""
    trpr = tr.find(f"{W}trPr")
    if trpr is None:
        trpr = etree.Element(f"{W}trPr")
        tr.insert(1 if tr[0].tag == f"{W}tblPrEx" else 0, trpr)
    etree.SubElement(trpr, f"{W}del", {f"{W}id": "8001", **IVAN})
    for n, run in enumerate(list(tr.iter(f"{W}r"))):
        for t in run.findall(f"{W}t"):
            t.tag = f"{W}delText"
        wrapper = etree.Element(f"{W}del", {f"{W}id": str(8100 + n), **IVAN})
        run.addprevious(wrapper)
        wrapper.append(run)


@pytest.mark.parametrize("deleted", ["moved up", "stayed"])
def test_a_row_they_deleted_beside_a_swap_is_deleted_never_moved(tmp_path: Path,
                                                                  deleted: str) -> None:
    """review11: of two swapped rows, the one Word marks deleted was taken for moved, and its
    deletion became word deletions under a move mark (an empty paragraph once accepted)."""
    m = sent()
    first, _second = _two_sections(m)
    a, b = first[0], first[1]
    gone = b if deleted == "moved up" else a

    def swap_and_delete(root: etree._Element) -> None:
        row_a, row_b = row_of(root, a), row_of(root, b)
        some(row_b.getparent()).remove(row_b)
        row_a.addprevious(row_b)
        _delete_row(row_of(root, gone))

    _op, report = plan_import(m, _returned(m, tmp_path, swap_and_delete), Side.RU, NOW)
    assert report.deleted == [gone]
    assert gone not in [move[0] for move in report.moved]
    _op.apply(m)
    mark = some(m.paragraph(gone).mark)
    assert (mark.kind, mark.author.side) == ("delete", Side.RU)
    decision(m, select(m, lambda r: r.kind == "delete" and r.paragraph_id == gone),
             accept=True).apply(m)
    assert not m.has_paragraph(gone)


def test_a_row_moved_into_another_section_lands_there(tmp_path: Path) -> None:
    m = sent()
    first, second = _two_sections(m)
    moved = first[-1]

    def into_next(root: etree._Element) -> None:  # the last row of a section, after the
        tr = row_of(root, moved)                  # first row of the next one, a word added
        some(tr.getparent()).remove(tr)
        row_of(root, second[0]).addnext(tr)
        t = list(tr.findall(f"{W}tc")[2].iter(f"{W}t"))[-1]
        t.text = (t.text or "") + " Indeed."

    op, report = plan_import(m, _returned(m, tmp_path, into_next), Side.RU, NOW)
    target = m.section_of(second[0])
    said = render(move_notes(m, report)[0])
    assert said == (f"Paragraph {m.number(moved)} was moved by the Russian Side into section "
                    f"“{' / '.join(target.heading.values())}”, after paragraph "
                    f"{m.number(second[0])}.")
    source = m.section_of(moved).id
    op.apply(m)
    assert [p.id for p in target.paragraphs][:2] == [second[0], moved]
    mark = some(m.paragraph(moved).mark)
    assert mark.kind == "move" and mark.from_section == source
    assert m.paragraph(moved).text(Lang.EN).endswith(" Indeed.")  # their edit came in too
    assert report.by_side == {"RU": 2}  # the move and the edit


def _tracked_move(root: etree._Element, pid: int, before: int, edit: str = "",
                  id_stays: bool = False) -> None:
    """Word's tracked move of a row: the old row deleted (``trPr/del``) with its runs in
    ``w:moveFrom``, a new row inserted (``trPr/ins``) before row ``before`` with them in
    ``w:moveTo``; the row's id bookmark travels with the new row. ``edit``: words Ivan also
    inserted at the end of the moved English text; ``id_stays``: the bookmark stays with the
    old row instead."""
    old = row_of(root, pid)
    new = copy.deepcopy(old)
    _strip_ids(new if id_stays else old)
    ident = iter(range(9000, 9999))

    def wrap(tr: etree._Element, kind: str, row_mark: str) -> None:
        etree.SubElement(some(tr.find(f"{W}trPr")), f"{W}{row_mark}",
                         {f"{W}id": str(next(ident)), **IVAN})
        for column, tc in enumerate(tr.findall(f"{W}tc")):
            for p in tc.findall(f"{W}p"):
                runs = p.findall(f"{W}r")
                if not runs:
                    continue
                name = {f"{W}name": f"move{pid}_{column}"}
                rng = str(next(ident))
                start = etree.Element(f"{W}{kind}RangeStart", {f"{W}id": rng, **IVAN, **name})
                wrapper = etree.Element(f"{W}{kind}", {f"{W}id": str(next(ident)), **IVAN})
                runs[0].addprevious(start)
                start.addnext(wrapper)
                for r in runs:
                    wrapper.append(r)
                wrapper.addnext(etree.Element(f"{W}{kind}RangeEnd", {f"{W}id": rng}))
                if edit and kind == "moveTo" and column == 2:
                    ins = etree.Element(f"{W}ins", {f"{W}id": str(next(ident)), **IVAN})
                    etree.SubElement(etree.SubElement(ins, f"{W}r"), f"{W}t").text = edit
                    some(wrapper.getnext()).addnext(ins)
                ppr = p.find(f"{W}pPr")
                if ppr is None:
                    ppr = etree.Element(f"{W}pPr")
                    p.insert(0, ppr)
                etree.SubElement(etree.SubElement(ppr, f"{W}rPr"), f"{W}{kind}",
                                 {f"{W}id": str(next(ident)), **IVAN})

    wrap(old, "moveFrom", "del")
    wrap(new, "moveTo", "ins")
    row_of(root, before).addprevious(new)


def test_a_tracked_row_move_as_word_writes_it_keeps_its_author_and_edits(
        tmp_path: Path) -> None:
    m = sent()
    first, second = _two_sections(m)
    moved = second[0]
    text = m.paragraph(moved).text(Lang.EN)
    returned = _returned(m, tmp_path, lambda root: _tracked_move(
        root, moved, first[0], " (to be confirmed)"))
    _imported(m, returned)
    section = m.section_of(first[0])
    assert next(p.id for p in section.paragraphs) == moved
    mark = some(m.paragraph(moved).mark)
    assert mark.kind == "move" and mark.author.side is Side.RU
    assert mark.author.time == "2020-12-17T08:00:00Z"  # Ivan's, from the file
    assert m.paragraph(moved).text(Lang.EN) == text + " (to be confirmed)"
    assert not [p for p in m.paragraphs() if p.mark is not None and p.mark.kind != "move"]
    assert m.author_sides.get("Ivan Petrov") is Side.RU  # remembered for the next file


def test_a_tracked_move_whose_id_stayed_with_the_old_row_is_still_a_move(
        tmp_path: Path) -> None:
    m = sent()
    first, second = _two_sections(m)
    moved = second[0]
    returned = _returned(m, tmp_path, lambda root: _tracked_move(
        root, moved, first[0], id_stays=True))
    _imported(m, returned)  # linked by the move's name: not a deletion and a new paragraph
    assert next(p.id for p in m.section_of(first[0]).paragraphs) == moved
    assert [(r.paragraph_id, r.kind) for r in all_revisions(m) if r.round == 4] == [
        (moved, "move")]


def test_libreoffice_resaving_a_tracked_row_move_imports_the_same(tmp_path: Path) -> None:
    m = sent()
    first, second = _two_sections(m)
    moved = second[0]
    word = _returned(m, tmp_path, lambda root: _tracked_move(root, moved, first[0]), "w.docx")
    out = tmp_path / "lo"
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "docx", "--outdir", str(out), str(word)],
                   capture_output=True, timeout=180, check=False)
    resaved = out / "w.docx"
    assert resaved.exists(), "LibreOffice wrote no DOCX"
    _imported(m, resaved)
    assert next(p.id for p in m.section_of(first[0]).paragraphs) == moved
    assert some(m.paragraph(moved).mark).kind == "move"
    assert [r.kind for r in all_revisions(m) if r.paragraph_id == moved] == ["move"]


def test_our_move_made_after_the_export_is_not_taken_for_theirs(tmp_path: Path) -> None:
    from minutes_app.docx_io.export_base import base_record
    from minutes_app.tracking.structure import move_paragraph

    m = sent()
    first, _second = _two_sections(m)
    record = base_record(m)
    exported = tmp_path / "working.docx"
    write_working(m, exported, mark=str(record["mark"]))
    history = [("2020-12-16T13:00:00Z", "export-working",
                json.dumps({"base": record}))]
    move_paragraph(m, first[1], m.section_of(first[0]).id, 0, NOW).apply(m)  # ours, later
    ours = _order(m)
    _op, report = plan_import(m, exported, Side.RU, NOW, history=history)
    assert report.moved == []  # the copy shows the old order: no move of theirs
    assert _order(m) == ours


def test_a_heading_row_they_insert_is_listed_never_a_numbered_paragraph(tmp_path: Path) -> None:
    m = sent()
    last = m.paragraphs()[-1].id
    heading = next(s for s in m.sections if s.numbered and any(s.heading.values()))

    def new_section(root: etree._Element) -> None:  # as Word: a heading row copied, retyped
        ours = next(tr for tr in root.iter(f"{W}tr")
                    if tr.find(f".//{W}bookmarkStart[@{W}name='_ms_{heading.id}']") is not None)
        rows = [copy.deepcopy(ours), copy.deepcopy(row_of(root, last))]
        texts = [["·", "기타 사항", "Other Matters", ""],
                 ["16", "양측은 회의 결과에 만족을 표명하였다.",
                  "The two Sides expressed satisfaction with the results.", "Draft"]]
        for tr, words in zip(rows, texts, strict=True):
            _strip_ids(tr)
            etree.SubElement(some(tr.find(f"{W}trPr")), f"{W}ins", {f"{W}id": "9100", **IVAN})
            for tc, said in zip(tr.findall(f"{W}tc"), words, strict=True):
                p = some(tc.find(f"{W}p"))
                for child in [c for c in p if c.tag != f"{W}pPr"]:
                    p.remove(child)
                if said:
                    ins = etree.SubElement(p, f"{W}ins", {f"{W}id": "9101", **IVAN})
                    etree.SubElement(etree.SubElement(ins, f"{W}r"), f"{W}t").text = said
        row_of(root, last).addnext(rows[0])
        rows[0].addnext(rows[1])

    returned = _returned(m, tmp_path, new_section)
    with pytest.raises(UnplacedChangesError) as listed:
        plan_import(m, returned, Side.RU, NOW)
    [said] = [render(u.describe()) for u in listed.value.unplaced]
    assert said.startswith("Heading row they added, not applied") and \
        "“기타 사항 / Other Matters”" in said
    assert listed.value.unplaced[0].author == "Ivan Petrov"
    _imported(m, returned, accept_unplaced=True)
    texts = [p.text(Lang.EN) for p in m.paragraphs()]
    assert "Other Matters" not in texts  # never a numbered paragraph
    assert texts[-1] == "The two Sides expressed satisfaction with the results."


def test_a_new_row_right_under_a_heading_row_goes_first_in_that_section(tmp_path: Path) -> None:
    m = sent()
    _first, second = _two_sections(m)
    section = m.section_of(second[0])

    def above_first(root: etree._Element) -> None:
        tr = copy.deepcopy(row_of(root, second[0]))
        _strip_ids(tr)
        for t in tr.findall(f"{W}tc")[2].iter(f"{W}t"):
            t.text = ""
        next(tr.findall(f"{W}tc")[2].iter(f"{W}t")).text = "A new first paragraph."
        for t in tr.findall(f"{W}tc")[1].iter(f"{W}t"):
            t.text = ""
        next(tr.findall(f"{W}tc")[1].iter(f"{W}t")).text = "새 첫 문단."
        row_of(root, second[0]).addprevious(tr)

    _imported(m, _returned(m, tmp_path, above_first))
    assert [p.id for p in section.paragraphs][1:] == second
    assert section.paragraphs[0].text(Lang.EN) == "A new first paragraph."


@pytest.mark.parametrize(("edit", "alike"), [
    (None, "100%"),
    ("one word", "98%"),
    ("rewritten", "86%"),
])
def test_a_row_without_its_id_is_asked_for_with_how_alike_it_is(
        tmp_path: Path, edit: str | None, alike: str) -> None:
    m = sent()
    pid = next(p.id for p in m.paragraphs() if "diplomatic channels" in p.text(Lang.EN))

    def lose(root: etree._Element) -> None:
        tr = row_of(root, pid)
        _strip_ids(tr)
        for t in tr.findall(f"{W}tc")[2].iter(f"{W}t"):
            if edit == "one word":
                t.text = (t.text or "").replace("diplomatic", "official")
            elif edit == "rewritten":
                t.text = ("The two Sides will meet again in Moscow in the autumn of 2021, on "
                          "dates to be agreed through diplomatic channels.")

    returned = _returned(m, tmp_path, lose)
    before = minutes_out(m)
    with pytest.raises(UncertainRowsError) as asked:
        plan_import(m, returned, Side.RU, NOW)
    assert [render(r) for r in asked.value.rows] == [
        f"A row without its paragraph id looks like paragraph {m.number(pid)} ({alike} alike)."]
    assert minutes_out(m) == before
    _imported(m, returned, accept_uncertain=True)
    assert m.paragraph(pid).mark is None  # taken as the paragraph, neither new nor deleted
    assert ("official" in m.paragraph(pid).text(Lang.EN)) == (edit == "one word")


def test_the_command_line_refuses_uncertain_rows_then_imports_them_when_told(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = sent()
    pid = m.paragraphs()[-1].id
    path = tmp_path / "m.minutes"
    MinutesFile.create(path, m).close()
    returned = _returned(m, tmp_path, lambda root: _strip_ids(row_of(root, pid)))
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["import", str(path), str(returned)]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "--accept-uncertain" in err
    assert f"looks like paragraph {m.number(pid)} (100% alike)" in err
    assert path.read_bytes() == before  # nothing committed: the flag can still be used
    assert main(["import", str(path), str(returned), "--accept-uncertain"]) == 0
    out = capsys.readouterr().out
    assert f"was imported as paragraph {m.number(pid)}, which it looks like (100% alike)" in out
    assert "Not imported" not in out
    assert len(read_only(path).rounds) == len(m.rounds) + 1


def test_a_section_they_moved_is_listed_and_its_rows_not_taken_for_moves(
        tmp_path: Path) -> None:
    m = sent()
    first, second = _two_sections(m)
    ids = [m.section_of(first[0]).id, m.section_of(second[0]).id]

    def heading(root: etree._Element, sid: int) -> etree._Element:
        return next(tr for tr in root.iter(f"{W}tr")
                    if tr.find(f".//{W}bookmarkStart[@{W}name='_ms_{sid}']") is not None)

    def up(root: etree._Element) -> None:  # the second section, heading and rows, first
        rows = [heading(root, ids[1]), *(row_of(root, pid) for pid in second)]
        for tr in rows:
            some(tr.getparent()).remove(tr)
            heading(root, ids[0]).addprevious(tr)

    returned = _returned(m, tmp_path, up)
    order = _order(m)
    with pytest.raises(UnplacedChangesError) as listed:
        plan_import(m, returned, Side.RU, NOW)
    [said] = [render(u.describe()) for u in listed.value.unplaced]
    assert said.startswith("Section moved in their copy, not applied")
    _imported(m, returned, accept_unplaced=True)
    assert _order(m) == order and not [p for p in m.paragraphs() if p.mark is not None
                                       and p.mark.author.round == 4]


def _body_paragraph(root: etree._Element, name: str) -> etree._Element:
    return some(next(b for b in root.iter(f"{W}bookmarkStart")
                     if b.get(f"{W}name") == name).getparent())


@pytest.mark.parametrize("langs", [("en",), ("ko", "en")], ids=["one-language", "both"])
def test_a_consecutive_copy_moves_a_paragraph_only_when_its_languages_agree(
        tmp_path: Path, langs: tuple[str, ...]) -> None:
    m = sent()
    first, _second = _two_sections(m)
    a, b = first[0], first[1]
    exported, returned = tmp_path / "c.docx", tmp_path / "returned.docx"
    write_working(m, exported, layout="consecutive")

    def swap(root: etree._Element) -> None:
        for lang in langs:
            moved = _body_paragraph(root, f"_mp_{b}_{lang}")
            some(moved.getparent()).remove(moved)
            _body_paragraph(root, f"_mp_{a}_{lang}").addprevious(moved)

    edit_docx(exported, returned, swap)
    if langs == ("en",):  # English moved it, Korean did not: asked, never taken silently
        with pytest.raises(UnplacedChangesError) as listed:
            plan_import(m, returned, Side.RU, NOW)
        [said] = [render(u.describe()) for u in listed.value.unplaced]
        assert said.startswith("Moved in one language only")
        return
    _imported(m, returned)
    assert [p.id for p in m.section_of(a).paragraphs][:2] == [b, a]
    assert some(m.paragraph(b).mark).kind == "move"
