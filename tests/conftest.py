"""Shared fixtures; GUI tests run headless by default."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING
from pathlib import Path

import pytest
from hypothesis import settings
from minutes_app.model import Minutes

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from minutes_app.ui.main_window import MainWindow

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# CI runs the property tests on a fixed set of examples (the same every run: a red CI is a
# real regression, not a new draw); locally they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test a compiled build older than its sources (it would judge old code)."""
    from minutes_app import native

    if native.stale() or native.orphans():
        pytest.exit("compiled modules older than their sources (or no longer listed): "
                    f"{native.stale() + native.orphans()}; rebuild with pip install -e .",
                    returncode=3)


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


@pytest.fixture
def korean(qtbot: QtBot, demo_file: Path) -> Iterator[MainWindow]:
    """The main window in Korean on the document of ``demo_minutes`` (a test module may
    override it), with the default layout; English again afterwards."""
    from PySide6.QtWidgets import QApplication

    from minutes_app.ui.app import build_window
    from minutes_app.ui.settings import AppSettings

    settings = AppSettings.load()
    settings.window_state = b""
    settings.hidden_languages = []
    settings.save()
    w: MainWindow = build_window(str(demo_file), "ko")
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.completed)
    yield w
    if w.isVisible():
        w.close()
    from minutes_app.ui.app import install_translations

    install_translations("en")  # ours, Qt's catalog and the locale: none stays Korean
    QApplication.processEvents()


@pytest.fixture
def english_after() -> Iterator[None]:
    """The CLI in Korean sets the process's language: English again for the tests after."""
    yield
    from minutes_app.i18n import catalog

    catalog.set_language("en")
