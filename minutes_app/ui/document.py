"""An open document: the model, its file, one undo stack, and autosave.

Every edit enters through ``Document.apply`` as a model operation wrapped in an ``OpCommand``;
undo applies the inverse captured when the operation ran.
"""

from __future__ import annotations

import functools
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from minutes_app.errors import FileChangedError
from minutes_app.i18n.messages import render
from minutes_app.model import Change, Minutes
from minutes_app.store import MinutesFile

if TYPE_CHECKING:  # the workflows' modules load with the first one run
    from minutes_app.model import Operation
    from minutes_app.workflows import Step

log = logging.getLogger(__name__)

AUTOSAVE_MS = 700  # edits reach the file within about a second of the last keystroke
MERGE_SECONDS = 2.0  # a pause this long starts a new typing undo step


@functools.cache
def _typing_ops() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """The operations typing makes, and those of them that type in a heading (their modules
    load with the first edit, not at start-up)."""
    from minutes_app.model import SetSectionHeading, SetText
    from minutes_app.tracking.ops import EditHeading, EditText

    return (SetText, EditText, SetSectionHeading, EditHeading), (SetSectionHeading, EditHeading)


def _typing_key(op: Operation) -> tuple[object, ...]:
    """Where a typing operation types: its kind, paragraph or section, and language."""
    if isinstance(op, _typing_ops()[1]):  # tracked or not: one heading
        return ("heading", op.section_id, op.lang)  # type: ignore[attr-defined]
    return (type(op), op.pid, op.lang)  # type: ignore[attr-defined]


class OpCommand(QUndoCommand):
    """One undo step: a model operation and the inverse captured when it ran."""

    MERGE_ID = 0x4D49

    def __init__(self, doc: Document, op: Operation, inverse: Operation, text: str) -> None:
        super().__init__(text)
        self._doc = doc
        self._op = op
        self._inverse = inverse
        self._applied = True  # Document.apply ran the operation before pushing us
        self._time = time.monotonic()

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._inverse = self._doc._run(self._op)

    def undo(self) -> None:
        self._op = self._doc._run(self._inverse)

    def id(self) -> int:
        return self.MERGE_ID if isinstance(self._op, _typing_ops()[0]) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in one paragraph and language is one step until a pause."""
        if not isinstance(other, OpCommand):
            return False
        mine, theirs = self._op, other._op
        typing = _typing_ops()[0]
        if not (isinstance(mine, typing) and isinstance(theirs, typing)):
            return False
        if _typing_key(mine) != _typing_key(theirs):
            return False
        if other._time - self._time > MERGE_SECONDS:
            return False
        self._op = theirs  # redo sets the latest text; our inverse still restores the first
        self._time = other._time
        return True


class StepCommand(QUndoCommand):
    """One workflow as one undo step: its text, rounds and history entries together."""

    def __init__(self, doc: Document, inverse: Step, text: str) -> None:
        super().__init__(text)
        self._doc = doc
        self._inverse = inverse
        self._applied = True  # Document.run ran the step before pushing us

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._swap()

    def undo(self) -> None:
        self._swap()

    def _swap(self) -> None:
        try:
            self._inverse = self._doc._run_step(self._inverse)
        except Exception as exc:  # the document is as it was; the user hears why
            log.exception("undo or redo of a workflow failed")
            self._doc.save_failed.emit(str(exc))


class Document(QObject):
    """The model, its .minutes file and its undo stack."""

    changed = Signal(object)  # Change
    dirty_changed = Signal(bool)
    save_failed = Signal(str)
    file_changed = Signal()  # another program replaced, changed or deleted the file
    rounds_changed = Signal()  # a workflow added or withdrew rounds

    def __init__(self, minutes: Minutes, file: MinutesFile, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self.file = file
        self.undo_stack = QUndoStack(self)
        self.user_name = ""  # who types: comments carry this name
        self._pending = Change()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.writing_stopped = False  # set when the file changed under us: nothing more is
        # written to it until the user chooses (Save As, reload)

    @property
    def read_only(self) -> bool:
        """True when edits cannot go to this file (opened read-only, or it changed)."""
        return self.file.read_only or self.writing_stopped

    def stop_writing(self) -> None:
        """The file changed under us: keep the edits in memory, write nothing more to it."""
        if not self.writing_stopped:
            self.writing_stopped = True
            self.file_changed.emit()

    @property
    def path(self) -> Path:
        """Where the document is stored."""
        return self.file.path

    @property
    def dirty(self) -> bool:
        """True while edits are waiting to reach the file."""
        return not self._pending.empty

    def apply(self, op: Operation, text: str) -> None:
        """Perform ``op`` as one undoable step labelled ``text``.

        The operation runs before the push, so an invalid one raises here (a ValidationError
        for the caller to show) and leaves neither the document nor the stack changed.
        """
        inverse = self._run(op)
        self.undo_stack.push(OpCommand(self, op, inverse, text))

    def _run(self, op: Operation) -> Operation:
        inverse, change = op.apply(self.minutes)
        was_dirty = self.dirty
        self._pending = self._pending | change
        self._timer.start()
        self.changed.emit(change)
        if not was_dirty:
            self.dirty_changed.emit(True)
        return inverse

    def flush(self) -> None:
        """Write pending edits now (also called by the autosave timer)."""
        self._timer.stop()
        if not self.dirty or self.read_only:
            return
        try:
            self.file.write(self.minutes, self._pending)
        except FileChangedError:
            self.stop_writing()
            return
        except Exception as exc:  # keep the edits pending and tell the user
            log.exception("autosave failed")
            self.save_failed.emit(str(exc))
            return
        self._pending = Change()
        self.dirty_changed.emit(False)

    def run(self, step: Step) -> None:
        """Perform a workflow as one undo step; nothing happens for an empty one.

        Text, rounds and history entries reach the file at once, in one transaction with the
        pending edits; on failure the document is left as it was and the error raised.
        """
        if step.empty:
            return
        inverse = self._run_step(step)
        self.undo_stack.push(StepCommand(self, inverse, render(step.label)))

    def _run_step(self, step: Step) -> Step:
        from minutes_app.workflows.runner import save

        self._timer.stop()
        inverse, change = step.apply(self.minutes)
        was_dirty = self.dirty
        try:  # a file changed under us refuses too; the file watch then asks what to keep
            save(self.file, self.minutes, step, self._pending | change)
        except BaseException:
            inverse.apply(self.minutes)
            raise
        self._pending = Change()
        self.changed.emit(change)
        if step.rounds:
            self.rounds_changed.emit()
        if was_dirty:
            self.dirty_changed.emit(False)
        return inverse

    def save_as(self, path: str) -> None:
        """Continue in a copy at ``path``."""
        self.flush()
        self.file = self.file.save_as(path, self.minutes)
        self.writing_stopped = False
        self.flush()  # edits the old file could not take go to the copy

    def close(self) -> None:
        """Flush and release the file."""
        self.flush()
        self.file.close()


class DocumentHolder:
    """Holds the window's current document: commands read it here, the window replaces it."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
