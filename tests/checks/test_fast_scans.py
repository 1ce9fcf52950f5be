"""The one-pass scans of the translation and style checks find what the patterns they replace find.

Each fast path (Aho-Corasick for the fields of cooperation, bytes for the length weights and
the scripts, gates before the spacing patterns) is compared with the regex it stands for, on
generated texts made of the pieces where they could part.
"""

from __future__ import annotations

import random
import re

from minutes_app.checks import style, translation
from minutes_app.checks.trie import alternation
from minutes_app.model import Lang


def _texts(rng: random.Random, alphabet: list[str], most: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, most)))
            for _ in range(4000)]


def test_concept_stems_match_the_trie_pattern() -> None:
    rng = random.Random(5)
    for lang in Lang:
        stems = list(translation._CONCEPT_OF[lang])
        pattern = re.compile(("" if lang is Lang.KO else "(?=[" + re.escape("".join(sorted(
            {v[0] for v in stems}))) + r"])(?<![^\W\d_])") + "(" + alternation(stems) + ")")
        alphabet = [*stems, *(s[:2] for s in stems), " ", "-", "a", "1", "²", "_", "\x00", "s",
                    "한", "ы", "é", "\U0001f600"]
        for text in _texts(rng, alphabet, 8):
            assert [(s, e) for s, e, _ in translation._CONCEPT_STEMS[lang].hits(text)] == \
                [(h.start(), h.end()) for h in pattern.finditer(text)], (lang, text)


_NOT_LETTER = re.compile(r"[\W_]+")
_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")


def test_weights_count_what_the_patterns_count() -> None:
    rng = random.Random(1)
    alphabet = [*"aZ9_ -.,·「」한국러ㅎㆍ²½é日Яыё\u0482\u0483\u04c0\u04ff«»\x00\t\n①…",
                "\U0001f600", "İ"]
    for text in _texts(rng, alphabet, 12):
        for lang in Lang:
            expected = len(_NOT_LETTER.sub("", text)) + (
                len(_SYLLABLE.findall(text)) if lang is Lang.KO else 0)
            assert translation._weight(text, lang) == expected, (text, lang)


def test_sentences_normalised_first_are_the_sentences_normalised() -> None:
    rng = random.Random(2)
    alphabet = ["a", "Mr.", "e.g.", " ", "  ", ".", "!", "?", "。", "\t", "\n", "x", "т.е.",
                "\u3000", "\xa0", "한", "\x1c", "\x85", "\u2028", "\u200b", "\x00", ". "]
    for text in _texts(rng, alphabet, 12):
        assert translation._normalised_sentences(text) == \
            [" ".join(s.split()) for s in translation.sentences(text)], repr(text)


_SPACING = (
    ("double", re.compile(r"(?=[ \t])(?:(?<=\S) {2,}(?=\S)|\t)")),
    ("edge", re.compile(r"^\s+|\s+$")),
    ("before", re.compile(r"(?= )(?:(?<=[^\s.]) +(?=[,.;:!?)\]」』》〉”»](?:\s|$))"
                          r"|(?<=[,;]) +(?=[,.;]))")),
    ("after", re.compile(r"(?= )(?<=[(\[「『《〈“«]) +")),
)


_STRAY_BEFORE = re.compile(r" [,.;:!?)\]」』》〉”»]")
_STRAY_AFTER = re.compile(r"[(\[「『《〈“«] ")


def _spacing(text: str) -> list[tuple[str, int, int]]:
    stray = _STRAY_BEFORE.search(text) or _STRAY_AFTER.search(text)
    if not text or ("  " not in text and " " not in text[:1] + text[-1:]
                    and "\t" not in text and not stray):
        return []
    return [(issue, hit.start(), hit.end()) for issue, pattern in _SPACING
            if (hit := pattern.search(text)) is not None]


def _unbalanced(text: str, lang: Lang) -> tuple[str, int] | None:
    stack: list[tuple[str, int]] = []
    closers = {close: open_ for open_, close in style.PAIRS[lang]}
    openers = {open_ for open_, _close in style.PAIRS[lang]}
    for i, ch in enumerate(text):
        if ch not in style._SYMBOLS:
            continue
        if ch in openers and not (ch == "“" and lang is Lang.RU):
            stack.append((ch, i))
        elif ch in closers:
            if ch == ")" and style._enumerator(text, i):
                continue
            if not stack or stack[-1][0] != closers[ch]:
                if ch == "’" and 0 < i < len(text) - 1 and text[i - 1].isalpha():
                    continue
                return ch, i
            stack.pop()
    if text.count('"') % 2:
        return '"', text.index('"')
    if lang is Lang.RU and text.count("„") != text.count("“"):
        return "„", text.find("„") if "„" in text else text.index("“")
    return stack[0] if stack else None


def test_spacing_and_pairs_find_what_a_scan_of_every_character_finds() -> None:
    rng = random.Random(3)
    alphabet = [*" \t\n\xa0a.,;:!?()[]「」“”«»„’'\"1x가", "  ", "a)", "ii)"]
    for text in _texts(rng, alphabet, 10):
        assert style.spacing(text) == _spacing(text), repr(text)
        assert style._has_symbol(text) == bool(style._SYMBOL_RE.search(text)), repr(text)
        for lang in Lang:
            assert style._unbalanced(text, lang) == _unbalanced(text, lang), (text, lang)


