"""The text of a signing original as written: DOCX through our reader, PDF through pdftotext.

``verify`` compares it with the agreed text; see ``checks.verify``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from minutes_app.docx_io.safety import DocxArchive
from minutes_app.docx_io.working import BOOKMARK_PREFIX, SECTION_PREFIX
from minutes_app.errors import MinutesError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# lines a PDF page adds that are not signed text: the page number, initials boxes, the
# fingerprints in the footer
_FOOTER = re.compile(r"^\s*(?:-\s*\d+\s*-|(?:KR|RU): _+.*|(?:[A-Z]{2} SHA-256 [0-9a-f]+\s*)+)\s*$")


def docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph of the main story in document order (table cells included)."""
    archive = DocxArchive(path)
    try:
        root = archive.xml("word/document.xml")
    finally:
        archive.close()
    if root is None:
        raise MinutesError("{path_name} has no document part; it is not a Word document.",
                           path_name=path.name)
    if any((b.get(f"{W}name") or "").startswith((BOOKMARK_PREFIX, SECTION_PREFIX))
           for b in root.iter(f"{W}bookmarkStart")):  # its rows carry our paragraphs' ids
        raise MinutesError(code="verify_working_copy", name=path.name)
    out = []
    for p in root.iter(f"{W}p"):
        parts = []
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            else:
                parts.append("\t" if node.tag == f"{W}tab" else "\n")
        out.append("".join(parts))
    return out


def pdf_lines(path: Path) -> list[str]:
    """The lines of a PDF in content order (``pdftotext -raw``), page furniture removed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise MinutesError("Verifying a PDF needs pdftotext (Debian: poppler-utils).")
    done = subprocess.run([tool, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          timeout=120, check=False)
    if done.returncode != 0:
        raise MinutesError("pdftotext could not read {path_name}; is it a PDF?",
                           path_name=path.name)
    text = done.stdout.decode("utf-8", "replace")
    return [line for line in text.replace("\f", "\n").splitlines() if not _FOOTER.match(line)]


def original_text(path: Path) -> tuple[str, bool]:
    """The original's text and whether white space in it is exact (DOCX) or not (PDF)."""
    from minutes_app.inputs import check_regular

    suffix = path.suffix.lower()
    if suffix == ".pdf":
        check_regular(path)  # pdftotext would wait for ever on a pipe
        return "\n".join(pdf_lines(path)), False
    if suffix == ".docx":
        return "\n".join(docx_paragraphs(path)), True
    raise MinutesError("{path_name}: verify reads a signing original as .docx or .pdf.",
                       path_name=path.name)
