"""What a returned copy's paragraphs hold besides their text, said where it stands.

The reader notes it (``run_content``): hidden words, equations, pictures, symbols of a picture
font and readings set above words cannot be placed and are listed like every change that
cannot (``Unplaced``); words marked by formatting without Track Changes (struck through,
highlighted, coloured, shaded: how a Side proposes a deletion without tracking) are noted for
the user, the import goes on. Each is placed by the row's paragraph and language, or by the
header, footer, text box or note that holds it.
"""

from __future__ import annotations

from typing import NamedTuple

from minutes_app.docx_io.reader import ReadDocument
from minutes_app.docx_io.unplaced import Unplaced, location_message
from minutes_app.errors import Message
from minutes_app.i18n.messages import N_

_UNPLACED = ("hidden", "equation", "object", "symbol", "ruby")
_LOOKS = {"strike": N_("struck through"), "dstrike": N_("double struck through"),
          "highlight": N_("highlighted ({colour})"), "color": N_("coloured ({colour})"),
          "shd": N_("shaded ({colour})"), "hidden": N_("hidden")}
# Word's highlight colours (``w:highlight/@w:val``) as sentences name them
_COLOURS = {
    "yellow": N_("yellow"), "green": N_("bright green"), "cyan": N_("turquoise"),
    "magenta": N_("pink"), "blue": N_("blue"), "red": N_("red"), "darkBlue": N_("dark blue"),
    "darkCyan": N_("teal"), "darkGreen": N_("green"), "darkMagenta": N_("violet"),
    "darkRed": N_("dark red"), "darkYellow": N_("dark yellow"), "darkGray": N_("grey 50%"),
    "lightGray": N_("grey 25%"), "black": N_("black"), "white": N_("white")}


class FormatNote(NamedTuple):
    """Words marked by formatting without Track Changes: where, which words, which looks."""

    location: str
    text: str
    looks: str  # "strike highlight:yellow": the run properties, by ``run_content``

    def describe(self) -> Message:
        """The note as a line to show."""
        looks = []
        for look in self.looks.split():
            name, _sep, colour = look.partition(":")
            said = Message(_COLOURS[colour]) if colour in _COLOURS else colour
            looks.append(Message(_LOOKS.get(name, name), {"colour": said} if colour else {}))
        return Message(N_("Formatting without Track Changes ({location}): “{text}”, {looks}"),
                       {"location": location_message(self.location), "text": self.text,
                        "looks": looks})

    def to_json(self) -> dict[str, str]:
        """As the history records it."""
        return {"location": self.location, "text": self.text, "looks": self.looks}


def found_notes(doc: ReadDocument) -> tuple[list[Unplaced], list[FormatNote]]:
    """What cannot be placed, and the formatting notes, of every paragraph of the file: the
    body's (placed as "paragraph N" of the file) and those of its headers, footers, text
    boxes and notes (by their place, ``ReadDocument.places``). ``import_outside.PlaceNames``
    names the places in our rows as the window does."""
    found = [(f"paragraph {index}", rp) for index, rp in enumerate(doc.paragraphs)
             if rp.notes]
    found += [(doc.places.get(id(rp), scope), rp) for scope, paragraphs in doc.parts.items()
              for rp in paragraphs if rp.notes]
    unplaced: list[Unplaced] = []
    notes: list[FormatNote] = []
    for where, rp in found:
        for note in rp.notes:
            if note.kind in _UNPLACED:
                unplaced.append(Unplaced(note.kind, where, note.text))
            else:
                notes.append(FormatNote(where, note.text.strip(), note.detail))
    return unplaced, notes
