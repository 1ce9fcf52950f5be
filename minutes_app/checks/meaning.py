"""Checks of what the text means, between each pair of languages: values, names, acronyms."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from minutes_app.checks.context import Context, russian_form, russian_search
from minutes_app.checks.memo import per_str
from minutes_app.checks.name_scan import lower_of
from minutes_app.checks.nm_pairs import classes, next_pair, run_end, run_start
from minutes_app.checks.names_found import head_phrase
from minutes_app.checks.names_found import named as named  # read by other checks too
from minutes_app.checks.nm_read import phrase_hits
from minutes_app.checks.finding import WARNING, Finding, Unit, make
from minutes_app.checks.gazetteer import ACRONYM_ALIASES, NOT_ACRONYMS
from minutes_app.checks.measures import measure_difference, measures_in
from minutes_app.checks.numbers import Quantity
from minutes_app.checks.val_times import TIME, TIME12
from minutes_app.checks.values import (
    date_difference, indexed, period_difference, quantity_difference, unit_conflicts,
)
from minutes_app.model import Lang
from minutes_app.checks.tokens import lowercase, word_end

# (a member read from the Enum class costs an attribute look-up through its metaclass)
_RU: Final = Lang.RU

_Spans = list[tuple[Lang, int, int]]
_TIMES: Final = (TIME, TIME12)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _spans(lang: Lang, items: Sequence[tuple[object, int, int]]) -> _Spans:
    return [(lang, s, e) for _v, s, e in items]


def _text_of(unit: Unit, lang: Lang, spans: _Spans) -> str:
    text = unit.texts.get(lang, "")
    # (a stem found is shown as the word written: "Камчатским", not "Камчат")
    return ", ".join(dict.fromkeys(text[s:word_end(text, e)].strip() for x, s, e in spans
                                   if x is lang)) or "—"


def _values_finding(kind: str, unit: Unit, a: Lang, b: Lang, detail: str,
                    spans: _Spans) -> Finding:
    return make(kind, unit, (a, b), detail, spans,
                {"only_a": _text_of(unit, a, spans), "only_b": _text_of(unit, b, spans)})


def _q_ident(qs: Sequence[Quantity]) -> str:
    return ",".join(sorted({f"{_fmt(q.value)}{q.unit}" for q in qs}))


def _values_agree(unit: Unit, ctx: Context) -> bool:
    """Whether every language states the same quantities, dates and periods, and no unit.

    Then no pair can differ (the common case, answered with one look at each language).
    """
    first = None
    for lang in ctx.langs:
        text = unit.texts.get(lang, "")
        if not text or text.isspace():  # (no stripped copy made)
            return False
        index = indexed(text, lang)[1]
        if index.units:
            return False
        if first is None:
            first = index
        elif (index.keys != first.keys or index.fractions != first.fractions
              or index.days != first.days or index.periods != first.periods):
            return False
    return True


def value_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """Numbers, currencies and units, dates and periods that differ between two languages."""
    out: list[Finding] = []  # (a list: compiled, cheaper per unit than a generator)
    if _values_agree(unit, ctx):
        return _measure_checks(unit, ctx, out)
    for a, b in ctx.pairs:
        ta, tb = unit.texts.get(a, ""), unit.texts.get(b, "")
        if not ta or not tb or ta.isspace() or tb.isspace():
            continue
        (va, ia), (vb, ib) = indexed(ta, a), indexed(tb, b)
        if va.quantities or vb.quantities:
            # the same keys on both sides: every quantity is matched (no pass over them)
            diff = (None if ia.keys == ib.keys and ia.fractions == ib.fractions
                    else quantity_difference(va.quantities, vb.quantities))
            if diff is not None:
                only_a, only_b = diff
                spans = _spans(a, [(0, q.start, q.end) for q in only_a]) + \
                    _spans(b, [(0, q.start, q.end) for q in only_b])
                finding = _values_finding("numbers", unit, a, b,
                                          f"{_q_ident(only_a)}|{_q_ident(only_b)}", spans)
                if all(q.unit in _TIMES for q in only_a) and all(
                        q.unit in _TIMES for q in only_b):  # (said "times differ")
                    finding = finding._replace(params=tuple(sorted(
                        (*finding.params, ("times", "1")))))
                out.append(finding)
            for qa, qb in (unit_conflicts(va.quantities, vb.quantities)
                           if ia.units and ib.units else ()):
                out.append(make("units", unit, (a, b), f"{_fmt(qa.value)}{qa.unit}|{qb.unit}",
                                [(a, qa.start, qa.end), (b, qb.start, qb.end)],
                                {"only_a": ta[qa.start:qa.end], "only_b": tb[qb.start:qb.end]}))
        if va.dates or vb.dates:
            dd = date_difference(va, vb)
            if dd is not None:
                spans = _spans(a, dd[0]) + _spans(b, dd[1])
                ident = "|".join(",".join(sorted({"{}-{}-{}".format(*d.value) for d in side}))
                                 for side in dd)
                out.append(_values_finding("dates", unit, a, b, ident, spans))
        if va.periods or vb.periods:
            pd = period_difference(va.periods, vb.periods)
            if pd is not None:
                spans = _spans(a, pd[0]) + _spans(b, pd[1])
                ident = "|".join(",".join(sorted({p.value for p in side})) for side in pd)
                out.append(_values_finding("periods", unit, a, b, ident, spans))
    return _measure_checks(unit, ctx, out)


def _measure_checks(unit: Unit, ctx: Context, out: list[Finding]) -> list[Finding]:
    """``out`` and the units of measure replaced in a pair (tonnes against barrels).

    A pair whose currencies or units already differ on one value is not told twice.
    """
    # (most units state a unit of measure in no language, or in one: no pair to compare)
    stating = 0
    for lang in ctx.langs:
        text = unit.texts.get(lang, "")
        if not _empty(text) and measures_in(text, lang):
            stating += 1
    if stating < 2:
        return out
    told = {f.langs for f in out if f.kind == "units"}
    for a, b in ctx.pairs:
        ta, tb = unit.texts.get(a, ""), unit.texts.get(b, "")
        if _empty(ta) or _empty(tb) or (a, b) in told:
            continue
        diff = measure_difference(ta, a, tb, b)
        if diff is None:
            continue
        only_a, only_b = diff
        spans = _spans(a, only_a) + _spans(b, only_b)
        ident = "|".join(",".join(sorted({m[0] for m in side})) for side in diff)
        out.append(_values_finding("units", unit, a, b, ident, spans))
    return out


def _empty(text: str) -> bool:
    """``not text.strip()``, without the stripped copy."""
    return not text or text.isspace()


def is_person_field(unit: Unit) -> bool:
    """A delegation member's name, title or organisation: each side words it its own way."""
    return unit.place == "annex" and ".members." in unit.place_id


