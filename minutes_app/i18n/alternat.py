"""The alternat in the text: each Side's original names every pair in its own order.

The negotiated text keeps one order (``Meeting.text_order``); a Side's original replaces each
pair's form in that order by its own form, in one pass, longest form first, so that
"Korea-Russia Far East ... Sub-committee" becomes the body's alternat name and any other
"Korea-Russia" becomes "Russia-Korea".
"""

from __future__ import annotations

import re
from functools import lru_cache

from minutes_app.model import AlternatPair, Lang, Minutes, Side


def all_pairs(m: Minutes) -> list[AlternatPair]:
    """The body's name in both orders, then the pairs of the meeting details."""
    order = m.meeting.text_order
    body = AlternatPair(((order, m.meeting.body), (order.other, m.meeting.body_alternat)))
    return [body, *m.pairs]


def replacements(m: Minutes, lang: Lang, copy_for: Side) -> dict[str, str]:
    """Text-order form → ``copy_for``'s form, for every pair that has both in ``lang``."""
    order = m.meeting.text_order
    if copy_for is order:
        return {}
    out: dict[str, str] = {}
    for pair in all_pairs(m):
        ours, theirs = pair.form(order).get(lang, ""), pair.form(copy_for).get(lang, "")
        if ours and theirs and ours != theirs:
            out.setdefault(ours, theirs)
    return out


@lru_cache(maxsize=64)
def _pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))


def in_order(text: str, table: dict[str, str]) -> str:
    """``text`` with every pair written as ``table`` says."""
    if not table or not text:
        return text
    return _pattern(tuple(table)).sub(lambda mo: table[mo.group(0)], text)
