"""Ready to sign? Every reason the signing export refuses, each pointing at its paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from minutes_app.errors import Message
from minutes_app.i18n.messages import N_, render
from minutes_app.i18n.places import annex_label, lang_message, meeting_field
from minutes_app.model import Annex, Lang, Minutes, Status
from minutes_app.model.annexes import DELEGATION
from minutes_app.model.brackets import has_open_brackets, status_of

if TYPE_CHECKING:
    from minutes_app.checks.conformity import Finding


class Reason(NamedTuple):
    """One thing that stands between the text and signature."""

    paragraph_id: int | None
    number: int | None
    code: str  # pending | bracket | status | ad_ref | missing | finding | annex_*
    message: str  # English, for logs and the refusal's exception
    detail: str = ""  # the languages missing, the Side awaited (codes, not words)
    finding: Finding | None = None  # the UI words it with describe_reason
    msg: Message = Message("")  # what the front ends put into the user's language


_PER_ANNEX = frozenset({"missing", "numbers", "dates", "units", "periods"})


# a status as the sentences name it (translated where they are said)
_STATUS = {Status.DRAFT: N_("draft"), Status.PROPOSED: N_("proposed"),
           Status.BRACKETED: N_("bracketed"), Status.AGREED_AD_REF: N_("agreed ad referendum"),
           Status.AGREED: N_("agreed")}


# a document language as the sentences name it (never its code)


def _languages(langs: list[Lang]) -> list[Message]:
    """Languages as parameters of a message: the front end joins their names."""
    return [lang_message(lang) for lang in langs]


def _where(m: Minutes, pid: int) -> Message:
    number = m.number(pid)
    return (Message(N_("Paragraph {n}"), {"n": number}) if number is not None
            else Message(N_("A preamble paragraph")))


def _reason(pid: int | None, n: int | None, code: str, template: str, /, *, detail: str = "",
            found: Finding | None = None, **params: object) -> Reason:
    msg = Message(template, params)
    return Reason(pid, n, code, render(msg, english=True), detail, found, msg)


def _finding(f: Finding, n: int | None, where: Message) -> Reason:
    return _reason(f.paragraph_id, n, "finding", N_("{where}: {finding}"), detail=f.kind,
                   found=f, where=where, finding=f)


def _place(m: Minutes, f: Finding) -> Message:
    """Where a finding outside the paragraphs is (the same words as ``i18n.findings``)."""
    if f.place == "heading":
        return Message(N_("a section heading"))
    if f.place == "title":
        return Message(N_("the title"))
    if f.place == "meeting":
        return Message(N_("the meeting details ({field})"), {"field": meeting_field(f.place_id)})
    if f.place == "annex":
        return Message(N_("annex {id}"), {"id": annex_label(f.place_id)})
    return Message(f.place)


def reasons(m: Minutes, allow_ad_ref: bool = False) -> list[Reason]:
    """Why the minutes cannot be signed yet (empty when they can)."""
    from minutes_app.checks.conformity import blocking

    out: list[Reason] = []
    found: dict[int | None, list[Finding]] = {}
    for f in blocking(m):
        found.setdefault(f.paragraph_id, []).append(f)
    # title, meeting details, headings, annexes; an annex's missing text and numbers are
    # reported per annex below (annex_empty, annex_numbers)
    out += [_finding(f, None, _place(m, f)) for f in found.pop(None, [])
            if not (f.place == "annex" and f.kind in _PER_ANNEX)]
    for s in m.sections:  # headings are signed text too
        if s.tracks:
            name = next((h for h in s.heading.values() if h), "")
            out.append(_reason(None, None, "pending",
                               N_("The heading “{name}” has pending revisions."), name=name))
    for p in m.paragraphs():
        n, where = m.number(p.id), _where(m, p.id)
        if p.tracks or p.mark:
            out.append(_reason(p.id, n, "pending", N_("{where} has pending revisions."),
                               where=where))
        if has_open_brackets(p):
            out.append(_reason(p.id, n, "bracket", N_("{where} has open brackets."), where=where))
        missing = [lang for lang in m.languages if not p.text(lang).strip()]
        if missing:
            out.append(_reason(p.id, n, "missing", N_("{where} has no text in {langs}."),
                               detail=",".join(x.value for x in missing), where=where,
                               langs=_languages(missing)))
        status = status_of(p)
        if status is Status.AGREED_AD_REF and not allow_ad_ref:
            side = p.ad_ref_side.value if p.ad_ref_side else "?"
            out.append(_reason(p.id, n, "ad_ref", N_(
                "{where} is agreed only ad referendum (awaiting {side}); allow it explicitly "
                "to sign."), detail=side, where=where, side=side))
        elif status not in (Status.AGREED, Status.AGREED_AD_REF):
            out.append(_reason(p.id, n, "status", N_("{where} is {status}, not agreed."),
                               where=where, status=Message(_STATUS[status])))
        for f in found.get(p.id, []):
            out.append(_finding(f, n, where))
    return out + annex_reasons(m)


def annex_reasons(m: Minutes) -> list[Reason]:
    """Annexes cited and missing, annexes present and uncited, annexes with missing text."""
    from minutes_app.checks.annex_refs import citations
    from minutes_app.model.annexes import roman

    out: list[Reason] = []
    cited = citations(m)
    for n, pid in sorted(cited.items()):
        if n > len(m.annexes) or n < 1:
            out.append(_reason(pid, m.number(pid), "annex_missing", N_(
                "{where} cites Annex {annex}, which the document does not hold."),
                where=_where(m, pid), annex=roman(n)))
    for i, annex in enumerate(m.annexes):
        if i + 1 not in cited:
            out.append(_reason(None, None, "annex_uncited", N_(
                "Annex {annex} is not cited by the text."), annex=roman(i + 1)))
        if any(lang in m.languages for held in annex.tracks.values() for lang in held):
            # tracked like paragraphs: signed only when decided
            out.append(_reason(None, None, "annex_pending", N_(
                "Annex {annex} has pending revisions."), annex=roman(i + 1)))
        out += _annex_quantities(m, i, annex)
        empty = [lang for lang in m.languages if _annex_gap(annex, lang)]
        if empty:
            out.append(_reason(None, None, "annex_empty",
                               N_("Annex {annex} has no text in {langs}."),
                               annex=roman(i + 1), langs=_languages(empty)))
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
                out.append(_reason(None, None, "annex_numbers", N_(
                    "Annex {annex}, paragraph {n}: the numbers or dates differ between {a} and "
                    "{b}."), annex=roman(index + 1), n=n, a=lang_message(a),
                    b=lang_message(b)))
    return out
