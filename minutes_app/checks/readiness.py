"""Ready to sign? Every reason the signing export refuses, each pointing at its paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from minutes_app.model import Minutes, Status
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
    out += [Reason(None, None, "finding", f"{f.place} {f.place_id}: {f.kind}", f.kind, f)
            for f in found.pop(None, [])]  # title, meeting details, headings, annexes
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
    return out
