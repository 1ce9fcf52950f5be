"""The fast paths of the tracking engine give exactly what its general paths give.

Each shortcut (a plain text retracked without cutting pieces, gaps with no common token,
anchors already in order, anchors found lazily, common runs found by halving, one-pass normalize,
a plain diff's segments in one pass, inlined revision ids, a run of one's own changes kept when
its diff is itself) is switched back to its general
form and the results compared on random edits in Korean, English and Russian.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby, pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_app.model import Lang, Minutes, Paragraph, Section, SetTrack, Side
from minutes_app.model.track import (
    DELETE, INSERT, PLAIN, Author, Seg, Track, current_text, normalize, plain,
)
from minutes_app.tracking import align
from minutes_app.tracking import char_ops as char_module
from minutes_app.tracking import diff as diff_module
from minutes_app.tracking import tokens as tokens_module
from minutes_app.tracking.diff import diff, retrack
from minutes_app.tracking.revisions import all_revisions
from minutes_app.tracking.tokens import is_hangul
from tests.helpers.pure import pure_module

# The general paths run align's, char_ops' and diff's sources as plain Python with their
# shortcuts replaced: in the compiled build, replacing a function of the compiled modules would
# not reach the calls made inside them, and the test would compare the fast paths with themselves.
_ALIGN = pure_module("minutes_app.tracking.align")
_CHARS = pure_module("minutes_app.tracking.char_ops")
vars(_CHARS)["opcodes"] = _ALIGN.opcodes  # char_ops, as Python, aligns by align as Python
_DIFF = pure_module("minutes_app.tracking.diff")
vars(_DIFF)["char_opcodes"] = _CHARS.char_opcodes  # and diff, as Python, diffs by char_ops
vars(_DIFF)["replaced_whole"] = _CHARS.replaced_whole

RU2 = Author(Side.RU, 2, "2020-12-14T08:30:00Z")
KR3 = Author(Side.KR, 3, "2020-12-16T10:00:00Z")

WORDS = {
    "ko": ["양측은", "협력을", "협력의", "확대", "확대를", "위한", "공동의", "실질적인", "2021년",
           "대한민국과", "러시아연방", "간", "평가하였다", "증진되었음을", "및"],
    "en": ["the", "Sides", "parties", "joint", "substantive", "cooperation", "agreed", "to",
           "expand", "Korea-Russia", "start-up", "2022", "1.5", "of", "and"],
    "ru": ["Стороны", "договорились", "расширять", "сотрудничество", "совместный", "1 000",
           "1\u202f500\u00a0000", "18", "декабря", "Северо-Восточный", "и", "в", "2,5", "й"],
}
PUNCT = [",", ".", "(", ")", "«", "»", "–", ";", ":"]
SPACES = [" ", " ", " ", "  ", "\u00a0", "\n"]


def _tokens(lang: str) -> st.SearchStrategy[list[str]]:
    word = st.sampled_from(WORDS[lang] + WORDS["en"][:3])
    piece = st.one_of(word, word, word, st.sampled_from(PUNCT))
    return st.lists(st.tuples(piece, st.sampled_from(SPACES)), max_size=30).map(
        lambda pairs: [t for pair in pairs for t in pair])


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str]:
    """A text and the same text with a few words replaced, inserted or deleted."""
    lang = draw(st.sampled_from(sorted(WORDS)))
    old = draw(_tokens(lang))
    new = list(old)
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(new)))
        what = draw(st.sampled_from(["replace", "insert", "delete"]))
        token = draw(st.sampled_from(WORDS[lang] + PUNCT))
        if what == "insert" or at == len(new):
            new[at:at] = [token, " "]
        elif what == "replace":
            new[at] = token
        else:
            del new[at]
    return "".join(old), "".join(new)


def _run_by_steps(a: list[str], b: list[str], i: int, j: int, most: int) -> int:
    n = 1
    while n < most and a[i + n] == b[j + n]:
        n += 1
    return n


def _normalize_by_groups(segs: list[Seg]) -> Track:
    out: list[Seg] = []
    for _key, group in groupby((s for s in segs if s.text), key=Seg.key):
        run = list(group)
        first = run[0]
        out.append(first if len(run) == 1 else first._replace(text="".join(s.text for s in run)))
    return tuple(out)


def _retrack_by_pieces(track: Track, new_text: str, author: Author) -> Track:
    old_text = current_text(track)
    if old_text == new_text:
        return track
    found: Track = _DIFF._retrack_pieces(track, old_text, new_text, author)
    return found


@contextmanager
def general_paths() -> Iterator[None]:
    """The engine with every fast path replaced by its general form."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_ALIGN, "_lis", _ALIGN._lis_search)
        mp.setattr(_ALIGN, "_walk", lambda *args: False)
        mp.setattr(_ALIGN, "_matcher_blocks", _ALIGN._difflib_blocks)
        mp.setattr(_ALIGN, "_run", _run_by_steps)
        mp.setattr(_DIFF, "normalize", _normalize_by_groups)
        mp.setattr(_DIFF, "retrack", _retrack_by_pieces)
        mp.setattr(_DIFF, "_plain_segs", lambda *args: None)
        mp.setattr(_DIFF, "_retrack_plain", lambda old, new, author:
                   _DIFF._retrack_pieces(plain(old), old, new, author))
        mp.setattr(_DIFF, "_settled", lambda run, author: False)
        yield


