"""Where two texts differ, in characters: ``char_opcodes`` from a token diff (``align``).

Hangul eojeol are refined to syllables, so a changed ending is a change of its syllables; the
revisions made of these opcodes are ``diff``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from minutes_app.tracking.align import opcodes
from minutes_app.tracking.tokens import (
    common_prefix, common_suffix, inside_number, is_hangul, refine, tokenize,
)

Opcode = tuple[str, int, int, int, int]
_SPACE = re.compile(r"\s")


def _thin(tokens: list[str]) -> bool:
    """Only spaces or punctuation, at most two tokens: not worth splitting a change for."""
    return len(tokens) <= 2 and not any(ch.isalnum() for t in tokens for ch in t)


def _fold_thin_equals(ops: Sequence[Opcode], ta: list[str]) -> list[Opcode]:
    """Absorb a thin match between two changes into one replacement.

    ``two Sides`` → ``three parties`` is then one deletion and one insertion, not four.
    """
    out: list[Opcode] = []
    for op in ops:
        out.append(op)
        while (len(out) >= 3 and out[-1][0] != "equal" and out[-3][0] != "equal"
               and out[-2][0] == "equal" and _thin(ta[out[-2][1]:out[-2][2]])):
            c, _b, a = out.pop(), out.pop(), out.pop()
            out.append(("replace", a[1], c[2], a[3], c[4]))
    return out


def _word_start(text: str, other: str, i: int) -> int:
    """Back ``i`` up to the start of the word it falls in (tokens must not be cut).

    ``other`` shares ``text[:i]``; a space between digit groups ("1 000") in either text
    is inside a number, not between words.
    """
    while i > 0 and (not text[i - 1].isspace() or inside_number(text, i - 1)
                     or inside_number(other, i - 1)):
        i -= 1
    return i


def char_opcodes(old: str, new: str) -> list[Opcode]:
    """Character-range opcodes from a token diff, with Hangul eojeol refined to syllables.

    The unchanged beginning and end are cut off first at word boundaries: an edit usually
    touches a few words, and only those need tokenizing and aligning.
    """
    p, s = _cut(old, new)
    out: list[Opcode] = [("equal", 0, p, 0, p)] if p else []
    _middle_opcodes(old, new, p, len(old) - s, len(new) - s, out)
    if s:
        out.append(("equal", len(old) - s, len(old), len(new) - s, len(new)))
    return _merge_equals(out)


def _cut(old: str, new: str) -> tuple[int, int]:
    """The lengths of the unchanged beginning and end, each cut at a word boundary."""
    p = _word_start(old, new, common_prefix(old, new))
    s = common_suffix(old, new, min(len(old), len(new)) - p)
    while s and (not old[len(old) - s].isspace() or inside_number(old, len(old) - s)
                 or inside_number(new, len(new) - s)):  # keep the suffix to whole words too
        s -= 1
    return p, s


def _merge_equals(ops: list[Opcode]) -> list[Opcode]:
    out: list[Opcode] = []
    for op in ops:
        if out and op[0] == out[-1][0] == "equal":
            out[-1] = ("equal", out[-1][1], op[2], out[-1][3], op[4])
        elif op[1] != op[2] or op[3] != op[4]:
            out.append(op)
    return out


def _middle_opcodes(old: str, new: str, p: int, old_end: int, new_end: int,
                    out: list[Opcode]) -> None:
    """Opcodes for the changed middle ``old[p:old_end]`` → ``new[p:new_end]``, added to ``out``."""
    ta, tb = tokenize(old[p:old_end]), tokenize(new[p:new_end])
    oa, ob = _starts(ta, p), _starts(tb, p)  # where each token starts, in the text
    for tag, i1, i2, j1, j2 in _fold_thin_equals(opcodes(ta, tb), ta):
        if tag == "replace" and i2 - i1 == 1 == j2 - j1:
            a, b = ta[i1], tb[j1]
            if a[0] != b[0] and a[-1] != b[-1]:  # a word for a word, no end shared: kept whole
                out.append(("replace", oa[i1], oa[i2], ob[j1], ob[j2]))  # (as _trimmed would)
                continue
        if tag == "replace" and _pairable(ta[i1:i2], tb[j1:j2]):
            for k in range(i2 - i1):  # eojeol by eojeol, each refined to its syllables
                _refined(out, ta[i1 + k], tb[j1 + k], oa[i1 + k], ob[j1 + k])
            continue
        if tag == "replace":
            _trimmed(out, old, new, oa[i1], oa[i2], ob[j1], ob[j2])
            continue
        out.append((tag, oa[i1], oa[i2], ob[j1], ob[j2]))


def _starts(tokens: list[str], at: int) -> list[int]:
    """Where each token starts (and, last, where the last one ends), the first at ``at``."""
    out = [at]
    for t in tokens:
        at += len(t)
        out.append(at)
    return out


def _trimmed(out: list[Opcode], old: str, new: str, a1: int, a2: int, b1: int, b2: int) -> None:
    """A replacement less a shared Korean stem or ending (``확대`` → ``확대를 위한``)."""
    a, b = old[a1:a2], new[b1:b2]
    if a[0] != b[0] and a[-1] != b[-1]:  # nothing shared at either end (most replacements)
        out.append(("replace", a1, a2, b1, b2))
        return
    shorter = min(len(a), len(b))
    p = common_prefix(a, b)
    while p and not is_hangul(a[p - 1]):  # only a Hangul stem is kept whole
        p -= 1
    s = common_suffix(a, b, shorter - p)
    while s and not is_hangul(a[len(a) - s]):
        s -= 1
    if p:
        out.append(("equal", a1, a1 + p, b1, b1 + p))
    tag = "replace" if len(a) - p - s and len(b) - p - s else (
        "delete" if len(a) - p - s else "insert")
    out.append((tag, a1 + p, a2 - s, b1 + p, b2 - s))
    if s:
        out.append(("equal", a2 - s, a2, b2 - s, b2))


def _pairable(old: list[str], new: list[str]) -> bool:
    """Same shape, and every changed pair shares a Korean stem or ending."""
    if len(old) != len(new):
        return False
    # refine(a, b) has a common prefix or suffix only when both are Hangul and share a first
    # or a last letter: that cheap test first (most replaced words share neither)
    return all(a == b or (a.isspace() and b.isspace())
               or ((a[0] == b[0] or a[-1] == b[-1]) and any(refine(a, b)[::3]))
               for a, b in zip(old, new, strict=True))


def _refined(out: list[Opcode], a: str, b: str, a1: int, b1: int) -> None:
    """Opcodes for one token pair: equal, or the changed syllables between stem and ending."""
    if a == b:
        out.append(("equal", a1, a1 + len(a), b1, b1 + len(b)))
        return
    pre, old_mid, new_mid, suf = refine(a, b)
    p, s = len(pre), len(suf)
    if p:
        out.append(("equal", a1, a1 + p, b1, b1 + p))
    tag = "replace" if old_mid and new_mid else ("delete" if old_mid else "insert")
    out.append((tag, a1 + p, a1 + len(a) - s, b1 + p, b1 + len(b) - s))
    if s:
        out.append(("equal", a1 + len(a) - s, a1 + len(a), b1 + len(b) - s, b1 + len(b)))


def replaced_whole(a: str, b: str) -> bool:
    """True when ``char_opcodes(a, b)`` is the one replacement of ``a`` by ``b`` (``a != b``).

    No common first or last word, no token but spaces in common, no Korean stem to pair and
    no Hangul in a common prefix or suffix. Checking this costs a fraction of the diff.
    """
    if (a.isalpha() or a.isdecimal()) and (b.isalpha() or b.isdecimal()):
        # letters only or digits only: one token each, no need to tokenize
        return _one_word_whole(a, b)
    if (_SPACE.search(a) or _SPACE.search(b)) and _cut(a, b) != (0, 0):
        return False  # char_opcodes keeps a common first or last word apart
    ta, tb = tokenize(a), tokenize(b)
    if len(ta) == 1 == len(tb):
        return _one_word_whole(a, b)
    # Words in common would be matched; spaces alone never are (difflib's junk, see align)
    # unless they begin or end both.
    if (ta[0] == tb[0] or ta[-1] == tb[-1]
            or not all(t.isspace() for t in set(ta).intersection(tb)) or _pairable(ta, tb)):
        return False
    p = common_prefix(a, b)
    s = common_suffix(a, b, min(len(a), len(b)))
    return not (is_hangul(a[:p]) or is_hangul(a[len(a) - s:]))


def _one_word_whole(a: str, b: str) -> bool:
    """``replaced_whole`` for two different single words: whole unless they share a Hangul end
    (then they pair by their stem or ending)."""
    return not (a[0] == b[0] or a[-1] == b[-1]) or not (is_hangul(a) and is_hangul(b))
