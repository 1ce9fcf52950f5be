"""The names and terms a text carries, and the text with them blanked (``named``).

The rows (``Context.lookup``) are tried longest first; each row's hits are blanked before the
next row looks, so a name inside a longer one is not found again. The text's one pass
(``name_scan``) says which rows may stand there; where the names it found stand apart, their
hits are read from the pass itself (``_apart``; in Russian, each phrase's pattern tried only
where the pass found its first stem, ``_apart_lowered``) and the rows' order cannot change
them; where heads stand, they are blanked first and the rest is read so from a pass over what
is left (``_heads_first``); elsewhere the rows are tried one by one (``_in_order``). The tests
compare them with every row tried in order.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from minutes_app.checks.context import Context, head_pattern, phrase_stems, russian_phrase
from minutes_app.checks.name_scan import Plan, Scan, lower_of
from minutes_app.checks.name_scan import blanked as blanked_scan
from minutes_app.checks.nm_read import Phrase, blanked, phrase_hits
from minutes_app.checks.nm_read import hits as byte_hits
from minutes_app.checks.nm_slot import Found, Slot
from minutes_app.checks.name_scan import rows as scan_rows
from minutes_app.model import Lang
from minutes_app.checks.tokens import lowercase

_RU: Final = Lang.RU  # (a member read from the Enum class costs a look-up through its metaclass)

def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + "\x00" * (end - start) + text[end:]


def _literal_hits(text: str, variant: str) -> list[tuple[int, int]]:
    """Where ``variant`` stands in ``text``, left to right, without overlaps (as a regex would)."""
    out: list[tuple[int, int]] = []
    at = text.find(variant)
    while at >= 0:
        out.append((at, at + len(variant)))
        at = text.find(variant, at + max(len(variant), 1))
    return out


_LETTER = re.compile(r"[^\W\d_]")


def _word_start_hits(text: str, variant: str) -> list[tuple[int, int]]:
    r"""What ``(?<![^\W\d_])variant`` finds, without a look-behind tried at every position."""
    out: list[tuple[int, int]] = []
    at = text.find(variant)
    while at >= 0:
        if at == 0 or not _LETTER.match(text, at - 1):
            out.append((at, at + len(variant)))
            at = text.find(variant, at + max(len(variant), 1))
        else:
            at = text.find(variant, at + 1)
    return out


def _phrase_hits(lower: str, variant: str) -> list[tuple[int, int]]:
    """What a Russian phrase's case-blind pattern finds, looked for in the lower-cased text."""
    return [hit.span() for hit in russian_phrase(variant).finditer(lower)]


def named(text: str, lang: Lang, ctx: Context, details: bool = False
          ) -> Found:
    """The names and terms of ``text``, and the text with them (and the heads) blanked.

    In the meeting details and the title (``details``), the body's own names are not looked
    for: they are what is compared.
    """
    slot = ctx.slots.get(lang)
    if slot is None:
        return {}, text
    memo = slot.named_details if details else slot.named
    known = memo.get(text)
    if known is None:
        # one pass names the rows and heads the text may hold (each is tried below)
        seen = slot.scan(text)
        if not seen.complete:  # its strings were let go after another reading of its names
            seen = slot.read(text)
        if not seen.found and not seen.heads:  # (then no string is present)
            known = ({}, text)
        elif details:
            known = _in_order(text, seen, lang, ctx, details)
        elif not slot.plan.lowered:  # heads are blanked by _apart too
            known = _apart(text, seen, slot.plan) or (
                seen.heads and _heads_first(text, seen, lang, ctx)) or \
                _in_order(text, seen, lang, ctx, details)
        elif seen.heads and _holds_head(text, seen, lang, ctx):
            known = _heads_first(text, seen, lang, ctx) or \
                _in_order(text, seen, lang, ctx, details)
        else:
            known = _apart_lowered(text, seen, slot) or \
                _in_order(text, seen, lang, ctx, details)
        memo[text] = known
        seen.forget()
    return known


def _heads_first(text: str, seen: Scan, lang: Lang, ctx: Context) -> Found | None:
    """``named`` where heads stand: blanked first, as ``_in_order`` does, then the names read
    apart in what is left, from a pass over it (None where that cannot be done).

    The pass over what is left reports only strings that stood in the text already (blanking
    removes letters), so the rows it names are the rows ``_in_order`` could find there; where
    no head holds in what is left, ``_in_order`` would blank none there, and the readings
    apart give what it gives.
    """
    heads = ctx.head_patterns[lang]
    lower = lower_of(seen, text)  # each head's probe is looked for in the text as given
    data = seen.data
    taken: list[tuple[int, int]] = []
    for at in seen.heads:
        probe, value, lowered = heads[at]
        if probe in (lower if lowered else text):
            spans = _head_spans(text, data, lang, value, lowered)
            if spans:
                text = _blanked(text, spans)
                data = blanked(data, spans) if data else data
                taken += spans
    slot = ctx.slots[lang]
    # what is left, as its pass would read it: from the strings the text's own pass found
    left = blanked_scan(slot.plan, seen, text, taken, data) or slot.read(text)
    if left.heads and _holds_head(text, left, lang, ctx):
        return None
    if not left.found:
        return {}, text
    if slot.plan.lowered:
        return _apart_lowered(text, left, slot)
    return _apart(text, left, slot.plan)


