"""Language services: dates, ordinals, official names, the interface catalogs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from minutes_app.errors import ValidationError
from minutes_app.i18n import (
    closing_formula, english_ordinal, format_date, format_date_range, official_name, ordinal,
    title,
)
from minutes_app.i18n import catalog
from minutes_app.model import Lang, Minutes, Side

DAY = dt.date(2020, 12, 18)


@pytest.mark.parametrize(
    ("lang", "us", "expected"),
    [
        (Lang.KO, False, "2020년 12월 18일"),
        (Lang.EN, False, "18 December 2020"),
        (Lang.EN, True, "December 18, 2020"),
        (Lang.RU, False, "18 декабря 2020 г."),
        (Lang.KO, True, "2020년 12월 18일"),  # US order only concerns English
    ],
)
def test_dates_per_document_locale(lang: Lang, us: bool, expected: str) -> None:
    assert format_date(DAY, lang, us) == expected


@pytest.mark.parametrize(
    ("lang", "us", "expected"),
    [
        (Lang.EN, False, "17–18 December 2020"),
        (Lang.EN, True, "December 17–18, 2020"),
        (Lang.KO, False, "2020년 12월 17일~18일"),
        (Lang.RU, False, "17–18 декабря 2020 г."),
    ],
)
def test_date_ranges_within_a_month(lang: Lang, us: bool, expected: str) -> None:
    assert format_date_range(dt.date(2020, 12, 17), DAY, lang, us) == expected


def test_date_range_across_months() -> None:
    got = format_date_range(dt.date(2020, 11, 30), dt.date(2020, 12, 1), Lang.EN)
    assert got == "30 November 2020 – 1 December 2020"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (14, "14th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"), (111, "111th"),
     (112, "112th")],
)
def test_english_ordinals(n: int, expected: str) -> None:
    assert english_ordinal(n) == expected


@pytest.mark.parametrize(
    ("lang", "case", "gender", "expected"),
    [
        (Lang.KO, "nominative", "neuter", "제14차"),
        (Lang.RU, "genitive", "neuter", "14-го"),
        (Lang.RU, "nominative", "neuter", "14-е"),
        (Lang.RU, "nominative", "masculine", "14-й"),
        (Lang.RU, "nominative", "feminine", "14-я"),
    ],
)
def test_korean_and_russian_ordinals(lang: Lang, case: str, gender: str, expected: str) -> None:
    assert ordinal(14, lang, case, gender) == expected


def test_ordinal_rejects_zero() -> None:
    with pytest.raises(ValidationError):
        ordinal(0, Lang.EN)


def test_official_names_come_from_the_document_not_babel(demo_minutes: Minutes) -> None:
    from babel import Locale

    assert Locale("en").territories["KR"] == "South Korea"  # what we must never print
    assert official_name(demo_minutes, Side.KR, Lang.EN) == "Republic of Korea"
    assert official_name(demo_minutes, Side.KR, Lang.KO) == "대한민국"
    assert official_name(demo_minutes, Side.RU, Lang.EN) == "Russian Federation"
    import dataclasses

    party = demo_minutes.parties[Side.RU]
    demo_minutes.parties[Side.RU] = dataclasses.replace(party, name={Lang.EN: party.name[Lang.EN]})
    with pytest.raises(ValidationError, match="missing"):
        official_name(demo_minutes, Side.RU, Lang.RU)


def test_title_and_closing_formula(demo_minutes: Minutes) -> None:
    assert title(demo_minutes, Lang.EN) == (
        "Agreed Minutes of the 14th Meeting of the Korea-Russia Far East and Siberia Sub-committee")
    assert title(demo_minutes, Lang.KO) == "한·러 극동·시베리아 분과위원회 제14차 회의 합의의사록"
    assert closing_formula(demo_minutes, Lang.EN) == (
        "Done at Seoul and Moscow on 18 December 2020, in duplicate, in the English and Korean "
        "languages, all texts being equally authentic.")
    assert closing_formula(demo_minutes, Lang.KO).startswith("2020년 12월 18일 서울과 모스크바에서")
    assert "한국어와 영어로" in closing_formula(demo_minutes, Lang.KO)


# -- interface catalogs ----------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)[sd]")


def _source_messages() -> set[str]:
    from babel.messages.extract import extract_from_dir

    package = Path(catalog.__file__).resolve().parent.parent
    keywords = {"_": None, "ngettext": (1, 2)}
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(package), method_map=[("**.py", "python")], keywords=keywords
    ):
        if isinstance(message, tuple):
            found.update(m for m in message if m)
        else:
            found.add(message)
    return found


def test_every_interface_string_has_a_korean_translation_with_the_same_placeholders() -> None:
    from babel.messages.pofile import read_po

    with catalog.po_path("ko").open("rb") as fh:
        po = read_po(fh)
    translated: dict[str, str] = {}
    for msg in po:
        if not msg.id:
            continue
        ids = tuple(msg.id) if isinstance(msg.id, (tuple, list)) else (msg.id,)
        strings = (tuple(msg.string) if isinstance(msg.string, (tuple, list))
                   else (msg.string or "",))
        for mid in ids:
            translated[mid] = strings[0]
            assert all(strings), f"untranslated: {mid!r}"
            for s in strings:
                assert sorted(PLACEHOLDER.findall(s)) == sorted(PLACEHOLDER.findall(mid)), mid
    missing = sorted(_source_messages() - translated.keys())
    assert not missing, f"strings without a Korean translation: {missing}"


def test_the_korean_catalog_really_loads() -> None:
    catalog.set_language("ko")
    try:
        assert catalog._("&File") == "파일(&F)"
        assert catalog.current_language() == "ko"
    finally:
        catalog.set_language("en")
    assert catalog._("&File") == "&File"


def test_a_missing_catalog_is_an_error_not_a_silent_fallback(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    from minutes_app.errors import TemplateError

    monkeypatch.setattr(catalog, "translations_dir", lambda: tmp_path)
    with pytest.raises(TemplateError, match="missing"):
        catalog.load("ko")


def test_korean_works_when_the_cache_folder_cannot_be_written(tmp_path: Path) -> None:
    """A home whose cache cannot be written (read-only, or a file where the folder goes):
    the catalog is compiled for the run, and the command speaks Korean, without a traceback."""
    import os
    import subprocess
    import sys

    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would be")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocked), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "minutes_app", "--lang", "ko", "info",
                           str(tmp_path / "missing.minutes")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode != 0 and re.search("[가-힣]", done.stderr), done.stderr
    assert blocked.is_file()  # nothing was made of it
