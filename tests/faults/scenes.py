"""Small documents and returned files for the fault tests, and a way to compare states."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.serialize import minutes_in, minutes_out
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from minutes_app.tracking.ops import edit_text
from minutes_app.tracking.rounds import snapshot

ROOT = Path(__file__).resolve().parent.parent.parent
T2 = "2020-12-14T09:00:00Z"
_NOW = re.compile(r"20(2[5-9]|[3-9]\d)-\d\d-\d\dT\d\d:\d\d:\d\dZ")  # this run's clock, not 2020's


def cli(*args: str, strace: list[str] | None = None, cwd: Path = ROOT,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``minutes-app`` as a user does (under strace when given its options)."""
    exe = shutil.which("minutes-app")
    cmd = [exe] if exe else [sys.executable, "-m", "minutes_app"]
    prefix = ["strace", "-f", "-o", "/dev/null", *strace] if strace else []
    return subprocess.run([*prefix, *cmd, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def small_document(path: Path) -> Path:
    """The demo (18 paragraphs, two rounds, pending revisions) as a file."""
    MinutesFile.create(path, demo(), overwrite=True).close()
    return path


def their_copy(ours: Path, out: Path) -> Path:
    """The other delegation's copy: one edit of theirs and the round they sent."""
    f, m = MinutesFile.open(ours, read_only=True)
    f.close()
    theirs = minutes_in(minutes_out(m))
    theirs.own_side = Side.RU
    pid = theirs.paragraphs()[9].id
    text = theirs.paragraph(pid).text(Lang.EN)
    edit_text(theirs, pid, Lang.EN, text + " They agreed to meet again.",
              "2020-12-16T09:00:00Z").apply(theirs)
    theirs.rounds.append(snapshot(theirs, Side.RU, "2020-12-16T10:00:00Z", "Comments"))
    MinutesFile.create(out, theirs, overwrite=True).close()
    return out


def returned_docx(ours: Path, out: Path) -> Path:
    """Our working copy, returned with one word changed without Track Changes."""
    exported = out.with_name("exported.docx")
    done = cli("export", str(ours), "--kind", "working", "-o", str(exported))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(exported) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                assert "Railway" in text
                data = text.replace("Railway", "Railroad", 1).encode()
            dst.writestr(info, data)
    return out


def state(path: Path) -> str:
    """Everything the file holds that a command may change, with this run's times masked."""
    f, m = MinutesFile.open(path, read_only=True)
    history = [(kind, data) for _t, kind, data in f.history()]
    f.close()
    return _NOW.sub("NOW", json.dumps([minutes_out(m), history], ensure_ascii=False,
                                      sort_keys=True))


def document(path: Path) -> Minutes:
    """The document at ``path`` (read-only)."""
    f, m = MinutesFile.open(path, read_only=True)
    f.close()
    return m
