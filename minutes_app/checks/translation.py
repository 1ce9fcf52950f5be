"""Is every language translated, completely and the same way throughout the document?"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain
from operator import itemgetter, methodcaller
from typing import Final

# (the concept check lives in its own module; its names stay importable from here)
from minutes_app.checks.concepts import _CONCEPT_OF as _CONCEPT_OF
from minutes_app.checks.concepts import _CONCEPT_STEMS as _CONCEPT_STEMS
from minutes_app.checks.concepts import concept_checks as concept_checks
from minutes_app.checks.concepts import concepts_in as concepts_in
from minutes_app.checks.context import Context
from minutes_app.checks.finding import Finding, Unit, make
from minutes_app.checks.tr_ids import numbered, one_to_one
from minutes_app.checks.tr_scan import full_stops
from minutes_app.checks.tr_profile import forget as forget_profiles
from minutes_app.checks.tr_profile import profile
from minutes_app.model import Lang

# (a member read from the Enum class costs an attribute look-up through its metaclass)
_EN: Final = Lang.EN
_KO: Final = Lang.KO
_RU: Final = Lang.RU

_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+(?:\s+[\uac00-\ud7a3]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+(?:\s+[\u0400-\u04ff]+)*")
# Latin words in Korean or Russian: lower-case words are left-over English ("the", "trade");
# units and abbreviations that Korean writes in Latin are not
# (each starts with its first letter and looks behind it after: the engine skips to a letter
# where a leading look-behind is tried at every position)
_LATIN_WORD = re.compile(r"[a-z](?<![A-Za-z].)[a-z]+(?:\s+[a-z]{2,})*(?![A-Za-z])")
_LATIN_PHRASE = re.compile(r"[A-Z](?<![A-Za-z].)[a-z]+(?:[\s-]+(?:of|and|the|for|on|[A-Z][a-z]+))+"
                           r"(?![A-Za-z])")
_LATIN_OK = frozenset("km kg kw kwh mw mwh gw gwh ha cm mm ml ppm etc vs ie eg per cent bn mn "
                      "mln tn st nd rd th www http https com org net kr ru go".split())
_LOWER_LATIN = re.compile(r"[a-z]")
_PARENS = re.compile(r"\([^()]*\)")


def clear_caches() -> None:
    """Forget what was computed per text."""
    _SENTENCES.clear()
    _NORMED.clear()
    forget_profiles()


def missing_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """A text that exists in some languages and not in others."""
    out: list[Finding] = []
    filled = [lang for lang in ctx.langs if unit.texts.get(lang, "").strip()]
    if filled and len(filled) < len(ctx.langs):
        empty = [lang for lang in ctx.langs if lang not in filled]
        out.append(make("missing", unit, empty, "", [],
                        {"langs": ", ".join(x.value for x in empty)}))
    return out


# (not remembered per text: only the text checks ask, and what they find is cached per unit)
def _foreign(text: str, lang: Lang) -> list[tuple[int, int]]:
    """Stretches of ``text`` in a script or language that is not ``lang``'s."""
    if lang is _EN and text.isascii():
        return []
    # each pattern only where its first character is (the text's profile says, see tr_profile)
    found = profile(text)
    spans: list[tuple[int, int]] = []
    if lang is not _KO and found.hangul:
        spans += [(h.start(), h.end()) for h in _HANGUL.finditer(text)]
    if lang is not _RU and found.cyrillic:
        spans += [(h.start(), h.end()) for h in _CYRILLIC.finditer(text)]
    if lang is not _EN and found.small_latin:
        outside = _PARENS.sub(lambda h: " " * len(h.group()), text) if "(" in text else text
        spans += [(h.start(), h.end()) for h in _LATIN_WORD.finditer(outside)
                  if h.group() not in _LATIN_OK and not _glued_unit(outside, h.start())]
        if lang is _KO:  # Russian writes firms' names in Latin; Korean transcribes them
            spans += [(h.start(), h.end()) for h in _LATIN_PHRASE.finditer(outside)]
    return sorted(spans)


def _glued_unit(text: str, start: int) -> bool:
    """``10km``, ``5kg``: a unit glued to its number."""
    return start > 0 and text[start - 1].isdigit()


def untranslated_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """The same text in two languages, or words of another language left inside a text."""
    out: list[Finding] = []
    texts = unit.texts
    raw = [texts.get(lang, "") for lang in ctx.langs]
    stripped = [text.strip() for text in raw]  # once per text, not once per pair
    # (indices, no zip: compiled, ``zip(..., strict=True)`` is a generic call per unit)
    pairs, places, langs = ctx.pairs, ctx.pair_places, ctx.langs
    for k in range(len(pairs)):
        i, j = places[k]
        ta = stripped[i]
        if ta and ta == stripped[j] and any(c.isalpha() for c in ta) \
                and not (unit.place == "meeting" and ta.isupper()):
            a, b = pairs[k]
            out.append(make("untranslated", unit, (a, b), "same", [(a, 0, len(ta))],
                            {"what": "same"}))
    for i in range(len(langs)):
        text, lang = raw[i], langs[i]
        spans = _foreign(text, lang) if text else []
        if spans:
            words = ",".join(sorted({text[s:e] for s, e in spans}))
            out.append(make("untranslated", unit, (lang,), words,
                            [(lang, s, e) for s, e in spans],
                            {"what": ", ".join(dict.fromkeys(text[s:e] for s, e in spans))}))
    return out


