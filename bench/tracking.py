"""Benchmarks of tracking: revisions from texts, listing, and accepting everything."""

from __future__ import annotations

import random
import statistics
import time

from bench.synthetic import synthetic
from minutes_app.model import Lang, Minutes, SetTrack, Side
from minutes_app.model.track import current_text
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.diff import diff
from minutes_app.tracking.revisions import all_revisions

NOW = "2020-12-14T09:00:00Z"


def edited_copy(m: Minutes, share: float, seed: int = 7) -> dict[tuple[int, Lang], str]:
    """New texts for ``share`` of the paragraphs: a few words changed in each language."""
    rng = random.Random(seed)
    out: dict[tuple[int, Lang], str] = {}
    for p in rng.sample(m.paragraphs(), int(len(m.paragraphs()) * share)):
        for lang in m.languages:
            words = p.text(lang).split(" ")
            for _ in range(3):
                i = rng.randrange(len(words))
                words[i] = rng.choice(["substantive", "joint", "실질적인", "공동의", "2022"])
            out[(p.id, lang)] = " ".join(words)
    return out


def measure(n: int, languages: list[Lang] | None = None) -> dict[str, float]:
    """Revisions from texts, listing them, and accepting all, for ``n`` paragraphs."""
    m = synthetic(n, languages=languages)
    edits = edited_copy(m, 0.05)
    t0 = time.process_time()
    tracks = {}
    for p in m.paragraphs():  # what an import or merge does: compare every paragraph
        for lang in m.languages:
            text = p.text(lang)  # read once, as the floor reads it
            new = edits.get((p.id, lang), text)
            if new != text:
                tracks[(p.id, lang)] = diff(text, new, Side.RU, 2, NOW)
    diff_ms = (time.process_time() - t0) * 1000
    for (pid, lang), track in tracks.items():
        SetTrack(pid, lang, current_text(track), track).apply(m)
    t0 = time.process_time()
    revisions = all_revisions(m)
    list_ms = (time.process_time() - t0) * 1000
    t0 = time.process_time()
    decision(m, select(m, lambda r: True), accept=True).apply(m)
    accept_ms = (time.process_time() - t0) * 1000
    assert not all_revisions(m)
    return {"revisions from texts": diff_ms, "list revisions": list_ms,
            "revisions total": diff_ms + list_ms, "accept all": accept_ms,
            "revisions": float(len(revisions))}


def beside_floor(n: int, repeat: int) -> dict[str, float]:
    """Each figure's median over ``repeat`` runs, and the hashing floor's, taken twice after each.

    This machine varies by ±20% run to run; interleaved, ours and the floor see the same load
    (it drifts within a minute on a shared machine), so the ratio of the two medians is
    steadier than that of figures taken one after the other.
    """
    from bench.floors import hash_floor

    m = synthetic(n)
    runs, floors = [], []
    for _ in range(repeat):
        runs.append(measure(n))
        for _ in range(2):
            t0 = time.process_time()
            hash_floor(m)
            floors.append((time.process_time() - t0) * 1000)
    row = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    row["hash floor"] = statistics.median(floors)
    row["revisions / floor"] = row["revisions total"] / row["hash floor"]
    return row


Row = tuple[str, str, str, str, str]  # work, ours, floor, ratio, target (the summary's columns)


def main() -> list[Row]:
    """Print the tracking table, revisions beside the hashing floor; the summary's row."""
    print("\ntracking, 5% of paragraphs edited, CPU ms (median of 5, the floor's of 10 taken "
          "between them); targets: revisions 5,000 < 150, 20,000 ≤ 3× floor (hash every "
          "paragraph's text); accept all 5,000 < 300")
    rows = {n: beside_floor(n, 5) for n in (500, 5000, 20000)}
    columns = list(rows[5000])
    print(f"{'paragraphs':>10} | " + " | ".join(f"{c:>20}" for c in columns))
    for n, row in rows.items():
        print(f"{n:>10} | " + " | ".join(f"{row[c]:>20.1f}" for c in columns))
    top = rows[20000]
    return [("revisions, 5% edited, CPU", f"{top['revisions total']:.0f} ms",
             f"hash every text {top['hash floor']:.0f} ms", f"{top['revisions / floor']:.2f}×",
             "≤ 3×")]


if __name__ == "__main__":
    main()
