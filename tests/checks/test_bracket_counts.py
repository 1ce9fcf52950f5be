"""A bracket put on the words of one language only is a finding: the other texts say nothing
of the dispute. Brackets are objects on the words (drawn, never typed into the text)."""

from __future__ import annotations

from minutes_app.checks.conformity import findings
from minutes_app.model import Lang, SetBrackets
from minutes_app.workflows.templates import demo


def test_a_bracket_on_one_language_only_is_found_and_one_on_both_is_not() -> None:
    m = demo()
    p = next(q for q in m.paragraphs() if q.brackets)
    assert not [f for f in findings(m) if f.kind == "brackets"]  # on both texts: agreed
    # the demo's dispute: a bracket on the Korean words and one on the English words
    assert sorted(lang.value for b in p.brackets if b.is_open for lang in b.spans) == ["en", "ko"]
    english = tuple(b for b in p.brackets if Lang.KO not in b.spans)
    SetBrackets(p.id, english).apply(m)  # the Korean text no longer shows it
    found = [f for f in findings(m) if f.kind == "brackets"]
    assert [(f.paragraph_id, f.param.get("counts")) for f in found] == [(p.id, "ko 0, en 1")]
    assert all("[" not in t for t in p.texts.values())  # found without any typed bracket
