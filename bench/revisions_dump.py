"""Every revision of a fixed set of documents and edits: the reference for speed work on tracking.

``python -m bench.revisions_dump OUT`` writes, one line each: the character opcodes and the
track of ``diff`` for many (old, new) texts (the tracking bench's edits, realistic edits, the
random edits of the tests' strategies), every field of every revision of synthetic documents
at 500 and 5,000 paragraphs edited in two rounds, and the demo's revisions, blame and round
comparisons. A change that only makes tracking faster leaves the file byte-identical.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator

from bench.synthetic import synthetic
from bench.tracking import NOW, edited_copy
from minutes_app.model import Lang, Minutes, SetTrack, Side
from minutes_app.model.track import Author, current_text
from minutes_app.tracking.char_ops import char_opcodes
from minutes_app.tracking.compare import compare
from minutes_app.tracking.diff import diff, retrack
from minutes_app.tracking.provenance import blame
from minutes_app.tracking.revisions import all_revisions
from minutes_app.workflows.templates import demo

KR3 = Author(Side.KR, 3, "2020-12-16T10:00:00Z")
FILLERS = ["substantive", "joint", "실질적인", "공동의", "2022", "협력을", "협력의", "확대를 위한",
           "1 000", "Северо-Восточный", "сотрудничество", ",", "(", ")", "«", "»", "-", "."]
SENTENCES = ["The Sides noted the progress made.", "양측은 진전을 평가하였다.",
             "Стороны отметили достигнутый прогресс.", "(see Annex 2)", " 2021년 12월 18일"]


def realistic(text: str, rng: random.Random) -> str:
    """One edit a delegate makes: a word replaced or inserted, a sentence added, a clause or
    a word deleted, a particle changed, punctuation changed, or a few of these."""
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        words = text.split(" ")
        i = rng.randrange(len(words))
        what = rng.randrange(9)
        if what == 0:
            words[i] = rng.choice(FILLERS)
        elif what == 1:
            words.insert(i, rng.choice(FILLERS))
        elif what == 2:
            text = f"{text} {rng.choice(SENTENCES)}" if rng.random() < 0.7 else (
                f"{rng.choice(SENTENCES)} {text}")
            continue
        elif what == 3:  # a clause: up to a comma or some words
            j = min(len(words), i + rng.randint(2, 8))
            del words[i:j]
        elif what == 4 and len(words) > 1:
            del words[i]
        elif what == 5 and words[i]:  # a Korean particle or an English ending
            words[i] = words[i][:-1] + rng.choice(["의", "을", "s", "ed", "ы"])
        elif what == 6:
            words[i] = words[i] + rng.choice([",", ".", ";", ""])
        elif what == 7:  # a sentence in the middle
            words.insert(i, rng.choice(SENTENCES))
        else:
            words[i] = words[i].upper() if rng.random() < 0.5 else words[i][::-1]
        text = " ".join(words)
    return text


def strategy_pairs(count: int) -> list[tuple[str, str]]:
    """Edits drawn (derandomized) from the tests' hypothesis strategies."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.test_tracking import texts
    from tests.test_tracking_fast import PHRASE, WORD, edits

    out: list[tuple[str, str]] = []
    strategy = st.one_of(edits(), edits(), st.tuples(texts, texts),
                         st.tuples(st.one_of(WORD, PHRASE), st.one_of(WORD, PHRASE)))

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(pair: tuple[str, str]) -> None:
        out.append(pair)

    collect()
    return out


def _revision_lines(m: Minutes) -> Iterator[str]:
    for r in all_revisions(m):
        yield repr(tuple(r))


def _document(n: int, seed: int) -> Iterator[str]:
    """A synthetic document edited by the bench in round 2 and realistically in round 3."""
    m = synthetic(n, seed=seed)
    rng = random.Random(seed)
    edits = edited_copy(m, 0.05, seed=seed)
    for p in m.paragraphs():
        if rng.random() < 0.05:
            for lang in m.languages:
                edits[(p.id, lang)] = realistic(p.text(lang), rng)
    for (pid, lang), new in sorted(edits.items()):
        old = m.paragraph(pid).text(lang)
        if new != old:
            track = diff(old, new, Side.RU, 2, NOW)
            SetTrack(pid, lang, current_text(track), track).apply(m)
    yield f"document {n} {seed} round 2"
    yield from _revision_lines(m)
    for p in m.paragraphs():  # the other Side answers some of them
        for lang in m.languages:
            if rng.random() < 0.08:
                old_track = p.tracks.get(lang)
                if old_track:
                    new_track = retrack(old_track, realistic(p.text(lang), rng), KR3)
                    SetTrack(p.id, lang, current_text(new_track), new_track).apply(m)
    yield f"document {n} {seed} round 3"
    yield from _revision_lines(m)


def _pairs(seed: int) -> Iterator[tuple[str, str]]:
    m = synthetic(1000, seed=seed)
    rng = random.Random(seed)
    for (pid, lang), new in sorted(edited_copy(m, 0.2, seed=seed).items()):
        yield m.paragraph(pid).text(lang), new
    for p in m.paragraphs()[:600]:
        for lang in m.languages:
            yield p.text(lang), realistic(p.text(lang), rng)
    yield from strategy_pairs(4000)


def _demo(languages: list[Lang] | None) -> Iterator[str]:
    m = demo(languages=languages)
    yield f"demo {languages}"
    yield from _revision_lines(m)
    for lang in m.languages:
        for b in blame(m, lang):
            yield repr(b)
    rounds = len(m.rounds) + 1
    for older in range(1, rounds):
        for newer in range(older + 1, rounds + 1):
            yield repr(compare(m, older, None if newer == rounds else newer))


def dump() -> Iterator[str]:
    """Every line of the reference."""
    for old, new in _pairs(3):
        yield repr((old, new))
        yield repr(char_opcodes(old, new))
        track = diff(old, new, Side.RU, 2, NOW)
        yield repr(track)
        yield repr(retrack(track, realistic(new, random.Random(len(old))), KR3))
    for n, seed in ((500, 1), (500, 2), (5000, 1)):
        yield from _document(n, seed)
    for languages in (None, [Lang.KO, Lang.EN, Lang.RU], [Lang.KO, Lang.RU]):
        yield from _demo(languages)


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as fh:
        for line in dump():
            fh.write(line.replace("\n", "\\n") + "\n")
