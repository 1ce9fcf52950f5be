"""Find and replace across the languages of a document: its section headings and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable, Iterator

from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import Batch, Operation, SetText
from minutes_app.model.structure import SetSectionHeading
from minutes_app.model.types import Lang, LangText


@dataclass(frozen=True)
class Match:
    """One occurrence: paragraph (or, in a heading, section), language and character span."""

    pid: int
    lang: Lang
    start: int
    end: int
    heading: bool = False  # in the heading of section ``pid``


def _texts(m: Minutes) -> Iterator[tuple[int, bool, LangText]]:
    """What is searched, in document order: each section's heading, then its paragraphs (an
    untitled preamble shows the title there, which is not its text and is not searched)."""
    for s in m.sections:
        yield s.id, True, s.heading
        for p in s.paragraphs:
            yield p.id, False, p.texts


def text_of(m: Minutes, ident: int, heading: bool, lang: Lang) -> str:
    """The searched text of a heading or a paragraph in ``lang``."""
    return m.section(ident).heading.get(lang, "") if heading else m.paragraph(ident).text(lang)


def _pattern(needle: str, match_case: bool) -> re.Pattern[str]:
    return re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)


def find_all(m: Minutes, needle: str, langs: list[Lang], match_case: bool = False
             ) -> Iterator[Match]:
    """Every occurrence of ``needle`` in document order, language by language per paragraph."""
    if not needle:
        return
    pattern = _pattern(needle, match_case)
    for ident, heading, texts in _texts(m):
        for lang in langs:
            for hit in pattern.finditer(texts.get(lang, "")):
                yield Match(ident, lang, hit.start(), hit.end(), heading)


def find_next(m: Minutes, needle: str, langs: list[Lang], after: Match | None,
              match_case: bool = False) -> Match | None:
    """The first occurrence after ``after`` (wrapping around), or None."""
    order = {(ident, heading): i for i, (ident, heading, _t) in enumerate(_texts(m))}
    lang_order = {lang: i for i, lang in enumerate(langs)}

    def position(x: Match) -> tuple[int, int, int]:
        return order.get((x.pid, x.heading), -1), lang_order[x.lang], x.start

    matches = list(find_all(m, needle, langs, match_case))
    if not matches:
        return None
    if after is None or after.lang not in lang_order:
        return matches[0]
    here = position(after)
    return next((x for x in matches if position(x) > here), matches[0])


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
    pattern = _pattern(needle, match_case)
    ops: list[Operation] = []
    count = left = 0
    for ident, heading, texts in _texts(m):
        for lang in langs:
            new, n = pattern.subn(lambda _: replacement, texts.get(lang, ""))
            if n and not heading and ident in keep:
                left += n
            elif n:
                ops.append((edit_heading if heading else edit)(ident, lang, new))
                count += n
    return Batch(tuple(ops)), count, left
