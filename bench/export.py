"""Benchmark of the DOCX export: the working copy with 5% of paragraphs revised, beside its floor.

The floor (``bench/floors.py``) builds the same table of plain runs with raw lxml; the two are
interleaved so that a busy moment of the shared machine weighs on both alike.
"""

from __future__ import annotations

import io
import math
import statistics
import time
from collections.abc import Callable

from bench.floors import memory_in_fresh_process, write_floor
from bench.synthetic import synthetic
from bench.tracking import NOW, edited_copy
from minutes_app.docx_io.working import write_working
from minutes_app.model import Lang, Minutes, SetTrack, Side
from minutes_app.model.track import current_text
from minutes_app.tracking.diff import diff
from minutes_app.tracking.rounds import snapshot

SIZES = (500, 5000, 20000)


def negotiated(n: int, languages: list[Lang] | None = None) -> Minutes:
    """A document of ``n`` paragraphs, after a round, with 5% of them revised."""
    m = synthetic(n, languages=languages)
    m.rounds.append(snapshot(m, Side.KR, NOW))
    for (pid, lang), text in edited_copy(m, 0.05).items():
        track = diff(m.paragraph(pid).text(lang), text, Side.RU, 2, NOW)
        SetTrack(pid, lang, current_text(track), track).apply(m)
    return m


def interleaved(tasks: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median CPU ms of each task, the tasks taking turns.

    CPU time, not wall time: eight sessions share two cores here, and a task's wall time
    doubled from one minute to the next; its CPU time stays within a few per cent.
    """
    runs: dict[str, list[float]] = {k: [] for k in tasks}
    for _ in range(repeat):
        for name, fn in tasks.items():
            t0 = time.process_time()
            fn()
            runs[name].append((time.process_time() - t0) * 1000)
    return {k: statistics.median(v) for k, v in runs.items()}


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float:
    """How time grows with size between two rows: 1.0 is linear."""
    return math.log(large[1] / small[1]) / math.log(large[0] / small[0])


def main() -> list[tuple[str, str, str, str, str]]:
    """Print the export table, each figure beside its floor; the summary's rows."""
    print("\nDOCX working copy, 5% of paragraphs revised, CPU ms (median of 5, interleaved with "
          "the floor: the same table in raw lxml); targets: 5,000 < 1000, 20,000 ≤ 1.5× floor")
    print(f"{'paragraphs':>10} | {'ours ms':>8} | {'floor ms':>8} | {'ratio':>6} | {'KiB':>6}")
    rows = {}
    for n in SIZES:
        m = negotiated(n)
        size = len(write_working(m, io.BytesIO()))
        t = interleaved({"ours": lambda m=m: write_working(m, io.BytesIO()),  # type: ignore[misc]
                         "floor": lambda m=m: write_floor(m)},  # type: ignore[misc]
                        5 if n < 20000 else 3)
        rows[n] = t
        print(f"{n:>10} | {t['ours']:>8.1f} | {t['floor']:>8.1f} | "
              f"{t['ours'] / t['floor']:>6.2f} | {size / 1024:>6.0f}")
    ours_exp, floor_exp = (exponent((5000, rows[5000][k]), (20000, rows[20000][k]))
                           for k in ("ours", "floor"))
    print(f"  growth 5,000 → 20,000: exponent {ours_exp:.2f} (floor {floor_exp:.2f}); "
          "target ≤ 1.05")
    three = negotiated(5000, [Lang.KO, Lang.RU, Lang.EN])
    t = interleaved({"ours": lambda: write_working(three, io.BytesIO()),
                     "floor": lambda: write_floor(three)}, 3)
    print(f"  three languages (ko, ru, en) at 5,000: {t['ours']:.0f} ms, floor {t['floor']:.0f} ms,"
          f" ratio {t['ours'] / t['floor']:.2f}; target < 1500 ms")
    ours, floor = (memory_in_fresh_process(k, 20000) for k in ("export", "floor-write"))
    print(f"  memory at 20,000, peak RSS above start: ours {ours:.0f} MB, floor {floor:.0f} MB, "
          f"ratio {ours / max(floor, 1):.2f}; target ≤ 2")
    top = rows[20000]
    return [("write the working copy, CPU", f"{top['ours']:.0f} ms",
             f"raw lxml {top['floor']:.0f} ms", f"{top['ours'] / top['floor']:.2f}×", "≤ 1.5×"),
            ("  growth 5,000 → 20,000", f"exponent {ours_exp:.2f}", f"exponent {floor_exp:.2f}",
             "", "≤ 1.05"),
            ("export memory, peak above start", f"+{ours:.0f} MB", f"+{floor:.0f} MB",
             f"{ours / max(floor, 1):.2f}×", "≤ 2×")]


if __name__ == "__main__":
    main()
