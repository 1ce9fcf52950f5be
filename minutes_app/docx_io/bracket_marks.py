"""Bracket marks in the working copy: a bookmark ``_mb_<id>_<lang>`` around each open span.

The export writes them (``working``); the import reads them back (``reader`` notes where each
starts and ends) and puts the bracket's span where the returned file has it, so a bracket
stays on its words whatever the other Side typed around them. The delimiters are not text:
the bookmark is the machine-readable mark, the comment says the options to a human reader.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from minutes_app.docx_io.reader import ANCHOR_PREFIX, DELETE, ReadParagraph
from minutes_app.errors import ValidationError
from minutes_app.model import Lang, Minutes, Operation, Paragraph, SetBrackets, Side
from minutes_app.model.brackets import Bracket, Option, follow_text
from minutes_app.tracking.brackets import new_bracket
from minutes_app.model.track import Seg, Track

BRACKET_NOTE = re.compile(r"Bracket (\d+ )?\[[a-z]{2}\]: ")  # our comment listing the options
_NOTE_LINE = re.compile(r"Bracket (\d+) \[([a-z]{2})\]: (.*)")
_OPTION = re.compile(r"“([^”]*)” \(([^)]*)\)")
Notes = dict[tuple[int, Lang], list[tuple[str, str]]]  # (id, language) → (words, author name)


def read_notes(texts: Iterable[str]) -> Notes:
    """The options our bracket comments list: ``Bracket 7 [en]: “a” (Korean Side); …``."""
    found: Notes = {}
    for text in texts:
        for line in text.splitlines():
            hit = _NOTE_LINE.match(line)
            if hit is not None and hit.group(2) in {x.value for x in Lang}:
                found[(int(hit.group(1)), Lang(hit.group(2)))] = _OPTION.findall(hit.group(3))
    return found


def unknown_brackets(m: Minutes, p: Paragraph, anchors: dict[Lang, dict[str, tuple[int, int]]],
                     notes: Notes, side_of: Callable[[str], Side | None], now: str
                     ) -> list[Bracket]:
    """Brackets the file marks (bookmark and comment) that this document does not know.

    A bracket made in another copy of the minutes comes in as a new bracket here, with the
    options and proposers its comment lists; one that was known (open, closed or dropped
    here) is never made again.
    """
    known = {b.id for q in m.paragraphs() for b in q.brackets}
    spans: dict[int, dict[Lang, tuple[int, int]]] = {}
    for lang, found in anchors.items():
        for name, where in found.items():
            hit = re.fullmatch(rf"{ANCHOR_PREFIX}(\d+)_{lang.value}", name)
            if hit is not None and int(hit.group(1)) not in known and (
                    int(hit.group(1)), lang) in notes:
                spans.setdefault(int(hit.group(1)), {})[lang] = where
    made = []
    for ident, place in spans.items():
        listed = {lang: notes[(ident, lang)] for lang in place}
        count = min(len(o) for o in listed.values())
        if count < 2:
            continue
        options = [Option({lang: listed[lang][i][0] for lang in place},
                          side_of(next(iter(listed.values()))[i][1])) for i in range(count)]
        try:
            made.append(new_bracket(m, p.id, place, options, now))
        except ValidationError:
            continue  # the marks no longer fit the text: the words are text
    return made


def anchor_name(bracket_id: int, lang: Lang) -> str:
    """The bookmark name of a bracket's span in one language."""
    return f"{ANCHOR_PREFIX}{bracket_id}_{lang.value}"


def cuts(p: Paragraph, lang: Lang) -> dict[int, list[tuple[str, bool]]]:
    """Per offset of the current text: the bracket bookmarks starting (True) or ending there."""
    found: dict[int, list[tuple[str, bool]]] = {}
    for b in p.brackets:
        span = b.spans.get(lang)
        if b.is_open and span is not None:
            found.setdefault(span[0], []).append((anchor_name(b.id, lang), True))
            found.setdefault(span[1], []).append((anchor_name(b.id, lang), False))
    return found


def split_track(track: Track, points: list[int]) -> list[tuple[int, Seg]]:
    """The track's segments cut at ``points`` of the current text, each with its offset."""
    out, pos = [], 0
    for seg in track:
        if seg.kind == DELETE:
            out.append((pos, seg))
            continue
        inner = sorted({x - pos for x in points if pos < x < pos + len(seg.text)})
        last = 0
        for x in [*inner, len(seg.text)]:
            out.append((pos + last, seg._replace(text=seg.text[last:x])))
            last = x
        pos += len(seg.text)
    return out


def cell_anchors(cell: list[ReadParagraph]) -> dict[str, tuple[int, int]]:
    """The bracket bookmarks of a cell, as offsets of its text (paragraphs joined by "\\n")."""
    found, base = {}, 0
    for i, rp in enumerate(cell):
        for name, (start, end) in rp.anchors.items():
            found[name] = (base + start, base + end)
        joined = rp.mark is not None and rp.mark[0] == DELETE
        base += len(rp.text()) + (1 if i < len(cell) - 1 and not joined else 0)
    return found


def placed(p: Paragraph, lang: Lang, anchors: dict[str, tuple[int, int]]) -> Operation | None:
    """The operation putting the paragraph's brackets where the file's bookmarks say."""
    text, out, moved = p.text(lang), [], False
    for b in p.brackets:
        where = anchors.get(anchor_name(b.id, lang))
        if b.is_open and where is not None and 0 <= where[0] < where[1] <= len(text) \
                and b.spans.get(lang) != where:
            b = dataclasses.replace(b, spans={**b.spans, lang: where})
            moved = True
        out.append(b)
    return SetBrackets(p.id, follow_text(tuple(out), lang, text)) if moved else None
