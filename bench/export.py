"""Benchmark of the DOCX export: a 5,000-paragraph working copy with 5% edited."""

from __future__ import annotations

import io
import statistics
import time

from bench.synthetic import synthetic
from bench.tracking import NOW, edited_copy
from minutes_app.docx_io.working import write_working
from minutes_app.model import SetTrack, Side
from minutes_app.model.track import current_text
from minutes_app.tracking.diff import diff
from minutes_app.tracking.rounds import snapshot


def negotiated(n: int):  # type: ignore[no-untyped-def]
    """A document of ``n`` paragraphs, after a round, with 5% of them revised."""
    m = synthetic(n)
    m.rounds.append(snapshot(m, Side.KR, NOW))
    for (pid, lang), text in edited_copy(m, 0.05).items():
        track = diff(m.paragraph(pid).text(lang), text, Side.RU, 2, NOW)
        SetTrack(pid, lang, current_text(track), track).apply(m)
    return m


def main() -> None:
    """Print the export table."""
    print("\nDOCX working copy, 5% of paragraphs revised, ms (median of 3); "
          "target at 5,000: < 1000")
    for n in (500, 5000):
        m = negotiated(n)
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            size = len(write_working(m, io.BytesIO()))
            runs.append((time.perf_counter() - t0) * 1000)
        print(f"{n:>10} paragraphs | {statistics.median(runs):>8.1f} ms | {size / 1024:>8.0f} KiB")


if __name__ == "__main__":
    main()
