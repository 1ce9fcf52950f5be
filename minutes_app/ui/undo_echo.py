"""A report tied to the undo step it tells of, so that what it says stays true.

A workflow's summary ("Imported 12 changes by the Russian Side") is false once its step is
undone: undoing the step says so where the summary was shown ("Undone: Import round 3"), and
redoing it shows the summary again. Other undo steps leave the message alone.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QUndoCommand, QUndoStack

from minutes_app.i18n import _

log = logging.getLogger(__name__)


class Said(NamedTuple):
    """What a step reported, where, and (optionally) what to say when it is undone."""

    text: Callable[[], str]  # the report, made again in the current language when redone
    show: Callable[[str], None]  # where it was said (the message bar, a dialog's label)
    undone: Callable[[str], str] | None = None  # the step's label -> the sentence on undo


def undone_text(action: str) -> str:
    """The default sentence for an undone step labelled ``action``."""
    return _("Undone: {action}").format(action=action)


def tie(stack: QUndoStack, before: int, said: Said) -> None:
    """Tie ``said`` to the step pushed on ``stack`` since its index was ``before`` (nothing
    was pushed: a step that changed nothing, an export not recorded; nothing to tie)."""
    index = stack.index()
    if index == before or index == 0:
        return
    command = stack.command(index - 1)
    command.said = said  # type: ignore[attr-defined]  # lives and dies with the command
    if getattr(stack, "echo", None) is None:  # the first report on this stack: follow it
        echo = _Echo(stack)
        stack.echo = echo  # type: ignore[attr-defined]
        stack.indexChanged.connect(echo)


def said_of(command: QUndoCommand | None) -> Said | None:
    """The report tied to ``command``, if any."""
    return getattr(command, "said", None) if command is not None else None


class _Echo:
    """Follows one undo stack: an undone or redone step with a report speaks again.

    A plain callable holding the stack weakly (no QObject whose slot could be looked up while
    the stack is being deleted, and no reference cycle through the stack's wrapper)."""

    def __init__(self, stack: QUndoStack) -> None:
        self._stack = weakref.ref(stack)
        self._index = stack.index()

    def __call__(self, index: int) -> None:
        stack = self._stack()
        if stack is None:
            return
        try:
            self._follow(stack, index)
        except RuntimeError:  # the stack is being deleted with its document: nothing to say
            log.debug("undo stack gone")

    def _follow(self, stack: QUndoStack, index: int) -> None:
        before, self._index = self._index, index
        if index < before:  # undone: the latest of those with a report says so
            for i in range(before - 1, index - 1, -1):
                command = stack.command(i)
                said = said_of(command)
                if said is not None:
                    made = said.undone or undone_text
                    self._say(said, made(command.text()))
                    return
        elif index > before:  # redone (a push ties its report after this)
            for i in range(index - 1, before - 1, -1):
                said = said_of(stack.command(i))
                if said is not None:
                    self._say(said, said.text())
                    return

    @staticmethod
    def _say(said: Said, text: str) -> None:
        try:
            said.show(text)
        except RuntimeError:  # where it was said is gone (a dialog closed and deleted)
            log.debug("no longer shown: %s", text)


__all__ = ["Said", "said_of", "tie", "undone_text"]
