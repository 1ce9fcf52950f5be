"""The document every export starts from: A4, fonts for Hangul, properties, a stable save."""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm
from lxml import etree

from minutes_app.docx_io import xml as wml
from minutes_app.docx_io.xml import Element, Fonts, qn
from minutes_app.model import Lang, Minutes

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


PLACEHOLDER = b"<w:tbl/>"  # where a streamed body goes in the serialised document part
Stream = Iterable[str]


# A part python-docx gives no API for (header and footer content, comment dates and
# threads, the font table), edited in the saved package: it gets the part's root and returns
# a new root, or None when it changed the root in place.
Edit = Callable[[Element], Element | None]
# the parts edited, by the type of their relationship from the main document ("header",
# "footer", "comments", "fontTable"): edits of a part run in turn
Edits = dict[str, list[Edit]]


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


class _StableZip:
    """The package's members written with fixed times (one compression level).

    The main document part can be written as a stream: its serialised skeleton cut at the
    placeholder, with the streamed markup in between, encoded chunk by chunk. A large table
    is never parsed into a tree nor held whole in memory.
    """

    def __init__(self, pkg_file: IO[bytes], stream: Stream | None = None) -> None:
        self.zip = zipfile.ZipFile(pkg_file, "w", zipfile.ZIP_DEFLATED, compresslevel=6)
        self.stream = stream

    def write(self, name: str, blob: bytes) -> None:
        """Add the member ``name``."""
        info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        if self.stream is None or name != "word/document.xml":
            self.zip.writestr(info, blob)
            return
        head, _, tail = blob.partition(PLACEHOLDER)
        with self.zip.open(info, "w") as dest:
            dest.write(head)
            batch: list[str] = []
            for chunk in self.stream:  # a few hundred rows per write: fewer calls into zlib
                batch.append(chunk)
                if len(batch) == 256:
                    dest.write("".join(batch).encode())
                    batch.clear()
            dest.write("".join(batch).encode())
            dest.write(tail)

    def close(self) -> None:
        """Finish the archive."""
        self.zip.close()


def _related(package: zipfile.ZipFile, kinds: Iterable[str]) -> dict[str, str]:
    """The member of each part the main document relates to by a relationship of ``kinds``."""
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    found = {}
    for rel in rels:
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if kind in kinds and rel.get("TargetMode") != "External":
            found[posixpath.normpath(posixpath.join("word", rel.get("Target") or ""))] = kind
    return found


def _edited(blob: bytes, edits: list[Edit]) -> bytes:
    root = etree.fromstring(blob)
    for edit in edits:
        new = edit(root)
        if new is not None:
            root = new
    # as python-docx serialises a part, so that an unchanged part stays byte for byte the same
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def save_stable(doc: DocxDocument, out: str | Path | IO[bytes], stream: Stream | None = None,
                edits: Edits | None = None) -> bytes:
    """Save with fixed zip times so the same document gives a byte-identical file.

    python-docx writes the package; its members are then copied with fixed times, the parts
    of ``edits`` edited and ``stream`` put in the body at the ``placeholder``.
    """
    saved = io.BytesIO()
    doc.save(saved)
    raw = io.BytesIO()
    phys = _StableZip(raw, stream)
    with zipfile.ZipFile(saved) as package:
        targets = _related(package, edits) if edits else {}
        for name in package.namelist():
            blob = package.read(name)
            if name in targets:
                blob = _edited(blob, (edits or {})[targets[name]])
            phys.write(name, blob)
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
