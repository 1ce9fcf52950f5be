"""What review mode walks through: everything still open, in document order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from minutes_app.checks.conformity import Finding, findings
from minutes_app.model import Lang, Minutes, Paragraph, Status
from minutes_app.model.brackets import OpenBracket, open_brackets, status_of
from minutes_app.tracking.revisions import Revision, heading_revisions, paragraph_revisions


class ReviewItem(NamedTuple):
    """One open item: a revision, a bracket, an ad referendum paragraph or a finding."""

    kind: str  # revision | bracket | ad_ref | finding | status (draft or proposed)
    paragraph_id: int  # for a heading's revision: the section's id (ids are shared)
    revision: Revision | None = None
    bracket: OpenBracket | None = None
    bracket_index: int = 0
    finding: Finding | None = None


def _shown_at(m: Minutes, f: Finding) -> int | None:
    """The paragraph a finding is reviewed at: its own, its section's first, or the first."""
    if f.paragraph_id is not None:
        return f.paragraph_id
    if f.place == "heading":
        section = next((s for s in m.sections if str(s.id) == f.place_id), None)
        if section is not None and section.paragraphs:
            return section.paragraphs[0].id
    paragraphs = m.paragraphs()
    return paragraphs[0].id if paragraphs else None  # title, meeting details, annexes


def open_items(m: Minutes) -> list[ReviewItem]:
    """Every open item of the document."""
    by_paragraph: dict[int | None, list[Finding]] = {}
    for f in findings(m):
        by_paragraph.setdefault(_shown_at(m, f), []).append(f)
    items: list[ReviewItem] = []
    for p in _in_order(m, items):
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
    if any(a.tracks for a in m.annexes):  # annexes follow the signatures: last
        from minutes_app.tracking.annexes import annex_revisions

        items += [ReviewItem("revision", -1, revision=r) for r in annex_revisions(m)]
    return items


def _in_order(m: Minutes, items: list[ReviewItem]) -> Iterator[Paragraph]:
    """The paragraphs in order; a section's heading revisions go into ``items`` first."""
    for s in m.sections:
        if s.tracks:
            items += [ReviewItem("revision", s.id, revision=r) for r in heading_revisions(m, s)]
        yield from s.paragraphs


def progress(m: Minutes) -> dict[str, int]:
    """Counts for the progress line."""
    paragraphs = m.paragraphs()
    items = open_items(m)
    return {
        "agreed": sum(1 for p in paragraphs if status_of(p) is Status.AGREED),
        "total": len(paragraphs),
        "brackets": sum(1 for i in items if i.kind == "bracket"),
        # as the status bar counts them: paragraphs whose status is bracketed
        "bracketed": sum(1 for p in paragraphs if status_of(p) is Status.BRACKETED),
        "revisions": sum(1 for i in items if i.kind == "revision"),
        "findings": sum(1 for i in items if i.kind == "finding"),
        "unagreed": sum(1 for i in items if i.kind == "status"),
        "open": len(items),
    }


__all__ = ["Lang", "ReviewItem", "open_items", "progress"]
