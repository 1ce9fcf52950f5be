"""One pass per text over every name, head of delegation and marker a language looks for.

Every row of the names (``Context.lookup``), every head string blanked before names are
compared (``Context.head_patterns``) and every marker of the other checks is owned by a *gate
string*: a literal that stands in the text (or its lower case, for Russian) wherever the entry
can be found. One Aho-Corasick automaton of a language's gate strings reports every occurrence
of each in one pass (``ahocorasick-rs``: 2–4 µs a text, where two trie alternations took 5–15);
only the entries whose strings all stand in the text are tried.

Skipping an entry is exact: an entry with a hit in the text (even after other names were
blanked, which only removes letters) has every one of its strings in the text as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation
from minutes_app.checks.memo import per_str
from minutes_app.checks.nm_read import ONE_BYTE as _ONE_BYTE
from minutes_app.checks.nm_read import text_bytes, text_lowered
from minutes_app.checks.nm_read import blanked as _blanked_bytes
from minutes_app.checks.tokens import lowercase

_NO_MARKS: frozenset[str] = frozenset()
_DFA = Implementation.DFA


class Scan:
    """What one text may hold, and the text as the pass read it (a compiled class: one
    object a text, its attributes read without look-ups)."""

    heads: tuple[int, ...]  # in the heads' order
    marks: frozenset[str]
    # the text's lower case (the text itself where the pass reads it as written; "" where
    # ``data`` holds it, until ``lower_of`` decodes it)
    lower: str
    found: list[tuple[int, int, int]]  # every gate string that stands there: (string, start, end)
    data: bytes  # the lower-cased text's bytes, where the pass read them (see nm_read)
    raw: bytes  # the text's own bytes then, or an ASCII text's (b"": none)
    _present: set[int] | None
    complete: bool  # ``found`` holds every string (see ``forget``)

    def __init__(self, heads: tuple[int, ...], marks: frozenset[str], lower: str,
                 found: list[tuple[int, int, int]], data: bytes, raw: bytes,
                 present: set[int] | None = None) -> None:
        self.heads, self.marks, self.lower, self.found = heads, marks, lower, found
        self.data, self.raw, self._present = data, raw, present
        self.complete = True

    def forget(self) -> None:
        """Let the strings found go once the text's names are read (the other checks ask the
        heads, marks, lower case and bytes): a first run then keeps a third less memory."""
        self.found, self._present, self.complete = [], None, False

    @property
    def present(self) -> set[int]:
        """The gate strings that stand there (see ``rows``); made when first asked."""
        if self._present is None:
            self._present = set(map(_STRING, self.found))  # (map: no Python frame per hit)
        return self._present


class Plan(NamedTuple):
    """One language's gate: the automaton and what each of its strings (by number) names."""

    automaton: AhoCorasick | BytesAhoCorasick | None  # bytes: the text in _ONE_BYTE
    lowered: bool  # the pass reads the lower-cased text
    rows_of: list[tuple[int, ...]]  # a gate string → the rows it names, in their order
    heads_of: list[tuple[int, ...]]
    marks_of: list[frozenset[str]]
    needs: dict[int, frozenset[int]]  # rows that need more strings than the one naming them
    always: tuple[tuple[int, ...], tuple[int, ...], frozenset[str]] | None  # a probe all Σ
    special: bytes  # per gate string, 1 where it names heads or markers (a table, no hashing)
    # a string's first row (its place in the rows' order, name, word start); a head's string
    # comes before every row (a negative place) and names no name (-1)
    first_row: list[tuple[int, int, bool] | None]
    gate_of: list[int]  # a row's own gate string (-1: none)
    numbers: dict[str, int]  # a gate string → its number
    # the automaton of the strings' UTF-8 bytes, for an ASCII text read as written: its
    # bytes are its characters (the text automaton converts them and maps the places back)
    ascii_automaton: BytesAhoCorasick | None
    nul_free: bool  # no string holds NUL, the character texts are blanked with (see blanked)


def gate_string(probe: str, lowered: bool) -> str:
    """What stands in the text the pass reads wherever ``probe`` stands in the text itself.

    ``str.lower`` maps each character alone except the capital sigma, whose lower case
    depends on the letters around it: a lower-cased gate is taken from the longest piece of
    the probe without one (empty: no gate, the entry is tried everywhere).
    """
    if not lowered:
        return probe
    return lowercase(max(probe.split("Σ"), key=len))


