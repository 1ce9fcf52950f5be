"""Does each language name the same fields of cooperation (a list item dropped in one)?"""

from __future__ import annotations

import re

from ahocorasick_rs import BytesAhoCorasick

from minutes_app.checks.context import Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.gazetteer import CONCEPTS, NO_FIELD
from minutes_app.checks.meaning import is_person_field, named
from minutes_app.checks.stems import Stems
from minutes_app.checks.memo import per_text_lang
from minutes_app.model import Lang
from minutes_app.checks.tokens import lowercase
from minutes_app.checks.nm_read import blanked_as, text_bytes
from minutes_app.checks.tr_bytes import automaton, word_start_hits

_CONCEPT_OF = {lang: {lowercase(v): ident for ident, forms in CONCEPTS for v in forms[lang.value]}
               for lang in Lang}
# the stems at a word's start (Korean: anywhere), longest first, read in one pass in C
_CONCEPT_STEMS = {lang: Stems(_CONCEPT_OF[lang], word_start=lang is not Lang.KO) for lang in Lang}
_CONCEPT_ID = {lang: [_CONCEPT_OF[lang][v] for v in _CONCEPT_STEMS[lang].literals] for lang in Lang}
# beyond ASCII, the languages whose stems start words read texts one byte a character where
# cp1251 holds them (see tr_bytes; the same literals in the same order)
_ONE_BYTE: dict[Lang, BytesAhoCorasick] = {lang: reader for lang in Lang if lang is not Lang.KO
             and (reader := automaton(_CONCEPT_STEMS[lang].literals)) is not None}


Concepts = tuple[dict[str, tuple[int, int]], dict[str, frozenset[str]]]
# what may stand between two words of a compound ("digital technologies", "Грузооборот порта")
_COMPOUND_GAP = re.compile(r"[^\W\d_]*[\s-]?$")
# the rest of a word after its stem ("touris" + "m", "туризм" + "а"): a finding shows the word
_WORD_REST = re.compile(r"[^\W\d_]*")


@per_text_lang
def concepts_in(text: str, lang: Lang) -> Concepts:
    """The fields of cooperation a text names, where each first stands, and its compounds.

    A field named in a compound with another ("digital technologies", "수소 에너지") may be
    the compound's head only: it is not a list item of its own (cached by text).
    """
    return fields_in(text, lang), _partners(text, lang)


# the Korean stems hold no cased character: the text finds what its lower-cased form finds,
# at the same places (lower-casing keeps each character one long, but U+0130), without a copy
_UNCASED = {lang for lang in Lang
            if all(lowercase(c) == c == c.upper()
                   for v in _CONCEPT_STEMS[lang].literals for c in v)}


def _hits(text: str, lang: Lang) -> tuple[str, list[tuple[int, int, int]]]:
    """The text as its stems are looked for in, and their hits ``(index, start, end)``."""
    lower = text if lang in _UNCASED and "\u0130" not in text else lowercase(text)
    return lower, _CONCEPT_STEMS[lang].indexed_hits(lower)


@per_text_lang
def fields_in(text: str, lang: Lang) -> dict[str, tuple[int, int]]:
    """The fields of cooperation a text names, and where each first stands (cached by text)."""
    return _fields(text, lang)


def _fields(text: str, lang: Lang, whole: str = "") -> dict[str, tuple[int, int]]:
    """``fields_in`` read anew (the check's results are cached per unit: no table per text).

    ``whole``: the text ``text`` was blanked from (names made NUL), whose bytes give its own.
    """
    hits = None
    if not text.isascii():
        reader = _ONE_BYTE.get(lang)
        if reader is not None:
            # a blanked text's bytes from its whole text's (encoded once, by the names' pass)
            raw = text_bytes(whole) if whole and whole is not text else None
            hits = word_start_hits(reader, text,
                                   None if raw is None else blanked_as(raw, text))
    if hits is None:
        _lower, hits = _hits(text, lang)
    concept_of = _CONCEPT_ID[lang]
    out: dict[str, tuple[int, int]] = {}
    for index, start, end in hits:
        concept = concept_of[index]
        if concept not in out:
            out[concept] = (start, end)
    out.pop(NO_FIELD, None)  # words that hold a field's stem but name none
    return out


def _partners(text: str, lang: Lang) -> dict[str, frozenset[str]]:
    """The fields each field of ``text`` stands in a compound with."""
    lower, hits = _hits(text, lang)
    concept_of = _CONCEPT_ID[lang]
    partners: dict[str, set[str]] = {}
    last: tuple[str, int] | None = None
    for index, start, end in hits:
        concept = concept_of[index]
        if concept == NO_FIELD:
            last = None
            continue
        if last is not None and last[0] != concept and \
                _COMPOUND_GAP.match(lower[last[1]:start]):
            partners.setdefault(concept, set()).add(last[0])
            partners.setdefault(last[0], set()).add(concept)
        last = (concept, end)
    return {c: frozenset(p) for c, p in partners.items()}


def concept_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """A field of cooperation one language names and another drops (a list item gone)."""
    out: list[Finding] = []
    if unit.place == "meeting" or is_person_field(unit):
        return out

    # names and terms are checked as such: "Special Economic Zone" is 선도개발구역
    texts = unit.texts
    langs = ctx.langs
    # (one loop, no zip: compiled, ``zip(..., strict=True)`` is a generic call per unit)
    bare: list[str | None] = []
    each: list[dict[str, tuple[int, int]] | None] = []
    for lang in langs:
        text = texts.get(lang, "")
        if text.strip():
            blanked = named(text, lang, ctx)[1]
            bare.append(blanked)
            each.append(_fields(blanked, lang, text))
        else:
            bare.append(None)
            each.append(None)
    # most units name the same fields in every language: no pair differs (and neither the
    # compounds are read nor a dict keyed by language built, whose keys hash in Python)
    first = each[0]
    if first is not None and all(r is not None and r.keys() == first.keys() for r in each[1:]):
        return out
    read = {lang: concepts_in(t, lang) for lang, t in zip(langs, bare, strict=True)
            if t is not None}
    found = {lang: r[0] for lang, r in read.items()}
    for a, b in ctx.pairs:
        # (the same fields in both: nothing is only in one)
        if a not in found or b not in found or found[a].keys() == found[b].keys():
            continue
        only_a = [c for c in found[a] if c not in found[b]
                  and not read[a][1].get(c, frozenset()).intersection(found[b])]
        only_b = [c for c in found[b] if c not in found[a]
                  and not read[b][1].get(c, frozenset()).intersection(found[a])]
        if only_a or only_b:
            spans = [(a, *found[a][c]) for c in only_a] + [(b, *found[b][c]) for c in only_b]
            text_a, text_b = unit.texts[a], unit.texts[b]
            out.append(make(
                "omission", unit, (a, b), f"{','.join(only_a)}|{','.join(only_b)}", spans,
                {"only_a": ", ".join(_word(text_a, s, e, a) for x, s, e in spans if x is a)
                 or "—",
                 "only_b": ", ".join(_word(text_b, s, e, b) for x, s, e in spans if x is b)
                 or "—"}))
    return out


def _word(text: str, start: int, end: int, lang: Lang) -> str:
    """The word a stem found at ``start:end`` stands in, as the text writes it.

    Read only for a finding that is reported (the stems match; the user reads words). A Korean
    stem is a noun already, which the rest of its eojeol would only add a particle to.
    """
    if lang is Lang.KO:
        return text[start:end]
    rest = _WORD_REST.match(text, end)
    return text[start:rest.end() if rest is not None else end]
