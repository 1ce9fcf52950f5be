"""Units of measure stated after a number (tonnes, barrels, km, miles, hectares, km², MW).

A quantity's unit replaced in one language (100만 톤 / 1 million barrels; 200 km / 200 miles;
100 ha / 100 km²) changes what is agreed as much as a number. Each language's units are read
after a digit (a scale word may stand between: 100만, million, млн) and brought to one code;
two texts each stating a unit the other does not are a finding. A unit one text states and
the other leaves out is not (a conversion in brackets, a unit said once for two numbers).
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.checks.memo import per_text_lang
from minutes_app.model import Lang

# code | Korean | English | Russian (stems where a word declines; "/" between variants; an
# indented line goes on with the row above)
_TABLE: Final = """
t | 톤 | tonnes/tonne/tons/ton/t/mt | тонн/тонна/тонны/тонну/тоннами/т
kg | 킬로그램/킬로그람/㎏/kg | kilograms/kilogram/kilogrammes/kg | килограмм/кг
km | 킬로미터/㎞/km | kilometres/kilometre/kilometers/kilometer/km | километр/км
mi | 마일 | miles/mile/mi | миль/миля/милю/мили
nmi | 해리 | nautical miles/nautical mile/nmi | морских миль/морская миля/морские мили
m | 미터/ｍ | metres/metre/meters/meter | метр/метра/метров
ha | 헥타르/㏊/ha | hectares/hectare/ha | гектар/га
km2 | 제곱킬로미터/평방킬로미터/㎢/km²/km2 | square kilometres/square kilometre/
    square kilometers/square kilometer/sq km/sq. km/km²/km2 | квадратных километр/
    квадратный километр/кв. км/кв.км/км²/км2
m2 | 제곱미터/평방미터/㎡/m² | square metres/square metre/square meters/square meter/sq m/m²
    | квадратных метр/квадратный метр/кв. м/кв.м/м²
acre | 에이커 | acres/acre | акр
bbl | 배럴 | barrels/barrel/bbl | баррел
m3 | 세제곱미터/입방미터/㎥/m³ | cubic metres/cubic metre/cubic meters/cubic meter/m³/m3
    | кубических метр/кубический метр/кубометр/куб. м/куб.м/м³
l | 리터/ℓ | litres/litre/liters/liter | литр
kw | 킬로와트/kW | kilowatts/kilowatt/kW | киловатт/кВт
mw | 메가와트/MW | megawatts/megawatt/MW | мегаватт/МВт
gw | 기가와트/GW | gigawatts/gigawatt/GW | гигаватт/ГВт
kwh | 킬로와트시/kWh | kilowatt-hours/kilowatt hours/kilowatt-hour/kWh
    | киловатт-час/кВт·ч/кВтч/кВт ч
mwh | 메가와트시/MWh | megawatt-hours/megawatt hours/MWh | мегаватт-час/МВт·ч/МВтч
gwh | 기가와트시/GWh | gigawatt-hours/gigawatt hours/GWh | гигаватт-час/ГВт·ч/ГВтч
twh | 테라와트시/TWh | terawatt-hours/terawatt hours/TWh | тераватт-час/ТВт·ч/ТВтч
"""

_COLUMN: Final = {Lang.KO: 1, Lang.EN: 2, Lang.RU: 3}
# units whose case tells them apart (MW, not mw) or that are letters other words start with
# ("t", "m", "т"): written so, whole words only
_CASED: Final = frozenset({"kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "кВт", "МВт", "ГВт"})


def _table() -> dict[Lang, dict[str, str]]:
    """Each language's unit words (as written in the table) and their codes."""
    out: dict[Lang, dict[str, str]] = {lang: {} for lang in _COLUMN}
    rows: list[str] = []
    for line in _TABLE.strip().splitlines():
        if line.startswith(" ") and rows:
            rows[-1] += " " + line.strip()
        else:
            rows.append(line)
    for row in rows:
        cells = [c.strip() for c in row.replace("/ ", "/").split("|")]
        for lang, column in _COLUMN.items():
            for word in cells[column].split("/"):
                out[lang][word] = cells[0]
    return out


_WORDS: Final = _table()
# a number (its separators inside it), then a scale word, then the unit
_NUMBER: Final = r"(?<![\w.,])\d(?:[\d.,\u00a0\u202f ]*\d)?"
_SCALE: Final = {
    Lang.KO: r"(?:\s?[십백천])?(?:\s?[만억조])?\s?",
    Lang.EN: r"(?:\s?(?:thousand|million|billion|trillion|bn|mn|m)(?![^\W\d_]))?[\s-]?",
    Lang.RU: r"(?:\s?(?:тыс|млн|млрд|трлн)\.?|\s?(?:тысяч|миллион|миллиард)[^\W\d_]*)?\s?-?",
}


def _unit_pattern(lang: Lang) -> re.Pattern[str]:
    """A number followed by one of ``lang``'s units (group 1: the unit)."""
    words = sorted(_WORDS[lang], key=len, reverse=True)
    parts = []
    for word in words:
        body = re.escape(word).replace(r"\ ", r"\s?")
        if word in _CASED:
            body = f"(?-i:{body})"
        # Korean: a particle may follow; a Russian stem declines; else a whole word
        tail = "" if lang is Lang.KO else (
            r"[^\W\d_]*" if lang is Lang.RU and len(word) > 3 and word[-1].isalpha()
            else r"(?![^\W\d_])")
        parts.append(body + tail)
    return re.compile(_NUMBER + _SCALE[lang] + "(" + "|".join(parts) + ")", re.IGNORECASE)


_PATTERNS: Final = {lang: _unit_pattern(lang) for lang in _COLUMN}
# what each language's unit words start with, lower-cased (no pattern run on a text without)
_FIRSTS: Final = {lang: frozenset(w[0].lower() for w in _WORDS[lang]) for lang in _COLUMN}


def _code(word: str, lang: Lang) -> str:
    """The code of a unit word as the text writes it (its case, its ending)."""
    words = _WORDS[lang]
    if word in words:
        return words[word]
    lower = word.lower()
    squeezed = " ".join(lower.split())
    for known, code in sorted(words.items(), key=lambda kv: len(kv[0]), reverse=True):
        k = known.lower()
        if squeezed == k or squeezed.replace(" ", "") == k.replace(" ", "") \
                or (lang is Lang.RU and squeezed.startswith(k)):
            return code
    return ""


@per_text_lang
def measures_in(text: str, lang: Lang) -> tuple[tuple[str, int, int], ...]:
    """The units ``text`` states after a number: ``(code, start, end)`` of the quantity."""
    pattern = _PATTERNS.get(lang)
    if pattern is None or not any(c.isdigit() for c in text):
        return ()
    out = []
    for hit in pattern.finditer(text):
        code = _code(hit.group(1), lang)
        if code:
            out.append((code, hit.start(), hit.end()))
    return tuple(out)


def measure_difference(text_a: str, lang_a: Lang, text_b: str, lang_b: Lang
                       ) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]] | None:
    """The quantities whose unit each text states alone, when both state such a unit."""
    ma, mb = measures_in(text_a, lang_a), measures_in(text_b, lang_b)
    if not ma or not mb:
        return None
    codes_a, codes_b = {m[0] for m in ma}, {m[0] for m in mb}
    if codes_a == codes_b:
        return None
    only_a = [m for m in ma if m[0] not in codes_b]
    only_b = [m for m in mb if m[0] not in codes_a]
    return (only_a, only_b) if only_a and only_b else None
