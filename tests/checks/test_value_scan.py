"""The value checks' scan (one pass per text) finds what their plain passes find, on any text."""

from __future__ import annotations

import random

from bench.checks import distinct_texts
from bench.synthetic import synthetic
from minutes_app.checks import dates, scan_values, words
from minutes_app.checks import periods as period_module
from minutes_app.checks.dates import dates as find_dates
from minutes_app.checks.periods import periods
from minutes_app.checks.numbers import Quantity, digit_quantities
from minutes_app.checks.val_times import times
from minutes_app.checks.values import Values, indexed
from minutes_app.checks.words import word_quantities
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo
from tests.checks.corpus import BASE, ERRORS, VARIANTS

_LANGS = [Lang.KO, Lang.RU, Lang.EN]
# pieces that trip one pattern or another: dates, scales, units, idioms, roman numerals, odd
# digits and letters whose lower case is longer, commas and stops where windows end
_TRICKY = [
    "1,000", "1 000", "1,5", "2020. 12. 18.", "2020.12.18.", "18.12.2020", "2020-12-18",
    "17-18 December", "December 18, 2020", "18 декабря 2020 г.", "в декабре 2020 года",
    "2020년 12월 18일", "1조 2천억 원", "10만 TEU", "USD 25 billion", "KRW 1.2 trillion",
    "250억 달러", "half", "a third", "two thirds", "one and a half", "XIV", "Annex II", "14-е",
    "제15차", "제3조", "3조에", "first half of 2021", "상반기", "하반기", "연말", "early 2021",
    "late 2020", "mid-2021", "end of the year", "Q3", "h1", "2h", "3분기", "1/4분기", "G20",
    "P4G", "COVID-19", "코로나19", "ковид-19", "5G", "MC-21", "twice", "first", "the two Sides",
    "one of", "twenty-one", "four million", "fifteenth", "две трети", "половина", "первый",
    "в начале 2021 года", "в конце года", "10%", "50 percent", "5 km", "$5", "€ 10", "₩1,000",
    "US$ 3", "1/2", "3분의 1", "２０２０", "١٢", "İstanbul", "ΣΑΣ", "Sept. 2021", "Jan. 5", "5th",
    "2 nd", "Part I", "Приложение I", "раздел II", "I and II", "May", "мая", "15 мая", "1,200억",
    "3천만", "2천5백", "1.5 млрд", "тыс.", "per cent", "п.п.", "%p", "1 000 000", "5-6", "5.5.",
    "2021. 3.", "10~11일", "3월 1일부터 5일", "two-thirds", "the third Forum", "no one",
    "at first", "seconded", "xMay 2020", "twoMay", "kmXIV", "agenda", "year-end",
    "middle of 2021", "beginning of next year", "\n", "  ", "-", ".", ",", "(", ")", "«",
    "2배", "두 배", "한 차례", "첫", "둘째", "세 번째", "절반", "дважды", "трижды", "обе стороны",
    "both sides", "on the other hand", "two both sides million", "half both sides meeting",
    "1,2345", "12,3456,789", "112월", "маяin", "майский", "мартовский", "(мая)", "12 th",
    "1,2 трлн", "2,5 млн",
    # what can follow a run of digits and make a number of more than the run
    "5 thousand", "5 bn", "3 trillion", "7 тыс.", "5 млн", "5\u00a0000", "5\u202f000 руб.",
    "5 천", "5 만", "3 억 원", "12345678901234", "5 ２", "5.", "5,", "5 1", "₽ 5", "¥5", "€5",
    "eur 5", "US$  5", "usd\n5", "5 %", "5\t%", "1 234,5", "2,5 тыс", "12,500", "5. 6",
    "4, The", "5,x", "5.t", "5 .5", "5.тыс", "5,млн", "5, 천", "5.5만", "5,5", "A1B2", "x-5",
    "5-x", "G20-21", "abc123def", "COVID-19/20", "코로나 19", "COVID19", "-7a", "B-52s",
    "30th", "5 months", "5 tons", "5 million", "5million", "5 Million", "5 тысяч", "5 трлн.",
    "5 тонн", "5 мая", "5 bnx", "5 thousandth", "5 tn", "5 t", "5\nmillion", "5  million",
    # where a period's hit starts: a word (and hyphens) before the key, spaces, a few signs
    "1- полугодие", "1-го квартала", "во 2-м полугодии", "mid-first half", "the 1st  quarter",
    "latter\nhalf", "제 1 / 4 분기", "제1/4분기", "2사분기", "2021년 초", "12월 말", "연초",
    "연말에", "상순", "하순", "중순경", "년 중반", "к  концу года", "в  начале 2021",
    "в середине мая", "i полугодие", "iv квартал", "II полугодие", "перво-наперво полугодие",
    "x-1-го квартала",
    "behalf", "amid 2020", "weekend of May", "the end of 2020", "close of the year", "Q4", "2H",
]