def plan(rows: Sequence[tuple[str, frozenset[str]]], row_names: Sequence[tuple[int, bool]],
         heads: Sequence[str], marks: Mapping[str, Iterable[str]], lowered: bool,
         many: bool = False, text_many: bool | None = None) -> Plan:
    """The gate of a language: each row's string (and what else it needs) and its name and
    whether it is looked for at a word's start, each head's string, each marker's strings
    (any one names the marker); ``many``: the pass will read many texts (see ``_built``);
    ``text_many``: its automaton of str will (where it reads ASCII texts with another)."""
    number: dict[str, int] = {}
    owners: list[tuple[list[int], list[int], set[str]]] = []
    always: tuple[list[int], list[int], set[str]] = ([], [], set())

    def owner(gate: str) -> tuple[list[int], list[int], set[str]]:
        if not gate:
            return always
        if gate not in number:
            number[gate] = len(owners)
            owners.append(([], [], set()))
        return owners[number[gate]]

    needs: dict[int, frozenset[int]] = {}
    for i, (gate, more) in enumerate(rows):
        owner(gate)[0].append(i)
        required = {x for x in more | {gate} if x}
        if required - {gate}:
            for x in required:  # the automaton reports them too
                owner(x)
            needs[i] = frozenset(number[x] for x in required)
    for i, gate in enumerate(heads):
        owner(gate)[1].append(i)
    for key, gates in marks.items():
        for gate in gates:
            owner(gate)[2].add(key)
    return Plan(_automaton(list(number), lowered, many if text_many is None else text_many),
                lowered,
                [tuple(o[0]) for o in owners], [tuple(o[1]) for o in owners],
                [frozenset(o[2]) for o in owners], needs,
                (tuple(always[0]), tuple(always[1]), frozenset(always[2])) if any(always)
                else None,
                bytes(1 if o[1] or o[2] else 0 for o in owners),
                [_first(o[0], o[1], row_names, len(heads)) for o in owners],
                [number.get(gate, -1) for gate, _more in rows], number,
                None if lowered or not number else _ascii_automaton(list(number), many),
                not any("\x00" in string for string in number))


def _first(rows: list[int], heads: list[int], row_names: Sequence[tuple[int, bool]],
           count: int) -> tuple[int, int, bool] | None:
    if rows and heads:
        return (-count - 1, -2, False)  # a head's string is a name's too: see names_found
    if heads:
        return (heads[0] - count, -1, False)
    return (rows[0], *row_names[rows[0]]) if rows else None


_STRING = itemgetter(0)


def _automaton(strings: list[str], lowered: bool, many: bool
               ) -> AhoCorasick | BytesAhoCorasick | None:
    """The automaton of the gate strings: of their bytes in ``_ONE_BYTE`` for a lower-cased pass.

    A lower-cased (Russian) pass reads the text as one byte a character: every character
    becomes one byte (those the encoding lacks become "?"), so the bytes' positions are the
    text's and a gate string stands in the bytes wherever it stands in the text (and
    sometimes where a "?" stands for another letter: the rows' own tests decide); half the
    bytes of UTF-8 to read. Korean and English are read as text.
    """
    if not strings:
        return None
    return _remembered(("lowered" if lowered else "text") + ("-many" if many else ""), strings)


def _ascii_automaton(strings: list[str], many: bool) -> BytesAhoCorasick:
    """The automaton of the strings' UTF-8 bytes (an ASCII text's bytes are its characters).

    Where most strings are not ASCII (Korean), few texts are ASCII either: a contiguous
    automaton, built in a fifth of a deterministic one's time, reads those few.
    """
    ascii_ones = sum(1 for s in strings if s.isascii())
    built = _remembered("ascii-many" if many and 2 * ascii_ones > len(strings) else "ascii",
                        strings)
    assert isinstance(built, BytesAhoCorasick)
    return built


def _remembered(kind: str, strings: list[str]) -> AhoCorasick | BytesAhoCorasick:
    """``_built``, once per kind and strings until the caches are emptied (a rerun of the
    checks asks for the same strings again)."""
    if any("\x00" in s for s in strings):  # (then the key would not name them)
        return _built(kind, strings)
    return _built_once("\x00".join([kind, *strings]))


@per_str
def _built_once(key: str) -> AhoCorasick | BytesAhoCorasick:
    """``_built`` of the kind and strings ``key`` joins (with NUL)."""
    kind, *strings = key.split("\x00")
    return _built(kind, strings)


def _built(kind: str, strings: list[str]) -> AhoCorasick | BytesAhoCorasick:
    """The automaton of the strings (``kind``: how the texts are read, and "-many" where the
    pass will read many of them).

    Deterministic for many texts: a tenth (Korean) to a fifth (Russian) faster to read than a
    contiguous one, but three to five times as long to build (about 2 ms more for three
    languages' strings, repaid from about a thousand paragraphs on; hence also
    ``_remembered``). Only the names' pass reads it, over every text before another check
    starts (see conformity): its larger tables cost no other check.
    """
    base, _sep, more = kind.partition("-")
    how = _DFA if more else Implementation.ContiguousNFA
    if base == "ascii":
        return BytesAhoCorasick([s.encode() for s in strings], implementation=how)
    if base == "lowered":
        encoded = [s.encode(_ONE_BYTE, "replace") for s in strings]
        if len(set(encoded)) == len(encoded):  # else two strings would read as one
            return BytesAhoCorasick(encoded, implementation=how)
    # (a contiguous automaton, not the default one, which reads Cyrillic at half the speed)
    return AhoCorasick(strings, implementation=how)


