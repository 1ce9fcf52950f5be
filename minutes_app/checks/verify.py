"""Is this signing original the agreed text? Per language, and what differs, where.

Each language's lines (as the original's Side prints them) are looked for in the original's
text in order, each where no language before it (in the original's order) took the text. A
DOCX keeps its white space, so a line must be there whole, as a line (after the normalisation
of the fingerprint); a PDF does not (a line break and a space look the same), so its lines are
compared with white space and invisible format characters removed. Lines found are taken back
to the text-order Side's form (the alternat undone); a line not found is replaced by what the
original has between its neighbours. Then all the text of the original is accounted for: what
no line took and the export does not print itself (``furniture``) is text that is not in the
agreed text, named after the line it follows, or a line out of its place; what the reader of
the original marked (hidden text, fields, ... by line) is named where it stands. The
fingerprint of that text is recomputed and compared with the agreed one.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from minutes_app.checks.fingerprint import canonical_lines, digest, normalise
from minutes_app.checks.furniture import body_furniture, language_order, margin_allowed
from minutes_app.checks.signed_text import Line, signed_lines
from minutes_app.checks.tokens import INVISIBLE
from minutes_app.model import Lang, Minutes, Side

# What a PDF's text does not keep: white space (a line break and a space look the same) and
# the invisible format characters, which pdftotext drops: a PDF original is the text it shows,
# and a genuine one must verify whatever invisible characters its text holds.
_WS = re.compile(f"[\\s{INVISIBLE}]+")


class LangResult(NamedTuple):
    """The verdict for one language of an original."""

    lang: Lang
    agreed: bool
    expected: str  # the agreed text's fingerprint
    found: str  # the fingerprint recomputed from the original
    differing: tuple[str, ...]  # keys of the lines that differ (``p:17``, ``title``, ...)


def _key(text: str, exact: bool) -> str:
    return normalise(text) if exact else _WS.sub("", text)


class _Blob:
    """The original's text as compared, and which of its characters a found line took."""

    def __init__(self, text: str, exact: bool) -> None:
        self.exact = exact
        lines = [normalise(x) if exact else _WS.sub("", x) for x in text.split("\n")]
        self.text = "\n".join(lines) if exact else "".join(lines)
        self.starts = [0]  # where each line of the original's text starts
        for line in lines:
            self.starts.append(self.starts[-1] + len(line) + exact)
        self.padded = f"\n{self.text}\n"  # a DOCX line is found whole, between line ends
        self.taken = bytearray(len(self.text))

    def fresh(self) -> _Blob:
        """The same text with nothing taken yet (for another Side's reading)."""
        blob = copy.copy(self)
        blob.taken = bytearray(len(self.text))
        return blob

    def find(self, key: str, cursor: int) -> int:
        """Where ``key`` is from ``cursor`` on (-1: not there), where no other line is."""
        while True:
            at = (self.padded.find(f"\n{key}\n", cursor) if self.exact
                  else self.text.find(key, cursor))
            if at < 0 or 1 not in self.taken[at:at + len(key)]:
                return at
            cursor = at + 1

    def take(self, span: tuple[int, int]) -> None:
        """Mark a found line's characters as taken."""
        self.taken[span[0]:span[1]] = b"\1" * (span[1] - span[0])


