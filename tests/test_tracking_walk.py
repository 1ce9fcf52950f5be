"""Anchors found lazily (``align._walk``) give the blocks the longest chain of all anchors gives,
also when words move, repeat or are spaces, and in every gap the recursion reaches; tokens
found by splitting at spaces are the pattern's."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.tracking import align, tokens
from tests.helpers.pure import pure_module

# The reference runs align's source as plain Python, its lazy walk turned off: in the compiled
# build, replacing ``align._walk`` would not reach the calls made inside compiled code.
_PURE = pure_module("minutes_app.tracking.align")

TOKENS = st.sampled_from(["a", "b", "c", "d", "e", "f", "g", " ", " ", "  ", ",", "협력을"])


def _chained(a: list[str], b: list[str]) -> list[align.Opcode]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_PURE, "_walk", lambda *args: False)
        found: list[align.Opcode] = _PURE.opcodes(a, b)
        return found


@settings(max_examples=500, deadline=None)
@given(st.lists(TOKENS, max_size=40), st.data())
def test_a_lazy_walk_is_the_chained_one(a: list[str], data: st.DataObject) -> None:
    b = list(a)
    for _ in range(data.draw(st.integers(0, 6))):  # replace, insert, delete or move a token
        what = data.draw(st.sampled_from(["replace", "insert", "delete", "move"]))
        at = data.draw(st.integers(0, max(len(b) - 1, 0)))
        if what == "insert" or not b:
            b.insert(at, data.draw(TOKENS))
        elif what == "replace":
            b[at] = data.draw(TOKENS)
        elif what == "delete":
            del b[at]
        else:
            b.insert(data.draw(st.integers(0, len(b) - 1)), b.pop(at))
    assert align.opcodes(a, b) == _chained(a, b)


def test_a_moved_word_falls_back_to_the_chain() -> None:
    a = [*"xyz", " ", "p", " ", *"qrstuvw"]
    b = ["p", " ", *"xyz", " ", *"qrstuvw"]
    out: list[align.Block] = []
    assert align._walk(a, b, 0, len(a), 0, len(b), a, b, out)\
        is False
    assert out == []
    assert align.opcodes(a, b) == _chained(a, b)


PIECES = st.sampled_from([*"ab협력을 ,.-1 0\u00a0\u202f\n_é\u0301½²Ⅻ()«»", " ", " ", "1 000", "2,5",
                          "start-up", "  ", "Северо-Восточный", "2021년"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(PIECES, max_size=16).map("".join))
def test_tokens_split_at_spaces_are_the_patterns(text: str) -> None:
    assert tokens.tokenize(text) == tokens._TOKEN.findall(text)
