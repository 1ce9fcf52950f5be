"""Each language's texts read in turn, before a check that reads them one unit at a time.

A unit's texts are in different languages, each read with its own automata, patterns and
tables; a check run unit by unit changes language at every text, and the processor's caches
keep none of them warm (a tenth of the values' reading in three languages). These reads fill
the per-text memories the checks then consult (``values.indexed``, ``names_found.named``),
all of one language before the next: the same texts and the same reads, in another order, so
what the checks find does not change.
"""

from __future__ import annotations

from minutes_app.checks.context import Context
from minutes_app.checks.finding import Unit
from minutes_app.checks.names_found import named
from minutes_app.checks.values import indexed


def read_values(units: list[Unit], ctx: Context) -> None:
    """``values.indexed`` of the texts ``value_checks`` reads, one language after another.

    Only units with a text in every language (most): the check reads all of them there, and
    elsewhere it may stop before some (an empty text agrees with nothing).
    """
    langs = ctx.langs
    full: list[Unit] = []
    for unit in units:
        texts = unit.texts
        for lang in langs:
            text = texts.get(lang, "")
            if not text or text.isspace():
                break
        else:
            full.append(unit)
    for lang in langs:
        for unit in full:
            indexed(unit.texts[lang], lang)


def read_names(units: list[Unit], ctx: Context) -> None:
    """``names_found.named`` of the texts ``name_checks`` reads, one language after another."""
    # (as meaning.is_person_field and name_checks tell them: a person's field is not read)
    kept = [u for u in units if not (u.place == "annex" and ".members." in u.place_id)]
    for lang in ctx.slots:
        for unit in kept:
            named(unit.texts.get(lang, ""), lang, ctx, unit.place in ("meeting", "title"))
