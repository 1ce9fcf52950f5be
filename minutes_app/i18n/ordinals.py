"""Ordinal numbers per language (babel has none): ``14th``, ``제14차``, ``14-го``."""

from __future__ import annotations

from minutes_app.errors import ValidationError
from minutes_app.model.types import Lang

# Russian numeric ordinals take the ending of the case and gender of their noun.
_RU_ENDINGS = {
    ("nominative", "masculine"): "й",
    ("nominative", "neuter"): "е",
    ("nominative", "feminine"): "я",
    ("genitive", "masculine"): "го",
    ("genitive", "neuter"): "го",
    ("genitive", "feminine"): "й",
    ("dative", "masculine"): "му",
    ("dative", "neuter"): "му",
    ("dative", "feminine"): "й",
    ("prepositional", "masculine"): "м",
    ("prepositional", "neuter"): "м",
    ("prepositional", "feminine"): "й",
}


def english_ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``14th``, ``21st``, ``112th``."""
    teens = 10 <= n % 100 <= 20
    suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal(n: int, lang: Lang, case: str = "nominative", gender: str = "neuter") -> str:
    """The ordinal of a meeting in ``lang``; Russian needs the noun's case and gender."""
    if n < 1:
        raise ValidationError("An ordinal must be 1 or more, not {n}.", n=n)
    if lang is Lang.EN:
        return english_ordinal(n)
    if lang is Lang.KO:
        return f"제{n}차"
    try:
        return f"{n}-{_RU_ENDINGS[(case, gender)]}"
    except KeyError:
        raise ValidationError("No Russian ordinal ending for {case} {gender}.",
                              case=case, gender=gender) from None
