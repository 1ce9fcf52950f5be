"""Free annexes' pending revisions as the interface shows them: their place and their text."""

from __future__ import annotations

from minutes_app.i18n import _
from minutes_app.model import Lang, Minutes
from minutes_app.model.annexes import Annex, part_text, roman
from minutes_app.tracking.revisions import Revision


def annex_place(r: Revision) -> str:
    """Where an annex revision is: "Annex III, heading" or "Annex III, paragraph 2"."""
    assert r.annex is not None
    index, part = r.annex
    if part == 0:
        return _("Annex {number}, heading").format(number=roman(index + 1))
    return _("Annex {number}, paragraph {k}").format(number=roman(index + 1), k=part)


def short_place(r: Revision) -> str:
    """The number column's text for an annex revision: "III" (heading) or "III.2"."""
    assert r.annex is not None
    index, part = r.annex
    return roman(index + 1) + (f".{part}" if part else "")


def part_html(a: Annex, part: int, lang: Lang) -> str:
    """One part of a free annex with its pending changes marked (as review mode shows text)."""
    from minutes_app.ui.review.view import track_html

    return track_html(a.tracks.get(part, {}).get(lang), part_text(a, part, lang))


def annex_html(m: Minutes, index: int, lang: Lang) -> str:
    """A whole free annex in ``lang``, its heading in bold, its revisions marked inline."""
    a = m.annexes[index]
    paragraphs = [f"<p><b>{part_html(a, 0, lang)}</b></p>"]
    paragraphs += [f"<p>{part_html(a, k, lang)}</p>" for k in range(1, len(a.paragraphs) + 1)]
    return "".join(paragraphs)
