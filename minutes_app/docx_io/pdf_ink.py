"""Words of a PDF that print no ink a reader sees: white on the page, or too small to read.

pdftotext gives back every word a PDF draws, seen or not. The pages are rendered in grey
(pdftoppm) and each word's box looked at: a word whose box is all of one shade (white on
white, dark on a shading of its own colour), or whose box is less than a few points high, was
not seen by the signatories.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

DPI = 72  # one pixel a point: the box of a 9-pt letter holds pixels of its strokes
MIN_HEIGHT_PT = 4.0  # a 6-pt line's box is about 7 pt high; 1-pt text's about 1
CONTRAST = 48  # out of 255, between a word's strokes and what is behind them (as for a DOCX)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_MEANING = re.compile(r"\w")  # a lone dash or dot is no word to hide


def _tool(name: str) -> str | None:
    return shutil.which(name)


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (``P5``) image."""
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if fields is None:
        return 0, 0, b""
    return int(fields[1]), int(fields[2]), data[fields.end():]


def _inked(image: tuple[int, int, bytes], box: tuple[float, float, float, float]) -> bool:
    width, height, pixels = image
    x0, y0 = max(int(box[0]), 0), max(int(box[1]), 0)
    x1, y1 = min(int(box[2]) + 1, width), min(int(box[3]) + 1, height)
    if x1 <= x0 or y1 <= y0:
        return False
    rows = [pixels[y * width + x0:y * width + x1] for y in range(y0, y1)]
    return max(map(max, rows)) - min(map(min, rows)) >= CONTRAST


def unseen_words(path: Path) -> set[tuple[int, int]]:
    """(page, word) indexes of every word drawn unseen, the words counted in the order of
    ``pdftotext -raw``; none when the tools are missing."""
    text_tool, image_tool = _tool("pdftotext"), _tool("pdftoppm")
    if text_tool is None or image_tool is None:
        return set()
    boxes = subprocess.run([text_tool, "-raw", "-bbox", "-enc", "UTF-8", str(path), "-"],
                           capture_output=True, timeout=120, check=False)
    if boxes.returncode != 0:
        return set()
    pages = _PAGE.findall(boxes.stdout.decode("utf-8", "replace"))
    out = set()
    with tempfile.TemporaryDirectory(prefix="minutes-ink-") as tmp:
        done = subprocess.run([image_tool, "-gray", "-r", str(DPI), str(path),
                               str(Path(tmp) / "p")], capture_output=True, timeout=300,
                              check=False)
        images = sorted(Path(tmp).glob("p*.pgm"))
        if done.returncode != 0 or len(images) != len(pages):
            return set()
        for index, (page, image) in enumerate(zip(pages, images, strict=True)):
            picture = _pgm(image.read_bytes())
            for number, (x0, y0, x1, y1, word) in enumerate(_WORD.findall(page)):
                box = (float(x0), float(y0), float(x1), float(y1))
                if _MEANING.search(html.unescape(word)) and (box[3] - box[1] < MIN_HEIGHT_PT
                                                             or not _inked(picture, box)):
                    out.add((index, number))
    return out
