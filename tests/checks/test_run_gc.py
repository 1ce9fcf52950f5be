"""A run of the checks pauses the cyclic collector and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.workflows.templates import demo


def test_the_collector_is_restored_as_it_was() -> None:
    m = demo(history=False)
    assert gc.isenabled()
    first = findings(m)
    assert gc.isenabled()
    gc.disable()
    try:
        assert findings(m) == first
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error() -> None:
    m = demo(history=False)
    m.languages = [*m.languages, "xx"]  # type: ignore[list-item]  # not a language: the run fails
    with pytest.raises((AttributeError, KeyError, ValueError)):
        findings(m)
    assert gc.isenabled()
