"""The way to the window through ``minutes-app`` itself: no parser of the other commands, none of
their modules; the commands still come through the same entry point."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.cli.commands import _command_names, _parser
from minutes_app.cli.main import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
# what only the other commands need
COMMANDS_ONLY = {"minutes_app.cli.commands", "minutes_app.cli.args", "minutes_app.cli.history",
                 "minutes_app.cli.languages", "minutes_app.cli.signing",
                 "minutes_app.cli.tracking", "minutes_app.model.delegation", "csv"}


def test_the_entry_knows_every_command_without_the_parser() -> None:
    assert set(_command_names(_parser())) == COMMANDS


def _imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The modules ``minutes-app ARGS`` imports, up to where it finds no display (the window's
    code is loaded by then; the window itself needs one)."""
    exe = shutil.which("minutes-app")
    cmd = [exe] if exe else [sys.executable, "-m", "minutes_app"]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":87", PYTHONPROFILEIMPORTTIME="1")
    done = subprocess.run([*cmd, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=env)
    names = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    return names, done


@pytest.mark.parametrize("args", [[], ["FILE"], ["--lang", "ko"], ["FILE", "--lang", "ko"],
                                  ["--lang=en", "FILE"]])
def test_opening_the_editor_imports_nothing_only_the_commands_need(
        demo_file: Path, args: list[str]) -> None:
    names, done = _imported(*[str(demo_file) if a == "FILE" else a for a in args])
    # it reached the window's code (which then finds no display, in either language)
    assert done.returncode == 2 and "minutes-app info FILE" in done.stderr
    assert "minutes_app.ui.app" in names and "minutes_app.cli.main" in names
    assert not names & COMMANDS_ONLY


def test_a_command_goes_through_the_same_entry(demo_file: Path) -> None:
    names, done = _imported("info", str(demo_file), "--json")
    assert done.returncode == 0, done.stderr
    assert '"ordinal": 14' in done.stdout
    assert {"minutes_app.cli.main", "minutes_app.cli.commands"} <= names
    assert "minutes_app.ui.app" not in names
