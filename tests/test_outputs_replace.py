"""No command replaces an existing file without ``--force`` (hostile10, item 17): not yesterday's
export, not a signing original; with ``--force`` the file is replaced whole, and a replace
that fails leaves the old file as it was (store11, item 1)."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.exports.schema import assert_valid_docx
from tests.test_outputs import ROOT, _digest, minutes, run  # noqa: F401 (a fixture)

OLD = b"an original signed yesterday"

COMMANDS = {
    "working": ["export", "{doc}", "--kind", "working", "-o", "{out}.docx"],
    "signing": ["export", "{doc}", "--kind", "signing", "--copy-for", "KR", "-o", "{out}.docx"],
    "signing-pdf": ["export", "{doc}", "--kind", "signing", "--copy-for", "RU",
                    "-o", "{out}.pdf"],
    "comparison": ["export", "{doc}", "--kind", "comparison", "--from", "1",
                   "-o", "{out}.docx"],
    "report": ["report", "{doc}", "-o", "{out}.docx"],
    "history": ["history", "{doc}", "-o", "{out}.docx"],
    "screenshot": ["screenshot", "{doc}", "-o", "{out}.png"],
    "delegation": ["delegation", "{doc}", "KR", "--export", "{out}.csv"],
    "demo": ["demo", "{out}.minutes"],
    "new": ["new", "{out}.minutes"],
}


def _args(command: list[str], doc: Path, out: Path) -> list[str]:
    return [a.format(doc=doc, out=out) for a in command]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_existing_file_is_replaced_only_with_force(minutes: Path, tmp_path: Path,  # noqa: F811
                                                      name: str) -> None:
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    args = _args(COMMANDS[name], doc, tmp_path / "out")
    (target,) = [Path(a) for a in args if a.startswith(str(tmp_path / "out"))]
    target.write_bytes(OLD)
    kept = {p.name for p in tmp_path.iterdir()}
    before = _digest(doc)
    for lang, said in (("en", "already exists and was not replaced"), ("ko", "이미 있어")):
        done = run("--lang", lang, *args, cwd=tmp_path)
        assert done.returncode == 1, (name, done.stdout)
        lines = [x for x in done.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert said in lines[0] and str(target) in lines[0] and "--force" in lines[0], lines
        assert target.read_bytes() == OLD  # not a byte written
        assert _digest(doc) == before  # and nothing recorded in the document's history
        assert {p.name for p in tmp_path.iterdir()} == kept  # no temporary file left
    done = run(*args, "--force", cwd=tmp_path)
    assert done.returncode == 0, (name, done.stderr)
    assert target.read_bytes() != OLD
    if target.suffix == ".docx":
        assert_valid_docx(target)
    assert {p.name for p in tmp_path.iterdir()} == kept  # replaced in place, nothing beside


def test_force_never_replaces_a_document(minutes: Path, tmp_path: Path) -> None:  # noqa: F811
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    before = _digest(doc)
    done = run("export", str(doc), "--kind", "working", "-o", str(doc), "--force", cwd=tmp_path)
    assert done.returncode == 1 and "is a minutes document" in done.stderr, done.stderr
    assert _digest(doc) == before


def _limited(size: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("command", [COMMANDS["working"], COMMANDS["report"]])
def test_a_replace_that_fails_leaves_the_old_file_whole(minutes: Path, tmp_path: Path,  # noqa: F811
                                                        command: list[str]) -> None:
    """The write stops halfway (the file-size limit; a full disk alike): the old file stays."""
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    target = tmp_path / "out.docx"
    target.write_bytes(OLD)
    exe = shutil.which("minutes-app")
    cmd = [exe] if exe else [sys.executable, "-m", "minutes_app"]
    done = subprocess.run([*cmd, *_args(command, doc, tmp_path / "out"), "--force"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: _limited(16_384))  # smaller than any DOCX of ours
    assert done.returncode == 1, done.stdout
    assert "out.docx" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.minutes", "out.docx"]
