"""What a returned file changed that an import cannot place: listed, never dropped in silence.

The import places rows of our table (paragraphs and headings). Anything else the other Side
changed — the title block, headers and footers, notes, text boxes, formatting, a table we did
not write, a comment outside our rows — is listed here by place and text; the import stops
until the user accepts the list, and what was accepted goes into the document's history.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from minutes_app.docx_io.part_places import HOLDERS, KINDS
from minutes_app.docx_io.reader import Elsewhere, ReadDocument, ReadParagraph
from minutes_app.errors import N_, Message, MinutesError, english
from minutes_app.i18n.places import lang_message
from minutes_app.model import Lang


# where an unplaced change was found, as the sentences name it
SCOPES = {
    "title": N_("Title block"), "body": N_("Below the table"), "header": N_("Header"),
    "footer": N_("Footer"), "footnote": N_("Footnote"), "endnote": N_("Endnote"),
    "textbox": N_("Text box"), "format": N_("Formatting change"),
    "table": N_("A table we did not write"), "comment": N_("Comment outside the rows"),
    "heading": N_("Heading of a section no longer here"), "column": N_("Number or status column"),
    "heading-removed": N_("Heading row removed"),
    "annex": N_("Annex row that cannot be placed"),
    "number": N_("Number column, not applied: the app numbers the paragraphs"),
    "status": N_("Status column, not applied: a status is decided in the app"),
    "language": N_("Column of a language the document no longer has"),
    "added-column": N_("A column the other Side added, not applied"),
    "merged": N_("Cells merged across columns, not applied: the text cannot be given to one "
                 "language"),
    "merged-rows": N_("Cells merged across rows, not applied: the text cannot be given to one "
                      "paragraph"),
    "header-row": N_("Header row of the table, not applied"),
    "alternate": N_("Alternative content (shown by some programs only), not applied"),
    "row-unread": N_("A row of a paragraph where the import cannot read it"),
    "bracket": N_("Brackets of theirs on words our later edits changed, not placed"),
    "cell-inserted": N_("A cell inserted in a table row, not applied"),
    "cell-deleted": N_("A cell deleted from a table row, not applied"),
    "heading-added": N_("Heading row they added, not applied: a section is added in the app "
                        "(the rows after it stay in the section before it)"),
    "section-moved": N_("Section moved in their copy, not applied: a section is moved in the "
                        "app"),
    "moved": N_("Row of a paragraph deleted and moved in their copy, not moved"),
    "languages-apart": N_("Moved in one language only (the order of the first language is "
                          "taken)"),
    "hidden": N_("Hidden text, not imported"),
    "equation": N_("Equation, not imported"),
    "object": N_("Picture or object, not imported"),
    "symbol": N_("Symbol of a symbol font that has no Unicode character (font, code), not "
                 "imported"),
    "ruby": N_("Reading set above the text (ruby), not imported: the text keeps the words "
               "below it"),
}

# what a formatting change changed (``Elsewhere.detail``: the properties' local names)
PROPERTIES = {
    "b": N_("bold"), "bCs": N_("bold"), "i": N_("italic"), "iCs": N_("italic"),
    "u": N_("underline"), "strike": N_("strikethrough"), "dstrike": N_("strikethrough"),
    "rFonts": N_("font"), "sz": N_("font size"), "szCs": N_("font size"),
    "color": N_("font colour"), "highlight": N_("highlighting"), "shd": N_("shading"),
    "vertAlign": N_("superscript or subscript"), "caps": N_("capitals"),
    "smallCaps": N_("capitals"), "vanish": N_("hidden text"), "lang": N_("proofing language"),
    "spacing": N_("spacing"), "jc": N_("alignment (justification)"), "ind": N_("indentation"),
    "numPr": N_("numbering"), "numberingChange": N_("numbering"),
    "pStyle": N_("style"), "rStyle": N_("style"), "tblStyle": N_("style"),
    "keepNext": N_("keeping with the next paragraph"), "keepLines": N_("keeping lines together"),
    "pBdr": N_("borders"), "tblBorders": N_("borders"), "tcBorders": N_("borders"),
    "tblW": N_("width"), "tcW": N_("width"), "gridCol": N_("width"),
    "tblGridChange": N_("column widths"), "trHeight": N_("row height"),
    "tblLayout": N_("table layout"), "tblInd": N_("indentation"),
    "vAlign": N_("vertical alignment"), "cellMerge": N_("cells merged"),
    "gridSpan": N_("cells merged"), "vMerge": N_("cells merged"), "hMerge": N_("cells merged"),
    "tblHeader": N_("header row repeated on each page"), "cantSplit": N_("row kept on one page"),
    "sectPrChange": N_("page layout"), "pgSz": N_("page layout"), "pgMar": N_("page layout"),
    "cols": N_("page layout"), "bidi": N_("text direction"), "textDirection": N_("text direction"),
}



# a header's or footer's place (``part_places``): within a sentence, and leading a line
PARTS = {
    "header": (N_("the header of section {n}"), N_("Header of section {n}")),
    "footer": (N_("the footer of section {n}"), N_("Footer of section {n}")),
    "first-page header": (N_("the first-page header of section {n}"),
                          N_("First-page header of section {n}")),
    "first-page footer": (N_("the first-page footer of section {n}"),
                          N_("First-page footer of section {n}")),
    "even-page header": (N_("the even-page header of section {n}"),
                         N_("Even-page header of section {n}")),
    "even-page footer": (N_("the even-page footer of section {n}"),
                         N_("Even-page footer of section {n}")),
}
assert set(PARTS) == set(KINDS)
# what holds a place of its own (``part_places.held``): "text box in paragraph 12, en"
_HELD = {"text box": N_("a text box in {place}"), "footnote": N_("a footnote in {place}"),
         "endnote": N_("an endnote in {place}")}
assert set(_HELD) == set(HOLDERS)

# a location as the importer records it ("table 2, paragraph 7"), and as sentences say it
_LOCATIONS = (
    # named by the import (``import_outside.PlaceNames``): our paragraph and its language
    (re.compile(r"paragraph (?P<number>\d+), (?P<language>ko|en|ru)"),
     N_("paragraph {number}, {language}")),
    (re.compile(r"the row of paragraph (?P<number>\d+)"), N_("the row of paragraph {number}")),
    (re.compile(r"heading “(?P<heading>.*)”, (?P<language>ko|en|ru)"),
     N_("the heading “{heading}”, {language}")),
    (re.compile(r"heading “(?P<heading>.*)”"), N_("the heading “{heading}”")),
    (re.compile(r"annex (?P<annex>\d+), part (?P<part>\d+)"), N_("Annex {annex}, part {part}")),
    (re.compile(r"annex (?P<annex>\d+), after part (?P<part>\d+)"),
     N_("Annex {annex}, after part {part}")),
    (re.compile(r"annex (?P<annex>\d+), heading"), N_("the heading of Annex {annex}")),
    (re.compile(r"row (?P<n>\d+), (?P<language>ko|en|ru)"),
     N_("row {n} of the table, {language}")),
    (re.compile(r"table (?P<table>\d+), paragraph (?P<n>\d+)"),
     N_("table {table}, paragraph {n} of the file")),
    (re.compile(r"table (?P<table>\d+), row (?P<n>\d+)"), N_("table {table}, row {n}")),
    (re.compile(r"heading of section (?P<n>\d+)"), N_("the heading of section {n}")),
    (re.compile(r"row after annex (?P<annex>\d+)"), N_("a row after annex {annex}")),
    (re.compile(r"section (?P<n>\d+)"), N_("section {n}")),
    (re.compile(r"row (?P<n>\d+)"), N_("row {n} of the table")),
    (re.compile(r"paragraph (?P<n>\d+)"), N_("paragraph {n} of the file")),
    (re.compile("header"), N_("a header")), (re.compile("footer"), N_("a footer")),
    (re.compile("footnote"), N_("a footnote")), (re.compile("endnote"), N_("an endnote")),
    *((re.compile(rf"{kind} of section (?P<n>\d+)"), said[0]) for kind, said in PARTS.items()),
    (re.compile(r"our table"), N_("the table of paragraphs")),
    (re.compile(r"table row"), N_("a row of a table")),
    (re.compile(r"table cell"), N_("a cell of a table")),
    (re.compile(r"table"), N_("a table")), (re.compile(r"section"), N_("the page layout")),
    (re.compile(r"body"), N_("the text of the file")),
)


def _param(name: str, value: str) -> object:
    if name == "language":
        return lang_message(Lang(value))
    if name == "annex":  # as the window numbers annexes
        from minutes_app.model.annexes import roman

        return roman(int(value))
    return value if name == "heading" else int(value)


def location_message(location: str) -> Message:
    """A recorded location as a message to translate; a part's file name stays as it is."""
    holder, sep, inner = location.partition(" in ")
    if sep and holder in _HELD:  # a text box, a note: said by the place that holds it
        return Message(_HELD[holder], {"place": location_message(inner)})
    for pattern, code in _LOCATIONS:
        if found := pattern.fullmatch(location):
            return Message(code, {k: _param(k, v) for k, v in found.groupdict().items()})
    return Message("{name}", {"name": location})


