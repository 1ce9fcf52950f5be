"""Importing the other delegation's returned working copy as their revisions in a new round.

Rows map back by the ``_mp_<id>`` bookmarks our export wrote (headings by ``_ms_<id>``: their
edits become revisions of the heading); rows that lost them map by number and text
similarity, and anything uncertain is reported for the user to confirm. What the file changed
outside our rows is listed (``unplaced``) and stops the import until the user accepts it.
Tracked changes keep their author (mapped to a Side); edits made without Track Changes are
found by comparing with our text and attributed to the returning Side. All or nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from minutes_app.docx_io.export_base import ExportBase, find_base
from minutes_app.docx_io.import_accepted import edits_sent
from minutes_app.docx_io.import_added import RowsAddedRemoved
from minutes_app.docx_io.import_base import (
    bracket_ops, conflict_brackets, exported_round, late_own_edits, onto_ours,
)
from minutes_app.docx_io.import_columns import ColumnCheck
from minutes_app.docx_io.import_marks import RowMarks
from minutes_app.docx_io.import_notes import found_notes
from minutes_app.docx_io.import_moves import RowMoves, link_moved_rows, new_heading
from minutes_app.docx_io.import_outside import (
    PlaceNames, first_marks, same_document, unplaced_outside,
)
from minutes_app.docx_io.import_report import ImportReport, UncertainRowsError
from minutes_app.docx_io.import_history import _iso, file_digest
from minutes_app.docx_io.import_rows import _cell_text, _Row, _rows, refuse_long
from minutes_app.docx_io.import_steps import in_steps, new_changes, steps
from minutes_app.docx_io.matching import RowMatcher
from minutes_app.docx_io.reader import (
    DELETE, INSERT, PLAIN, Change, ReadDocument, ReadParagraph, read_docx,
)
from minutes_app.docx_io.unplaced import Unplaced, UnplacedChangesError
from minutes_app.docx_io.working import author_name
from minutes_app.errors import MinutesError
from minutes_app.gcpause import collector_paused
from minutes_app.model import (
    Batch, Lang, Minutes, Operation, Paragraph, SetAuthorSides,
    SetHeadingTrack, SetTrack, Side,
)
from minutes_app.model.track import Author, plain
from minutes_app.tracking.merge import Recorder, renumber_own_edits
from minutes_app.tracking.ops import EditHeading, EditText
from minutes_app.tracking.rounds import snapshot


class _Importer(RowMarks, RowMoves, RowsAddedRemoved):
    """One import: the rows of the returned file brought onto the minutes as revisions."""

    def __init__(self, m: Minutes, doc: ReadDocument, from_side: Side, now: str,
                 base: ExportBase | None = None) -> None:
        self.m, self.doc, self.from_side, self.now = m, doc, from_side, now
        self.base = base  # the copy as exported: their changes are against it
        self.report = ImportReport()
        self.rec = Recorder(m)
        self.round_number = m.working_round
        names = {author_name(m, s): s for s in Side}
        for party in m.parties.values():
            names.update({n: party.side for n in party.side_name.values() if n})
        self.sides = {**names, **m.author_sides}
        self.ours = self._exported_changes()
        self.unplaced: list[Unplaced] = []
        self.name = ""  # the file's name, for the sentences that name it
        self.word_ids: dict[str, int] = {}  # Word comment id → ours, for replies
        self._rows: tuple[list[_Row], list[list[ReadParagraph]]] | None = None
        self.own_sent = self._own_edits_sent()
        if self.own_sent:  # our pending edits went out with the file: theirs come after
            self.round_number = m.working_round + 1

    def _own_edits_sent(self) -> bool:
        """Whether the returned file went out with our pending edits of the working round
        (how many of them they accepted in Word goes in the report: ``import_accepted``)."""
        sent, self.report.accepted_in_word = edits_sent(self.m, self.doc, self.base, self.now,
                                                        lambda: self.rows()[0])
        return sent

    def rows(self) -> tuple[list[_Row], list[list[ReadParagraph]]]:
        """The file's rows and header (read once)."""
        if self._rows is None:
            self._rows = _rows(self.doc, self.m)
        return self._rows

    def _count(self, author: Author) -> None:
        """One more change by ``author``'s Side (a text, a heading, a row inserted or deleted)."""
        side = author.side.value
        self.report.by_side[side] = self.report.by_side.get(side, 0) + 1

    def _exported_changes(self) -> set[tuple[str, str]]:
        """The (author, date) of every change our export wrote: not theirs."""
        found = set()
        tracks = [t for s in self.m.sections for t in s.tracks.values()]
        tracks += [t for p in self.m.paragraphs() for t in p.tracks.values()]
        tracks += [t for a in self.m.annexes for held in a.tracks.values() for t in held.values()]
        for track in tracks:
            for s in track:
                for a in (s.author, s.origin):
                    if a is not None:
                        found.add((author_name(self.m, a.side), a.time))
        return found

    def author(self, cell: list[ReadParagraph], row: Change | None = None) -> Author:
        """Who made a row's changes: its tracked author, else the returning Side."""
        new = [piece.change for rp in cell for piece in rp.pieces
               if piece.kind != PLAIN and piece.change is not None
               and (piece.change.author, piece.change.date) not in self.ours]
        if row is not None and (row.author, row.date) not in self.ours:
            new.append(row)  # the row itself inserted or deleted with Track Changes
        if not new:  # edited without Track Changes
            return Author(self.from_side, self.round_number, self.now)
        latest = max(new, key=lambda c: c.date)
        side = self._side_of(latest.author)
        return Author(side, self.round_number, _iso(latest.date) or self.now)

    def _edit(self, cell: list[ReadParagraph], where: tuple[int, Lang, str], text: str,
              by_change: bool, heading: bool = False) -> Operation:
        """A cell's edit from our text to ``text`` (``where``: id, language, our text), its
        changes by their authors (counted): the untracked edits, then each tracked author's
        with its date (``import_steps``); all the latest tracked author's, unless
        ``by_change`` (no conflict)."""
        ident, lang, start = where

        def known(c: Change) -> bool:
            return (c.author, c.date) in self.ours

        found: list[tuple[str, Author]] = []
        if by_change and new_changes(cell, known):
            last = start
            untracked = Author(self.from_side, self.round_number, self.now)
            for state, who in steps(cell, known, self._side_of, untracked):
                merged = onto_ours(self.base, ident, lang, start, state, heading).text
                if merged != last:
                    found.append((merged, who))
                last = merged
        if not found or found[-1][0] != text:
            found.append((text, self.author(cell)))
        for who in {who.side: who for _t, who in reversed(found)}.values():
            self._count(who)  # once per Side
        if len(found) == 1:
            who = found[0][1]
            return (EditHeading(ident, lang, text, who) if heading
                    else EditText(ident, lang, text, who))
        held = (self.m.section(ident) if heading else self.m.paragraph(ident)).tracks.get(lang)
        track = in_steps(held or plain(start), found)
        return (SetHeadingTrack(ident, lang, text, track) if heading
                else SetTrack(ident, lang, text, track))

    def _paragraph(self, row: _Row, p: Paragraph) -> None:
        made = []
        moved: dict[Lang, tuple[str, str]] = {}  # their text, ours: the file's offsets differ
        for lang, cell in row.cells.items():
            if lang not in self.m.languages:
                continue
            returned = _cell_text(cell)
            merged = onto_ours(self.base, p.id, lang, p.text(lang), returned)
            text = merged.text
            if text != returned:  # our later edits stay: the file's bookmarks place nothing
                self.report.kept += 1
                moved[lang] = (returned, text)
            if text == p.text(lang) and not merged.conflicts:
                if text == returned:
                    self._brackets(p, lang, cell)
                continue
            author = self.author(cell)
            ours = p.text(lang)
            self.rec.do(self._edit(cell, (p.id, lang, ours), text, not merged.conflicts))
            if text == returned:
                self._brackets(p, lang, cell)
            made += conflict_brackets(self.m, p.id, lang, merged.conflicts, author)
            if p.id not in self.report.touched:
                self.report.touched.append(p.id)
        if made:
            for op in bracket_ops(self.m, p.id, made):
                self.rec.do(op)
            self.report.conflicts.append(p.id)
        self._new_brackets(row, p, moved)
        self._comments(row, p.id)

    def _heading(self, row: _Row) -> None:
        """A heading row: its edits become revisions of the section's heading."""
        assert row.section is not None
        if row.mark is not None and row.mark[0] == DELETE:
            return  # the heading row deleted: listed by _missing_headings
        try:
            section = self.m.section(row.section)
        except MinutesError:  # a section deleted here since the export
            text = " / ".join(_cell_text(c) for c in row.cells.values())
            self.unplaced.append(Unplaced("heading", f"section {row.section}", text))
            return
        for lang, cell in row.cells.items():
            if lang not in self.m.languages:
                continue
            ours = section.heading.get(lang, "")
            merged = onto_ours(self.base, section.id, lang, ours, _cell_text(cell), True)
            text = merged.text
            self.report.kept += text != _cell_text(cell)
            self.report.text_conflicts += len(merged.conflicts)
            if text == ours:
                continue
            self.rec.do(self._edit(cell, (section.id, lang, ours), text, not merged.conflicts,
                                   heading=True))
            if section.id not in self.report.headings:
                self.report.headings.append(section.id)
        for rp in row.anchors:  # headings hold no comments: one there cannot be placed
            for cid in rp.comment_ids:
                change, text = self.doc.comments.get(cid, (None, ""))
                if change is not None and text:
                    self.unplaced.append(Unplaced("comment", f"heading of section {section.id}",
                                                  text, change.author))

    def run(self, accept_uncertain: bool) -> None:
        rows, header = self.rows()
        unread, self.report.notes = found_notes(self.doc)  # hidden words…
        self.unplaced += unread
        columns = ColumnCheck(self.m)
        if self.base is not None:  # as the copy showed them: what we changed since is ours
            columns.sent.update((("p", pid), shown) for pid, shown in self.base.rows.items()
                                if ("p", pid) in columns.sent)
        self.unplaced += columns.header(header)
        known = {p.id: p for p in self.m.paragraphs()}
        if not any(r.pid in known for r in rows):
            raise MinutesError("This DOCX is not a working copy of these minutes: none of its "
                               "rows carries the id of one of their paragraphs.")
        if self.own_sent and self.base is not None:  # ours made since the export: after theirs
            for op in late_own_edits(self.m, self.base, self.m.working_round,
                                     self.round_number + 1, self.now):
                self.rec.do(op)
        if not self.own_sent:
            self._renumber_own()
            from minutes_app.tracking.annexes import renumber_own_annex_edits

            for op in renumber_own_annex_edits(self.m, self.m.working_round,
                                               self.round_number + 1):
                self.rec.do(op)
        seen: set[int] = set()
        link_moved_rows(rows)
        in_file = {r.pid for r in rows}
        self._moves(rows)  # before rows they added after a moved one are placed
        moved = {move[0] for move in self.report.moved}  # paragraphs this import moved
        matcher = RowMatcher(self.m, {pid: p for pid, p in known.items() if pid not in in_file})
        previous: int | None = None
        start: int | None = None  # the section of the heading row above, until a paragraph
        from minutes_app.docx_io.annex_import import AnnexRows

        annexes = AnnexRows(self)
        refuse_long(rows, self.m.languages, self.name)
        for index, row in enumerate(rows, start=1):
            self.unplaced += columns.row(row, index)
            if annexes.row(row):  # an annex's row, or one they added after an annex
                continue
            if row.section is not None:
                self._heading(row)
                previous, start = None, row.section
                continue
            pid = row.pid if row.pid in known else None
            if pid is None and new_heading(row):
                self._heading_added(row, index)
                continue
            if pid is None:
                guess = self._guess(row, matcher, previous, accept_uncertain)
                if guess is not None and accept_uncertain:
                    pid = guess
                    matcher.take(guess)
                elif guess is not None:
                    continue  # reported, not guessed silently: the import is refused
                elif any(_cell_text(c).strip() for c in row.cells.values()):
                    previous = self._new_paragraph(row, previous, start)
                    continue
                else:
                    continue
            seen.add(pid)
            if row.mark is not None and row.mark[0] == DELETE and (
                    known[pid].mark is None or pid in moved):  # not a mark set just now
                self._row_deleted(row.mark[1], pid)  # a tracked deletion of the whole row
            else:
                self._paragraph(row, known[pid])
            previous = pid
        self._deleted(known, seen)
        self.unplaced += columns.after(self.m)
        self._missing_headings(rows)
        annexes.missing(rows)

    def _renumber_own(self) -> None:
        """Our own unsent edits move to the round after theirs."""
        old, new = self.m.working_round, self.round_number + 1
        for p in self.m.paragraphs():
            for lang, track in list(p.tracks.items()):
                moved = renumber_own_edits(track, self.m.own_side, old, new)
                if moved != track:
                    from minutes_app.model import SetTrack

                    self.rec.do(SetTrack(p.id, lang, p.text(lang), moved))


