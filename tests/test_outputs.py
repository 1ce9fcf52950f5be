"""An output (export, report, list, picture) is never written over a document: the user's
typo in ``-o`` must not turn rounds and history into a Word file. A system error is told by
the name the user gave, never by the temporary file written beside it."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("minutes-app")
    cmd = [exe] if exe else [sys.executable, "-m", "minutes_app"]
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": str(cwd.parent / "home")})  # caches go there


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    path = folder / "H.minutes"
    assert run("demo", str(path), "--agreed").returncode == 0
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", [
    ["export", "{doc}", "--kind", "working", "-o", "{doc}"],
    ["export", "{doc}", "--kind", "signing", "--copy-for", "KR", "-o", "{doc}"],
    ["export", "{doc}", "--kind", "working", "-o", "{other}"],
    ["export", "{doc}", "--kind", "working", "-o", "{renamed}"],  # a document named .docx
    ["history", "{doc}", "-o", "{doc}"],
    ["report", "{doc}", "-o", "{other}"],
    ["screenshot", "{doc}", "-o", "{doc}"],
    ["delegation", "{doc}", "KR", "--export", "{doc}"],
])
def test_no_output_overwrites_a_document(minutes: Path, tmp_path: Path,
                                         command: list[str]) -> None:
    doc = tmp_path / "doc.minutes"
    other = tmp_path / "other.minutes"
    renamed = tmp_path / "copy.docx"
    for path in (doc, other, renamed):
        shutil.copyfile(minutes, path)
    before = {p: _digest(p) for p in (doc, other, renamed)}
    args = [a.format(doc=doc, other=other, renamed=renamed) for a in command]
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert "is a minutes document" in done.stderr and "Traceback" not in done.stderr
    assert {p: _digest(p) for p in before} == before  # nothing written over any of them
    assert run("info", str(doc), cwd=tmp_path).returncode == 0  # and each still opens
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.docx", "doc.minutes",
                                                          "other.minutes"]  # no leftovers


def test_the_refusal_in_korean(minutes: Path, tmp_path: Path) -> None:
    doc = tmp_path / "doc.minutes"
    shutil.copyfile(minutes, doc)
    done = run("--lang", "ko", "export", str(doc), "--kind", "working", "-o", str(doc),
               cwd=tmp_path)
    assert done.returncode == 1
    assert "의사록 문서입니다" in done.stderr and "minutes document" not in done.stderr


def test_an_output_into_a_folder_is_refused(minutes: Path, tmp_path: Path) -> None:
    done = run("export", str(minutes), "--kind", "working", "-o", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{tmp_path} is a folder" in done.stderr


@pytest.mark.parametrize("command", [
    ["export", "{doc}", "--kind", "working", "-o", "{out}"],
    ["report", "{doc}", "-o", "{out}"],
    ["history", "{doc}", "-o", "{out}"],
])
def test_a_missing_folder_is_named_as_the_user_gave_it(minutes: Path, tmp_path: Path,
                                                       command: list[str]) -> None:
    out = tmp_path / "no such folder" / "x.docx"
    done = run(*[a.format(doc=minutes, out=out) for a in command], cwd=tmp_path)
    assert done.returncode == 1
    assert str(out) in done.stderr
    assert ".tmp" not in done.stderr and ".part" not in done.stderr


def test_an_export_named_for_another_format_is_refused(minutes: Path, tmp_path: Path) -> None:
    for out, fmt, said in (("x.txt", [], "a DOCX file, so the name must end in .docx"),
                           ("x.docx", ["--format", "pdf"], "a PDF file, so the name must end"),
                           ("x", [], "must end in .docx")):
        done = run("export", str(minutes), "--kind", "working", "-o", out, *fmt, cwd=tmp_path)
        assert done.returncode == 1 and said in done.stderr, done.stderr
        assert not (tmp_path / out).exists()
    korean = run("--lang", "ko", "export", str(minutes), "--kind", "working", "-o", "x.txt",
                 cwd=tmp_path)
    assert "파일 이름은 .docx(으)로 끝나야 합니다" in korean.stderr
    done = run("export", str(minutes), "--kind", "working", "-o", "UPPER.DOCX", cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "UPPER.DOCX").exists()
