"""Find and replace reach the section headings too: a term replaced everywhere leaves none
behind in a heading (a tracked heading edit once rounds exist; one undo step)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from minutes_app.model import Lang, Side
from minutes_app.model.search import find_all, replace_all
from minutes_app.model.track import INSERT
from minutes_app.store import MinutesFile
from minutes_app.ui.editor.rows import RowKind
from minutes_app.ui.main_window import MainWindow
from pathlib import Path


def test_find_all_lists_a_heading_before_its_paragraphs(demo_file: Path) -> None:
    f, m = MinutesFile.open(demo_file, read_only=True)
    f.close()
    hits = list(find_all(m, "Cooperation", [Lang.EN]))
    first = next(i for i, h in enumerate(hits) if h.heading)
    general = m.sections[1]  # "General Review of Bilateral Cooperation"
    assert hits[first].pid == general.id
    assert general.heading[Lang.EN][hits[first].start:hits[first].end] == "Cooperation"
    preamble = {p.id for p in m.sections[0].paragraphs}
    assert all(h.pid in preamble for h in hits[:first])  # document order: the preamble's first
    assert all(h.pid not in preamble for h in hits[first + 1:])
    op, count, _left = replace_all(m, "Health and Medical Care", "Health", [Lang.EN])
    assert count == 1
    op.apply(m)
    assert any(s.heading[Lang.EN] == "Health" for s in m.sections)


def test_replace_all_and_one_in_headings_from_the_window(window: MainWindow) -> None:
    m = window.doc.minutes
    window.action_set["find"].trigger()
    dialog = window.find_dialog
    assert dialog is not None
    dialog.needle.setText("Primorsky Krai")
    hit = dialog.find_next()
    assert hit is not None and hit.heading
    assert window.editor.currentIndex().row() == window.editor_model.row_of(
        (RowKind.SECTION, hit.pid))
    dialog.replacement.setText("Primorye")
    dialog.replace_one()
    section = next(s for s in m.sections if s.id == hit.pid)
    assert section.heading[Lang.EN] == "Korea-Russia Industrial Complex in Primorye"
    assert any(s.kind == INSERT and s.author is not None and s.author.side is Side.KR
               for s in section.tracks[Lang.EN])  # after a round: our tracked revision
    window.action_set["undo"].trigger()
    assert section.heading[Lang.EN] == "Korea-Russia Industrial Complex in Primorsky Krai"
    dialog.needle.setText("·")  # in Korean headings: 보건·의료, 농업·수산, ...
    dialog.replacement.setText("-")
    assert dialog.replace_everywhere() > 0
    assert not any("·" in s.heading.get(Lang.KO, "") for s in m.sections)
    window.action_set["undo"].trigger()  # one step for all of them
    assert any("·" in s.heading.get(Lang.KO, "") for s in m.sections)
    QApplication.processEvents()