@collector_paused()  # bulk parsing and model building: see gcpause
def plan_import(m: Minutes, path: Path, from_side: Side, now: str,
                imported: set[str] = frozenset(), accept_uncertain: bool = False,  # type: ignore[assignment]
                accept_unplaced: bool = False,
                history: Sequence[tuple[str, str, str]] = ()
                ) -> tuple[Operation, ImportReport]:
    """One operation bringing the returned file in (``m`` is unchanged on return).

    The copy's export found in ``history`` (the document's) gives the text their changes are
    taken against; without it, against our current text.

    Raises ``UncertainRowsError`` listing the rows that lost their ids and only look like
    paragraphs, unless ``accept_uncertain`` (they are then taken as those paragraphs), and
    ``UnplacedChangesError`` listing what the file changed outside our rows, unless
    ``accept_unplaced`` (the list is then in the report, for the history).
    """
    digest = file_digest(path)
    if digest in imported:
        raise MinutesError("{path_name} has already been imported into these minutes.",
                           path_name=path.name)
    if from_side is m.own_side:
        raise MinutesError("Import the other Side's returned file: --from must name them.")
    doc = read_docx(path)
    same_document(m, doc, path)
    imp = _Importer(m, doc, from_side, now, find_base(m, first_marks(doc), history))
    imp.name = path.name
    if imp.own_sent:
        base = imp.base
        # the copy went out when it was exported, under the name it was exported as (the
        # returned file's name and today, when the history does not say)
        sent = snapshot(m, m.own_side, base.time if base and base.time else now,
                        f"Sent as {base.file if base and base.file else path.name}")
        imp.report.own_round = sent if base is None else exported_round(m, base, sent)
    names = PlaceNames(m, doc, imp.rows)  # before the import renumbers anything
    try:
        imp.run(accept_uncertain)
        if imp.report.uncertain and not accept_uncertain:
            raise UncertainRowsError(imp.report.uncertain)
        unplaced = names.name(imp.unplaced + unplaced_outside(m, doc))
        imp.report.notes = names.name_notes(imp.report.notes)
        if unplaced and not accept_unplaced:
            raise UnplacedChangesError(unplaced)
        imp.report.unplaced = unplaced
        new_authors = {a: Side(s) for a, s in imp.report.authors.items()
                       if a and a not in m.author_sides and a not in imp.sides}
        if new_authors:  # remembered, so the next file maps them the same way
            imp.rec.do(SetAuthorSides(tuple({**m.author_sides, **new_authors}.items())))
        op = Batch(tuple(imp.rec.ops))
        their = snapshot(m, from_side, now, f"Imported from {path.name}")
        imp.report.round = dataclasses.replace(their, number=imp.round_number)
    finally:
        imp.rec.roll_back()
    imp.report.sha256 = digest
    return op, imp.report


__all__ = ["INSERT", "ImportReport", "UncertainRowsError", "UnplacedChangesError", "plan_import"]
