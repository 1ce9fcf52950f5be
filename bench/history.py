"""Benchmarks of the negotiation's history at 20 rounds: compare, blame, timeline, report."""

from __future__ import annotations

import io
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import synthetic
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.track import Author
from minutes_app.tracking.compare import compare, timeline
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.ops import EditText
from minutes_app.tracking.provenance import blame, forget
from minutes_app.tracking.rounds import snapshot

WORDS = ["substantive", "joint", "실질적인", "공동의", "2022", "regional", "협력"]


def negotiated(n: int, rounds: int = 20, share: float = 0.02, seed: int = 3) -> Minutes:
    """``n`` paragraphs through ``rounds`` rounds, ``share`` of them edited in each round."""
    rng = random.Random(seed)
    m = synthetic(n)
    m.rounds.append(snapshot(m, Side.KR, "2020-11-01T09:00:00Z"))
    for k in range(2, rounds + 1):
        side = Side.RU if k % 2 == 0 else Side.KR
        m.own_side = side
        received = select(m, lambda r: r.side is not m.own_side)
        if received:  # the answering Side accepts what it received
            decision(m, received, accept=True).apply(m)
        author = Author(side, k, f"2020-11-{k:02d}T09:00:00Z")
        for p in rng.sample(m.paragraphs(), int(n * share)):
            for lang in m.languages:
                words = p.text(lang).split(" ")
                words[rng.randrange(len(words))] = rng.choice(WORDS)
                EditText(p.id, lang, " ".join(words), author).apply(m)
        if k < rounds:
            m.rounds.append(snapshot(m, side, author.time))
    m.own_side = Side.KR
    return m


Timing = tuple[float, float]  # wall, CPU (ms)
TARGETS = {"compare": 300.0, "blame": 500.0, "timeline": 20.0, "report": 2000.0}


def _timed(fn: Callable[[], object], repeat: int = 3) -> Timing:
    """Median wall and CPU milliseconds of ``fn``."""
    walls, cpus = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - w0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _cold(fn: Callable[[], object]) -> Callable[[], object]:
    """``fn`` with the remembered diffs and walks of rounds forgotten first: a fresh process."""
    def run() -> object:
        forget()
        return fn()
    return run


def _report_in_a_fresh_process(n: int) -> Timing:
    """The report as the first thing a process does (the plotting library not yet imported)."""
    out = subprocess.run([sys.executable, "-m", "bench.history", "--report-once", str(n)],
                         capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    wall, cpu = json.loads(out.stdout.splitlines()[-1])
    return float(wall), float(cpu)


def _report_once(n: int) -> None:
    from minutes_app.docx_io.history_report import write_history_report

    m = negotiated(n)
    print(json.dumps(_timed(lambda: write_history_report(m, io.BytesIO()), 1)))


def measure(n: int = 5000) -> dict[str, tuple[str, Timing]]:
    """(target, wall and CPU ms) of each history measure at ``n`` paragraphs and 20 rounds."""
    from minutes_app.docx_io.history_report import write_history_report

    m = negotiated(n)
    pid = m.paragraphs()[n // 2].id
    return {
        "compare round 1 with the current text (cold)": ("compare", _timed(_cold(
            lambda: compare(m, 1)))),
        "compare round 1 with the current text (warm)": ("compare", _timed(
            lambda: compare(m, 1))),
        "compare two rounds 5 → 15 (cold)": ("compare", _timed(_cold(lambda: compare(m, 5, 15)))),
        "compare two rounds 5 → 15 (warm)": ("compare", _timed(lambda: compare(m, 5, 15))),
        "blame of the whole text, one language (cold)": ("blame", _timed(
            _cold(lambda: blame(m, Lang.EN)))),
        "blame of the whole text, one language (warm)": ("blame", _timed(
            lambda: blame(m, Lang.EN))),
        "timeline of one paragraph (cold)": ("timeline", _timed(_cold(lambda: timeline(m, pid)),
                                                                 20)),
        "timeline of one paragraph (warm)": ("timeline", _timed(lambda: timeline(m, pid), 20)),
        "history report, DOCX with chart (cold: new process)": (
            "report", _report_in_a_fresh_process(n)),
        "history report, DOCX with chart (warm)": ("report", _timed(
            lambda: write_history_report(m, io.BytesIO()), 2)),
    }


def main() -> None:
    """Print the history measures at 5,000 paragraphs and 20 rounds."""
    print("\nhistory at 5,000 paragraphs, 20 rounds, 2% edited per round (ms)")
    print(f"{'':<52} {'wall':>8} {'CPU':>8} {'target':>8}")
    for name, (kind, (wall, cpu)) in measure().items():
        print(f"{name:<52} {wall:8.1f} {cpu:8.1f} {'< ' + format(TARGETS[kind], ',.0f'):>8}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--report-once"]:
        _report_once(int(sys.argv[2]))
    else:
        main()