def _match(lines: list[Line], blob: _Blob) -> list[tuple[int, int] | None]:
    """Where each line is in the original, in order (None when it is not there)."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for line in lines:
        key = _key(line.text, blob.exact)
        at = blob.find(key, cursor) if key else cursor
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(key)))
        blob.take((at, at + len(key)))
        cursor = at + len(key)
    return spans


def _neighbours(spans: list[tuple[int, int] | None], size: int) -> list[tuple[int, int]]:
    """For each line, where the previous found line ends and the next found line starts."""
    ends, end = [], 0
    for span in spans:
        ends.append(end)
        end = span[1] if span is not None else end
    starts, start = [0] * len(spans), size
    for i in range(len(spans) - 1, -1, -1):
        starts[i] = start
        start = spans[i][0] if spans[i] is not None else start  # type: ignore[index]
    return list(zip(ends, starts, strict=True))


class Comparison:
    """One Side's reading of an original: each language's lines found where no language
    before it (in the original's order) took the text, and what is left over."""

    def __init__(self, m: Minutes, side: Side, blob: _Blob) -> None:
        self.m, self.side, self.blob = m, side, blob
        self.lines = {lang: signed_lines(m, lang, side) for lang in language_order(m, side)}
        self.spans = {lang: _match(lines, blob) for lang, lines in self.lines.items()}
        self.found = sorted((span[0], span[1], lang, line.key) for lang, lines in
                            self.lines.items() for line, span in
                            zip(lines, self.spans[lang], strict=True) if span is not None)
        self.unmatched = [(start, end, lang, line.key) for lang, lines in self.lines.items()
                          for line, span, (start, end) in
                          zip(lines, self.spans[lang],
                              _neighbours(self.spans[lang], len(blob.text)), strict=True)
                          if span is None]

    def leftovers(self) -> Iterator[tuple[int, str]]:
        """Text no line took and the export does not print (where, what)."""
        text, taken = self.blob.text, self.blob.taken
        furniture = body_furniture(self.m, self.side)
        loose = sorted((_key(x, False) for x in furniture if x), key=len, reverse=True)
        pos = 0
        while (start := taken.find(0, pos)) >= 0:
            end = taken.find(1, start)
            end = len(text) if end < 0 else end
            if self.blob.exact:
                at = start
                for line in text[start:end].split("\n"):
                    if line.strip() and line not in furniture:
                        yield at, line
                    at += len(line) + 1
            else:
                rest = text[start:end]
                for piece in loose:
                    rest = rest.replace(piece, "")
                if rest:
                    yield start, rest
            pos = end

    def locate(self, at: int, inside: bool) -> tuple[Lang, str]:
        """The language and line that ``at`` is in (``in:KEY``) or follows (``after:KEY``)."""
        for start, end, lang, key in self.unmatched if inside else ():
            if start <= at <= end:
                return lang, f"in:{key}"
        before = [f for f in self.found if f[0] <= at and (inside or f[1] <= at)]
        if not before:
            return next(iter(self.lines)), "start"
        start, end, lang, key = max(before)
        return lang, (f"in:{key}" if inside and at < max(end, start + 1) else f"after:{key}")

    def results(self, marks: Sequence[tuple[int, str]],
                margins: Sequence[str]) -> list[LangResult]:
        """Each language's verdict (in the document's order)."""
        differing = {lang: [key for _s, _e, lg, key in self.unmatched if lg is lang]
                     for lang in self.lines}
        added: dict[Lang, dict[str, str]] = {lang: {} for lang in self.lines}
        gaps = {(lang, key): (start, end) for start, end, lang, key in self.unmatched}
        missing = {(lang, key): _key(line.text, self.blob.exact)
                   for _s, _e, lang, key in self.unmatched
                   for line in self.lines[lang] if line.key == key}
        pieces = []
        for at, piece in self.leftovers():
            for (lang, key), text in list(missing.items()):  # a line out of its place
                if text and text in piece and not gaps[lang, key][0] <= at <= gaps[lang, key][1]:
                    differing[lang][differing[lang].index(key)] = f"moved:{key}"
                    piece = piece.replace(text, "", 1)
                    del missing[lang, key]
            if piece.strip():
                pieces.append((at, piece))
        changed = self._replacements(pieces, missing)
        for i, (at, piece) in enumerate(pieces):
            if i in changed:
                continue  # a changed line's text, said with that line
            lang, where = self.locate(at, inside=False)
            differing[lang].append(f"extra:{where}")
            added[lang][where] = added[lang].get(where, "") + " " + piece
        starts = self.blob.starts
        for line_no, kind in marks:
            at = min(starts[min(line_no, len(starts) - 1)], len(self.blob.text))
            lang, where = self.locate(at, inside=kind != "chunk")
            differing[lang].append(f"{kind}:{where}")
        if any(not margin_allowed(self.m, self.side, normalise(x)) for x in margins):
            for keys in differing.values():
                keys.append("margin")
        return [self._result(lang, list(dict.fromkeys(differing[lang])), added[lang])
                for lang in self.m.languages]

    def _replacements(self, pieces: list[tuple[int, str]],
                      missing: dict[tuple[Lang, str], str]) -> set[int]:
        """The pieces that are a changed line's text: between the line's neighbours, the one
        most like it (any other piece there is text added)."""
        out = set()
        for start, end, lang, key in self.unmatched:
            there = [i for i, (at, _p) in enumerate(pieces) if start <= at <= end]
            text = missing.get((lang, key))
            if there and text is not None:
                out.add(max(there, key=lambda i: SequenceMatcher(
                    None, text, pieces[i][1], autojunk=False).quick_ratio()))
        return out

    def _result(self, lang: Lang, differing: list[str], added: dict[str, str]) -> LangResult:
        hashed = canonical_lines(self.m, lang)
        canonical = dict(hashed)
        by_key: dict[str, str] = {}
        for line, span, (start, end) in zip(self.lines[lang], self.spans[lang],
                                             _neighbours(self.spans[lang], len(self.blob.text)),
                                             strict=True):
            by_key[line.key] = (canonical.get(line.key, normalise(line.text)) if span
                                else normalise(self.blob.text[start:end]))
        for where, piece in added.items():  # the fingerprint of all the text there is
            key = where.partition(":")[2] or hashed[0].key
            by_key[key] = by_key.get(key, "") + piece
        # hashed in the text-order original's order (its signature blocks stand the other way)
        found = digest([Line(k, by_key.get(k, "")) for k, _t in hashed])
        expected = digest(hashed)
        return LangResult(lang, found == expected and not differing, expected, found,
                          tuple(differing))


def verify_text(m: Minutes, text: str, exact: bool, marks: Sequence[tuple[int, str]] = (),
                margins: Sequence[str] = ()) -> tuple[Side, list[LangResult]]:
    """The verdicts for an original's text; the original's Side is the one that fits best.

    ``marks`` are (line of ``text``, kind) of what a DOCX holds that an original never does
    (hidden text, ...); ``margins`` the lines of its headers and footers.
    """
    first, blob = m.languages[0], _Blob(text, exact)
    sides = sorted((m.meeting.text_order, m.meeting.text_order.other),  # its title first
                   key=lambda s: _key(signed_lines(m, first, s)[0].text, exact) not in blob.text)
    best: tuple[Side, list[LangResult]] | None = None
    for side in sides:
        results = Comparison(m, side, blob.fresh()).results(marks, margins)
        if best is None or sum(len(r.differing) for r in results) < sum(
                len(r.differing) for r in best[1]):
            best = (side, results)
        if all(r.agreed for r in results):
            break
    assert best is not None
    return best
