"""Section headings are negotiated text: revisions by Side and round, blame, decisions, rounds,
merge and the .minutes file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from minutes_app.errors import ValidationError
from minutes_app.model import Lang, Minutes, SetSectionHeading, Side
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.model.track import DELETE, INSERT, Author
from minutes_app.store import MinutesFile
from minutes_app.store import schema as schema_module
from minutes_app.workflows.templates import demo
from minutes_app.tracking.decide import by_ids, decision, select
from minutes_app.tracking.merge import merge
from minutes_app.tracking.ops import EditHeading, edit_heading
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.rounds import snapshot

T1, T2, T3 = "2020-12-10T09:00:00Z", "2020-12-14T09:00:00Z", "2020-12-15T09:00:00Z"
# headings as the two Sides proposed them: (section's English heading, language, new text)
CASES = [
    ("General Review of Bilateral Cooperation", Lang.KO, "양국 협력 전반 및 공동투자"),
    ("General Review of Bilateral Cooperation", Lang.EN,
     "General Review of Bilateral Cooperation and Joint Investment"),
    ("Health and Medical Care", Lang.EN, "Health, Medical Care and Pharmaceuticals"),
    ("Health and Medical Care", Lang.KO, "보건·의료·제약"),
    ("Arctic Affairs", Lang.EN, "Arctic"),
    ("Next Meeting", Lang.KO, "제15차 회의"),
]


def _sent() -> Minutes:
    m = demo(history=False)
    m.rounds.append(snapshot(m, Side.KR, T1, "Draft"))
    return m


def _section(m: Minutes, english: str) -> int:
    return next(s.id for s in m.sections if s.heading.get(Lang.EN) == english)


@pytest.mark.parametrize(("english", "lang", "new"), CASES)
def test_a_heading_edit_after_a_round_is_a_revision_accepted_or_rejected(
        english: str, lang: Lang, new: str) -> None:
    m = _sent()
    sid = _section(m, english)
    old = m.section(sid).heading[lang]
    inverse, change = edit_heading(m, sid, lang, new, T2).apply(m)
    assert change.sections == {sid}
    revs = all_revisions(m)
    assert revs and all(r.heading and r.paragraph_id == sid and r.lang is lang
                        and (r.side, r.round) == (Side.KR, 2) for r in revs)
    assert all(r.to_json()["scope"] == "heading" for r in revs)
    for accept, expected in ((True, new), (False, old)):
        copy = minutes_in(minutes_out(m))
        decision(copy, select(copy, lambda r: True), accept).apply(copy)
        assert copy.section(sid).heading[lang] == expected and not copy.section(sid).tracks
    inverse.apply(m)  # undo
    assert m.section(sid).heading[lang] == old and not all_revisions(m)


def test_before_any_round_a_heading_edit_is_plain_and_with_revisions_it_must_be_tracked(
        ) -> None:
    m = demo(history=False)
    sid = _section(m, "Innovation")
    assert isinstance(edit_heading(m, sid, Lang.EN, "Innovations", T1), SetSectionHeading)
    m.rounds.append(snapshot(m, Side.KR, T1))
    EditHeading(sid, Lang.EN, "Innovation and Start-ups", Author(Side.RU, 2, T2)).apply(m)
    with pytest.raises(ValidationError, match="pending revisions"):
        SetSectionHeading(sid, Lang.EN, "Something else").apply(m)


def test_blame_a_korean_deletion_inside_a_russian_insertion_of_a_heading() -> None:
    m = _sent()
    sid = _section(m, "Arctic Affairs")
    EditHeading(sid, Lang.EN, "Arctic Affairs and the Northern Sea Route",
                Author(Side.RU, 2, T2)).apply(m)
    m.rounds.append(snapshot(m, Side.RU, T2))
    EditHeading(sid, Lang.EN, "Arctic Affairs and the Sea Route",
                Author(Side.KR, 3, T3)).apply(m)
    track = m.section(sid).tracks[Lang.EN]
    deleted = [s for s in track if s.kind == DELETE]
    assert [(s.text.strip(), s.author.side, s.origin.side) for s in deleted if s.author and s.origin
            ] == [("Northern", Side.KR, Side.RU)]
    assert any(s.kind == INSERT and s.author and s.author.side is Side.RU for s in track)
    inside = [r for r in all_revisions(m) if r.inside is Side.RU]
    assert [r.side for r in inside] == [Side.KR]
    decision(m, by_ids(m, [inside[0].id]), accept=False).apply(m)  # the words come back
    assert m.section(sid).heading[Lang.EN] == "Arctic Affairs and the Northern Sea Route"


def test_a_round_snapshot_holds_the_headings_by_section_id() -> None:
    m = _sent()
    r = m.rounds[-1]
    for s in m.sections:
        assert r.texts[s.id] == s.heading
    assert not {s.id for s in m.sections} & {p.id for p in m.paragraphs()}


def test_their_heading_edits_merge_as_their_revisions() -> None:
    ours = _sent()
    theirs = minutes_in(minutes_out(ours))
    theirs.own_side = Side.RU
    sid = _section(ours, "Health and Medical Care")
    edit_heading(theirs, sid, Lang.EN, "Health, Medical Care and Pharmaceuticals", T2).apply(
        theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, T2, "Comments"))
    op, report = merge(ours, theirs, T3)
    op.apply(ours)
    assert report.headings == [sid]
    revs = [r for r in all_revisions(ours) if r.heading]
    assert revs and {(r.side, r.round) for r in revs} == {(Side.RU, 2)}
    assert ours.section(sid).heading[Lang.EN] == "Health, Medical Care and Pharmaceuticals"


def test_heading_revisions_are_saved_and_loaded(tmp_path: Path) -> None:
    m = _sent()
    sid = _section(m, "Innovation")
    path = tmp_path / "h.minutes"
    f = MinutesFile.create(path, m)
    _inverse, change = edit_heading(m, sid, Lang.KO, "혁신 및 창업", T2).apply(m)
    f.write(m, change)
    f.close()
    f2, loaded = MinutesFile.open(path)
    f2.close()
    assert loaded.section(sid).tracks == m.section(sid).tracks
    assert minutes_out(loaded) == minutes_out(m)


def test_a_version_2_file_gains_heading_tracks(tmp_path: Path) -> None:
    m = _sent()
    path = tmp_path / "v2.minutes"
    MinutesFile.create(path, m).close()
    conn = sqlite3.connect(path)  # take it back to version 2: no tracks, no checksums
    from tests.helpers.old_files import before_v4

    before_v4(conn)
    conn.execute("ALTER TABLE section DROP COLUMN tracks")
    for table in ("meta", "section", "paragraph", "round"):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN checksum")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    f, loaded = MinutesFile.open(path)
    version = f._conn.execute("PRAGMA user_version").fetchone()[0]
    f.close()
    assert version == schema_module.SCHEMA_VERSION == 4
    assert minutes_out(loaded) == minutes_out(m)


def test_the_command_line_lists_and_decides_heading_revisions(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    m = _sent()
    sid = _section(m, "Next Meeting")
    edit_heading(m, sid, Lang.EN, "Next Meeting and Follow-up", T2).apply(m)
    path = tmp_path / "h.minutes"
    MinutesFile.create(path, m).close()
    run = [sys.executable, "-m", "minutes_app"]
    listed = subprocess.run([*run, "revisions", str(path), "--json"], cwd=root,
                            capture_output=True, text=True, check=True)
    [heading] = [r for r in json.loads(listed.stdout) if r["scope"] == "heading"]
    assert (heading["paragraph_id"], heading["kind"], heading["side"]) == (sid, "insert", "KR")
    plain = subprocess.run([*run, "revisions", str(path)], cwd=root, capture_output=True,
                           text=True, check=True)
    assert f"§{sid}" in plain.stdout
    subprocess.run([*run, "reject", str(path), heading["id"]], cwd=root, check=True,
                   capture_output=True)
    f, loaded = MinutesFile.open(path)
    f.close()
    assert loaded.section(sid).heading[Lang.EN] == "Next Meeting" and not loaded.section(
        sid).tracks


def test_a_pending_heading_revision_stands_between_the_text_and_signature() -> None:
    from minutes_app.checks.readiness import reasons

    m = demo(agreed=True)
    m.rounds.append(snapshot(m, Side.KR, T1))
    assert not reasons(m)
    sid = _section(m, "Innovation")
    edit_heading(m, sid, Lang.KO, "혁신 협력", T2).apply(m)
    [reason] = reasons(m)
    assert reason.code == "pending" and "heading" in reason.message


def test_removing_a_language_takes_its_heading_revisions_and_undo_brings_them_back() -> None:
    from minutes_app.model.languages import AddLanguage, RemoveLanguage, language_holds_text

    m = _sent()
    AddLanguage(Lang.RU).apply(m)
    sid = _section(m, "Innovation")
    edit_heading(m, sid, Lang.RU, "Инновации", T2).apply(m)
    before = minutes_out(m)
    inverse, _change = RemoveLanguage(Lang.RU).apply(m)
    assert Lang.RU not in m.section(sid).tracks and not any(r.lang is Lang.RU
                                                            for r in all_revisions(m))
    inverse.apply(m)
    assert minutes_out(m) == before and language_holds_text(m, Lang.RU)
