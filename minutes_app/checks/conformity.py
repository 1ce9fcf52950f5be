"""Conformity findings: what one language says differently from the other.

Each finding names its paragraph, languages, severity and a message in the interface
language. Errors block signing; warnings ask for a look. Findings can be dismissed with a
reason, kept in the document.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from minutes_app.checks.numbers import quantities
from minutes_app.i18n.catalog import _
from minutes_app.model import Lang, Minutes, Paragraph
from minutes_app.model.brackets import open_brackets

ERROR, WARNING = "error", "warning"


class Finding(NamedTuple):
    """One conformity problem of one paragraph."""

    key: str  # stable: dismissals refer to it
    paragraph_id: int
    number: int | None
    code: str  # numbers | dates | glossary | head | missing | untranslated | brackets | stale
    severity: str
    langs: tuple[Lang, ...]
    message: str

    def to_json(self) -> dict[str, object]:
        """The finding as the command line prints it."""
        return {"key": self.key, "paragraph_id": self.paragraph_id, "number": self.number,
                "code": self.code, "severity": self.severity,
                "langs": [lang.value for lang in self.langs], "message": self.message}


def _key(pid: int, code: str, detail: str) -> str:
    return f"{code}-{pid}-{zlib.crc32(detail.encode()):08x}"


def _fmt_numbers(values: set[float]) -> str:
    return ", ".join(str(int(v)) if v == int(v) else str(v) for v in sorted(values))


def _fmt_dates(values: set[tuple[int, int, int]]) -> str:
    return ", ".join(f"{y}-{m:02d}" + (f"-{d:02d}" if d else "") for y, m, d in sorted(values))


def _pairs(m: Minutes) -> list[tuple[Lang, Lang]]:
    return [(a, b) for i, a in enumerate(m.languages) for b in m.languages[i + 1:]]


class _Context:
    """What every paragraph's checks share, computed once per run."""

    def __init__(self, m: Minutes) -> None:
        self.pairs = _pairs(m)
        # glossary terms lower-cased once: (entry key, a, b, term a, term b)
        self.terms = [(ea, eb, a, b, ea.lower(), eb.lower())
                      for entry in m.glossary for a, b in self.pairs
                      if (ea := entry.get(a)) and (eb := entry.get(b))]
        self.heads = [(f"{side.value}{name}{a}{b}", a, b, va, vb)
                      for side, person in m.meeting.heads.items()
                      for name, values in (("name", person.name), ("title", person.title))
                      for a, b in self.pairs
                      if (va := values.get(a, "")) and (vb := values.get(b, ""))]


def _quantities(m: Minutes, p: Paragraph, ctx: _Context) -> Iterator[Finding]:
    for a, b in ctx.pairs:
        ta, tb = p.text(a), p.text(b)
        if not ta.strip() or not tb.strip():
            continue
        (da, na), (db, nb) = quantities(ta, a), quantities(tb, b)
        yield from _difference(m, p, "numbers", (a, b), na, nb, _fmt_numbers)
        yield from _difference(m, p, "dates", (a, b), da, db, _fmt_dates)


def _difference(m: Minutes, p: Paragraph, code: str, langs: tuple[Lang, Lang],
                va: set[Any], vb: set[Any], fmt: Callable[[set[Any]], str]
                ) -> Iterator[Finding]:
    """A finding when two languages state different numbers (or dates)."""
    if va == vb:
        return
    a, b = langs
    only_a, only_b = fmt(va - vb) or "—", fmt(vb - va) or "—"
    template = (_("Numbers differ: {a} has {only_a}; {b} has {only_b}.") if code == "numbers"
                else _("Dates differ: {a} has {only_a}; {b} has {only_b}."))
    yield Finding(_key(p.id, code, f"{a.value}:{only_a}|{b.value}:{only_b}"), p.id,
                  m.number(p.id), code, ERROR, langs,
                  template.format(a=a.value, b=b.value, only_a=only_a, only_b=only_b))


def _lowered(p: Paragraph, m: Minutes) -> dict[Lang, str]:
    return {lang: p.text(lang).lower() for lang in m.languages}


