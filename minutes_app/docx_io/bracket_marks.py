"""Bracket marks in the working copy: a bookmark ``_mb_<id>_<lang>`` around each open span.

The export writes them (``working``); the import reads them back (``reader`` notes where each
starts and ends) and puts the bracket's span where the returned file has it, so a bracket
stays on its words whatever the other Side typed around them. The delimiters are not text:
the bookmark is the machine-readable mark, the comment says the options to a human reader.
"""

from __future__ import annotations

import dataclasses
import re

from minutes_app.docx_io.reader import ANCHOR_PREFIX, DELETE, ReadParagraph
from minutes_app.model import Lang, Operation, Paragraph, SetBrackets
from minutes_app.model.brackets import follow_text
from minutes_app.model.track import Seg, Track

BRACKET_NOTE = re.compile(r"Bracket (\d+ )?\[[a-z]{2}\]: ")  # our comment listing the options


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