class Unplaced(NamedTuple):
    """One change the import cannot place: where (a code and its detail), what, by whom."""

    scope: str  # title | body | header | footer | footnote | endnote | textbox | format |
    # table | comment | heading | heading-removed | column | annex | number | status |
    # language | added-column | merged | merged-rows | header-row | alternate | row-unread |
    # bracket | cell-inserted | cell-deleted | heading-added | section-moved | moved |
    # languages-apart | hidden |
    # equation | object | symbol | ruby (``import_notes``)
    location: str
    text: str
    author: str = ""
    detail: str = ""  # a formatting change: what it changed ("b,jc", ``PROPERTIES``)

    def describe(self) -> Message:
        """The change as a line to show: where, and what."""
        scope = Message(SCOPES.get(self.scope, self.scope))
        if self.detail:  # a formatting change: what it changed, where
            what = [Message(c) for c in dict.fromkeys(
                PROPERTIES.get(d, N_("other formatting")) for d in self.detail.split(","))]
            if not self.text.strip() and self.location in ("section", "body"):  # the page
                return Message(N_("{scope}, {what}"), {"scope": scope, "what": what})
            return Message(N_("{scope}, {what} ({location}): “{text}”"), {
                "scope": scope, "what": what, "location": location_message(self.location),
                "text": self.text})
        if self.location == self.scope:  # a header, a footer: the scope says where
            return Message(N_("{scope}: “{text}”"), {"scope": scope, "text": self.text})
        kind, sep, n = self.location.partition(" of section ")
        if sep and kind.endswith(self.scope) and kind in PARTS and n.isdigit():
            # "Header of section 1: …": the place says the scope
            return Message(N_("{scope}: “{text}”"), {
                "scope": Message(PARTS[kind][1], {"n": int(n)}), "text": self.text})
        return Message(N_("{scope} ({location}): “{text}”"), {
            "scope": scope, "location": location_message(self.location), "text": self.text})

    def to_json(self) -> dict[str, str]:
        """As the history and ``--json`` record it."""
        return {"scope": self.scope, "location": self.location, "text": self.text,
                "author": self.author, **({"detail": self.detail} if self.detail else {})}


