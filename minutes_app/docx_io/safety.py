"""Opening a DOCX someone else wrote: bounded sizes, no DTDs or entities, clear refusals.

The bounds follow what a document of minutes can hold: a 5,000-paragraph working copy (far
beyond any real meeting) has a ``document.xml`` of 10 to 14 MB with 240,000 to 300,000
elements (two or three languages).
Parts are read through a size cap whatever their zip header declares, elements are counted
before a tree is built, and DTDs are refused by the parser after decoding (UTF-16 too).
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

from minutes_app.errors import FileFormatError
from minutes_app.inputs import check_regular

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files are OLE containers
STRICT = "{http://purl.oclc.org/ooxml/"  # ISO 29500 Strict's namespaces (Word: Save As Strict)
ZIP_MAGIC = b"PK\x03\x04"  # a zip starts with its first entry's local header
MAX_MEMBERS = 2_000
MAX_TOTAL = 200 * 1024 * 1024  # every part together, as declared (images count here)
MAX_RATIO = 200
MAX_PART = {"word/document.xml": 40 * 1024 * 1024}  # 4× the 5,000-paragraph working copy
MAX_OTHER_PART = 8 * 1024 * 1024  # comments, styles: a few hundred KB in real files
MAX_ELEMENTS = 500_000  # 1.7× a trilingual 5,000-paragraph working copy (about 300,000)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                         huge_tree=False, remove_blank_text=False)
_ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}


def _refuse(code: str, name: str, **params: Any) -> FileFormatError:
    return FileFormatError(code=code, name=name, **params)


def _ole_kind(path: Path) -> str:
    """What an OLE (compound) file is, told by its streams' names (UTF-16 in its directory):
    a password-protected DOCX keeps its package in ``EncryptedPackage``; an old Word document
    has a ``WordDocument`` stream; anything else (an old Excel sheet, an Outlook message) is
    simply not a DOCX."""
    names = {"EncryptedPackage".encode("utf-16-le"): "docx_encrypted",
             "WordDocument".encode("utf-16-le"): "docx_old_word"}
    found: set[str] = set()
    tail = b""
    with path.open("rb") as fh:  # a chunk at a time (a name may straddle two: kept tail)
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            found.update(kind for name, kind in names.items() if name in data)
            tail = data[-32:]
    for kind in ("docx_encrypted", "docx_old_word"):  # a password first: it hides the rest
        if kind in found:
            return kind
    return "docx_not_docx"


def scale_limits(factor: int) -> None:
    """For benchmarks of scale only (20,000 paragraphs, far past real minutes): multiply the
    part and element caps. The application never calls this."""
    global MAX_ELEMENTS, MAX_TOTAL
    MAX_ELEMENTS *= factor
    MAX_TOTAL *= factor
    for part in MAX_PART:
        MAX_PART[part] *= factor


class DocxArchive:
    """The parts of a DOCX, checked before anything is parsed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        self.raw = b""  # the bytes of the part parsed last, for a reader's quick byte scans
        check_regular(path)  # a pipe would wait for ever, /dev/zero never end
        try:
            with path.open("rb") as fh:
                head = fh.read(8)
        except FileNotFoundError:
            raise FileFormatError(code="missing", name=str(path)) from None
        except IsADirectoryError:
            raise FileFormatError(code="folder", name=str(path)) from None
        if head.startswith(OLE_MAGIC):
            raise _refuse(_ole_kind(path), self.name)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            # a zip's first entry without the directory that ends every zip: cut off
            raise _refuse("docx_truncated" if head.startswith(ZIP_MAGIC) else "docx_not_docx",
                          self.name) from None
        try:
            self._check_sizes()
            if "word/document.xml" not in self._zip.namelist():
                raise _refuse("docx_not_word", self.name)
        except BaseException:
            self._zip.close()
            raise

    def _check_sizes(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _refuse("docx_too_many_parts", self.name, count=f"{len(infos):,}")
        seen: set[str] = set()
        for i in infos:  # two parts of one name: programs differ on which one they show
            if i.filename in seen:
                raise _refuse("docx_twice", self.name, part=i.filename)
            seen.add(i.filename)
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL:
            raise _refuse("docx_too_big_total", self.name, mib=f"{total // 2**20:,}")
        for i in infos:
            if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and \
                    i.file_size > 1024 * 1024:
                raise _refuse("docx_bomb", self.name, part=i.filename)
            cap = MAX_PART.get(i.filename, MAX_OTHER_PART)
            if i.filename.endswith(".xml") and i.file_size > cap:
                raise _refuse("docx_too_big", self.name, part=i.filename,
                              mib=f"{i.file_size // 2**20:,}")

    def _read(self, member: str) -> bytes | None:
        """A part's bytes, never more than its cap whatever the zip header declares."""
        try:
            info = self._zip.getinfo(member)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise _refuse("docx_encrypted", self.name)
        if info.compress_type not in _ZIP_METHODS:
            raise _refuse("docx_unsupported_zip", self.name, part=member)
        cap = MAX_PART.get(member, MAX_OTHER_PART)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(cap + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
                NotImplementedError, ValueError):
            raise _refuse("docx_damaged", self.name, part=member) from None
        if len(data) > cap:
            raise _refuse("docx_too_big", self.name, part=member, mib=f"> {cap // 2**20}")
        return data

    def xml(self, member: str) -> etree._Element | None:
        """A part parsed safely (None when absent); DTDs and entities are refused."""
        data = self._read(member)
        if data is None:
            return None
        if data.count(b"<") - data.count(b"</") > MAX_ELEMENTS:
            raise _refuse("docx_too_many_elements", self.name, part=member,
                          limit=f"{MAX_ELEMENTS:,}")
        try:
            root = etree.fromstring(data, PARSER)
            self.raw = data
        except etree.XMLSyntaxError:
            if _declares_dtd(data):
                raise _refuse("docx_dtd", self.name) from None
            raise _refuse("docx_damaged", self.name, part=member) from None
        except ValueError:  # e.g. an encoding declaration lxml cannot honour
            raise _refuse("docx_damaged", self.name, part=member) from None
        docinfo = root.getroottree().docinfo
        if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
            raise _refuse("docx_dtd", self.name)
        if isinstance(root.tag, str) and root.tag.startswith(STRICT):
            raise _refuse("docx_strict", self.name)  # its words would all be read as missing
        return root

    def close(self) -> None:
        """Release the file."""
        self._zip.close()


def _declares_dtd(data: bytes) -> bool:
    """A DTD in any encoding the parser met (it may fail before building the tree)."""
    for codec in ("utf-8", "utf-16", "utf-32"):
        try:
            text = data[:65536].decode(codec, errors="ignore")
        except LookupError:
            continue
        if "<!DOCTYPE" in text or "<!ENTITY" in text:
            return True
    return False
