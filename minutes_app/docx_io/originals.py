"""The text of a signing original as written: DOCX through our reader, PDF through pdftotext.

``verify`` compares it with the agreed text; see ``checks.verify``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

from minutes_app.docx_io.pdf_ink import unseen_words
from minutes_app.docx_io.safety import DocxArchive
from minutes_app.docx_io.story import MARGIN_TYPES, body_lines, part_lines, related
from minutes_app.docx_io.visible import W, Styles
from minutes_app.docx_io.working import BOOKMARK_PREFIX, SECTION_PREFIX
from minutes_app.errors import MinutesError

# lines a PDF page adds that are not signed text: the page number, initials boxes, the
# fingerprints in the footer
# (only these: any other text on a page is a difference verify reports)
_FOOTER = re.compile(r"^\s*(?:-\s*\d+\s*-|(?:KR|RU): _+(?:\s+(?:KR|RU): _+)*"
                     r"|(?:[A-Z]{2} SHA-256 [0-9a-f]+\s*)+)\s*$")


class Original(NamedTuple):
    """An original's text, and for a DOCX what it holds that the signed text must not."""

    text: str
    exact: bool  # white space as written (DOCX), or not kept (PDF)
    marks: tuple[tuple[int, str], ...] = ()  # (line of ``text``, kind): hidden text, ...
    margins: tuple[str, ...] = ()  # the lines of its headers and footers


def docx_original(path: Path) -> Original:
    """The text a reader sees in the main story, in document order (table cells included),
    with where it holds what a signing original never does, and its header and footer lines."""
    archive = DocxArchive(path)
    try:
        root = archive.xml("word/document.xml")
        if root is None:
            raise MinutesError("{path_name} has no document part; it is not a Word document.",
                               path_name=path.name)
        styles = Styles(archive.xml("word/styles.xml"), root)
        margins = tuple(line for part in related(archive, MARGIN_TYPES)
                        for line in part_lines(part))
    finally:
        archive.close()
    if any((b.get(f"{W}name") or "").startswith((BOOKMARK_PREFIX, SECTION_PREFIX))
           for b in root.iter(f"{W}bookmarkStart")):  # its rows carry our paragraphs' ids
        raise MinutesError(code="verify_working_copy", name=path.name)
    lines, marks = body_lines(root, styles)
    return Original("\n".join(lines), True, tuple(marks), margins)


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph a reader sees in the main story in document order."""
    return docx_original(path).text.split("\n")


def _pdf_pages(path: Path) -> list[list[str]]:
    """The lines of each page of a PDF in content order (``pdftotext -raw``)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise MinutesError("Verifying a PDF needs pdftotext (Debian: poppler-utils).")
    done = subprocess.run([tool, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          timeout=120, check=False)
    if done.returncode != 0:
        raise MinutesError("pdftotext could not read {path_name}; is it a PDF?",
                           path_name=path.name)
    return [page.splitlines() for page in done.stdout.decode("utf-8", "replace").split("\f")]


def pdf_lines(path: Path) -> list[str]:
    """The lines of a PDF in content order, page furniture removed."""
    return [line for page in _pdf_pages(path) for line in page if not _FOOTER.match(line)]


def pdf_original(path: Path) -> Original:
    """A PDF's text, page furniture removed, with the lines that draw words no one sees
    (white, or too small)."""
    pages = _pdf_pages(path)
    unseen = unseen_words(path)
    kept: list[str] = []
    marks = []
    for index, page in enumerate(pages):
        word = 0
        for line in page:
            count = len(line.split())
            marks += [(len(kept), kind) for kind in ("hidden", "object")
                      if any((index, n, kind) in unseen for n in range(word, word + count))]
            word += count
            if not _FOOTER.match(line):
                kept.append(line)
    return Original("\n".join(kept), False, tuple(dict.fromkeys(marks)))


def original_text(path: Path) -> Original:
    """The original's text and whether white space in it is exact (DOCX) or not (PDF)."""
    from minutes_app.inputs import check_regular

    suffix = path.suffix.lower()
    if suffix == ".pdf":
        check_regular(path)  # pdftotext would wait for ever on a pipe
        return pdf_original(path)
    if suffix == ".docx":
        return docx_original(path)
    raise MinutesError("{path_name}: verify reads a signing original as .docx or .pdf.",
                       path_name=path.name)
