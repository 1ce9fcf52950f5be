"""What review mode walks through: everything still open, in document order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    # the spaces deleted (or inserted) with ``revision``'s word, decided with it: one item
    spaces: tuple[Revision, ...] = ()

    def revisions(self) -> list[Revision]:
        """The revisions one decision on this item accepts or rejects, in the text's order."""
        if self.revision is None:
            return []
        return sorted((self.revision, *self.spaces), key=lambda r: r.segment)

    def text(self) -> str:
        """What the item's revisions insert or delete, as one piece of text."""
        return "".join(r.text for r in self.revisions())


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
        items += revision_items(p.id, paragraph_revisions(m, p))
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

        items += revision_items(-1, annex_revisions(m))
    return items


def _in_order(m: Minutes, items: list[ReviewItem]) -> Iterator[Paragraph]:
    """The paragraphs in order; a section's heading revisions go into ``items`` first."""
    for s in m.sections:
        if s.tracks:
            items += revision_items(s.id, heading_revisions(m, s))
        yield from s.paragraphs


def revision_items(paragraph_id: int, revisions: Iterable[Revision]) -> list[ReviewItem]:
    """One item per revision, but a space changed next to a word of the same change goes
    with that word.

    A Side deleting ``공동의 `` where ``공동의`` was still its own pending insertion makes two
    revisions (a deletion inside an insertion, and one of the base text's space): one deletion
    to the heads of delegation, one decision. The revisions themselves stay as they are.
    """
    items: list[ReviewItem] = []
    pending: list[Revision] = []  # spaces that open a change, waiting for its word
    for r in revisions:
        last = items[-1] if items else None
        if _blank(r):
            if last is not None and last.revision is not None and \
                    _next_to(last.revisions()[-1], r) and not _blank(last.revision):
                items[-1] = last._replace(spaces=(*last.spaces, r))
            else:
                pending.append(r)
            continue
        joined = tuple(q for q in pending if _next_to(q, r))
        items += [ReviewItem("revision", paragraph_id, revision=q)
                  for q in pending if q not in joined]
        pending = []
        items.append(ReviewItem("revision", paragraph_id, revision=r, spaces=joined))
    items += [ReviewItem("revision", paragraph_id, revision=q) for q in pending]
    return items


def _blank(r: Revision) -> bool:
    """Only spaces: no word of its own to decide on."""
    return r.lang is not None and not r.text.strip()


def _next_to(a: Revision, b: Revision) -> bool:
    """``a`` and ``b`` are neighbouring pieces of one change: the same text, kind and author."""
    return (abs(a.segment - b.segment) == 1 and a.paragraph_id == b.paragraph_id
            and a.lang == b.lang and a.kind == b.kind and a.side == b.side
            and a.round == b.round and a.heading == b.heading and a.annex == b.annex)


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
        "revisions": sum(len(i.revisions()) for i in items),  # as the Changes panel counts
        "findings": sum(1 for i in items if i.kind == "finding"),
        "unagreed": sum(1 for i in items if i.kind == "status"),
        "open": len(items),
    }


__all__ = ["Lang", "ReviewItem", "open_items", "progress"]
