"""Every finding of a fixed set of documents, as lines of text: the reference for speed work.

A change that makes the checks faster must leave what they find unchanged. Run this before and
after and compare the two files (``diff``): the demo in two and three languages, the
benchmark's distinct documents, the conformity corpus and the held-out set with each error
applied, in every pair of languages they are tested in.

    python bench/findings_dump.py OUT.txt
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

if __name__ == "__main__":  # ``python bench/findings_dump.py`` finds the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.checks import distinct_texts
from bench.synthetic import synthetic
from minutes_app.checks.conformity import clear_caches, findings
from minutes_app.model import Lang, Minutes
from minutes_app.workflows.templates import demo
from tests.checks.corpus import BASE, ERRORS, VARIANTS, Error
from tests.checks.corpus_docs import EN, KO, RU, document
from tests.checks.heldout import HELD_BASE, HELD_ERRORS, HELD_VARIANTS

PAIRS: tuple[list[Lang], ...] = ([KO, EN], [KO, RU], [EN, RU], [KO, RU, EN])


def _documents() -> Iterator[tuple[str, Minutes]]:
    yield "demo ko,en", demo()
    yield "demo ko,ru,en", demo(languages=[KO, RU, EN])
    for langs in ([KO, EN], [KO, RU, EN]):
        m = synthetic(600, languages=langs)
        distinct_texts(m)
        m.glossary, m.meeting = demo().glossary, demo().meeting
        yield f"distinct 600 {','.join(x.value for x in langs)}", m
    for name, base, errors, variants in (("corpus", BASE, ERRORS, VARIANTS),
                                         ("heldout", HELD_BASE, HELD_ERRORS, HELD_VARIANTS)):
        for i, error in enumerate(errors):
            for langs in PAIRS:
                if error.lang in langs:
                    yield f"{name} error {i} {_langs(langs)}", _with_error(base, error, langs)
        for i, variant in enumerate(variants):
            for langs in PAIRS:
                m, _pids, _sid = document(langs, [{x: variant.texts[x] for x in langs}])
                yield f"{name} variant {i} {_langs(langs)}", m


def _langs(langs: list[Lang]) -> str:
    return ",".join(x.value for x in langs)


def _with_error(base: dict[str, dict[Lang, str]], error: Error, langs: list[Lang]) -> Minutes:
    texts = dict(base[error.base])
    texts[error.lang] = texts[error.lang].replace(error.old, error.new, 1)
    m, _pids, _sid = document(langs, [{x: texts[x] for x in langs}])
    return m


def dump() -> Iterator[str]:
    """One line per finding of every document, each document's findings run twice."""
    for name, m in _documents():
        clear_caches()
        first = findings(m, include_dismissed=True)
        again = findings(m, include_dismissed=True)  # the cached run must say the same
        assert first == again, name
        yield f"# {name}: {len(first)}"
        for f in first:
            yield repr(tuple(f))


def main() -> None:
    """Write the dump to the file named on the command line (or print it)."""
    lines = "\n".join(dump()) + "\n"
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(lines, encoding="utf-8")
    else:
        sys.stdout.write(lines)


if __name__ == "__main__":
    main()
