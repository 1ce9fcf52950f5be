"""Tampered copies of a genuine signing original: its parts edited as text, as a forger would."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from tests.exports.clients import soffice

Parts = dict[str, bytes]
Edit = Callable[[Parts], None]
RUN = '<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def read_parts(docx: Path) -> Parts:
    """Every part of a DOCX by name."""
    with zipfile.ZipFile(docx) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def write_parts(parts: Parts, out: Path) -> Path:
    """A DOCX holding ``parts``."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


def tampered(docx: Path, out: Path, edit: Edit) -> Path:
    """``docx`` with ``edit`` applied to its parts."""
    parts = read_parts(docx)
    edit(parts)
    return write_parts(parts, out)


def paragraph_with(document: str, snippet: str) -> re.Match[str]:
    """The ``w:p`` of the main story that holds ``snippet``."""
    found = re.search(r"<w:p>(?:(?!</w:p>).)*?" + re.escape(snippet) + r"(?:(?!</w:p>).)*?</w:p>",
                      document, flags=re.S)
    assert found is not None, snippet
    return found


def edit_part(name: str, change: Callable[[str], str]) -> Edit:
    """An edit of one XML part as text; it must change the part."""
    def edit(parts: Parts) -> None:
        before = parts[name].decode()
        after = change(before)
        assert after != before, name
        parts[name] = after.encode()
    return edit


def in_paragraph(snippet: str, change: Callable[[str], str]) -> Edit:
    """An edit of the paragraph that holds ``snippet``."""
    def change_document(document: str) -> str:
        p = paragraph_with(document, snippet)
        return document[:p.start()] + change(p.group(0)) + document[p.end():]
    return edit_part("word/document.xml", change_document)


def append_run(snippet: str, text: str, rpr: str = "") -> Edit:
    """A run added at the end of the paragraph holding ``snippet``."""
    run = RUN.format(rpr=f"<w:rPr>{rpr}</w:rPr>" if rpr else "", text=text)
    return in_paragraph(snippet, lambda p: p.replace("</w:p>", run + "</w:p>"))


def restyle_runs(snippet: str, props: str) -> Edit:
    """``props`` added to every run of the paragraph holding ``snippet``."""
    return in_paragraph(snippet, lambda p: p.replace("<w:rPr>", "<w:rPr>" + props))


def add_styles(xml: str) -> Edit:
    """Styles added to ``styles.xml``."""
    return edit_part("word/styles.xml", lambda s: s.replace("</w:styles>", xml + "</w:styles>"))


def both(*edits: Edit) -> Edit:
    """Several edits in turn."""
    def edit(parts: Parts) -> None:
        for e in edits:
            e(parts)
    return edit


def convert(files: Iterable[Path], to: str, outdir: Path, profile: Path) -> None:
    """Many files converted by one LibreOffice run (its own profile)."""
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", to, "--outdir", str(outdir), *map(str, files)],
                   capture_output=True, timeout=600, check=False)