# A rough length of a text: Hangul syllables count double (one syllable holds what about two
# to three Latin letters hold), spaces and punctuation not at all.
def weight(text: str, lang: Lang) -> int:
    """The length the ratio check compares (from the text's profile, remembered per text)."""
    return _weight(text, lang)


def _weight(text: str, lang: Lang) -> int:
    """The letters and digits of ``text`` (``[^\\W_]``), and its Hangul syllables once more."""
    found = profile(text)  # (the one compiled pass that several checks share, see tr_profile)
    return found.letters + found.syllables if lang is _KO else found.letters


DEFAULT_RATIO = {Lang.KO: 0.8, Lang.EN: 1.0, Lang.RU: 1.1}  # weight per English letter
_MIN_WEIGHT = 80
_TOLERANCE = 2.0  # a text shorter than expected by this factor lacks something


def expected_ratios(units: Sequence[Unit], ctx: Context) -> None:
    """The document's own ratio of lengths per pair of languages (its median)."""
    checked = [u.texts for u in units if u.place in ("paragraph", "annex")]
    # each text weighed once for every pair it is in (the length check asks them all later)
    weights = {lang: [weight(texts.get(lang, ""), lang) for texts in checked]
               for lang in ctx.langs}
    for a, b in ctx.pairs:
        ratios = [wb / wa for wa, wb in zip(weights[a], weights[b], strict=True)
                  if wa >= _MIN_WEIGHT and wb >= _MIN_WEIGHT]
        default = DEFAULT_RATIO[b] / DEFAULT_RATIO[a]
        ctx.ratios[(a, b)] = statistics.median(ratios) if len(ratios) >= 8 else default


def length_checks(unit: Unit, ctx: Context) -> list[Finding]:
    """One language much shorter than the others: a clause or list item dropped."""
    out: list[Finding] = []
    if unit.place not in ("paragraph", "annex"):
        return out
    texts = unit.texts
    weights = [weight(texts.get(lang, ""), lang) for lang in ctx.langs]  # once per text
    pairs, places = ctx.pairs, ctx.pair_places
    for k in range(len(pairs)):  # (indices: no generic ``zip(..., strict=True)`` per unit)
        i, j = places[k]
        wa, wb = weights[i], weights[j]
        if max(wa, wb) < _MIN_WEIGHT or not wa or not wb:
            continue
        a, b = pairs[k]
        ratio = (wb / wa) / ctx.ratios.get((a, b), 1.0)
        if ratio > _TOLERANCE or ratio < 1 / _TOLERANCE:
            short = b if ratio < 1 else a
            out.append(make("length", unit, (a, b), short.value, [],
                            {"short": short.value, "percent": f"{abs(1 - ratio) * 100:.0f}"}))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+(?=\S)")
_ABBREVIATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "No.", "St.", "e.g.", "i.e.", "г.", "т.е.")


_SENTENCES: dict[str, list[str]] = {}


def sentences(text: str) -> list[str]:
    """The sentences of a text (abbreviations such as ``Mr.`` do not end one), cached."""
    found = _SENTENCES.get(text)
    if found is None:
        if len(_SENTENCES) > 50_000:
            _SENTENCES.clear()
        found = _SENTENCES[text] = _sentences(text)
    return found


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if out and out[-1].endswith(_ABBREVIATIONS):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [s for s in out if s]


def _norm(text: str) -> str:
    return " ".join(text.split())


_NORMED: dict[str, list[str]] = {}


def normalised_sentences(text: str) -> list[str]:
    """The sentences of ``text`` with their spacing normalised (cached)."""
    found = _NORMED.get(text)
    if found is None:
        if len(_NORMED) > 50_000:
            _NORMED.clear()
        found = _NORMED[text] = _normalised_sentences(text)
    return found


def _normalised_sentences(text: str) -> list[str]:
    """``[_norm(s) for s in sentences(text)]``, from the text normalised first.

    Normalised, every run of spaces is one space and a sentence ends at ". " (or "! ", "? ",
    "。 "): ``str.split`` finds those in C where the pattern would visit every space.
    """
    # a printable text holds no space but " " (every other is a separator or a control): its
    # normal form has each run of spaces made one and none at either end (all in C); the
    # text's profile says whether it is printable and holds two spaces (see tr_profile)
    read = profile(text)
    if read.printable:
        normed = text
        if read.double:
            while "  " in normed:
                normed = normed.replace("  ", " ")
        normed = normed.strip(" ")
    else:
        normed = _norm(text)
    # (no "!", "?" nor "。" in the text, none in its normal form; else one character is
    # found by memchr, where "! " would be looked for at every space)
    if read.ends and (
            ("!" in normed and "! " in normed) or ("?" in normed and "? " in normed)
            or "。" in normed):
        pieces = _SENTENCE_END.split(normed)
    else:
        # (one compiled pass, "Mr." and "г." joined to what follows as it goes)
        return full_stops(normed, _ABBREVIATIONS)
    # (a piece before another that ends with "Mr." is joined to it; most texts have none:
    # asked of every piece in C)
    if not any(map(_ENDS_ABBREVIATED, pieces[:-1])):
        return [s for s in pieces if s]
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].endswith(_ABBREVIATIONS):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [s for s in out if s]


