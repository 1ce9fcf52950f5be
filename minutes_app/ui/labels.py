"""Interface names of the model's enums (translated at call time, so a switch is live)."""

from __future__ import annotations

from minutes_app.i18n import _
from minutes_app.i18n.places import lang_label as lang_label  # its home is the core
from minutes_app.i18n.places import side_label as side_label
from minutes_app.model import Lang, Minutes, Side, Status


def status_label(status: Status) -> str:
    """A status as the interface names it."""
    return {
        Status.DRAFT: _("Draft"),
        Status.PROPOSED: _("Proposed"),
        Status.BRACKETED: _("Bracketed"),
        Status.AGREED_AD_REF: _("Agreed ad referendum"),
        Status.AGREED: _("Agreed"),
    }[status]


def column_languages(m: Minutes) -> list[Lang]:
    """The document's languages with the user's own language first."""
    own = Lang.KO if m.own_side is Side.KR else (Lang.RU if Lang.RU in m.languages else Lang.EN)
    return sorted(m.languages, key=lambda lang: (lang is not own, m.languages.index(lang)))


def identity_text(side: Side, name: str) -> str:
    """"Korean Side — Kim Minji" (or the Side alone)."""
    return f"{side_label(side)} — {name}" if name else side_label(side)