def _head_spans(text: str, data: bytes, lang: Lang, value: str, lowered: bool
                ) -> list[tuple[int, int]]:
    """``head_pattern``'s hits in ``text`` (``data``: its lower-cased bytes, or b""), found
    without compiling the pattern where another reading gives the same hits."""
    if data and lowered:  # a Russian phrase: its hits read from the bytes (nm_read)
        return phrase_hits(data, head_phrase(value))
    if lowered:
        return [hit.span() for hit in head_pattern(lang, value).finditer(text)]
    if lang is _RU:  # a word at a word's start (head_pattern's hits, no pattern)
        return _word_start_hits(text, value)
    return _literal_hits(text, value)  # as written


def _holds_head(text: str, seen: Scan, lang: Lang, ctx: Context) -> bool:
    """Whether a head's string the pass may have met is there: else none is blanked."""
    heads = ctx.head_patterns[lang]
    lower = lower_of(seen, text)
    for at in seen.heads:
        probe, value, lowered = heads[at]
        if probe in (lower if lowered else text) and (
                probe == value or (phrase_hits(seen.data, head_phrase(value)) if seen.data
                                   and lowered else head_pattern(lang, value).search(text))):
            return True  # (a probe that is the string itself is its hit)
    return False


@functools.lru_cache(maxsize=256)
def head_phrase(value: str) -> Phrase:
    """A Russian head's phrase (``head_pattern``'s case-blind hits, read on the bytes)."""
    return Phrase(0, -1, frozenset(), phrase_stems(value), 0)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts += (text[last:start], "\x00" * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _apart(text: str, seen: Scan, plan: Plan) -> Found | None:
    """``named`` where the rows' order cannot matter: from where the pass found each string.

    When the names' and heads' strings stand apart (neither touching nor overlapping, or
    inside one blanked before them: a head's, or a longer name's that is a hit), blanking one
    changes no other's hits: each string found is a hit of the first row it names (at a word's
    start, for the rows looked for so), or a head's string (blanked, as written, before any
    name is looked for). None where that does not hold.
    """
    if plan.always is not None:
        return None
    first_row = plan.first_row
    hits: list[tuple[int, int, int, int]] = []
    end, hit = -1, False  # the last string kept, and whether it is a hit
    ordered = True
    raw = seen.raw  # the text's bytes where it is ASCII and read so (b"": not)
    for gate, start, stop in seen.found:  # by their ends: by their starts too, if apart
        if start <= end:
            ordered = False
            break
        row = first_row[gate]
        if row is None:
            continue
        end = stop
        at, index, word = row
        if index < -1:
            return None
        if word and start:
            if raw:  # (an ASCII text's byte: no character made and asked)
                if _ASCII_LETTER[raw[start - 1]]:
                    continue
            else:
                char = text[start - 1]
                if char.isalnum() and not char.isdecimal():  # _letter: not at a word's start
                    continue
        hits.append((at, start, stop, index))
    if not ordered:
        hits.clear()
        end, hit, place = -1, False, 0
        for start, back, gate in sorted([(s, -e, i) for i, s, e in seen.found
                                         if first_row[i] is not None]):
            stop = -back
            row = first_row[gate]
            assert row is not None
            if start <= end:
                if stop <= end and hit and start < end and place < row[0]:
                    continue  # inside a hit blanked before it (a head's, a longer name's)
                return None
            if row[1] < -1:
                return None
            end, place = stop, row[0]
            hit = not row[2] or not start or not _letter(text[start - 1])
            if hit:
                hits.append((row[0], start, stop, row[1]))
        hits.sort(key=lambda h: h[1])
    if not hits:
        return {}, text
    parts: list[str] = []
    last = 0
    for _at, start, stop, _index in hits:
        parts.append(text[last:start])
        parts.append("\x00" * (stop - start))
        last = stop
    parts.append(text[last:])
    hits.sort()  # the rows' order, then the text's: the first hit of the first row is the name's
    found: dict[int, tuple[int, int]] = {}
    for _at, start, stop, index in hits:
        if index not in found and index >= 0:
            found[index] = (start, stop)
    return found, "".join(parts)


def _apart_lowered(text: str, seen: Scan, slot: Slot) -> Found | None:
    """``named`` for a text read in lower case (Russian), where the rows' hits stand apart.

    Each row's hits are found in the text as it is (a phrase's pattern once for all the rows
    that share it, a word from where the pass found it); taken in the rows' order, a hit
    inside one taken before is blanked by it, any other touch or overlap gives None, and so
    does a hit that ends where a string the pass found begins (blanking it could put that
    string at a word's start).
    """
    readers = slot.readers
    if readers is None:
        return None
    present = seen.present
    if seen.data:  # read from the bytes, without the patterns (see nm_read)
        return _taken(text, seen, byte_hits(seen.raw, seen.data, seen.found, present,
                                            slot.readings))
    lower = seen.lower
    if len(lower) != len(text):
        return None
    hits: list[tuple[int, int, int, int]] = []  # (row, start, stop, index)
    starts_of = _starts_of(seen)
    for gate in present:
        if gate not in readers:
            continue
        words, phrases = readers[gate]
        for at, index, variant, needs, first, _phrase in phrases:
            if needs <= present:
                # a hit starts with the first stem: the pattern is tried only where the pass
                # found it, left to right and never inside the hit before (as finditer would)
                match = russian_phrase(variant).match
                end = 0
                for start in starts_of[first]:
                    if start >= end and (hit := match(lower, start)) is not None:
                        end = hit.end()
                        hits.append((at, start, end, index))
        for at, index, variant, low in words:
            # where the pass found the word, in any case (its gate string is the word's)
            for start in starts_of[gate]:
                if text.startswith(variant, start) and lower.startswith(low, start) and (
                        not start or not _letter(text[start - 1])):
                    hits.append((at, start, start + len(variant), index))
    return _taken(text, seen, hits)


def _taken(text: str, seen: Scan, hits: list[tuple[int, int, int, int]]) -> Found | None:
    """The rows' hits blanked in their order (see ``_apart_lowered``)."""
    if not hits:
        return {}, text
    hits.sort()  # the rows' order: each row's hits are blanked before the next row looks
    taken: list[tuple[int, int]] = []
    found: dict[int, tuple[int, int]] = {}
    for _at, start, stop, index in hits:
        inside = False
        for s, e in taken:
            if s <= start and stop <= e:
                inside = True
                break
            if start <= e and s <= stop:
                return None  # overlapping or touching: the rows' order decides
        if not inside:
            taken.append((start, stop))
            if index not in found:
                found[index] = (start, stop)
    found_at = seen.found
    parts: list[str] = []
    last = 0
    for start, stop in sorted(taken):
        for _gate, at, _end in found_at:  # (a few: no set of them made)
            if at == stop:
                return None
        parts += (text[last:start], "\x00" * (stop - start))
        last = stop
    parts.append(text[last:])
    return found, "".join(parts)


def _starts_of(seen: Scan) -> dict[int, list[int]]:
    """Where the pass found each string, left to right (a string's hits end in that order)."""
    out: dict[int, list[int]] = {}
    for gate, start, _stop in seen.found:
        if gate in out:
            out[gate].append(start)
        else:
            out[gate] = [start]
    return out


# ``_letter`` of each ASCII character, by its byte
_ASCII_LETTER: Final = bytes(1 if b < 128 and chr(b).isalnum() and not chr(b).isdecimal() else 0
                             for b in range(256))


def _letter(char: str) -> bool:
    r"""What ``[^\W\d_]`` matches (checked for every code point by the tests)."""
    return char.isalnum() and not char.isdecimal()


def _in_order(text: str, seen: Scan, lang: Lang, ctx: Context, details: bool
              ) -> Found:
    """``named`` row by row, longest first, each row's hits blanked before the next looks."""
    found: dict[int, tuple[int, int]] = {}
    plan = ctx.plans[lang]
    lower = lower_of(seen, text)
    # the lower-cased text's bytes where the pass read them, blanked as the text is: a
    # phrase's hits are read on them (nm_read), its pattern never compiled
    data = seen.data
    if seen.heads:
        heads = ctx.head_patterns[lang]
        changed = False
        for at in seen.heads:
            probe, value, lowered = heads[at]
            if probe in (lower if lowered else text):
                # (the pattern's hits blanked, as its ``sub`` would; the bytes follow the text)
                spans = _head_spans(text, data, lang, value, lowered)
                if spans:
                    text = _blanked(text, spans)
                    data = blanked(data, spans) if data else data
                    changed = True
        if changed and plan.lowered:
            lower = lowercase(text)
    rows = ctx.lookup[lang]
    for at in scan_rows(plan, seen):
        variant, index, phrase, lowered = rows[at]
        if details and ctx.names[index].from_meeting:
            continue
        if variant not in (lower if lowered else text):
            continue
        if phrase is None:
            hits = _literal_hits(text, variant)
        elif not lowered:  # the variant at a word's start (Context._row)
            hits = _word_start_hits(text, variant)
        elif data:
            hits = phrase_hits(data, head_phrase(phrase))
        else:
            hits = _phrase_hits(lower, phrase)
        for s, e in hits:
            text = _blank(text, s, e)
            lower = _blank(lower, s, e) if plan.lowered else text
        if data and hits:
            data = blanked(data, hits)
        if hits and index not in found:
            found[index] = hits[0]
    return found, text


