"""Benchmark of the conformity checks on large documents."""

from __future__ import annotations

import statistics
import time

from bench.synthetic import synthetic
from minutes_app.checks.conformity import findings
from minutes_app.templates import demo


def main() -> None:
    """Print the checks table."""
    print("\nconformity checks, ms (median of 5); target at 5,000: < 500")
    glossary = demo().glossary
    for n in (500, 5000, 20000):
        m = synthetic(n)
        m.glossary = glossary
        m.meeting = demo().meeting
        runs, count = [], 0
        for _ in range(5):
            t0 = time.perf_counter()
            count = len(findings(m))
            runs.append((time.perf_counter() - t0) * 1000)
        print(f"{n:>10} paragraphs | {statistics.median(runs):>8.1f} ms | {count} findings")


if __name__ == "__main__":
    main()
