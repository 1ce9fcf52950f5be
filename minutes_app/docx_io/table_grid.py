"""Where a table cell stands in its table's grid: its span and its merges, as Word writes them.

A returned copy's cells are placed by grid column, never by their position in the row: a row
may skip columns (``w:gridBefore``), a cell may span several (``w:gridSpan``, or the legacy
``w:hMerge``), and cells may be merged down over rows (``w:vMerge``).
"""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TCPR, _GRID_SPAN, _VMERGE, _HMERGE = f"{W}tcPr", f"{W}gridSpan", f"{W}vMerge", f"{W}hMerge"


def _attr(e: etree._Element, name: str) -> str:
    return e.get(f"{W}{name}") or ""


def grid_number(e: etree._Element, least: int) -> int:
    """A ``w:gridBefore`` or ``w:gridSpan``: at least ``least``, a crafted one no more than 999."""
    value = _attr(e, "val")
    if not (value.isascii() and value.isdigit()):
        return least
    return max(min(int(value), 999) if len(value) < 5 else 999, least)


def cell_props(tc: etree._Element) -> tuple[int, bool | None, bool]:
    """A cell's grid span; whether it continues a vertical merge (None: not merged so) and
    a horizontal one (``w:hMerge`` without ``restart``: one cell with the one before)."""
    span, vertical, joined = 1, None, False
    props = tc[0] if len(tc) and tc[0].tag == _TCPR else tc.find(_TCPR)
    for c in props if props is not None else ():
        tag = c.tag
        if tag == _GRID_SPAN:
            span = grid_number(c, 1)
        elif tag == _VMERGE:
            vertical = _attr(c, "val") != "restart"
        elif tag == _HMERGE:
            joined = _attr(c, "val") != "restart"
    return span, vertical, joined
