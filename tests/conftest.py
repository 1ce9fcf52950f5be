"""Shared fixtures; GUI tests run headless by default."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from minutes_app.model import Minutes

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# CI runs the property tests on a fixed set of examples (the same every run: a red CI is a
# real regression, not a new draw); locally they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep caches, settings and data of the tests out of the real home folder."""
    home = tmp_path_factory.getbasetemp() / "home"
    for var, sub in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CONFIG_HOME", "config")):
        monkeypatch.setenv(var, str(home / sub))


@pytest.fixture
def demo_minutes() -> Minutes:
    """A fresh copy of the demo document."""
    from minutes_app.workflows.templates import demo

    return demo()


@pytest.fixture
def demo_file(tmp_path: Path, demo_minutes: Minutes) -> Path:
    """The demo written to a .minutes file (closed)."""
    from minutes_app.store import MinutesFile

    path = tmp_path / "demo.minutes"
    MinutesFile.create(path, demo_minutes).close()
    return path
