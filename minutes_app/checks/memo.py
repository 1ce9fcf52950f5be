"""Per-text memory: what a check reads from one text is computed once per text.

The checks rerun after every pause in typing; only the texts that changed are read again.
A miss is found by ``dict.get`` with a marker, not by catching ``KeyError``: on a first run,
where every look-up misses, raising was most of a small check's cost.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from minutes_app.model import Lang

T = TypeVar("T")
_MAX = 50_000
_MISSING = object()
_TABLES: list[dict[Any, Any]] = []
_KO, _EN, _RU = Lang.KO, Lang.EN, Lang.RU


def per_str(fn: Callable[[str], T]) -> Callable[[str], T]:
    """Remember ``fn``'s result per text (the text itself the key: no tuple built and hashed)."""
    table: dict[str, Any] = {}
    _TABLES.append(table)

    @functools.wraps(fn)
    def remembered(text: str) -> T:
        found = table.get(text, _MISSING)
        if found is _MISSING:
            if len(table) >= _MAX:
                table.clear()
            found = table[text] = fn(text)
        return found  # type: ignore[no-any-return]

    return remembered


def per_text_lang(fn: Callable[[str, Lang], T]) -> Callable[[str, Lang], T]:
    """Remember ``fn``'s result per text and language, up to a bound."""
    # a table per language, chosen by identity: a key of (text, lang) would hash the
    # language in Python (``Enum.__hash__``) and build a tuple at every look-up
    tables: dict[Lang, dict[Any, Any]] = {lang: {} for lang in Lang}
    _TABLES.extend(tables.values())
    ko, en, ru = tables[_KO], tables[_EN], tables[_RU]

    @functools.wraps(fn)
    def remembered(text: str, lang: Lang) -> T:
        table = ko if lang is _KO else en if lang is _EN else ru if lang is _RU else tables[lang]
        found = table.get(text, _MISSING)
        if found is _MISSING:
            if len(table) >= _MAX:
                table.clear()
            found = table[text] = fn(text, lang)
        return found  # type: ignore[no-any-return]

    return remembered


def register(table: dict[Any, Any]) -> None:
    """Have ``forget_all`` empty ``table`` too (a memory a compiled function keeps itself)."""
    _TABLES.append(table)


def forget_all() -> None:
    """Forget every remembered result."""
    for table in _TABLES:
        table.clear()