class UnplacedChangesError(MinutesError):
    """The returned file changed things the import cannot place; the user must accept them."""

    def __init__(self, unplaced: list[Unplaced]) -> None:
        super().__init__(N_("The returned file changed {n} thing(s) that cannot be placed in the "
                            "minutes (import with --accept-unplaced to take the rest and record "
                            "this list in the history):"), n=len(unplaced))
        self.details = [u.describe() for u in unplaced]
        self.message += "".join(f"\n- {english(d)}" for d in self.details)  # English, for logs
        self.unplaced = unplaced


def _author(rp: ReadParagraph) -> str:
    changes = [p.change for p in rp.pieces if p.change is not None]
    if rp.mark is not None:
        changes.append(rp.mark[1])
    return changes[-1].author if changes else ""


def _body(doc: ReadDocument, mains: set[int], expected: set[str], consumed: set[int]
          ) -> list[Unplaced]:
    """Body paragraphs (title block, after the table) and tables we did not write."""
    out = []
    seen_table = False
    for index, rp in enumerate(doc.paragraphs):
        if rp.table in mains or id(rp) in consumed:
            seen_table = True
            continue
        text = rp.text()
        if rp.table >= 0:
            if text.strip() or rp.changed:
                out.append(Unplaced("table", f"table {rp.table + 1}, paragraph {index}",
                                    text or rp.text(accept=False), _author(rp)))
        elif rp.changed or text.strip() not in expected:
            out.append(Unplaced("body" if seen_table else "title", f"paragraph {index}",
                                text or rp.text(accept=False), _author(rp)))
    return out


