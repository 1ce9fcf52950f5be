"""Negotiation workflows, once for both front ends: each returns one undoable ``Step``.

A step holds the edit, the rounds and the history entries a workflow records, and a report
(codes and parameters) of what it did; the GUI pushes it as one QUndoCommand, the CLI applies
and saves it (``runner.run``). Undoing it withdraws its rounds and history entries too.
"""

from minutes_app.workflows.step import History, Report, Step

__all__ = ["History", "Report", "Step"]
