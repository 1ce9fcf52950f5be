"""One entry for every export: working copy or signing original, DOCX or PDF."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from minutes_app.checks.fingerprint import fingerprints
from minutes_app.errors import MinutesError
from minutes_app.model import Minutes, Side

Progress = Callable[[int, int], None]


def export(m: Minutes, out: Path, kind: str, copy_for: Side | None = None,
           layout: str | None = None, allow_ad_ref: bool = False, initials: bool = False,
           fmt: str = "docx", progress: Progress | None = None,
           fingerprint_footer: bool = False, rounds: tuple[int, int | None] = (1, None)
           ) -> dict[str, object]:
    """Write the export; returns what the document's history records of it.

    ``layout`` defaults to side by side for the working copy (the table) and to consecutive
    for the signing originals.
    """
    if fmt not in ("docx", "pdf"):
        raise MinutesError("Unknown format {fmt!r}; choose docx or pdf.", fmt=fmt)
    target = out
    if fmt == "pdf":
        tmp = tempfile.TemporaryDirectory(prefix="minutes-export-")
        target = Path(tmp.name) / (out.stem + ".docx")
    if kind == "working":
        from minutes_app.docx_io.export_base import base_record
        from minutes_app.docx_io.working import write_working

        layout = layout or "side-by-side"
        base = base_record(m)  # what the returned copy will be compared with
        write_working(m, target, progress, layout, mark=str(base["mark"]))
        record: dict[str, object] = {"kind": "working", "round": m.working_round,
                                     "layout": layout, "base": base}
    elif kind == "signing":
        from minutes_app.docx_io.signing import write_signing

        side = copy_for or m.own_side
        layout = layout or "consecutive"
        write_signing(m, target, side, layout, allow_ad_ref, initials, fingerprint_footer)
        record = {"kind": "signing", "copy_for": side.value, "layout": layout,
                  "fingerprints": {k.value: v for k, v in fingerprints(m).items()}}
    elif kind == "comparison":
        from minutes_app.docx_io.comparison import write_comparison

        write_comparison(m, target, *rounds)
        record = {"kind": "comparison", "from": rounds[0], "to": rounds[1] or m.working_round}
    else:
        raise MinutesError("Unknown export kind {kind!r}; choose working, signing or "
                           "comparison.", kind=kind)
    if fmt == "pdf":
        from minutes_app.docx_io.pdf import docx_to_pdf

        docx_to_pdf(target, out)
        tmp.cleanup()
    record["file"] = out.name
    record["format"] = fmt
    return record


def history_entry(record: dict[str, object]) -> str:
    """The record as stored in the document's history."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def default_name(stem: str, kind: str, copy_for: Side | None, suffix: str) -> str:
    """``minutes-signing-KR.docx``: a signing original's name carries its Side."""
    side = f"-{copy_for.value}" if kind == "signing" and copy_for else ""
    return f"{stem}-{kind}{side}.{suffix}"
