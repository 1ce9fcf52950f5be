"""The model: operations, their inverses, derived numbers, stable ids, validation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.errors import ValidationError
from minutes_app.model import (
    AddComment, Batch, Comment, InsertParagraph, InsertSection, Lang, Meeting, Minutes,
    MoveParagraph, MoveSection, Operation, Paragraph, RemoveComment, RemoveParagraph,
    RemoveSection, Section, SetMeeting, SetSectionHeading, SetStatus, SetText, SetVoice, Side,
    Status, new_paragraph,
)
from minutes_app.model.serialize import minutes_out
from minutes_app.workflows.templates import demo
from pathlib import Path


def numbered(m: Minutes) -> list[tuple[int, int | None]]:
    return [(p.id, m.number(p.id)) for p in m.paragraphs()]


def first_numbered_section(m: Minutes) -> Section:
    return next(s for s in m.sections if s.numbered)


@pytest.fixture
def demo_minutes() -> Minutes:
    """The demo before any round: edits are not tracked yet."""
    return demo(history=False)


def test_demo_numbers_are_consecutive_and_skip_the_preamble(demo_minutes: Minutes) -> None:
    numbers = [n for _, n in numbered(demo_minutes)]
    assert numbers[:3] == [None, None, None]
    assert numbers[3:] == list(range(1, 16))


def test_inserting_a_paragraph_renumbers_the_rest(demo_minutes: Minutes) -> None:
    m = demo_minutes
    section = first_numbered_section(m)
    old_first = section.paragraphs[0].id
    p = new_paragraph(m, {Lang.EN: "New.", Lang.KO: "새 문단."})
    inverse, change = InsertParagraph(section.id, 0, p).apply(m)
    assert m.number(p.id) == 1 and m.number(old_first) == 2
    assert change.structure and p.id in change.paragraphs
    inverse.apply(m)
    assert m.number(old_first) == 1


def test_ids_are_never_reused_after_removal(demo_minutes: Minutes) -> None:
    m = demo_minutes
    last = m.paragraphs()[-1]
    RemoveParagraph(last.id).apply(m)
    fresh = new_paragraph(m)
    assert fresh.id > last.id
    with pytest.raises(ValidationError):
        reused = Paragraph(id=m.sections[1].id)
        InsertParagraph(m.sections[1].id, 0, reused).apply(m)


def _ops(m: Minutes) -> list[Operation]:
    s1, s2 = [s for s in m.sections if len(s.paragraphs) >= 2][:2]
    p = s1.paragraphs[0]
    return [
        SetText(p.id, Lang.KO, "양측은 협력을 확대하기로 하였다."),
        SetText(p.id, Lang.EN, "The two Sides agreed."),
        SetStatus(p.id, Status.AGREED_AD_REF, Side.RU),
        SetVoice(p.id, Side.KR),
        InsertParagraph(s2.id, 1, new_paragraph(m, {Lang.EN: "Inserted."})),
        RemoveParagraph(s1.paragraphs[-1].id),
        MoveParagraph(p.id, s2.id, 0),
        MoveParagraph(s1.paragraphs[1].id, s1.id, 0),
        InsertSection(1, Section(m.allocate_id(), {Lang.EN: "Trade"})),
        RemoveSection(m.sections[-1].id),
        MoveSection(s2.id, 1),
        SetSectionHeading(s1.id, Lang.KO, "일반"),
        SetMeeting(Meeting(ordinal=15, start=m.meeting.start)),
        AddComment(p.id, Comment(m.allocate_id(), Side.RU, "Please check the year.")),
    ]


@pytest.mark.parametrize("index", range(14))
def test_every_operation_is_undone_by_its_inverse(index: int) -> None:
    m = demo(history=False)
    before = minutes_out(m)
    op = _ops(m)[index]
    inverse, change = op.apply(m)
    assert not change.empty
    assert minutes_out(m) != before
    redo, _ = inverse.apply(m)
    assert minutes_out(m) == {**before, "next_id": m.next_id}
    after_undo = minutes_out(m)
    again, _ = redo.apply(m)
    again.apply(m)
    assert minutes_out(m) == after_undo


def test_batch_is_one_step_and_rolls_back_on_error(demo_minutes: Minutes) -> None:
    m = demo_minutes
    before = minutes_out(m)
    p = m.paragraphs()[4]
    bad = Batch((SetText(p.id, Lang.EN, "changed"), SetText(99999, Lang.EN, "x")))
    with pytest.raises(ValidationError):
        bad.apply(m)
    assert minutes_out(m) == before
    good = Batch((SetText(p.id, Lang.EN, "a"), SetStatus(p.id, Status.AGREED)))
    inverse, change = good.apply(m)
    assert change.paragraphs == {p.id}
    inverse.apply(m)
    assert minutes_out(m) == before


@pytest.mark.parametrize(
    ("op", "message"),
    [
        (SetText(999, Lang.EN, "x"), "no paragraph"),
        (SetText(6, Lang.RU, "x"), "not in this document"),
        (SetText(6, Lang.EN, "bell\x07"), "control character"),
        (SetStatus(6, Status.AGREED_AD_REF), "awaiting confirmation"),
        (MoveSection(1, 99), "outside"),
        (RemoveComment(6, 12345), "no comment"),
    ],
)
def test_invalid_operations_say_why(demo_minutes: Minutes, op: Operation, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        op.apply(demo_minutes)


def test_meeting_dates_are_validated(demo_minutes: Minutes) -> None:
    import datetime as dt

    bad = Meeting(start=dt.date(2020, 12, 18), end=dt.date(2020, 12, 17))
    with pytest.raises(ValidationError, match="ends before"):
        SetMeeting(bad).apply(demo_minutes)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 13), st.integers(0, 50)), max_size=12))
def test_any_sequence_of_operations_undoes_back_to_the_start(steps: list[tuple[int, int]]) -> None:
    m = demo(history=False)
    start = minutes_out(m)
    inverses = []
    for kind, salt in steps:
        try:
            ops = _ops(m)
        except ValueError:
            break  # too few paragraphs left to build every kind of operation
        op = ops[kind]
        try:
            inverse, _ = op.apply(m)
        except ValidationError:
            continue  # the operation no longer fits the changed document
        inverses.append(inverse)
        assert salt >= 0
    for inverse in reversed(inverses):
        inverse.apply(m)
    assert {**minutes_out(m), "next_id": 0} == {**start, "next_id": 0}
    assert [n for _, n in numbered(m)] == [n for _, n in numbered(demo(history=False))]


def test_comment_threads_reply_resolve_reopen_and_survive_the_file(tmp_path: Path) -> None:
    from minutes_app.model import AddComment, Comment, Side
    from minutes_app.model.threads import SetCommentResolved, open_threads, threads
    from minutes_app.store import MinutesFile
    from minutes_app.workflows.templates import demo

    m = demo()
    p = m.paragraphs()[3]
    first = Comment(m.allocate_id(), Side.KR, "Check the year with the capital.",
                    "2020-12-15T09:00:00Z", author="Kim Minji")
    AddComment(p.id, first).apply(m)
    reply = Comment(m.allocate_id(), Side.RU, "Confirmed: 2021.", "2020-12-16T09:00:00Z",
                    author="Ivan Petrov", parent=first.id)
    AddComment(p.id, reply).apply(m)
    assert threads(p)[-1] == (first, [reply])
    before = open_threads(p)
    inverse, _change = SetCommentResolved(p.id, reply.id, True).apply(m)  # via a reply
    assert open_threads(p) == before - 1 and threads(p)[-1][0].resolved
    path = tmp_path / "t.minutes"
    MinutesFile.create(path, m).close()
    f, again = MinutesFile.open(path)
    f.close()
    q = again.paragraph(p.id)
    root, replies = threads(q)[-1]
    assert root.resolved and root.author == "Kim Minji"
    assert replies == [reply] and replies[0].author == "Ivan Petrov"
    inverse.apply(again)  # reopened
    assert not threads(again.paragraph(p.id))[-1][0].resolved
