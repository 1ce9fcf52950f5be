"""Free annexes' revisions in the window: listed in the Changes panel, walked in review mode,
shown inline in the annex dialog, accepted or rejected as one undo step; the dialog's edits
after a round are tracked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.track import Author
from minutes_app.tracking.annexes import EditAnnexText
from minutes_app.tracking.revisions import all_revisions
from tests.exports.test_import_annexes import PARAS, sent_with_annex

RU = Author(Side.RU, 4, "2020-12-17T09:00:00Z")


@pytest.fixture
def demo_minutes() -> Minutes:
    m = sent_with_annex()
    EditAnnexText(2, 1, Lang.EN, "Modernisation of the ports of Nakhodka and Vostochny", RU
                  ).apply(m)
    EditAnnexText(2, 0, Lang.KO, "공동 투자 및 기술 협력 사업 목록", RU).apply(m)
    return m


def _annex_rows(window: Any) -> list[int]:
    panel = window.changes
    panel.refresh()
    return [i for i, r in enumerate(panel.model.revisions) if r.annex is not None]


def test_changes_panel_lists_annex_revisions_and_accepts_one_as_one_undo_step(
        window: Any) -> None:
    m = window.doc.minutes
    rows = _annex_rows(window)
    panel = window.changes
    shown = {panel.model.data(panel.model.index(i, 0), Qt.ItemDataRole.DisplayRole)
             for i in rows}
    assert shown == {"III", "III.1"}
    row = next(i for i in rows if panel.model.revisions[i].annex == (2, 1)
               and panel.model.revisions[i].kind == "insert")
    chosen = panel.model.revisions[row]
    before = len(all_revisions(m))
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    panel.decide_current(True)
    assert chosen.id not in {r.id for r in all_revisions(m)}
    assert len(all_revisions(m)) == before - 1
    assert chosen.text in m.annexes[2].paragraphs[0][Lang.EN]
    window.action_set["undo"].trigger()
    assert chosen.id in {r.id for r in all_revisions(m)}


def test_review_mode_walks_annex_revisions_and_rejects_one(window: Any) -> None:
    m = window.doc.minutes
    review = window.review
    review.start()
    review.index = next(i for i, it in enumerate(review.items)
                        if it.revision is not None and it.revision.annex == (2, 0))
    review.show_item()
    assert "Annex III, heading" in review.heading.text()
    assert "<u>" in review.texts[Lang.KO].text() and "기술 협력" in review.texts[Lang.KO].text()
    assert review.buttons["accept"].isEnabled() and not review.buttons["agree"].isEnabled()
    review.decide(False)
    assert m.annexes[2].heading[Lang.KO] == "공동 투자 사업 목록"
    assert not any(r.annex == (2, 0) for r in all_revisions(m))


def test_annex_dialog_shows_revisions_inline_and_tracks_its_edits(window: Any,
                                                                  tmp_path: Path) -> None:
    from minutes_app.ui.dialogs.annexes import AnnexDialog

    m = window.doc.minutes
    author = Author(m.own_side, m.working_round, "2020-12-17T10:00:00Z")
    dialog = AnnexDialog(m.annexes, [Lang.KO, Lang.EN], window, author)
    dialog.list.setCurrentRow(2)
    pending = dialog.pending[Lang.EN].text()
    assert "Vostochny" in pending and "<u>" in pending
    dialog.resize(1100, 600)
    dialog.grab().save(str(tmp_path / "annex-dialog.png"))
    dialog.heading[Lang.EN].setText("List of Joint Investment and Technology Projects")
    dialog.paragraphs[Lang.KO].setPlainText(PARAS[0][Lang.KO])  # the second paragraph removed
    dialog.exec = lambda: 1
    window.edit_annexes(dialog)
    ours = {(r.annex, r.lang, r.kind) for r in all_revisions(m) if r.side is Side.KR}
    assert ((2, 0), Lang.EN, "insert") in ours and ((2, 2), Lang.KO, "delete") in ours
    assert all(r.round == 4 for r in all_revisions(m) if r.side is Side.KR)
    assert len(m.annexes[2].paragraphs) == 2  # kept, its deletion pending
    assert "Vostochny" in m.annexes[2].paragraphs[0][Lang.EN]  # their revision untouched
    window.action_set["undo"].trigger()
    assert not any(r.side is Side.KR for r in all_revisions(m))
