"""Benchmark of importing a returned copy that brings thousands of rows we do not have.

The other Side's copy holds every row of ``negotiated(n)``; ours keeps only the first
paragraph, so every other row is new and becomes an inserted paragraph after the one before
it. The import should grow linearly with the new rows (it was quadratic).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.export import negotiated
from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.working import write_working
from minutes_app.model import Minutes, Side
from minutes_app.tracking.rounds import snapshot

SIZES = (1000, 2000, 5000)


def new_rows_copy(n: int, folder: Path) -> tuple[Minutes, Path]:
    """Our document (its first paragraph only) and their copy with all ``n`` rows."""
    m = negotiated(n)
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z"))
    path = folder / f"new{n}.docx"
    write_working(m, path)
    first = next(s for s in m.sections if s.paragraphs)
    for s in m.sections:  # ours never had the rest
        del s.paragraphs[1 if s is first else 0:]
    m.structure_changed()
    return m, path


def import_new_rows(m: Minutes, path: Path) -> tuple[float, float, float, int]:
    """CPU ms to plan, apply and undo the import; and how many rows came in."""
    t0 = time.process_time()
    op, report = plan_import(m, path, Side.RU, "2020-12-17T09:00:00Z")
    t1 = time.process_time()
    inverse, _change = op.apply(m)
    t2 = time.process_time()
    inverse.apply(m)
    t3 = time.process_time()
    return (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000, len(report.inserted)


def main() -> None:
    """Print plan / apply / undo CPU ms per size."""
    from minutes_app.docx_io import safety

    safety.scale_limits(5)
    print(f"{'rows':>6} | {'new':>5} | {'plan ms':>8} | {'apply ms':>8} | {'undo ms':>8}")
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            m, path = new_rows_copy(n, Path(tmp))
            plan, apply, undo, new = import_new_rows(m, path)
            print(f"{n:>6} | {new:>5} | {plan:>8.0f} | {apply:>8.0f} | {undo:>8.0f}")


if __name__ == "__main__":
    main()
