"""Exchanging the text with the other delegation: send a round, import a returned DOCX, merge."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from minutes_app.errors import N_, Message, MinutesError
from minutes_app.i18n.messages import SIDE_NAMES
from minutes_app.model import Batch, Minutes, Operation, SetAuthorSides, Side
from minutes_app.tracking.time import now_iso
from minutes_app.workflows.step import History, Report, Step


def side_name(side: Side) -> Message:
    """A Side as sentences name it (said by the front end)."""
    return Message(SIDE_NAMES[side.value])


def send_round(m: Minutes, side: Side | None = None, note: str = "", now: str | None = None
               ) -> Step:
    """Close the current text as the next round, sent by ``side`` (default: our own)."""
    from minutes_app.tracking.rounds import snapshot

    r = snapshot(m, side or m.own_side, now or now_iso(), note)
    said = Message(N_("Round {number} sent by the {side}."),
                   {"number": r.number, "side": side_name(r.side)})
    return Step(Message(N_("Send round {number}"), {"number": r.number}), None,
                Report("send", {"number": r.number, "side": r.side.value, "time": r.time},
                       (said,)), rounds=(r,))


def parse_authors(pairs: Sequence[str]) -> dict[str, Side]:
    """``NAME=KR`` pairs as a mapping of DOCX authors to Sides."""
    mapping: dict[str, Side] = {}
    for pair in pairs:
        name, _eq, side = pair.rpartition("=")
        if not name or side.upper() not in {s.value for s in Side}:
            raise MinutesError("Write --author as NAME=KR or NAME=RU, not {pair!r}.", pair=pair)
        mapping[name] = Side(side.upper())
    return mapping


CHANGE_TAGS = ("ins", "del", "moveFrom", "moveTo")  # the elements of tracked changes


def unknown_authors(m: Minutes, path: Path) -> list[str]:
    """The authors of the returned file's tracked changes not recognisable as a Side.

    Only the change elements are looked at (parsed as safely as the import reads the file),
    so asking costs a fraction of the import itself.
    """
    from minutes_app.docx_io.reader import W
    from minutes_app.docx_io.safety import DocxArchive
    from minutes_app.docx_io.working import author_name

    known = {author_name(m, s) for s in Side} | set(m.author_sides)
    for party in m.parties.values():
        known.update(n for n in party.side_name.values() if n)
    archive = DocxArchive(path)
    try:
        root = archive.xml("word/document.xml")
        found = set() if root is None else {
            e.get(f"{W}author") or "" for e in root.iter(*(f"{W}{t}" for t in CHANGE_TAGS))}
    finally:
        archive.close()
    return sorted(a for a in found if a and a not in known)


def imported_digests(history: Sequence[History]) -> set[str]:
    """The returned files already imported, from the document's history."""
    from minutes_app.docx_io.import_history import imported_digests as digests

    return digests(list(history))


