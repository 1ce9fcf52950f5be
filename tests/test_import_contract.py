"""The core never imports Qt: it must import with PySide6 made unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ["model", "tracking", "store", "docx_io", "i18n", "checks"]

PROBE = """
import sys, importlib.abc

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked for this test")
        return None

sys.meta_path.insert(0, NoQt())
import pkgutil, importlib
import minutes_app
for pkg in %r:
    mod = importlib.import_module(f"minutes_app.{pkg}")
    for info in pkgutil.walk_packages(mod.__path__, f"minutes_app.{pkg}."):
        importlib.import_module(info.name)
import minutes_app.cli.main, minutes_app.workflows.templates, minutes_app.cli.textview
from minutes_app.workflows.templates import demo
from minutes_app.cli.textview import numbered_text
from minutes_app.model import Lang
assert "양측은" in numbered_text(demo(), Lang.KO)
assert not any(m.startswith("PySide6") for m in sys.modules)
print("core ok")
"""


def test_core_imports_without_pyside6() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE % CORE], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "core ok"
