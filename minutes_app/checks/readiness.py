"""Ready to sign? Every reason the signing export refuses, each pointing at its paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from minutes_app.model import Annex, Lang, Minutes, Status
from minutes_app.model.annexes import DELEGATION
from minutes_app.model.brackets import has_open_brackets, status_of

if TYPE_CHECKING:
    from minutes_app.checks.conformity import Finding


class Reason(NamedTuple):
    """One thing that stands between the text and signature."""

    paragraph_id: int | None
    number: int | None
    code: str  # pending | bracket | status | ad_ref | missing | finding
    message: str  # English, for logs and the refusal's exception (the UI uses describe_reason)
    detail: str = ""  # the languages missing, the Side awaited (codes, not words)
    finding: Finding | None = None


_PER_ANNEX = frozenset({"missing", "numbers", "dates", "units", "periods"})


def _where(m: Minutes, pid: int) -> str:
    number = m.number(pid)
    return f"paragraph {number}" if number is not None else "a preamble paragraph"


def reasons(m: Minutes, allow_ad_ref: bool = False) -> list[Reason]:
    """Why the minutes cannot be signed yet (empty when they can)."""
    from minutes_app.checks.conformity import blocking

    out: list[Reason] = []
    found: dict[int | None, list[Finding]] = {}
    for f in blocking(m):
        found.setdefault(f.paragraph_id, []).append(f)
    # title, meeting details, headings, annexes; an annex's missing text and numbers are
    # reported per annex below (annex_empty, annex_numbers)
    out += [Reason(None, None, "finding", f"{f.place} {f.place_id}: {f.kind}", f.kind, f)
            for f in found.pop(None, [])
            if not (f.place == "annex" and f.kind in _PER_ANNEX)]
    for s in m.sections:  # headings are signed text too
        if s.tracks:
            name = next((h for h in s.heading.values() if h), "")
            out.append(Reason(None, None, "pending",
                              f"The heading “{name}” has pending revisions."))
    for p in m.paragraphs():
        n, where = m.number(p.id), _where(m, p.id)
        if p.tracks or p.mark:
            out.append(Reason(p.id, n, "pending", f"{where.capitalize()} has pending revisions."))
        if has_open_brackets(p):
            out.append(Reason(p.id, n, "bracket", f"{where.capitalize()} has open brackets."))
        missing = [lang.value for lang in m.languages if not p.text(lang).strip()]
        if missing:
            out.append(Reason(p.id, n, "missing",
                              f"{where.capitalize()} has no text in {', '.join(missing)}.",
                              ",".join(missing)))
        status = status_of(p)
        if status is Status.AGREED_AD_REF and not allow_ad_ref:
            side = p.ad_ref_side.value if p.ad_ref_side else "?"
            out.append(Reason(p.id, n, "ad_ref", f"{where.capitalize()} is agreed only ad "
                              f"referendum (awaiting {side}); allow it explicitly to sign.",
                              side))
        elif status not in (Status.AGREED, Status.AGREED_AD_REF):
            out.append(Reason(p.id, n, "status",
                              f"{where.capitalize()} is {status.value}, not agreed."))
        for f in found.get(p.id, []):
            out.append(Reason(p.id, n, "finding", f"{where.capitalize()}: {f.kind} "
                              f"({', '.join(x.value for x in f.langs)})", f.kind, f))
    return out + annex_reasons(m)


def annex_reasons(m: Minutes) -> list[Reason]:
    """Annexes cited and missing, annexes present and uncited, annexes with missing text."""
    from minutes_app.checks.annex_refs import citations
    from minutes_app.model.annexes import roman

    out: list[Reason] = []
    cited = citations(m)
    for n, pid in sorted(cited.items()):
        if n > len(m.annexes) or n < 1:
            out.append(Reason(pid, m.number(pid), "annex_missing",
                              f"{_where(m, pid).capitalize()} cites Annex {roman(n)}, "
                              "which the document does not hold."))
    for i, annex in enumerate(m.annexes):
        if i + 1 not in cited:
            out.append(Reason(None, None, "annex_uncited",
                              f"Annex {roman(i + 1)} is not cited by the text."))
        out += _annex_quantities(m, i, annex)
        empty = [lang.value for lang in m.languages if _annex_gap(annex, lang)]
        if empty:
            out.append(Reason(None, None, "annex_empty", f"Annex {roman(i + 1)} has no "
                              f"text in {', '.join(empty)}."))
    return out


def _annex_gap(annex: Annex, lang: Lang) -> bool:
    """True when ``annex`` lacks text in ``lang`` (a member's name, a heading, a paragraph)."""
    if annex.kind == DELEGATION:
        return any(not p.name.get(lang, "").strip() for p in annex.members)
    return (not annex.heading.get(lang, "").strip() or not annex.paragraphs
            or any(not p.get(lang, "").strip() for p in annex.paragraphs))


def _annex_quantities(m: Minutes, index: int, annex: Annex) -> list[Reason]:
    """A free annex's paragraph stating other numbers or dates in one language than another."""
    from minutes_app.checks.values import differences
    from minutes_app.model.annexes import roman

    out = []
    pairs = [(a, b) for k, a in enumerate(m.languages) for b in m.languages[k + 1:]]
    for n, texts in enumerate(annex.paragraphs, start=1):
        for a, b in pairs:
            ta, tb = texts.get(a, ""), texts.get(b, "")
            if ta.strip() and tb.strip() and differences(ta, a, tb, b):
                out.append(Reason(None, None, "annex_numbers",
                                  f"Annex {roman(index + 1)}, paragraph {n}: the numbers or "
                                  f"dates differ between {a.value} and {b.value}."))
    return out
