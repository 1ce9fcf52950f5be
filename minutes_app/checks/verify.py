"""Is this signing original the agreed text? Per language, and which lines differ.

Each language's lines (as the original's Side prints them) are looked for in the original's
text in order. A DOCX keeps its white space, so a line must be there exactly (after the
normalisation of the fingerprint); a PDF does not (a line break and a space look the same),
so its lines are compared with white space and invisible format characters removed. Lines
found are taken back to the text-order Side's form (the alternat undone); a line not found is
replaced by what the original has between its neighbours. The fingerprint of that text is
recomputed and compared with the agreed one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from minutes_app.checks.fingerprint import canonical_lines, digest, normalise
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


def _match(lines: list[Line], blob: str, exact: bool) -> list[tuple[int, int] | None]:
    """Where each line is in ``blob``, in order (None when it is not there)."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for line in lines:
        key = _key(line.text, exact)
        at = blob.find(key, cursor) if key else cursor
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(key)))
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


def _verdict(m: Minutes, lang: Lang, copy_for: Side, blob: str, exact: bool) -> LangResult:
    lines = signed_lines(m, lang, copy_for)
    spans = _match(lines, blob, exact)
    hashed = canonical_lines(m, lang)
    canonical = dict(hashed)
    by_key: dict[str, str] = {}
    differing: list[str] = []
    for line, span, (start, end) in zip(lines, spans, _neighbours(spans, len(blob)),
                                         strict=True):
        if span is not None:
            by_key[line.key] = canonical.get(line.key, normalise(line.text))
        else:
            differing.append(line.key)
            by_key[line.key] = normalise(blob[start:end])
    # hashed in the text-order original's order (its signature blocks stand the other way)
    found = digest([Line(k, by_key.get(k, "")) for k, _t in hashed])
    expected = digest(hashed)
    return LangResult(lang, found == expected and not differing, expected, found,
                      tuple(differing))


def verify_text(m: Minutes, text: str, exact: bool) -> tuple[Side, list[LangResult]]:
    """The verdicts for an original's text; the original's Side is the one that fits best."""
    blob = "\n".join(normalise(x) for x in text.split("\n")) if exact else _WS.sub("", text)
    first = m.languages[0]
    sides = sorted((m.meeting.text_order, m.meeting.text_order.other),  # its title first
                   key=lambda s: _key(signed_lines(m, first, s)[0].text, exact) not in blob)
    best: tuple[Side, list[LangResult]] | None = None
    for side in sides:
        results = [_verdict(m, lang, side, blob, exact) for lang in m.languages]
        if best is None or sum(len(r.differing) for r in results) < sum(
                len(r.differing) for r in best[1]):
            best = (side, results)
        if all(r.agreed for r in results):
            break
    assert best is not None
    return best


def line_label(m: Minutes, key: str) -> str:
    """A short English label for a line key (the CLI and GUI translate the parts)."""
    kind, _, rest = key.partition(":")
    if kind == "p":
        number = m.number(int(rest))
        return f"paragraph {number}" if number is not None else "a preamble paragraph"
    if kind == "h":
        return "a section heading"
    if kind == "sig":
        side, _, what = rest.partition(":")
        return f"signature block {side} ({what})"
    if kind == "annex":
        return f"annex {rest.split(':')[0]}"
    return kind
