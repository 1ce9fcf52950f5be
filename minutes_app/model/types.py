"""Enumerations and small value types shared by the whole model."""

from __future__ import annotations

import enum
from collections.abc import Mapping


class Lang(enum.StrEnum):
    """A document language (content, not interface language)."""

    KO = "ko"
    EN = "en"
    RU = "ru"


class Side(enum.StrEnum):
    """A delegation, named by its country code."""

    KR = "KR"
    RU = "RU"

    @property
    def other(self) -> Side:
        """The opposite Side."""
        return Side.RU if self is Side.KR else Side.KR


class Status(enum.StrEnum):
    """Paragraph status; declaration order is the negotiation order."""

    DRAFT = "draft"
    PROPOSED = "proposed"
    BRACKETED = "bracketed"
    AGREED_AD_REF = "agreed_ad_ref"
    AGREED = "agreed"

    @property
    def rank(self) -> int:
        """Position in the order draft < proposed < bracketed < agreed_ad_ref < agreed."""
        return list(Status).index(self)


def parse_enum(kind: type[enum.Enum], value: str, what: str) -> enum.Enum:
    """Return ``kind(value)`` or raise a ValidationError naming the accepted values."""
    from minutes_app.errors import ValidationError

    try:
        return kind(value)
    except ValueError:
        accepted = ", ".join(str(m.value) for m in kind)
        raise ValidationError("Unknown {what} {value!r}; expected one of: {accepted}.",
                              what=what, value=value, accepted=accepted) from None


LangText = dict[Lang, str]
"""A user-visible string per language."""


def lang_text(values: Mapping[str, str] | None = None, **kw: str) -> LangText:
    """Build a LangText from a mapping of language codes (``{"ko": ..., "en": ...}``)."""
    merged = dict(values or {}, **kw)
    return {Lang(k): v for k, v in merged.items()}
