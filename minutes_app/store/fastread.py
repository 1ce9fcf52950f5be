"""The good path of reading paragraphs: every row checked and decoded in bulk, no per-row calls.

A file the app wrote is intact almost always; ``Reader`` first tries this pass and, when it meets
anything unexpected (a checksum that differs, JSON that does not decode, a value out of range),
throws its result away and reads row by row to name the damaged rows.
"""

from __future__ import annotations

import json
from itertools import chain, repeat
from typing import Any

from minutes_app.model import Paragraph, Section
from minutes_app.model import serialize as ser
from minutes_app.model.brackets import brackets_in
from minutes_app.model.types import Lang, Side, Status
from minutes_app.store.checksum import blake2b

_LANGS = {lang.value: lang for lang in Lang}
_SIDES = {side.value: side for side in Side}
_STATUSES = {s.value: s for s in Status}
# A raw newline is not allowed inside a JSON string (strict decoding), so a row's text can never
# run on into the next one through a string; the other ways to run on are seen below.
_SEP = "\n,"


def fast_paragraphs(rows: list[tuple[Any, ...]], sections: dict[int, Section]
                    ) -> list[tuple[Section, Paragraph]] | None:
    """Each row's section and paragraph, or None when any row needs the careful reading."""
    # same digest as checksum.checksum, inlined: this is the one hash per row of every load
    h = blake2b
    if [r for r in rows
            if r[-1] != h(repr(r[:-1]).encode(), digest_size=8).hexdigest() and r[-1] is not None]:
        return None
    texts = [r[3] for r in rows]
    # a row that is not one object (does not start with "{" or end with "}") could split into
    # two or merge with its neighbour while the count stays right: leave it to the careful path
    if not (all(map(str.startswith, texts, repeat("{")))
            and all(map(str.endswith, texts, repeat("}")))):
        return None
    try:
        decoded = json.loads("[" + _SEP.join(texts) + "]")
    except ValueError:
        return None
    if len(decoded) != len(rows) or set(map(type, decoded)) - {dict} \
            or set(map(type, chain.from_iterable(map(dict.values, decoded)))) - {str}:
        return None
    langs, sides, statuses = _LANGS, _SIDES, _STATUSES
    out = []
    try:
        for r, text_map in zip(rows, decoded, strict=True):
            (pid, sid, _pos, _texts, voice, status, ad_ref, comments, tracks, mark, brackets,
             agreed) = r[:-1]
            section = sections.get(sid)
            if section is None or type(pid) is not int:
                return None
            if comments == "[]" and tracks == "{}" and mark is None and brackets == "{}" \
                    and agreed == "{}":
                p = Paragraph(pid, {langs[k]: v for k, v in text_map.items()},
                              sides[voice] if voice else None, statuses[status],
                              sides[ad_ref] if ad_ref else None)
            else:
                p = Paragraph(pid, {langs[k]: v for k, v in text_map.items()},
                              sides[voice] if voice else None, statuses[status],
                              sides[ad_ref] if ad_ref else None,
                              [ser.comment_in(c) for c in json.loads(comments)]
                              if comments != "[]" else [],
                              ser.tracks_in(json.loads(tracks)) if tracks != "{}" else {},
                              ser.mark_in(json.loads(mark)) if mark else None,
                              brackets_in(json.loads(brackets)) if brackets != "{}" else (),
                              {langs[k]: v for k, v in json.loads(agreed).items()}
                              if agreed != "{}" else {})
            out.append((section, p))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None
    return out
