"""Benchmarks of the negotiation's history at 20 rounds: compare, blame, timeline, report."""

from __future__ import annotations

import io
import random
import statistics
import time
from collections.abc import Callable

from bench.synthetic import synthetic
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.track import Author
from minutes_app.tracking.compare import compare, timeline
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.ops import EditText
from minutes_app.tracking.provenance import blame, opcodes_between
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


def _timed(fn: Callable[[], object], repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def _cold(fn: Callable[[], object]) -> Callable[[], object]:
    """``fn`` with the remembered diffs of rounds forgotten first: a fresh process."""
    def run() -> object:
        opcodes_between.cache_clear()
        return fn()
    return run


def measure(n: int = 5000) -> dict[str, float]:
    """Milliseconds for each history measure at ``n`` paragraphs and 20 rounds."""
    from minutes_app.docx_io.history_report import write_history_report

    m = negotiated(n)
    pid = m.paragraphs()[n // 2].id
    out = {
        "compare round 1 with the current text (cold)": _timed(_cold(lambda: compare(m, 1))),
        "compare round 1 with the current text (warm)": _timed(lambda: compare(m, 1)),
        "compare two rounds 5 → 15 (cold)": _timed(_cold(lambda: compare(m, 5, 15))),
        "blame of the whole text, one language (cold)": _timed(
            _cold(lambda: blame(m, Lang.EN))),
        "blame of the whole text, one language (warm)": _timed(lambda: blame(m, Lang.EN)),
        "timeline of one paragraph (cold)": _timed(_cold(lambda: timeline(m, pid)), 20),
        "history report, DOCX with chart (cold)": _timed(
            _cold(lambda: write_history_report(m, io.BytesIO())), 1),
    }
    return out


def main() -> None:
    """Print the history measures at 5,000 paragraphs and 20 rounds."""
    print("\nhistory at 5,000 paragraphs, 20 rounds, 2% edited per round, ms; targets: compare"
          " < 300, blame < 500, timeline < 20, report < 2,000")
    for name, ms in measure().items():
        print(f"{name:<48} {ms:8.1f}")


if __name__ == "__main__":
    main()
