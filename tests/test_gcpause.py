"""The collector pause around bulk work: off inside, restored after, nests, survives errors."""

from __future__ import annotations

import gc

import pytest

from minutes_app.gcpause import collector_paused


def test_off_inside_and_restored_after_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_a_decorated_function_nests_and_re_enters() -> None:
    seen: list[bool] = []

    @collector_paused()
    def walk(depth: int) -> None:
        seen.append(gc.isenabled())
        if depth:
            walk(depth - 1)
        seen.append(gc.isenabled())

    walk(3)
    assert seen == [False] * 8 and gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
