"""Every workflow is one undoable step: apply, undo (text, rounds and history back), redo."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from lxml import etree

from minutes_app.docx_io.importer import UnplacedChangesError
from minutes_app.errors import MinutesError
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.brackets import open_brackets
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.store import MinutesFile
from minutes_app.checks.conformity import findings
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.rounds import snapshot
from minutes_app.workflows.edits import (
    change_languages, choose_bracket, choose_option, decide, dismiss,
)
from minutes_app.workflows.exchange import (
    import_returned, merge_copy, send_round, unknown_authors,
)
from minutes_app.workflows.export import ExportChoices, export_document
from minutes_app.workflows.runner import run
from tests.workflows.conftest import W, on_disk, returned_copy, state, undo_redo

Opened = tuple[MinutesFile, Minutes]
NOW = "2020-12-17T10:00:00Z"


def test_send_round_undo_withdraws_the_round(opened: Opened) -> None:
    f, m = opened
    step = send_round(m, Side.KR, "third", NOW)
    assert step.report.code == "send" and step.report.params["number"] == 3
    inverse = undo_redo(f, m, step)
    assert [r.number for r in m.rounds] == [1, 2, 3]
    run(f, m, inverse)
    assert [r.number for r in m.rounds] == [1, 2]
    again = run(f, m, send_round(m, Side.KR, "third again", NOW))  # the number is free again
    assert m.rounds[-1].note == "third again" and again.withdraw


def test_import_undo_and_the_same_file_again(opened: Opened, tmp_path: Path) -> None:
    f, m = opened
    run(f, m, send_round(m, Side.KR, "", "2020-12-16T12:00:00Z"))
    returned = returned_copy(m, tmp_path, "Ivan Petrov")
    assert unknown_authors(m, returned) == ["Ivan Petrov"]
    step = import_returned(m, returned, f.history(), authors={"Ivan Petrov": Side.RU},
                           now=NOW)
    assert step.report.code == "import" and step.report.params["authors"] == {
        "Ivan Petrov": "RU"}
    inverse = undo_redo(f, m, step)
    assert m.author_sides == {"Ivan Petrov": Side.RU}
    assert unknown_authors(m, returned) == []
    with pytest.raises(MinutesError, match="already been imported"):
        import_returned(m, returned, f.history(), now=NOW)
    before_import = run(f, m, inverse)  # undone: text, round, history entry and mapping gone
    assert m.author_sides == {} and [r.number for r in m.rounds] == [1, 2, 3]
    assert not [h for h in f.history() if h[1] == "import"]
    again = import_returned(m, returned, f.history(), authors={"Ivan Petrov": Side.KR},
                            now=NOW)  # accepted again
    run(f, m, again)
    added = [r for r in all_revisions(m) if "Moscow" in r.text]
    assert [r.side for r in added] == [Side.KR]  # as the new mapping says
    assert before_import.withdraw is False


def test_import_accepts_unplaced_changes_only_when_asked(opened: Opened, tmp_path: Path) -> None:
    import zipfile

    f, m = opened
    run(f, m, send_round(m, Side.KR, "", "2020-12-16T12:00:00Z"))
    returned = returned_copy(m, tmp_path, "Russian Side")
    with zipfile.ZipFile(returned) as z:  # the header changed: nowhere to place it
        parts = {n: z.read(n) for n in z.namelist()}
    header = next(n for n in parts if n.startswith("word/header"))
    root = etree.fromstring(parts[header])
    first = root.find(f"{W}p")
    assert first is not None
    ins = etree.SubElement(first, f"{W}ins", {f"{W}id": "9002", f"{W}author": "Russian Side",
                                              f"{W}date": "2020-12-17T09:00:00Z"})
    etree.SubElement(etree.SubElement(ins, f"{W}r"), f"{W}t").text = " — seen in Moscow"
    parts[header] = etree.tostring(root)
    with zipfile.ZipFile(returned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    before = state(f, m)
    with pytest.raises(UnplacedChangesError):
        import_returned(m, returned, f.history(), now=NOW)
    assert state(f, m) == before  # a refused import leaves even the id counter as it was
    step = import_returned(m, returned, f.history(), accept_unplaced=True, now=NOW)
    assert step.report.params["unplaced"] >= 1
    undo_redo(f, m, step)
    assert "unplaced" in json.loads(f.history()[-1][2])


def test_merge_undo_and_merge_again(opened: Opened) -> None:
    f, m = opened
    theirs = minutes_in(minutes_out(m))
    theirs.own_side = Side.RU
    p = theirs.paragraphs()[6]
    from minutes_app.tracking.ops import edit_text

    edit_text(theirs, p.id, Lang.EN, p.text(Lang.EN) + " From Moscow.", NOW).apply(theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, NOW, "Comments"))
    step = merge_copy(m, theirs, "theirs.minutes", NOW)
    assert step.report.code == "merge" and step.rounds
    inverse = undo_redo(f, m, step)
    assert [h[1] for h in f.history()][-1] == "merge"
    nothing = merge_copy(m, theirs, "theirs.minutes", NOW)
    assert nothing.empty and nothing.report.code == "merge-nothing"
    run(f, m, inverse)
    assert len(m.rounds) == 2 and not [h for h in f.history() if h[1] == "merge"]
    assert not merge_copy(m, theirs, "theirs.minutes", NOW).empty  # accepted again


@pytest.mark.parametrize("kind", ["working", "signing", "comparison"])
def test_export_undo_removes_its_history_entry(opened: Opened, tmp_path: Path,
                                               kind: str) -> None:
    from tests.exports.schema import assert_valid_docx

    f, m = opened
    if kind == "signing":
        from minutes_app.workflows.templates import demo

        f.close()
        path = tmp_path / "agreed.minutes"
        MinutesFile.create(path, demo(agreed=True)).close()
        f, m = MinutesFile.open(path)
    out = tmp_path / f"{kind}.docx"
    choices = ExportChoices(kind, Side.KR, rounds=(1, 2) if kind == "comparison" else (1, None))
    done = export_document(m, out, choices, now=NOW)
    undo_redo(f, m, done.step)
    done.finish()
    assert_valid_docx(out)
    assert f.history()[-1][1] == f"export-{kind}"
    assert json.loads(f.history()[-1][2])["file"] == out.name
    f.close()


def test_export_of_a_read_only_document_records_nothing(opened: Opened, tmp_path: Path) -> None:
    _f, m = opened
    done = export_document(m, tmp_path / "w.docx", ExportChoices("working"), record=False)
    assert done.step.empty and done.step.report.params["recorded"] is False
    done.discard()
    assert not done.part.exists()


@pytest.mark.parametrize("how", ["ids", "side", "paragraph", "all"])
@pytest.mark.parametrize("accept", [True, False])
def test_decisions(opened: Opened, how: str, accept: bool) -> None:
    f, m = opened
    revs = all_revisions(m)
    first = revs[0]
    step = {"ids": lambda: decide(m, accept, ids=[first.id]),
            "side": lambda: decide(m, accept, side=Side.RU),
            "paragraph": lambda: decide(m, accept, paragraph=first.number),
            "all": lambda: decide(m, accept, everything=True)}[how]()
    expected = {"ids": 1, "side": len([r for r in revs if r.side is Side.RU]),
                "paragraph": len([r for r in revs if r.number == first.number]),
                "all": len(revs)}[how]
    assert step.report.params["n"] == expected
    undo_redo(f, m, step)
    assert len(all_revisions(m)) < len(revs)


def test_decide_needs_a_choice(opened: Opened) -> None:
    _f, m = opened
    with pytest.raises(MinutesError):
        decide(m, True)


def test_dismiss_a_finding(opened: Opened) -> None:
    f, m = opened
    key = findings(m)[0].key
    inverse = undo_redo(f, m, dismiss(m, key, "agreed at the table"))
    assert m.dismissed == {key: "agreed at the table"}
    run(f, m, inverse)
    assert m.dismissed == {}
    with pytest.raises(MinutesError):
        dismiss(m, "no-such-finding", "x")


def test_choose_a_bracket_option(opened: Opened) -> None:
    f, m = opened
    p = next(p for p in m.paragraphs() if open_brackets(p, Lang.EN))
    undo_redo(f, m, choose_option(m, p.id, Lang.EN, 0, 0, NOW))
    assert not open_brackets(m.paragraph(p.id), Lang.EN)


def test_choose_a_bracket_by_its_id(opened: Opened) -> None:
    f, m = opened
    p = next(p for p in m.paragraphs() if open_brackets(p, Lang.EN))
    b = open_brackets(p, Lang.EN)[-1]
    before = state(f, m)
    step = choose_bracket(m, p.id, b.id, len(b.options) - 1, NOW)
    assert step.report.params == {"pid": p.id, "bracket_id": b.id,
                                  "option": len(b.options) - 1}
    inverse = undo_redo(f, m, step)
    assert b.id not in {x.id for x in open_brackets(m.paragraph(p.id), Lang.EN)}
    run(f, m, inverse)
    assert state(f, m) == before
    with pytest.raises(MinutesError, match="no such open bracket"):
        choose_bracket(m, p.id, 10 ** 6, 0, NOW)
    with pytest.raises(MinutesError, match="no such option"):
        choose_bracket(m, p.id, b.id, len(b.options), NOW)


@pytest.mark.parametrize("action,value", [("add", "ru"), ("order", "en,ko"),
                                          ("remove", "en")])
def test_languages(opened: Opened, action: str, value: str) -> None:
    f, m = opened
    if action == "remove":  # a document keeps two languages at least
        run(f, m, change_languages(m, "add", "ru", now=NOW))
    step = change_languages(m, action, value, force=True, now=NOW)
    undo_redo(f, m, step)
    assert ",".join(x.value for x in m.languages) == step.report.params["languages"]
    assert f.history()[-1][1] == "languages"


def test_a_failing_save_leaves_the_document_as_it_was(opened: Opened) -> None:
    f, m = opened
    before = state(f, m)
    f.close()
    with pytest.raises(sqlite3.ProgrammingError):  # a closed file: the write fails
        run(f, m, send_round(m, Side.KR, "", NOW))
    assert minutes_out(m) == before[0]
    assert on_disk(f) == before
