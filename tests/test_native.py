"""The hot core modules run compiled (mypyc, setup.py) and read text exactly as Python does."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os

from minutes_app import native
from minutes_app.checks.tokens import lowercase


def test_the_listed_modules_run_compiled_unless_asked_not_to() -> None:
    pure = os.environ.get("MINUTES_APP_PURE") == "1"  # pip install without compiling
    for name in native.COMPILED:
        module = importlib.import_module(name)
        assert module.__file__ is not None
        assert module.__file__.endswith(".py" if pure else ".so"), name
    assert native.compiled() == ([] if pure else list(native.COMPILED))
    assert native.stale() == [] and native.orphans() == []


def test_every_listed_module_has_a_source() -> None:
    for name in native.COMPILED:
        assert importlib.util.find_spec(name) is not None, name
        assert native.source(name).exists(), name


def test_lowercase_is_pythons_even_for_a_final_sigma() -> None:
    # mypyc's own ``str.lower`` gives "ασ" here: the checks call Python's through ``lowercase``
    for text in ("ΑΣ", "ΑΣ ПРОЕКТ", "ΣIGMA ΣΑΣ.", "İstanbul", "Straße", "ǅ", "ABC"):
        assert lowercase(text) == text.lower()


def test_no_compiled_module_calls_the_lower_method() -> None:
    """``x.lower()`` compiled is mypyc's routine (wrong for a final sigma): use ``lowercase``."""
    for name in native.COMPILED:
        tree = ast.parse(native.source(name).read_text(encoding="utf-8"))
        calls = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and isinstance(n.func, ast.Attribute) and n.func.attr == "lower"]
        assert calls == [], (name, calls)
