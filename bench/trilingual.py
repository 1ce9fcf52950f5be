"""Benchmarks with three languages (Korean, Russian, English) at 5,000 paragraphs.

Targets: load < 200 ms, revisions of 5% edited < 200 ms, checks (first run, distinct texts,
CPU) < 700 ms, editor open < 1.5 s and keystroke < 16 ms with three columns.
``python bench/trilingual.py`` prints the table.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from bench.synthetic import synthetic  # noqa: E402
from minutes_app.model import Lang  # noqa: E402
from minutes_app.store import MinutesFile  # noqa: E402

LANGS = [Lang.KO, Lang.RU, Lang.EN]
N = 5000


def load_ms(folder: Path) -> float:
    """Median full load of a trilingual ``N``-paragraph file."""
    from bench.run import timed

    path = folder / "tri.minutes"
    MinutesFile.create(path, synthetic(N, languages=LANGS)).close()

    def load() -> None:
        f, _ = MinutesFile.open(path)
        f.close()

    return timed(load, 9)


def revisions_ms() -> dict[str, float]:
    """Revisions of 5% edited paragraphs (diff + list), median of 5 runs."""
    from bench.tracking import measure

    runs = [measure(N, LANGS) for _ in range(5)]
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def editor() -> dict[str, float]:
    """Open a trilingual document to a usable window; keystrokes in the Russian column."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from minutes_app.ui.app import build_window, create_application
    from minutes_app.ui.editor.cell import ParagraphEditor

    create_application()
    path = Path(tempfile.mkdtemp()) / "tri.minutes"
    MinutesFile.create(path, synthetic(N, languages=LANGS)).close()
    t0 = time.perf_counter()
    window = build_window(str(path), "en")
    window.show()
    while not window.completed:
        QApplication.processEvents()
    QApplication.processEvents()
    open_ms = (time.perf_counter() - t0) * 1000
    assert window.editor_model.columnCount() == 4
    window.editor.go_to(N // 2, window.editor_model.column_of(Lang.RU))
    QApplication.processEvents()
    cell = next(e for e in window.editor.findChildren(ParagraphEditor) if e.isVisible())
    samples = []
    for i in range(200):
        t = time.perf_counter()
        QTest.keyClick(cell, Qt.Key.Key_A if i % 2 else Qt.Key.Key_Space)
        window.editor.viewport().repaint()
        QApplication.processEvents()
        samples.append((time.perf_counter() - t) * 1000)
    typed = window.editor.currentIndex().data(Qt.ItemDataRole.EditRole)
    assert typed.endswith(" a" * 100), "the keystrokes did not reach the Russian text"
    window.close()
    return {"open to usable window ms": open_ms,
            "keystroke median ms": statistics.median(samples),
            "keystroke p95 ms": sorted(samples)[int(len(samples) * 0.95)]}


def main() -> None:
    """Print the trilingual table."""
    with tempfile.TemporaryDirectory() as tmp:
        load = load_ms(Path(tmp))
    revisions = revisions_ms()
    from bench.checks import TRILINGUAL, _measure

    checks_cpu = _measure(N, True, TRILINGUAL)[1]
    done = subprocess.run([sys.executable, __file__, "--editor"], check=True,
                          capture_output=True, text=True)
    ui = json.loads(done.stdout.splitlines()[-1])
    print(f"\nthree languages (ko, ru, en), {N:,} paragraphs; targets: load < 200 ms, "
          "revisions < 200 ms, checks < 700 ms, open < 1500 ms, keystroke < 16 ms")
    rows = {"full load ms": load, "revisions of 5% edited (diff + list) ms":
            revisions["revisions total"], "accept all ms": revisions["accept all"],
            "revisions": revisions["revisions"],
            "checks, first run, distinct texts (CPU) ms": checks_cpu, **ui}
    for k, v in rows.items():
        print(f"  {k:<40} {v:>10.2f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--editor"]:
        print(json.dumps(editor()))
    else:
        main()
