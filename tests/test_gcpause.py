"""The collector pause around bulk work: off inside, restored after, nests, survives errors."""

from __future__ import annotations

import gc
import subprocess
import sys

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



# Settling is asked in a fresh interpreter: this process may hold objects frozen at start-up
# (importing the interface freezes its modules), which a test must never unfreeze.
_SETTLE = """
import gc
from minutes_app.gcpause import collector_paused

class Node:
    pass

if {frozen_before}:
    gc.freeze()
frozen = gc.get_freeze_count()
with collector_paused(settle=True):
    made = [Node() for _ in range(1000)]
oldest = {{id(x) for x in gc.get_objects(generation=2)}}
print(gc.isenabled(), frozen, gc.get_freeze_count(), sum(id(n) in oldest for n in made))
"""


def _settle(frozen_before: bool) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _SETTLE.format(frozen_before=frozen_before)],
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_settling_moves_what_was_made_to_the_oldest_generation_and_freezes_nothing() -> None:
    enabled, frozen_before, frozen_after, oldest = _settle(False)
    assert (enabled, frozen_before, frozen_after, oldest) == ("True", "0", "0", "1000")


def test_settling_leaves_objects_frozen_by_someone_else_frozen() -> None:
    enabled, frozen_before, frozen_after, oldest = _settle(True)
    assert enabled == "True" and int(frozen_before) > 0
    assert frozen_after == frozen_before  # none unfrozen, none added
    assert oldest == "0"  # left young, as without settling
