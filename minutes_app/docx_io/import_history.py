"""What the document's history records of an import, and how a file already imported is
recognised."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes_app.docx_io.import_report import ImportReport


def _iso(date: str) -> str:
    """A Word date as ours: ``2020-12-14T08:30:00Z``."""
    match = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)", date or "")
    return match.group(1) + "Z" if match else ""


def imported_digests(history: list[tuple[str, str, str]]) -> set[str]:
    """The files already imported into a document, from its history."""
    digests = (json.loads(data).get("sha256") for _time, kind, data in history
               if kind == "import")  # entries as MinutesFile.history gives them: objects
    return {d for d in digests if isinstance(d, str)}


def history_entry(path: Path, report: ImportReport) -> str:
    """What the document's history records of an import."""
    entry: dict[str, object] = {"file": path.name, "sha256": report.sha256}
    if report.unplaced:  # accepted by the user: kept on record
        entry["unplaced"] = [u.to_json() for u in report.unplaced]
    if report.headings:
        entry["headings"] = report.headings
    if report.moved:  # paragraphs they moved: (id, after which paragraph, section, Side)
        entry["moved"] = [list(move) for move in report.moved]
    if report.notes:  # words marked by formatting without Track Changes
        entry["notes"] = [n.to_json() for n in report.notes]
    return json.dumps(entry, ensure_ascii=False)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, to recognise one already imported."""
    from minutes_app.inputs import check_regular

    check_regular(path)  # read whole: a device would never end
    return hashlib.sha256(path.read_bytes()).hexdigest()
