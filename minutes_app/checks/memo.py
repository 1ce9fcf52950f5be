"""Per-text memory: what a check reads from one text is computed once per text.

The checks rerun after every pause in typing; only the texts that changed are read again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_MAX = 50_000
_TABLES: list[dict[Any, Any]] = []


def per_text(fn: F) -> F:
    """Remember ``fn``'s result per arguments (texts and languages), up to a bound."""
    table: dict[Any, Any] = {}
    _TABLES.append(table)

    @functools.wraps(fn)
    def remembered(*args: Any) -> Any:
        try:
            return table[args]
        except KeyError:
            if len(table) >= _MAX:
                table.clear()
            found = table[args] = fn(*args)
            return found

    return remembered  # type: ignore[return-value]


def forget_all() -> None:
    """Forget every remembered result."""
    for table in _TABLES:
        table.clear()
