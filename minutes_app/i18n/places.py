"""Sides and places of the signed text (a paragraph, a signature block, an annex) as the
interface names them, in the window and on the command line alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.i18n.catalog import _
from minutes_app.model import Minutes, Side

if TYPE_CHECKING:
    from minutes_app.tracking.revisions import Revision


def side_label(side: Side | None) -> str:
    """A Side (or both, for a joint paragraph) as the interface names it."""
    if side is None:
        return _("Joint (both Sides)")
    return {Side.KR: _("Korean Side"), Side.RU: _("Russian Side")}[side]


def where_label(m: Minutes, key: str) -> str:
    """A line of the signed text (``p:17``, ``sig:KR:name``, ``annex:2:m:0``) as the user reads
    it."""
    from minutes_app.model.annexes import roman

    kind, _sep, rest = key.partition(":")
    if kind == "p":
        number = m.number(int(rest))
        return (_("paragraph {number}").format(number=number) if number is not None
                else _("a preamble paragraph"))
    if kind == "sig":
        return _("the signature block of the {side}").format(side=side_label(Side(rest[:2])))
    if kind == "annex":
        return _("Annex {number}").format(number=roman(int(rest.split(":")[0])))
    return {"h": _("a section heading"), "title": _("the title"), "dates": _("the date"),
            "closing": _("the closing formula"),
            "prevailing": _("the prevailing-text clause")}.get(kind, kind)


def kind_label(r: Revision) -> str:
    """A revision's kind as the interface names it."""
    if r.lang is None:
        return {"insert": _("Paragraph inserted"), "delete": _("Paragraph deleted"),
                "move": _("Paragraph moved")}[r.kind]
    if r.inside is not None:
        return _("Deletion inside an insertion")
    if r.heading:
        return _("Heading insertion") if r.kind == "insert" else _("Heading deletion")
    return _("Insertion") if r.kind == "insert" else _("Deletion")
