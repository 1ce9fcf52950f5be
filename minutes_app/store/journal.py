"""Whose rollback journal lies beside a file: the journal read as SQLite plays it back, set
against the file's pages (https://www.sqlite.org/fileformat.html, "The Rollback Journal").

A journal holds the pages a save was about to change, as they were before it, and names no
file. What it records still tells a save of this file killed midway from another copy's:
SQLite's pager writes the journal first, then the file's pages in ascending order, page 1
(with the header's change counter, raised by one) first of all; only a cache spill writes
pages earlier, and a syncing writer (we always sync) starts a new journal segment before it.
So a save of ours killed midway leaves the file's page 1 either as the journal holds it (and
then no other page written, or more than one segment) or with the change counter one above
the journal's; a playback of the journal killed midway puts pages back in the journal's order,
page 1 mostly first. A copy that went its own way since rarely fits: its page 1 differs and
its counter is not exactly one above. When it is (that copy made one save more), or when its
page 1 is alike, the pages cannot tell: the state the journal would give back must then pass
the rows' checksums (``opening.check_leftovers``). Nor can the pages tell a copy killed in its
first save after the two parted, whose journal holds the state both shared, from our own save
killed after its last page: so each opening commits a random mark of its own before its first
save and every save writes it again (``file._stamp``); the mark the journal gives back must be
the file's, unless the mark is all it changes (an opening's first commit). Under our
exclusive lock SQLite raises the counter once per lock, not per save: a later save of one
opening (the window's autosaves) may leave page 1 or its counter as they were, which the
pages then allow only in a marked file (``could_be_ours``'s ``marked``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAGIC = bytes.fromhex("d9d505f920a163d7")
NO_SYNC = 0xFFFFFFFF  # a segment's record count when the writer never synced: to the end
LOCK_BYTE = 0x40000000  # the page holding this offset is never journaled nor played back
MAX_RECORDS = 1 << 20  # a journal longer than this is no save of ours


@dataclass(frozen=True)
class Journal:
    """What SQLite would play back: the pages before the save, and how they were written."""

    page_size: int
    pages_before: int  # the file's size in pages when the save began
    pages: dict[int, bytes]  # page number -> its content before the save
    segments: int
    synced: bool  # the writer synced (a header per spill), as every writer of ours does


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "big")


def _aligned(offset: int, sector: int) -> int:
    return ((offset + sector - 1) // sector) * sector


def read_journal(fh: BinaryIO) -> Journal | None:
    """The journal as SQLite would play it back; None when it is not hot (nothing to play)."""
    data = fh.read()
    if len(data) < 28 or not data.startswith(MAGIC):
        return None  # a zeroed header: a save that never reached its first sync
    page_size, sector = _u32(data, 24), _u32(data, 20)
    if not (_power_of_two(page_size, 512, 65536) and _power_of_two(sector, 32, 65536)):
        return None  # SQLite stops at such a header, as it does
    pages: dict[int, bytes] = {}
    offset, segments, synced = 0, 0, _u32(data, 8) != NO_SYNC
    record = page_size + 8
    while offset + sector <= len(data) and data[offset:offset + 8] == MAGIC:
        count, nonce = _u32(data, offset + 8), _u32(data, offset + 12)
        offset += sector
        if count == NO_SYNC:
            count = (len(data) - offset) // record
        segments += 1
        for _ in range(min(count, MAX_RECORDS)):
            if offset + record > len(data):
                return Journal(page_size, _u32(data, 16), pages, segments, synced)
            number = _u32(data, offset)
            content = data[offset + 4:offset + 4 + page_size]
            if (number in (0, LOCK_BYTE // page_size + 1)
                    or _checksum(content, nonce) != _u32(data, offset + 4 + page_size)):
                return Journal(page_size, _u32(data, 16), pages, segments, synced)
            pages.setdefault(number, content)
            offset += record
        offset = _aligned(offset, sector)
    return Journal(page_size, _u32(data, 16), pages, segments, synced)


def _power_of_two(n: int, low: int, high: int) -> bool:
    return low <= n <= high and n & (n - 1) == 0


def _checksum(content: bytes, nonce: int) -> int:
    """SQLite's record checksum: the nonce plus every 200th byte, from the end."""
    return (nonce + sum(content[i] for i in range(len(content) - 200, 0, -200))) & 0xFFFFFFFF


def _counter(page1: bytes) -> int:
    return _u32(page1, 24)


def could_be_ours(p: Path, journal_path: Path, marked: bool = False) -> bool:
    """False when ``journal_path`` cannot be a save of ``p`` killed midway (see the module).

    ``marked``: the state it gives back carries a writer's mark. Then a save that was not its
    opening's first may have left page 1 alone, or kept its counter: under our exclusive lock
    SQLite counts the changes once per lock, not per save; the mark tells the copies apart.
    """
    try:
        with journal_path.open("rb") as fh:
            journal = read_journal(fh)
        if journal is None:
            return True  # SQLite plays nothing back
        with p.open("rb") as fh:
            return _fits(fh, journal, marked)
    except OSError:
        return True  # SQLite will say what is wrong


def _fits(fh: BinaryIO, j: Journal, marked: bool) -> bool:
    def page(n: int) -> bytes:
        fh.seek((n - 1) * j.page_size)
        return fh.read(j.page_size)

    played = {n: c for n, c in j.pages.items() if n <= j.pages_before}
    size = fh.seek(0, 2)
    if size == j.pages_before * j.page_size and all(page(n) == c for n, c in played.items()):
        return True  # playing it back changes nothing: nothing to fear
    one_segment = j.synced and j.segments == 1  # then nothing was written before page 1
    first = page(1)
    if 1 in played:
        before = played[1]
        if first != before:  # page 1 written: by our save, with the counter raised by one
            raised = _counter(first) - _counter(before) & 0xFFFFFFFF  # (or not: see marked)
            return raised == 1 or (marked and raised == 0)
        # page 1 as before the save: the save wrote nothing, or a playback of this journal
        # (killed midway) put back the pages in its order up to page 1, after cutting the file
        ahead = list(played.items())[:list(played).index(1)]
        return not one_segment or (size == j.pages_before * j.page_size
                                   and all(page(n) == c for n, c in ahead))
    # page 1 never journaled: the save never reached its commit, only a spill wrote pages
    # (or, marked, a later save of the opening that changed nothing on page 1)
    if one_segment and not marked:
        return False
    header_size_valid = first[92:96] == first[24:28]
    return not header_size_valid or _u32(first, 28) == j.pages_before
