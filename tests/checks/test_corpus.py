"""The conformity corpus: recall per kind on realistic errors, no finding on correct variants.

Each case is a small document made through the model's operations, in Korean/English and in
Korean/Russian/English. The test prints recall per kind (``pytest -s`` shows it).
"""

from __future__ import annotations

from minutes_app.model import Lang

from typing import Any

import dataclasses
from collections import Counter

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.workflows.templates import demo
from tests.checks.corpus import (
    BASE, ERRORS, HEADING_ERRORS, HEADINGS, MEETING_ERRORS, VARIANTS, Error, Variant,
)
from tests.checks.corpus_docs import EN, KO, RU, document, meeting_ru

PAIRS = ([KO, EN], [KO, RU, EN])


def _error_docs() -> list[tuple[Error, list[Lang]]]:
    out = []
    for error in ERRORS:
        for langs in PAIRS:
            if error.lang in langs:
                out.append((error, langs))
    return out


def _run(error: Error, langs: list[Lang]) -> tuple[set[str], set[str]]:
    texts = dict(BASE[error.base])
    assert error.old in texts[error.lang], (error, texts[error.lang])
    texts[error.lang] = texts[error.lang].replace(error.old, error.new, 1)
    m, [pid], _sid = document(langs, [texts])
    found = {f.kind for f in findings(m) if f.place == "paragraph" and f.place_id == str(pid)
             and error.lang in f.langs}
    return found, set(error.kinds)


def test_the_corpus_is_large_enough() -> None:
    assert len(ERRORS) >= 80 and len(VARIANTS) >= 25
    assert len({e.kinds for e in ERRORS}) >= 12


@pytest.mark.parametrize("langs", PAIRS, ids=["ko-en", "ko-ru-en"])
def test_every_base_translation_is_clean(langs: list[Lang]) -> None:
    m, _pids, _sid = document(langs, [{x: t[x] for x in langs} for t in BASE.values()])
    assert [(f.kind, f.place_id, f.param) for f in findings(m)] == []


def test_recall_per_kind_on_one_language_errors() -> None:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    missed = []
    for error, langs in _error_docs():
        found, expected = _run(error, langs)
        kind = sorted(expected)[0]
        totals[kind] += 1
        if found & expected:
            hits[kind] += 1
        else:
            missed.append((error, [x.value for x in langs], sorted(found)))
    print("\nrecall per kind (one-language errors, ko-en and ko-ru-en documents)")
    for kind in sorted(totals):
        print(f"  {kind:<13} {hits[kind]:>3}/{totals[kind]:<3} {hits[kind] / totals[kind]:.0%}")
    recall = sum(hits.values()) / sum(totals.values())
    print(f"  {'all':<13} {sum(hits.values()):>3}/{sum(totals.values()):<3} {recall:.1%}")
    for item in missed:
        print("  missed:", item)
    assert recall >= 0.95, missed
    assert all(hits[k] / totals[k] >= 0.75 for k in totals), missed


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.what for v in VARIANTS])
def test_no_false_finding_on_correct_variants(variant: Variant) -> None:
    for langs in PAIRS:
        m, _pids, _sid = document(langs, [{x: variant.texts[x] for x in langs}])
        assert [(f.kind, f.param) for f in findings(m)] == [], [x.value for x in langs]


def _heading_run(error: Error, langs: list[Lang]) -> set[str]:
    heading = {x: HEADINGS[error.base][x] for x in langs}
    assert error.old in heading[error.lang]
    heading[error.lang] = heading[error.lang].replace(error.old, error.new, 1)
    m, _pids, sid = document(langs, [{x: BASE["forum"][x] for x in langs}], heading)
    return {f.kind for f in findings(m) if f.place == "heading" and f.place_id == str(sid)
            and error.lang in f.langs}


def _meeting_run(field: str, lang: Lang, old: str, new: str, langs: list[Lang]) -> set[str]:
    meeting = meeting_ru(demo(history=False).meeting)
    texts = dict(getattr(meeting, field))
    assert old in texts[lang]
    texts[lang] = texts[lang].replace(old, new, 1)
    changes: dict[str, Any] = {field: texts}
    m, _pids, _sid = document(langs, [{x: BASE["forum"][x] for x in langs}],
                              meeting=dataclasses.replace(meeting, **changes))
    return {f.kind for f in findings(m) if f.place in ("meeting", "title") and lang in f.langs}


@pytest.mark.parametrize("langs", PAIRS, ids=["ko-en", "ko-ru-en"])
def test_headings_and_meeting_details_clean(langs: list[Lang]) -> None:
    m, _pids, _sid = document(langs, [{x: BASE["forum"][x] for x in langs}],
                              {x: HEADINGS["plan"][x] for x in langs})
    assert [(f.kind, f.place, f.param) for f in findings(m)] == []


def test_recall_in_headings_and_meeting_details() -> None:
    total, hits = 0, 0
    missed: list[object] = []
    for error in HEADING_ERRORS:
        for langs in PAIRS:
            if error.lang in langs:
                total += 1
                found = _heading_run(error, langs)
                hits += bool(found & error.kinds)
                if not found & error.kinds:
                    missed.append((error, found))
    for field, lang, old, new, kinds in MEETING_ERRORS:
        for langs in PAIRS:
            if lang in langs:
                total += 1
                found = _meeting_run(field, lang, old, new, langs)
                hits += bool(found & kinds)
                if not found & kinds:
                    missed.append((field, lang, new, found))
    print(f"\nrecall in headings and meeting details: {hits}/{total}")
    assert hits / total >= 0.95, missed
