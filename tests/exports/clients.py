"""Real clients that judge our DOCX files: pandoc (reader) and LibreOffice (renderer).

A missing client fails the test: CI installs them, and a skipped judge judges nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest


def pandoc_path() -> str:
    """A current pandoc (from pypandoc-binary), else one on PATH."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if not found:
            pytest.fail("pandoc is not installed (pip install pypandoc-binary)")
        return found


def pandoc_json(docx: Path, track: str = "all") -> dict[str, Any]:
    """pandoc's reading of ``docx`` as its JSON AST."""
    out = subprocess.run([pandoc_path(), f"--track-changes={track}", "-t", "json", str(docx)],
                         capture_output=True, text=True, timeout=120, check=True)
    return dict(json.loads(out.stdout))


def inline_text(node: Any) -> str:
    """The text of a pandoc AST fragment."""
    out: list[str] = []

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            t = x.get("t")
            if t == "Str":
                out.append(x["c"])
            elif t in ("Space", "SoftBreak"):
                out.append(" ")
            elif t == "LineBreak":
                out.append("\n")
            elif "c" in x:
                walk(x["c"])
        elif isinstance(x, list):
            for y in x:
                walk(y)

    walk(node)
    return "".join(out)


def spans(doc: dict[str, Any], classes: tuple[str, ...]) -> list[tuple[str, dict[str, str], str]]:
    """Every Span with one of ``classes``: (class, attributes, text)."""
    found: list[tuple[str, dict[str, str], str]] = []

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if x.get("t") == "Span":
                (_ident, cls, kv), content = x["c"]
                if cls and cls[0] in classes:
                    found.append((cls[0], dict(kv), inline_text(content)))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for y in x:
                walk(y)

    walk(doc)
    return found


def table_rows(doc: dict[str, Any]) -> list[list[str]]:
    """The body rows of every table, each as its cells' texts."""
    rows: list[list[str]] = []
    for block in doc["blocks"]:
        if block.get("t") != "Table":
            continue
        _attr, _caption, _specs, _head, bodies, _foot = block["c"]
        for body in bodies:
            for r in body[3]:
                rows.append([inline_text(c[4]) for c in r[1]])
    return rows


def soffice() -> str:
    """LibreOffice's executable."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice is not installed (Debian: libreoffice-writer-nogui)")
    return found


def to_pdf(docx: Path, outdir: Path) -> Path:
    """Render with LibreOffice headless, with a private profile; the PDF must exist."""
    profile = outdir / "lo-profile"
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   capture_output=True, timeout=180, check=False)
    pdf = outdir / (docx.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice produced no PDF for {docx.name}"
    return pdf


def pdf_text(pdf: Path) -> str:
    """``pdftotext`` of a PDF (poppler)."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is not installed (Debian: poppler-utils)")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_fonts(pdf: Path) -> str:
    """``pdffonts`` of a PDF."""
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                          check=True).stdout


def ink_depths(pdf: Path) -> list[float]:
    """How far down each page of ``pdf`` ink reaches, as a share of the page's height
    (pdftoppm's grey rendering; 0 for a blank page)."""
    import re
    import tempfile

    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is not installed (Debian: poppler-utils)")
    depths = []
    with tempfile.TemporaryDirectory(prefix="ink-") as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", "36", str(pdf), f"{tmp}/p"], check=True,
                       capture_output=True, timeout=180)
        for image in sorted(Path(tmp).glob("p*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
            data = image.read_bytes()
            head = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", data)
            assert head is not None, image
            width, height, pixels = int(head[1]), int(head[2]), data[head.end():]
            inked = [y for y in range(height) if min(pixels[y * width:(y + 1) * width]) < 160]
            depths.append((inked[-1] + 1) / height if inked else 0.0)
    return depths


def word_ink(pdf: Path, page: int) -> list[tuple[str, float]]:
    """Each word of page ``page`` (from 1) with how dark its box prints, 0 (white) to 1
    (black): pdftotext's word boxes over pdftoppm's grey rendering at 300 dpi."""
    import html
    import re
    import tempfile

    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is not installed (Debian: poppler-utils)")
    boxes = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf),
                            "-"], capture_output=True, text=True, check=True).stdout
    with tempfile.TemporaryDirectory(prefix="ink-") as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", "300", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), f"{tmp}/p"], check=True, capture_output=True)
        data = (Path(tmp) / "p.pgm").read_bytes()
    head = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", data)
    assert head is not None
    width, pixels, scale = int(head[1]), data[head.end():], 300 / 72
    out = []
    for *box, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                 r'yMax="([\d.]+)">([^<]*)</word>', boxes):
        x0, y0, x1, y1 = (round(float(v) * scale) for v in box)
        dark = sum(255 - v for y in range(y0, y1) for v in pixels[y * width + x0:y * width + x1])
        out.append((html.unescape(word), dark / max((x1 - x0) * (y1 - y0), 1) / 255))
    return out
