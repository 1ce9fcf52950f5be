"""The working copy's page: paper and margins, the fixed columns, and how tall a row stands.

A row short enough is kept on one page (``cant_split``); the estimate of a text's height is
generous, as Word's own line breaks are not known when the copy is written.
"""

from __future__ import annotations

import math
import re

from minutes_app.model import Minutes

MARGIN_CM = 2.2
A4_CM, LETTER_CM = (21.0, 29.7), (21.59, 27.94)
NUMBER_CM, STATUS_CM = 1.3, 2.2  # "20000" in bold; "Bracketed", "Ad ref. (RU)" at 8 pt
FONT_PT = 10.0
PT_CM = 0.03528
WHOLE_SHARE = 0.25  # a row up to this share of the page's text height is kept on one page
_WIDE = re.compile("[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]")


def landscape(m: Minutes) -> bool:
    """Three language columns need a landscape page to stay readable."""
    return len(m.languages) >= 3


def text_area_cm(wide: bool) -> tuple[float, float]:
    """Width and height between the margins that fit both A4 and US Letter paper."""
    across, down = (1, 0) if wide else (0, 1)
    return (min(A4_CM[across], LETTER_CM[across]) - 2 * MARGIN_CM,
            min(A4_CM[down], LETTER_CM[down]) - 2 * MARGIN_CM)


def _lines_cm(lines: int, size_pt: float = FONT_PT) -> float:
    """The height of ``lines`` lines (single spacing as Word sets it) and a cell's padding."""
    return lines * size_pt * PT_CM * 1.2 * 1.15 + 0.3


def text_height_cm(text: str, width_cm: float, size_pt: float = FONT_PT) -> float:
    """A generous estimate of the height ``text`` takes in a column of ``width_cm``."""
    em = size_pt * PT_CM
    usable = max(width_cm - 0.4, 1.0)  # the cell's own margins
    lines = 0
    for line in text.split("\n"):
        wide = len(_WIDE.findall(line))
        lines += max(1, math.ceil((wide * em + (len(line) - wide) * em * 0.55) / usable))
    return _lines_cm(lines, size_pt)


def cant_split(texts: list[str], width_cm: float, page_cm: float) -> bool:
    """A short row stays on one page; a taller one may break across pages.

    A row kept whole that does not fit moves to the next page with the heading kept with it,
    leaving the page before empty by its height: up to a quarter of a page that is a fair
    price for a paragraph read in one piece, beyond it the page is filled instead.
    """
    limit = WHOLE_SHARE * page_cm
    usable, em = max(width_cm - 0.4, 1.0), FONT_PT * PT_CM
    for text in sorted(texts, key=len, reverse=True):  # the longest text decides most rows
        # cheap bounds first: every character a narrow Latin letter on one line (at least),
        # every character as wide as Hangul and every break a line (at most)
        if _lines_cm(math.ceil((len(text) - text.count("\n")) * em * 0.55 / usable)) >= limit:
            return False
        if (_lines_cm(math.ceil((len(text) + 40 * text.count("\n")) * em / usable) + 1)
                >= limit and text_height_cm(text, width_cm) >= limit):
            return False
    return True
