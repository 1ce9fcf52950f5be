"""A core module run from its source as plain Python, whether or not the build compiled it."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from minutes_app import native


def pure_module(name: str) -> ModuleType:
    """A fresh interpreted copy of module ``name`` (its functions can be replaced in a test)."""
    spec = importlib.util.spec_from_file_location(name + "_pure", native.source(name))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.__file__ is not None and module.__file__.endswith(".py")
    return module
