"""Conformity findings: what one language says differently from another, wherever it is said.

Every pair of the document's languages is compared in the title, the meeting details, the
headings, the paragraphs and the annexes. Findings are codes with parameters and a place
(``minutes_app.i18n.findings`` makes their sentences); errors block signing, warnings ask for
a look; a finding dismissed with a reason stays dismissed while its key stays the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from minutes_app.checks.by_lang import read_names, read_values
from minutes_app.checks.concepts import concept_checks
from minutes_app.checks.context import Context
from minutes_app.checks.details import detail_checks
from minutes_app.checks.finding import ERROR, WARNING, Finding, Unit, make, relocate
from minutes_app.checks.meaning import acronym_checks, head_checks, name_checks, value_checks
from minutes_app.checks.instruments import instrument_checks
from minutes_app.checks.roles import role_checks
from minutes_app.checks.negation import negation_checks
from minutes_app.checks.places import all_units
from minutes_app.checks.style import pair_checks, punctuation_checks, space_checks
from minutes_app.checks.translation import (
    consistency_checks, expected_ratios, length_checks, missing_checks, untranslated_checks,
)
from minutes_app.model import Minutes, Paragraph
from minutes_app.gcpause import collector_paused
from minutes_app.model.brackets import open_brackets

__all__ = ["ERROR", "WARNING", "Finding", "blocking", "findings"]

# (a list or a generator: the checks that find mostly nothing return a list, cheaper per unit
# in compiled code than a generator)
Check = Callable[[Unit, Context], Iterable[Finding]]


def _paragraph(ctx: Context, place_id: str) -> Paragraph:
    """The paragraph of a unit, from a table made once per run (not a look-up per unit)."""
    table = ctx.by_id
    if table is None:
        table = ctx.by_id = {str(p.id): p for p in ctx.m.paragraphs()}
    found = table.get(place_id)
    return found if found is not None else ctx.m.paragraph(int(place_id))


def _brackets(unit: Unit, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    if unit.place != "paragraph":
        return out
    p = _paragraph(ctx, unit.place_id)
    # brackets are objects on the text's words (drawn, never typed into it): a "[" in the
    # text says nothing of them
    if not any(b.is_open for b in p.brackets):
        return out
    counts = {lang: len(open_brackets(p, lang)) for lang in ctx.langs}
    if len(set(counts.values())) > 1:
        detail = ",".join(f"{lang.value}{n}" for lang, n in counts.items())
        out.append(make("brackets", unit, tuple(counts), detail, [],
                        {"counts": ", ".join(f"{lang.value} {n}" for lang, n in counts.items())}))
    return out


def _stale(unit: Unit, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    if unit.place != "paragraph":
        return out
    p = _paragraph(ctx, unit.place_id)
    if not p.agreed_texts:
        return out
    changed = [lang for lang in ctx.langs
               if lang in p.agreed_texts and p.text(lang) != p.agreed_texts[lang]]
    if changed and len(changed) < len(ctx.langs):
        same = [lang for lang in ctx.langs if lang not in changed]
        out.append(make("stale", unit, changed, "".join(x.value for x in changed), [],
                        {"edited": ", ".join(x.value for x in changed),
                         "other": ", ".join(x.value for x in same)}))
    return out


# checks that read only the unit's texts and the run's context (cached by both)
TEXT_CHECKS: tuple[Check, ...] = (
    missing_checks, value_checks, name_checks, head_checks, acronym_checks, detail_checks,
    untranslated_checks, concept_checks, pair_checks,
    punctuation_checks, space_checks, negation_checks, instrument_checks, role_checks,
)
# checks that also read the paragraph's state (brackets chosen, agreed texts)
STATE_CHECKS: tuple[Check, ...] = (_brackets, _stale)

_CACHE: dict[tuple[object, ...], list[Finding]] = {}
_CACHE_MAX = 100_000


def _text_findings(units: list[Unit], ctx: Context, signature: str) -> list[list[Finding]]:
    """The text checks of each unit, reused while the same texts stand in the same kind of place.

    What the text checks find depends on the texts, the kind of place and the context only;
    a paragraph whose texts another already holds (or held at the last run) takes its findings,
    relocated. Each check runs over every unit to read before the next check starts: one
    check at a time keeps its patterns and tables warm in the processor's caches (a tenth of
    a first run at 5,000 paragraphs, against every check in turn on each unit).
    """
    keys: list[tuple[object, ...]] = [
        (signature, u.place, *(u.texts.get(lang, "") for lang in ctx.langs)) for u in units]
    todo: dict[tuple[object, ...], Unit] = {}  # each new key, and the first unit holding it
    # what the cache holds is taken first (filling it below may empty it)
    known: dict[tuple[object, ...], list[Finding]] = {}
    for unit, key in zip(units, keys, strict=True):
        if key in known or key in todo:
            continue
        cached = _CACHE.get(key)
        if cached is None:
            todo[key] = unit
        else:
            known[key] = cached
    # each new unit beside its list of findings: no key (a tuple of texts) hashed per check
    fresh: list[tuple[Unit, list[Finding]]] = [(unit, []) for unit in todo.values()]
    for key, (_unit, found) in zip(todo, fresh, strict=True):
        known[key] = found
    reading = [unit for unit, _found in fresh]
    for check in TEXT_CHECKS:
        # (the per-text reads of the two costliest checks made one language at a time)
        if check is value_checks:
            read_values(reading, ctx)
        elif check is name_checks:
            read_names(reading, ctx)
        for unit, found in fresh:
            got = check(unit, ctx)
            if got:  # (most checks find nothing in most units: no call to extend by nothing)
                found.extend(got)
    for key in todo:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[key] = known[key]
    out = []
    for unit, key in zip(units, keys, strict=True):
        found = known[key]
        out.append([relocate(f, unit) for f in found] if found else found)
    return out


def _all(m: Minutes) -> list[Finding]:
    ctx = Context(m)
    units = all_units(m)
    expected_ratios(units, ctx)
    out: list[Finding] = []
    for unit, found in zip(units, _text_findings(units, ctx, ctx.signature()), strict=True):
        out.extend(found)
        # the document's own ratio of lengths moves with any edit: outside the cache, whose
        # findings would otherwise all be computed anew after every edit (weights are cached)
        out.extend(length_checks(unit, ctx))
        if unit.place == "paragraph":
            for check in STATE_CHECKS:
                out.extend(check(unit, ctx))
    out.extend(consistency_checks(units, ctx))
    return out


def clear_caches() -> None:
    """Forget every cached result (for benchmarks of a first run)."""
    from minutes_app.checks import memo, translation

    memo.forget_all()  # the values of each text too (values.indexed)
    _CACHE.clear()
    translation.clear_caches()


def findings(m: Minutes, include_dismissed: bool = False) -> list[Finding]:
    """Every finding of the document, in document order (dismissed ones left out)."""
    # a run makes many small objects that outlive a collection (the per-text caches) and no
    # cycles: the collector's passes over them cost a sixth of a first run's time
    with collector_paused(settle=True):
        found = _all(m)
    seen: set[str] = set()
    out = []
    for f in found:
        if f.key in seen:
            continue
        seen.add(f.key)
        if include_dismissed or f.key not in m.dismissed:
            out.append(f)
    return out


def blocking(m: Minutes) -> list[Finding]:
    """The findings that stop the signing export."""
    return [f for f in findings(m) if f.severity == ERROR]
