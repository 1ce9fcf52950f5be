"""Benchmarks of the core: ``python bench/run.py`` prints a table (median of repeats, ms)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from collections.abc import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic
from minutes_app.model import SetText
from minutes_app.store import MinutesFile

SIZES = (50, 500, 5000, 20000)


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def bench_store(n: int, folder: Path) -> dict[str, float]:
    """Create, full load and one-paragraph save for an ``n``-paragraph document."""
    m = synthetic(n)
    path = folder / f"doc{n}.minutes"
    counter = iter(range(10**9))

    def create() -> None:
        MinutesFile.create(path, m, overwrite=True).close()

    def load() -> None:
        f, _ = MinutesFile.open(path)
        f.close()

    def floor() -> None:  # read every row of every table, build nothing
        import sqlite3

        conn = sqlite3.connect(path)
        for table in ("meta", "section", "paragraph", "round"):
            conn.execute(f"SELECT * FROM {table}").fetchall()
        conn.close()

    row: dict[str, float] = {"create": timed(create, 5), "load": timed(load, 9),
                             "floor: read rows": timed(floor, 9)}
    row["load / floor"] = row["load"] / row["floor: read rows"]
    f, doc = MinutesFile.open(path)
    pid = doc.paragraphs()[n // 2].id
    lang = doc.languages[1]

    def save_one() -> None:
        _, change = SetText(pid, lang, f"Edited text {next(counter)}").apply(doc)
        f.write(doc, change)

    row["save one paragraph"] = timed(save_one, 50)
    f.close()
    row["file KiB"] = path.stat().st_size / 1024
    return row


def print_table(title: str, rows: dict[int, dict[str, float]]) -> None:
    """Print one table: a row per size, a column per measure."""
    columns = list(next(iter(rows.values())))
    print(f"\n{title}")
    print(f"{'paragraphs':>10} | " + " | ".join(f"{c:>18}" for c in columns))
    print("-" * (13 + 21 * len(columns)))
    for n, row in rows.items():
        print(f"{n:>10} | " + " | ".join(f"{row[c]:>18.2f}" for c in columns))


def main() -> None:
    """Run every benchmark and print the tables."""
    with tempfile.TemporaryDirectory() as tmp:
        rows = {n: bench_store(n, Path(tmp)) for n in SIZES}
    print_table("store (.minutes file), ms; targets: load 5,000 < 150, save one < 5 (the floor "
                "reads every row with sqlite3 and builds nothing)", rows)
    from bench import (checks, export, history, import_new_rows, importing, signing, tracking,
                       trilingual, ui)

    summary = tracking.main()
    history.main()
    summary += export.main()
    signing.main()
    summary += importing.main()
    import_new_rows.main()
    checks.main()
    summary += ui.main()
    trilingual.main()
    print_summary(summary)


def print_summary(rows: list[tuple[str, str, str, str, str]]) -> None:
    """The issue's targets at 20,000 paragraphs, each beside its floor from the same run."""
    print("\nagainst the floor, 20,000 paragraphs (figures from the tables above)")
    head = ("work", "ours", "floor", "ours / floor", "target")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    for r in [head, *rows]:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


if __name__ == "__main__":
    main()
