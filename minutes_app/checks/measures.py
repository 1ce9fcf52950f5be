"""Units of measure stated after a number (tonnes, barrels, km, miles, hectares, km², MW).

A quantity's unit replaced in one language (100만 톤 / 1 million barrels; 200 km / 200 miles;
100 ha / 100 km²) changes what is agreed as much as a number. Each language's units are read
after a digit (a scale word may stand between: 100만, million, млн) and brought to one code;
two texts each stating a unit the other does not are a finding. A unit one text states and
the other leaves out is not (a conversion in brackets, a unit said once for two numbers).
"""

from __future__ import annotations

from typing import Final

from minutes_app.checks.memo import per_text_lang
from minutes_app.checks.stems import is_letter
from minutes_app.checks.tokens import lowercase
from minutes_app.checks.values import indexed
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
# the units ``numbers`` reads itself (the quantity ends after them), and what may follow them
_READ_UNITS: Final = frozenset({"t", "km", "ha", "TEU"})
_SQUARED: Final = ("²", "2")


def _by_first(lang: Lang) -> dict[str, list[tuple[str, str, str]]]:
    """Per first character (lower-cased): the unit words, lower-cased, as written, and their
    codes, longest first."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for word, code in sorted(_WORDS[lang].items(), key=lambda wc: -len(wc[0])):
        lower = lowercase(word)
        out.setdefault(lower[0], []).append((lower, word, code))
    return out


_FIRST: Final = {lang: _by_first(lang) for lang in _COLUMN}
_LONGEST: Final = max(len(w) for words in _WORDS.values() for w in words)


def _unit_after(text: str, at: int, lang: Lang) -> tuple[str, int] | None:
    """The unit that follows a number ending at ``at``, and where it ends (None: none)."""
    if at < len(text) and text[at] in " \u00a0-":
        at += 1
    if at >= len(text):
        return None
    words = _FIRST[lang].get(lowercase(text[at]))
    if words is None:
        return None
    lower = lowercase(text[at:at + _LONGEST])  # (only what a unit may take: no copy of all)
    for low, word, code in words:
        if not lower.startswith(low) or (word in _CASED and not text.startswith(word, at)):
            continue  # "mw" is not MW
        end = at + len(low)  # (no unit holds a character that lower-cases to two)
        if lang is not Lang.KO:
            if lang is Lang.RU and len(word) > 3 and word[-1].isalpha():
                while end < len(text) and is_letter(text[end]):  # a stem declines
                    end += 1
            elif end < len(text) and is_letter(text[end]):
                continue  # the start of a longer word ("5 hats")
        return code, end
    return None


@per_text_lang
def measures_in(text: str, lang: Lang) -> tuple[tuple[str, int, int], ...]:
    """The units ``text`` states after a number: ``(code, start, end)`` of the quantity.

    The numbers are those the value checks read (their scale words included: 100만, 1 million,
    1 млн); only the characters after each are looked at (no pass over the text).
    """
    if lang not in _FIRST:
        return ()
    quantities = indexed(text, lang)[0].quantities
    if not quantities:
        return ()
    out = []
    for q in quantities:
        if q.unit in _READ_UNITS:  # read with the number ("100톤", "5 km")
            code = lowercase(q.unit)
            if code == "km" and text[q.end:q.end + 1] in _SQUARED:
                out.append(("km2", q.start, q.end + 1))
            elif code != "teu":
                out.append((code, q.start, q.end))
            continue
        if q.unit and q.unit != "year":
            continue  # a currency, a percentage: not a unit of measure
        found = _unit_after(text, q.end, lang)
        if found is not None:
            out.append((found[0], q.start, found[1]))
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
