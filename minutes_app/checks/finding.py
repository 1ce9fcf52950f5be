"""The Finding: a conformity problem as codes and parameters, with its place and a stable key.

The core never makes sentences: ``minutes_app.i18n.findings.describe`` turns a finding into
one in the interface language.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from typing import Final, NamedTuple

from minutes_app.model import Lang

ERROR, WARNING = "error", "warning"

# what changes meaning blocks signing; style asks for a look
SEVERITY = {
    "numbers": ERROR, "units": ERROR, "dates": ERROR, "periods": ERROR, "names": ERROR,
    "heads": ERROR, "acronyms": ERROR, "details": ERROR, "missing": ERROR,
    "untranslated": ERROR, "omission": ERROR, "brackets": ERROR, "negation": ERROR,
    "instrument": ERROR,
    "glossary": WARNING, "consistency": WARNING, "length": WARNING, "pairs": WARNING,
    "punctuation": WARNING, "spaces": WARNING, "stale": WARNING, "roles": WARNING,
}
KINDS = tuple(SEVERITY)
PLACES = ("paragraph", "heading", "title", "meeting", "annex")


class Unit(NamedTuple):
    """One checked text in every language: a paragraph, a heading, the title, a meeting field."""

    place: str  # one of PLACES
    place_id: str  # paragraph, section or annex id; the meeting field ("heads.KR.name")
    number: int | None  # the paragraph's derived number
    # (a dict, as every place holds its texts: compiled, ``texts.get`` is a dict's, not a
    # method looked up and called on a Mapping)
    texts: dict[Lang, str]


class Span(NamedTuple):
    """Where a finding is in one language's text."""

    lang: Lang
    start: int
    end: int
    text: str


class Finding(NamedTuple):
    """One conformity problem at one place."""

    key: str  # stable while the problem stays the same: dismissals refer to it
    kind: str
    severity: str
    place: str
    place_id: str
    number: int | None
    langs: tuple[Lang, ...]
    spans: tuple[Span, ...]
    params: tuple[tuple[str, str], ...]  # for the message (names of the values, not wording)
    detail: str = ""  # what the key is made of, besides the place and languages

    def __str__(self) -> str:
        """The kind and languages, as English logs name the finding."""
        langs = ", ".join(x.value for x in self.langs)
        return f"{self.kind} ({langs})" if langs else self.kind

    @property
    def code(self) -> str:
        """The kind (the name older callers use)."""
        return self.kind

    @property
    def paragraph_id(self) -> int | None:
        """The paragraph's id when the finding is in a paragraph."""
        return int(self.place_id) if self.place == "paragraph" else None

    @property
    def param(self) -> dict[str, str]:
        """The parameters as a dict."""
        return dict(self.params)

    def to_json(self) -> dict[str, object]:
        """Kind, severity, place, languages and spans, as ``check --json`` prints them."""
        spans: dict[str, list[dict[str, object]]] = {}
        for s in self.spans:
            spans.setdefault(s.lang.value, []).append(
                {"start": s.start, "end": s.end, "text": s.text})
        return {"key": self.key, "kind": self.kind, "severity": self.severity,
                "place": {"type": self.place, "id": self.place_id, "number": self.number},
                "langs": [lang.value for lang in self.langs], "spans": spans,
                "params": dict(self.params)}


def make(kind: str, unit: Unit, langs: Sequence[Lang], detail: str,
         spans: Sequence[tuple[Lang, int, int]] = (),
         params: Mapping[str, str] | None = None) -> Finding:
    """A finding of ``kind`` at ``unit``; ``detail`` names the problem (not its wording)."""
    langs = tuple(langs)
    texts = unit.texts
    # (tuple.__new__ skips the named tuples' own __new__, a Python call each)
    found = tuple([_new(Span, (lang, s, e, texts.get(lang, "")[s:e])) for lang, s, e in spans])
    # (``_value_``: the member's own attribute, where ``.value`` is a Python property)
    merged = {"a": langs[0]._value_, "b": langs[-1]._value_}
    if params:
        merged.update(params)
    return _new(Finding, (_key(kind, unit.place, unit.place_id, langs, detail), kind,
                          SEVERITY[kind], unit.place, unit.place_id, unit.number, langs, found,
                          tuple(sorted(merged.items())), detail))


_new = tuple.__new__
_crc32: Final = zlib.crc32


def _key(kind: str, place: str, place_id: str, langs: tuple[Lang, ...], detail: str) -> str:
    # (the languages are str: joined as their codes)
    ident = f"{place}:{place_id}:{''.join(langs)}:{detail}"
    # (a format spec in an f-string makes it compiled as a ``str.format`` call per part)
    return f"{kind}-{place[0]}{place_id}-" + format(_crc32(ident.encode()), "08x")


def relocate(f: Finding, unit: Unit) -> Finding:
    """The same finding found in another unit with the same texts (its key follows the place)."""
    if f.place_id == unit.place_id and f.number == unit.number:
        return f
    return f._replace(key=_key(f.kind, unit.place, unit.place_id, f.langs, f.detail),
                      place_id=unit.place_id, number=unit.number)
