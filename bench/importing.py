"""Benchmark of importing a returned 5,000-paragraph working copy (5% of rows edited)."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

from bench.export import negotiated
from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.working import write_working
from minutes_app.model import Side
from minutes_app.tracking.rounds import snapshot

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def returned_copy(n: int, folder: Path):  # type: ignore[no-untyped-def]
    """Our working copy after the other Side edited 5% of its rows without tracking."""
    m = negotiated(n)
    m.rounds.append(snapshot(m, Side.KR, "2020-12-16T12:00:00Z"))
    path = folder / f"w{n}.docx"
    write_working(m, path)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    rows = list(root.iter(f"{W}tr"))[1:]
    for tr in random.Random(3).sample(rows, len(rows) // 20):
        texts = [t for t in tr.iter(f"{W}t") if t.text and len(t.text) > 20]
        if texts:
            texts[0].text = (texts[0].text or "").replace(" ", " substantive ", 1)
    parts["word/document.xml"] = etree.tostring(root)
    returned = folder / f"r{n}.docx"
    with zipfile.ZipFile(returned, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return m, returned


def main() -> None:
    """Print the import table."""
    print("\nDOCX import of a returned working copy, 5% of rows edited, ms (median of 3); "
          "target at 5,000: < 1500")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (500, 5000):
            m, path = returned_copy(n, Path(tmp))
            runs, touched = [], 0
            for _ in range(3):
                t0 = time.perf_counter()
                op, report = plan_import(m, path, Side.RU, "2020-12-17T09:00:00Z")
                inverse, _change = op.apply(m)
                runs.append((time.perf_counter() - t0) * 1000)
                inverse.apply(m)  # undo, so that each run imports into the same document
                touched = len(report.touched)
            print(f"{n:>10} paragraphs | {statistics.median(runs):>8.1f} ms | "
                  f"{touched} paragraphs revised")


if __name__ == "__main__":
    main()
