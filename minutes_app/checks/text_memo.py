"""Per-text memory for the translation and style checks, at the cost of one dict look-up.

``memo.per_text`` takes any arguments (``*args``) and finds a missing result by catching a
``KeyError``: on a first run, where every look-up misses, that is most of a small check's
cost. These take exactly a text (and a language) and ask ``dict.get``. Their tables are
emptied with the others (``conformity.clear_caches``) and bounded like them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from minutes_app.model import Lang

T = TypeVar("T")
_MAX = 50_000
_MISSING = object()
_TABLES: list[dict[object, object]] = []
_KO, _EN = Lang.KO, Lang.EN


def per_text(fn: Callable[[str], T]) -> Callable[[str], T]:
    """Remember ``fn``'s result per text, up to a bound."""
    table: dict[object, object] = {}
    _TABLES.append(table)

    @functools.wraps(fn)
    def remembered(text: str) -> T:
        found = table.get(text, _MISSING)
        if found is _MISSING:
            if len(table) >= _MAX:
                table.clear()
            found = table[text] = fn(text)
        return found  # type: ignore[return-value]

    return remembered


def per_text_lang(fn: Callable[[str, Lang], T]) -> Callable[[str, Lang], T]:
    """Remember ``fn``'s result per text and language, up to a bound."""
    # a table per language, chosen by identity: a key of (text, lang) would hash the
    # language in Python (``Enum.__hash__``) and build a tuple at every look-up
    tables: dict[Lang, dict[object, object]] = {lang: {} for lang in Lang}
    _TABLES.extend(tables.values())
    ko, en = tables[_KO], tables[_EN]

    @functools.wraps(fn)
    def remembered(text: str, lang: Lang) -> T:
        table = ko if lang is _KO else en if lang is _EN else tables[lang]
        found = table.get(text, _MISSING)
        if found is _MISSING:
            if len(table) >= _MAX:
                table.clear()
            found = table[text] = fn(text, lang)
        return found  # type: ignore[return-value]

    return remembered


def forget_all() -> None:
    """Forget every remembered result."""
    for table in _TABLES:
        table.clear()
