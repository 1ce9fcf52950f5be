"""Opening a DOCX someone else wrote: bounded sizes, no DTDs or entities, clear refusals."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from minutes_app.errors import FileFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted Office files are OLE containers
MAX_MEMBERS = 2_000
MAX_TOTAL = 200 * 1024 * 1024
MAX_RATIO = 200
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                         huge_tree=False, remove_blank_text=False)


class DocxArchive:
    """The parts of a DOCX, checked before anything is parsed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = path.name
        try:
            head = path.read_bytes()[:8]
        except FileNotFoundError:
            raise FileFormatError("{path} does not exist.", path=path) from None
        if head.startswith(OLE_MAGIC):
            raise FileFormatError("{name} is password-protected (encrypted). Ask for a copy "
                                  "without a password, or remove it in Word first.", name=self.name)
        if not zipfile.is_zipfile(path):
            raise FileFormatError("{name} is not a DOCX file (not a Word document).",
                                  name=self.name)
        self._zip = zipfile.ZipFile(path)
        self._check_sizes()
        if "word/document.xml" not in self._zip.namelist():
            raise FileFormatError("{name} is a zip archive but not a Word document.",
                                  name=self.name)

    def _check_sizes(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise FileFormatError("{name} holds too many parts ({count_infos}).",
                                  name=self.name, count_infos=len(infos))
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL:
            raise FileFormatError("{name} unpacks to {mib} MiB, more than a document of minutes "
                                  "can be; refused.", name=self.name, mib=total // 2**20)
        for i in infos:
            if i.compress_size and i.file_size / i.compress_size > MAX_RATIO and \
                    i.file_size > 1024 * 1024:
                raise FileFormatError("{name} looks like a zip bomb ({member} compresses too "
                                      "well); refused.", name=self.name, member=i.filename)

    def xml(self, member: str) -> etree._Element | None:
        """A part parsed safely (None when absent); DTDs and entities are refused."""
        try:
            data = self._zip.read(member)
        except KeyError:
            return None
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise FileFormatError("{name} contains a DTD or entity declarations, which Word "
                                  "never writes; refused.", name=self.name)
        try:
            return etree.fromstring(data, PARSER)
        except etree.XMLSyntaxError as exc:
            raise FileFormatError("{name} is damaged ({member}: {exc}).",
                                  name=self.name, member=member, exc=exc) from None

    def close(self) -> None:
        """Release the file."""
        self._zip.close()
