"""Tracking in the editor: tracked typing, the changes panel, brackets, rounds, views."""

from __future__ import annotations

from tests.helpers import some

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang, Side, Status
from minutes_app.model.brackets import open_brackets
from minutes_app.model.track import INSERT
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.editor.rows import Role, RowKind, ShowMode
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph
from minutes_app.ui.main_window import MainWindow
from pathlib import Path
from pytestqt.qtbot import QtBot
import pytest


def test_typing_after_a_round_is_a_korean_revision_of_the_working_round(window: MainWindow) -> None:
    m = window.doc.minutes
    pid = go_to_paragraph(window, 15, Lang.KO)
    editor = cell_editor(window)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit_text(editor, " 추가 문안")
    track = m.paragraph(pid).tracks[Lang.KO]
    added = [s for s in track if s.kind == INSERT]
    assert [(s.text, s.author.side, s.author.round) for s in added if s.author] == [
        (" 추가 문안", Side.KR, 3)]
    window.action_set["undo"].trigger()
    assert Lang.KO not in m.paragraph(pid).tracks


def test_changes_panel_filters_walks_and_decides(window: MainWindow) -> None:
    panel = window.changes
    m = window.doc.minutes
    total = len(all_revisions(m))
    panel.side.setCurrentIndex(panel.side.findData(Side.RU))
    panel.refresh()
    assert panel.model.rowCount() == 10
    assert all(r.side is Side.RU for r in panel.model.revisions)
    panel.step(1)
    first = panel.current()
    assert first is not None
    assert window.editor_model.key(window.editor.currentIndex().row()) == (
        RowKind.PARAGRAPH, first.paragraph_id)
    panel.decide_current(True)
    assert len(all_revisions(m)) == total - 1
    panel.decide_shown(False)  # every remaining Russian revision, one undo step
    assert not [r for r in all_revisions(m) if r.side is Side.RU]
    window.action_set["undo"].trigger()
    window.action_set["undo"].trigger()
    assert len(all_revisions(m)) == total


def test_deciding_sooner_than_the_changes_panel_refreshes(window: MainWindow) -> None:
    # Accept right after the document changed (the list refreshes 120 ms later): the panel
    # must not decide a revision that no longer exists (it raised KeyError/AssertionError).
    panel, m = window.changes, window.doc.minutes
    panel.refresh()
    panel.step(1)
    shown = panel.current()
    assert shown is not None
    window.negotiation.decide_side(None, True)  # everything accepted, the list not yet redone
    panel.decide_current(False)
    panel.step(1)
    assert not all_revisions(m) and panel.model.rowCount() == 0
    window.action_set["undo"].trigger()
    panel.decide_current(True)  # the list is recomputed first: a real revision is decided
    assert len(all_revisions(m)) == panel.model.rowCount()


def test_review_mode_follows_changes_made_while_it_is_open(window: MainWindow) -> None:
    window.action_set["review"].trigger()
    review = window.review
    review.step(2)
    pid = some(review.current()).paragraph_id
    window.negotiation.decide_side(None, True)
    assert all(item.revision is None for item in review.items)  # no stale revision left
    review.decide(True)  # nothing to decide on a bracket or a finding: no error
    window.set_ui_language("ko")  # redraws the item on screen: it must still exist
    window.action_set["undo"].trigger()
    assert any(item.revision is not None for item in review.items)
    assert review.current() is not None
    window.set_ui_language("en")
    review.leave()
    assert window.editor_model.key(window.editor.currentIndex().row())[0] is RowKind.PARAGRAPH
    assert pid in {p.id for p in window.doc.minutes.paragraphs()}


def test_accept_all_of_one_side_from_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    m = window.doc.minutes
    window.action_set["accept_kr"].trigger()
    assert not [r for r in all_revisions(m) if r.side is Side.KR]
    assert [r for r in all_revisions(m) if r.side is Side.RU]
    # the status bar follows after a short pause (it counts over every paragraph)
    qtbot.waitUntil(lambda: "Korean Side" not in window.count_label.text(), timeout=2000)


def test_choosing_a_bracket_option_from_the_panel(window: MainWindow) -> None:
    m = window.doc.minutes
    pid = go_to_paragraph(window, 12, Lang.EN)
    panel = window.panel
    button = panel.findChild(type(panel.add_button), "choose_en_0_1")
    assert button is not None and "early 2021" in button.text()
    button.click()
    assert "[" not in m.paragraph(pid).text(Lang.EN)
    assert "early 2021" in m.paragraph(pid).text(Lang.EN)
    assert m.paragraph(pid).status is Status.BRACKETED  # Korean still has its bracket
    some(panel.findChild(type(panel.add_button), "choose_ko_0_1")).click()
    assert m.paragraph(pid).status is Status.PROPOSED