def _plain(text: str, lang: Lang) -> Values:
    """``values`` with every pass over the whole text, as before the scan (the reference)."""
    found_periods, rest = periods(text, lang)
    found_dates, rest = find_dates(rest, lang)
    found_times, rest = times(rest, lang)
    numbers, rest = digit_quantities(rest, lang)
    years = [Quantity(float(d.value[0]), "year", True, d.start, d.end)
             for d in found_dates if d.value[0]]
    return Values(numbers + word_quantities(rest, lang) + found_times + years, found_dates,
                  found_periods)


def _texts() -> list[tuple[str, Lang]]:
    m = synthetic(120, languages=_LANGS)
    distinct_texts(m)
    out = [(p.texts[x], x) for p in [*m.paragraphs(), *demo(languages=_LANGS).paragraphs()]
           for x in _LANGS]
    out += [(t, x) for base in BASE.values() for x, t in base.items()]
    out += [(BASE[e.base][e.lang].replace(e.old, e.new, 1), e.lang) for e in ERRORS]
    out += [(t, x) for v in VARIANTS for x, t in v.texts.items()]
    pieces = [" ".join(t.split(" ")[i:i + 3]) for t, _x in out for i in range(0, 30, 3)]
    rng = random.Random(14)
    for _ in range(3000):
        parts = [rng.choice(_TRICKY) if rng.random() < 0.5 else rng.choice(pieces)
                 for _ in range(rng.randint(1, 8))]
        out.append((rng.choice([" ", "", ", ", "."]).join(parts), rng.choice(_LANGS)))
    return out


def test_values_through_the_scan_are_the_plain_values() -> None:
    for text, lang in _texts():
        assert indexed(text, lang)[0] == _plain(text, lang), (text, lang)


def test_the_scan_holds_every_word_the_gates_ask_for() -> None:
    keys = {lang: set(scan_values._AUTOMATA[lang][1]) for lang in _LANGS}
    assert keys[Lang.EN] >= words.EN_HINTS
    assert set(period_module._PERIOD_KEYS[Lang.EN]) <= keys[Lang.EN]
    assert set(dates._EN_MONTH_KEYS) <= keys[Lang.EN]
    assert set(period_module._PERIOD_KEYS[Lang.KO]) | set(words.KO_NEEDS) | {"월"} <= keys[Lang.KO]
    assert set(period_module._PERIOD_KEYS[Lang.RU]) | set(dates._RU_MONTH_KEYS) <= keys[Lang.RU]
    assert set(scan_values.RU_NUMBER_KEYS) <= keys[Lang.RU]
    assert set(scan_values.KO_NUMBER_KEYS) <= keys[Lang.KO]
    for lang in _LANGS:
        assert {"코로나", "ковид", "/", "분의"} <= keys[lang]


def test_a_text_the_scan_cannot_place_is_read_plainly() -> None:
    assert scan_values.scan("İstanbul 2020", Lang.EN) is None  # lower case is longer
    assert scan_values.scan("２０２０년", Lang.KO) is not None  # \\d reads such digits too
    assert indexed("２０２０년 12월 İ", Lang.KO)[0] == _plain("２０２０년 12월 İ", Lang.KO)


def test_whole_percentages_need_no_rounding() -> None:
    """``values._keys`` skips ``round(v / 100, 6)`` for whole percentages: it is ``v / 100``."""
    rng = random.Random(16)
    tried = [float(v) for v in range(-100_000, 100_001)]
    tried += [float(rng.randint(-10**9 + 1, 10**9 - 1)) for _ in range(200_000)]
    for v in tried:
        assert round(v / 100, 6) == v / 100, v
