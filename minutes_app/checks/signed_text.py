"""The signed text of one language, line by line, as a Side's original prints it.

The signing writer prints these lines and the fingerprint hashes them, so what is signed and
what is fingerprinted cannot drift apart. Each line has a stable key (``p:17``, ``sig:KR:name``,
``annex:2:m:3``) that ``verify`` uses to say which part of an original differs.
"""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.i18n.alternat import in_order, replacements
from minutes_app.i18n.names import (
    closing_formula, meeting_dates, prevailing_clause, signature_heading, title,
)
from minutes_app.i18n.phrases import phrase, side_phrase
from minutes_app.model import Annex, Lang, Minutes, Person, Side, Status
from minutes_app.model.annexes import DELEGATION, roman

SIGNATORY_FIELDS = ("name", "title", "organisation")


class Line(NamedTuple):
    """One paragraph of the signed text in one language."""

    key: str
    text: str


def person_line(p: Person, lang: Lang) -> str:
    """A delegation member as printed: name, title, organisation (those that are given)."""
    parts = (p.name.get(lang, ""), p.title.get(lang, ""), p.organisation.get(lang, ""))
    return ", ".join(x for x in parts if x.strip())


def signature_sides(copy_for: Side) -> tuple[Side, Side]:
    """The alternat: the copy's own Side first (on the left)."""
    return copy_for, copy_for.other


def body_lines(m: Minutes, lang: Lang, copy_for: Side) -> list[Line]:
    """Title, dates, headings and numbered paragraphs, closing formula."""
    table = replacements(m, lang, copy_for)
    out = [Line("title", title(m, lang, copy_for)), Line("dates", meeting_dates(m, lang))]
    for section in m.sections:
        heading = section.heading.get(lang, "")
        if heading.strip():
            out.append(Line(f"h:{section.id}", in_order(heading, table)))
        for p in section.paragraphs:
            number = m.number(p.id)
            text = (f"{number}.\t" if number is not None else "") + in_order(p.text(lang), table)
            if p.status is Status.AGREED_AD_REF:
                text += " " + phrase("ad_ref", lang)
            out.append(Line(f"p:{p.id}", text))
    out.append(Line("closing", in_order(closing_formula(m, lang), table)))  # "Seoul and Moscow"
    clause = prevailing_clause(m, lang)
    if clause:
        out.append(Line("prevailing", clause))
    return out


def signature_lines(m: Minutes, lang: Lang, copy_for: Side) -> list[tuple[Line, Line]]:
    """The signature blocks' rows in ``lang``: (left, right) per row, heading first."""
    left, right = signature_sides(copy_for)
    rows = [(Line(f"sig:{left.value}:heading", signature_heading(m, left, lang)),
             Line(f"sig:{right.value}:heading", signature_heading(m, right, lang)))]
    for name in SIGNATORY_FIELDS:
        pair = []
        for side in (left, right):
            head = m.meeting.heads.get(side)
            value: str = getattr(head, name).get(lang, "") if head else ""
            pair.append(Line(f"sig:{side.value}:{name}", value))
        rows.append((pair[0], pair[1]))
    return rows


def annex_lines(m: Minutes, index: int, annex: Annex, lang: Lang, copy_for: Side) -> list[Line]:
    """One annex in ``lang``: its "Annex I" heading, its title and its contents."""
    n = index + 1
    key = f"annex:{n}"
    out = [Line(f"{key}:number", phrase("annex", lang).format(roman=roman(n), number=n))]
    if annex.kind == DELEGATION and annex.side is not None:
        out.append(Line(f"{key}:title", side_phrase("delegation_list", annex.side, lang)))
        head = m.meeting.heads.get(annex.side)
        if head is not None:
            out.append(Line(f"{key}:head_label", phrase("head_of_delegation", lang)))
            out.append(Line(f"{key}:head", person_line(head, lang)))
        if annex.members:
            out.append(Line(f"{key}:members_label", phrase("members", lang)))
        out += [Line(f"{key}:m:{i}", f"{i + 1}.\t{person_line(p, lang)}")
                for i, p in enumerate(annex.members)]
        return out
    table = replacements(m, lang, copy_for)
    heading = annex.heading.get(lang, "")
    if heading.strip():
        out.append(Line(f"{key}:title", in_order(heading, table)))
    out += [Line(f"{key}:p:{i}", in_order(p.get(lang, ""), table))
            for i, p in enumerate(annex.paragraphs) if p.get(lang, "").strip()]
    return out


def signed_lines(m: Minutes, lang: Lang, copy_for: Side) -> list[Line]:
    """Every line of ``lang`` in the order ``copy_for``'s original prints it."""
    out = body_lines(m, lang, copy_for)
    for left, right in signature_lines(m, lang, copy_for):
        out += [line for line in (left, right) if line.text.strip()]
    for i, annex in enumerate(m.annexes):
        out += annex_lines(m, i, annex, lang, copy_for)
    return out
