"""Find and Replace reach the title and the annexes as well as headings and paragraphs; Replace
all is one undo step over all of them; hidden language columns are left alone unless ticked;
the Korean dialog speaks Korean; review mode and the status bar count brackets alike."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.annexes import FREE, Annex
from minutes_app.model.search import ANNEX, MEETING, MEMBER, TITLE, Match
from minutes_app.model.serialize import minutes_out
from minutes_app.model.track import INSERT
from minutes_app.ui.dialogs.annexes import AnnexDialog
from minutes_app.ui.dialogs.find import FindDialog
from minutes_app.ui.main_window import MainWindow
from minutes_app.workflows import search
from tests.ui.conftest import commit_text

KO, RU, EN = Lang.KO, Lang.RU, Lang.EN
NOW = "2020-12-18T09:00:00Z"
WORK_PLAN = Annex(FREE, heading={KO: "분과위원회 작업 계획", RU: "План работы Подкомитета",
                                 EN: "Work Plan of the Sub-committee"},
                  paragraphs=({KO: "분과위원회는 매년 두 차례 회의한다.",
                               RU: "Подкомитет проводит заседания два раза в год.",
                               EN: "The Sub-committee shall meet twice a year."},
                              {KO: "양측은 분과위원회에 진행 상황을 보고한다.",
                               RU: "Стороны докладывают Подкомитету о ходе работы.",
                               EN: "The Sides shall report progress to the Sub-committee."}))


@pytest.fixture
def demo_minutes() -> Minutes:
    """The demo in three languages, with a free annex after the delegation lists (Annex III)
    and a heading that names the Sub-committee (overrides the bilingual demo)."""
    from minutes_app.workflows.templates import demo

    m = demo(languages=[KO, RU, EN])
    m.annexes.append(WORK_PLAN)
    m.sections[1].heading = {KO: "분과위원회 협력 전반", RU: "Общий обзор работы Подкомитета",
                             EN: "General Review of the Sub-committee"}
    return m


def state(m: Minutes) -> str:
    """The document as saved (but for the id counter, which undo never moves back)."""
    out = minutes_out(m)
    out.pop("next_id")
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str)


def open_find(w: MainWindow) -> FindDialog:
    w.action_set["find"].trigger()
    assert w.find_dialog is not None
    return w.find_dialog


def english_in(text: str) -> list[str]:
    """English words in a Korean sentence (three Latin letters or more)."""
    return re.findall(r"[A-Za-z]{3,}", text)


def test_everything_is_searched_in_the_order_of_the_signed_text(demo_minutes: Minutes) -> None:
    m = demo_minutes
    places = [h.unit[0] or ("heading" if h.heading else "paragraph")
              for h in search.find_all(m, "Sub-committee", [EN])]
    assert places[0] == TITLE and places[-2:] == [ANNEX, MEETING]  # the next meeting's name
    assert {"heading", "paragraph"} <= set(places)
    member = search.find_next(m, "Park Jiwon", [EN], None)
    assert member is not None and member.place == MEMBER and member.pid == 0
    fixed = search.find_next(m, "Согласованный протокол", [RU], None)  # the title's own words
    assert fixed is not None and fixed.place == TITLE
    assert search.replace_one(m, fixed, "X", NOW) is None
    assert search.replace_one(m, member, "X", NOW) is None


def test_replace_all_in_korean_is_one_step_across_every_place(korean: MainWindow,
                                                               qtbot: QtBot) -> None:
    w, m = korean, korean.doc.minutes
    dialog = open_find(w)
    commit_text(dialog.needle, "분과위원회")
    commit_text(dialog.replacement, "소위원회")
    assert dialog.needle.text() == "분과위원회"
    hits = list(search.find_all(m, "분과위원회", [KO, RU, EN]))
    kept = sum(1 for h in hits if search.is_agreed(m, h))
    assert {h.place for h in hits} == {"", TITLE, MEETING, ANNEX}  # the next meeting's name
    before, steps = state(m), w.doc.undo_stack.index()
    count = dialog.replace_everywhere()
    after = state(m)
    assert w.doc.undo_stack.index() == steps + 1  # one undo step
    assert m.meeting.body[KO] == "한·러 극동·시베리아 소위원회"  # the title's body name
    assert m.meeting.body_alternat[KO] == "러·한 극동·시베리아 소위원회"  # the other original's
    # the meeting details changed, untracked: the result says so (gui11)
    assert "회의 정보의 회의체 이름이 바뀌었습니다" in dialog.message.text(), dialog.message.text()
    assert m.sections[1].heading[KO] == "소위원회 협력 전반"
    annex = m.annexes[2]
    assert annex.heading[KO] == "소위원회 작업 계획"
    assert [p[KO] for p in annex.paragraphs] == ["소위원회는 매년 두 차례 회의한다.",
                                                 "양측은 소위원회에 진행 상황을 보고한다."]
    assert annex.heading[EN] == WORK_PLAN.heading[EN]  # other languages as they were
    assert all(s.kind == INSERT and s.author is not None and s.author.side is Side.KR
               for s in annex.tracks[0][KO] if s.kind == INSERT)  # tracked, as ours
    assert not any("분과위원회" in p.text(KO) for p in m.paragraphs()
                   if not search.is_agreed(m, Match(p.id, KO, 0, 0)))
    assert m.meeting.next_body[KO] == "한·러 극동·북극 소위원회"  # a meeting detail too
    assert count == len(hits) - kept >= 7  # two titles, a detail, a heading, three annex parts
    message = dialog.message.text()
    assert str(count) in message and not english_in(message), message
    w.action_set["undo"].trigger()
    assert state(m) == before
    w.action_set["redo"].trigger()
    assert state(m) == after
    w.action_set["undo"].trigger()
    assert state(m) == before
    QApplication.processEvents()


def test_the_title_replaces_its_body_name_and_explains_its_fixed_words(
        korean: MainWindow) -> None:
    w, m = korean, korean.doc.minutes
    dialog = open_find(w)
    for lang, box in dialog.lang_boxes.items():
        box.setChecked(lang is RU)
    commit_text(dialog.needle, "подкомитета")  # Cyrillic, any case
    hit = dialog.find_next()
    assert hit is not None and hit.place == TITLE and hit.lang is RU
    assert "제목" in dialog.message.text() and "러시아어" in dialog.message.text()
    commit_text(dialog.replacement, "Комитета")
    before, steps = state(m), w.doc.undo_stack.index()
    dialog.replace_one()
    assert m.meeting.body[RU].startswith("Корейско-Российского Комитета по")
    assert w.doc.undo_stack.index() == steps + 1
    w.action_set["undo"].trigger()
    assert state(m) == before
    dialog.needle.clear()
    commit_text(dialog.needle, "Согласованный протокол")
    dialog.last = None
    assert dialog.find_next() is not None
    dialog.replace_one()  # the title's fixed words: not replaced, and the user is told why
    assert state(m) == before and w.doc.undo_stack.index() == steps
    message = dialog.message.text()
    assert "회의 정보" in message and not english_in(message), message
    dialog.replace_everywhere()
    assert state(m) == before
    assert "고정 문구" in dialog.message.text() and not english_in(dialog.message.text())


def test_a_hidden_language_column_is_not_searched_unless_ticked(window: MainWindow) -> None:
    w, m = window, window.doc.minutes
    assert w.columns is not None
    w.columns.set_shown(EN, False)
    dialog = open_find(w)
    assert not dialog.lang_boxes[EN].isChecked()
    assert dialog.lang_boxes[KO].isChecked() and dialog.lang_boxes[RU].isChecked()
    assert dialog.hidden_note.isVisibleTo(dialog) and "English" in dialog.hidden_note.text()
    english = [p.text(EN) for p in m.paragraphs()]
    dialog.needle.setText("2021")
    dialog.replacement.setText("2022")
    assert dialog.replace_everywhere() > 0
    assert [p.text(EN) for p in m.paragraphs()] == english  # what the user cannot see
    assert any("2022" in p.text(KO) for p in m.paragraphs())
    w.columns.set_shown(EN, True)  # shown again while the dialog is open: searched again
    assert dialog.lang_boxes[EN].isChecked() and not dialog.hidden_note.isVisibleTo(dialog)
    w.columns.set_shown(RU, False)
    dialog.lang_boxes[RU].setChecked(True)  # the user's own tick stands
    dialog.needle.setText("Подкомитет")
    dialog.last = None
    assert dialog.find_next() is not None


def test_a_match_in_an_annex_says_where_and_opens_the_annexes_there(
        korean: MainWindow, qtbot: QtBot) -> None:
    w, m = korean, korean.doc.minutes
    dialog = open_find(w)
    commit_text(dialog.needle, "보고한다")
    hit = dialog.find_next()
    assert hit is not None and (hit.place, hit.pid, hit.part) == (ANNEX, 2, 2)
    assert "부속서 III" in dialog.message.text() and "2" in dialog.message.text()
    assert dialog.annex_button.isVisibleTo(dialog) and not english_in(
        dialog.annex_button.text())
    seen: dict[str, object] = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, AnnexDialog)
        seen["row"] = box.list.currentRow()
        seen["selected"] = box.paragraphs[KO].textCursor().selectedText()
        box.reject()

    QTimer.singleShot(0, look)
    dialog.annex_button.click()
    assert seen == {"row": 2, "selected": "보고한다"}
    dialog.needle.clear()
    commit_text(dialog.needle, "박지원")
    dialog.last = None
    member = dialog.find_next()
    assert member is not None and member.place == MEMBER
    assert "대표단 명단" in dialog.message.text() and "성명" in dialog.message.text()
    before = state(m)
    dialog.replace_one()  # names are not replaced here: the user is told where they are
    assert state(m) == before and "문서 > 부속서" in dialog.message.text()
    box = AnnexDialog(m.annexes, [KO, RU, EN], w)
    box.select(member)
    assert (box.table.currentRow(), box.table.currentColumn()) == (0, 0)
    box.deleteLater()


def test_the_korean_dialog_has_no_english_and_says_what_it_covers(korean: MainWindow) -> None:
    dialog = open_find(korean)
    korean.columns.set_shown(EN, False)  # type: ignore[union-attr]
    texts = [x.text() for x in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)
             if x.text()]
    assert dialog.windowTitle() == "찾기 및 바꾸기"
    assert any("제목" in t and "부속서" in t and "문단" in t for t in texts), texts
    assert any("숨긴 열" in t and "영어" in t for t in texts), texts
    assert not [t for t in texts if english_in(t)], texts
    image = dialog.grab()
    assert not image.isNull() and image.width() >= 520


def _counts(w: MainWindow) -> tuple[int, int]:
    """Bracketed paragraphs as the status bar and as review mode say them."""
    w.enter_review()
    line = w.review.progress_line.text()
    bar = w.count_label.text()
    w.leave_review(-1)
    review = re.search(r"(?:bracketed paragraphs: |괄호 문단 )(\d+)", line)
    status = re.search(r"(?:Bracketed: |괄호 문단 )(\d+)", bar)
    assert review and status, (line, bar)
    return int(review.group(1)), int(status.group(1))


def test_review_and_status_bar_count_bracketed_paragraphs_alike(window: MainWindow) -> None:
    review, status = _counts(window)
    assert review == status == 1
    assert "3 open brackets (bracketed paragraphs: 1)" in window.review.progress_line.text()
    assert "Bracketed: 1 paragraph" in window.count_label.text()
    window.set_ui_language("ko")
    review, status = _counts(window)
    assert review == status == 1
    assert "미해결 괄호 3개(괄호 문단 1개)" in window.review.progress_line.text()
    assert "[ ] 괄호 문단 1개" in window.count_label.text()  # the same words, the same count


def test_replace_all_and_undo_restore_annexes_exactly_before_any_round() -> None:
    """Untracked (no round yet): annex parts and the title change by plain edits."""
    from minutes_app.workflows.templates import demo

    m = demo(history=False, languages=[KO, RU, EN])
    m.annexes.append(WORK_PLAN)
    assert not m.tracking
    before = state(m)
    done = search.replace_all(m, "sub-committee", "Subcommittee", [EN], False, NOW)
    inverse, _change = done.op.apply(m)
    assert m.annexes[-1].heading[EN] == "Work Plan of the Subcommittee" and not m.annexes[-1].tracks
    assert "Subcommittee" in m.meeting.body[EN] and done.fixed == 0 \
        and done.meeting == 2  # both originals' titles
    after = state(m)
    redo, _change = inverse.apply(m)
    assert state(m) == before
    redo.apply(m)
    assert state(m) == after
    assert dataclasses.replace(WORK_PLAN) == WORK_PLAN  # the fixture's annex is untouched