_ENDS_ABBREVIATED = methodcaller("endswith", _ABBREVIATIONS)


def consistency_checks(units: Sequence[Unit], ctx: Context) -> Iterator[Finding]:
    """The same sentence translated two ways in two places of the document."""
    checked = [u for u in units if u.place in ("paragraph", "heading", "annex")]
    sentences_of = {lang: [normalised_sentences(u.texts.get(lang, "")) for u in checked]
                    for lang in ctx.langs}
    counts = {lang: list(map(len, sentences_of[lang])) for lang in ctx.langs}
    flat: dict[Lang, list[str]] = {}
    distinct: dict[Lang, int] = {}
    numbers = {lang: numbered(sentences_of[lang]) for lang in ctx.langs}  # once per language
    for a, b in ctx.pairs:
        # most documents translate each sentence one way: a pass of ints per pair says so
        if one_to_one(numbers[a][0], numbers[b][0], numbers[a][1], numbers[b][1]):
            continue
        # each sentence pair once (sets built in C): most sentences have one translation
        # throughout (as many distinct sentences as distinct pairs), and only those with
        # more are followed through the document
        if counts[a] == counts[b]:
            # every unit aligned (most documents): each language's sentences and their
            # number read once for all its pairs
            src, tgt = _flat(flat, sentences_of, a), _flat(flat, sentences_of, b)
            n_src, n_tgt = _distinct(distinct, flat, a), _distinct(distinct, flat, b)
        else:
            aligned = _aligned(checked, sentences_of[a], sentences_of[b])
            src = list(chain.from_iterable(sa for _, sa, _ in aligned))
            tgt = list(chain.from_iterable(sb for _, _, sb in aligned))
            n_src, n_tgt = len(set(src)), len(set(tgt))
        pairs = set(zip(src, tgt, strict=True))
        if n_src == n_tgt == len(pairs):
            continue
        if counts[a] == counts[b]:
            aligned = _aligned(checked, sentences_of[a], sentences_of[b])
        if n_src != len(pairs):
            yield from _differently(aligned, a, b, _with_two(pairs, 0))
        if n_tgt != len(pairs):
            yield from _differently([(u, sb, sa) for u, sa, sb in aligned], b, a,
                                    _with_two(pairs, 1))


def _aligned(checked: list[Unit], of_a: list[list[str]], of_b: list[list[str]]
             ) -> list[tuple[Unit, list[str], list[str]]]:
    """The units whose two texts have as many sentences (read once for both directions)."""
    return [(u, sa, sb) for u, sa, sb in zip(checked, of_a, of_b, strict=True)
            if sa and len(sa) == len(sb)]


def _flat(flat: dict[Lang, list[str]], sentences_of: dict[Lang, list[list[str]]],
          lang: Lang) -> list[str]:
    """Every sentence of ``lang``'s texts in order (made once per language)."""
    if lang not in flat:
        flat[lang] = list(chain.from_iterable(sentences_of[lang]))
    return flat[lang]


def _distinct(distinct: dict[Lang, int], flat: dict[Lang, list[str]], lang: Lang) -> int:
    """How many distinct sentences ``lang``'s texts hold (counted once per language)."""
    if lang not in distinct:
        distinct[lang] = len(set(flat[lang]))
    return distinct[lang]


def _with_two(pairs: set[tuple[str, str]], side: int) -> set[str]:
    """The sentences of one side of ``pairs`` that stand with two or more of the other."""
    counts = Counter(map(itemgetter(side), pairs))
    return {s for s, n in counts.items() if n > 1}


def _differently(aligned: list[tuple[Unit, list[str], list[str]]], source: Lang, target: Lang,
                 twice: set[str]) -> Iterator[Finding]:
    """Source sentences met before with another translation (of those in ``twice``)."""
    seen: dict[str, tuple[str, Unit]] = {}
    for unit, src, tgt in aligned:
        for s, t in zip(src, tgt, strict=True):
            if len(s) < 12 or s not in twice:
                continue
            first = seen.setdefault(s, (t, unit))
            if first[0] != t:
                at = unit.texts.get(target, "").find(t)
                yield make("consistency", unit, (source, target), s,
                           [(target, at, at + len(t))] if at >= 0 else [],
                           {"source": s, "other": first[0], "other_place": first[1].place,
                            "other_id": first[1].place_id,
                            "other_number": str(first[1].number or "")})
