"""Exporting: the file written beside its target, and the step recording it in the history."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from minutes_app.errors import N_, Message
from minutes_app.model import Minutes, Side
from minutes_app.outputs import (
    check_output, named_for_user, replace_file, reserve, temporary_for,
)
from minutes_app.tracking.time import now_iso
from minutes_app.workflows.step import Report, Step

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportChoices:
    """What to export and how (the export dialog's and the CLI's options)."""

    kind: str
    copy_for: Side | None = None
    layout: str | None = None
    allow_ad_ref: bool = False
    initials: bool = False
    fmt: str = "docx"
    fingerprint_footer: bool = False
    rounds: tuple[int, int | None] = (1, None)


@dataclass(frozen=True)
class Exported:
    """An export written beside its target: ``finish`` moves it into place."""

    step: Step
    part: Path
    out: Path

    def finish(self) -> None:
        """Move the written file into place (after the step is saved: never out unrecorded)."""
        replace_file(self.part, self.out)  # as the file it replaces was, synced

    def discard(self) -> None:
        """Remove the written file when the export is abandoned."""
        self.part.unlink(missing_ok=True)


def export_document(m: Minutes, out: Path, choices: ExportChoices, record: bool = True,
                    progress: Progress | None = None, now: str | None = None) -> Exported:
    """Write the export beside ``out`` and the step recording it (no entry unless ``record``:
    a read-only document is exported unrecorded)."""
    from minutes_app.docx_io.export import export, history_entry

    c = choices
    check_output(out)
    part = temporary_for(out, "part", out.suffix)
    try:
        with named_for_user(out):
            os.close(reserve(part, out))  # private while written, when it replaces a file
            record_data = export(m, part, c.kind, c.copy_for, c.layout, c.allow_ad_ref,
                                 c.initials, c.fmt, progress,
                                 fingerprint_footer=c.fingerprint_footer, rounds=c.rounds)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    record_data["file"] = out.name
    fingerprints = dict(record_data.get("fingerprints", {}))  # type: ignore[call-overload]
    messages = [Message(N_("Exported to {path}"), {"path": str(out)})]
    entry = (now or now_iso(), f"export-{c.kind}", history_entry(record_data))
    history = (entry,) if record else ()
    step = Step(Message(N_("Export")), None,
                Report("export", {"kind": c.kind, "file": out.name, "recorded": record,
                                  "fingerprints": fingerprints}, tuple(messages)),
                history=history)
    return Exported(step, part, out)
