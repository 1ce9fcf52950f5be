"""The window runs the same core as the command line: a status typed over ours in the
returned copy is listed before anything is imported; a merge brings every round ours lacks."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, SetStatus, Side, Status
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.main_window import MainWindow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_import_dialog_lists_a_status_they_typed_and_leaves_ours(
        window: MainWindow, tmp_path: Path) -> None:
    m = window.doc.minutes
    pid = next(p.id for p in m.paragraphs() if p.status is Status.PROPOSED
               and not p.brackets and p.mark is None)
    exported = tmp_path / "w.docx"
    write_working(m, exported)
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    tr = next(tr for tr in root.iter(f"{W}tr")
              if tr.find(f".//{W}bookmarkStart[@{W}name='_mp_{pid}']") is not None)
    next(tr.findall(f"{W}tc")[-1].iter(f"{W}t")).text = "Agreed"
    parts["word/document.xml"] = etree.tostring(root)
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    asked: list[str] = []

    def _no(title: str, question: str) -> bool:
        asked.append(question)
        return False

    window.confirm = _no
    rounds = len(m.rounds)
    window.negotiation.import_file(str(returned))
    assert len(m.rounds) == rounds
    assert asked and "Status column" in asked[0] and "Proposed → Agreed" in asked[0]

    def _yes(title: str, question: str) -> bool:
        return True

    window.confirm = _yes
    window.negotiation.import_file(str(returned))
    assert len(m.rounds) > rounds and m.paragraph(pid).status is Status.PROPOSED


def test_merging_a_copy_two_rounds_ahead_from_the_window(window: MainWindow,
                                                         tmp_path: Path) -> None:
    from minutes_app.model.serialize import minutes_in, minutes_out
    from minutes_app.model.track import Author
    from minutes_app.store import MinutesFile
    from minutes_app.tracking.ops import EditText
    from minutes_app.tracking.rounds import snapshot

    m = window.doc.minutes
    theirs = minutes_in(minutes_out(m))
    theirs.rounds.append(snapshot(theirs, Side.KR, "2020-12-16T09:00:00Z", "sent from a copy"))
    pid = next(p.id for p in theirs.paragraphs() if theirs.number(p.id) == 15)
    text = theirs.paragraph(pid).text(Lang.EN)
    EditText(pid, Lang.EN, text.replace("in 2021", "in Vladivostok in 2021"),
             Author(Side.RU, 4, "2020-12-17T09:00:00Z")).apply(theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, "2020-12-17T09:00:00Z", "RU round 4"))
    path = tmp_path / "theirs.minutes"
    MinutesFile.create(path, theirs).close()
    window.negotiation.merge_file(str(path))
    assert [(r.number, r.side) for r in m.rounds] == [
        (1, Side.KR), (2, Side.RU), (3, Side.KR), (4, Side.RU)]
    assert [(r.side, r.round) for r in all_revisions(m) if "Vladivostok" in r.text] == [
        (Side.RU, 4)]
    window.action_set["undo"].trigger()  # one undo step takes both rounds back
    assert [r.number for r in m.rounds] == [1, 2]


def test_the_window_imports_against_the_exported_copy_in_one_undo_step(
        window: MainWindow, tmp_path: Path) -> None:
    """Send, export (recorded), edit an agreed paragraph (reopened), import their copy: our
    words stay ours and no status is blamed on them; one undo takes the import back."""
    import docx

    from minutes_app.tracking.ops import edit_text
    from minutes_app.workflows.exchange import send_round
    from minutes_app.workflows.export import ExportChoices, export_document

    doc = window.doc
    m = doc.minutes
    doc.run(send_round(m))
    copy = tmp_path / "wc.docx"
    done = export_document(m, copy, ExportChoices("working"))
    doc.run(done.step)
    done.finish()
    p = next(p for p in m.paragraphs() if p.status is Status.AGREED and p.mark is None
             and m.number(p.id))
    number = m.number(p.id)
    window.files.apply_or_show(SetStatus(p.id, Status.PROPOSED), "Reopen paragraph")
    window.files.apply_or_show(edit_text(m, p.id, Lang.EN, p.text(Lang.EN) + " LOCALEN",
                                         "2026-11-30T21:00:00Z"), "Edit")
    d = docx.Document(str(copy))
    row = next(r for r in d.tables[0].rows if r.cells[0].text.strip() == str(number))
    row.cells[1].paragraphs[-1].add_run(" 그들의")
    d.save(str(tmp_path / "ret.docx"))
    window.confirm = lambda title, question: (_ for _ in ()).throw(AssertionError(question))
    window.negotiation.import_file(str(tmp_path / "ret.docx"))
    assert "keep your edits" in window.message_bar.label.text()
    revs = {(r.side, r.lang, r.kind, r.text.strip()) for r in all_revisions(m)
            if r.number == number}
    assert (Side.KR, Lang.EN, "insert", "LOCALEN") in revs
    assert (Side.RU, Lang.KO, "insert", "그들의") in revs
    assert not [r for r in revs if r[0] is Side.RU and r[2] == "delete"]
    assert doc.undo_stack.undoText().startswith("Import round")
    doc.undo_stack.undo()
    assert m.paragraph(p.id).text(Lang.EN).endswith(" LOCALEN")
    assert not [r for r in all_revisions(m) if r.side is Side.RU and "그들의" in r.text]
