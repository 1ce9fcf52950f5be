"""The language a working copy's column holds, from its header in Korean, English or Russian.

A returned copy's headers may have been rewritten by the other delegation ("Корейский",
"러시아어", "English text"), and its columns may be in another order than our document's.
"""

from __future__ import annotations

from minutes_app.model import Lang

# Lower-case words (Russian by stem, so every case form matches) naming each language.
HEADER_WORDS: dict[Lang, tuple[str, ...]] = {
    Lang.KO: ("한국어", "국문", "korean", "корейск"),
    Lang.EN: ("영어", "영문", "english", "английск"),
    Lang.RU: ("러시아어", "노문", "russian", "русск"),
}


def header_language(text: str) -> Lang | None:
    """The one language a header names ("한국어 Korean", "Русский"), else None."""
    lowered = text.lower()
    named = [lang for lang, words in HEADER_WORDS.items() if any(w in lowered for w in words)]
    return named[0] if len(named) == 1 else None
