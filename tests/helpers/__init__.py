"""Helpers shared by the tests."""

from typing import TypeVar

T = TypeVar("T")


def some(value: T | None) -> T:
    """The value, asserted to be there (a test fails where the real code would meet None)."""
    assert value is not None
    return value