def name_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """Places, bodies and glossary terms that one language carries and another does not."""
    out: list[Finding] = []  # (a list: compiled, cheaper per unit than a generator)
    if is_person_field(unit):
        return out
    details = unit.place in ("meeting", "title")
    texts = unit.texts
    # a list in the languages' order: a language as a key is hashed by a Python call
    found = [named(texts.get(lang, ""), lang, ctx, details)[0] for lang in ctx.slots]
    pairs, places = ctx.pairs, ctx.pair_places
    for k in range(len(pairs)):  # (indices: no generic ``zip(..., strict=True)`` per unit)
        i, j = places[k]
        pa, pb = found[i], found[j]
        if pa.keys() == pb.keys():  # the same names on both sides (most paragraphs)
            continue
        a, b = pairs[k]
        if _empty(texts.get(a, "")) or _empty(texts.get(b, "")):
            continue
        names = ctx.names
        # what one side names and the other does not, then by kind (in each side's order)
        gone_a = [(x, names[x]) for x in pa if x not in pb]
        gone_b = [(x, names[x]) for x in pb if x not in pa]
        for kind in ("names", "glossary", "sides"):
            only_a = [x for x, n in gone_a if n.kind == kind and b in n.variants]
            only_b = [x for x, n in gone_b if n.kind == kind and a in n.variants]
            if (not only_a and not only_b) or (kind == "sides" and not (only_a and only_b)):
                continue
            spans = [(a, *pa[x]) for x in only_a] + [(b, *pb[x]) for x in only_b]
            ident = "|".join(",".join(sorted(names[x].ident for x in side))
                             for side in (only_a, only_b))
            expected = [names[x].variants[b][0] for x in only_a] + \
                [names[x].variants[a][0] for x in only_b]
            out.append(make("names" if kind == "sides" else kind, unit, (a, b), ident, spans,
                            {"only_a": _text_of(unit, a, spans),
                             "only_b": _text_of(unit, b, spans),
                             "expected": ", ".join(expected)}))
    return out


