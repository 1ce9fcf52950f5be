"""Sides and places of the signed text (a paragraph, a signature block, an annex) as the
interface names them, in the window and on the command line alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.errors import N_, Message
from minutes_app.i18n.catalog import _
from minutes_app.model import Minutes, Side

if TYPE_CHECKING:
    from minutes_app.tracking.revisions import Revision


_SIDES = {Side.KR: N_("Korean Side"), Side.RU: N_("Russian Side")}
MEETING_FIELDS = {
    "body": N_("Body name"),
    "body_alternat": N_("Body name, other Side first (for their original)"),
    "next_body": N_("Name from the next meeting"),
    "format": N_("Format"), "venue": N_("Venue"), "place": N_("Place of signature"),
    "name": N_("Name"), "title": N_("Title"), "organisation": N_("Organisation"),
    "side_name": N_("Name as a Side"), "delegation": N_("Name of the delegation"),
}


def side_label(side: Side | None) -> str:
    """A Side (or both, for a joint paragraph) as the interface names it."""
    if side is None:
        return _("Joint (both Sides)")
    return _(_SIDES[side])


def meeting_field(ident: str) -> Message:
    """A field of the meeting details as a finding names it: ``venue``, ``heads.KR.title``,
    ``parties.RU.delegation`` (the words of the meeting dialog, never the field's key)."""
    *owner, name = ident.split(".")
    field = Message(MEETING_FIELDS.get(name, name))
    if len(owner) != 2 or owner[1] not in Side.__members__:
        return field
    side = Message(_SIDES[Side[owner[1]]])
    if owner[0] == "heads":
        return Message(N_("the head of delegation of the {side}: {field}"),
                       {"side": side, "field": field})
    return Message(N_("{side}: {field}"), {"side": side, "field": field})


def annex_label(ident: str) -> str:
    """An annex as a finding names it (``3`` or ``3.1.2``, the annex first): its Roman number."""
    from minutes_app.model.annexes import roman

    first = ident.split(".")[0]
    return roman(int(first)) if first.isdigit() else first


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


_NOTES = (("Sent as ", N_("Sent as {name}")), ("Imported from ", N_("Imported from {name}")))


def note_label(note: str) -> str:
    """A round's note as the interface says it: the import writes its own notes in English
    (``Sent as FILE``, ``Imported from FILE``), kept as written in the file; a user's note
    is shown as typed."""
    for prefix, sentence in _NOTES:
        if note.startswith(prefix):
            return _(sentence).format(name=note[len(prefix):])
    return note
