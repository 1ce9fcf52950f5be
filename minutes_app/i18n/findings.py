"""Sentences for conformity findings and readiness reasons, in the interface language.

The checks speak in codes and parameters; this is the one place (used by the window, the
command line and the review report) that makes sentences of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.i18n.catalog import _
from minutes_app.i18n.messages import render
from minutes_app.i18n.particles import fix_particles
from minutes_app.i18n.places import annex_label, lang_label, meeting_field
from minutes_app.model import Lang

if TYPE_CHECKING:
    from minutes_app.checks.finding import Finding
    from minutes_app.checks.readiness import Reason


def language_name(code: str) -> str:
    """A document language (``ko``) as the interface names it."""
    known = {lang.value: lang for lang in Lang}
    codes = [c.strip() for c in code.split(",")]
    return ", ".join(lang_label(known[c]) if c in known else c for c in codes)


def _bracket_counts(counts: str) -> str:
    """``ko 1, en 0`` with the languages named as the interface names them."""
    named = []
    for part in counts.split(","):
        code, _space, n = part.strip().partition(" ")
        named.append(f"{language_name(code)} {n}" if n else part.strip())
    return ", ".join(named)


def severity_name(severity: str) -> str:
    """``error`` or ``warning`` as the interface says it."""
    return _("blocks signing") if severity == "error" else _("warning")


def _spacing(issue: str, lang: str, found: str) -> str:
    if issue == "double" and found == "\t":  # (the check counts a tab with double spaces)
        return _("Tab in the {lang} text.").format(lang=lang)
    text = {"double": _("Double space in the {lang} text."),
            "edge": _("Space at the start or end of the {lang} text."),
            "before": _("Space before punctuation in the {lang} text."),
            "after": _("Space after an opening bracket or quotation mark in the {lang} text."),
            }.get(issue, _("Double space in the {lang} text."))
    return text.format(lang=lang)


def _details(p: dict[str, str], lang: str) -> str:
    field = p.get("field", "")
    if field == "ordinal":
        return _("The {lang} text says “{text}” but the meeting details give the ordinal "
                 "{details}.").format(lang=lang, text=p["text"], details=p["details"])
    if field == "date":
        return _("The {lang} text says “{text}” but the meeting details give the date "
                 "{details}.").format(lang=lang, text=p["text"], details=p["details"])
    if field == "head_title":
        return _("The {lang} text does not give the head of delegation's title as the meeting "
                 "details do: “{details}”.").format(lang=lang, details=p["details"])
    return _("The {lang} text does not name the head of delegation as the meeting details do: "
             "“{details}”.").format(lang=lang, details=p["details"])


def describe(f: Finding) -> str:
    """The finding as one sentence in the interface language."""
    return fix_particles(_describe(f))


def _describe(f: Finding) -> str:
    """``describe`` with the particles as the catalogue writes them ("은(는)")."""
    p = f.param
    a, b = language_name(p.get("a", "")), language_name(p.get("b", ""))
    lang = language_name(f.langs[0].value) if f.langs else ""
    pair = {"a": a, "b": b, "only_a": p.get("only_a", "—"), "only_b": p.get("only_b", "—")}
    templates = {
        "numbers": _("Numbers differ: {a} has {only_a}; {b} has {only_b}."),
        "units": _("Currencies or units differ: {a} has {only_a}; {b} has {only_b}."),
        "dates": _("Dates differ: {a} has {only_a}; {b} has {only_b}."),
        "periods": _("Periods differ: {a} has {only_a}; {b} has {only_b}."),
        "names": _("Names or places differ: {a} has {only_a}; {b} has {only_b}."),
        "acronyms": _("Acronyms differ: {a} has {only_a}; {b} has {only_b}."),
        "negation": _("A negation in one language only: {a} has {only_a}; {b} has {only_b}."),
        "instrument": _("The kind of instrument differs: {a} has {only_a}; {b} has {only_b}."),
        "roles": _("The Side that acts may differ: {a} has {only_a}; {b} has {only_b}. Check "
                   "who does what to whom."),
    }
    if f.kind == "acronyms" and p.get("bracketed"):
        return _("An acronym in brackets in one language only: {a} has {only_a}; {b} has "
                 "{only_b}. Check whether the other language should give it too.").format(**pair)
    if f.kind == "numbers":
        return _numbers(p, pair)
    if f.kind in templates:
        return templates[f.kind].format(**pair)
    if f.kind == "glossary":
        used = p.get("only_a") if p.get("only_a", "—") != "—" else p.get("only_b", "")
        return _("Glossary: “{used}” is used but its agreed equivalent “{missing}” is not."
                 ).format(used=used, missing=p.get("expected", ""))
    if f.kind == "heads":
        return _("Head of delegation: “{shown}” appears in one language but “{missing}” (as in "
                 "the meeting details) is not in the other.").format(shown=p.get("shown", ""),
                                                                     missing=p.get("missing", ""))
    return _other(f, p, lang, a, b)


def _numbers(p: dict[str, str], pair: dict[str, str]) -> str:
    """Numbers that differ; a number one language does not state is said so, times as times."""
    if p.get("times"):
        return _("Times differ: {a} has {only_a}; {b} has {only_b}.").format(**pair)
    if pair["only_b"] == "—":
        return _("Numbers differ: {a} has {only_a}; {b} states no such number, in digits or in "
                 "words.").format(**pair)
    if pair["only_a"] == "—":
        return _("Numbers differ: {a} states no such number, in digits or in words; {b} has "
                 "{only_b}.").format(**pair)
    return _("Numbers differ: {a} has {only_a}; {b} has {only_b}.").format(**pair)


def _other(f: Finding, p: dict[str, str], lang: str, a: str, b: str) -> str:
    if f.kind == "details":
        return _details(p, lang)
    if f.kind == "missing":
        return _("The text is missing in {langs}.").format(langs=language_name(p["langs"]))
    if f.kind == "untranslated":
        if p.get("what") == "same":
            return _("{a} and {b} hold the same text: one of them is not translated.").format(
                a=a, b=b)
        return _("Words left untranslated in the {lang} text: {what}.").format(
            lang=lang, what=p.get("what", ""))
    if f.kind == "omission" and "only_a" in p:
        return _omission(a, b, p["only_a"], p.get("only_b", "—"))
    if f.kind in ("omission", "length"):
        return _("The {lang} text is about {percent}% shorter than the others: a clause or "
                 "list item may be missing.").format(lang=language_name(p.get("short", "")),
                                                     percent=p.get("percent", ""))
    if f.kind == "consistency":
        return _("The same sentence is translated differently elsewhere ({where}): “{other}”."
                 ).format(where=_place(p.get("other_place", ""), p.get("other_id", ""),
                                       p.get("other_number") or None), other=p.get("other", ""))
    if f.kind == "pairs":
        symbol = p.get("symbol", "")
        if symbol in _QUOTES:  # (a quote mark in quote marks reads as a broken quote)
            return _("The quotation mark {symbol} has no partner in the {lang} text.").format(
                symbol=symbol, lang=lang)
        return _("“{symbol}” has no partner in the {lang} text.").format(symbol=symbol,
                                                                         lang=lang)
    if f.kind == "punctuation":
        return _("The texts end differently: {a} with “{end_a}”, {b} with “{end_b}”.").format(
            a=a, b=b, end_a=p.get("end_a", ""), end_b=p.get("end_b", ""))
    if f.kind == "spaces":
        return _spacing(p.get("issue", ""), lang, f.spans[0].text if f.spans else "")
    if f.kind == "brackets":
        return _("Open brackets differ between languages ({counts}).").format(
            counts=_bracket_counts(p.get("counts", "")))
    if f.kind == "stale":
        return _("{edited} was edited after the paragraph was agreed; {other} may need the same "
                 "change.").format(edited=language_name(p.get("edited", "")),
                                   other=language_name(p.get("other", "")))
    return f.kind


_QUOTES = frozenset("“”‘’«»„‚\"'「」『』")


def _omission(a: str, b: str, only_a: str, only_b: str) -> str:
    """Which language says what the other does not (never read as "said in neither")."""
    if only_b == "—":
        return _("{missing} does not say what {has} says: “{words}”.").format(
            missing=b, has=a, words=only_a)
    if only_a == "—":
        return _("{missing} does not say what {has} says: “{words}”.").format(
            missing=a, has=b, words=only_b)
    return _("Each language says what the other does not: {a} names {only_a}; {b} names "
             "{only_b}.").format(a=a, b=b, only_a=only_a, only_b=only_b)


def _place(place: str, ident: str, number: str | int | None) -> str:
    if place == "paragraph":
        return (_("paragraph {n}").format(n=number) if number
                else _("a preamble paragraph"))
    if place == "heading":
        return _("a section heading")
    if place == "title":
        return _("the title")
    if place == "meeting":
        return _("the meeting details ({field})").format(field=render(meeting_field(ident)))
    if place == "annex":
        return _("annex {id}").format(id=annex_label(ident))
    return place


def where(f: Finding) -> str:
    """Where the finding is, as the interface says it."""
    return _place(f.place, f.place_id, f.number)


def describe_reason(r: Reason) -> str:
    """A readiness reason as one sentence in the interface language."""
    return fix_particles(_describe_reason(r))


def _describe_reason(r: Reason) -> str:
    """``describe_reason`` with the particles as the catalogue writes them."""
    at = _place("paragraph", str(r.paragraph_id), r.number)
    at = at[:1].upper() + at[1:]  # it opens the sentence (no effect on Hangul)
    if r.finding is not None:
        return _("{where}: {finding}").format(where=where(r.finding),
                                               finding=describe(r.finding))
    if r.code == "pending":
        return _("{where} has pending revisions.").format(where=at)
    if r.code == "bracket":
        return _("{where} has open brackets.").format(where=at)
    if r.code == "missing":
        return _("{where} has no text in {langs}.").format(where=at,
                                                           langs=language_name(r.detail))
    if r.code == "ad_ref":
        return _("{where} is agreed only ad referendum (awaiting {side}); allow it explicitly "
                 "to sign.").format(where=at, side={"KR": _("Korean Side"),
                                                     "RU": _("Russian Side")}.get(r.detail, "?"))
    if r.code == "status":
        return _("{where} is not agreed yet.").format(where=at)
    return render(r.msg)
