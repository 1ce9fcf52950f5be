"""A workflow as one operation with an inverse: an edit, its rounds, its history entries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from minutes_app.errors import Message, ValidationError
from minutes_app.model import Change, Minutes, Operation, Round

History = tuple[str, str, str]  # time, kind, data (as the store keeps it)


class Report(NamedTuple):
    """What a workflow did: its code, facts as parameters, and messages for the user."""

    code: str
    params: Mapping[str, Any]
    messages: tuple[Message, ...] = ()


class Step(NamedTuple):
    """One undo step of a workflow.

    Applied, the edit runs and the rounds join the document; its inverse (``withdraw``)
    takes the rounds back and undoes the edit. The history entries go with the rounds: the
    runner records them (or removes them, for a withdrawing step) with the text, in one
    transaction.
    """

    label: Message
    edit: Operation | None
    report: Report
    rounds: tuple[Round, ...] = ()
    history: tuple[History, ...] = ()
    withdraw: bool = False

    @property
    def empty(self) -> bool:
        """True when the step changes nothing (nothing to do, nothing to record)."""
        return self.edit is None and not self.rounds and not self.history

    def apply(self, m: Minutes) -> tuple[Step, Change]:
        """Run the step; return the step that undoes it and what changed in the text."""
        if self.withdraw:
            _take_back(m, self.rounds)
        change, inverse = Change(), self.edit
        if self.edit is not None:
            try:
                inverse, change = self.edit.apply(m)
            except Exception:
                if self.withdraw:  # leave the document as it was
                    m.rounds.extend(self.rounds)
                raise
        if not self.withdraw:
            _append(m, self.rounds)
        return self._replace(edit=inverse, withdraw=not self.withdraw), change


def _append(m: Minutes, rounds: tuple[Round, ...]) -> None:
    m.rounds.extend(rounds)


def _take_back(m: Minutes, rounds: tuple[Round, ...]) -> None:
    if rounds and m.rounds[-len(rounds):] != list(rounds):
        raise ValidationError("Only the latest rounds can be withdrawn.")
    del m.rounds[len(m.rounds) - len(rounds):]
