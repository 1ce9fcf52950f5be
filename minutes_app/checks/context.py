"""What every check of one run shares: language pairs, names to look for, expected lengths."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from minutes_app.checks.gazetteer import GAZETTEER, SIDE_NAMES
from minutes_app.checks.name_scan import Plan, Scan, gate_string, plan
from minutes_app.checks.nm_read import Phrase
from minutes_app.checks.nm_slot import Found as Found
from minutes_app.checks.nm_slot import Readers as Readers
from minutes_app.checks.nm_slot import Slot as Slot
from minutes_app.checks.tokens import lowercase
from minutes_app.model import Lang, Minutes, Paragraph


class Name(NamedTuple):
    """A name or term that each language must carry when another does."""

    ident: str  # the English name, or the first variant
    kind: str  # names | glossary | sides (reported as names, only when swapped)
    variants: dict[Lang, tuple[str, ...]]
    from_meeting: bool = False  # the body's names: not checked against the details themselves


def pairs_of(langs: list[Lang]) -> list[tuple[Lang, Lang]]:
    """Every pair of the document's languages, in the document's order."""
    return [(a, b) for i, a in enumerate(langs) for b in langs[i + 1:]]


@functools.lru_cache(maxsize=4096)
def word_start(variant: str) -> re.Pattern[str]:
    """``variant`` at a word's start: no letter stands before it."""
    # the variant, then a look-behind that no letter stands before it: the same hits as the
    # look-behind first, but the pattern starts with a literal the engine searches for fast
    v = re.escape(variant)
    return re.compile(f"{v}(?<![^\\W\\d_]{v})")


def _stem(word: str) -> str:
    """A Russian word without its case ending (Подкомитет → Подкомит, край → кра)."""
    if not word[-1:].isalpha():
        return word
    return word[:-2] if len(word) >= 7 else word[:-1] if len(word) >= 4 else word


def russian_probe(variant: str) -> tuple[str, bool]:
    """What to look for first, and whether in the lower-cased text (``russian_form``'s)."""
    words = variant.split()
    if len(words) == 1:
        return variant, False
    return lowercase(max((_stem(w) for w in words), key=len)), True


@functools.lru_cache(maxsize=4096)
def russian_form(variant: str) -> tuple[str, re.Pattern[str], bool]:
    """What to look for first, the pattern, and whether to look in the lower-cased text.

    A single word is given as a stem already (Москв, Приморск); a phrase matches in any case
    (Корпорация развития → Корпорацией развития, Приморский край → в Приморском крае).
    """
    probe, lowered = russian_probe(variant)
    if not lowered:
        return probe, word_start(variant), False
    pattern = r"\s+".join(re.escape(_stem(w)) + (r"\w*" if _stem(w) != w else "")
                          for w in variant.split())
    return probe, re.compile(r"(?<![^\W\d_])" + pattern, re.IGNORECASE), True


def phrase_stems(variant: str) -> list[tuple[str, str]]:
    """A phrase's lower-cased words with their stems (what ``russian_phrase`` looks for)."""
    return [(_stem(w), w) for w in lowercase(variant).split()]


@functools.lru_cache(maxsize=4096)
def russian_phrase(variant: str) -> re.Pattern[str]:
    """A phrase's pattern to find in lower-cased text, at a word's start.

    The same hits as ``russian_form``'s case-blind pattern; the first stem comes first, the
    word-start look-behind after it, so the engine searches for the stem as a literal.
    """
    stems = phrase_stems(variant)
    first = re.escape(stems[0][0])
    pattern = r"\s+".join(re.escape(st) + (r"\w*" if st != w else "") for st, w in stems)
    return re.compile(first + rf"(?<![^\W\d_]{first})" + pattern[len(first):])


# (what to look for first, the name's index, the variant to find at a word's start or as a
# Russian phrase (None: Korean, a plain substring), whether the probe is looked for lower-cased)
Row = tuple[str, int, "str | None", bool]


def row_pattern(row: Row) -> re.Pattern[str]:
    """The pattern whose hits in the text are a row's hits."""
    variant = row[2]
    if variant is None:
        return re.compile(re.escape(row[0]))
    return russian_form(variant)[1] if row[3] else word_start(variant)


