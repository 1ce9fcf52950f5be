"""One value stated by a text (``numbers`` and ``words`` find them, ``values`` compares them)."""

from __future__ import annotations


class Quantity:
    """One value stated by a text: ``unit`` is ``%``, ``frac``, a currency or unit code, or ''.

    A class of its own, not a named tuple: compiled, one object holds the value and places
    unboxed (a named tuple was two tuples, a float and two ints per number found).
    """

    value: float
    unit: str
    soft: bool
    start: int
    end: int

    def __init__(self, value: float, unit: str, soft: bool, start: int, end: int) -> None:
        self.value = value
        self.unit = unit
        self.soft = soft
        self.start = start
        self.end = end

    def _fields(self) -> tuple[float, str, bool, int, int]:
        return (self.value, self.unit, self.soft, self.start, self.end)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Quantity) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "Quantity(value={!r}, unit={!r}, soft={!r}, start={!r}, end={!r})".format(
            *self._fields())
