"""Korean native numerals before a counter: ``세 개``, ``열두 개``, ``스물다섯 명``, ``두 나라``.

A native numeral counts only before a counter or a counted noun (``한`` also ends ``위한``,
``세`` ``관세``, ``열`` starts ``열린``): the numeral must start a word and the counter follow it.
Words are *soft* quantities (see ``numbers``).
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.numbers import Quantity
from minutes_app.checks.scan_values import KO_NUMBER_KEYS, Scan

_UNITS: Final = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4,
                 "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_TENS: Final = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
                "일흔": 70, "여든": 80, "아흔": 90}
# what a native numeral counts (the counters, and the nouns minutes count most)
_COUNTERS: Final = (
    "개국 개월 개년 개 명 곳 가지 차례 번 해 배 달 시간 사람 건 대 척 권 군데 주 단계 측 부 "
    "분야 나라 국가 기관 지역 도시 부처 기업 회사 사업 항목 의제 방안 분 가구 척 편 회"
).split()
_WORD: Final = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUMERAL: Final = ("(?:(" + "|".join(sorted(_TENS, key=len, reverse=True)) + ")(" + _WORD
                   + ")?|(" + _WORD + "))")
# the counters written close to the numeral too ("세개"); the others only after a space
# ("세부" is detail, "한국" Korea, "두부" tofu)
_CLOSE: Final = ("개국", "개월", "개년", "개", "명", "가지", "차례")
_COUNTER: Final = "(?:" + "|".join(sorted(set(_COUNTERS), key=len, reverse=True)) + ")"
_NATIVE: Final = re.compile(
    _NUMERAL + "(?:\\s" + _COUNTER + "|(?:" + "|".join(_CLOSE) + "))"
    "(?:(?![가-힣])|(?=[은는이가을를의에과와도만로으께씩째]))")
# "열" is a numeral only before a counter, never ten alone ("열 공급": heat supply)
_KEY_SET: Final = frozenset(KO_NUMBER_KEYS)


def _word_start(text: str, at: int) -> bool:
    if not at:
        return True
    before = text[at - 1]
    return not before.isalnum() and before != "_"


def may_count(sc: Scan) -> bool:
    """Whether a native numeral and its counter start a word of the scanned text (else none is
    read: blanking makes only spaces, so no numeral is read that the text did not hold)."""
    text = sc.text
    for w, places in sc.words.items():
        if w in _KEY_SET:
            for at in places:
                if _word_start(text, at) and _NATIVE.match(text, at) is not None:
                    return True
    return False


def native_numbers(text: str, sc: Scan | None) -> list[Quantity]:
    """The native numerals ``text`` writes before a counter (digits already blanked)."""
    out: list[Quantity] = []
    places: list[int] = []
    if sc is not None:
        for w, found in sc.words.items():
            if w in _KEY_SET:
                places += found
    else:
        for w in KO_NUMBER_KEYS:
            place = text.find(w)
            while place >= 0:
                places.append(place)
                place = text.find(w, place + 1)
    end = 0
    for at in sorted(set(places)):
        if at < end or not _word_start(text, at):
            continue
        hit = _NATIVE.match(text, at)
        if hit is None:
            continue
        tens, unit, alone = hit.group(1), hit.group(2), hit.group(3)
        value = (_TENS[tens] if tens else 0) + _UNITS.get(unit or alone or "", 0)
        if value:
            stop = hit.end()
            out.append(Quantity(float(value), "", True, at, stop))
            end = stop
    return out
