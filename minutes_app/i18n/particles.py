"""Korean particles chosen by the word before them, where a catalogue writes both forms.

A Korean sentence made of a template ("부속서 {annex}이(가) 없습니다") and a value cannot know
the particle when it is written; once the value stands in it, the syllable before the
particle tells which form is read: 부속서 3이 / 부속서 II가 / “Kim Gunn”이 / 의정서가.
"""

from __future__ import annotations

import re
from typing import Final

# (the form after a final consonant, the form after a vowel) for each written pair
_PAIRS: Final = {
    "은(는)": ("은", "는"), "는(은)": ("은", "는"), "이(가)": ("이", "가"), "가(이)": ("이", "가"),
    "을(를)": ("을", "를"), "를(을)": ("을", "를"), "과(와)": ("과", "와"), "와(과)": ("과", "와"),
    "(이)라고": ("이라고", "라고"), "(이)라": ("이라", "라"), "(으)로": ("으로", "로"),
    "이나(나)": ("이나", "나"), "(이)나": ("이나", "나"),
}
_PARTICLE: Final = re.compile("|".join(re.escape(p) for p in sorted(_PAIRS, key=len,
                                                                  reverse=True)))
# what a value may end with that is not read (closing quotes and brackets, spaces)
_SILENT: Final = "”’»」』)]}\"' \u00a0"
# digits as read in Korean: 영 일 이 삼 사 오 육 칠 팔 구 (with a final consonant or not;
# the final of 일, 칠, 팔 is ㄹ)
_DIGIT_FINAL: Final = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ",
                       "7": "ㄹ", "8": "ㄹ", "9": ""}
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


def _final(text: str, end: int) -> str | None:
    """The final consonant read before ``end`` ('' for a vowel; None: nothing to read)."""
    at = end - 1
    while at >= 0 and text[at] in _SILENT:
        at -= 1
    if at < 0:
        return None
    ch = text[at]
    code = ord(ch)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        jong = (code - _HANGUL_FIRST) % 28
        return "" if jong == 0 else ("ㄹ" if jong == 8 else "ㄱ")
    if ch in _DIGIT_FINAL:
        return _DIGIT_FINAL[ch]
    if ch.isalpha() and ch.isascii():
        word = re.search(r"[A-Za-z]+$", text[:at + 1])
        letters = word.group() if word else ch
        # (English and Latin names as Korean writes them: a final m, n, ng or l is read;
        # another consonant takes a vowel: Krutikov 크루티코프)
        if letters.isupper() and len(letters) > 1:  # an acronym, read letter by letter
            return {"L": "ㄹ", "M": "ㅁ", "N": "ㄴ", "R": "ㄹ"}.get(letters[-1], "")
        lower = letters.lower()
        if lower.endswith("ng"):
            return "ㅇ"
        return {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ"}.get(lower[-1], "")
    if "\u0400" <= ch <= "\u04ff":  # Cyrillic, as Korean writes Russian names (Гон 곤, -ков 코프)
        lower = text[at - 1:at + 1].lower() if at else ch.lower()
        if lower.endswith("ь"):
            lower = lower[:-1]
        return {"м": "ㅁ", "н": "ㄴ", "л": "ㄹ"}.get(lower[-1:], "") if lower else ""
    return None


def fix_particles(text: str) -> str:
    """``text`` with each written pair of particles ("은(는)") made the one that is read."""
    if "(" not in text:
        return text

    def chosen(hit: re.Match[str]) -> str:
        final = _final(text, hit.start())
        if final is None:
            return hit.group()
        after_consonant, after_vowel = _PAIRS[hit.group()]
        if hit.group() == "(으)로":  # 으로 after a consonant but ㄹ
            return after_consonant if final and final != "ㄹ" else after_vowel
        return after_consonant if final else after_vowel

    return _PARTICLE.sub(chosen, text)
