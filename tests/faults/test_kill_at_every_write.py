"""The fault harness: the CLI killed at every write it makes (strace fault injection).

For send, import, merge and accept on a small document, each write system call the store
makes (``pwrite64`` of pages and journal, ``fdatasync``, the ``unlink`` that commits) is in
turn the one where the process gets SIGKILL. After each kill the file must open and hold
exactly the state before the command or the state after it: never a mix, never "truncated".
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.faults.scenes import cli, returned_docx, small_document, state, their_copy

SYSCALLS = ("pwrite64", "fdatasync", "unlink")
NOTE = "x" * 20_000  # a round large enough to spill over several pages


def _count_calls(args: list[str], work: Path) -> dict[str, int]:
    log = work / "trace.log"
    done = subprocess.run(["strace", "-f", "-o", str(log), "-e", "trace=" + ",".join(SYSCALLS),
                           *_cmd(args)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = log.read_text().splitlines()
    return {s: sum(1 for line in lines if f" {s}(" in line or line.startswith(f"{s}("))
            for s in SYSCALLS}


def _cmd(args: list[str]) -> list[str]:
    import sys

    exe = shutil.which("minutes-app")
    return [*([exe] if exe else [sys.executable, "-m", "minutes_app"]), *args]


def _scenario(command: str, work: Path) -> tuple[Path, list[str]]:
    doc = small_document(work / "base.minutes")
    if command == "send":
        return doc, ["send", "{file}", "--note", NOTE]
    if command == "accept":
        return doc, ["accept", "{file}", "--all"]
    if command == "merge":
        theirs = their_copy(doc, work / "theirs.minutes")
        return doc, ["merge", "{file}", str(theirs)]
    returned = returned_docx(doc, work / "returned.docx")
    return doc, ["import", "{file}", str(returned)]


@pytest.mark.parametrize("command", ["send", "import", "merge", "accept"])
def test_a_kill_at_any_write_leaves_the_state_before_or_after(command: str,
                                                             tmp_path: Path) -> None:
    assert shutil.which("strace"), "strace is needed (Debian package strace)"
    base, template = _scenario(command, tmp_path)
    before = state(base)
    done_copy = tmp_path / "done.minutes"
    shutil.copyfile(base, done_copy)
    counts = _count_calls([a.replace("{file}", str(done_copy)) for a in template], tmp_path)
    after = state(done_copy)
    assert after != before, f"{command} changed nothing: the harness would prove nothing"
    assert counts["pwrite64"] >= 3 and counts["fdatasync"] >= 1, counts
    seen = {"before": 0, "after": 0}
    for syscall, total in counts.items():
        for n in range(1, total + 1):
            target = tmp_path / f"{syscall}-{n}.minutes"
            shutil.copyfile(base, target)
            args = [a.replace("{file}", str(target)) for a in template]
            killed = cli(*args, strace=["-e", f"inject={syscall}:signal=SIGKILL:when={n}"])
            assert killed.returncode != 0 or syscall == "unlink", (syscall, n)
            opened = cli("info", str(target))
            assert opened.returncode == 0, (syscall, n, opened.stderr)
            assert "truncated" not in opened.stderr
            now = state(target)
            assert now in (before, after), f"{command}: a mix after a kill at {syscall} #{n}"
            seen["before" if now == before else "after"] += 1
            for leftover in target.parent.glob(f"{target.name}*"):
                if leftover != target:
                    leftover.unlink()  # the journal the kill left, once recovered
            target.unlink()
    assert seen["before"] > 0, seen
