"""Find reaches the meeting details (venue, place of signature, format, the next meeting's
name, the ordinal, the dates, the heads of delegation) and says where each hit is; Replace
changes the text fields, one undo step for Replace all; the ordinal and the dates are found
and the user is told why they are not replaced. Through the core and the real dialog."""

from __future__ import annotations

import json
import re

from minutes_app.i18n.places import match_label
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.search import DETAILS, MEETING, Match
from minutes_app.model.serialize import minutes_out
from minutes_app.ui.dialogs.find import FindDialog
from minutes_app.ui.main_window import MainWindow
from minutes_app.workflows import search
from minutes_app.workflows.templates import demo
from tests.ui.conftest import commit_text

KO, EN = Lang.KO, Lang.EN
NOW = "2020-12-18T09:00:00Z"


def state(m: Minutes) -> str:
    """The document as saved (but for the id counter, which undo never moves back)."""
    out = minutes_out(m)
    out.pop("next_id")
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str)


def _field(hit: Match) -> str:
    assert hit.place == MEETING
    return str(DETAILS[hit.pid])


def test_find_names_each_field_of_the_meeting_details() -> None:
    m = demo()
    found = [(_field(h), match_label(m, h)) for h in search.find_all(m, "Seoul", [EN])]
    assert found == [("venue", "the meeting details (Venue)"),
                     ("place", "the meeting details (Place of signature)")]
    heads = [_field(h) for h in search.find_all(m, "Deputy Minister", [EN])
             if h.place == MEETING]
    assert heads == ["heads.KR.title", "heads.RU.title"]
    rest = {_field(h) for h in search.find_all(m, "화상", [KO]) if h.place == MEETING}
    assert rest == {"format", "venue"}
    dates = [h for h in search.find_all(m, "2020", [KO, EN]) if h.place == MEETING]
    assert [(_field(h), h.lang) for h in dates] == [("dates", KO), ("dates", EN)]
    number = search.find_next(m, str(m.meeting.ordinal), [EN], None)
    assert number is not None  # in the title first (its fixed ordinal), then the details
    assert "ordinal" in [_field(h) for h in search.find_all(m, str(m.meeting.ordinal), [EN])
                         if h.place == MEETING]


def test_replace_changes_a_field_and_its_inverse_restores_it() -> None:
    m = demo()
    before = state(m)
    hit = next(h for h in search.find_all(m, "Moscow", [EN]) if h.place == MEETING)
    op = search.replace_one(m, hit, "Vladivostok", NOW)
    assert op is not None
    inverse, _change = op.apply(m)
    assert m.meeting.venue[EN] == "videoconference between Seoul and Vladivostok"
    assert m.meeting.venue[KO] == "서울-모스크바 간 화상회의"  # one language only
    inverse.apply(m)
    assert state(m) == before


def test_replace_all_changes_every_text_field_and_leaves_the_dates() -> None:
    m = demo()
    before = state(m)
    done = search.replace_all(m, "Deputy Minister", "Vice-Minister", [EN], True, NOW)
    assert done.details == 2 and done.replaced >= 2
    inverse, _change = done.op.apply(m)
    assert m.meeting.heads[Side.KR].title[EN] == "Vice-Minister for Political Affairs"
    assert m.meeting.heads[Side.RU].title[EN].startswith("Vice-Minister for the Development")
    inverse.apply(m)
    assert state(m) == before
    dated = search.replace_all(m, "December", "January", [EN], True, NOW)
    assert dated.dated == 1 and dated.details == 0
    dates = next(h for h in search.find_all(m, "December", [EN]) if h.place == MEETING)
    assert _field(dates) == "dates" and search.replace_one(m, dates, "January", NOW) is None


def _hit_in_details(dialog: FindDialog) -> Match:
    for _ in range(40):  # the paragraphs may come first: on to the meeting's
        hit = dialog.find_next()
        assert hit is not None
        if hit.place == MEETING:
            return hit
    raise AssertionError("not found in the meeting details")


def test_the_dialog_finds_and_replaces_a_detail_in_english(window: MainWindow) -> None:
    w, m = window, window.doc.minutes
    w.action_set["find"].trigger()
    dialog = w.find_dialog
    assert dialog is not None
    dialog.needle.setText("Moscow")
    hit = _hit_in_details(dialog)
    assert dialog.message.text() == "Found in the meeting details (Venue) (English)."
    dialog.replacement.setText("Vladivostok")
    before, steps = state(m), w.doc.undo_stack.index()
    dialog.last = hit
    dialog.replace_one()
    assert m.meeting.venue[EN] == "videoconference between Seoul and Vladivostok"
    assert w.doc.undo_stack.index() == steps + 1
    w.action_set["undo"].trigger()
    assert state(m) == before
    dialog.needle.setText("December")
    dialog.last = None
    _hit_in_details(dialog)
    dialog.replace_one()  # the dates: not replaced, and the user is told why
    assert state(m) == before
    assert "Document > Meeting details" in dialog.message.text()


def test_the_korean_dialog_replaces_all_in_the_details_as_one_step(korean: MainWindow) -> None:
    w, m = korean, korean.doc.minutes
    w.action_set["find"].trigger()
    dialog = w.find_dialog
    assert dialog is not None
    assert "회의 정보" in dialog.scope.text()
    commit_text(dialog.needle, "모스크바")
    _hit_in_details(dialog)
    message = dialog.message.text()
    assert "회의 정보" in message and "장소" in message, message
    assert not re.findall(r"[A-Za-z]{3,}", message), message
    commit_text(dialog.replacement, "블라디보스토크")
    before, steps = state(m), w.doc.undo_stack.index()
    count = dialog.replace_everywhere()
    assert w.doc.undo_stack.index() == steps + 1 and count >= 2
    assert m.meeting.venue[KO] == "서울-블라디보스토크 간 화상회의"
    assert m.meeting.place[KO] == "서울과 블라디보스토크"
    summary = dialog.message.text()
    assert "회의 정보" in summary and not re.findall(r"[A-Za-z]{3,}", summary), summary
    w.action_set["undo"].trigger()
    assert state(m) == before
    dialog.needle.clear()
    commit_text(dialog.needle, "12월")
    dialog.last = None
    _hit_in_details(dialog)
    dialog.replace_everywhere()
    left = dialog.message.text()
    assert "차수나 일자" in left and not re.findall(r"[A-Za-z]{3,}", left), left
