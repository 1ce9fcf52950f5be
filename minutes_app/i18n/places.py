"""Sides and places of the signed text (a paragraph, a signature block, an annex) as the
interface names them, in the window and on the command line alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.errors import N_, Message
from minutes_app.i18n.catalog import _, current_language
from minutes_app.model import Lang, Minutes, Side

if TYPE_CHECKING:
    from minutes_app.model.search import Match
    from minutes_app.tracking.revisions import Revision


_SIDES = {Side.KR: N_("Korean Side"), Side.RU: N_("Russian Side")}
LANGUAGES = {Lang.KO: N_("Korean"), Lang.EN: N_("English"), Lang.RU: N_("Russian")}
MEETING_FIELDS = {
    "body": N_("Body name"),
    "body_alternat": N_("Body name, other Side first (for their original)"),
    "next_body": N_("Name from the next meeting"),
    "format": N_("Format"), "venue": N_("Venue"), "place": N_("Place of signature"),
    "name": N_("Name"), "title": N_("Title"), "organisation": N_("Organisation"),
    "side_name": N_("Name as a Side"), "delegation": N_("Name of the delegation"),
    "ordinal": N_("Ordinal"), "dates": N_("Dates"),
}


def side_label(side: Side | None) -> str:
    """A Side (or both, for a joint paragraph) as the interface names it."""
    if side is None:
        return _("Joint (both Sides)")
    return _(_SIDES[side])


def lang_label(lang: Lang) -> str:
    """A document language as the interface names it ("Korean", "한국어")."""
    return _(LANGUAGES[lang])


def lang_message(lang: Lang) -> Message:
    """A document language as a message, said in the interface language when rendered."""
    return Message(LANGUAGES[lang])


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
    if kind == "margin":
        return _("text in a header or footer that the export does not print there")
    if kind == "moved":
        return _("{where}, out of its place").format(where=where_label(m, rest))
    if kind == "h":
        return _("the heading “{heading}”").format(heading=_heading(m, int(rest)))
    if kind in _MARK_KINDS:
        return _found(m, _MARK_KINDS[kind](), rest)
    if kind == "p":
        number = m.number(int(rest))
        return (_("paragraph {number}").format(number=number) if number is not None
                else _("a preamble paragraph"))
    if kind == "sig":
        return _("the signature block of the {side}").format(side=side_label(Side(rest[:2])))
    if kind == "annex":
        return _("Annex {number}").format(number=roman(int(rest.split(":")[0])))
    return {"title": _("the title"), "dates": _("the date"),
            "closing": _("the closing formula"),
            "prevailing": _("the prevailing-text clause")}.get(kind, kind)


def match_label(m: Minutes, hit: Match) -> str:
    """Where a Find match is, as the user looks for it: ``paragraph 3``, ``the title``,
    ``Annex II, paragraph 3``, ``Annex I (delegation list), member 2: Title``, ``the meeting
    details (Venue)``."""
    from minutes_app.i18n.messages import render
    from minutes_app.model.annexes import roman
    from minutes_app.model.search import ANNEX, DETAILS, MEETING, MEMBER, TITLE

    if hit.place == MEETING:
        return _("the meeting details ({field})").format(
            field=render(meeting_field(DETAILS[hit.pid])))
    if hit.place == TITLE:
        if not hit.pid:
            return _("the title")
        other = next(side for side in Side if side is not m.meeting.text_order)
        return _("the title in the original of the {side}").format(side=side_label(other))
    number = roman(hit.pid + 1)
    if hit.place == ANNEX:
        return (_("Annex {number}, heading").format(number=number) if not hit.part else
                _("Annex {number}, paragraph {k}").format(number=number, k=hit.part))
    if hit.place == MEMBER:
        member, field = divmod(hit.part, 3)
        name = ("name", "title", "organisation")[field]
        return _("Annex {number} (delegation list), member {k}: {field}").format(
            number=number, k=member + 1, field=_(MEETING_FIELDS[name]))
    return where_label(m, f"{'h' if hit.heading else 'p'}:{hit.pid}")


# what ``verify`` finds in an original that is not the agreed text, by kind (``extra:after:p:3``)
_MARK_KINDS = {
    "extra": lambda: _("text that is not in the agreed text"),
    "hidden": lambda: _("hidden text (hidden, coloured like the page or too small to read)"),
    "tracked": lambda: _("a tracked change"),
    "field": lambda: _("a field (its printed result can change)"),
    "object": lambda: _("a picture, drawing or text box"),
    "note": lambda: _("a footnote or endnote"),
    "comment": lambda: _("a comment"),
    "numbering": lambda: _("automatic numbering"),
    "chunk": lambda: _("a part imported whole (altChunk)"),
}


def _found(m: Minutes, what: str, rest: str) -> str:
    """``what`` in or after the line ``rest`` names (``in:p:3``), or before the first line."""
    relation, _sep, line = rest.partition(":")
    if relation == "start":
        return _("{what}, before the title").format(what=what)
    where = where_label(m, line)
    return (_("{what} in {where}") if relation == "in" else _("{what} after {where}")).format(
        what=what, where=where)


def _heading(m: Minutes, section_id: int) -> str:
    """A section's heading in the interface's language when the document has it, shortened."""
    section = next((s for s in m.sections if s.id == section_id), None)
    if section is None:
        return "?"
    ui = next((lang for lang in m.languages if lang.value == current_language()), None)
    text = section.heading.get(ui or m.languages[0], "") or next(
        (section.heading.get(lang, "") for lang in m.languages if section.heading.get(lang)), "")
    return text if len(text) <= 40 else text[:39] + "…"


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
