"""A returned copy is compared with the copy as we exported it (three-way), not with our text
now: what we edited after the export stays ours, a status we changed since is not theirs, the
same words changed on both sides become a bracket; an old copy imports as before."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table, _Row

from minutes_app.cli.main import main
from minutes_app.docx_io.export_base import find_base
from minutes_app.docx_io.reader import read_docx
from minutes_app.model import Batch, Lang, Minutes, Operation, SetStatus, Side, Status
from minutes_app.store import MinutesFile
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.ops import edit_text
from minutes_app.tracking.revisions import all_revisions
from minutes_app.workflows.exchange import import_returned, send_round
from minutes_app.workflows.runner import run
from minutes_app.workflows.step import Step
from minutes_app.workflows.templates import demo
from tests.exports.schema import assert_valid_docx
from tests.workflows.conftest import on_disk, state

NOW = "2026-11-30T21:00:00Z"


def _sent_and_exported(tmp_path: Path, languages: str = "ko,en") -> tuple[Path, Path]:
    """The demo with round 3 sent and the working copy exported (through the CLI)."""
    path, copy = tmp_path / "d.minutes", tmp_path / "wc.docx"
    assert main(["--lang", "en", "demo", "--languages", languages, "--force", str(path)]) == 0
    assert main(["--lang", "en", "send", str(path)]) == 0
    assert main(["--lang", "en", "export", "--kind", "working", "-o", str(copy), str(path)]) == 0
    assert_valid_docx(copy)
    return path, copy


def _pid(m: Minutes, number: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == number)


def _edit(path: Path, edits: list[tuple[int, Lang, str]], reopen: bool = True) -> None:
    """Our edits after the export: words added at the end (an agreed paragraph reopened)."""
    f, m = MinutesFile.open(path)
    ops: list[Operation] = []
    for number, lang, words in edits:
        p = m.paragraph(_pid(m, number))
        if reopen and p.status is Status.AGREED:
            ops.append(SetStatus(p.id, Status.PROPOSED))  # as the window asks first
        ops.append(edit_text(m, p.id, lang, p.text(lang) + words, NOW))
    _apply(f, m, Batch(tuple(ops)))
    f.close()


def _apply(f: MinutesFile, m: Minutes, op: Operation) -> None:
    """An edit made and saved, as the window saves one."""
    _inverse, change = op.apply(m)
    f.write(m, change)


def _row(table: Table, number: int) -> _Row:
    found: _Row = next(r for r in table.rows if r.cells[0].text.strip() == str(number))
    return found


def _returned(copy: Path, out: Path, edits: list[tuple[int, int, str]]) -> Path:
    """Their copy edited with python-docx, without Track Changes: (number, column, new text)."""
    d = docx.Document(str(copy))
    for number, column, text in edits:
        cell = _row(d.tables[0], number).cells[column]
        for extra in cell.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        para = cell.paragraphs[0]
        for child in list(para._p):
            if child.tag != qn("w:pPr") and "bookmark" not in child.tag:
                para._p.remove(child)
        para.add_run(text)
    d.save(str(out))
    return out


def _add(copy: Path, out: Path, edits: list[tuple[int, int, str]]) -> Path:
    """Their copy with words added at the end of cells (number, column, words)."""
    d = docx.Document(str(copy))
    for number, column, words in edits:
        _row(d.tables[0], number).cells[column].paragraphs[-1].add_run(words)
    d.save(str(out))
    return out


def _opened(path: Path) -> tuple[MinutesFile, Minutes]:
    return MinutesFile.open(path)


def _revs(m: Minutes) -> set[tuple[int | None, str, str, str, int, str]]:
    return {(r.number, r.lang.value if r.lang else "", r.side.value, r.kind, r.round,
             r.text.strip()) for r in all_revisions(m)}


def test_our_edits_after_the_export_stay_ours_and_their_words_come_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _sent_and_exported(tmp_path, "ko,ru,en")
    _edit(path, [(3, Lang.EN, " LOCALEN"), (5, Lang.KO, " 로컬추가")])
    returned = _add(copy, tmp_path / "ret.docx", [(5, 2, " ТЕКСТРУ"), (7, 3, " THEIREN")])
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), str(returned)]) == 0  # not blocked
    out = capsys.readouterr().out
    assert "2 texts you edited since then keep your edits" in out
    f, m = _opened(path)
    revs = _revs(m)
    assert (3, "en", "KR", "insert", 5, "LOCALEN") in revs
    assert (5, "ko", "KR", "insert", 5, "로컬추가") in revs
    assert (5, "ru", "RU", "insert", 4, "ТЕКСТРУ") in revs
    assert (7, "en", "RU", "insert", 4, "THEIREN") in revs
    assert not [r for r in revs if r[2] == "RU" and r[3] == "delete" and r[4] == 4]
    assert m.rounds[-1].number == 4 and m.rounds[-1].side is Side.RU
    # accepting every Russian revision keeps our new words
    decision(m, select(m, lambda r: r.side is Side.RU), accept=True).apply(m)
    assert m.paragraph(_pid(m, 3)).text(Lang.EN).endswith(" LOCALEN")
    assert m.paragraph(_pid(m, 5)).text(Lang.KO).endswith(" 로컬추가")
    f.close()


def test_a_status_they_typed_is_still_theirs_but_ours_since_the_export_is_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _sent_and_exported(tmp_path)
    _edit(path, [(5, Lang.KO, " 로컬추가")])  # reopens agreed paragraph 5
    f, m = _opened(path)
    proposed = next(m.number(p.id) for p in m.paragraphs() if p.status is Status.PROPOSED
                    and not p.brackets and p.mark is None and m.number(p.id) != 5)
    f.close()
    assert proposed is not None
    returned = _returned(copy, tmp_path / "ret.docx", [(proposed, 3, "Agreed")])
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), str(returned)]) == 1
    err = capsys.readouterr().err
    assert "Proposed → Agreed" in err and err.count("→") == 1  # theirs, not paragraph 5


def test_the_same_words_changed_on_both_sides_become_a_bracket(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, copy = _sent_and_exported(tmp_path)
    f, m = _opened(path)
    pid = _pid(m, 7)
    text = m.paragraph(pid).text(Lang.EN)
    f.close()
    word = text.split()[2]
    f, m = _opened(path)
    _apply(f, m, edit_text(m, pid, Lang.EN, text.replace(word, "OURS", 1), NOW))
    f.close()
    returned = _returned(copy, tmp_path / "ret.docx", [(7, 2, text.replace(word, "THEIRS", 1))])
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), str(returned)]) == 0
    assert "in paragraphs 7: both versions are now in square brackets" in capsys.readouterr().out
    f, m = _opened(path)
    p = m.paragraph(pid)
    assert "OURS" in p.text(Lang.EN) and "THEIRS" not in p.text(Lang.EN)
    opened = [b for b in p.brackets if b.is_open]
    assert len(opened) == 1 and [(o.side, o.texts[Lang.EN]) for o in opened[0].options] == [
        (Side.KR, "OURS"), (Side.RU, "THEIRS")]
    assert p.status is Status.BRACKETED
    f.close()


def test_a_paragraph_we_added_after_the_export_is_not_deleted_by_them(tmp_path: Path) -> None:
    from minutes_app.model import InsertParagraph, Paragraph

    path, copy = _sent_and_exported(tmp_path)
    f, m = _opened(path)
    section, index = m.place_of(_pid(m, 4))
    fresh = Paragraph(m.allocate_id(), {Lang.KO: "새 문단", Lang.EN: "A new paragraph."})
    _apply(f, m, InsertParagraph(section.id, index + 1, fresh))
    f.close()
    returned = _add(copy, tmp_path / "ret.docx", [(8, 2, " THEIREN")])
    step = _import(path, returned)
    assert step.report.params["conflicts"] == 0
    f, m = _opened(path)
    mark = m.paragraph(fresh.id).mark
    assert mark is None or mark.kind != "delete"
    assert not [r for r in all_revisions(m) if r.side is Side.RU and r.kind == "delete"
                and r.round == 4]
    f.close()


def _import(path: Path, returned: Path, **kw: object) -> Step:
    f, m = _opened(path)
    try:
        step = import_returned(m, returned, f.history(), now=NOW, **kw)  # type: ignore[arg-type]
        run(f, m, step)
        return step
    finally:
        f.close()


def test_a_copy_without_the_mark_is_compared_with_our_text_as_before(tmp_path: Path) -> None:
    path, copy = _sent_and_exported(tmp_path)
    _edit(path, [(3, Lang.EN, " LOCALEN")])
    with zipfile.ZipFile(copy) as z:  # an older copy: no _mx_ bookmark on its title
        parts = {n: z.read(n) for n in z.namelist()}
    body = parts["word/document.xml"].decode()
    assert "_mx_" in body
    old = tmp_path / "old.docx"
    with zipfile.ZipFile(old, "w") as z:
        for name, data in parts.items():
            z.writestr(name, body.replace("_mx_", "_zz_") if name == "word/document.xml"
                       else data)
    returned = _add(old, tmp_path / "ret.docx", [(7, 2, " THEIREN")])
    f, m = _opened(path)
    assert find_base(m, [b for rp in read_docx(returned).paragraphs[:8] for b in rp.bookmarks],
                     f.history()) is None
    f.close()
    _import(path, returned)
    f, m = _opened(path)
    assert (3, "en", "RU", "delete", 4, "LOCALEN") in _revs(m)  # today's behaviour
    f.close()


def test_the_export_records_its_base_and_the_copy_names_it(tmp_path: Path) -> None:
    path, copy = _sent_and_exported(tmp_path)
    f, m = _opened(path)
    kind, data = f.history()[-1][1:]
    f.close()
    record = json.loads(data)["base"]
    assert kind == "export-working" and record["round"] == 3 and record["texts"] == {}
    assert sum(run[2] for run in record["rows"]) == len(record["status"]) == len(m.paragraphs())
    marks = [b for rp in read_docx(copy).paragraphs[:8] for b in rp.bookmarks]
    assert f"_mx_{record['mark']}" in marks


def test_our_pending_edits_sent_with_the_copy_and_later_ones(tmp_path: Path) -> None:
    """Exported with our pending edits (round 4 goes out as the copy); we edit more; they
    delete one of our exported words: their deletion comes in, our later words stay ours."""
    path = tmp_path / "d.minutes"
    assert main(["--lang", "en", "demo", "--force", str(path)]) == 0
    assert main(["--lang", "en", "send", str(path)]) == 0
    _edit(path, [(6, Lang.EN, " EXPORTED")])
    copy = tmp_path / "wc.docx"
    assert main(["--lang", "en", "export", "--kind", "working", "-o", str(copy), str(path)]) == 0
    _edit(path, [(6, Lang.EN, " LATER"), (8, Lang.EN, " LATER8")])
    f, m = _opened(path)
    text6 = m.paragraph(_pid(m, 6)).text(Lang.EN)
    f.close()
    exported6 = text6.removesuffix(" LATER")
    returned = _add(copy, tmp_path / "ret.docx", [(6, 2, " THEIRS")])  # ours kept, tracked
    step = _import(path, returned)
    f, m = _opened(path)
    numbers = [r.number for r in m.rounds[-2:]]
    assert numbers == [4, 5] and [r.side for r in m.rounds[-2:]] == [Side.KR, Side.RU]
    own = m.rounds[-2]
    assert own.texts[_pid(m, 6)][Lang.EN] == exported6  # as the copy went out
    exported_at = next(t for t, kind, _d in f.history() if kind == "export-working")
    # sent as the copy we exported, when we exported it (not as their file, at the import)
    assert (own.note, own.time) == ("Sent as wc.docx", exported_at)
    assert m.rounds[-1].note == "Imported from ret.docx"
    assert not own.texts[_pid(m, 8)][Lang.EN].endswith("LATER8")
    p6 = m.paragraph(_pid(m, 6))  # both added words at the same place: a bracket
    assert p6.text(Lang.EN).endswith(" LATER") and [
        [o.side for o in b.options] for b in p6.brackets if b.is_open] == [[Side.KR, Side.RU]]
    revs = _revs(m)
    assert (8, "en", "KR", "insert", 6, "LATER8") in revs
    assert {r for r in revs if r[0] == 6} == {(6, "en", "KR", "insert", 4, "EXPORTED"),
                                              (6, "en", "KR", "insert", 6, "LATER")}
    assert step.report.params["kept"] >= 2
    f.close()


def test_a_three_way_import_is_one_undo_step(tmp_path: Path) -> None:
    path, copy = _sent_and_exported(tmp_path)
    _edit(path, [(3, Lang.EN, " LOCALEN")])
    returned = _add(copy, tmp_path / "ret.docx", [(7, 2, " THEIREN")])
    f, m = _opened(path)
    before = state(f, m)
    inverse = run(f, m, import_returned(m, returned, f.history(), now=NOW))
    assert state(f, m) != before
    run(f, m, inverse)
    assert state(f, m) == before and on_disk(f) == before
    f.close()


def test_exports_of_the_same_text_are_the_same_bytes() -> None:
    from io import BytesIO

    from minutes_app.docx_io.working import write_working

    m = demo()
    first, second = BytesIO(), BytesIO()
    write_working(m, first)
    m.rounds.append(send_round(m, now=NOW).rounds[0])
    write_working(m, second)
    assert write_working(m, BytesIO()) == write_working(m, BytesIO())
    assert first.getvalue() != second.getvalue()  # another round: another mark


def test_a_copy_edited_in_libreoffice_with_tracked_changes(tmp_path: Path) -> None:
    """LibreOffice's tracked changes by "Russian Side" (the copy holds no comments, which its
    UNO load would abort on); meanwhile we edited paragraphs 3 and 15 (after their words)."""
    from minutes_app.workflows.export import ExportChoices, export_document
    from tests.exports.test_import import EDITS, lo_edit

    path = tmp_path / "d.minutes"
    MinutesFile.create(path, demo(agreed=True)).close()
    f, m = _opened(path)
    run(f, m, send_round(m, now="2020-12-16T12:00:00Z"))
    copy = tmp_path / "wc.docx"
    done = export_document(m, copy, ExportChoices("working"), now="2020-12-16T12:30:00Z")
    run(f, m, done.step)
    done.finish()
    f.close()
    assert "word/comments.xml" not in zipfile.ZipFile(copy).namelist()
    _edit(path, [(3, Lang.EN, " LOCALEN"), (15, Lang.EN, " LOCAL15"), (12, Lang.KO, " 로컬")])
    returned = lo_edit(copy, tmp_path / "returned.docx", EDITS, True, tmp_path)
    step = _import(path, returned)
    assert step.report.params["conflicts"] == 0 and step.report.params["kept"] == 3
    f, m = _opened(path)
    revs = _revs(m)
    mine = {r for r in revs if r[2] == "KR"}
    assert mine == {(3, "en", "KR", "insert", 5, "LOCALEN"), (15, "en", "KR", "insert", 5,
                                                               "LOCAL15"),
                    (12, "ko", "KR", "insert", 5, "로컬")}
    theirs = {r[5] for r in revs if r[2] == "RU" and r[4] == 4 and r[3] == "insert"}
    assert {"Vladivostok", "블라디보스토크에서", "in 2021"} <= theirs
    assert not [r for r in revs if r[2] == "RU" and r[4] == 4 and "LOCAL" in r[5]]
    decision(m, select(m, lambda r: r.side is Side.RU), accept=True).apply(m)
    assert m.paragraph(_pid(m, 15)).text(Lang.EN).endswith(
        "on dates to be agreed in 2021 through diplomatic channels. LOCAL15")
    assert m.paragraph(_pid(m, 12)).text(Lang.KO).endswith(" 로컬")
    f.close()


def test_headings_three_way_our_later_edit_kept_a_conflict_in_their_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from minutes_app.tracking.ops import edit_heading

    path, copy = _sent_and_exported(tmp_path)
    f, m = _opened(path)
    first, second = [s for s in m.sections if s.heading.get(Lang.EN)][:2]
    one, two = first.heading[Lang.EN], second.heading[Lang.EN]
    _apply(f, m, Batch((edit_heading(m, first.id, Lang.EN, one + " LOCAL", NOW),
                        edit_heading(m, second.id, Lang.EN, "OURS " + two, NOW))))
    f.close()
    d = docx.Document(str(copy))
    for row in d.tables[0].rows:
        if row.cells[2].text == two:  # they change the same place of the second heading
            row.cells[2].paragraphs[0].runs[0].text = "THEIRS " + two
    d.save(str(tmp_path / "ret.docx"))
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), str(tmp_path / "ret.docx")]) == 0
    assert "in 1 headings or annex parts" in capsys.readouterr().out
    f, m = _opened(path)
    assert m.section(first.id).heading[Lang.EN] == one + " LOCAL"  # not deleted by them
    assert m.section(second.id).heading[Lang.EN].startswith("[OURS")
    assert "THEIRS" in m.section(second.id).heading[Lang.EN]
    assert not [r for r in all_revisions(m) if r.side is Side.RU and "LOCAL" in r.text]
    f.close()


def test_annex_parts_three_way_our_later_words_stay(tmp_path: Path) -> None:
    """A free annex: we add words to part 1 after the export, they edit part 2 (untracked)."""
    from minutes_app.model.track import Author
    from minutes_app.tracking.annexes import EditAnnexText
    from tests.exports.test_import_annexes import PARAS, sent_with_annex

    path = tmp_path / "a.minutes"
    MinutesFile.create(path, sent_with_annex()).close()
    copy = tmp_path / "wc.docx"
    assert main(["--lang", "en", "export", "--kind", "working", "-o", str(copy), str(path)]) == 0
    f, m = _opened(path)
    words = PARAS[0][Lang.EN] + " LOCAL"
    _apply(f, m, EditAnnexText(2, 1, Lang.EN, words, Author(Side.KR, 4, NOW)))
    f.close()
    d = docx.Document(str(copy))
    cell = next(r for r in d.tables[0].rows if r.cells[2].text == PARAS[1][Lang.EN]).cells[2]
    cell.paragraphs[-1].add_run(" THEIRS")
    d.save(str(tmp_path / "ret.docx"))
    step = _import(path, tmp_path / "ret.docx")
    assert step.report.params["kept"] == 1
    f, m = _opened(path)
    revs = {(r.side, r.round, r.kind, r.text.strip()) for r in all_revisions(m)
            if r.annex is not None}
    assert revs == {(Side.KR, 5, "insert", "LOCAL"), (Side.RU, 4, "insert", "THEIRS")}
    f.close()


@pytest.mark.parametrize("damage", [{"status": ""}, {"status": "~~~~~~~~"},
                                    {"texts": {"5": "not an object"}}, {"rows": [[1]]}])
def test_a_damaged_export_record_means_no_base_never_a_crash(
        tmp_path: Path, damage: dict[str, object]) -> None:
    path, copy = _sent_and_exported(tmp_path)
    f, m = _opened(path)
    history = f.history()
    f.close()
    record = json.loads(history[-1][2])
    record["base"].update(damage)
    damaged = [*history[:-1], (*history[-1][:2], json.dumps(record))]
    marks = [b for rp in read_docx(copy).paragraphs[:8] for b in rp.bookmarks]
    assert find_base(m, marks, history) is not None  # the record as written is read
    assert find_base(m, marks, damaged) is None


def test_a_bracket_they_bring_lands_on_its_words_in_text_we_changed_since(
        tmp_path: Path) -> None:
    """A bracket this copy does not know (made in another copy) is placed by its words when
    our later edit moved them, never by offsets into their text."""
    from minutes_app.model import SetBrackets
    from minutes_app.model.brackets import open_brackets

    path, copy = _sent_and_exported(tmp_path)
    f, m = _opened(path)
    p = next(q for q in m.paragraphs() if any(b.is_open for b in q.brackets))
    [b] = [b for b in p.brackets if b.is_open][:1]
    lang = next(iter(b.spans))
    start, end = b.spans[lang]
    words = p.text(lang)[start:end]
    _apply(f, m, Batch((SetBrackets(p.id, ()),  # this copy never had it
                        edit_text(m, p.id, lang, "Indeed, " + p.text(lang), NOW))))
    f.close()
    returned = _add(copy, tmp_path / "returned.docx", [(1, 1, " x")])
    assert main(["--lang", "en", "import", str(path), str(returned)]) == 0
    f, m = _opened(path)
    f.close()
    q = m.paragraph(p.id)
    assert q.text(lang).startswith("Indeed, ")  # ours kept
    placed = open_brackets(q, lang)
    assert placed and all(q.text(lang)[o.start:o.end] == words for o in placed), (
        [q.text(lang)[o.start:o.end] for o in placed], words)


def test_a_bracket_they_bring_on_words_we_changed_since_is_listed(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]
                                                                ) -> None:
    from minutes_app.model import SetBrackets
    from minutes_app.model.brackets import open_brackets

    path, copy = _sent_and_exported(tmp_path)
    f, m = _opened(path)
    p = next(q for q in m.paragraphs() if any(b.is_open for b in q.brackets))
    b = next(b for b in p.brackets if b.is_open)
    lang = next(iter(b.spans))
    start, end = b.spans[lang]
    words = p.text(lang)[start:end]
    changed = p.text(lang)[:start] + "a new wording" + p.text(lang)[end:]
    _apply(f, m, Batch((SetBrackets(p.id, ()), edit_text(m, p.id, lang, changed, NOW))))
    f.close()
    returned = _add(copy, tmp_path / "returned.docx", [(1, 1, " x")])
    assert main(["--lang", "en", "import", str(path), str(returned)]) == 1  # asked first
    assert words in capsys.readouterr().err
    assert main(["--lang", "en", "import", "--accept-unplaced", str(path), str(returned)]) == 0
    f, m = _opened(path)
    f.close()
    q = m.paragraph(p.id)
    assert "a new wording" in q.text(lang) and not open_brackets(q, lang)  # never misplaced
