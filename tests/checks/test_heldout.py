"""The held-out corpus: recall on errors the checks were not tuned on, no false finding.

``pytest -s tests/checks/test_heldout.py`` prints recall per kind and every miss.
"""

from __future__ import annotations

from collections import Counter

import pytest

from minutes_app.checks.conformity import findings
from minutes_app.model import Lang
from tests.checks.corpus import Error
from tests.checks.corpus_docs import EN, KO, RU, document
from tests.checks.heldout import HELD_BASE, HELD_ERRORS, HELD_VARIANTS

# every pair with Russian on its own too (ko-ru, en-ru), and the three languages
PAIRS: tuple[list[Lang], ...] = ([KO, EN], [KO, RU], [EN, RU], [KO, RU, EN])
IDS = ["ko-en", "ko-ru", "en-ru", "ko-ru-en"]
MIN_RECALL = 0.95


def _found(error: Error, langs: list[Lang]) -> set[str]:
    texts = dict(HELD_BASE[error.base])
    assert error.old in texts[error.lang], (error, texts[error.lang])
    texts[error.lang] = texts[error.lang].replace(error.old, error.new, 1)
    m, [pid], _sid = document(langs, [{x: texts[x] for x in langs}])
    return {f.kind for f in findings(m) if f.place_id == str(pid) and error.lang in f.langs}


def test_the_held_out_set_is_large_enough() -> None:
    assert len(HELD_ERRORS) >= 40 and len(HELD_VARIANTS) >= 12
    assert {e.lang for e in HELD_ERRORS} == {KO, EN, RU}


@pytest.mark.parametrize("langs", PAIRS, ids=IDS)
def test_held_out_bases_are_clean(langs: list[Lang]) -> None:
    m, _pids, _sid = document(langs, [{x: t[x] for x in langs} for t in HELD_BASE.values()])
    assert [(f.kind, f.place_id, f.param) for f in findings(m)] == []


@pytest.mark.parametrize("langs", PAIRS, ids=IDS)
def test_held_out_variants_are_clean(langs: list[Lang]) -> None:
    false = []
    for variant in HELD_VARIANTS:
        m, _pids, _sid = document(langs, [{x: variant.texts[x] for x in langs}])
        false += [(variant.what, f.kind, f.param) for f in findings(m)]
    print(f"\nfalse findings on {len(HELD_VARIANTS)} correct variants ({'-'.join(langs)}): "
          f"{len(false)}")
    assert false == []


def test_held_out_recall() -> None:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    missed = []
    for error in HELD_ERRORS:
        for langs in PAIRS:
            if error.lang not in langs:
                continue
            found = _found(error, langs)
            kind = sorted(error.kinds)[0] if len(error.kinds) == 1 else min(
                error.kinds, key=lambda k: ("numbers", "omission", "acronyms").index(k)
                if k in ("numbers", "omission", "acronyms") else 9)
            totals[kind] += 1
            if found & error.kinds:
                hits[kind] += 1
            else:
                missed.append((error.base, error.lang.value, error.new,
                               "-".join(x.value for x in langs), sorted(found)))
    print("\nheld-out recall per kind (one-language errors in ko-en, ko-ru, en-ru, ko-ru-en)")
    for kind in sorted(totals):
        print(f"  {kind:<13} {hits[kind]:>3}/{totals[kind]:<3} {hits[kind] / totals[kind]:.0%}")
    recall = sum(hits.values()) / sum(totals.values())
    print(f"  {'all':<13} {sum(hits.values()):>3}/{sum(totals.values()):<3} {recall:.1%}")
    for item in missed:
        print("  missed:", item)
    assert recall >= MIN_RECALL, missed


def test_a_negation_finding_keeps_its_key_and_speaks_korean() -> None:
    from minutes_app.i18n import catalog
    from minutes_app.i18n.findings import describe
    from minutes_app.model import SetText

    texts = dict(HELD_BASE["routes"])
    texts[EN] = texts[EN].replace("could not support", "could support")
    m, [pid], _sid = document([KO, EN], [texts])
    [before] = [f for f in findings(m) if f.kind == "negation"]
    assert before.severity == "error" and before.langs == (KO, EN)
    # an unrelated edit of the same paragraph (a clause added to both languages)
    SetText(pid, KO, texts[KO] + " 양측은 협의를 계속하기로 하였다.").apply(m)
    SetText(pid, EN, texts[EN] + " The two Sides agreed to continue consultations.").apply(m)
    [after] = [f for f in findings(m) if f.kind == "negation"]
    assert after.key == before.key
    catalog.set_language("ko")
    try:
        assert describe(after).startswith("한 언어에만 부정 표현")
    finally:
        catalog.set_language("en")
    assert describe(after).startswith("A negation in one language only")
