"""Find and replace across the languages of a document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable, Iterator

from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import Batch, Operation, SetText
from minutes_app.model.types import Lang


@dataclass(frozen=True)
class Match:
    """One occurrence: paragraph, language and character span."""

    pid: int
    lang: Lang
    start: int
    end: int


def _pattern(needle: str, match_case: bool) -> re.Pattern[str]:
    return re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)


def find_all(m: Minutes, needle: str, langs: list[Lang], match_case: bool = False
             ) -> Iterator[Match]:
    """Every occurrence of ``needle`` in document order, language by language per paragraph."""
    if not needle:
        return
    pattern = _pattern(needle, match_case)
    for p in m.paragraphs():
        for lang in langs:
            for hit in pattern.finditer(p.text(lang)):
                yield Match(p.id, lang, hit.start(), hit.end())


def find_next(m: Minutes, needle: str, langs: list[Lang], after: Match | None,
              match_case: bool = False) -> Match | None:
    """The first occurrence after ``after`` (wrapping around), or None."""
    order = {p.id: i for i, p in enumerate(m.paragraphs())}
    lang_order = {lang: i for i, lang in enumerate(langs)}

    def position(x: Match) -> tuple[int, int, int]:
        return order.get(x.pid, -1), lang_order[x.lang], x.start

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
                keep: frozenset[int] = frozenset()) -> tuple[Operation, int, int]:
    """One operation replacing every occurrence, how many it replaces, and how many it left
    in the paragraphs of ``keep`` (agreed text, which only a reopening may change).

    ``edit`` makes the operation for one changed text (a tracked edit once rounds exist).
    """
    pattern = _pattern(needle, match_case)
    ops: list[Operation] = []
    count = left = 0
    for p in m.paragraphs():
        for lang in langs:
            new, n = pattern.subn(lambda _: replacement, p.text(lang))
            if n and p.id in keep:
                left += n
            elif n:
                ops.append(edit(p.id, lang, new))
                count += n
    return Batch(tuple(ops)), count, left
