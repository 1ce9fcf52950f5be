"""Benchmark of the conformity checks on large documents.

The synthetic documents repeat the demo's translation pairs, and the checks reuse what they
found for the same texts in the same kind of place; the ``distinct`` row gives every paragraph
texts of its own (the worst case: a first run over a document nothing repeats in).

``first`` is a run with every cache empty (the document just opened); ``again`` is the median
of the runs that follow (the checks rerun after each pause in typing, and only the paragraphs
whose text changed are checked anew).
"""

from __future__ import annotations

import statistics
import time

from bench.synthetic import synthetic
from minutes_app.checks.conformity import clear_caches, findings
from minutes_app.model import Lang, Minutes
from minutes_app.templates import demo


_PLACES = (("Busan", "부산"), ("Ulsan", "울산"), ("Vladivostok", "블라디보스토크"),
           ("Seoul", "서울"), ("Moscow", "모스크바"))
_TOPICS = (("shipbuilding", "조선"), ("fisheries", "수산"), ("energy", "에너지"),
           ("logistics", "물류"), ("agriculture", "농업"), ("health care", "보건의료"),
           ("tourism", "관광"))


def distinct_texts(m: Minutes) -> None:
    """Give every paragraph texts nothing else in the document repeats (in every sentence).

    The first sentence gets the paragraph's own round number, and a sentence of its own
    varies a place, a field, a count and a percentage, translated in each language.
    """
    for i, p in enumerate(m.paragraphs()):
        (place_en, place_ko), (topic_en, topic_ko) = (_PLACES[i % len(_PLACES)],
                                                      _TOPICS[(i // 5) % len(_TOPICS)])
        count, share = i + 2, 10 + i % 80
        p.texts[Lang.EN] = (f"In round {i + 1}, {p.texts[Lang.EN]} The two Sides noted "
                            f"{count} projects in {topic_en} in {place_en}, {share}% of them "
                            "completed.")
        p.texts[Lang.KO] = (f"{i + 1}회차에 {p.texts[Lang.KO]} 양측은 {place_ko}의 "
                            f"{topic_ko} 분야 {count}개 사업 중 {share}%가 완료되었음에 "
                            "주목하였다.")


def _measure(n: int, distinct: bool = False) -> tuple[float, float, float, float, int]:
    m = synthetic(n)
    if distinct:  # synthetic texts repeat the demo's pairs: make every paragraph its own
        distinct_texts(m)
    m.glossary = demo().glossary
    m.meeting = demo().meeting
    firsts, cpu, again, edited, count = [], [], [], [], 0
    for _ in range(3):
        clear_caches()
        t0, c0 = time.perf_counter(), time.process_time()
        count = len(findings(m))
        firsts.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    for i in range(5):
        t0 = time.perf_counter()
        findings(m)
        again.append((time.perf_counter() - t0) * 1000)
        p = m.paragraphs()[i * 7]
        p.texts[Lang.EN] = p.texts[Lang.EN] + " Further details will follow."
        t0 = time.perf_counter()
        findings(m)
        edited.append((time.perf_counter() - t0) * 1000)
    return (statistics.median(firsts), statistics.median(cpu), statistics.median(again),
            statistics.median(edited), count)


def main() -> None:
    """Print the checks table."""
    print("\nconformity checks, ms (median); target at 5,000: < 500")
    print("(first run: wall and CPU time, every cache empty; the CPU time is the figure a loaded")
    print(" machine does not inflate)")
    print(f"{'':>21} | {'first run':>9} | {'its CPU':>7} | {'again':>7} | {'one edit':>8} "
          "| findings")
    for n, distinct in ((500, False), (5000, False), (20000, False), (5000, True)):
        first, cpu, again, edited, count = _measure(n, distinct)
        label = f"{n:>6} {'distinct' if distinct else 'paragraphs'}"
        print(f"{label:>21} | {first:>9.1f} | {cpu:>7.1f} | {again:>7.1f} | {edited:>8.1f} "
              f"| {count}")


if __name__ == "__main__":
    main()