def _scope(e: Elsewhere) -> str:
    if e.scope == "cell":
        return "cell-inserted" if e.kind == "insert" else "cell-deleted"
    return e.scope


def _where(e: Elsewhere) -> str:
    """Where a change outside the text stands: a note or text box, or a formatting change
    or a cell, by the body paragraph it is in (``import_outside.PlaceNames`` names ours)."""
    if e.paragraph is None:
        return e.location
    if e.location in ("table row", "table"):
        return f"{e.location.split()[-1]} at paragraph {e.paragraph}"
    return f"paragraph {e.paragraph}"


def _elsewhere(doc: ReadDocument, expected: dict[str, set[str]]) -> list[Unplaced]:
    """Tracked changes outside the body, and untracked text we did not write there."""
    out = [Unplaced(_scope(e), _where(e), e.text, e.change.author, e.detail)
           for e in doc.elsewhere]
    for scope, paragraphs in doc.parts.items():
        ours = expected.get(scope, set()) | {""}
        for rp in paragraphs:  # their words, untracked (beside tracked changes too)
            if rp.text(accept=not rp.changed).strip() not in ours:
                out.append(Unplaced(scope, _part_place(doc, scope, rp),
                                    rp.text() or rp.text(accept=False)))
    return out


def _part_place(doc: ReadDocument, scope: str, rp: ReadParagraph) -> str:
    """Where a paragraph outside the body stands: a note by the paragraph citing it, a text
    box by the paragraph holding it, a header or footer by its section."""
    at = doc.notes_at.get(id(rp))
    if at is not None:
        return f"paragraph {at}"
    place = doc.places.get(id(rp), scope)
    return place.removeprefix("text box in ") if scope == "textbox" else place


def _comments(doc: ReadDocument, mains: set[int], consumed: set[int]) -> list[Unplaced]:
    out = []
    for index, rp in enumerate(doc.paragraphs):
        if rp.table in mains or id(rp) in consumed:
            continue
        for cid in rp.comment_ids:
            if cid in doc.comments:
                change, text = doc.comments[cid]
                out.append(Unplaced("comment", f"paragraph {index}", text, change.author))
    return out


def expected_outside(ours: ReadDocument) -> dict[str, set[str]]:
    """What our export writes outside its table, by scope ("body", "header", ...), read from
    a working copy of the same minutes without sections."""
    found: dict[str, set[str]] = {"body": {rp.text().strip() for rp in ours.paragraphs
                                           if rp.table < 0}}
    for scope, paragraphs in ours.parts.items():
        found[scope] = {rp.text().strip() for rp in paragraphs}
    return found


def find_unplaced(doc: ReadDocument, mains: set[int], expected: dict[str, set[str]],
                  consumed: set[int] = frozenset()) -> list[Unplaced]:  # type: ignore[assignment]
    """Everything outside the tables ``mains`` (our table, a split one's parts) and the
    ``consumed`` paragraphs (by ``id``: a consecutive copy's rows) that differs from what we
    wrote (``expected``), and text in alternative content wherever it stands."""
    alternates = [Unplaced("alternate", f"paragraph {index}", text)
                  for index, text in doc.alternates]
    alternates += [Unplaced("alternate", place, text) for place, text in doc.part_alternates]
    return (_body(doc, mains, expected.get("body", set()) | {""}, consumed)
            + _elsewhere(doc, expected) + _comments(doc, mains, consumed) + alternates)


__all__ = ["Unplaced", "UnplacedChangesError", "expected_outside", "find_unplaced"]
