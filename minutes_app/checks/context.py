"""What every check of one run shares: language pairs, names to look for, expected lengths."""

from __future__ import annotations

import re
from typing import NamedTuple

from minutes_app.checks.gazetteer import GAZETTEER
from minutes_app.model import Lang, Minutes


class Name(NamedTuple):
    """A name or term that each language must carry when another does."""

    ident: str  # the English name, or the first variant
    kind: str  # names | glossary
    variants: dict[Lang, tuple[str, ...]]


def pairs_of(langs: list[Lang]) -> list[tuple[Lang, Lang]]:
    """Every pair of the document's languages, in the document's order."""
    return [(a, b) for i, a in enumerate(langs) for b in langs[i + 1:]]


def _word_start(variant: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W\d_])" + re.escape(variant))


class Context:
    """Computed once per run of the checks."""

    def __init__(self, m: Minutes) -> None:
        self.m = m
        self.langs = list(m.languages)
        self.pairs = pairs_of(self.langs)
        self.names = self._names(m)
        # per language: (variant, name index, word-start pattern or None), longest first
        self.lookup: dict[Lang, list[tuple[str, int, re.Pattern[str] | None]]] = {}
        for lang in self.langs:
            rows = [(v, i, None if lang is Lang.KO else _word_start(v))
                    for i, n in enumerate(self.names) for v in n.variants.get(lang, ())]
            self.lookup[lang] = sorted(rows, key=lambda r: -len(r[0]))
        self.heads = [(f"{side.value}.{field}", values)
                      for side, person in m.meeting.heads.items()
                      for field, values in (("name", person.name), ("title", person.title))]
        # the heads' names, titles and organisations are blanked before names are compared:
        # "Deputy Minister for the Development of the Russian Far East" names no place
        self.head_strings = {lang: sorted({v for person in m.meeting.heads.values()
                                           for v in (person.name.get(lang, ""),
                                                     person.title.get(lang, ""),
                                                     person.organisation.get(lang, "")) if v},
                                          key=len, reverse=True) for lang in self.langs}
        self.ratios: dict[tuple[Lang, Lang], float] = {}

    def _names(self, m: Minutes) -> list[Name]:
        names: list[Name] = []
        taken: set[str] = set()
        for entry in m.glossary:
            variants = {lang: (t.strip(),) for lang, t in entry.items() if t.strip()}
            if len(variants) > 1:
                names.append(Name(next(iter(variants.values()))[0], "glossary", variants))
                taken.update(v[0] for v in variants.values())
        meeting = m.meeting
        for field in (meeting.body, meeting.body_alternat, meeting.next_body):
            variants = {lang: (t.strip(),) for lang, t in field.items() if t.strip()}
            if len(variants) > 1 and not taken & {v[0] for v in variants.values()}:
                names.append(Name(next(iter(variants.values()))[0], "names", variants))
        for ident, forms in GAZETTEER:
            variants = {Lang(code): v for code, v in forms.items() if Lang(code) in self.langs}
            if not taken & {v for vs in variants.values() for v in vs}:
                names.append(Name(ident, "names", variants))
        return names
