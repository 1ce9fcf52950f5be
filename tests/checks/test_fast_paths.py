"""The shortcuts of the concept, memo and consistency paths give what the long way gives.

The leftmost-longest pass for ASCII texts, the Korean stems read without lower-casing, the
per-language memo tables and the consistency check's one reading per language are each
compared with the way they stand for.
"""

from __future__ import annotations

import random
import re

from minutes_app.checks import concepts, memo
from minutes_app.checks.context import Context, pairs_of
from minutes_app.checks.finding import Unit
from minutes_app.checks.translation import clear_caches, consistency_checks
from minutes_app.checks.trie import alternation
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo


def _texts(rng: random.Random, alphabet: list[str], most: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, most)))
            for _ in range(4000)]


def test_ascii_texts_find_the_stems_at_word_starts_as_the_pattern_does() -> None:
    rng = random.Random(11)
    stems = [s for s in concepts._CONCEPT_OF[Lang.EN] if s.isascii()]
    pattern = re.compile(r"(?<![^\W\d_])(" + alternation(stems) + ")")
    # stems, their pieces and what stands before a word: hits inside words and at starts
    alphabet = [*stems, *(s[:3] for s in stems), *(s[2:] for s in stems), " ", "-", "a", "1",
                "_", "s", "("]
    automaton = concepts._CONCEPT_STEMS[Lang.EN]
    for text in _texts(rng, alphabet, 6):
        assert [(s, e) for s, e, _ in automaton.hits(text)] == \
            [(h.start(), h.end()) for h in pattern.finditer(text)], text


def test_korean_fields_are_found_without_lower_casing_as_with() -> None:
    rng = random.Random(12)
    stems = list(concepts._CONCEPT_OF[Lang.KO])
    alphabet = [*stems, *(s[:1] for s in stems), " ", "A", "İ", "I", "수소", "-", "Ω"]
    automaton = concepts._CONCEPT_STEMS[Lang.KO]
    for text in _texts(rng, alphabet, 6):
        _lower, hits = concepts._hits(text, Lang.KO)
        assert hits == automaton.indexed_hits(text.lower()), text


def test_fields_and_compounds_are_read_alike_apart_and_together() -> None:
    text = "cooperation in digital technologies, energy and hydrogen energy"
    fields, partners = concepts.concepts_in(text, Lang.EN)
    assert fields == concepts.fields_in(text, Lang.EN)
    assert partners == concepts._partners(text, Lang.EN)
    assert fields  # the sentence names fields of cooperation


def test_per_language_tables_keep_the_languages_apart_and_are_forgotten() -> None:
    calls: list[tuple[str, Lang]] = []

    @memo.per_text_lang
    def tag(text: str, lang: Lang) -> str:
        calls.append((text, lang))
        return f"{lang.value}:{text}"

    for lang in Lang:
        assert tag("x", lang) == f"{lang.value}:x"
        assert tag("x", lang) == f"{lang.value}:x"
    assert calls == [("x", lang) for lang in Lang]
    memo.forget_all()
    assert tag("x", Lang.RU) == "ru:x"
    assert len(calls) == 4


def _units(rows: list[tuple[str, str]]) -> list[Unit]:
    return [Unit("paragraph", str(i), i, {Lang.KO: ko, Lang.EN: en})
            for i, (ko, en) in enumerate(rows, 1)]


def _ctx() -> Context:
    ctx = Context(demo())  # (a real one: the compiled checks take no stand-in)
    assert ctx.langs == [Lang.KO, Lang.EN] and ctx.pairs == pairs_of(ctx.langs)
    return ctx


def test_consistency_finds_the_same_whether_every_unit_aligns_or_not() -> None:
    same = "양측은 협력을 강화하기로 합의하였다."
    rows = [(same, "The Sides agreed to strengthen cooperation."),
            (same, "The Sides agreed to enhance cooperation.")]
    aligned = _units(rows)
    # a third unit whose sentences do not align: the long way is taken
    uneven = _units([*rows, ("하나. 둘.", "One, two.")])
    for units in (aligned, uneven):
        clear_caches()
        found = list(consistency_checks(units, _ctx()))
        assert [(f.kind, f.place_id, f.detail) for f in found] == \
            [("consistency", "2", same)], units


def test_texts_read_one_byte_a_character_find_the_fields_read_as_unicode() -> None:
    from minutes_app.checks import gazetteer, tr_bytes

    rng = random.Random(17)
    for lang in (Lang.RU, Lang.EN):
        stems = list(concepts._CONCEPT_OF[lang])
        reader = concepts._ONE_BYTE[lang]
        # stems as written in any case, their pieces, letters before and after them, marks
        # cp1251 holds and characters it does not
        alphabet = [*stems, *(s.upper() for s in stems), *(s.capitalize() for s in stems),
                    *(s[:3] for s in stems), " ", "-", "«", "»", "—", "№", "Ё", "ё", "І",
                    "ы", "Ы", "a", "Q", "1", "_", "’", "가", "é", "\U0001f600"]
        read = 0
        for text in _texts(rng, alphabet, 6):
            _lower, exact = concepts._hits(text, lang)
            fast = tr_bytes.word_start_hits(reader, text)
            if fast is not None:
                read += 1
                assert fast == exact, (lang, text)
            expected: dict[str, tuple[int, int]] = {}
            for index, start, end in exact:
                expected.setdefault(concepts._CONCEPT_ID[lang][index], (start, end))
            expected.pop(gazetteer.NO_FIELD, None)  # words that name no field
            assert concepts._fields(text, lang) == expected, (lang, text)
        assert read > 1000  # most texts were read one byte a character


def test_korean_stems_read_in_utf16_even_where_a_hit_straddles_two_characters() -> None:
    rng = random.Random(19)
    stems = list(concepts._CONCEPT_OF[Lang.KO])
    pattern = re.compile(alternation(stems))
    automaton = concepts._CONCEPT_STEMS[Lang.KO]

    def straddling(stem: str) -> str:
        """Characters whose UTF-16 bytes hold ``stem``'s from an odd byte on."""
        raw = bytes([rng.randrange(0x30, 0x7f)]) + stem.encode("utf-16-le")
        raw += bytes([rng.randrange(0xac, 0xd7)]) if len(raw) % 2 else b""
        return raw.decode("utf-16-le", errors="replace")

    alphabet = [*stems, *(straddling(s) for s in stems for _ in range(3)), " ", "A", "한"]
    straddled = 0
    for text in _texts(rng, alphabet, 6):
        raw = text.encode("utf-16-le")
        if any(stem.encode("utf-16-le") in raw[1:] and
               raw.find(stem.encode("utf-16-le"), 1) % 2 for stem in stems):
            straddled += 1
        assert [(s, e) for s, e, _ in automaton.hits(text)] == \
            [(h.start(), h.end()) for h in pattern.finditer(text)], text
    assert straddled > 100  # texts where a hit at an odd byte was there to mislead
