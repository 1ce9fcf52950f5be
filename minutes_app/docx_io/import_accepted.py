"""Our changes the other Side accepted in Word before returning the copy.

Accepting in Word takes the markup away and leaves our words as plain text: read naively,
the returned copy would credit them to the other Side, or leave our round unrecorded. The
working copy went out with our pending edits (the export's base says which; an old copy
without one, when our words stand in its text), so our round is recorded as sent and our
words stay ours. Accepting in Word is no decision here (the heads of delegation decide): our
revisions stay pending, and the import says how many they accepted.

One of our revisions counts as accepted when the returned text, read with our still-tracked
changes not taken, is nearer to the copy as sent than to the copy without that revision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from minutes_app.docx_io.export_base import ExportBase
from minutes_app.docx_io.import_rows import _Row
from minutes_app.docx_io.import_steps import cell_state
from minutes_app.docx_io.reader import Cell, Change, ReadDocument
from minutes_app.docx_io.working import author_name
from minutes_app.errors import Message
from minutes_app.i18n.messages import N_, SIDE_NAMES
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.track import DELETE, PLAIN, Author, Seg, Track, current_text, plain
from minutes_app.tracking.diff import char_opcodes, retrack


def _cost(a: str, b: str) -> int:
    """How many characters differ between two texts (as the token diff aligns them)."""
    return sum(i2 - i1 + j2 - j1 for tag, i1, i2, j1, j2 in char_opcodes(a, b) if tag != "equal")


def _without(track: Track, index: int) -> str:
    """The current text of ``track`` with its segment ``index`` not taken."""
    return "".join(s.text for i, s in enumerate(track) if (s.kind != DELETE) != (i == index))


def _ours(s: Seg, side: Side, round_number: int) -> bool:
    return s.kind != PLAIN and s.author is not None and (
        s.author.side, s.author.round) == (side, round_number)


def accepted(track: Track, returned: str, side: Side, round_number: int) -> int:
    """How many of ``side``'s revisions of ``round_number`` in ``track`` (the text as sent)
    the ``returned`` text (our tracked changes not taken) holds."""
    mine = [i for i, s in enumerate(track) if _ours(s, side, round_number)]
    if not mine:
        return 0
    sent = current_text(track)
    if returned == sent:
        return len(mine)  # accepted all (the usual case): no diff needed
    near = _cost(sent, returned)
    return sum(1 for i in mine if near < _cost(_without(track, i), returned))


class SentCopy:
    """Our pending edits as the copy carried them, and how many the returned copy accepted."""

    def __init__(self, m: Minutes, base: ExportBase | None, mine: set[tuple[str, str]],
                 now: str) -> None:
        self.m, self.base, self.mine, self.now = m, base, mine, now

    def went_out(self) -> bool:
        """Whether the export's base says the copy carried our pending edits (made from the
        last round, with texts that differ from it)."""
        base, rounds = self.base, self.m.rounds
        if base is None or (base.round.number if base.round else 0) != (
                rounds[-1].number if rounds else 0):
            return False
        if base.texts:
            return True
        was = base.round.annexes if base.round is not None else ()
        return base.annexes is not None and [a for a in base.annexes if a] != [
            a for a in was if a]  # (a delegation list is an annex without parts)

    def _sent(self, ident: int, lang: Lang, now: str, track: Track | None) -> Track | None:
        """The track of a text as the copy carried it (our edits since then taken back)."""
        was = self.base.text(ident, lang) if self.base is not None else now
        if was is None:
            return None
        track = track or plain(now)
        if was == now:
            return track
        side = self.m.own_side
        return retrack(track, was, Author(side, self.m.working_round, self.now))

    def count(self, rows: Iterable[_Row]) -> int:
        """How many of our revisions the returned rows hold without their markup."""
        m, total = self.m, 0
        paragraphs = {p.id: p for p in m.paragraphs()}
        for row in rows:
            p = paragraphs.get(row.pid) if row.pid is not None else None
            section = next((s for s in m.sections if s.id == row.section), None) \
                if p is None and row.section is not None else None
            for lang, cell in row.cells.items():
                if p is not None:
                    track = self._sent(p.id, lang, p.text(lang), p.tracks.get(lang))
                elif section is not None:
                    track = self._sent(section.id, lang, section.heading.get(lang, ""),
                                       section.tracks.get(lang))
                else:
                    continue
                if track:
                    total += self._cell(track, cell)
        return total

    def _cell(self, track: Track, cell: Cell) -> int:
        m = self.m
        if not any(_ours(s, m.own_side, m.working_round) for s in track):
            return 0

        def taken(c: Change) -> bool:  # ours still tracked: not accepted
            return (c.author, c.date) not in self.mine

        return accepted(track, cell_state(cell, taken), m.own_side, m.working_round)


def edits_sent(m: Minutes, doc: ReadDocument, base: ExportBase | None, now: str,
               rows: Callable[[], list[_Row]]) -> tuple[bool, int]:
    """Whether the returned file went out with our pending edits of the working round (the
    export's base says so, or they are in it: tracked, or an old copy's text holding them
    without markup), and how many of them they accepted in Word."""
    tracks = [t for p in m.paragraphs() for t in p.tracks.values()]
    tracks += [t for s in m.sections for t in s.tracks.values()]
    tracks += [t for a in m.annexes for held in a.tracks.values() for t in held.values()]
    mine = {(author_name(m, s.author.side), s.author.time) for track in tracks for s in track
            if s.author is not None and s.author.side is m.own_side
            and s.author.round == m.working_round}
    tracked = bool(mine) and any(
        piece.change is not None and (piece.change.author, piece.change.date) in mine
        for rp in doc.paragraphs  # a table's cells are among them (consecutive: no table)
        for piece in rp.pieces)
    went_out = SentCopy(m, base, mine, now).went_out()
    count = 0
    if mine and (went_out or tracked or base is None):
        count = SentCopy(m, base if went_out else None, mine, now).count(rows())
    return went_out or tracked or (base is None and count > 0), count


def accepted_note(n: int, side: Side, round_number: int) -> list[Message]:
    """The note an import gives when the other Side accepted our changes in Word."""
    if not n:
        return []
    return [Message(N_("{side} accepted {n} of your changes in Word before returning the copy. "
                       "Accepting in Word is not a decision here: they stay pending, yours "
                       "(round {round}), for the heads of delegation to decide."),
                    {"side": Message(SIDE_NAMES[side.value]), "n": n, "round": round_number})]
