"""Running a workflow in the window: one undo step, errors and reports to the message sink.

Every decision the window offers (the Negotiation menu, the Changes panel, review mode, the
paragraph panel) goes through here, so a decision in the GUI is the CLI's workflow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from minutes_app.errors import MinutesError
from minutes_app.i18n.messages import render_all

if TYPE_CHECKING:  # the workflows' modules load with the first one run
    from minutes_app.workflows import Step
    from minutes_app.ui.document import Document
    from minutes_app.ui.messages import MessageSink


class Holder(Protocol):
    """Whatever holds the window's current document (it changes on File > Open)."""

    @property
    def doc(self) -> Document: ...


class WorkflowRunner:
    """Makes a workflow's step and runs it on the current document as one undo step."""

    def __init__(self, holder: Holder, sink: MessageSink) -> None:
        self.holder = holder
        self.sink = sink

    def run(self, make: Callable[[], Step], title: str = "", blocking: bool = False
            ) -> Step | None:
        """Run the step ``make`` builds; a refusal goes to the sink and gives None."""
        stack = self.holder.doc.undo_stack
        before = stack.index()
        try:
            step = make()
            self.holder.doc.run(step)
        except MinutesError as exc:
            self.sink.failed(exc, title, blocking)
            return None
        if step.report.messages:
            from minutes_app.ui.undo_echo import Said, tie

            messages = step.report.messages  # said again, in the language of the moment

            def text() -> str:
                return "\n".join(render_all(messages))

            self.sink.info(text())
            tie(stack, before, Said(text, self.sink.info))  # undone, the bar says so
        return step


__all__ = ["Holder", "WorkflowRunner"]