def head_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """A head of delegation's name or title in one language and not as in the details in another."""
    out: list[Finding] = []
    # a form whose string the text's pass did not meet is not there (see Context._plan)
    head_marks, given = ctx.head_marks, unit.texts
    for lang, slot in ctx.slots.items():
        marks = slot.scan(given.get(lang, "")).marks
        if marks and not marks.isdisjoint(head_marks):
            break
    else:
        return out  # no head's name or title in any language (most texts)
    texts = {lang: given.get(lang, "") for lang in ctx.langs}
    seen = {lang: ctx.scan(t, lang) for lang, t in texts.items()}
    for ident, forms in ctx.heads:
        mark = f"head:{ident}"
        for a, b in ctx.pairs:
            va, vb = forms.get(a, ""), forms.get(b, "")
            ta, tb = texts[a], texts[b]
            if not va or not vb or not ta.strip() or not tb.strip():
                continue
            sa, sb = seen[a], seen[b]
            at_a = find_form(ta, va, a, lower_of(sa, ta), sa.data) if mark in sa.marks \
                else None
            at_b = find_form(tb, vb, b, lower_of(sb, tb), sb.data) if mark in sb.marks \
                else None
            if (at_a is None) == (at_b is None):
                continue
            lang, at, shown, missing = (a, at_a, va, vb) if at_a else (b, at_b, vb, va)
            assert at is not None
            out.append(make("heads", unit, (a, b), ident, [(lang, *at)],
                            {"shown": shown, "missing": missing}))
    return out


def find_form(text: str, value: str, lang: Lang, lower: str | None = None,
              data: bytes = b"") -> tuple[int, int] | None:
    """Where ``value`` (a name, a title) stands in ``text``; in Russian in any case.

    ``lower`` is the text's lower case when the caller has it (one per text, not per form);
    ``data``, its bytes where its pass read them (see nm_read).
    """
    at = text.find(value)
    if at >= 0:
        return at, at + len(value)
    if lang is _RU and " " in value:
        probe = russian_form(value)[0]
        if probe not in (lowercase(text) if lower is None else lower):
            return None
        if data:  # the case-blind pattern's first hit, read on the bytes
            spans = phrase_hits(data, head_phrase(value))
            return spans[0] if spans else None
        hit = russian_search(value).search(text)
        return (hit.start(), hit.end()) if hit else None
    return None


_ROMAN = re.compile(r"[IVXLC]+")
_TWO_CAPITALS = re.compile(r"[A-Z][A-Za-z&]?[A-Z]")
_LOWER = re.compile(r"[a-z]")
_CAPITALS = re.compile(r"[A-Z]")
# every hit starts with a capital: the look-ahead spares the look-behind at every position
_ACRONYM = re.compile(r"(?=[A-Z])(?<![A-Za-z0-9])(?:[A-Z][a-z]?)*[A-Z](?:&[A-Z])?[A-Z]*s?"
                      r"(?![A-Za-z])")


_RUN_END = re.compile(r"[A-Za-z0-9&]*")
_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&")


def acronyms(text: str, raw: bytes = b"") -> dict[str, tuple[int, int]]:
    """Latin acronyms (two capitals or more) and where each first stands (``raw``: the text's
    bytes, one a character with ASCII as itself, where the caller has them).

    Not remembered per text: each text is read once a run (a unit's texts are read together),
    and reading is cheaper than the memory's look-up and store.
    """
    out: dict[str, tuple[int, int]] = {}
    # an acronym holds two capitals at most one letter apart, and stands inside a run of
    # letters, digits and "&": only such runs are read, the rest of the text never is
    cls = classes(text, raw)
    at = next_pair(cls, 0)
    while at >= 0:
        # the run around the pair, read on the classes (no character made and asked)
        start = run_start(cls, at)
        # (a pair is made of the run's characters: the run goes on from its start)
        end = run_end(cls, at)
        for word, s, e in _run_acronyms(text[start:end]):
            out.setdefault(word, (start + s, start + e))
        at = next_pair(cls, end)
    return out


def acronyms_by_pattern(text: str) -> dict[str, tuple[int, int]]:
    """``acronyms`` read with the pattern of a pair in the text itself (the tests' reference)."""
    out: dict[str, tuple[int, int]] = {}
    last = -1
    for pair in _TWO_CAPITALS.finditer(text):
        start = pair.start()
        if start < last:
            continue
        while start and text[start - 1] in _RUN_CHARS:
            start -= 1
        last = _RUN_END.match(text, pair.end()).end()  # type: ignore[union-attr]
        for word, s, e in _run_acronyms(text[start:last]):
            out.setdefault(word, (start + s, start + e))
    return out


@per_str
def _run_acronyms(run: str) -> tuple[tuple[str, int, int], ...]:
    """The acronyms of one run (nothing before or after it is a letter, a digit or "&").

    The same runs ("ASEZ", "COVID-19") come back paragraph after paragraph.
    """
    out = []
    for hit in _ACRONYM.finditer(run):
        word = hit.group()
        caps = sum(1 for c in word if c.isupper())
        if (caps < 2 or len(word) > 8 or word.rstrip("s") in NOT_ACRONYMS
                or _ROMAN.fullmatch(word)):
            continue
        out.append((word, hit.start(), hit.end()))
    return tuple(out)


