"""The window imports rows they moved as their moves (one undo step), and asks before taking
rows that lost their ids: declined, nothing is imported, as the command line without flags."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from minutes_app.docx_io.working import write_working
from minutes_app.model import Side
from minutes_app.tracking.revisions import all_revisions
from minutes_app.ui.main_window import MainWindow
from tests.helpers import some
from tests.helpers.returned import edit_docx, row_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _order(window: MainWindow) -> list[list[int]]:
    return [[p.id for p in s.paragraphs] for s in window.doc.minutes.sections]


def test_a_row_they_moved_is_their_move_undone_in_one_step(window: MainWindow,
                                                           tmp_path: Path) -> None:
    m = window.doc.minutes
    section = next(s for s in m.sections if s.numbered and len(s.paragraphs) >= 2
                   and all(p.mark is None for p in s.paragraphs))
    a, b = section.paragraphs[0].id, section.paragraphs[1].id
    exported, returned = tmp_path / "w.docx", tmp_path / "returned.docx"
    write_working(m, exported)

    def swap(root: etree._Element) -> None:
        row_b = row_of(root, b)
        some(row_b.getparent()).remove(row_b)
        row_of(root, a).addprevious(row_b)

    edit_docx(exported, returned, swap)
    order, rounds = _order(window), len(m.rounds)
    window.negotiation.import_file(str(returned))
    assert len(m.rounds) > rounds
    assert [p.id for p in section.paragraphs][:2] == [b, a]
    [move] = [r for r in all_revisions(m) if r.kind == "move"]
    assert (move.paragraph_id, move.side) == (b, Side.RU)
    assert "was moved by the Russian Side" in window.message_bar.label.text()
    entry = json.loads(window.doc.file.history()[-1][2])
    assert entry["moved"] == [[b, None, section.id, "RU"]]  # on record in the history
    window.doc.undo_stack.undo()
    assert _order(window) == order and len(m.rounds) == rounds


def test_rows_without_their_ids_are_asked_for_and_declined_import_nothing(
        window: MainWindow, tmp_path: Path) -> None:
    m = window.doc.minutes
    pid = m.paragraphs()[-1].id
    exported, returned = tmp_path / "w.docx", tmp_path / "returned.docx"
    write_working(m, exported)

    def lose(root: etree._Element) -> None:
        tr = row_of(root, pid)
        for b in [*tr.iter(f"{W}bookmarkStart"), *tr.iter(f"{W}bookmarkEnd")]:
            some(b.getparent()).remove(b)

    edit_docx(exported, returned, lose)
    asked: list[str] = []
    answer = [False]

    def confirm(title: str, question: str) -> bool:
        asked.append(question)
        return answer[0]

    window.confirm = confirm
    rounds = len(m.rounds)
    window.negotiation.import_file(str(returned))
    assert len(m.rounds) == rounds  # declined: nothing imported
    assert "looks like paragraph" in asked[0] and "(100% alike)" in asked[0]
    assert "Import this row as the paragraph it looks like?" in asked[0]  # one row: singular
    answer[0] = True
    window.negotiation.import_file(str(returned))  # not "already imported": asked again
    assert len(asked) == 2 and len(m.rounds) > rounds
    assert m.paragraph(pid).mark is None  # taken as the paragraph, neither new nor deleted
