"""One language's reading of texts for the name checks: ``Slot.scan`` and the memories of
``names_found.named``, what each check asks per text and language (``Context.slots``)."""

from __future__ import annotations

from collections.abc import Callable

from minutes_app.checks.name_scan import Plan, Scan, reader
from minutes_app.checks.nm_read import ONE_BYTE, ByFirst, Phrase, Readings, Words, readings

# per gate string: the word rows and the phrase rows it names (see Context._readers); a
# phrase row holds its variant, whose pattern (``russian_phrase``) is compiled only when a
# text the bytes cannot read asks for it (most Russian texts are read on their bytes)
Readers = dict[int, tuple[list[tuple[int, int, str, str]],
                          list[tuple[int, int, str, frozenset[int], int, Phrase]]]]

Found = tuple[dict[int, tuple[int, int]], str]


class Slot:
    """One language's plan and readers, and what was read of each text (keyed by the text
    alone: a language as a key is hashed by a Python call, a look-up's main cost)."""

    plan: Plan
    read: Callable[[str], Scan]
    readers: Readers | None
    # the readers by the gate string a phrase starts with, and the word rows by theirs, to
    # read a text from its lower-cased bytes (see nm_read)
    by_first: ByFirst
    words: Words
    readings: Readings  # both by gate string (see nm_read.hits)
    scans: dict[str, Scan]
    named: dict[str, Found]
    named_details: dict[str, Found]

    def __init__(self, plan: Plan, readers: Readers | None) -> None:
        self.plan = plan
        self.read = reader(plan)
        self.readers = readers
        self.by_first, self.words = {}, {}
        for gate, (words, phrases) in (readers or {}).items():
            for at, index, variant, low in words:
                # (a word without bytes is never in a text that has them)
                as_written, lowered = _bytes(variant), _bytes(low)
                if as_written and lowered:
                    self.words.setdefault(gate, []).append((at, index, as_written, lowered))
            for _at, _index, _variant, _needs, first, phrase in phrases:
                self.by_first.setdefault(first, []).append(phrase)
        self.readings = readings(len(plan.rows_of), self.by_first, self.words)
        self.scans = {}
        # text → the names it carries and the text with them blanked (see names_found.named),
        # outside and inside the meeting details and the title
        self.named = {}
        self.named_details = {}

    def scan(self, text: str) -> Scan:
        """What ``text`` may hold of the names, heads and markers (one pass, once per text)."""
        found = self.scans.get(text)
        if found is None:
            found = self.scans[text] = self.read(text)
        return found


def _bytes(word: str) -> bytes:
    """The word's bytes in ``ONE_BYTE`` (b"": it has none)."""
    encoded = word.encode(ONE_BYTE, "replace")
    return encoded if encoded.decode(ONE_BYTE) == word else b""