@functools.lru_cache(maxsize=4096)
def russian_search(variant: str) -> re.Pattern[str]:
    """``russian_form``'s pattern with the same hits, which the engine searches for fast.

    A phrase's case-blind pattern that starts with its look-behind is tried at every
    position of the text; with its first stem first and the look-behind after it, the engine
    skips to where the stem's first letter stands (4-5x faster over a paragraph).
    """
    _probe, pattern, lowered = russian_form(variant)
    if not lowered:
        return pattern  # a single word: its pattern starts with the word already
    stems = [_stem(w) for w in variant.split()]
    first = re.escape(stems[0])
    rest = r"\s+".join(re.escape(st) + (r"\w*" if st != w else "")
                       for st, w in zip(stems, variant.split(), strict=True))
    return re.compile(first + rf"(?<![^\W\d_]{first})" + rest[len(first):], re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def head_pattern(lang: Lang, value: str) -> re.Pattern[str]:
    """What a head's string is blanked by: as written, a Russian one in any case."""
    return russian_search(value) if lang is Lang.RU else re.compile(re.escape(value))


def _head(lang: Lang, value: str) -> tuple[str, str, bool]:
    if lang is not Lang.RU:
        return value, value, False
    probe, lowered = russian_probe(value)
    return probe, value, lowered


_LANG_OF: dict[str, Lang] = {lang.value: lang for lang in Lang}  # a code's language
_MANY_TEXTS = 3000  # texts from which the names' pass is built to read faster

# what says that a paragraph names who headed the delegations (see details)
HEADED = {Lang.EN: ("headed by", "led by"), Lang.KO: ("수석대표", "단장"),
          Lang.RU: ("возглав", "руководител")}


class Context:
    """Computed once per run of the checks."""

    def __init__(self, m: Minutes) -> None:
        self.m = m
        self.langs = list(m.languages)
        self.pairs = pairs_of(self.langs)
        # each pair's places in the languages' order
        self.pair_places = [(self.langs.index(a), self.langs.index(b)) for a, b in self.pairs]
        self.names = self._names(m)
        # per language: the rows (see Row), longest first
        # (in the details and the title, the rows of the body's own names are skipped)
        self.lookup: dict[Lang, list[Row]] = {}
        for lang in self.langs:
            # longest first (a phrase's own length, not its probe's)
            self.lookup[lang] = [r for _n, r in sorted(
                ((len(v), self._row(lang, v, i)) for i, n in enumerate(self.names)
                 for v in n.variants.get(lang, ())), key=lambda x: -x[0])]
        self.heads = [(f"{side.value}.{field}", values)
                      for side, person in m.meeting.heads.items()
                      for field, values in (("name", person.name), ("title", person.title))]
        # the heads' names, titles and organisations are blanked before names are compared:
        # "Deputy Minister for the Development of the Russian Far East" names no place
        self.head_strings = {lang: sorted({v for person in m.meeting.heads.values()
                                           for v in (person.name.get(lang, ""),
                                                     person.title.get(lang, ""),
                                                     person.organisation.get(lang, "")) if v},
                                          key=len, reverse=True) for lang in self.langs}
        # (probe, the string, whether the probe is looked for lower-cased); see head_pattern
        self.head_patterns = {lang: [_head(lang, v) for v in self.head_strings[lang]]
                              for lang in self.langs}
        self.ratios: dict[tuple[Lang, Lang], float] = {}
        # the pass reads a text per paragraph and language: from about 3,000 texts on, its
        # automata are built slower to read faster (see name_scan._built)
        self.many = len(m.paragraphs()) * len(self.langs) >= _MANY_TEXTS
        # one pass per text finds which rows, heads and markers to try (see name_scan)
        self.plans = {lang: self._plan(lang) for lang in self.langs}
        # what each gate string of a lower-cased pass names (see names_found._apart_lowered)
        self.readers = {lang: self._readers(lang) for lang in self.langs
                        if self.plans[lang].lowered}
        # what a language's texts are read with and what was read of each (see Slot)
        self.slots = {lang: Slot(self.plans[lang], self.readers.get(lang))
                      for lang in self.langs}
        self.head_marks = frozenset(f"head:{ident}" for ident, _forms in self.heads)
        # the paragraphs by id, made by the first check that asks (see conformity)
        self.by_id: dict[str, Paragraph] | None = None

    def scan(self, text: str, lang: Lang) -> Scan:
        """What ``text`` may hold of the names, heads and markers (one pass, once per text)."""
        return self.slots[lang].scan(text)

    def _readers(self, lang: Lang) -> Readers | None:
        """Per gate string: the word rows it names (each variant's first row) and the phrase
        patterns it names (each pattern's first row, what the pass must also have met, the
        string of its first stem: every hit starts where the pass found it)."""
        plan = self.plans[lang]
        if plan.always is not None:
            return None
        readers: Readers = {}
        known: set[object] = set()
        for at, (probe, index, variant, lowered) in enumerate(self.lookup[lang]):
            gate = plan.gate_of[at]
            if variant is None or gate < 0:
                return None
            if not lowered:
                if gate_string(probe, True) != lowercase(probe):
                    return None  # the pass does not read the whole word
                if (gate, variant) not in known:  # the same word again finds nothing more
                    known.add((gate, variant))
                    readers.setdefault(gate, ([], []))[0].append(
                        (at, index, variant, lowercase(variant)))
                continue
            needs = plan.needs.get(at, frozenset({gate}))
            stems = phrase_stems(variant)
            shape = (tuple((st, st != w) for st, w in stems), gate, needs)
            first = plan.numbers.get(stems[0][0], -1)  # where a hit can start (see Context._plan)
            if first < 0:
                return None
            if shape not in known:  # the same pattern again finds nothing more
                known.add(shape)
                readers.setdefault(gate, ([], []))[1].append(
                    (at, index, variant, needs, first,
                     Phrase(at, index, needs, stems, len(known))))
        return readers

    def _plan(self, lang: Lang) -> Plan:
        rows, heads = self.lookup[lang], self.head_patterns[lang]
        lowered = lang is Lang.RU or any(r[3] for r in rows) or any(h[2] for h in heads)

        def gate(probe: str, probe_lowered: bool) -> str:
            return probe if probe_lowered else gate_string(probe, lowered)

        def needs(row: Row) -> frozenset[str]:
            # a phrase's hit starts with its first stem: the pass reports it too (its gate is
            # its longest stem). Its other stems are not asked: the commonest ("сторон",
            # "сотрудничест") stand in most texts, and each string the pass reports costs more
            # than trying the few phrases whose gate and first stem stand there
            pattern = row[2]
            if not row[3] or pattern is None:
                return frozenset()
            return frozenset({phrase_stems(pattern)[0][0]})

        meeting = self.m.meeting
        marks: dict[str, list[str]] = {
            "body": [gate(t, False) for t in (meeting.body.get(lang, ""),
                                              meeting.body_alternat.get(lang, "")) if t],
            "headed": [gate(t, False) for t in HEADED.get(lang, ())]}
        for ident, forms in self.heads:
            value = forms.get(lang, "")
            if value:  # meaning.find_form: the value as written, or a Russian phrase's probe
                marks[f"head:{ident}"] = [gate(value, False)] + (
                    [russian_probe(value)[0]] if lang is Lang.RU and " " in value else [])
        return plan([(gate(r[0], r[3]), needs(r)) for r in rows],
                    [(r[1], r[2] is not None) for r in rows],
                    [gate(h[0], h[2]) for h in heads], marks, lowered, self.many,
                    self._text_many(lang, lowered))

    def _text_many(self, lang: Lang, lowered: bool) -> bool:
        """Whether the automaton of str of a pass that reads texts as written will read many:
        where the pass reads ASCII texts with an automaton of their bytes, it reads only the
        others (few in English; every Korean one), counted before it is built (``isascii`` is
        a flag of the text)."""
        if lowered:
            return self.many
        others = 0
        for p in self.m.paragraphs():
            if not p.texts.get(lang, "").isascii():
                others += 1
        return others >= _MANY_TEXTS

    def signature(self) -> str:
        """Everything besides a unit's texts that its text checks read (see conformity)."""
        m = self.m
        return repr((self.langs, m.glossary, m.meeting, sorted(m.parties.items())))

    @staticmethod
    def _row(lang: Lang, variant: str, index: int) -> Row:
        """What to look for first, the name's index, the variant (None: a plain substring)."""
        if lang is Lang.KO:
            return variant, index, None, False
        if lang is Lang.RU:
            probe, lowered = russian_probe(variant)
            return probe, index, variant, lowered
        return variant, index, variant, False

    def _names(self, m: Minutes) -> list[Name]:
        names: list[Name] = []
        taken: set[str] = set()
        for entry in m.glossary:
            variants: dict[Lang, tuple[str, ...]] = {
                lang: (t.strip(),) for lang, t in entry.items() if t.strip()}
            kind = "glossary"
            # (the codes read once: ``.value`` and ``Lang(code)`` are Python calls of the Enum)
            codes = [(lang._value_, v[0]) for lang, v in variants.items()]
            for _ident, forms in GAZETTEER:  # a language the glossary lacks, from the gazetteer
                if any(first in forms.get(code, ()) for code, first in codes):
                    variants = {_LANG_OF[c]: f for c, f in forms.items()
                                if _LANG_OF[c] in self.langs} | variants
                    kind = "names"  # a place or body: another one changes the meaning
            if len(variants) > 1:
                names.append(Name(next(iter(variants.values()))[0], kind, variants))
                taken.update(v[0] for v in variants.values())
        meeting = m.meeting
        # the body under either of its names (the alternat puts the other Side first)
        for fields in ((meeting.body, meeting.body_alternat), (meeting.next_body,)):
            forms_of = {lang: tuple(dict.fromkeys(t.strip() for f in fields
                                                  if (t := f.get(lang, "")).strip()))
                        for lang in self.langs}
            variants = {lang: v for lang, v in forms_of.items() if v}
            flat = {x for v in variants.values() for x in v}
            if len(variants) > 1 and not taken & flat:
                names.append(Name(next(iter(variants.values()))[0], "names", variants, True))
                taken |= flat
        for ident, forms in GAZETTEER:
            variants = {_LANG_OF[code]: v for code, v in forms.items()
                        if _LANG_OF[code] in self.langs}
            if not taken & {v for vs in variants.values() for v in vs}:
                kind = "sides" if ident in SIDE_NAMES else "names"
                names.append(Name(ident, kind, variants))
        return names
