"""A returned working copy made from ours by editing its ``document.xml`` as Word would, and
the document read back without writing it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from lxml import etree

from minutes_app.model import Minutes
from minutes_app.store import MinutesFile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def read_only(path: Path) -> Minutes:
    """The document as it is on disk (opened read-only)."""
    f, m = MinutesFile.open(path, read_only=True)
    f.close()
    return m


def edit_docx(src: Path, dst: Path, change: Callable[[etree._Element], None] | None,
              styles: Callable[[etree._Element], None] | None = None,
              parts: Mapping[str, Callable[[etree._Element], None]] | None = None) -> None:
    """``dst``: ``src`` with ``change`` made to its main part (and ``styles`` to its styles
    part, each of ``parts`` to the part it names), every other part as it was. A footer
    named in ``parts`` that ``src`` lacks is added first, as Word adds one."""
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    edits = {"word/document.xml": change, "word/styles.xml": styles, **(parts or {})}
    if "word/footer1.xml" in edits and "word/footer1.xml" not in files:
        add_footer(files)
    for name, edit in edits.items():
        if edit is not None:
            root = etree.fromstring(files[name])
            edit(root)
            files[name] = etree.tostring(root)
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)


def add_footer(parts: dict[str, bytes]) -> None:
    """A footer as Word adds one (Insert > Footer): its part, relationship, content type and
    reference in the section's properties, holding one empty paragraph."""
    parts["word/footer1.xml"] = (f'<w:ftr xmlns:w="{W[1:-1]}"><w:p/></w:ftr>').encode()
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    etree.SubElement(rels, f"{PKG}Relationship", Id="rIdFooter1", Target="footer1.xml",
                     Type=f"{REL}/footer")
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels)
    types = etree.fromstring(parts["[Content_Types].xml"])
    etree.SubElement(types, f"{TYPES}Override", PartName="/word/footer1.xml", ContentType=(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"))
    parts["[Content_Types].xml"] = etree.tostring(types)
    root = etree.fromstring(parts["word/document.xml"])
    sect = root.find(f"{W}body/{W}sectPr")
    assert sect is not None
    ref = etree.Element(f"{W}footerReference", {f"{W}type": "default",
                                                 f"{{{REL}}}id": "rIdFooter1"})
    headers = sect.findall(f"{W}headerReference")
    sect.insert(sect.index(headers[-1]) + 1 if headers else 0, ref)
    parts["word/document.xml"] = etree.tostring(root)


def row_of(root: etree._Element, pid: int) -> etree._Element:
    """The table row of paragraph ``pid`` (its ``_mp_`` bookmark)."""
    return next(tr for tr in root.iter(f"{W}tr")
                if tr.find(f".//{W}bookmarkStart[@{W}name='_mp_{pid}']") is not None)
