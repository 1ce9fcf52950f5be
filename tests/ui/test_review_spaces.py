"""Review mode shows a word deleted with its space as one item to decide, not two.

The tester's case: the Russian Side deletes the eojeol ``공동의 `` where ``공동의`` is still its
own pending insertion of round 2. The revisions are two (a deletion inside an insertion, and a
deletion of the base text's space); the heads of delegation decide one deletion.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pytestqt.qtbot import QtBot

from minutes_app.cli.main import main
from minutes_app.model import Lang, Side
from minutes_app.store import MinutesFile
from minutes_app.tracking.revisions import Revision, all_revisions
from minutes_app.ui.main_window import MainWindow
from minutes_app.ui.review.items import ReviewItem, progress, revision_items
from minutes_app.workflows.exchange import import_returned
from minutes_app.workflows.runner import run
from tests.exports.schema import assert_valid_docx
from tests.helpers import some
from tests.ui.conftest import commit_text

NOW = "2026-11-30T21:00:00Z"
BEFORE = "확대를 위한 공동의 노력을"


def _deleted_in_their_copy(copy: Path, out: Path) -> Path:
    """Their copy with ``공동의 `` deleted without Track Changes: the end of the round-2
    insertion ``를 위한 공동의`` and the space of the base text after it."""
    d = docx.Document(str(copy))
    texts = list(d.element.body.iter(qn("w:t")))
    i = next(k for k, t in enumerate(texts) if (t.text or "").endswith("공동의"))
    assert (texts[i + 1].text or "").startswith(" 노력을")
    texts[i].text = (texts[i].text or "")[:-len("공동의")]
    texts[i + 1].text = (texts[i + 1].text or "")[1:]
    d.save(str(out))
    return out


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """The trilingual demo after round 3 went out and came back with ``공동의 `` deleted."""
    path, copy = tmp_path / "d.minutes", tmp_path / "wc.docx"
    assert main(["--lang", "en", "demo", "--languages", "ko,ru,en", str(path)]) == 0
    assert main(["--lang", "en", "send", str(path)]) == 0
    assert main(["--lang", "en", "export", "--kind", "working", "-o", str(copy), str(path)]) == 0
    assert_valid_docx(copy)
    returned = _deleted_in_their_copy(copy, tmp_path / "ret.docx")
    f, m = MinutesFile.open(path)
    try:
        run(f, m, import_returned(m, returned, f.history(), now=NOW))
    finally:
        f.close()
    return path


def _ours(revisions: list[Revision]) -> list[Revision]:
    """Round 4's deletions in the Korean text of paragraph 3."""
    return [r for r in revisions if r.number == 3 and r.lang is Lang.KO and r.round == 4]


def test_the_import_makes_two_revisions_and_review_one_item(korean: MainWindow) -> None:
    m = korean.doc.minutes
    assert [(r.kind, r.text, r.inside) for r in _ours(all_revisions(m))] == [
        ("delete", "공동의", Side.RU), ("delete", " ", None)]  # the file records both
    korean.action_set["review"].trigger()
    review = korean.review
    items = [it for it in review.items if it.revision is not None
             and _ours([it.revision, *it.spaces])]
    assert len(items) == 1
    (item,) = items
    assert item.text() == "공동의 "
    review.index = review.items.index(item)
    review.show_item()
    assert "“공동의 ”" in review.item_label.text() and "러시아측" in review.item_label.text()
    # the progress line counts revisions as the Changes panel and the status bar do
    assert progress(m)["revisions"] == len(all_revisions(m)) == sum(
        len(it.revisions()) for it in review.items)
    assert f"미결 수정 {len(all_revisions(m))}건" in review.progress_line.text()


def _decide_at_the_item(qtbot: QtBot, korean: MainWindow, button: str) -> str:
    korean.action_set["review"].trigger()
    review = korean.review
    review.index = next(i for i, it in enumerate(review.items) if it.text() == "공동의 ")
    review.show_item()
    open_before = len(review.items)
    review.buttons[button].click()
    m = korean.doc.minutes
    assert not _ours(all_revisions(m))  # both decided by one click
    assert len(review.items) == open_before - 1
    text = m.paragraph(next(p.id for p in m.paragraphs() if m.number(p.id) == 3)).text(Lang.KO)
    korean.action_set["undo"].trigger()  # one decision, one undo step
    assert [r.text for r in _ours(all_revisions(m))] == ["공동의", " "]
    return text


def test_accepting_the_item_deletes_the_word_and_its_space(
        qtbot: QtBot, korean: MainWindow) -> None:
    text = _decide_at_the_item(qtbot, korean, "accept")
    assert "확대를 위한 노력을" in text and "공동의" not in text


def test_rejecting_the_item_keeps_the_word_and_its_space(
        qtbot: QtBot, korean: MainWindow) -> None:
    text = _decide_at_the_item(qtbot, korean, "reject")
    assert BEFORE in text


def test_a_note_typed_in_korean_goes_to_the_paragraph_of_the_joined_item(
        korean: MainWindow) -> None:
    korean.action_set["review"].trigger()
    review = korean.review
    review.index = next(i for i, it in enumerate(review.items) if it.text() == "공동의 ")
    review.show_item()
    review.note.setFocus()
    commit_text(review.note, "본국 확인 후 결정")
    review.add_comment()
    m = korean.doc.minutes
    p = m.paragraph(some(review.current()).paragraph_id)
    assert m.number(p.id) == 3 and p.comments[-1].text == "본국 확인 후 결정"


def _rev(segment: int, text: str, kind: str = "delete", side: Side = Side.RU,
         lang: Lang = Lang.KO, round_number: int = 4) -> Revision:
    return Revision(f"r{segment}", 8, 3, lang, kind, text, side, round_number, NOW, segment)


def _shape(items: list[ReviewItem]) -> list[str]:
    return [it.text() for it in items]


@pytest.mark.parametrize(("revisions", "shown"), [
    # a word and the space after it; a space before a word (the word comes first)
    ([_rev(2, "공동의"), _rev(3, " ")], ["공동의 "]),
    ([_rev(2, " "), _rev(3, "공동의")], [" 공동의"]),
    # an insertion of a word and a space next to it, as two pieces
    ([_rev(2, "joint", "insert"), _rev(3, " ", "insert")], ["joint "]),
    # not one change: another kind, Side, round, language, or not next to each other
    ([_rev(2, "공동의"), _rev(3, " ", "insert")], ["공동의", " "]),
    ([_rev(2, "공동의"), _rev(3, " ", side=Side.KR)], ["공동의", " "]),
    ([_rev(2, "공동의"), _rev(3, " ", round_number=2)], ["공동의", " "]),
    ([_rev(2, "공동의"), _rev(3, " ", lang=Lang.EN)], ["공동의", " "]),
    ([_rev(2, "공동의"), _rev(4, " ")], ["공동의", " "]),
    # a space alone stays an item; two words stay two items
    ([_rev(3, " ")], [" "]),
    ([_rev(2, "공동의"), _rev(3, "노력을")], ["공동의", "노력을"]),
    # a space between two words goes with the word before it
    ([_rev(2, "공동의"), _rev(3, " "), _rev(4, "노력을")], ["공동의 ", "노력을"]),
])
def test_which_revisions_are_one_item(revisions: list[Revision], shown: list[str]) -> None:
    items = revision_items(8, revisions)
    assert _shape(items) == shown
    assert sorted(r.id for it in items for r in it.revisions()) == sorted(r.id for r in revisions)
