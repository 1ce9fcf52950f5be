"""Instructions executed (valgrind's callgrind), for comparing two builds on a busy machine.

Wall and CPU times here move by ±20% with the other work on the machine; the instructions a
run executes move by less than 0.1%. They are not time (a cache miss, a page fault or a disk
sync costs time and no instruction), so the targets stay measured in milliseconds by the other
benches; this one tells whether a change does less work, and where (open the output file with
``callgrind_annotate``). Needs ``valgrind`` (Debian: ``apt-get install valgrind``).

``python bench/instructions.py checks [N] [LANGS]``: a first run of every check over N distinct
paragraphs (1,000; ``ko,en`` or ``ko,ru,en``), as the whole process minus the same process
without the checks.

``python bench/instructions.py start``: the start-up with the demo up to the window complete
(``start_app.py``, the installed command), and the floor's whole process. Under valgrind a start
takes seconds: the timers that would fire long after the window is complete (spell checking,
warming up, autosave, the file watch) are pushed out, and the process ends without tearing the
window down, so that only the start is counted.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LATE = 10**7  # ms: a timer that never fires during a measured start


def count(argv: list[str], out: Path, env: dict[str, str] | None = None) -> int:
    """Instructions of the process ``argv`` under callgrind (its profile written to ``out``)."""
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                           *argv], capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def checks_child(n: int, langs: str, run: bool) -> None:
    """Build the distinct document; with ``run``, a first run of the checks over it."""
    sys.path.insert(0, str(ROOT))
    from bench.checks import distinct_texts
    from bench.synthetic import synthetic
    from minutes_app.checks.conformity import clear_caches, findings
    from minutes_app.model import Lang
    from minutes_app.workflows.templates import demo

    m = synthetic(n, languages=[Lang(x) for x in langs.split(",")])
    distinct_texts(m)
    m.glossary, m.meeting = demo().glossary, demo().meeting
    clear_caches()
    if run:
        findings(m)


def start_child(demo: str) -> None:
    """``start_app.py`` on ``demo``, the late timers pushed out, no tear-down at the end."""
    sys.path.insert(0, str(ROOT))
    from bench import start_app

    watch = start_app.watch

    def watch_quietly(ui_app: object) -> None:
        from PySide6.QtWidgets import QApplication

        from minutes_app.ui import document, main_window, window_parts
        from minutes_app.ui.commands import file_watch

        window_parts.SPELL_START_MS = window_parts.WARM_UP_MS = LATE
        window_parts.SETTLE_MS = main_window.COMPLETE_MS = LATE
        file_watch.POLL_MS = document.AUTOSAVE_MS = LATE
        watch(ui_app)

        def leave(code: int = 0) -> None:
            sys.stdout.flush()
            os._exit(code)

        QApplication.exit = staticmethod(leave)  # type: ignore[method-assign, assignment]

    start_app.watch = watch_quietly
    sys.argv = [sys.argv[0], demo]
    start_app.main()


def main() -> None:
    """Print the instruction counts asked for (``checks`` or ``start``)."""
    if shutil.which("valgrind") is None:
        raise SystemExit("bench/instructions.py needs valgrind (apt-get install valgrind)")
    args = sys.argv[1:]
    me = [sys.executable, str(Path(__file__).resolve())]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        if args[:1] == ["checks"]:
            n = args[1] if len(args) > 1 else "1000"
            langs = args[2] if len(args) > 2 else "ko,en"
            base = count([*me, "--checks-child", n, langs, "0"], out / "base.out")
            whole = count([*me, "--checks-child", n, langs, "1"], out / "checks.out")
            print(f"checks, first run, {n} distinct paragraphs, {langs}: "
                  f"{(whole - base) / 1e6:,.1f} M instructions")
        elif args[:1] == ["start"]:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "XDG_CONFIG_HOME": str(out / "config"), "XDG_DATA_HOME": str(out / "data")}
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: with bytecode
            prepared = subprocess.run([sys.executable, str(ROOT / "bench" / "start_app.py"),
                                       "--prepare"], capture_output=True, text=True, env=env,
                                      check=True)
            demo = prepared.stdout.split()[-1]
            subprocess.run([*me, "--start-child", demo], env=env, check=True,
                           capture_output=True)  # bytecode written, as after an install
            app = count([*me, "--start-child", demo], out / "start.out", env)
            floor = count([sys.executable, str(ROOT / "bench" / "start_floor.py")],
                          out / "floor.out", env)
            print(f"start-up with the demo, window complete: {app / 1e6:,.1f} M instructions; "
                  f"floor {floor / 1e6:,.1f} M; ratio {app / floor:.2f}")
        else:
            raise SystemExit(__doc__)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--checks-child"]:
        checks_child(int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1")
    elif sys.argv[1:2] == ["--start-child"]:
        start_child(sys.argv[2])
    else:
        main()
