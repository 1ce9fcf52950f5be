"""What a text states as values (quantities, dates, periods), and how two texts differ in them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from minutes_app.checks.memo import register
from minutes_app.checks.dates import Dated, Day, dates
from minutes_app.checks.numbers import Quantity, digit_quantities
from minutes_app.checks.periods import Period, periods
from minutes_app.checks.scan_values import masked, scan
from minutes_app.checks.val_idioms import idioms_only
from minutes_app.checks.val_times import TIME, TIME12, time_keys, times
from minutes_app.checks.words import finds_no_words, word_quantities
from minutes_app.model import Lang

# the languages as constants: compiled code reads them with no look-up
_LANG_EN: Final = Lang.EN
_LANG_KO: Final = Lang.KO


# (classes of their own, not named tuples: compiled, each is one object made per text and its
# fields are read without a tuple's checks)
class Values:
    """The quantities, dates and periods of one text."""

    quantities: list[Quantity]
    dates: list[Dated]
    periods: list[Period]

    def __init__(self, quantities: list[Quantity], dates: list[Dated],
                 periods: list[Period]) -> None:
        self.quantities = quantities
        self.dates = dates
        self.periods = periods

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Values) and (self.quantities, self.dates, self.periods) == (
            other.quantities, other.dates, other.periods)

    def __repr__(self) -> str:
        return f"Values({self.quantities!r}, {self.dates!r}, {self.periods!r})"


class Index:
    """What a pair's comparison asks of a text's quantities first (both read once per text)."""

    keys: frozenset[float]  # the values every quantity is matched by (see ``_keys``: "v")
    fractions: frozenset[float]  # the fractions they are matched by (``_keys``' "f")
    units: bool  # whether a quantity has a currency or unit ``unit_conflicts`` compares
    days: frozenset[Day]  # the dates' values
    periods: frozenset[str]  # the periods' values

    def __init__(self, keys: frozenset[float], fractions: frozenset[float], units: bool,
                 days: frozenset[Day], periods: frozenset[str]) -> None:
        self.keys = keys
        self.fractions = fractions
        self.units = units
        self.days = days
        self.periods = periods


_NO_UNIT: Final = ("", "%", "frac", "id", "year", TIME, TIME12)
_NO_DATES: Final[list[Dated]] = []  # (shared by every Values without a date: never changed)
_NO_PERIODS: Final[list[Period]] = []
_NONE: Final[frozenset[Any]] = frozenset()


def values(text: str, lang: Lang) -> Values:
    """The values ``text`` states; cached by text (checks rerun after every pause in typing)."""
    return indexed(text, lang)[0]


# the values of each text and their index, a table per language (a language as a key would
# be hashed by a Python call): looked up here, not through a memo's wrapper, so that compiled
# callers call this function directly (emptied with the other memories)
_READ_KO: Final[dict[str, tuple[Values, Index]]] = {}
_READ_EN: Final[dict[str, tuple[Values, Index]]] = {}
_READ_RU: Final[dict[str, tuple[Values, Index]]] = {}
for _table in (_READ_KO, _READ_EN, _READ_RU):
    register(_table)
_MAX: Final = 50_000


def indexed(text: str, lang: Lang) -> tuple[Values, Index]:
    """The values ``text`` states and their index; remembered per text."""
    table = _READ_KO if lang is _LANG_KO else _READ_EN if lang is _LANG_EN else _READ_RU
    found = table.get(text)
    if found is None:
        if len(table) >= _MAX:
            table.clear()
        found = table[text] = _indexed(text, lang)
    return found


def _indexed(text: str, lang: Lang) -> tuple[Values, Index]:
    found = _read(text, lang)
    keys: list[float] = []
    fractions: list[float] = []
    units = False
    for q in found.quantities:
        unit = q.unit
        if unit == "%":  # ``_keys`` written out: no tuples made per percentage
            value = q.value
            keys.append(value)
            fractions.append(_of_percent(value))
        elif unit == "frac":
            fractions.append(round(q.value, 6))
            keys.append(round(q.value * 100, 6))
        elif unit in (TIME, TIME12):  # (negative: no other quantity is)
            keys.append(-1.0 - q.value - (1e6 if unit == TIME12 else 0.0))
        else:
            keys.append(q.value)
            if not units:
                units = unit not in _NO_UNIT
    return (found, Index(frozenset(keys), frozenset(fractions) if fractions else _NONE, units,
                         frozenset([d.value for d in found.dates]) if found.dates else _NONE,
                         frozenset([p.value for p in found.periods]) if found.periods
                         else _NONE))


def _read(text: str, lang: Lang) -> Values:
    sc = scan(text, lang)  # one pass: where the digits and the words each check needs are
    found_periods, rest = periods(text, lang, sc)
    found_dates, rest = dates(rest, lang, sc)
    found_times, rest = times(rest, lang, sc)  # 15:00 is one time, not 15 and 00
    # a text without the words (or numerals) its word quantities need is not read after the
    # digits: the digits' text is not blanked for them
    quiet = sc is not None and finds_no_words(lang, sc)
    # an English text whose number words are all idioms ("the two Sides") finds no word
    # quantity either, unless an identifier (blanked with letters) breaks one: then blank
    idioms = not quiet and lang is _LANG_EN and sc is not None and idioms_only(sc, rest)
    numbers, rest = digit_quantities(rest, lang, sc, not quiet and not idioms, rest is text)
    if idioms:
        for q in numbers:
            if q.unit == "id":
                idioms = False
                rest = masked(rest, [(o.start, o.end) for o in numbers if o.unit != "id"])
                break
        quiet = idioms
    # a date's year also answers the year stated alone in another language
    # ("2020년 12월 18일" against "on 18 December of that year, 2020")
    quantities = numbers if quiet else numbers + word_quantities(rest, lang, sc)
    if found_times:
        quantities = quantities + found_times
    if found_dates:
        quantities += [Quantity(float(d.value[0]), "year", True, d.start, d.end)
                       for d in found_dates if d.value[0]]
    # (most texts state no date and no period: they share one empty list each, never changed,
    # and keep no lists of their own for the run)
    return Values(quantities, found_dates if found_dates else _NO_DATES,
                  found_periods if found_periods else _NO_PERIODS)


def _of_percent(value: float) -> float:
    """A percentage as a fraction, rounded to six decimals (50% is 0.5)."""
    # a whole percentage over a hundred has two decimals: rounded to six it is itself
    # (``round`` with digits goes through a decimal string; tests/checks/test_value_scan)
    if -1e9 < value < 1e9 and value % 1.0 == 0.0:  # (whole: see ``numbers.canon``)
        return value / 100
    return round(value / 100, 6)


def _keys(q: Quantity) -> tuple[tuple[str, float], ...]:
    """What a quantity can be matched by: 50% answers half and 50; half answers 50%."""
    if q.unit == "%":
        return (("v", q.value), ("f", _of_percent(q.value)))
    if q.unit == "frac":
        return (("f", round(q.value, 6)), ("v", round(q.value * 100, 6)))
    if q.unit in (TIME, TIME12):
        return tuple(("t", v) for v in time_keys(q))
    return (("v", q.value),)


def unmatched(a: Sequence[Quantity], b: Sequence[Quantity]) -> list[Quantity]:
    """The quantities of ``a`` that nothing in ``b`` states."""
    keys_b = {k for q in b for k in _keys(q)}
    return [q for q in a if not any(k in keys_b for k in _keys(q))]


def quantity_difference(a: Sequence[Quantity], b: Sequence[Quantity]
                        ) -> tuple[list[Quantity], list[Quantity]] | None:
    """The quantities each side states alone, when that is a real difference.

    A digit left alone is a difference; a word ("twice", "first") only when the other side
    also has a value left alone ("twice" against "세 차례").
    """
    # a date's year only answers; a date that differs is the dates check's finding
    only_a = [q for q in unmatched(a, b) if q.unit != "year"]
    only_b = [q for q in unmatched(b, a) if q.unit != "year"]
    hard = any(not q.soft for q in only_a) or any(not q.soft for q in only_b)
    if hard or (only_a and only_b):
        return only_a, only_b
    return None


def unit_conflicts(a: Sequence[Quantity], b: Sequence[Quantity]
                   ) -> list[tuple[Quantity, Quantity]]:
    """Pairs of equal values whose currencies or units differ (USD 25 against 25 루블)."""
    units_b: dict[float, list[Quantity]] = {}
    for q in b:
        if q.unit and q.unit not in _NO_UNIT:
            units_b.setdefault(q.value, []).append(q)
    out = []
    for q in a:
        if not q.unit or q.unit in _NO_UNIT or q.value not in units_b:
            continue
        others = units_b[q.value]
        if all(o.unit != q.unit for o in others):
            out.append((q, others[0]))
    return out


def years(v: Values) -> set[int]:
    """Every year a text states, in a date or alone ("2020년 ... 12월 18일")."""
    found = {d.value[0] for d in v.dates if d.value[0]}
    return found | {int(q.value) for q in v.quantities
                    if not q.unit and q.value == int(q.value) and 1900 <= q.value <= 2200}


def _same_day(x: Day, y: Day, years_x: set[int], years_y: set[int]) -> bool:
    """The same day (or month); a year one text leaves out is no conflict if it states it."""
    if x[1] != y[1] or x[2] != y[2]:
        return False
    return x[0] == y[0] or (not x[0] and y[0] in years_x) or (not y[0] and x[0] in years_y)


def date_difference(a: Values, b: Values) -> tuple[list[Dated], list[Dated]] | None:
    """The dates each side states alone (None when both state the same dates)."""
    ya, yb = years(a), years(b)
    only_a = [d for d in a.dates if not any(_same_day(d.value, e.value, ya, yb)
                                            for e in b.dates)]
    only_b = [d for d in b.dates if not any(_same_day(e.value, d.value, ya, yb)
                                            for e in a.dates)]
    return (only_a, only_b) if only_a or only_b else None


def period_difference(a: Sequence[Period], b: Sequence[Period]
                      ) -> tuple[list[Period], list[Period]] | None:
    """The periods each side states alone."""
    va, vb = {p.value for p in a}, {p.value for p in b}
    if va == vb:
        return None
    return [p for p in a if p.value not in vb], [p for p in b if p.value not in va]


def differences(text_a: str, lang_a: Lang, text_b: str, lang_b: Lang) -> set[str]:
    """Which kinds of value two texts state differently (numbers, units, dates, periods)."""
    va, vb = values(text_a, lang_a), values(text_b, lang_b)
    out = set()
    if quantity_difference(va.quantities, vb.quantities) is not None:
        out.add("numbers")
    if unit_conflicts(va.quantities, vb.quantities):
        out.add("units")
    if date_difference(va, vb) is not None:
        out.add("dates")
    if period_difference(va.periods, vb.periods) is not None:
        out.add("periods")
    return out