def slow(name: str, *args: Any) -> Any:
    """What diff's function ``name`` gives by the general paths (diff's source, as Python)."""
    with general_paths():
        return getattr(_DIFF, name)(*args)


@settings(max_examples=300, deadline=None)
@given(edits())
def test_a_diff_is_the_same_by_the_fast_and_the_general_paths(edit: tuple[str, str]) -> None:
    old, new = edit
    fast = diff(old, new, Side.RU, 2, RU2.time)
    assert fast == slow("diff", old, new, Side.RU, 2, RU2.time)
    assert current_text(fast) == new


@settings(max_examples=200, deadline=None)
@given(edits(), st.data())
def test_a_further_round_is_the_same_by_the_fast_and_the_general_paths(
        edit: tuple[str, str], data: st.DataObject) -> None:
    old, new = edit
    track = diff(old, new, Side.RU, 2, RU2.time)
    words = new.split(" ")
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(words) - 1))
        words[at] = data.draw(st.sampled_from(["협력", "joint", "совместный", ""]))
    later = " ".join(words)
    assert retrack(track, later, KR3) == slow("retrack", track, later, KR3)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WORDS["ko"] + WORDS["en"] + WORDS["ru"] + PUNCT + ["확대를 위한", "a"]),
       st.sampled_from(WORDS["ko"] + WORDS["en"] + WORDS["ru"] + PUNCT + ["협력", "ab"]),
       st.sampled_from([RU2, KR3]))
def test_a_run_kept_as_settled_is_its_own_diff(old: str, new: str, who: Author) -> None:
    run = [Seg(DELETE, old, RU2), Seg(INSERT, new, RU2)]
    if diff_module._settled(run, who):
        assert [(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in
                char_module.char_opcodes(old, new)] == [("replace", 0, len(old), 0, len(new))]
    assert diff_module._rediff_own_runs(tuple(run), who) == slow(
        "_rediff_own_runs", tuple(run), who)


def test_the_usual_replaced_word_is_settled() -> None:
    for old, new in (("the", "substantive"), ("협력을", "공동의"), ("하였다.", "2022")):
        assert diff_module._settled([Seg(DELETE, old, RU2), Seg(INSERT, new, RU2)], RU2)
    for old, new in (("협력을", "협력의"), ("two Sides", "two parties")):  # a stem; a word
        assert not diff_module._settled([Seg(DELETE, old, RU2), Seg(INSERT, new, RU2)], RU2)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([PLAIN, INSERT, DELETE]),
                          st.sampled_from(["", "a", "협력", " ", "Стороны"]),
                          st.sampled_from([None, RU2, KR3]),
                          st.sampled_from([None, RU2])), max_size=12))
def test_normalize_in_one_pass_is_normalize_by_groups(
        raw: list[tuple[str, str, Author | None, Author | None]]) -> None:
    segs = [Seg(kind, text, author if kind != PLAIN else None, origin if kind == DELETE else None)
            for kind, text, author, origin in raw]
    assert normalize(segs) == _normalize_by_groups(segs)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 40), unique=True, max_size=25), st.booleans())
def test_anchors_in_order_are_the_longest_chain(js: list[int], in_order: bool) -> None:
    pairs = list(enumerate(sorted(js) if in_order else js))  # each word anchors once
    chain = align._lis(pairs)
    assert chain == align._lis_search(pairs)
    assert all(p[0] < q[0] and p[1] < q[1] for p, q in pairwise(chain))


def _rev_id_reference(pid: int, lang: str, kind: str, author: Author, text: str,
                      seen: dict[str, int]) -> str:
    key = f"{pid}|{lang}|{kind}|{author.side}|{author.round}|{text}"
    n = seen[key] = seen.get(key, 0) + 1
    return f"{pid}-{lang}-{zlib.crc32(f'{key}|{n}'.encode()) & 0xFFFFFF:06x}"