def _all_caps(text: str) -> bool:
    """A text in capitals (a heading typed so): its words are not acronyms."""
    return not _LOWER.search(text) and len(_CAPITALS.findall(text)) >= 12


@functools.lru_cache(maxsize=1024)
def _standing(acronym: str) -> re.Pattern[str]:
    """The acronym as a word of its own (no Latin letter on either side)."""
    # the acronym first, its look-behind after it: the engine searches for the literal
    a = re.escape(acronym)
    return re.compile(f"{a}(?<![A-Za-z]{a})(?![A-Za-z])")


def _carries(text: str, found: dict[str, tuple[int, int]], acronym: str) -> bool:
    if acronym in found or (acronym in text and _standing(acronym).search(text)):
        return True
    base = acronym.rstrip("s")
    aliases = ACRONYM_ALIASES.get(acronym, ()) + ACRONYM_ALIASES.get(base, ())
    return base in found or any(alias in text for alias in aliases)


def acronym_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """Acronyms changed or dropped in one language ("KICP" against "KIPC", "(ASEZ)" gone).

    Korean and English keep Latin acronyms; Russian often writes its own (ТОР for ASEZ), so a
    Russian text must carry only the Latin acronyms it writes.
    """
    out: list[Finding] = []
    if is_person_field(unit):  # "MOFA" for 외교부 in a delegation list is usual
        return out
    texts = unit.texts
    # (a Russian or an ASCII text's pass kept its bytes: see name_scan)
    found = {lang: acronyms(text, slot.scan(text).raw)
             for lang, slot in ctx.slots.items() for text in (texts.get(lang, ""),)}
    for a, b in ctx.pairs:
        fa, fb = found[a], found[b]
        if not fa and not fb:  # the common case: no acronym on either side
            continue
        ta, tb = texts.get(a, ""), texts.get(b, "")
        # (an acronym the other side has is carried: no call for it)
        only_a = [x for x in fa if x not in fb and not _carries(tb, fb, x)] \
            if b is not _RU else []
        only_b = [x for x in fb if x not in fa and not _carries(ta, fa, x)] \
            if a is not _RU else []
        # "US dollars", "US$": the currency check compares the currency (미화 달러, долларов США)
        only_a = [x for x in only_a if not _names_currency(ta, x)]
        only_b = [x for x in only_b if not _names_currency(tb, x)]
        if not only_a and not only_b:
            continue
        if _empty(ta) or _empty(tb) or _all_caps(ta) or _all_caps(tb):
            continue
        spans = [(a, *fa[x]) for x in only_a] + [(b, *fb[x]) for x in only_b]
        finding = make("acronyms", unit, (a, b), f"{','.join(sorted(only_a))}|"
                       f"{','.join(sorted(only_b))}", spans,
                       {"only_a": ", ".join(only_a) or "—", "only_b": ", ".join(only_b) or "—"})
        # an acronym only added in brackets after a name spelt out ("… Corporation (FEDC)")
        # where the other language has no acronym of its own: worth a look, not a block
        # (an acronym in brackets on the other side too is one changed: "(KICP)", "(KICR)")
        if not only_a or not only_b:
            side, text, other = (fa, ta, tb) if only_a else (fb, tb, ta)
            if all(_bracketed(text, *side[x]) for x in only_a or only_b) and \
                    not _BRACKETED_ACRONYM.search(other):
                finding = finding._replace(severity=WARNING, params=tuple(sorted(
                    (*finding.params, ("bracketed", "1")))))
        out.append(finding)
    return out


_BRACKETED_ACRONYM: Final = re.compile(r"\((?:[A-ZА-ЯЁ][\w&.\-]*){1,3}[A-ZА-ЯЁ][\w&.\-]*\)")
_CURRENCY_AFTER: Final = re.compile(r"\s?(?:\$|dollars?(?![A-Za-z]))", re.IGNORECASE)
_CURRENCY_ACRONYMS: Final = frozenset(["US", "U.S."])


def _names_currency(text: str, acronym: str) -> bool:
    """Whether ``acronym`` stands only before a currency ("US dollars", "US$")."""
    if acronym not in _CURRENCY_ACRONYMS:
        return False
    hits = list(_standing(acronym).finditer(text))
    return bool(hits) and all(_CURRENCY_AFTER.match(text, h.end()) for h in hits)


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is all that a pair of brackets holds, after other words."""
    return start > 1 and text[start - 1] == "(" and text[end:end + 1] == ")" and \
        bool(text[:start - 1].strip())
