"""What review mode walks through: everything still open, in document order."""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.checks.conformity import Finding, findings
from minutes_app.model import Lang, Minutes, Status
from minutes_app.model.brackets import OpenBracket, open_brackets, status_of
from minutes_app.tracking.revisions import Revision, paragraph_revisions


class ReviewItem(NamedTuple):
    """One open item: a revision, a bracket, an ad referendum paragraph or a finding."""

    kind: str  # revision | bracket | ad_ref | finding | status (draft or proposed)
    paragraph_id: int
    revision: Revision | None = None
    bracket: OpenBracket | None = None
    bracket_index: int = 0
    finding: Finding | None = None


def open_items(m: Minutes) -> list[ReviewItem]:
    """Every open item of the document."""
    by_paragraph: dict[int, list[Finding]] = {}
    for f in findings(m):
        by_paragraph.setdefault(f.paragraph_id, []).append(f)
    items: list[ReviewItem] = []
    for p in m.paragraphs():
        items += [ReviewItem("revision", p.id, revision=r) for r in paragraph_revisions(m, p)]
        for lang in m.languages:
            items += [ReviewItem("bracket", p.id, bracket=b, bracket_index=i)
                      for i, b in enumerate(open_brackets(p, lang))]
        status = status_of(p)
        if status is Status.AGREED_AD_REF:
            items.append(ReviewItem("ad_ref", p.id))
        items += [ReviewItem("finding", p.id, finding=f) for f in by_paragraph.get(p.id, [])]
        if status in (Status.DRAFT, Status.PROPOSED):  # the heads mark it agreed here
            items.append(ReviewItem("status", p.id))
    return items


def progress(m: Minutes) -> dict[str, int]:
    """Counts for the progress line."""
    paragraphs = m.paragraphs()
    items = open_items(m)
    return {
        "agreed": sum(1 for p in paragraphs if status_of(p) is Status.AGREED),
        "total": len(paragraphs),
        "brackets": sum(1 for i in items if i.kind == "bracket"),
        "revisions": sum(1 for i in items if i.kind == "revision"),
        "findings": sum(1 for i in items if i.kind == "finding"),
        "unagreed": sum(1 for i in items if i.kind == "status"),
        "open": len(items),
    }


__all__ = ["Lang", "ReviewItem", "open_items", "progress"]
