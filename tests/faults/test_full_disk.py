"""A full disk and other refusals of the system (issue 12, items 2 and 13): every command
ends in one sentence with exit code 1, the document keeps its state, nothing is left behind."""

from __future__ import annotations

from collections.abc import Callable

import hashlib
import os
import resource
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_app.checks.conformity import findings
from tests.faults.scenes import ROOT, cli, document, returned_docx, small_document, their_copy


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_sentence(err: str) -> str:
    assert "Traceback" not in err and "rollback" not in err, err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(("minutes-app: error: ", "minutes-app: 오류: ")), err
    return lines[0]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[tuple[Path, bool]]:
    """A small tmpfs (as root); elsewhere a plain folder where RLIMIT_FSIZE will stop writes."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)]).returncode == 0
    yield folder, mounted
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)


def _fill(folder: Path) -> None:
    """Take every free block of the tmpfs."""
    with (folder / "filler").open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass


def _limited(size: int) -> Callable[[], None]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


def test_every_writing_command_on_a_full_disk_says_so(tmp_path: Path,
                                                      full_disk: tuple[Path, bool]) -> None:
    folder, mounted = full_disk
    base = small_document(tmp_path / "base.minutes")
    theirs = their_copy(base, tmp_path / "theirs.minutes")
    returned = returned_docx(base, tmp_path / "returned.docx")
    key = findings(document(base))[0].key
    doc = folder / "doc.minutes"
    shutil.copyfile(base, doc)
    commands = {
        "accept": ["accept", str(doc), "--all"], "reject": ["reject", str(doc), "--all"],
        "send": ["send", str(doc), "--note", "y" * 50_000],
        "import": ["import", str(doc), str(returned)], "merge": ["merge", str(doc), str(theirs)],
        "dismiss": ["dismiss", str(doc), key, "--reason", "checked"],
        "new": ["new", str(folder / "new.minutes")],
        "export": ["export", str(doc), "--kind", "working", "-o", str(folder / "out.docx")],
    }
    if mounted:
        _fill(folder)
    before = _digest(doc)
    for name, args in commands.items():
        exe = shutil.which("minutes-app")
        done = subprocess.run([exe, *args] if exe else ["python", "-m", "minutes_app", *args],
                              capture_output=True, text=True, timeout=120, cwd=ROOT,
                              preexec_fn=None if mounted else _limited(doc.stat().st_size))
        assert done.returncode == 1, (name, done.stdout, done.stderr)
        sentence = _one_sentence(done.stderr)
        if mounted:
            assert "disk is full" in sentence, (name, sentence)
        if name == "export":  # the user's file, not an empty name nor a temporary one
            assert "out.docx" in sentence and ".part" not in sentence, sentence
        assert _digest(doc) == before, name
        leftovers = {p.name for p in folder.iterdir()} - {"doc.minutes", "filler"}
        assert not leftovers, (name, leftovers)
    (folder / "filler").unlink(missing_ok=True)
    again = cli("accept", str(doc), "--all")  # with space again, the same file takes the write
    assert again.returncode == 0, again.stderr


def test_new_and_demo_into_a_missing_or_unwritable_folder(tmp_path: Path) -> None:
    missing = cli("new", str(tmp_path / "nowhere" / "x.minutes"))
    assert missing.returncode == 1
    assert "does not exist" in _one_sentence(missing.stderr)
    demo = cli("demo", str(tmp_path / "nowhere" / "d.minutes"))
    assert demo.returncode == 1 and "does not exist" in _one_sentence(demo.stderr)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    under_file = cli("demo", str(blocker / "d.minutes"))
    assert under_file.returncode == 1 and _one_sentence(under_file.stderr)


def test_output_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    doc = small_document(tmp_path / "d.minutes")
    exe = shutil.which("minutes-app") or "minutes-app"
    for command in ("show", "info", "revisions", "check"):
        done = subprocess.run(f"'{exe}' {command} '{doc}' | head -c 10 >/dev/null; "
                              "echo ${PIPESTATUS[0]} >&2", shell=True, executable="/bin/bash",
                              capture_output=True, text=True, timeout=60)
        lines = done.stderr.splitlines()
        assert lines[:-1] == [], (command, done.stderr)  # no "Broken pipe", no traceback
        assert lines[-1] in ("0", "1"), done.stderr


def test_the_interface_language_of_the_shell_is_used(tmp_path: Path) -> None:
    env = {**os.environ, "LANG": "ko_KR.UTF-8", "LC_ALL": ""}
    done = cli("show", str(tmp_path / "missing.minutes"), env=env)
    assert done.returncode == 1
    sentence = _one_sentence(done.stderr)
    assert "존재하지 않습니다" in sentence, sentence