def test_bracketing_the_selection(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_app.ui.commands import negotiation

    m = window.doc.minutes
    pid = go_to_paragraph(window, 15, Lang.EN)
    editor = cell_editor(window)
    text = m.paragraph(pid).text(Lang.EN)
    start = text.index("in 2021")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("in 2021"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)

    class Answer(negotiation.BracketDialog):
        def exec(self) -> int:  # the user types an alternative and presses OK
            self.alternative.setText("in the first half of 2021")
            return 1

    monkeypatch.setattr(negotiation, "BracketDialog", Answer)
    window.action_set["bracket"].trigger()
    assert m.paragraph(pid).text(Lang.EN) == text  # the delimiters are drawn, not typed
    [b] = open_brackets(m.paragraph(pid), Lang.EN)
    assert text[b.start:b.end] == "in 2021"
    assert [(o.text, o.side) for o in b.options] == [("in 2021", Side.RU),
                                                      ("in the first half of 2021", Side.KR)]
    window.doc.undo_stack.undo()
    assert not m.paragraph(pid).brackets


def test_sending_a_round_starts_the_next(window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_app.store import MinutesFile
    from minutes_app.ui.commands import negotiation

    monkeypatch.setattr(negotiation.SendRoundDialog, "exec", lambda self: 1)
    window.action_set["send_round"].trigger()
    m = window.doc.minutes
    assert len(m.rounds) == 3 and m.rounds[-1].side is Side.KR
    assert "Round 4 in progress" in window.count_label.text()
    path = window.doc.path
    window.close()
    f, again = MinutesFile.open(path)
    f.close()
    assert len(again.rounds) == 3


def test_show_original_and_proposed(window: MainWindow) -> None:
    model = window.editor_model
    m = window.doc.minutes
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 10)
    index = model.index(model.row_of((RowKind.PARAGRAPH, pid)), model.column_of(Lang.EN))
    assert index.data(Role.TRACK)
    window.action_set["show_original"].trigger()
    assert "Northern Sea Route" not in index.data(Qt.ItemDataRole.DisplayRole)
    assert index.data(Role.TRACK) is None
    window.action_set["show_proposed"].trigger()
    assert "Northern Sea Route" in index.data(Qt.ItemDataRole.DisplayRole)
    window.show_mode(ShowMode.CHANGES)
    assert window.action_set["show_changes"].isChecked()


def test_editing_an_agreed_paragraph_asks_first(window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    m = window.doc.minutes
    answers: list[bool] = [False, True]
    monkeypatch.setattr(window, "confirm", lambda title, question: answers.pop(0))
    pid = go_to_paragraph(window, 1, Lang.EN)
    before = m.paragraph(pid).text(Lang.EN)
    editor = cell_editor(window)
    assert editor.isReadOnly()
    commit_text(editor, "X")  # the user says no: nothing changes
    assert m.paragraph(pid).text(Lang.EN) == before and m.paragraph(pid).status is Status.AGREED
    commit_text(editor, "X")  # yes: reopened, then edited
    assert m.paragraph(pid).status is Status.PROPOSED
    assert m.paragraph(pid).text(Lang.EN) != before
    QApplication.processEvents()


def test_merging_the_other_copy_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    from minutes_app.model.serialize import minutes_in, minutes_out
    from minutes_app.store import MinutesFile
    from minutes_app.tracking.ops import EditText
    from minutes_app.model.track import Author
    from minutes_app.tracking.rounds import snapshot

    m = window.doc.minutes
    theirs = minutes_in(minutes_out(m))
    theirs.own_side = Side.RU
    pid = next(p.id for p in theirs.paragraphs() if theirs.number(p.id) == 15)
    text = theirs.paragraph(pid).text(Lang.EN)
    EditText(pid, Lang.EN, text.replace("in 2021", "in Vladivostok in 2021"),
             Author(Side.RU, 3, "2020-12-17T09:00:00Z")).apply(theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, "2020-12-17T09:00:00Z", "RU round 3"))
    path = tmp_path / "theirs.minutes"
    MinutesFile.create(path, theirs).close()
    window.negotiation.merge_file(str(path))
    assert "Vladivostok" in m.paragraph(pid).text(Lang.EN)
    assert [r.number for r in m.rounds] == [1, 2, 3]
    assert any(r.side is Side.RU and r.round == 3 for r in all_revisions(m))
    window.action_set["undo"].trigger()  # the merged text is one undo step
    assert "Vladivostok" not in m.paragraph(pid).text(Lang.EN)


def test_export_from_the_window_refuses_then_writes(window: MainWindow, tmp_path: Path) -> None:
    from minutes_app.ui.dialogs.export import ExportDialog

    shown = []
    window.show_message_box = lambda box: shown.append(box.text())

    def choices(kind: str) -> ExportDialog:
        dialog = ExportDialog(Side.KR, False, window)
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.exec = lambda: 1
        return dialog

    assert window.exports.run(dialog=choices("signing"), path=str(tmp_path / "s.docx")) is None
    assert shown and "cannot be made yet" in shown[0] and "Paragraph 12" in shown[0]
    out = window.exports.run(dialog=choices("working"), path=str(tmp_path / "w.docx"))
    assert out is not None and out.exists() and out.stat().st_size > 10_000
    assert window.doc.file.history()[-1][1] == "export-working"


def test_importing_a_returned_draft_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    import zipfile

    from lxml import etree

    from minutes_app.docx_io.working import write_working

    exported = tmp_path / "w.docx"
    write_working(window.doc.minutes, exported)
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        if t.text and "diplomatic channels" in t.text:
            t.text = t.text.replace("diplomatic channels", "diplomatic and other channels")
    parts["word/document.xml"] = etree.tostring(root)
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    m = window.doc.minutes
    ours_before = {(r.text, r.round) for r in all_revisions(m) if r.side is Side.KR}
    assert any(n == 3 for _t, n in ours_before)  # our round-3 edits went out with the file
    window.negotiation.import_file(str(returned))
    # our pending edits keep the round they were sent in; theirs take the next one
    assert [(r.number, r.side) for r in m.rounds] == [
        (1, Side.KR), (2, Side.RU), (3, Side.KR), (4, Side.RU)]
    assert {(r.text, r.round) for r in all_revisions(m) if r.side is Side.KR} == ours_before
    assert any(r.side is Side.RU and r.round == 4 and "other" in r.text
               for r in all_revisions(m))


def test_screen_readers_hear_the_text_and_the_pending_changes(window: MainWindow) -> None:
    from minutes_app.model.track import DELETE, current_text

    model, m = window.editor_model, window.doc.minutes
    tracked = next(p for p in m.paragraphs()
                   if any(s.kind == DELETE for s in p.tracks.get(Lang.EN) or ()))
    row = model.row_of((RowKind.PARAGRAPH, tracked.id))
    english = model.index(row, model.column_of(Lang.EN))
    shown = model.data(english, Qt.ItemDataRole.DisplayRole)
    spoken = model.data(english, Qt.ItemDataRole.AccessibleTextRole)
    # the display shows deleted words too (struck out); a screen reader hears the text
    assert spoken == tracked.text(Lang.EN) == current_text(tracked.tracks[Lang.EN])
    assert len(shown) > len(spoken)
    described = model.data(english, Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "pending changes" in described and "Side" in described
    number = model.data(model.index(row, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert number.startswith(f"Paragraph {m.number(tracked.id)}, ")
    assert window.editor.accessibleName() == "Aligned editor"


def test_merging_a_copy_with_a_new_annex_and_delegate_from_the_window(
        window: MainWindow, tmp_path: Path) -> None:
    import dataclasses

    from minutes_app.model.annexes import FREE, Annex, SetAnnexes, delegation_of
    from minutes_app.model.entities import Person
    from minutes_app.model.serialize import minutes_in, minutes_out
    from minutes_app.store import MinutesFile
    from minutes_app.tracking.rounds import snapshot

    m = window.doc.minutes
    before = minutes_out(m)
    theirs = minutes_in(minutes_out(m))
    theirs.own_side = Side.RU
    ru = delegation_of(theirs, Side.RU)
    assert ru is not None
    annexes = list(theirs.annexes)
    annexes[ru] = dataclasses.replace(annexes[ru], members=(
        *annexes[ru].members, Person({Lang.EN: "Ivan Petrov"})))
    annexes.append(Annex(FREE, heading={Lang.EN: "Joint projects"},
                         paragraphs=({Lang.EN: "The Sides listed their joint projects."},)))
    SetAnnexes(tuple(annexes)).apply(theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, "2020-12-17T09:00:00Z", "RU round 3"))
    path = tmp_path / "theirs.minutes"
    MinutesFile.create(path, theirs).close()
    window.negotiation.merge_file(str(path))
    added = m.annexes[-1]
    assert added.kind == FREE and added.heading[Lang.EN] == "Joint projects" and added.tracks
    assert m.annexes[ru].members[-1].name[Lang.EN] == "Ivan Petrov"
    said = window.negotiation.sink.history[-1]
    assert said[0] == "info" and "was added from their copy" in said[1], said
    assert "The delegation list of the Russian Side" in said[1], said
    merged = minutes_out(m)
    panel = window.changes  # their annex rejected from the Changes panel: the annex goes
    panel.side.setCurrentIndex(panel.side.findData(Side.RU))
    panel.refresh()
    assert any(r.annex is not None for r in panel.model.revisions)
    panel.decide_shown(False)
    assert [a.heading.get(Lang.EN) for a in m.annexes if a.kind == FREE] == []
    window.action_set["undo"].trigger()  # the rejection undone: the annex is back, pending
    assert minutes_out(m) == merged
    window.action_set["undo"].trigger()  # the whole merge is one undo step
    assert minutes_out(m) == before


def test_a_narrow_window_keeps_the_round_and_ends_the_counts_in_an_ellipsis(
        window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.resize(900, 700)
    label = window.count_label
    text = label.text()
    qtbot.waitUntil(lambda: label.width() < label.fontMetrics().horizontalAdvance(text),
                    timeout=2000)
    assert text.startswith("Round 3 in progress") and "Agreed: 8 paragraphs" in text
    assert label.toolTip() == text  # the whole of it on hovering
    assert label.fontMetrics().horizontalAdvance(text) > label.contentsRect().width()
    image = label.grab().toImage()
    ink = [x for x in range(image.width())
           if any(image.pixelColor(x, y).lightness() < 128 for y in range(image.height()))]
    assert ink and max(ink) < label.width() - 1  # drawn within the label, not cut at its edge
