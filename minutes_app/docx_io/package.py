"""The saved package, rewritten: fixed member times, a streamed body, parts python-docx has no
API for (edited or added).

python-docx saves the package (``Document.save``); every member is then copied into a zip of
our own with fixed times, so that the same document gives a byte-identical file.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterable, Sequence
from typing import IO, NamedTuple

from lxml import etree

from minutes_app.docx_io.xml import Element

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
PLACEHOLDER = b"<w:tbl/>"  # where a streamed body goes in the serialised document part
Stream = Iterable[str]
RELS = "word/_rels/document.xml.rels"
TYPES = "[Content_Types].xml"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

# A part python-docx gives no API for (header and footer content, comment dates and
# threads, the font table), edited in the saved package: it gets the part's root and returns
# a new root, or None when it changed the root in place.
Edit = Callable[[Element], Element | None]
# the parts edited, by the type of their relationship from the main document ("header",
# "footer", "comments", "fontTable"): edits of a part run in turn
Edits = dict[str, list[Edit]]




class NewPart(NamedTuple):
    """A part added to the saved package, related from the main document."""

    name: str  # its member, "word/commentsExtended.xml"
    content_type: str
    relationship: str  # the type of its relationship from the main document
    blob: bytes


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


def _member(target: str) -> str:
    return posixpath.normpath(posixpath.join("word", target))


def _related(rels: Element, kinds: Iterable[str]) -> dict[str, str]:
    """The member of each part the main document relates to by a relationship of ``kinds``."""
    found = {}
    for rel in rels:
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if kind in kinds and rel.get("TargetMode") != "External":
            found[_member(rel.get("Target") or "")] = kind
    return found


def _serialised(root: Element) -> bytes:
    # as python-docx serialises a part, so that an unchanged part stays byte for byte the same
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _edited(blob: bytes, edits: list[Edit]) -> bytes:
    root = etree.fromstring(blob)
    for edit in edits:
        new = edit(root)
        if new is not None:
            root = new
    return _serialised(root)


def _with_parts(package: zipfile.ZipFile, rels: Element, added: Sequence[NewPart]
                ) -> tuple[list[str], dict[str, bytes]]:
    """The members in order once ``added`` are in, and the blobs that are not the package's.

    Each goes where python-docx would write a part related last from the main document:
    after the part of its last relationship (and that part's relationships).
    """
    names = package.namelist()
    last = _member(rels[-1].get("Target") or "") if len(rels) else "word/document.xml"
    last_rels = posixpath.join(posixpath.dirname(last), "_rels", posixpath.basename(last) + ".rels")
    at = names.index(last_rels if last_rels in names else last) + 1
    types = etree.fromstring(package.read(TYPES))
    taken = {rel.get("Id") for rel in rels}
    for part in added:
        n = next(i for i in range(1, len(taken) + 2) if f"rId{i}" not in taken)
        taken.add(f"rId{n}")
        etree.SubElement(rels, f"{{{RELS_NS}}}Relationship", Id=f"rId{n}",
                         Type=part.relationship, Target=posixpath.relpath(part.name, "word"))
        override = etree.Element(f"{{{TYPES_NS}}}Override", PartName=f"/{part.name}",
                                 ContentType=part.content_type)
        later = [o for o in types.iterfind(f"{{{TYPES_NS}}}Override")  # sorted by name
                 if (o.get("PartName") or "") > f"/{part.name}"]
        if later:
            later[0].addprevious(override)
        else:
            types.append(override)
    names[at:at] = [part.name for part in added]
    blobs = {RELS: _serialised(rels), TYPES: _serialised(types)}
    return names, blobs | {part.name: part.blob for part in added}


def rewrite(saved: bytes, out: IO[bytes], stream: Stream | None = None,
            edits: Edits | None = None, added: Sequence[NewPart] = ()) -> None:
    """Copy the package ``saved`` into ``out``: fixed times, ``edits`` and ``added`` applied,
    ``stream`` in the body at the placeholder."""
    phys = _StableZip(out, stream)
    with zipfile.ZipFile(io.BytesIO(saved)) as package:
        rels = etree.fromstring(package.read(RELS))
        targets = _related(rels, edits) if edits else {}
        names, blobs = (_with_parts(package, rels, added) if added
                        else (package.namelist(), {}))
        for name in names:
            blob = blobs[name] if name in blobs else package.read(name)
            if name in targets:
                blob = _edited(blob, (edits or {})[targets[name]])
            phys.write(name, blob)
    phys.close()
