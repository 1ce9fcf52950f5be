"""The document every export starts from: A4, fonts for Hangul, properties, a stable save."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
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


def new_document(m: Minutes, title: str) -> DocxDocument:
    """A blank A4 document whose defaults give Hangul an East Asian font and ko-KR."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    _defaults(doc, fonts_of(m))
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


class _StableZip:
    """python-docx's physical package writer, with fixed member times (one compression)."""

    def __init__(self, pkg_file: IO[bytes]) -> None:
        self._zip = zipfile.ZipFile(pkg_file, "w", zipfile.ZIP_DEFLATED, compresslevel=6)

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def close(self) -> None:
        self._zip.close()


def save_stable(doc: DocxDocument, out: str | Path | IO[bytes]) -> bytes:
    """Save with fixed zip times so the same document gives a byte-identical file."""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    raw = io.BytesIO()
    phys = _StableZip(raw)  # PackageWriter.write, with our zip writer instead of its own
    writer = pkgwriter.PackageWriter
    writer._write_content_types_stream(phys, package.parts)  # type: ignore[no-untyped-call]
    writer._write_pkg_rels(phys, package.rels)  # type: ignore[no-untyped-call]
    writer._write_parts(phys, package.parts)  # type: ignore[arg-type]
    phys.close()
    data = raw.getvalue()
    if isinstance(out, (str, Path)):
        tmp = Path(out).with_name(f".{Path(out).name}.tmp")
        try:
            tmp.write_bytes(data)
            tmp.replace(out)
        except BaseException:  # a full disk must not leave a half-written copy behind
            tmp.unlink(missing_ok=True)
            raise
    else:
        out.write(data)
    return data
