"""One compiled read of a text that feeds the gates of several checks.

The length weight, the foreign-script test, the negation gates, the paired-symbol gate, the
spacing gates and the sentence splitter each asked the same text for a few characters of
their own, in passes of their own (encodings, byte tables, patterns, searches). One loop over
the code points answers them all, once per text (remembered for the run:
``translation.clear_caches`` forgets it); each answer is what the pass it replaces gave
(``tests/checks/test_tr_profile.py`` compares them on generated texts).
"""

from __future__ import annotations

from typing import Final

_MAX: Final = 50_000


class Profile:
    """What the checks ask of a text before reading it with patterns."""

    letters: int  # characters ``[^\W_]`` matches (a Hangul syllable once)
    syllables: int  # Hangul syllables (U+AC00-D7A3)
    hangul: bool  # a character of ``[\uac00-\ud7a3\u3131-\u318e]``
    cyrillic: bool  # a character of ``[\u0400-\u04ff]``
    small_latin: bool  # a character of ``[a-z]``
    negates_ko: bool  # "않", "없", "못", "아니" or "불" (what a Korean marker starts with)
    negates_ru: bool  # ``tr_scan.may_negate_ru``
    symbol: bool  # a paired symbol or quote of any language (style._SYMBOLS)
    symbols: list[int] | None  # where each of them stands, in order (None: nowhere)
    double: bool  # two spaces in a row
    tab: bool  # a tab
    stray: bool  # a space before ``[,.;:!?)\]」』》〉”»]`` (style._STRAY_BEFORE)
    after: bool  # an opening mark ``[(\[「『《〈“«]`` before a space
    ends: bool  # "!", "?" or "。" (a sentence may end otherwise than at ". ")
    printable: bool  # ``text.isprintable()``

    def __init__(self) -> None:
        self.letters = self.syllables = 0
        self.hangul = self.cyrillic = self.small_latin = False
        self.negates_ko = self.negates_ru = self.symbol = False
        self.double = self.tab = self.stray = self.after = self.ends = False
        self.printable = True
        self.symbols = None


_PROFILES: dict[str, Profile] = {}


def profile(text: str) -> Profile:
    """The text's profile, read once per text (and run)."""
    found = _PROFILES.get(text)
    if found is None:
        if len(_PROFILES) >= _MAX:
            _PROFILES.clear()
        found = _PROFILES[text] = read(text)
    return found


def forget() -> None:
    """Forget every profile."""
    _PROFILES.clear()


def read(text: str) -> Profile:
    """The profile of ``text``, from one pass over its code points (most frequent first).

    What most characters decide is kept in locals (C variables, compiled), written to the
    profile once at the end; rarer marks are written to it as they come.
    """
    p = Profile()
    letters = syllables = 0
    cyrillic = small_latin = double = after = negates_ko = negates_ru = False
    prev = 0  # the code point before (none at the start)
    for i in range(len(text)):
        c = ord(text[i])
        if 0xAC00 <= c <= 0xD7A3:  # a Hangul syllable
            syllables += 1
            if c == 0xC54A or c == 0xC5C6 or c == 0xBABB or c == 0xBD88 \
                    or (c == 0xB2C8 and prev == 0xC544):  # 않 없 못 불, 아니
                negates_ko = True
        elif 0x410 <= c <= 0x44F or c == 0x401 or c == 0x451:  # a Russian letter
            letters += 1
            cyrillic = True
            # "не", "ни" in either case, the "н" at a word's start
            if (prev == 0x43D or prev == 0x41D) and not negates_ru \
                    and (c == 0x435 or c == 0x438 or c == 0x415 or c == 0x418):
                negates_ru = _starts_word(text, i - 1)
        elif c < 128:
            if 97 <= c <= 122:
                letters += 1
                small_latin = True
            elif 65 <= c <= 90 or 48 <= c <= 57:
                letters += 1
            elif c == 32:
                if prev == 32:
                    double = True
                # (an opening mark is "(", "[" or beyond ASCII: most spaces follow a letter)
                elif (prev == 40 or prev == 91 or prev > 127) and _opens(prev):
                    after = True
            elif c < 32 or c == 127:
                p.printable = False
                if c == 9:
                    p.tab = True
            else:
                _ascii_mark(p, i, c, prev)
        else:
            _beyond(p, text, i, c, prev)
            if text[i].isalnum():
                letters += 1
        prev = c
    p.letters = letters + syllables
    p.syllables = syllables
    p.hangul = p.hangul or syllables > 0
    p.cyrillic = p.cyrillic or cyrillic
    p.small_latin, p.double, p.after = small_latin, double, after
    p.negates_ko, p.negates_ru = negates_ko, negates_ru
    return p


def _ascii_mark(p: Profile, i: int, c: int, prev: int) -> None:
    """An ASCII mark: a paired symbol, a mark a stray space stands before, a sentence's end."""
    if c == 40 or c == 41 or c == 91 or c == 93 or c == 123 or c == 125 or c == 34:
        _symbol(p, i)  # ( ) [ ] { } "
    if prev == 32 and (c == 44 or c == 46 or c == 59 or c == 58 or c == 33 or c == 63
                       or c == 41 or c == 93):  # , . ; : ! ? ) ]
        p.stray = True
    if c == 33 or c == 63:  # ! ?
        p.ends = True


def _beyond(p: Profile, text: str, i: int, c: int, prev: int) -> None:
    """A character beyond ASCII that is neither a Hangul syllable nor a Russian letter."""
    if 0x400 <= c <= 0x4FF:
        p.cyrillic = True
    elif 0x3131 <= c <= 0x318E:
        p.hangul = True
    elif c == 0x3002:  # 。
        p.ends = True
    elif c == 0x300C or c == 0x300E or c == 0x300A or c == 0x3008 or c == 0x201C \
            or c == 0xAB or c == 0x2018 or c == 0x201E:  # 「 『 《 〈 “ « ‘ „
        _symbol(p, i)
    elif c == 0x300D or c == 0x300F or c == 0x300B or c == 0x3009 or c == 0x201D \
            or c == 0xBB:  # 」 』 》 〉 ” »
        _symbol(p, i)
        if prev == 32:
            p.stray = True
    elif c == 0x2019:  # ’
        _symbol(p, i)
    if p.printable and not text[i].isprintable():
        p.printable = False


def _symbol(p: Profile, i: int) -> None:
    """A paired symbol at ``i``."""
    p.symbol = True
    if p.symbols is None:
        p.symbols = [i]
    else:
        p.symbols.append(i)


def _opens(c: int) -> bool:
    """An opening mark a space may stand after: ( [ 「 『 《 〈 “ «."""
    return c == 40 or c == 91 or c == 0x300C or c == 0x300E or c == 0x300A or c == 0x3008 \
        or c == 0x201C or c == 0xAB


def _starts_word(text: str, at: int) -> bool:
    """Whether the character at ``at`` starts a word (none of ``[^\\W\\d_]`` before it), as
    ``tr_scan.may_negate_ru`` asks it."""
    if at == 0:
        return True
    before = ord(text[at - 1])
    if before < 128:  # ASCII: a letter is A-Z or a-z
        return not (97 <= before <= 122 or 65 <= before <= 90)
    if 0x410 <= before <= 0x44F or before == 0x401 or before == 0x451:
        return False  # a Russian letter: inside a word
    ch = text[at - 1]
    return not ch.isalnum() or ch.isdecimal()
