"""The one compiled read of a text (tr_profile) answers as each pass it stands for answered."""

from __future__ import annotations

import random
import re

from minutes_app.checks import negation, style, translation
from minutes_app.checks.tr_profile import read
from minutes_app.checks.tr_scan import letters, may_negate_ru

# every character a gate asks about, its neighbours, and characters of each kind around them
_ALPHABET = [*style._SYMBOLS, *"  \t\n\x00\x7f\xa0\xad\u3000\u2028\u200b.,;:!?。…·–—№",
             *"aZz9_-'ыЯёЁѢӀ҂\u0483\u04ffнНеЕиИ가한국ㅎㆍ않없못아니불²½é①İ\U0001f600",
             "не", "Не", "НИ", "ни", "1не", "_ни", "²не", "ёне", "а не", "아니", "않도록", " ,",
             "( ", "« ", "“ ", "「 ", " »", " 」", "  "]


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))
            for _ in range(20000)]


_FIRST_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
_FIRST_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FIRST_LATIN = re.compile(r"[a-z]")
_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
_STRAY = re.compile(r" [,.;:!?)\]」』》〉”»]")
_AFTER = re.compile(r"[(\[「『《〈“«] ")


def test_profile_answers_as_the_passes_it_replaces() -> None:
    for text in _texts(7):
        p = read(text)
        assert p.letters == letters(text, 1), text
        assert p.letters + p.syllables == letters(text, 2), text
        assert p.syllables == len(_SYLLABLE.findall(text)), text
        assert p.hangul == bool(_FIRST_HANGUL.search(text)), text
        assert p.cyrillic == bool(_FIRST_CYRILLIC.search(text)), text
        assert p.small_latin == bool(_FIRST_LATIN.search(text)), text
        assert p.negates_ko == any(first in text for first in negation._KO_FIRST), text
        assert p.negates_ru == may_negate_ru(text), text
        assert p.symbol == bool(style._SYMBOL_RE.search(text)), text
        assert (p.symbols or []) == [h.start() for h in style._SYMBOL_RE.finditer(text)], text
        assert p.double == ("  " in text), text
        assert p.tab == ("\t" in text), text
        assert p.stray == bool(_STRAY.search(text)), text
        assert p.after == bool(_AFTER.search(text)), text
        assert p.ends == ("!" in text or "?" in text or "。" in text), text
        assert p.printable == text.isprintable(), text


def test_checks_that_read_the_profile_find_what_the_patterns_find() -> None:
    """The gates now read from the profile leave the checks' answers as the patterns give."""
    for text in _texts(8):
        assert translation._normalised_sentences(text) == \
            [" ".join(s.split()) for s in translation.sentences(text)], repr(text)
        assert style._has_symbol(text) == bool(style._SYMBOL_RE.search(text)), text
        for lang in negation._MARKERS:
            blanked = negation._IDIOMS[lang].sub(lambda h: " " * (h.end() - h.start()), text)
            assert negation.negations(text, lang) == [
                (h.start(), h.end()) for h in negation._MARKERS[lang].finditer(blanked)], text
