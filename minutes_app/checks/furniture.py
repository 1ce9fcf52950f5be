"""What a signing original prints besides the signed text: the verification sheet, the footer.

The signing writer prints these lines through the functions here and ``verify`` accepts in an
original exactly these lines beyond the signed text, so the two cannot drift apart: any other
text in an original is a difference.
"""

from __future__ import annotations

import re

from minutes_app.checks.fingerprint import fingerprints, normalise
from minutes_app.i18n.names import title
from minutes_app.i18n.phrases import phrase
from minutes_app.model import Lang, Minutes, Side

# the footer's page number as printed ("- 3 -"); a DOCX holds the field's last result, or none
PAGE_NUMBER = re.compile(r"-\s*\d*\s*-")


def language_order(m: Minutes, copy_for: Side) -> list[Lang]:
    """The alternat: the copy's own Side's language first."""
    own = Lang.KO if copy_for is Side.KR else (Lang.RU if Lang.RU in m.languages else Lang.EN)
    return sorted(m.languages, key=lambda lang: (lang is not own, m.languages.index(lang)))


def sheet_title(m: Minutes, copy_for: Side) -> str:
    """The verification sheet's title line (the English title, or nothing)."""
    return title(m, Lang.EN, copy_for) if Lang.EN in m.languages else ""


def sheet_print(lang: Lang, digest: str) -> str:
    """One fingerprint line of the verification sheet."""
    return f"{lang.value.upper()}  SHA-256  {digest}"


def footer_prints(m: Minutes, copy_for: Side) -> str:
    """The fingerprints in the footer, when asked for, on one line."""
    prints = fingerprints(m)
    return "  ".join(f"{lang.value.upper()} SHA-256 {prints[lang]}"
                     for lang in language_order(m, copy_for))


def initials_boxes(copy_for: Side) -> str:
    """The footer's initials boxes, the copy's own Side first."""
    return "   ".join(f"{side.value}: ______" for side in (copy_for, copy_for.other))


def sheet_lines(m: Minutes, copy_for: Side) -> list[str]:
    """Every line of the verification sheet, as printed."""
    prints = fingerprints(m)
    out = []
    for lang in language_order(m, copy_for):
        out += [phrase("verification", lang), phrase("verification_note", lang)]
    out.append(sheet_title(m, copy_for))
    return out + [sheet_print(lang, prints[lang]) for lang in language_order(m, copy_for)]


def footer_lines(m: Minutes, copy_for: Side) -> list[str]:
    """The footer's lines beside the page number: fingerprints and initials boxes."""
    return [footer_prints(m, copy_for), initials_boxes(copy_for)]


def body_furniture(m: Minutes, copy_for: Side) -> set[str]:
    """The normalised lines an original's body may hold beside the signed text."""
    return {normalise(x) for x in sheet_lines(m, copy_for)}


def margin_allowed(m: Minutes, copy_for: Side, line: str) -> bool:
    """Whether a header or footer line (normalised) is one the export writes."""
    if not line or PAGE_NUMBER.fullmatch(line):
        return True
    return line in {normalise(x) for x in footer_lines(m, copy_for)}
