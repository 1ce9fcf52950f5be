"""The fingerprint of the signed text: SHA-256 of each language's normalised final text.

Both originals carry the same words whatever the alternat does to their order, so both Sides
can compare fingerprints to check that they signed the same text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from minutes_app.model import Lang, Minutes

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, one space for any run of white space, no leading or trailing space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def final_text(m: Minutes, lang: Lang) -> str:
    """The text that is signed in ``lang``: headings and paragraphs with their numbers."""
    lines = []
    for section in m.sections:
        heading = normalise(section.heading.get(lang, ""))
        if heading:
            lines.append(heading)
        for p in section.paragraphs:
            number = m.number(p.id)
            prefix = f"{number}. " if number is not None else ""
            lines.append(prefix + normalise(p.text(lang)))
    return "\n".join(lines)


def fingerprint(m: Minutes, lang: Lang) -> str:
    """The SHA-256 (hex) of one language's final text."""
    return hashlib.sha256(final_text(m, lang).encode("utf-8")).hexdigest()


def fingerprints(m: Minutes) -> dict[Lang, str]:
    """Every language's fingerprint."""
    return {lang: fingerprint(m, lang) for lang in m.languages}
