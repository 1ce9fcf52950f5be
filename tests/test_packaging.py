"""The wheel carries what the application needs: templates, the demo, fonts, catalogs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
from minutes_app.resources import resource_dir, translations_dir
from minutes_app.workflows.templates import demo, template_names
from minutes_app.i18n import catalog
m = demo()
catalog.set_language("ko")
assert catalog._("&File") == "파일(&F)", catalog._("&File")
print(len(m.paragraphs()), ",".join(template_names()), resource_dir().name)
"""


def test_an_installed_wheel_finds_its_resources(tmp_path: Path) -> None:
    # the wheel's resources are the question here, not compiling (which the venv's own
    # install has done, tests/test_native.py): a pure wheel builds in seconds
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(tmp_path), str(ROOT)],
                           env={**os.environ, "MINUTES_APP_PURE": "1"},
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("minutes_app-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        z.extractall(site)
    assert "minutes_app/_resources/demo/far-east-14.json" in names
    assert "minutes_app/_resources/fonts/NanumGothic.ttf" in names
    assert "minutes_app/_resources/fonts/NanumMyeongjoExtraBold.ttf" in names  # bold Hangul
    assert "minutes_app/_translations/ko/LC_MESSAGES/minutes_app.po" in names
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["18", "blank,cooperation-fields", "_resources"]
