"""A document's languages: add, remove and reorder them, each with its inverse.

A document has two or three of Korean, English and Russian, in the order its delegation
wants. Removing a language takes its paragraph texts, pending revisions, agreed texts and
headings out of the document; the inverse puts them back exactly. Meeting and party names
per language and round snapshots are left as they are: they cost nothing and make adding the
language back painless.
"""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.errors import ValidationError
from minutes_app.model.change import Change
from minutes_app.model.brackets import Bracket, without_lang
from minutes_app.model.minutes import Minutes
from minutes_app.model.ops import Operation
from minutes_app.model.track import Track
from minutes_app.model.types import Lang

MIN_LANGUAGES, MAX_LANGUAGES = 2, 3


class LangContent(NamedTuple):
    """What one paragraph holds in one language: text, pending revisions, agreed text."""

    pid: int
    text: str | None
    track: Track | None
    agreed: str | None


def parse_languages(value: str) -> list[Lang]:
    """``"ko,ru,en"`` as languages, checked: two or three, each known, none twice."""
    codes = [c.strip().lower() for c in value.split(",") if c.strip()]
    known = {lang.value for lang in Lang}
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValidationError("Unknown language {unknown_0!r}; expected ko, en or ru.",
                              unknown_0=unknown[0])
    langs = [Lang(c) for c in codes]
    check_languages(langs)
    return langs


def check_languages(langs: list[Lang]) -> None:
    """Raise unless ``langs`` are two or three distinct languages."""
    if len(set(langs)) != len(langs):
        raise ValidationError("A language is named twice.")
    if not MIN_LANGUAGES <= len(langs) <= MAX_LANGUAGES:
        raise ValidationError("A document has two or three languages.")


def language_holds_text(m: Minutes, lang: Lang) -> bool:
    """True when any paragraph, revision or heading has text in ``lang``."""
    return any(s.heading.get(lang) or lang in s.tracks for s in m.sections) or any(
        p.texts.get(lang) or lang in p.tracks or p.agreed_texts.get(lang)
        for p in m.paragraphs())


def _everything(m: Minutes) -> Change:
    return Change(paragraphs=frozenset(p.id for p in m.paragraphs()),
                  sections=frozenset(s.id for s in m.sections), meta=True)


class AddLanguage(NamedTuple):
    """Add ``lang`` at ``position`` (the end when -1), restoring any content it held."""

    lang: Lang
    position: int = -1
    content: tuple[LangContent, ...] = ()
    headings: tuple[tuple[int, str], ...] = ()
    heading_tracks: tuple[tuple[int, Track], ...] = ()  # the headings' pending revisions
    brackets: tuple[tuple[int, tuple[Bracket, ...]], ...] = ()  # as they were before removal

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        if self.lang in m.languages:
            raise ValidationError("The document already has language {lang!r}.",
                                  lang=self.lang.value)
        check_languages([*m.languages, self.lang])
        position = len(m.languages) if self.position < 0 else self.position
        m.languages.insert(min(position, len(m.languages)), self.lang)
        for c in self.content:
            p = m.paragraph(c.pid)
            if c.text is not None:
                p.texts[self.lang] = c.text
            if c.track is not None:
                p.tracks[self.lang] = c.track
            if c.agreed is not None:
                p.agreed_texts[self.lang] = c.agreed
        for sid, heading in self.headings:
            m.section(sid).heading[self.lang] = heading
        for sid, track in self.heading_tracks:
            m.section(sid).tracks[self.lang] = track
        for pid, brackets in self.brackets:
            m.paragraph(pid).brackets = brackets
        return RemoveLanguage(self.lang), _everything(m)


class RemoveLanguage(NamedTuple):
    """Remove ``lang`` and everything the text holds in it."""

    lang: Lang

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        m.check_lang(self.lang)
        check_languages([x for x in m.languages if x is not self.lang])
        position = m.languages.index(self.lang)
        content: list[LangContent] = []
        kept: list[tuple[int, tuple[Bracket, ...]]] = []
        for p in m.paragraphs():
            if p.brackets:
                kept.append((p.id, p.brackets))
                p.brackets = without_lang(p.brackets, self.lang)
            held = LangContent(p.id, p.texts.pop(self.lang, None), p.tracks.pop(self.lang, None),
                               p.agreed_texts.pop(self.lang, None))
            if held[1:] != (None, None, None):
                content.append(held)
        headings = tuple((s.id, s.heading.pop(self.lang)) for s in m.sections
                         if self.lang in s.heading)
        tracks = tuple((s.id, s.tracks.pop(self.lang)) for s in m.sections
                       if self.lang in s.tracks)
        m.languages.remove(self.lang)
        change = _everything(m)
        return AddLanguage(self.lang, position, tuple(content), headings, tracks,
                           tuple(kept)), change


class SetLanguageOrder(NamedTuple):
    """Put the document's languages in a new order (the same languages)."""

    order: tuple[Lang, ...]

    def apply(self, m: Minutes) -> tuple[Operation, Change]:
        if sorted(self.order) != sorted(m.languages):
            names = ", ".join(x.value for x in m.languages)
            raise ValidationError("The new order must name the same languages ({names}).",
                                  names=names)
        check_languages(list(self.order))
        old = tuple(m.languages)
        m.languages = list(self.order)
        return SetLanguageOrder(old), Change(meta=True)


def set_languages_ops(m: Minutes, langs: list[Lang]) -> list[Operation]:
    """The operations that turn the document's languages into ``langs``.

    Additions come first: going from two languages to two others passes through three,
    never through one.
    """
    check_languages(langs)
    ops: list[Operation] = [AddLanguage(x) for x in langs if x not in m.languages]
    ops += [RemoveLanguage(x) for x in m.languages if x not in langs]
    kept = [x for x in m.languages if x in langs] + [x for x in langs if x not in m.languages]
    if kept != langs:
        ops.append(SetLanguageOrder(tuple(langs)))
    return ops
