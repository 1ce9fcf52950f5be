"""Pausing Python's cyclic garbage collector around bulk work that only creates objects.

Parsing a returned DOCX or building a model of 20,000 paragraphs creates hundreds of thousands
of objects and frees almost none; each generation-2 collection meanwhile walks everything alive,
and these collections took a quarter to a third of an import at 20,000 paragraphs. Reference
counting still frees what is dropped; cycles wait for the next collection after the work.
"""

from __future__ import annotations

import gc
from contextlib import ContextDecorator
from types import TracebackType


class collector_paused(ContextDecorator):  # noqa: N801 - used like a function
    """``with collector_paused():`` or ``@collector_paused()``; nests, restores the state.

    With ``settle=True`` what lives when the pause ends goes straight to the oldest generation
    (``freeze`` then ``unfreeze``): else the first young collection after the pause walks every
    object made during it (a twentieth of a first run of the checks). Only where nothing else
    is frozen: the window freezes its modules' objects at start-up, and unfreezing them (Qt's
    wrappers among them) made the collector crash.
    """

    def __init__(self, settle: bool = False) -> None:
        self._was_enabled = False
        self._settle = settle

    def _recreate_cm(self) -> collector_paused:
        # a decorated function may be re-entered: fresh state each call
        return collector_paused(self._settle)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._was_enabled:
            if self._settle and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
