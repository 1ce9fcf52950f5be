"""Which core modules run compiled (mypyc, built by setup.py), and whether that build is stale.

The list is here, in plain Python that is never compiled itself, so that the build, the tests and
the benchmarks read one list. A compiled module is the same source: ``pip install -e .`` compiles
it again after an edit, and until then :func:`stale` names it (the test suite refuses to run on a
stale build, so no test ever judges old code).
"""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

# The checks and the revisions spend their time in Python bookkeeping around many small hits; the
# same code compiled runs it in C (context.py too: its per-run tables are the Context's own
# attributes, not a WeakKeyDictionary keyed by it, as a compiled class has no weak
# references); spelling.py waits on Enchant, not on Python.
COMPILED: tuple[str, ...] = (
    "minutes_app.checks.annex_refs",
    "minutes_app.checks.by_lang",
    "minutes_app.checks.concepts",
    "minutes_app.checks.conformity",
    "minutes_app.checks.context",
    "minutes_app.checks.dates",
    "minutes_app.checks.details",
    "minutes_app.checks.finding",
    "minutes_app.checks.fingerprint",
    "minutes_app.checks.gazetteer",
    "minutes_app.checks.instruments",
    "minutes_app.checks.meaning",
    "minutes_app.checks.measures",
    "minutes_app.checks.memo",
    "minutes_app.checks.name_scan",
    "minutes_app.checks.names_found",
    "minutes_app.checks.neg_soft",
    "minutes_app.checks.negation",
    "minutes_app.checks.nm_pairs",
    "minutes_app.checks.nm_read",
    "minutes_app.checks.nm_slot",
    "minutes_app.checks.numbers",
    "minutes_app.checks.periods",
    "minutes_app.checks.places",
    "minutes_app.checks.roles",
    "minutes_app.checks.scan_values",
    "minutes_app.checks.stems",
    "minutes_app.checks.style",
    "minutes_app.checks.tokens",
    "minutes_app.checks.tr_bytes",
    "minutes_app.checks.tr_ids",
    "minutes_app.checks.tr_profile",
    "minutes_app.checks.tr_scan",
    "minutes_app.checks.translation",
    "minutes_app.checks.trie",
    "minutes_app.checks.val_idents",
    "minutes_app.checks.val_idioms",
    "minutes_app.checks.val_ko_words",
    "minutes_app.checks.val_quantity",
    "minutes_app.checks.val_ru_words",
    "minutes_app.checks.val_times",
    "minutes_app.checks.values",
    "minutes_app.checks.words",
    "minutes_app.tracking.align",
    "minutes_app.tracking.char_ops",
    "minutes_app.tracking.diff",
    "minutes_app.tracking.pieces",
    "minutes_app.tracking.revisions",
    "minutes_app.tracking.tokens",
)

_ROOT = Path(__file__).resolve().parent.parent


def _paths(module: str) -> tuple[Path, list[Path]]:
    """The module's source and the compiled files that would shadow it."""
    base = _ROOT.joinpath(*module.split("."))
    return base.with_suffix(".py"), [base.parent / (base.name + suffix)
                                     for suffix in importlib.machinery.EXTENSION_SUFFIXES]


def source(module: str) -> Path:
    """The source file of a listed module (what the build compiles)."""
    return _paths(module)[0]


def compiled() -> list[str]:
    """The listed modules that have a compiled file beside their source."""
    return [m for m in COMPILED if any(p.exists() for p in _paths(m)[1])]


def stale() -> list[str]:
    """Compiled modules whose source changed after the build (``pip install -e .`` rebuilds)."""
    out = []
    for module in COMPILED:
        src, built = _paths(module)
        for path in built:
            if path.exists() and path.stat().st_mtime < src.stat().st_mtime:
                out.append(module)
                break
    return out


def orphans() -> list[str]:
    """Compiled files under the package whose module is no longer in :data:`COMPILED`."""
    listed = {_ROOT.joinpath(*m.split(".")) for m in COMPILED}
    suffixes = sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True)
    out = []
    for path in (_ROOT / "minutes_app").rglob("*.so"):
        suffix = next(s for s in suffixes if path.name.endswith(s))
        if path.parent / path.name[: -len(suffix)] not in listed:
            out.append(str(path.relative_to(_ROOT)))
    return sorted(out)