@settings(max_examples=50, deadline=None)
@given(st.lists(edits(), min_size=1, max_size=4))
def test_revision_ids_are_the_documented_hash(edited: list[tuple[str, str]]) -> None:
    m = Minutes(languages=[Lang.KO, Lang.RU])
    m.sections.append(Section(id=1, paragraphs=[
        Paragraph(id=i + 1, texts={Lang.KO: old, Lang.RU: old}) for i, (old, _) in
        enumerate(edited)]))
    m.next_id = len(edited) + 2
    for i, (old, new) in enumerate(edited):
        track = diff(old, new, Side.RU, 2, RU2.time)
        SetTrack(i + 1, Lang.RU, current_text(track), track).apply(m)
    seen: dict[tuple[int, Lang], dict[str, int]] = {}
    for r in all_revisions(m):
        assert r.lang is not None
        seg = m.paragraph(r.paragraph_id).tracks[r.lang][r.segment]
        assert seg.author is not None
        ids = seen.setdefault((r.paragraph_id, r.lang), {})
        assert r.id == _rev_id_reference(r.paragraph_id, r.lang, r.kind, seg.author, r.text, ids)
    assert [r.text for r in all_revisions(m)] == [
        s.text for p in m.paragraphs() for lang in m.languages
        for s in p.tracks.get(lang, ()) if s.kind != PLAIN]


def test_a_plain_text_retracked_keeps_its_words_and_authors() -> None:
    track = retrack(plain("양측은 협력을 확대"), "양측은 협력의 확대", KR3)
    base = plain("양측은 협력을 확대")
    assert track == slow("retrack", base, "양측은 협력의 확대", KR3)
    changed = [(s.kind, s.text) for s in track if s.kind != PLAIN]
    assert changed == [(DELETE, "을"), (INSERT, "의")]


@given(st.text(alphabet=st.sampled_from("a 1가힣\uac00\ud7a3\ud7a4\u3131ё한-"), max_size=8))
def test_hangul_by_search_is_hangul_by_characters(token: str) -> None:
    assert is_hangul(token) == any("\uac00" <= ch <= "\ud7a3" for ch in token)


def _settled_reference(run: list[Seg], author: Author) -> bool:
    """``_settled`` as it was written before its shortcuts (no space, no token in common)."""
    if len(run) != 2:
        return False
    d, n = run
    a, b = d.text, n.text
    if not (d.kind == DELETE and n.kind == INSERT and d.author == author == n.author
            and d.origin is None and a != b) or char_module._SPACE.search(a) \
            or char_module._SPACE.search(b):
        return False
    ta, tb = tokens_module.tokenize(a), tokens_module.tokenize(b)
    if not set(ta).isdisjoint(tb) or char_module._pairable(ta, tb):
        return False
    p = tokens_module.common_prefix(a, b)
    s = tokens_module.common_prefix(a[::-1], b[::-1])
    return not (is_hangul(a[:p]) or is_hangul(a[len(a) - s:]))


WORDISH = st.text(alphabet=st.sampled_from(
    "ab협력을의확대йё\u0301½²Ⅻ1-_. \u00a0"), min_size=1, max_size=6)
WORD = st.one_of(WORDISH, st.sampled_from(WORDS["ko"] + WORDS["en"] + WORDS["ru"] + PUNCT))
PHRASE = st.lists(st.tuples(WORD, st.sampled_from([*SPACES, ""])), min_size=1, max_size=4).map(
    lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=600, deadline=None)
@given(st.one_of(WORD, PHRASE), st.one_of(WORD, PHRASE), st.sampled_from([RU2, KR3]))
def test_a_settled_run_is_its_own_diff_with_spaces_and_shortcuts(
        old: str, new: str, who: Author) -> None:
    run = [Seg(DELETE, old, RU2), Seg(INSERT, new, RU2)]
    settled = diff_module._settled(run, who)
    if settled:
        assert char_module.char_opcodes(old, new) == [("replace", 0, len(old), 0, len(new))]
    if _settled_reference(run, who):  # every run the tokenizing form kept is still kept
        assert settled
    assert diff_module._rediff_own_runs(tuple(run), who) == slow(
        "_rediff_own_runs", tuple(run), who)


def test_replaced_phrases_are_settled() -> None:
    for old, new in (("양측은 동", "2022 joint"), ("noted that", "substantive joint"),
                     ("1 000", "2 500")):
        assert diff_module._settled([Seg(DELETE, old, RU2), Seg(INSERT, new, RU2)], RU2)
    for old, new in (("the Sides", "the parties"), ("a b", "c b"), ("협력을 위한", "협력의 joint")):
        assert not diff_module._settled([Seg(DELETE, old, RU2), Seg(INSERT, new, RU2)], RU2)


TOKENS = st.sampled_from([" ", "  ", "\n", "a", "b", "협력", ",", "1 000"])


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=12), st.lists(TOKENS, min_size=1, max_size=12))
def test_blocks_skipped_when_only_spaces_are_shared_are_difflibs(
        a: list[str], b: list[str]) -> None:
    if a[0] == b[0]:
        b = ["b" if a[0] != "b" else "a", *b]  # as _gap calls it: the first tokens differ
    fast: list[align.Block] = []
    general: list[align.Block] = []
    align._matcher_blocks(a, b, 0, len(a), 0, len(b), fast)
    align._difflib_blocks(a, b, 0, len(a), 0, len(b), general)
    assert fast == general
