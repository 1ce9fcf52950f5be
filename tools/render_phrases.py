"""Render the table of fixed phrases (minutes_app/i18n/phrases.py) to docs/fixed-phrases.md.

Run after changing a phrase; a test fails while the page and the table disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes_app.i18n.phrases import (  # noqa: E402
    LANGUAGE_NAMES, PHRASES, SIDE_PHRASES,
)
from minutes_app.model import Lang  # noqa: E402

OUT = ROOT / "docs" / "fixed-phrases.md"
LANGS = (Lang.KO, Lang.EN, Lang.RU)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    """The page as Markdown."""
    head = "| phrase | " + " | ".join(lang.value for lang in LANGS) + " |"
    rule = "| --- " * (len(LANGS) + 1) + "|"
    lines = [
        "# Fixed phrases of the signed text",
        "",
        "Every phrase the signing originals print that is not negotiated text, in every",
        "document language: one table for a reviewer (rendered from",
        "`minutes_app/i18n/phrases.py` by `python tools/render_phrases.py`; do not edit here).",
        "`{...}` is filled in from the document. Phrases naming a Side are written per Side,",
        "because Russian declines the name (\"За Российскую Сторону\").",
        "",
        "## Phrases", "", head, rule,
    ]
    for key, texts in PHRASES.items():
        lines.append(f"| `{key}` | " + " | ".join(_cell(texts[lang]) for lang in LANGS) + " |")
    lines += ["", "## Phrases naming a Side", "", head.replace("phrase", "phrase (Side)"), rule]
    for key, sides in SIDE_PHRASES.items():
        for side, texts in sides.items():
            lines.append(f"| `{key}` ({side.value}) | "
                         + " | ".join(_cell(texts[lang]) for lang in LANGS) + " |")
    lines += ["", "## Languages as each closing formula names them", "",
              "| in the formula of | " + " | ".join(lang.value for lang in LANGS) + " |", rule]
    for lang in LANGS:
        names = LANGUAGE_NAMES[lang]
        lines.append(f"| {lang.value} | " + " | ".join(names[x] for x in LANGS) + " |")
    lines += ["", "Russian language names are in the prepositional case (\"на корейском и "
              "английском языках\"); Korean joins the last two with 와/과 by the final "
              "consonant.", "",
              "What the document supplies in the case the phrase needs: in Russian the body's "
              "name follows \"заседания\" and is entered in the genitive (\"корейско-"
              "российского Подкомитета ...\"), the place follows \"в\" and is entered in the "
              "prepositional (\"Сеуле и Москве\").", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"Wrote {OUT.relative_to(ROOT)}")
