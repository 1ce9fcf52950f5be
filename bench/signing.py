"""Benchmark of the signing original, its fingerprints and verify (DOCX), all agreed."""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path

from bench.synthetic import synthetic
from minutes_app.checks.fingerprint import fingerprints
from minutes_app.checks.verify import verify_text
from minutes_app.docx_io.originals import original_text
from minutes_app.docx_io.signing import write_signing
from minutes_app.model import Side, Status


def agreed(n: int):  # type: ignore[no-untyped-def]
    """A synthetic document of ``n`` paragraphs, every one agreed (its findings dismissed)."""
    from minutes_app.checks.conformity import blocking

    m = synthetic(n)
    for p in m.paragraphs():
        p.status, p.agreed_texts = Status.AGREED, dict(p.texts)
    for f in blocking(m):
        m.dismissed[f.key] = "bench"
    return m


def _median(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main() -> None:
    """Print the signing table."""
    print("\nSigning original (RU, DOCX), fingerprints, verify of the DOCX, ms (median of 3)")
    for n in (500, 5000):
        m = agreed(n)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "ru.docx"
            write_signing(m, out, Side.RU)
            write = _median(lambda: write_signing(m, io.BytesIO(), Side.RU))  # noqa: B023
            prints = _median(lambda: fingerprints(m))  # noqa: B023
            verify = _median(lambda: verify_text(m, *original_text(out)))  # noqa: B023
        print(f"{n:>10} paragraphs | write {write:>8.1f} | fingerprints {prints:>7.1f} | "
              f"verify {verify:>8.1f}")


if __name__ == "__main__":
    main()