def test_symbol_and_stray_space_gates_beyond_ascii_are_the_patterns() -> None:
    rng = random.Random(31)
    # every paired symbol and opening mark, with and without a space after, beyond ASCII
    alphabet = [*style._SYMBOLS, *(c + " " for c in style._SYMBOLS), " ", "a", "ы", "가", "."]
    for text in _texts(rng, alphabet, 6):
        assert style._has_symbol(text) == bool(style._SYMBOL_RE.search(text)), repr(text)
        assert style.spacing(text) == _spacing(text), repr(text)


_LATIN_WORD = re.compile(r"(?<![A-Za-z])[a-z]{2,}(?:\s+[a-z]{2,})*(?![A-Za-z])")
_LATIN_PHRASE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[\s-]+(?:of|and|the|for|on|[A-Z][a-z]+))+"
                           r"(?![A-Za-z])")


def _foreign(text: str, lang: Lang) -> list[tuple[int, int]]:
    t = translation
    spans: list[tuple[int, int]] = []
    if lang is not Lang.KO:
        spans += [(h.start(), h.end()) for h in t._HANGUL.finditer(text)]
    if lang is not Lang.RU:
        spans += [(h.start(), h.end()) for h in t._CYRILLIC.finditer(text)]
    if lang is not Lang.EN and re.search("[a-z]", text):
        outside = re.sub(r"\([^()]*\)", lambda h: " " * len(h.group()), text)
        spans += [(h.start(), h.end()) for h in _LATIN_WORD.finditer(outside)
                  if h.group() not in t._LATIN_OK and not t._glued_unit(outside, h.start())]
        if lang is Lang.KO:
            spans += [(h.start(), h.end()) for h in _LATIN_PHRASE.finditer(outside)]
    return sorted(spans)


def test_foreign_script_gates_on_bytes_lose_nothing() -> None:
    rng = random.Random(7)
    alphabet = [*"aZ9 -().한ㄱㆎ\u3130\u318f\ud7a4\uabffЯѐӿ\u03ff\u0500ÀéÿĀ“—«\U0001f600\n",
                "the", "Of", "km", "Busan Port", "of", "Sea", "-", "  ", "(x)", "bn"]
    for text in _texts(rng, alphabet, 8):
        for lang in Lang:
            assert translation._foreign(text, lang) == _foreign(text, lang), (text, lang)


def test_russian_negation_gate_is_the_marker_pattern() -> None:
    """The first letter taken as a plain set is what the case-blind pattern takes there."""
    import sys

    from minutes_app.checks import negation

    first = {chr(c) for c in range(sys.maxunicode + 1)
             if not 0xD800 <= c <= 0xDFFF and re.fullmatch("(?i)н", chr(c))}
    assert first == {"н", "Н"}
    rng = random.Random(11)
    alphabet = ["не", "НЕ", "Не", "нет", "неᲄ", "ни", "невозможно", "нельзя", "н", "е", "т",
                "и", " ", "1", "_", "-", "ы", "²", "\u0345", "a"]
    gate, markers = negation._GATES[Lang.RU], negation._MARKERS[Lang.RU]
    for text in _texts(rng, alphabet, 6):
        assert [h.span() for h in gate.finditer(text)] == \
            [h.span() for h in markers.finditer(text)], text


def test_russian_negation_pass_never_says_no_where_the_pattern_finds() -> None:
    import sys

    from minutes_app.checks import negation
    from minutes_app.checks.tr_scan import may_negate_ru

    gate = negation._GATES[Lang.RU]
    # the characters the case-blind group takes after "н": those the pass asks for
    after = {chr(c) for c in range(sys.maxunicode + 1)
             if not 0xD800 <= c <= 0xDFFF and gate.fullmatch("н" + chr(c))}
    assert after == {"е", "Е", "и", "И"}
    rng = random.Random(13)
    alphabet = ["не", "НЕ", "Не", "нИ", "нет", "неᲄ", "ни", "невозможно", "нельзя", "н", "Н",
                "е", "т", "и", " ", "1", "١", "_", "-", "ы", "Ё", "²", "\u0345", "a", "Z", "가",
                "é", "\U0001f600"]
    answers = set()
    for text in _texts(rng, alphabet, 6):
        found = gate.search(text) is not None
        answers.add(found)
        assert may_negate_ru(text) or not found, text
    assert answers == {True, False}


def test_korean_negation_gate_holds_every_marker_start() -> None:
    from minutes_app.checks import negation

    rng = random.Random(23)
    alphabet = ["않", "없", "못", "하", " ", "했", "한", "아", "니", "불", "가", "피", "결", "허",
                "차질", "뿐", "없이", "a", "1"]
    for text in _texts(rng, alphabet, 6):
        if negation._MARKERS[Lang.KO].search(text):
            assert any(first in text for first in negation._KO_FIRST), text
