"""Brackets as objects anchored to the words: spans through edits, choosing, undo, store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.model import Lang, Minutes, SetStatus, SetText, Side, Status
from minutes_app.model.brackets import (
    BracketOption, has_open_brackets, open_brackets, shift, status_of,
)
from minutes_app.model.serialize import minutes_out
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from minutes_app.tracking.brackets import bracket_op, choose_option
from minutes_app.tracking.rounds import snapshot

NOW = "2020-12-16T10:00:00Z"
TEXT = "The two Sides agreed to hold the session in early 2021 in Seoul."
WORDS = "early 2021"


def _bracketed() -> tuple[Minutes, int]:
    """An untracked document whose paragraph holds one bracket on "early 2021"."""
    m = demo(history=False)
    pid = m.paragraphs()[4].id
    SetText(pid, Lang.EN, TEXT).apply(m)
    start = TEXT.index(WORDS)
    bracket_op(m, pid, Lang.EN, start, start + len(WORDS),
               [BracketOption(WORDS, Side.KR), BracketOption("the first half of 2021", Side.RU)],
               NOW).apply(m)
    return m, pid


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(TEXT)), st.integers(0, 12), st.text("ab 2[]", max_size=6))
def test_a_span_follows_its_words_through_any_edit(at: int, length: int, typed: str) -> None:
    m, pid = _bracketed()
    p = m.paragraph(pid)
    before = p.brackets
    s, e = before[0].spans[Lang.EN]
    a, b = at, min(len(TEXT), at + length)
    new = TEXT[:a] + typed + TEXT[b:]
    inverse, _ = SetText(pid, Lang.EN, new).apply(m)
    if a <= s and b >= e and a < b:  # every word of the span replaced: the bracket drops
        assert not p.brackets or p.brackets[0].spans.get(Lang.EN) is None or \
            new[slice(*p.brackets[0].spans[Lang.EN])] != WORDS or typed.find(WORDS) >= 0
    elif b <= s or a >= e:  # outside: the same words, shifted
        [after] = p.brackets
        assert new[slice(*after.spans[Lang.EN])] == WORDS
    else:  # inside or across an edge: the span stays within the text, on surviving words
        if p.brackets:
            span = p.brackets[0].spans[Lang.EN]
            assert 0 <= span[0] < span[1] <= len(new)
            assert p.brackets[0].options[0].texts[Lang.EN] == new[slice(*span)]
    inverse.apply(m)  # undo restores the text and the brackets exactly
    assert p.text(Lang.EN) == TEXT and p.brackets == before


def test_words_deleted_entirely_drop_the_bracket() -> None:
    m, pid = _bracketed()
    SetText(pid, Lang.EN, TEXT.replace(WORDS + " ", "")).apply(m)
    p = m.paragraph(pid)
    assert p.brackets == () and status_of(p) is not Status.BRACKETED


def test_a_deleted_word_leaves_no_letter_it_shares_with_the_next_one() -> None:
    # "qc " deleted from "qc qa qb" is also "c q" after a common "q": the span must not keep it
    m = demo(history=False)
    p = m.paragraphs()[0]
    SetText(p.id, Lang.EN, "qc qa qb").apply(m)
    bracket_op(m, p.id, Lang.EN, 0, 2, [BracketOption("qc", None), BracketOption("qd", Side.RU)],
               "2020-12-10T09:00:00Z").apply(m)
    SetText(p.id, Lang.EN, "qa qb").apply(m)
    assert m.paragraph(p.id).brackets == ()


def test_edits_before_inside_and_after_move_the_span() -> None:
    m, pid = _bracketed()
    p = m.paragraph(pid)
    SetText(pid, Lang.EN, "Indeed, " + TEXT).apply(m)
    assert p.text(Lang.EN)[slice(*p.brackets[0].spans[Lang.EN])] == WORDS
    SetText(pid, Lang.EN, p.text(Lang.EN).replace("early 2021", "early May 2021")).apply(m)
    assert p.text(Lang.EN)[slice(*p.brackets[0].spans[Lang.EN])] == "early May 2021"
    assert p.brackets[0].options[0].texts[Lang.EN] == "early May 2021"
    SetText(pid, Lang.EN, p.text(Lang.EN) + " More.").apply(m)
    assert p.text(Lang.EN)[slice(*p.brackets[0].spans[Lang.EN])] == "early May 2021"


def test_square_brackets_typed_as_text_stay_text() -> None:
    m = demo(history=False)
    p = next(p for p in m.paragraphs() if not p.brackets)
    SetStatus(p.id, Status.AGREED).apply(m)
    SetText(p.id, Lang.EN, p.text(Lang.EN) + " Article 3 [2]").apply(m)
    assert not has_open_brackets(p) and status_of(p) is Status.AGREED
    assert open_brackets(p, Lang.EN) == []
    from minutes_app.checks.readiness import reasons  # no reason comes from the citation
    assert all(r.paragraph_id != p.id or r.code != "bracket" for r in reasons(m))


def test_choosing_replaces_exactly_the_span_and_undo_restores() -> None:
    m, pid = _bracketed()
    p = m.paragraph(pid)
    before = (p.text(Lang.EN), p.brackets, p.status)
    [b] = p.brackets
    inverse, _ = choose_option(m, pid, b.id, 1, "2020-12-18T07:00:00Z").apply(m)
    assert p.text(Lang.EN) == TEXT.replace(WORDS, "the first half of 2021")
    [closed] = p.brackets
    assert (closed.chosen, closed.closed_at) == (1, "2020-12-18T07:00:00Z")
    assert p.text(Lang.EN)[slice(*closed.spans[Lang.EN])] == "the first half of 2021"
    assert status_of(p) is Status.PROPOSED
    inverse.apply(m)
    assert (p.text(Lang.EN), p.brackets, p.status) == before


def test_choosing_in_a_tracked_document_is_already_agreed() -> None:
    from minutes_app.tracking.revisions import all_revisions

    m, pid = _bracketed()
    m.rounds.append(snapshot(m, Side.KR, "2020-12-10T09:00:00Z"))
    revisions = len(all_revisions(m))
    [b] = m.paragraph(pid).brackets
    choose_option(m, pid, b.id, 1, NOW).apply(m)
    assert "the first half of 2021" in m.paragraph(pid).text(Lang.EN)
    assert len(all_revisions(m)) == revisions  # a joint decision: nothing pending


def test_the_bracket_command_and_its_undo() -> None:
    m = demo(history=False)
    p = m.paragraphs()[4]
    text, status = p.text(Lang.EN), p.status
    op = bracket_op(m, p.id, Lang.EN, 0, 3, [BracketOption(text[:3], Side.KR),
                                             BracketOption("That", Side.RU)], NOW)
    inverse, _ = op.apply(m)
    assert p.text(Lang.EN) == text and status_of(p) is Status.BRACKETED
    [b] = open_brackets(p, Lang.EN)
    assert [(o.text, o.side) for o in b.options] == [(text[:3], Side.KR), ("That", Side.RU)]
    inverse.apply(m)
    assert p.brackets == () and p.status is status


def test_shift_with_no_bracket_in_the_language_changes_nothing() -> None:
    m, pid = _bracketed()
    brackets = m.paragraph(pid).brackets
    assert shift(brackets, Lang.KO, "a", "b") is brackets


def test_brackets_round_trip_through_the_file(tmp_path: Path) -> None:
    m, pid = _bracketed()
    [b] = m.paragraph(pid).brackets
    choose_option(m, pid, b.id, 0, NOW).apply(m)
    _bracketed_again(m, pid)
    path = tmp_path / "b.minutes"
    MinutesFile.create(path, m).close()
    f, loaded = MinutesFile.open(path)
    f.close()
    assert loaded.paragraph(pid).brackets == m.paragraph(pid).brackets
    assert minutes_out(loaded) == minutes_out(m)


def _bracketed_again(m: Minutes, pid: int) -> None:
    text = m.paragraph(pid).text(Lang.EN)
    start = text.index("Seoul")
    bracket_op(m, pid, Lang.EN, start, start + 5, [BracketOption("Seoul", Side.KR),
                                                   BracketOption("Moscow", Side.RU)],
               NOW).apply(m)


def test_a_version_3_file_with_text_brackets_is_migrated(tmp_path: Path) -> None:
    """Old files kept ``[a / b]`` in the text and the proposers per option: objects now."""
    from minutes_app.store import schema as schema_module

    m = demo(history=False)
    ps = m.paragraphs()
    path = tmp_path / "old.minutes"
    MinutesFile.create(path, m).close()
    conn = sqlite3.connect(path)
    old = {"en": "Meet [in 2021 / in the first half of 2021] as in Article 3 [2]."}
    conn.execute("UPDATE paragraph SET texts = ?, brackets = ? WHERE id = ?",
                 (json.dumps(old), json.dumps({"in 2021": "RU",
                                               "in the first half of 2021": "KR"}), ps[2].id))
    conn.execute("UPDATE paragraph SET texts = ? WHERE id = ?",
                 (json.dumps({"en": "Only text [2] here."}), ps[3].id))
    from minutes_app.store.checksum import fill_checksums
    from tests.helpers.old_files import before_v4
    fill_checksums(conn)
    before_v4(conn)
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    f, loaded = MinutesFile.open(path)
    version = f._conn.execute("PRAGMA user_version").fetchone()[0]
    f.close()
    assert version == schema_module.SCHEMA_VERSION == 4
    p = loaded.paragraph(ps[2].id)
    assert p.text(Lang.EN) == "Meet in 2021 as in Article 3 [2]."
    [b] = open_brackets(p, Lang.EN)
    assert p.text(Lang.EN)[b.start:b.end] == "in 2021"
    assert [(o.text, o.side) for o in b.options] == [
        ("in 2021", Side.RU), ("in the first half of 2021", Side.KR)]
    assert status_of(p) is Status.BRACKETED
    q = loaded.paragraph(ps[3].id)
    assert q.text(Lang.EN) == "Only text [2] here." and not q.brackets
    assert b.id >= max(x.id for x in loaded.paragraphs()) and loaded.next_id > b.id


def test_merge_makes_a_bracket_object_on_our_words() -> None:
    from minutes_app.tracking.merge import merge
    from tests.test_merge import T2, T3, _number, _replace, exchanged

    ours, theirs = exchanged()
    _replace(theirs, 12, Lang.EN, "in early 2021", "in the first half of 2021", T2)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2))
    _replace(ours, 12, Lang.EN, "in early 2021", "in the spring of 2021", T3)
    op, _report = merge(ours, theirs, T3)
    op.apply(ours)
    p = ours.paragraph(_number(ours, 12))
    [b] = open_brackets(p, Lang.EN)
    assert "[" not in p.text(Lang.EN)
    assert p.text(Lang.EN)[b.start:b.end] == b.options[0].text
    assert "spring" in b.options[0].text and b.options[0].side is Side.KR
    assert "first half" in b.options[1].text and b.options[1].side is Side.RU


@pytest.mark.parametrize("layout", ["side-by-side", "consecutive"])
def test_a_bracket_travels_through_the_working_copy(tmp_path: Path, layout: str) -> None:
    """Exported with a bookmark on its words; the import puts the span where the file has it."""
    import re
    import zipfile

    from minutes_app.docx_io.importer import plan_import
    from minutes_app.docx_io.working import write_working
    from tests.exports.schema import assert_valid_docx

    m, pid = _bracketed()
    m.rounds.append(snapshot(m, Side.KR, "2020-12-10T09:00:00Z"))
    [b] = m.paragraph(pid).brackets
    exported = tmp_path / "working.docx"
    write_working(m, exported, layout=layout)
    assert_valid_docx(exported)
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    body = parts["word/document.xml"].decode()
    name = f"_mb_{b.id}_en"
    marked = re.search(f'w:name="{name}"/>(.*?)<w:bookmarkEnd', body)
    assert marked is not None and WORDS in marked.group(1)
    # the other Side adds words before the bracket, untracked
    body = body.replace(">The two Sides agreed", ">Finally, the two Sides agreed", 1)
    returned = tmp_path / "returned.docx"
    with zipfile.ZipFile(returned, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, body.encode() if n == "word/document.xml" else data)
    p = m.paragraph(pid)
    p.brackets = (type(b)(b.id, {Lang.EN: (0, 3)}, b.options),)  # lost its place here
    op, _report = plan_import(m, returned, Side.RU, NOW)
    op.apply(m)
    assert p.text(Lang.EN).startswith("Finally, the two Sides")
    [back] = open_brackets(p, Lang.EN)
    assert back.id == b.id and p.text(Lang.EN)[back.start:back.end] == WORDS


def test_a_marked_bracket_unknown_here_comes_in_as_a_bracket(tmp_path: Path) -> None:
    """A working copy from another copy of the minutes: its marked bracket becomes ours."""
    from minutes_app.docx_io.importer import plan_import
    from minutes_app.docx_io.working import write_working
    from tests.exports.schema import assert_valid_docx

    m, pid = _bracketed()
    m.rounds.append(snapshot(m, Side.KR, "2020-12-10T09:00:00Z"))
    exported = tmp_path / "working.docx"
    write_working(m, exported)
    assert_valid_docx(exported)
    m.paragraph(pid).brackets = ()  # this copy never had it
    op, _report = plan_import(m, exported, Side.RU, NOW)
    inverse, _ = op.apply(m)
    p = m.paragraph(pid)
    [b] = open_brackets(p, Lang.EN)
    assert p.text(Lang.EN)[b.start:b.end] == WORDS
    assert [(o.text, o.side) for o in b.options] == [
        (WORDS, Side.KR), ("the first half of 2021", Side.RU)]
    assert status_of(p) is Status.BRACKETED
    inverse.apply(m)
    assert not p.brackets


def test_merge_brings_a_bracket_they_made_in_their_copy() -> None:
    from minutes_app.tracking.merge import merge
    from tests.test_merge import T2, T3, _number, exchanged

    ours, theirs = exchanged()
    tp = theirs.paragraph(_number(theirs, 12))
    text = tp.text(Lang.EN)
    start = text.index("early 2021")
    bracket_op(theirs, tp.id, Lang.EN, start, start + 10,
               [BracketOption("early 2021", Side.RU), BracketOption("May 2021", Side.KR)],
               T2).apply(theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2))
    op, _report = merge(ours, theirs, T3)
    op.apply(ours)
    p = ours.paragraph(tp.id)
    [b] = open_brackets(p, Lang.EN)
    assert p.text(Lang.EN)[b.start:b.end] == "early 2021"
    assert [(o.text, o.side) for o in b.options] == [("early 2021", Side.RU),
                                                      ("May 2021", Side.KR)]
    op2, _ = merge(ours, theirs, T3)  # the same copy again brings no second bracket
    op2.apply(ours)
    assert len(open_brackets(p, Lang.EN)) == 1


def test_a_large_rewrite_keeps_a_bracket_whose_words_remain() -> None:
    m, pid = _bracketed()
    p = m.paragraph(pid)
    rewritten = "A long new opening. " * 25 + TEXT.replace("Seoul", "Busan") + " Closing." * 20
    SetText(pid, Lang.EN, rewritten).apply(m)
    [b] = open_brackets(p, Lang.EN)
    assert rewritten[b.start:b.end] == WORDS