def lower_of(seen: Scan, text: str) -> str:
    """The lower case of the text ``seen`` was read from (as the pass reads it)."""
    if seen.data and not seen.lower:  # decoded once, when first asked
        seen.lower = seen.data.decode(_ONE_BYTE)
    return seen.lower


def reader(p: Plan) -> Callable[[str], Scan]:
    """``scan`` of one plan, its choices made once (a text is read by one call of it)."""
    automaton = p.automaton
    find: Callable[..., list[tuple[int, int, int]]] | None = (
        None if automaton is None else automaton.find_matches_as_indexes)
    as_bytes = isinstance(automaton, BytesAhoCorasick)
    ascii_find: Callable[..., list[tuple[int, int, int]]] | None = (
        None if p.ascii_automaton is None else p.ascii_automaton.find_matches_as_indexes)
    lowered, always, special = p.lowered, p.always, p.special

    def read(text: str) -> Scan:
        data = raw = b""
        if as_bytes:
            # the text's bytes lower-cased (no lower-cased text made), or where a character
            # has no byte, the lower-cased text's bytes with "?" for it
            known = text_bytes(text)
            assert find is not None
            if known is None:
                lower = lowercase(text)
                found = find(lower.encode(_ONE_BYTE, "replace"), overlapping=True)
            else:
                raw, lower = known, ""
                data = text_lowered(text)
                found = find(data, overlapping=True)
        elif ascii_find is not None and text.isascii():  # (then the same hits)
            lower, raw = text, text.encode("ascii")
            found = ascii_find(raw, overlapping=True)
        else:
            lower = lowercase(text) if lowered else text
            found = [] if find is None else find(lower, overlapping=True)
        if always is None and not _any_in(found, special):  # names only (most texts)
            return Scan((), _NO_MARKS, lower, found, data, raw)
        return _marked(p, set(map(_STRING, found)), lower, found, data, raw)

    return read


def _scan(p: Plan, lower: str, found: list[tuple[int, int, int]], data: bytes, raw: bytes
          ) -> Scan:
    """The Scan of what a pass found (as ``reader``'s ``read`` makes it)."""
    if p.always is None and not _any_in(found, p.special):  # names only (most texts)
        return Scan((), _NO_MARKS, lower, found, data, raw)
    return _marked(p, set(map(_STRING, found)), lower, found, data, raw)


def blanked(p: Plan, seen: Scan, text: str, spans: list[tuple[int, int]], data: bytes
            ) -> Scan | None:
    """What the pass reads in ``text``, ``seen``'s text with ``spans`` made NULs (``data``:
    its lower-cased bytes so blanked, where ``seen`` has them), without reading it again;
    None where that cannot be told (the text read lower-cased as a string).

    No string holds NUL, so a string the pass meets in ``text`` stands apart from every span,
    where the text is as it was: the strings ``seen`` found apart from the spans, in the same
    order (at each place, the automaton reports the strings that end there longest first,
    and those of ``text`` are the ones no longer than the text since the last span).
    """
    if not seen.complete or not p.nul_free or p.automaton is None:
        return None
    ordered = sorted(spans)
    for k in range(1, len(ordered)):
        if ordered[k][0] < ordered[k - 1][1]:
            return None  # (spans blanked one after another never overlap: a NUL in a head)
    raw = b""
    if isinstance(p.automaton, BytesAhoCorasick):
        if not seen.data:  # read as the lower-cased text's bytes
            return None
        lower = ""
        raw = _blanked_bytes(seen.raw, ordered)
    elif p.lowered:
        return None
    else:
        lower = text
        if p.ascii_automaton is not None and text.isascii():  # read as its bytes
            raw = text.encode("ascii")
    found = [hit for hit in seen.found if _apart_from(hit[1], hit[2], spans)]
    return _scan(p, lower, found, data, raw)


def _apart_from(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return all(not (start < e and s < end) for s, e in spans)  # (mypyc: a loop)


def _any_in(found: list[tuple[int, int, int]], strings: bytes) -> bool:
    """Whether a string found is one the table marks."""
    return any(strings[gate] for gate, _start, _end in found)  # (mypyc: a loop)


def _marked(p: Plan, present: set[int], lower: str, found: list[tuple[int, int, int]],
            data: bytes, raw: bytes) -> Scan:
    heads = [h for i in present for h in p.heads_of[i]]
    marks = [p.marks_of[i] for i in present if p.marks_of[i]]
    if p.always is not None:
        heads += p.always[1]
        marks.append(p.always[2])
    return Scan(tuple(sorted(heads)), _NO_MARKS.union(*marks), lower, found, data, raw,
                present)


def rows(p: Plan, seen: Scan) -> list[int]:
    """The rows to try in a scanned text, in their order: those whose strings all stand there."""
    present = seen.present
    found = sorted([r for i in present for r in p.rows_of[i]]
                   + (list(p.always[0]) if p.always is not None else []))
    if p.needs:
        return [r for r in found if r not in p.needs or p.needs[r] <= present]
    return found
