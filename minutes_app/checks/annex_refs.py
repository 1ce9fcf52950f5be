"""Which annexes the text cites ("Annexes I and II", "별첨 1 및 2", "Приложения I и II").

Signing is refused while the text cites an annex the document does not hold, or holds an annex
the text does not cite: a signed original must contain exactly what it refers to.
"""

from __future__ import annotations

import re

from minutes_app.model import Lang, Minutes

_NUM = r"(?:[IVXL]+|\d+)"
_LIST = rf"({_NUM}(?:\s*(?:,|and|및|와|과|и|&)\s*(?:№\s*)?{_NUM})*)"
CITATION = {
    Lang.EN: re.compile(rf"\bAnnex(?:es)?\s+{_LIST}\b"),
    Lang.KO: re.compile(rf"(?:별첨|부속서|첨부)\s*{_LIST}"),
    Lang.RU: re.compile(rf"[Пп]риложени[а-я]*\s+(?:№\s*)?{_LIST}"),
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def annex_number(token: str) -> int:
    """``II`` or ``2`` as 2."""
    if token.isdigit():
        return int(token)
    total = 0
    for a, b in zip(token, token[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def cited_in(text: str, lang: Lang) -> set[int]:
    """The annex numbers ``text`` cites."""
    found: set[int] = set()
    for mo in CITATION[lang].finditer(text):
        found |= {annex_number(t) for t in re.findall(_NUM, mo.group(1))}
    return found


def citations(m: Minutes) -> dict[int, int]:
    """Annex number → the id of the first paragraph citing it, in any language."""
    out: dict[int, int] = {}
    for p in m.paragraphs():
        for lang in m.languages:
            for n in sorted(cited_in(p.text(lang), lang)):
                out.setdefault(n, p.id)
    return out
