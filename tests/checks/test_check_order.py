"""The text checks run one check over every unit at a time; what they find stays the same."""

from __future__ import annotations

import pytest

from bench.checks import distinct_texts
from bench.synthetic import synthetic
from minutes_app.checks import conformity
from minutes_app.checks.conformity import clear_caches, findings
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo


def test_a_cache_emptied_while_filled_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    m = synthetic(60, languages=[Lang.KO, Lang.RU, Lang.EN])
    distinct_texts(m)
    m.glossary, m.meeting = demo().glossary, demo().meeting
    clear_caches()
    expected = findings(m, include_dismissed=True)
    assert expected
    monkeypatch.setattr(conformity, "_CACHE_MAX", 3)  # emptied again and again during a run
    for _ in range(2):  # the second run takes what the first left in the cache
        assert findings(m, include_dismissed=True) == expected
    clear_caches()
    assert findings(m, include_dismissed=True) == expected


def test_units_with_the_same_texts_share_their_findings_relocated() -> None:
    m = demo(history=False)
    first, *others = m.paragraphs()[:3]
    first.texts[Lang.EN] = first.texts[Lang.EN].replace(" ", "  ", 1)  # a spacing finding
    for p in others:
        p.texts = dict(first.texts)
    clear_caches()
    # (what the document as a whole or the paragraph's state gives is left out)
    found = [f for f in findings(m, include_dismissed=True)
             if f.kind not in ("consistency", "length", "stale", "brackets")]
    own = [f for f in found if f.place_id == str(first.id)]
    assert any(f.kind == "spaces" for f in own)
    for p in others:
        theirs = [f for f in found if f.place_id == str(p.id)]
        assert [(f.kind, f.detail, f.spans) for f in theirs] == \
            [(f.kind, f.detail, f.spans) for f in own]
        assert {f.key for f in theirs}.isdisjoint(f.key for f in own)