def _glossary(m: Minutes, p: Paragraph, ctx: _Context) -> Iterator[Finding]:
    if not ctx.terms:
        return
    lowered = _lowered(p, m)
    for ta, tb, a, b, la, lb in ctx.terms:
        has_a, has_b = la in lowered[a], lb in lowered[b]
        if has_a != has_b:
            used, missing = (ta, tb) if has_a else (tb, ta)
            yield Finding(_key(p.id, "glossary", f"{ta}|{tb}"), p.id, m.number(p.id),
                          "glossary", WARNING, (a, b),
                          _("Glossary: “{used}” is used but its agreed equivalent "
                            "“{missing}” is not.").format(used=used, missing=missing))


def _heads(m: Minutes, p: Paragraph, ctx: _Context) -> Iterator[Finding]:
    texts = p.texts
    for detail, a, b, va, vb in ctx.heads:
        has_a, has_b = va in texts.get(a, ""), vb in texts.get(b, "")
        if has_a != has_b:
            shown, missing = (va, vb) if has_a else (vb, va)
            yield Finding(_key(p.id, "head", detail), p.id, m.number(p.id), "head", WARNING,
                          (a, b), _("Head of delegation: “{shown}” appears in one language but "
                                    "“{missing}” (as in the meeting details) is not in the "
                                    "other.").format(shown=shown, missing=missing))


def _completeness(m: Minutes, p: Paragraph, ctx: _Context) -> Iterator[Finding]:
    filled = [lang for lang in m.languages if p.text(lang).strip()]
    if filled and len(filled) < len(m.languages):
        empty = tuple(lang for lang in m.languages if lang not in filled)
        names = ", ".join(lang.value for lang in empty)
        yield Finding(_key(p.id, "missing", names), p.id, m.number(p.id), "missing", ERROR,
                      empty, _("The text is missing in {langs}.").format(langs=names))
    for a, b in ctx.pairs:
        ta = p.text(a).strip()
        if ta and ta == p.text(b).strip() and any(ch.isalpha() for ch in ta):
            yield Finding(_key(p.id, "untranslated", f"{a}{b}"), p.id, m.number(p.id),
                          "untranslated", ERROR, (a, b),
                          _("{a} and {b} hold the same text: one of them is not translated.")
                          .format(a=a.value, b=b.value))


def _brackets(m: Minutes, p: Paragraph, ctx: _Context) -> Iterator[Finding]:
    if not any("[" in t for t in p.texts.values()):
        return
    counts = {lang: len(open_brackets(p, lang)) for lang in m.languages}
    if len(set(counts.values())) > 1:
        detail = ", ".join(f"{lang.value} {n}" for lang, n in counts.items())
        yield Finding(_key(p.id, "brackets", detail), p.id, m.number(p.id), "brackets", ERROR,
                      tuple(counts), _("Open brackets differ between languages ({counts}).")
                      .format(counts=detail))


def _stale(m: Minutes, p: Paragraph, ctx: _Context) -> Iterator[Finding]:
    if not p.agreed_texts:
        return
    changed = [lang for lang in m.languages
               if lang in p.agreed_texts and p.text(lang) != p.agreed_texts[lang]]
    if changed and len(changed) < len(m.languages):
        same = [lang for lang in m.languages if lang not in changed]
        yield Finding(_key(p.id, "stale", "".join(x.value for x in changed)), p.id,
                      m.number(p.id), "stale", WARNING, tuple(changed),
                      _("{edited} was edited after the paragraph was agreed; {other} may need "
                        "the same change.").format(edited=", ".join(x.value for x in changed),
                                                   other=", ".join(x.value for x in same)))


CHECKS = (_quantities, _glossary, _heads, _completeness, _brackets, _stale)


def findings(m: Minutes, include_dismissed: bool = False) -> list[Finding]:
    """Every finding of the document, in document order (dismissed ones left out)."""
    out = []
    ctx = _Context(m)
    for p in m.paragraphs():
        if p.mark is not None and p.mark.kind == "delete":
            continue
        for check in CHECKS:
            for f in check(m, p, ctx):
                if include_dismissed or f.key not in m.dismissed:
                    out.append(f)
    return out


def blocking(m: Minutes) -> list[Finding]:
    """The findings that stop the signing export."""
    return [f for f in findings(m) if f.severity == ERROR]
