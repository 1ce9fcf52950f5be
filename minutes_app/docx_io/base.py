"""The document every export starts from: A4, fonts for Hangul, properties, a stable save."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc import pkgwriter
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from minutes_app.docx_io.xml import Fonts, el
from minutes_app.model import Minutes

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


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
    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    for target in (rpr_default, doc.styles["Normal"].element.get_or_add_rPr()):
        if target is None:
            continue
        for old in target.findall(qn("w:rFonts")) + target.findall(qn("w:lang")):
            target.remove(old)
        fonts_el = etree.Element(qn("w:rFonts"), {
            qn("w:ascii"): fonts.latin, qn("w:hAnsi"): fonts.latin,
            qn("w:eastAsia"): fonts.korean, qn("w:cs"): fonts.latin})
        target.insert(0, fonts_el)
        lang = el("w:lang", target, val="en-GB", eastAsia="ko-KR")
        del lang  # appended last, where the schema puts it


def _east_asian_spacing_off(doc: DocxDocument) -> None:
    """No automatic space between Hangul and digits or Latin letters ("제14차" stays as typed).

    ``w:autoSpaceDE``/``w:autoSpaceDN`` off in the document defaults' ``w:pPr``, before
    ``w:spacing`` where the schema puts them.
    """
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None  # python-docx's template has them
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = el("w:pPrDefault", defaults)
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr", ppr_default)
    later = ppr.find(qn("w:spacing"))
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):
        off = etree.Element(qn(name), {qn("w:val"): "0"})
        if later is not None:
            later.addprevious(off)
        else:
            ppr.append(off)


def _zoom_with_percent(doc: DocxDocument) -> None:
    """``w:zoom`` requires ``w:percent``; python-docx's template omits it (Word's schema)."""
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


def track_revisions_setting(doc: DocxDocument) -> None:
    """Turn on Track Changes for whoever opens the file (``w:trackRevisions`` in schema order)."""
    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    track = etree.Element(qn("w:trackRevisions"))
    anchor = settings.find(qn("w:defaultTabStop"))
    if anchor is not None:
        anchor.addprevious(track)
    else:
        settings.insert(0, track)


PLACEHOLDER = b"<w:tbl/>"  # where a streamed body goes in the serialised document part
Stream = Iterable[str]


def placeholder(doc: DocxDocument) -> None:
    """Mark where ``save_stable``'s ``stream`` goes: the body's end, before ``w:sectPr``."""
    doc.element.body[-1].addprevious(etree.Element(qn("w:tbl")))


class _StableZip:
    """python-docx's physical package writer, with fixed member times (one compression).

    The main document part can be written as a stream: its serialised skeleton cut at the
    placeholder, with the streamed markup in between, encoded chunk by chunk. A large table
    is never parsed into a tree nor held whole in memory.
    """

    def __init__(self, pkg_file: IO[bytes], stream: Stream | None = None) -> None:
        self._zip = zipfile.ZipFile(pkg_file, "w", zipfile.ZIP_DEFLATED, compresslevel=6)
        self._stream = stream

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        if self._stream is None or pack_uri.membername != "word/document.xml":
            self._zip.writestr(info, blob)
            return
        head, _, tail = blob.partition(PLACEHOLDER)
        with self._zip.open(info, "w") as dest:
            dest.write(head)
            batch: list[str] = []
            for chunk in self._stream:  # a few hundred rows per write: fewer calls into zlib
                batch.append(chunk)
                if len(batch) == 256:
                    dest.write("".join(batch).encode())
                    batch.clear()
            dest.write("".join(batch).encode())
            dest.write(tail)

    def close(self) -> None:
        self._zip.close()


def save_stable(doc: DocxDocument, out: str | Path | IO[bytes], stream: Stream | None = None
                ) -> bytes:
    """Save with fixed zip times so the same document gives a byte-identical file.

    ``stream`` is markup for the body at the ``placeholder`` (see ``_StableZip``).
    """
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    raw = io.BytesIO()
    phys = _StableZip(raw, stream)  # PackageWriter.write, with our zip writer instead of its own
    writer = pkgwriter.PackageWriter
    writer._write_content_types_stream(phys, package.parts)  # type: ignore[no-untyped-call]
    writer._write_pkg_rels(phys, package.rels)  # type: ignore[no-untyped-call]
    writer._write_parts(phys, package.parts)  # type: ignore[arg-type]
    phys.close()
    data = raw.getvalue()
    if isinstance(out, (str, Path)):
        tmp = Path(out).with_name(f".{Path(out).name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(out)
    else:
        out.write(data)
    return data