def import_returned(m: Minutes, path: Path, history: Sequence[History] = (),
                    from_side: Side | None = None, authors: Mapping[str, Side] | None = None,
                    accept_uncertain: bool = False, accept_unplaced: bool = False,
                    now: str | None = None) -> Step:
    """Their returned working copy as their round (and ours, if it went out with our edits).

    ``authors`` maps DOCX authors to Sides (remembered in the document for the next file).
    Raises ``UnplacedChangesError`` unless ``accept_unplaced`` when the file changed things
    outside the paragraphs and headings.
    """
    from minutes_app.docx_io.import_history import history_entry
    from minutes_app.docx_io.importer import plan_import

    now = now or now_iso()
    mapping: Operation | None = None
    if authors:
        mapping = SetAuthorSides(tuple({**m.author_sides, **authors}.items()))
    undo_mapping = mapping.apply(m)[0] if mapping is not None else None
    next_id = m.next_id  # planning draws ids; applying the step notes them again
    try:
        op, report = plan_import(m, path, from_side or m.own_side.other, now,
                                 imported_digests(history), accept_uncertain, accept_unplaced,
                                 history)
    finally:
        m.next_id = next_id  # a refused or declined import leaves the counter as it was
        if undo_mapping is not None:
            undo_mapping.apply(m)
    assert report.round is not None
    rounds = tuple(r for r in (report.own_round, report.round) if r is not None)
    edit = Batch((mapping, op)) if mapping is not None else op
    from minutes_app.docx_io.annex_import import annex_note

    from minutes_app.docx_io.import_base import base_notes

    from minutes_app.docx_io.import_moves import move_notes

    note = annex_note(report)
    messages = [report.summary(), *([note] if note is not None else [])]
    messages += [*move_notes(m, report), *report.uncertain]  # the rows taken as alike
    messages += base_notes(report.kept, [m.number(pid) or 0 for pid in report.conflicts],
                           report.text_conflicts)
    from minutes_app.docx_io.import_accepted import accepted_note

    messages += accepted_note(report.accepted_in_word, from_side or m.own_side.other,
                              report.own_round.number if report.own_round else m.working_round)
    messages += [Message(N_("Accepted, not placed: {change}"), {"change": u.describe()})
                 for u in report.unplaced]
    messages += [n.describe() for n in report.notes]  # formatting that marks words
    params = {"file": path.name, "number": report.round.number, "by_side": report.by_side,
              "uncertain": len(report.uncertain), "uncertain_rows": list(report.uncertain),
              "unplaced": len(report.unplaced), "conflicts": len(report.conflicts),
              "kept": report.kept, "accepted_in_word": report.accepted_in_word,
              "authors": report.authors}
    return Step(Message(N_("Import round {number}"), {"number": report.round.number}), edit,
                Report("import", params, tuple(messages)), rounds,
                ((now, "import", history_entry(path, report)),))


def uncertain_rows(step: Step) -> int:
    """How many rows that lost their paragraph id an import took as paragraphs they look
    like (only when told to: otherwise it is refused)."""
    return int(step.report.params.get("uncertain", 0))


def merge_copy(m: Minutes, theirs: Minutes, name: str, now: str | None = None) -> Step:
    """Their .minutes copy brought into ours: their text as their round; an empty step
    when it brings nothing these minutes do not already hold."""
    from minutes_app.tracking.merge import annex_notes, brings_nothing, language_notes, merge

    now = now or now_iso()
    next_id = m.next_id  # planning draws ids; applying the step notes them again
    try:
        op, report = merge(m, theirs, now)
    finally:
        m.next_id = next_id
    if brings_nothing(m, theirs, report):
        said = Message(N_("Nothing new: {name} brings no change and no round that these "
                          "minutes do not already hold. Nothing was recorded."), {"name": name})
        return Step(Message(N_("Merge")), None, Report("merge-nothing", {"file": name},
                                                      (said, *annex_notes(report),
                                                       *language_notes(report))))
    r = report.round
    assert r is not None
    rounds = tuple(x for x in report.rounds if x not in m.rounds)  # every one, in order
    numbers = [x.number for x in rounds]
    entry = json.dumps({"file": name, "round": r.number, "rounds": numbers,
                        "changed": len(report.changed), "conflicts": len(report.conflicts)},
                       ensure_ascii=False)
    params = {"file": name, "number": r.number, "rounds": numbers,
              "changed": len(report.changed), "conflicts": len(report.conflicts),
              "inserted": len(report.inserted), "deleted": len(report.deleted),
              "languages": [lang.value for lang, _n in report.languages],
              "annexes_added": list(report.annexes_added),
              "delegations": [side.value for side in report.delegations]}
    told = (report.summary(), *annex_notes(report), *language_notes(report))
    return Step(Message(N_("Merge round {number}"), {"number": r.number}), op,
                Report("merge", params, told), rounds, ((now, "merge", entry),))
