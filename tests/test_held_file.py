"""A file this process holds stays held when it is opened again here: refused for writing
(as another process is refused), read through the holder for reading, and never released to
another process by the second opening (closing any descriptor of a file drops its locks)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.errors import FileLockedError
from minutes_app.store import MinutesFile

ROOT = Path(__file__).resolve().parents[1]


def _send(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", "send", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_a_held_file_opened_again_in_the_same_process_stays_held(demo_file: Path) -> None:
    held, m = MinutesFile.open(demo_file)
    try:
        with pytest.raises(FileLockedError) as refused:
            MinutesFile.open(demo_file)  # a second window on the same file
        assert refused.value.code == "locked"
        reader, again = MinutesFile.open(demo_file, read_only=True)  # e.g. compare, merge
        reader.close()
        assert [p.texts for p in again.paragraphs()] == [p.texts for p in m.paragraphs()]
        assert reader.read_only
        done = _send(demo_file)  # another process: still kept out
        assert done.returncode == 1 and "open in another" in done.stderr, done.stderr
    finally:
        held.close()
    done = _send(demo_file)  # released on close
    assert done.returncode == 0, done.stderr


def test_a_reading_copy_made_while_the_editor_saves_is_made_again(
        demo_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import shutil

    from minutes_app.cli import reading

    copied: list[str] = []
    real = shutil.copyfile

    def copy_while_saving(src: str, dst: str) -> str:
        copied.append(str(src))
        if len(copied) == 1:  # the editor writes between the file and its journal
            os.utime(demo_file, ns=(1, 1))
        return real(src, dst)

    monkeypatch.setattr(shutil, "copyfile", copy_while_saving)
    m, _history = reading._read_copy(str(demo_file))
    assert copied.count(str(demo_file)) == 2 and m.paragraphs()
