"""The document every export starts from: A4, fonts for Hangul, properties, a stable save."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm

from minutes_app.docx_io import xml as wml
from minutes_app.docx_io.package import Edit, Edits, NewPart, Stream, rewrite
from minutes_app.docx_io.xml import Element, Fonts, qn
from minutes_app.model import Lang, Minutes
from minutes_app.outputs import check_output, write_atomically


def fonts_of(m: Minutes) -> Fonts:
    """The fonts configured in the document's settings."""
    return Fonts(m.settings.latin_font, m.settings.korean_font)


def new_document(m: Minutes, title: str, fonts: Fonts | None = None) -> DocxDocument:
    """A blank A4 document whose defaults give Hangul an East Asian font and ko-KR."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    _defaults(doc, fonts or fonts_of(m))
    _east_asian_spacing_off(doc)
    _zoom_with_percent(doc)
    day = dt.datetime.combine(m.meeting.last_day, dt.time(0, 0), tzinfo=dt.UTC)
    props = doc.core_properties
    props.title = title
    props.author = props.last_modified_by = "minutes_app"
    props.created = props.modified = day  # a stable file: no "now" anywhere
    props.last_printed = day
    props.revision = 1
    return doc


def _defaults(doc: DocxDocument, fonts: Fonts) -> None:
    """``w:docDefaults`` and the Normal style carry the fonts and the East Asian language."""
    styles = doc.styles.element
    rpr_default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    normal = wml.child(doc.styles["Normal"].element, "rPr", wml.STYLE_ORDER)
    for target in (rpr_default, normal):
        if target is None:
            continue
        for old in target.findall(qn("w:rFonts")) + target.findall(qn("w:lang")):
            target.remove(old)
        target.insert(0, wml.element(wml.rfonts(fonts)))
        wml.append(target, wml.lang_xml(Lang.EN))  # last, where the schema puts it


def _east_asian_spacing_off(doc: DocxDocument) -> None:
    """No automatic space between Hangul and digits or Latin letters ("제14차" stays as typed).

    ``w:autoSpaceDE``/``w:autoSpaceDN`` off in the document defaults' ``w:pPr``.
    """
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None  # python-docx's template has them
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = wml.append(defaults, "<w:pPrDefault/>")[0]
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = wml.append(ppr_default, "<w:pPr/>")[0]
    for name in ("autoSpaceDE", "autoSpaceDN"):
        wml.insert_ordered(ppr, wml.on_off(name, "0"), wml.PPR_ORDER)


def _zoom_with_percent(doc: DocxDocument) -> None:
    """``w:zoom`` requires ``w:percent``; python-docx's template omits it (Word's schema)."""
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def track_revisions_setting(doc: DocxDocument) -> None:
    """Turn on Track Changes for whoever opens the file (``w:trackRevisions`` in schema order)."""
    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is None:
        wml.insert_ordered(settings, wml.on_off("trackRevisions"), wml.SETTINGS_ORDER)


def header_line(text: str, fonts: Fonts, size_pt: float = 8, lang: Lang = Lang.EN) -> Edit:
    """An edit of a header (or footer) part: ``text`` as a run of its first paragraph."""
    def edit(root: Element) -> None:
        first = root.find(qn("w:p"))
        wml.append(first if first is not None else wml.append(root, "<w:p/>")[0],
                   wml.run(text, lang, fonts, size_pt=size_pt))
    return edit


def placeholder(doc: DocxDocument) -> None:
    """Mark where ``save_stable``'s ``stream`` goes: the body's end, before ``w:sectPr``."""
    doc.element.body[-1].addprevious(wml.element("<w:tbl/>"))


def save_stable(doc: DocxDocument, out: str | Path | IO[bytes], stream: Stream | None = None,
                edits: Edits | None = None, added: Sequence[NewPart] = ()) -> bytes:
    """Save with fixed zip times so the same document gives a byte-identical file.

    python-docx writes the package; ``package.rewrite`` copies it with fixed times, the parts
    of ``edits`` edited, ``added`` added and ``stream`` put in the body at the ``placeholder``.
    """
    saved = io.BytesIO()
    doc.save(saved)
    raw = io.BytesIO()
    rewrite(saved.getvalue(), raw, stream, edits, added)
    data = raw.getvalue()
    if isinstance(out, (str, Path)):
        check_output(out)
        write_atomically(out, data)  # a full disk must not leave a half-written copy behind
    else:
        out.write(data)
    return data
