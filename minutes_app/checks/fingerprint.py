"""The fingerprint of the signed text: SHA-256 of each language's normalised signed text.

The signed text of a language is every line its original prints (see ``signed_text``): title,
dates, headings, numbered paragraphs, closing formula, prevailing-text clause, signatories and
annexes. It is hashed as the original of the Side whose order the negotiated text uses prints
it, so both Sides' originals have the same fingerprints: the alternat changes where a pair is
named, not what was agreed. ``verify`` undoes the alternat line by line before comparing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from minutes_app.checks.signed_text import Line, signed_lines
from minutes_app.model import Lang, Minutes

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, one space for any run of white space (tabs and line breaks too), no outer space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def canonical_lines(m: Minutes, lang: Lang) -> list[Line]:
    """The lines that are hashed: the text-order Side's original, normalised."""
    return [Line(k, normalise(t)) for k, t in signed_lines(m, lang, m.meeting.text_order)]


def digest(lines: list[Line]) -> str:
    """SHA-256 (hex) of the lines joined by line feeds, UTF-8."""
    return hashlib.sha256("\n".join(t for _k, t in lines).encode("utf-8")).hexdigest()


def final_text(m: Minutes, lang: Lang) -> str:
    """The normalised signed text of ``lang`` as hashed."""
    return "\n".join(t for _k, t in canonical_lines(m, lang))


def fingerprint(m: Minutes, lang: Lang) -> str:
    """The SHA-256 (hex) of one language's signed text."""
    return digest(canonical_lines(m, lang))


def fingerprints(m: Minutes) -> dict[Lang, str]:
    """Every language's fingerprint."""
    return {lang: fingerprint(m, lang) for lang in m.languages}
