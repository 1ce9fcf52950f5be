"""A save that is not its opening's first, killed at any write, is played back as ours (the
window's autosaves: one opening, many saves). Under the exclusive lock SQLite counts changes
once per lock, so such a save may journal no page 1 or keep its change counter; the leftover
journal must still be taken for ours, never refused as another copy's (files12, item 3)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from minutes_app.store.journal import read_journal
from tests.faults.scenes import ROOT, cli, small_document, state

PAGE = 4096

SCRIPT = """
import sys
from minutes_app.model import Lang, SetText
from minutes_app.store import MinutesFile

f, m = MinutesFile.open(sys.argv[1])
paragraphs = m.paragraphs()
for n in range(int(sys.argv[2])):  # one save each, the same opening
    _, change = SetText(paragraphs[n].id, Lang.EN, f"Save {n}: " + "long text " * 60).apply(m)
    f.write(m, change)
f.close()
"""


def _saves(path: Path, count: int, strace: list[str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    prefix = ["strace", "-f", "-qq", *strace] if strace else []
    return subprocess.run([*prefix, sys.executable, "-c", SCRIPT, str(path), str(count)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def _pwrites(path: Path, count: int, work: Path) -> int:
    log = work / f"trace-{count}.log"
    done = _saves(path, count, ["-o", str(log), "-e", "trace=pwrite64"])
    assert done.returncode == 0, done.stderr
    return sum(" pwrite64(" in line or line.startswith("pwrite64(")
               for line in log.read_text().splitlines())


def test_a_later_save_of_one_opening_killed_at_any_write_is_played_back(tmp_path: Path
                                                                         ) -> None:
    assert shutil.which("strace"), "strace is needed (Debian package strace)"
    base = small_document(tmp_path / "base.minutes")
    states = []
    for count in (1, 2):
        done = tmp_path / f"done-{count}.minutes"
        shutil.copyfile(base, done)
        assert _saves(done, count).returncode == 0
        states.append(state(done))
    first = _pwrites(shutil.copyfile(base, tmp_path / "c1.minutes"), 1, tmp_path)
    total = _pwrites(shutil.copyfile(base, tmp_path / "c2.minutes"), 2, tmp_path)
    assert total > first + 2, (first, total)
    no_page_one = 0
    for n in range(first + 1, total + 1):  # every write of the second save
        target = tmp_path / f"kill-{n}.minutes"
        shutil.copyfile(base, target)
        killed = _saves(target, 2, ["-o", "/dev/null", "-e",
                                    f"inject=pwrite64:signal=SIGKILL:when={n}"])
        assert killed.returncode != 0, n
        no_page_one += _half_written_without_page_one(target)
        opened = cli("info", str(target))
        assert opened.returncode == 0, (n, opened.stderr)
        now = state(target)
        assert now == states[0], f"not the state before the killed save: pwrite64 #{n}"
    assert no_page_one, "no kill left the case this test is about"


def _half_written_without_page_one(path: Path) -> bool:
    """A hot journal holding no page 1, some of whose pages the file already holds anew."""
    journal = Path(f"{path}-journal")
    if not journal.exists():
        return False
    with journal.open("rb") as fh:
        played = read_journal(fh)
    data = path.read_bytes()
    return (played is not None and 1 not in played.pages
            and any(data[(k - 1) * PAGE:k * PAGE] != c for k, c in played.pages.items()))
