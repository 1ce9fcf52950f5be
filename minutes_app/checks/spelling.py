"""Spell checking of Korean, British English and Russian text through Enchant (hunspell).

The document's glossary terms, the names in its meeting details and parties, and its own
exceptions are never flagged; nor are acronyms and words holding digits.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from minutes_app.model import Lang, Minutes

if TYPE_CHECKING:
    from collections.abc import Iterable

log = logging.getLogger(__name__)

# the dictionaries tried for each language, the texts' own variant first
TAGS: dict[Lang, tuple[str, ...]] = {
    Lang.KO: ("ko_KR", "ko"),
    Lang.EN: ("en_GB", "en_US", "en"),
    Lang.RU: ("ru_RU", "ru"),
}
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


class Misspelling(NamedTuple):
    """A flagged word: where it is in the text."""

    start: int
    end: int
    word: str


_LOCK = threading.Lock()  # Enchant's broker must not serve two threads at once


def dictionary(lang: Lang) -> Any | None:
    """The Enchant dictionary of a language (None when none is installed); thread-safe."""
    with _LOCK:
        found = _dictionary(lang)
        LOADED.add(lang)
        return found


LOADED: set[Lang] = set()  # languages whose dictionary is loaded (or known to be missing)


@cache
def _dictionary(lang: Lang) -> Any | None:
    try:
        import enchant
    except ImportError:  # pyenchant, or the Enchant library it loads, is missing
        log.warning("pyenchant or libenchant is not installed: no spell checking")
        return None
    for tag in TAGS[lang]:
        try:
            if enchant.dict_exists(tag):
                return enchant.Dict(tag)
        except enchant.errors.Error:
            continue
    log.warning("no %s dictionary for spell checking", lang.value)
    return None


def available(lang: Lang) -> bool:
    """Whether words of ``lang`` can be checked here."""
    return dictionary(lang) is not None


def known_words(m: Minutes) -> frozenset[str]:
    """Words never flagged in this document: glossary terms, names, its exceptions."""
    texts: list[str] = []
    for entry in m.glossary:
        texts += entry.values()
    meeting = m.meeting
    for person in meeting.heads.values():
        texts += [*person.name.values(), *person.organisation.values()]
    for values in (meeting.body, meeting.body_alternat, meeting.next_body, meeting.venue,
                   meeting.place):
        texts += values.values()
    for party in m.parties.values():
        texts += [*party.name.values(), *party.side_name.values()]
    words = {w.lower() for text in texts for w in _WORD.findall(text)}
    return frozenset(words | {w.lower() for w in m.spelling_ignore})


def _skipped(word: str, known: frozenset[str]) -> bool:
    return (any(ch.isdigit() for ch in word) or word.isupper() or len(word) < 2
            or word.lower() in known or "_" in word)


def misspellings(text: str, lang: Lang, known: Iterable[str] = frozenset()
                 ) -> list[Misspelling]:
    """The words of ``text`` the dictionary of ``lang`` does not know."""
    d = dictionary(lang)
    if d is None:
        return []
    skip = known if isinstance(known, frozenset) else frozenset(known)
    return [Misspelling(hit.start(), hit.end(), hit.group())
            for hit in _WORD.finditer(text)
            if not _skipped(hit.group(), skip) and not _check(d, hit.group())]


def _check(d: Any, word: str) -> bool:
    try:
        return bool(d.check(word) or d.check(word.replace("’", "'")))
    except Exception:  # an odd character Enchant refuses: not the user's problem
        return True


def suggestions(word: str, lang: Lang, limit: int = 6) -> list[str]:
    """Corrections for a flagged word, best first."""
    d = dictionary(lang)
    return [] if d is None else [str(s) for s in d.suggest(word)[:limit]]
