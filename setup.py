"""Build: the hot core modules are compiled to C with mypyc; everything else stays Python.

The compiled modules are the same Python sources (mypy --strict clean), so the sources stay the one
truth; ``minutes_app/native.py`` tells which modules run compiled and whether a build is stale.
``MINUTES_APP_PURE=1 pip install -e .`` installs without compiling (every module then runs as
Python, more slowly), and so does a machine without a C compiler.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def _native_sources() -> list[str]:
    """The modules ``minutes_app/native.py`` lists, as paths relative to this folder."""
    native = HERE / "minutes_app" / "native.py"
    namespace: dict[str, object] = {"__file__": str(native), "__name__": "native"}
    exec(native.read_text(encoding="utf-8"), namespace)
    modules = namespace["COMPILED"]
    assert isinstance(modules, tuple)
    return [str(Path(*name.split("."))) + ".py" for name in modules]


def _ext_modules() -> list[object]:
    if os.environ.get("MINUTES_APP_PURE") == "1":
        return []
    from mypyc.build import mypycify  # a build requirement (pyproject's build-system)

    os.chdir(HERE)  # mypy reads pyproject's [tool.mypy] and resolves the sources from here
    return list(mypycify(_native_sources(), opt_level="3", group_name="minutes_app_native"))


class _BuildExtOrPure(build_ext):
    """Compile when a C compiler is there; without one, install the same modules as Python.

    All or nothing: a module's compiled shim without the shared library would not import.
    """

    failed = False

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler or headers: the sources still run, slower
            print(f"minutes_app: the core modules stay pure Python ({error})")
            self.failed = True
        if self.failed:
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)

    def build_extension(self, ext: object) -> None:
        try:
            super().build_extension(ext)
        except Exception as error:
            print(f"minutes_app: {getattr(ext, 'name', ext)} cannot be compiled ({error})")
            self.failed = True


setup(ext_modules=_ext_modules(), cmdclass={"build_ext": _BuildExtOrPure})
