"""Running a step against an open file: apply it and save text, rounds and history together."""

from __future__ import annotations

from minutes_app.model import Change, Minutes
from minutes_app.store import MinutesFile
from minutes_app.workflows.step import Step


def save(f: MinutesFile, m: Minutes, applied: Step, change: Change) -> None:
    """Persist ``applied`` (a step that just ran) and ``change`` in one transaction."""
    if applied.withdraw:  # an undo ran: its rounds and history entries leave the file
        f.write(m, change, withdrawn=applied.rounds, unrecorded=applied.history)
    else:
        f.write(m, change, applied.rounds, applied.history)


def run(f: MinutesFile, m: Minutes, step: Step, pending: Change | None = None
        ) -> Step:
    """Apply ``step`` and save it with ``pending`` edits; the document is unchanged on failure.

    Returns the inverse step (to undo it).
    """
    inverse, change = step.apply(m)
    try:
        save(f, m, step, pending | change if pending is not None else change)
    except BaseException:
        inverse.apply(m)
        raise
    return inverse
