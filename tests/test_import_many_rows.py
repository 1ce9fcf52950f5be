"""Importing a returned copy that brings many rows we do not have: the incremental lookups
(insert/remove keep them, hints checked before use, one merge of the batch's changes) give
exactly what applying each operation with every lookup rebuilt from scratch gives."""

from __future__ import annotations

import copy
from pathlib import Path

from bench.import_new_rows import new_rows_copy
from minutes_app.docx_io.importer import plan_import
from minutes_app.model import Batch, Change, Minutes, Side
from minutes_app.model.ops import Operation


def _slow(m: Minutes, op: Operation) -> tuple[Operation, Change]:
    """Apply a batch the old way: every lookup forgotten before each step, changes folded."""
    assert isinstance(op, Batch)
    inverses: list[Operation] = []
    change = Change()
    for step in op.ops:
        m.structure_changed()
        m._hints.clear()
        inverse, c = step.apply(m)
        inverses.append(inverse)
        change = change | c
    return Batch(tuple(reversed(inverses))), change


def test_many_new_rows_import_as_by_the_slow_path_and_undo_exactly(tmp_path: Path) -> None:
    m, path = new_rows_copy(300, tmp_path)
    before = copy.deepcopy(m)
    op, report = plan_import(m, path, Side.RU, "2020-12-17T09:00:00Z")
    before.next_id = m.next_id  # planning took the new rows' ids (ids are never reused)
    assert len(report.inserted) == 299 and m == before  # and left the document alone
    slow_m = copy.deepcopy(m)
    inverse, change = op.apply(m)
    slow_inverse, slow_change = _slow(slow_m, op)
    assert m == slow_m and change == slow_change and inverse == slow_inverse
    assert [p.id for p in m.paragraphs()] == [p.id for p in slow_m.paragraphs()]
    assert {p.id for p in m.paragraphs()} >= set(report.inserted)
    assert all(m.paragraph(pid).mark is not None for pid in report.inserted)
    assert [m.number(p.id) for p in m.paragraphs()] == \
        [slow_m.number(p.id) for p in slow_m.paragraphs()]
    inverse.apply(m)
    _slow(slow_m, slow_inverse)
    assert m == before and slow_m == before
    assert [p.id for p in m.paragraphs()] == [p.id for p in before.paragraphs()]
    assert not any(m.has_paragraph(pid) for pid in report.inserted)  # the lookups forgot them
