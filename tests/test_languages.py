"""A document's languages: add, remove, reorder (with inverses), templates and the demo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes_app.errors import ValidationError
from minutes_app.model import Batch, Lang, Minutes, Side
from minutes_app.model.languages import (
    AddLanguage, RemoveLanguage, SetLanguageOrder, language_holds_text, parse_languages,
    set_languages_ops,
)
from minutes_app.model.serialize import minutes_out
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo, from_template
from minutes_app.cli.textview import numbered_text
from minutes_app.tracking.revisions import all_revisions

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def trilingual() -> Minutes:
    return demo(languages=[KO, RU, EN])


def test_parse_languages_keeps_the_order_and_refuses_nonsense() -> None:
    assert parse_languages("ko,ru,en") == [KO, RU, EN]
    assert parse_languages(" RU , ko ") == [RU, KO]
    for bad in ("ko", "ko,ko", "ko,en,ru,ko", "ko,fr"):
        with pytest.raises(ValidationError):
            parse_languages(bad)


def test_removing_a_language_and_undoing_restores_every_text_revision_and_heading() -> None:
    m = trilingual()
    before = minutes_out(m)
    assert any(p.tracks.get(RU) for p in m.paragraphs())  # pending Russian revisions
    inverse, change = RemoveLanguage(RU).apply(m)
    assert m.languages == [KO, EN] and change.meta
    assert not language_holds_text(m, RU)
    assert all(r.lang is not RU for r in all_revisions(m))
    inverse.apply(m)
    assert minutes_out(m) == before


def test_adding_a_language_gives_empty_texts_and_its_inverse_removes_it() -> None:
    m = demo(history=False)
    before = minutes_out(m)
    inverse, _ = AddLanguage(RU).apply(m)
    assert m.languages == [KO, EN, RU]
    assert numbered_text(m, RU).startswith("Согласованный протокол 14-го заседания")
    inverse.apply(m)
    assert minutes_out(m) == before


def test_reorder_and_its_inverse() -> None:
    m = trilingual()
    inverse, _ = SetLanguageOrder((RU, KO, EN)).apply(m)
    assert m.languages == [RU, KO, EN]
    inverse.apply(m)
    assert m.languages == [KO, RU, EN]
    with pytest.raises(ValidationError):
        SetLanguageOrder((RU, KO)).apply(m)


@pytest.mark.parametrize(("start", "target"), [
    ([KO, EN], [KO, RU, EN]), ([KO, EN], [KO, RU]), ([KO, EN], [EN, RU]),
    ([KO, RU, EN], [RU, KO]), ([KO, RU, EN], [EN, RU, KO]),
])
def test_any_two_or_three_languages_in_any_order_as_one_undoable_batch(
        start: list[Lang], target: list[Lang]) -> None:
    m = demo(languages=start)
    before = minutes_out(m)
    inverse, _ = Batch(tuple(set_languages_ops(m, target))).apply(m)
    assert m.languages == target
    inverse.apply(m)
    assert minutes_out(m) == before


def test_a_document_keeps_two_or_three_languages() -> None:
    m = demo(history=False)
    with pytest.raises(ValidationError):
        RemoveLanguage(EN).apply(m)
    with pytest.raises(ValidationError):
        AddLanguage(EN).apply(m)
    assert m.languages == [KO, EN]


def test_languages_survive_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.minutes"
    m = trilingual()
    f = MinutesFile.create(path, m)
    _, change = RemoveLanguage(EN).apply(m)
    f.write(m, change)
    f.close()
    f, loaded = MinutesFile.open(path)
    f.close()
    assert loaded.languages == [KO, RU]
    assert minutes_out(loaded)["sections"] == minutes_out(m)["sections"]


def test_templates_carry_russian_headings_for_the_cooperation_fields() -> None:
    m = from_template("cooperation-fields", languages=[KO, RU, EN])
    headings = [s.heading[RU] for s in m.sections if s.numbered]
    assert "Здравоохранение и медицина" in headings
    assert "Сельское хозяйство и рыболовство" in headings
    assert all(CYRILLIC.search(h) for h in headings)
    assert from_template("cooperation-fields").languages == [KO, EN]


def test_the_default_demo_stays_korean_and_english() -> None:
    m = demo()
    assert m.languages == [KO, EN]
    assert all(RU not in p.texts and RU not in p.tracks for p in m.paragraphs())


def test_the_trilingual_demo_has_a_russian_text_for_every_paragraph_and_heading() -> None:
    m = demo(languages=[KO, RU, EN], agreed=True)
    for s in m.sections:
        assert bool(s.heading[RU]) == bool(s.heading[EN])
        for p in s.paragraphs:
            assert CYRILLIC.search(p.text(RU)), p.id
            # the numbers of the English text are in the Russian one (2021, 50, 15th, ...)
            for n in re.findall(r"\d+", p.text(EN)):
                assert n in p.text(RU), (p.id, n)
    text = numbered_text(m, RU)
    assert "1. Стороны отметили" in text and "18 декабря 2020 г." in text
    assert "на русском, корейском и английском языках" in text  # its own language first


def test_the_trilingual_demo_negotiates_in_russian_too() -> None:
    m = trilingual()
    russian = [r for r in all_revisions(m) if r.lang is RU]
    assert {(r.side, r.round) for r in russian} == {(Side.RU, 2), (Side.KR, 3)}
    assert any(r.kind == "insert" and "Северного морского пути" in r.text for r in russian)
    # the Korean Side accepted the Russian deletion of "активное" in every language
    assert not any("активное" in r.text for r in russian)
    # the bracket is an object on the Russian words; its delimiters are drawn, never text
    from minutes_app.model.brackets import open_brackets

    held = [b for p in m.paragraphs() for b in open_brackets(p, RU)]
    assert [[o.text for o in b.options] for b in held] == [
        ["первом полугодии 2021 г.", "начале 2021 г."]]
    assert "[первом" not in numbered_text(m, RU)
    settled = demo(agreed=True, languages=[KO, RU, EN])
    assert not all_revisions(settled)
    assert "в первом полугодии 2021 г." in numbered_text(settled, RU)
