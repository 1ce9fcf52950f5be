"""Find and replace across the languages of a document: its section headings and paragraphs.

The search runs over *units*, each a place of the document with its per-language texts;
``minutes_app.workflows.search`` adds the title, the meeting details and the annexes to these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable, Iterable, Iterator

from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import Batch, Operation, SetText
from minutes_app.model.structure import SetSectionHeading
from minutes_app.model.types import Lang, LangText

# places beyond the sections: the title, a free annex's part, a delegation list's member, a
# field of the meeting details
TITLE, ANNEX, MEMBER, MEETING = "title", "annex", "member", "meeting"
# the fields of the meeting details searched as MEETING places (``pid`` indexes this), in the
# order of the meeting dialog, named as ``i18n.places.meeting_field`` reads them; the body
# names are not among them: the title shows them (a TITLE place)
DETAILS: tuple[str, ...] = (
    "next_body", "format", "venue", "place", "ordinal", "dates",
    *(f"heads.{side}.{name}" for side in ("KR", "RU") for name in ("name", "title",
                                                                 "organisation")),
)


@dataclass(frozen=True)
class Match:
    """One occurrence: its place, language and character span.

    ``place`` is empty for a paragraph ``pid`` or (``heading``) the heading of section ``pid``;
    for TITLE ``pid`` is 0 (the title as the text's order gives it) or 1 (in the other Side's
    original); for ANNEX ``pid`` is the annex's index and ``part`` 0 its heading or k its
    paragraph k; for MEMBER ``part`` is the member's index times 3 plus the field's; for
    MEETING ``pid`` is the field's index in ``DETAILS``.
    """

    pid: int
    lang: Lang
    start: int
    end: int
    heading: bool = False
    place: str = ""
    part: int = 0

    @property
    def unit(self) -> Key:
        """The place this match is in, as ``units`` name it."""
        return self.place, self.pid, self.part, self.heading


Key = tuple[str, int, int, bool]  # place, ident, part, heading
Unit = tuple[Key, LangText]


def units(m: Minutes) -> Iterator[Unit]:
    """The sections' texts in document order: each section's heading, then its paragraphs (an
    untitled preamble shows the title there, which is not its text: see TITLE)."""
    for s in m.sections:
        yield ("", s.id, 0, True), s.heading
        for p in s.paragraphs:
            yield ("", p.id, 0, False), p.texts


def text_of(m: Minutes, ident: int, heading: bool, lang: Lang) -> str:
    """The searched text of a heading or a paragraph in ``lang``."""
    return m.section(ident).heading.get(lang, "") if heading else m.paragraph(ident).text(lang)


def pattern(needle: str, match_case: bool) -> re.Pattern[str]:
    """The literal ``needle``, with or without case."""
    return re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)


def find_in(held: Iterable[Unit], needle: str, langs: list[Lang], match_case: bool = False
            ) -> Iterator[Match]:
    """Every occurrence of ``needle`` in ``held``, in order, language by language per unit."""
    if not needle:
        return
    found = pattern(needle, match_case)
    for (place, ident, part, heading), texts in held:
        for lang in langs:
            for hit in found.finditer(texts.get(lang, "")):
                yield Match(ident, lang, hit.start(), hit.end(), heading, place, part)


def next_in(held: list[Unit], needle: str, langs: list[Lang], after: Match | None,
            match_case: bool = False) -> Match | None:
    """The first occurrence in ``held`` after ``after`` (wrapping around), or None."""
    order = {key: i for i, (key, _t) in enumerate(held)}
    lang_order = {lang: i for i, lang in enumerate(langs)}

    def position(x: Match) -> tuple[int, int, int]:
        return order.get(x.unit, -1), lang_order[x.lang], x.start

    matches = list(find_in(held, needle, langs, match_case))
    if not matches:
        return None
    if after is None or after.lang not in lang_order:
        return matches[0]
    here = position(after)
    return next((x for x in matches if position(x) > here), matches[0])


def find_all(m: Minutes, needle: str, langs: list[Lang], match_case: bool = False
             ) -> Iterator[Match]:
    """Every occurrence of ``needle`` in the headings and paragraphs, in document order."""
    return find_in(units(m), needle, langs, match_case)


def find_next(m: Minutes, needle: str, langs: list[Lang], after: Match | None,
              match_case: bool = False) -> Match | None:
    """The first occurrence after ``after`` (wrapping around), or None."""
    return next_in(list(units(m)), needle, langs, after, match_case)


Edit = Callable[[int, Lang, str], Operation]


def replace_all(m: Minutes, needle: str, replacement: str, langs: list[Lang],
                match_case: bool = False, edit: Edit = SetText,
                keep: frozenset[int] = frozenset(), edit_heading: Edit = SetSectionHeading
                ) -> tuple[Operation, int, int]:
    """One operation replacing every occurrence, how many it replaces, and how many it left
    in the paragraphs of ``keep`` (agreed text, which only a reopening may change).

    ``edit`` and ``edit_heading`` make the operation for one changed paragraph text and
    heading (tracked edits once rounds exist).
    """
    found = pattern(needle, match_case)
    ops: list[Operation] = []
    count = left = 0
    for (_place, ident, _part, heading), texts in units(m):
        for lang in langs:
            new, n = found.subn(lambda _: replacement, texts.get(lang, ""))
            if n and not heading and ident in keep:
                left += n
            elif n:
                ops.append((edit_heading if heading else edit)(ident, lang, new))
                count += n
    return Batch(tuple(ops)), count, left
