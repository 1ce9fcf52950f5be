"""Benchmark of importing a returned working copy (5% of rows edited), beside its floor.

The floor (``bench/floors.py``) unzips ``document.xml`` and iterparses it; reading our
tracked changes and building the import on top of it is what we add.
"""

from __future__ import annotations

import random
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from bench.export import SIZES, interleaved, negotiated
from bench.floors import memory_in_fresh_process, read_floor
from minutes_app.docx_io.importer import plan_import
from minutes_app.docx_io.reader import read_docx
from minutes_app.docx_io.working import write_working
from minutes_app.model import Minutes, Side
from minutes_app.tracking.rounds import snapshot

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def returned_copy(n: int, folder: Path) -> tuple[Minutes, Path]:
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


def _import(m: Minutes, path: Path) -> int:
    """Plan and apply the import, then undo it (each run imports into the same document)."""
    op, report = plan_import(m, path, Side.RU, "2020-12-17T09:00:00Z")
    inverse, _change = op.apply(m)
    inverse.apply(m)
    return len(report.touched)


def main() -> list[tuple[str, str, str, str, str]]:
    """Print the import table, each figure beside its floor; the summary's rows."""
    print("\nDOCX import of a returned working copy, 5% of rows edited, CPU ms (median of 3, "
          "interleaved with the floor: unzip + lxml iterparse); targets: import 5,000 < 1500; "
          "reading 20,000 ≤ 2× floor")
    print(f"{'paragraphs':>10} | {'read ms':>8} | {'import ms':>9} | {'floor ms':>8} | "
          f"{'read/floor':>10} | {'import/floor':>12} | revised")
    from minutes_app.docx_io import safety

    safety.scale_limits(5)  # 20,000 paragraphs: past what the application accepts (issue 12)
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            m, path = returned_copy(n, Path(tmp))
            touched = _import(m, path)
            t = interleaved({"read": lambda p=path: read_docx(p),  # type: ignore[misc]
                             "import": lambda m=m, p=path: _import(m, p),  # type: ignore[misc]
                             "floor": lambda p=path: read_floor(p)},  # type: ignore[misc]
                            3)
            top = t
            print(f"{n:>10} | {t['read']:>8.1f} | {t['import']:>9.1f} | {t['floor']:>8.1f} | "
                  f"{t['read'] / t['floor']:>10.2f} | {t['import'] / t['floor']:>12.2f} | "
                  f"{touched}")
        ours, floor = (memory_in_fresh_process(k, 20000, path)
                       for k in ("import", "floor-read"))
    print(f"  memory at 20,000, peak RSS above start: import {ours:.0f} MB, floor {floor:.0f} MB,"
          f" ratio {ours / max(floor, 1):.2f}; target ≤ 2")
    return [("read a returned copy's changes, CPU", f"{top['read']:.0f} ms",
             f"zip + iterparse {top['floor']:.0f} ms", f"{top['read'] / top['floor']:.2f}×",
             "≤ 2×"),
            ("import memory, peak above start", f"+{ours:.0f} MB", f"+{floor:.0f} MB",
             f"{ours / max(floor, 1):.2f}×", "≤ 2×")]


if __name__ == "__main__":
    main()
