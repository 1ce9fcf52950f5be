"""Every operation type of the core, found by introspection, is undone by its inverse and
redone by the inverse's inverse, compared on the serialised document.

A new operation class anywhere in the core fails ``test_every_operation_type_has_a_builder``
until a builder for it is added to ``BUILDERS`` below.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import pkgutil
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import minutes_app
from minutes_app.errors import ValidationError
from minutes_app.model import (
    AddComment, Batch, Comment, InsertParagraph, InsertSection, Lang, Minutes, MoveParagraph,
    MoveSection, Operation, Party, RemoveComment, RemoveParagraph, RemoveSection, Section,
    SetMeeting, SetSectionHeading, SetStatus, SetText, SetVoice, Side, Status, new_paragraph,
)
from minutes_app.model.annexes import DELEGATION, AlternatPair, Annex, SetAnnexes, SetPairs
from minutes_app.model.entities import ParagraphMark, Person, Settings
from minutes_app.model.languages import AddLanguage, RemoveLanguage, SetLanguageOrder
from minutes_app.model.ops import (
    DismissFinding, SetAuthorSides, SetBrackets, SetGlossary, SetMark, SetTrack,
)
from minutes_app.model.serialize import minutes_out
from minutes_app.model.spelling import SetSpellingIgnore
from minutes_app.model.structure import (
    SetHeadingTrack, SetMeetingText, SetOwnSide, SetParty, SetSettings,
)
from minutes_app.model.threads import SetCommentResolved
from minutes_app.model.annex_tracks import DropEmptyAnnexParagraphs, SetAnnexTrack
from minutes_app.model.brackets import Bracket, Option
from minutes_app.model.track import Author, plain
from minutes_app.workflows.templates import demo
from minutes_app.tracking.diff import retrack
from minutes_app.tracking.annexes import EditAnnexText
from minutes_app.tracking.brackets import new_bracket
from minutes_app.tracking.decide import MoveBack
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.ops import EditHeading, EditText
from minutes_app.workflows import Step
from minutes_app.workflows.edits import decide
from minutes_app.workflows.exchange import send_round

NOW = "2020-12-17T09:00:00Z"
FRONT_ENDS = ("minutes_app.ui", "minutes_app.cli", "minutes_app.__main__")
# words of both languages and the characters that make tokenising interesting
WORDS = st.lists(st.sampled_from(["양측은", "협력을", "확대하기로", "the", "Sides", "agreed",
                                  "2021년", "18 December", "(", ")", ",", "Стороны", " "]),
                 min_size=1, max_size=6).map(" ".join)

Draw = st.DataObject
Builder = Callable[[Minutes, Draw], Operation]


def operation_types() -> set[type]:
    """Every class of the core that has ``apply(self, m)``: the operations."""
    found: set[type] = set()
    for info in pkgutil.walk_packages(minutes_app.__path__, "minutes_app."):
        if info.name.startswith(FRONT_ENDS):
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            apply = cls.__dict__.get("apply")
            if (cls.__module__ == info.name and callable(apply)
                    and not getattr(cls, "_is_protocol", False)
                    and list(inspect.signature(apply).parameters) == ["self", "m"]):
                found.add(cls)
    return found


def state(m: Minutes) -> str:
    """The document as it is saved, which undo must restore exactly, but for the id counter:
    ids are never reused, so building an operation moves it and undo leaves it there."""
    out = minutes_out(m)
    out.pop("next_id")
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str)


# -- builders: each makes a valid operation of its type on the document it is given ---------
def _pid(m: Minutes, data: Draw) -> int:
    return data.draw(st.sampled_from([p.id for p in m.paragraphs()]))


def _lang(m: Minutes, data: Draw) -> Lang:
    return data.draw(st.sampled_from(list(m.languages)))


def _section(m: Minutes, data: Draw) -> Section:
    return data.draw(st.sampled_from(m.sections))


def _author(data: Draw) -> Author:
    return Author(data.draw(st.sampled_from(list(Side))), data.draw(st.integers(1, 4)), NOW)


def _untracked(m: Minutes, data: Draw) -> tuple[int, Lang]:
    places = [(p.id, lang) for p in m.paragraphs() for lang in m.languages
              if lang not in p.tracks]
    return data.draw(st.sampled_from(places))


def _set_text(m: Minutes, data: Draw) -> Operation:
    pid, lang = _untracked(m, data)
    return SetText(pid, lang, data.draw(WORDS))


def _set_track(m: Minutes, data: Draw) -> Operation:
    pid, lang = _pid(m, data), _lang(m, data)
    p = m.paragraph(pid)
    text = data.draw(WORDS)
    return SetTrack(pid, lang, text, retrack(p.tracks.get(lang) or plain(p.text(lang)), text,
                                             _author(data)))


def _heading_track(m: Minutes, data: Draw) -> Operation:
    s, lang = _section(m, data), _lang(m, data)
    text = data.draw(WORDS)
    old = s.tracks.get(lang) or plain(s.heading.get(lang, ""))
    return SetHeadingTrack(s.id, lang, text, retrack(old, text, _author(data)))


def _heading(m: Minutes, data: Draw) -> Operation:
    places = [(s.id, lang) for s in m.sections for lang in m.languages if lang not in s.tracks]
    sid, lang = data.draw(st.sampled_from(places))
    return SetSectionHeading(sid, lang, data.draw(WORDS))


def _status(m: Minutes, data: Draw) -> Operation:
    status = data.draw(st.sampled_from(list(Status)))
    side = data.draw(st.sampled_from(list(Side))) if status is Status.AGREED_AD_REF else None
    return SetStatus(_pid(m, data), status, side)


def _mark(m: Minutes, data: Draw) -> Operation:
    kind = data.draw(st.sampled_from(["insert", "delete", "move", None]))
    mark = ParagraphMark(kind, _author(data)) if kind else None
    return SetMark(_pid(m, data), mark)


def _add_comment(m: Minutes, data: Draw) -> Operation:
    pid = _pid(m, data)
    return AddComment(pid, _comment_on(m, pid, data))


def _comment_on(m: Minutes, pid: int, data: Draw) -> Comment:
    ids = [c.id for c in m.paragraph(pid).comments]
    parent = data.draw(st.sampled_from([None, *ids]))
    return Comment(m.allocate_id(), data.draw(st.sampled_from(list(Side))), data.draw(WORDS),
                   NOW, parent=parent)


def _on_a_comment(m: Minutes, data: Draw, make: Callable[[int, int], Operation]) -> Operation:
    """``make(pid, comment_id)`` on a comment of the document, after adding one (in the
    same batch) when the document has none."""
    held = [(p.id, c.id) for p in m.paragraphs() for c in p.comments]
    if held:
        return make(*data.draw(st.sampled_from(held)))
    pid = _pid(m, data)
    comment = _comment_on(m, pid, data)
    return Batch((AddComment(pid, comment), make(pid, comment.id)))


def _remove_comment(m: Minutes, data: Draw) -> Operation:
    return _on_a_comment(m, data, RemoveComment)


def _resolve(m: Minutes, data: Draw) -> Operation:
    resolved = data.draw(st.booleans())
    return _on_a_comment(m, data, lambda pid, cid: SetCommentResolved(pid, cid, resolved))


def _insert_paragraph(m: Minutes, data: Draw) -> Operation:
    s = _section(m, data)
    p = new_paragraph(m, {lang: data.draw(WORDS) for lang in m.languages})
    return InsertParagraph(s.id, data.draw(st.integers(0, len(s.paragraphs))), p)


def _move_paragraph(m: Minutes, data: Draw) -> Operation:
    s = _section(m, data)
    return MoveParagraph(_pid(m, data), s.id, data.draw(st.integers(0, len(s.paragraphs))))


def _move_back(m: Minutes, data: Draw) -> Operation:
    """A rejected move's way back, possibly to a place past the section's end."""
    s = _section(m, data)
    return MoveBack(_pid(m, data), s.id, data.draw(st.integers(0, len(s.paragraphs) + 3)))


def _insert_section(m: Minutes, data: Draw) -> Operation:
    heading = {lang: data.draw(WORDS) for lang in m.languages}
    return InsertSection(data.draw(st.integers(0, len(m.sections))),
                         Section(m.allocate_id(), heading))


def _move_section(m: Minutes, data: Draw) -> Operation:
    return MoveSection(_section(m, data).id, data.draw(st.integers(0, len(m.sections) - 1)))


def _meeting(m: Minutes, data: Draw) -> Operation:
    return SetMeeting(dataclasses.replace(m.meeting, ordinal=data.draw(st.integers(1, 30)),
                                          venue={Lang.EN: data.draw(WORDS)}))


def _meeting_text(m: Minutes, data: Draw) -> Operation:
    """One field of the meeting in one language (as Replace does in the title's body name)."""
    field = data.draw(st.sampled_from(["body", "body_alternat", "venue", "ordinal",
                                       "heads.RU.title", "heads.KR.name", "heads.KR.side"]))
    return SetMeetingText(field, _lang(m, data), data.draw(WORDS))  # "ordinal", "…side": refused


def _party(m: Minutes, data: Draw) -> Operation:
    side = data.draw(st.sampled_from(list(Side)))
    return SetParty(Party(side, {lang: data.draw(WORDS) for lang in m.languages}))


def _settings(m: Minutes, data: Draw) -> Operation:
    return SetSettings(Settings(us_date_order=data.draw(st.booleans()),
                                layout=data.draw(st.sampled_from(["consecutive",
                                                                  "side-by-side"])),
                                prevailing=data.draw(st.sampled_from(["", "en", "ko"]))))


def _annexes(m: Minutes, data: Draw) -> Operation:
    free = Annex(heading={Lang.EN: data.draw(WORDS)}, paragraphs=({Lang.EN: data.draw(WORDS)},))
    members = (Person(name={Lang.EN: data.draw(WORDS), Lang.KO: data.draw(WORDS)}),)
    listed = Annex(kind=DELEGATION, side=data.draw(st.sampled_from(list(Side))),
                   members=members)
    return SetAnnexes(tuple(data.draw(st.lists(st.sampled_from([free, listed]), max_size=1)))
                      + tuple(a for a in m.annexes if a.kind != DELEGATION)[:1])


def _pairs(m: Minutes, data: Draw) -> Operation:
    pair = AlternatPair(((Side.KR, {Lang.EN: "Korea-Russia"}),
                         (Side.RU, {Lang.EN: data.draw(st.sampled_from(["Russia-Korea",
                                                                         "Russia–Korea"]))})))
    return SetPairs(tuple(data.draw(st.lists(st.just(pair), max_size=2))))


def _add_language(m: Minutes, data: Draw) -> Operation:
    missing = [lang for lang in Lang if lang not in m.languages]
    position = data.draw(st.integers(-1, len(m.languages)))
    if not missing:  # every language is there: take one away first, in the same batch
        return Batch((RemoveLanguage(Lang.RU), AddLanguage(Lang.RU, position)))
    return AddLanguage(data.draw(st.sampled_from(missing)), position)


def _remove_language(m: Minutes, data: Draw) -> Operation:
    if len(m.languages) < 3:  # two languages are the least: add a third first
        third = next(lang for lang in Lang if lang not in m.languages)
        gone = data.draw(st.sampled_from([x for x in [*m.languages, third] if x != Lang.KO]))
        return Batch((AddLanguage(third), RemoveLanguage(gone)))
    return RemoveLanguage(data.draw(st.sampled_from([x for x in m.languages if x != Lang.KO])))


def _language_order(m: Minutes, data: Draw) -> Operation:
    return SetLanguageOrder(tuple(data.draw(st.permutations(list(m.languages)))))


def _batch(m: Minutes, data: Draw) -> Operation:
    simple: list[Builder] = [_set_text, _status, _mark, _add_comment, _glossary]
    return Batch(tuple(data.draw(st.sampled_from(simple))(m, data)
                       for _ in range(data.draw(st.integers(1, 3)))))


def _glossary(m: Minutes, data: Draw) -> Operation:
    entry = ((Lang.KO, "극동개발공사"), (Lang.EN, data.draw(WORDS)))
    return SetGlossary(tuple(data.draw(st.lists(st.just(entry), max_size=2))))


def _brackets(m: Minutes, data: Draw) -> Operation:
    """Drop a paragraph's brackets, or give it a new one over its first word."""
    places = [(p.id, lang, p.text(lang).split(" ")[0]) for p in m.paragraphs()
              for lang in m.languages if p.text(lang).split(" ")[0]]
    pid, lang, word = data.draw(st.sampled_from(places))
    if data.draw(st.booleans()) or _bracketed(m.paragraph(pid).brackets, lang, len(word)):
        return SetBrackets(pid, ())  # (a second bracket over the same word is refused)
    options = [Option({lang: word}, Side.KR), Option({lang: data.draw(WORDS).strip() or "x"},
                                                     Side.RU)]
    bracket = new_bracket(m, pid, {lang: (0, len(word))}, options, NOW)
    return SetBrackets(pid, (*m.paragraph(pid).brackets, bracket))


def _bracketed(brackets: tuple[Bracket, ...], lang: Lang, end: int) -> bool:
    """Whether an open bracket already covers some of the first ``end`` characters."""
    return any(b.is_open and (span := b.spans.get(lang)) is not None and span[0] < end
               for b in brackets)


def _free_annex(m: Minutes, data: Draw) -> tuple[int, int]:
    """A free annex (its index; -1 when there is none, which the operation refuses) and a
    part of it (0: the heading)."""
    free = [i for i, a in enumerate(m.annexes) if a.kind != DELEGATION]
    if not free:
        return -1, 0
    index = data.draw(st.sampled_from(free))
    return index, data.draw(st.integers(0, len(m.annexes[index].paragraphs)))


def _annex_track(m: Minutes, data: Draw) -> Operation:
    index, part = _free_annex(m, data)
    return SetAnnexTrack(index, part, _lang(m, data), data.draw(WORDS), None)


def _edit_annex(m: Minutes, data: Draw) -> Operation:
    index, part = _free_annex(m, data)
    return EditAnnexText(index, part, _lang(m, data), data.draw(WORDS), _author(data))


def _step(m: Minutes, data: Draw) -> Operation:
    """A workflow's step: a round sent, or every pending revision decided."""
    pending = bool(all_revisions(m))
    # a round can be sent when nothing is pending, or when an earlier round was sent
    if not pending or (m.rounds and data.draw(st.booleans())):
        return send_round(m, data.draw(st.sampled_from(list(Side))), "", NOW)
    return decide(m, data.draw(st.booleans()), everything=True)


BUILDERS: dict[type, Builder] = {
    SetText: _set_text,
    SetTrack: _set_track,
    SetBrackets: _brackets,
    SetAnnexTrack: _annex_track,
    EditAnnexText: _edit_annex,
    DropEmptyAnnexParagraphs: lambda m, data: DropEmptyAnnexParagraphs(tuple(data.draw(
        st.lists(st.integers(0, max(len(m.annexes) - 1, 0)), unique=True)))),
    Step: _step,
    SetMark: _mark,
    SetStatus: _status,
    SetGlossary: _glossary,
    SetAuthorSides: lambda m, data: SetAuthorSides(tuple(
        (name, data.draw(st.sampled_from(list(Side))))
        for name in data.draw(st.lists(st.sampled_from(["Ivan Petrov", "Kim Minji"]),
                                       unique=True)))),
    DismissFinding: lambda m, data: DismissFinding(
        data.draw(st.sampled_from(["quantity:6:2", "date:9:2021"])),
        data.draw(st.sampled_from(["", "checked with the capital"]))),
    SetVoice: lambda m, data: SetVoice(_pid(m, data),
                                       data.draw(st.sampled_from([None, *Side]))),
    AddComment: _add_comment,
    RemoveComment: _remove_comment,
    SetCommentResolved: _resolve,
    Batch: _batch,
    InsertParagraph: _insert_paragraph,
    RemoveParagraph: lambda m, data: RemoveParagraph(_pid(m, data)),
    MoveParagraph: _move_paragraph,
    MoveBack: _move_back,
    InsertSection: _insert_section,
    RemoveSection: lambda m, data: RemoveSection(_section(m, data).id),
    MoveSection: _move_section,
    SetSectionHeading: _heading,
    SetHeadingTrack: _heading_track,
    SetMeeting: _meeting,
    SetMeetingText: _meeting_text,
    SetParty: _party,
    SetSettings: _settings,
    SetOwnSide: lambda m, data: SetOwnSide(data.draw(st.sampled_from(list(Side)))),
    SetAnnexes: _annexes,
    SetPairs: _pairs,
    AddLanguage: _add_language,
    RemoveLanguage: _remove_language,
    SetLanguageOrder: _language_order,
    SetSpellingIgnore: lambda m, data: SetSpellingIgnore(tuple(
        data.draw(st.lists(st.sampled_from(["Primorye", "Rosatom", "eojeol"]))))),
    EditText: lambda m, data: EditText(_pid(m, data), _lang(m, data), data.draw(WORDS),
                                       _author(data)),
    EditHeading: lambda m, data: EditHeading(_section(m, data).id, _lang(m, data),
                                             data.draw(WORDS), _author(data)),
}


def _documents() -> Iterator[Minutes]:
    """The demo in its states: before any round (untracked), in the third round, and a copy
    that has not named the Russian Party yet (setting it is then undone by dropping it)."""
    yield demo(history=False)
    yield demo()
    unnamed = demo()
    del unnamed.parties[Side.RU]
    yield unnamed


def _holds(op: Operation, kind: type) -> bool:
    """True when ``op`` is of ``kind`` or a batch holding one."""
    return isinstance(op, kind) or (isinstance(op, Batch) and any(_holds(o, kind)
                                                                   for o in op.ops))


def _apply_undo_redo(m: Minutes, op: Operation) -> set[type]:
    """Apply, undo, redo, checking the document at each step; the inverses' types."""
    before = state(m)
    try:
        inverse, _ = op.apply(m)
    except ValidationError:
        assert state(m) == before, f"{type(op).__name__} refused but changed the document"
        return set()
    after = state(m)
    redo, _ = inverse.apply(m)
    assert state(m) == before, f"undoing {type(op).__name__} by {type(inverse).__name__}"
    again, _ = redo.apply(m)
    assert state(m) == after, f"redoing {type(op).__name__} by {type(redo).__name__}"
    return {type(inverse), type(redo), type(again)}


# -- the tests ------------------------------------------------------------------------------
def test_every_operation_type_has_a_builder() -> None:
    found = operation_types()
    public = {t for t in found if not t.__name__.startswith("_")}
    missing = sorted(t.__qualname__ for t in public - set(BUILDERS))
    assert not missing, f"operation types without a builder in this test: {missing}"
    assert set(BUILDERS) <= found, sorted(t.__name__ for t in set(BUILDERS) - found)


def test_the_private_operations_are_reached_as_inverses() -> None:
    """``_RestoreStatus``, ``_DropParty``, ...: they exist only as what undo applies."""
    private = {t for t in operation_types() if t.__name__.startswith("_")}
    seen: set[type] = set()

    @settings(max_examples=40, deadline=None, database=None)
    @given(data=st.data())
    def walk(data: st.DataObject) -> None:
        for m in _documents():
            for build in BUILDERS.values():
                seen.update(_apply_undo_redo(m, build(m, data)))

    walk()
    assert private <= seen, sorted(t.__name__ for t in private - seen)


@pytest.mark.parametrize("kind", list(BUILDERS), ids=lambda t: t.__name__)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_each_operation_type_is_undone_and_redone(kind: type, data: st.DataObject) -> None:
    for m in _documents():
        op = BUILDERS[kind](m, data)
        assert _holds(op, kind)
        _apply_undo_redo(m, op)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), start=st.integers(0, 2))
def test_any_sequence_of_operations_of_every_type_undoes_and_redoes(
        data: st.DataObject, start: int) -> None:
    m = list(_documents())[start]
    kinds = data.draw(st.lists(st.sampled_from(list(BUILDERS)), min_size=1, max_size=12))
    states, undo = [state(m)], []
    for kind in kinds:
        op = BUILDERS[kind](m, data)
        assert state(m) == states[-1], f"building {kind.__name__} changed the document"
        try:
            inverse, _ = op.apply(m)
        except ValidationError:
            assert state(m) == states[-1], f"{kind.__name__} refused but changed the document"
            continue
        undo.append(inverse)
        states.append(state(m))
    end = states[-1]
    redo = []
    for inverse in reversed(undo):
        states.pop()
        back, _ = inverse.apply(m)
        redo.append(back)
        assert state(m) == states[-1], f"undoing by {type(inverse).__name__}"
    for back in reversed(redo):
        back.apply(m)
    assert state(m) == end
