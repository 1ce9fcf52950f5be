"""Benchmark of the conformity checks on large documents (``--split``: each check's share).

The synthetic documents repeat the demo's translation pairs, and the checks reuse what they
found for the same texts in the same kind of place; the ``distinct`` row gives every paragraph
texts of its own (the worst case: a first run over a document nothing repeats in).

``first`` is a run with every cache empty (the document just opened); ``again`` is the median
of the runs that follow (the checks rerun after each pause in typing, and only the paragraphs
whose text changed are checked anew).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # ``python bench/checks.py`` (and under cProfile) finds the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic
from minutes_app.checks.conformity import clear_caches, findings
from minutes_app.model import Lang, Minutes
from minutes_app.workflows.templates import demo


_PLACES = (("Busan", "부산", "Пусане"), ("Ulsan", "울산", "Ульсане"),
           ("Vladivostok", "블라디보스토크", "Владивостоке"), ("Seoul", "서울", "Сеуле"),
           ("Moscow", "모스크바", "Москве"))
_TOPICS = (("shipbuilding", "조선", "судостроения"), ("fisheries", "수산", "рыболовства"),
           ("energy", "에너지", "энергетики"), ("logistics", "물류", "логистики"),
           ("agriculture", "농업", "сельского хозяйства"), ("health care", "보건의료",
                                                           "здравоохранения"),
           ("tourism", "관광", "туризма"))


def distinct_texts(m: Minutes) -> None:
    """Give every paragraph texts nothing else in the document repeats (in every sentence).

    The first sentence gets the paragraph's own round number, and a sentence of its own
    varies a place, a field, a count and a percentage, translated in each language.
    """
    for i, p in enumerate(m.paragraphs()):
        (place_en, place_ko, place_ru), (topic_en, topic_ko, topic_ru) = (
            _PLACES[i % len(_PLACES)], _TOPICS[(i // 5) % len(_TOPICS)])
        count, share = i + 2, 10 + i % 80
        p.texts[Lang.EN] = (f"In round {i + 1}, {p.texts[Lang.EN]} The two Sides noted "
                            f"{count} projects in {topic_en} in {place_en}, {share}% of them "
                            "completed.")
        p.texts[Lang.KO] = (f"{i + 1}회차에 {p.texts[Lang.KO]} 양측은 {place_ko}의 "
                            f"{topic_ko} 분야 {count}개 사업 중 {share}%가 완료되었음에 "
                            "주목하였다.")
        if Lang.RU in p.texts:
            p.texts[Lang.RU] = (f"В раунде {i + 1}: {p.texts[Lang.RU]} Стороны отметили "
                                f"{count} проектов в области {topic_ru} в {place_ru}, "
                                f"{share}% из которых завершены.")


def _measure(n: int, distinct: bool = False, languages: list[Lang] | None = None
             ) -> tuple[float, float, float, float, int]:
    m = synthetic(n, languages=languages)
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


TRILINGUAL = [Lang.KO, Lang.RU, Lang.EN]


def headline() -> dict[str, float]:
    """CPU ms of a first run at 5,000 distinct paragraphs, bilingual and trilingual."""
    return {"bilingual": _measure(5000, True)[1],
            "trilingual": _measure(5000, True, TRILINGUAL)[1]}


def split(languages: list[Lang] | None = None, n: int = 5000) -> None:
    """Print the CPU ms of each check over every unit of a distinct document (first run).

    Each check runs alone over all units, caches emptied first: the shares add up to about
    the first run's time (``--split``, ``--split3`` for three languages).
    """
    from minutes_app.checks import conformity
    from minutes_app.gcpause import collector_paused
    from minutes_app.checks.context import Context
    from minutes_app.checks.places import all_units
    from minutes_app.checks.translation import consistency_checks, expected_ratios, length_checks

    m = synthetic(n, languages=languages)
    distinct_texts(m)
    m.glossary, m.meeting = demo().glossary, demo().meeting
    clear_caches()
    with collector_paused(settle=True):
        c0 = time.process_time()
        ctx, units = Context(m), all_units(m)
        rows = [("context and units", time.process_time() - c0)]
        c0 = time.process_time()
        expected_ratios(units, ctx)
        rows.append(("expected_ratios", time.process_time() - c0))
        for check in (*conformity.TEXT_CHECKS, length_checks, *conformity.STATE_CHECKS):
            c0 = time.process_time()
            for unit in units:
                if check in conformity.STATE_CHECKS and unit.place != "paragraph":
                    continue
                for _ in check(unit, ctx):
                    pass
            rows.append((check.__name__, time.process_time() - c0))
        c0 = time.process_time()
        list(consistency_checks(units, ctx))
        rows.append(("consistency_checks", time.process_time() - c0))
    print(f"\nCPU ms per check, {n} distinct paragraphs, "
          f"{','.join(x.value for x in languages or [Lang.KO, Lang.EN])}")
    for name, seconds in rows:
        print(f"{name:>27} | {seconds * 1000:8.1f}")
    print(f"{'sum':>27} | {sum(s for _, s in rows) * 1000:8.1f}")


def main() -> None:
    """Print the checks table (or, with ``--split``/``--split3``, each check's share)."""
    if "--split" in sys.argv or "--split3" in sys.argv:
        split(TRILINGUAL if "--split3" in sys.argv else None)
        return
    print("\nconformity checks, ms (median); targets at 5,000 distinct paragraphs (first run,")
    print("CPU): bilingual < 500, trilingual < 700")
    print("(first run: wall and CPU time, every cache empty; the CPU time is the figure a loaded")
    print(" machine does not inflate; 'distinct' rows give every paragraph texts of its own, the")
    print(" other rows repeat the demo's pairs, which the per-text caches make cheaper)")
    print(f"{'':>27} | {'first run':>9} | {'its CPU':>7} | {'again':>7} | {'one edit':>8} "
          "| findings | target")
    rows = ((500, False, None, ""), (5000, False, None, ""), (20000, False, None, ""),
            (5000, True, None, "< 500"), (5000, True, TRILINGUAL, "< 700"))
    for n, distinct, langs, target in rows:
        first, cpu, again, edited, count = _measure(n, distinct, langs)
        label = (f"{n:>6} {'distinct' if distinct else 'paragraphs'}"
                 f"{' ko,ru,en' if langs else ''}")
        print(f"{label:>27} | {first:>9.1f} | {cpu:>7.1f} | {again:>7.1f} | {edited:>8.1f} "
              f"| {count:>8} | {target}")


if __name__ == "__main__":
    main()
