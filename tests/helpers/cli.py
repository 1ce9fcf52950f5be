"""The command line and the file as the tests' set-ups use them."""

from __future__ import annotations

from pathlib import Path

from minutes_app.cli.main import main
from minutes_app.model import Minutes
from minutes_app.store import MinutesFile


def cli_ok(*args: str) -> None:
    """Run ``minutes-app ARGS`` in English; it must succeed."""
    assert main(["--lang", "en", *args]) == 0, args


def read_minutes(path: Path) -> Minutes:
    """The minutes in ``path``, read without holding the file."""
    f, m = MinutesFile.open(path, read_only=True)
    f.close()
    return m
