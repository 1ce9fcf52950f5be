"""Words of a PDF that print no ink a reader sees (white on the page, too small to read), and
ink that is no word (a picture, a drawing, a stamp, text drawn as shapes).

pdftotext gives back every word a PDF draws, seen or not. The pages are rendered in grey
(pdftoppm) and each word's box looked at: a word whose box is all of one shade (white on
white, dark on a shading of its own colour), or whose box is less than a few points high, was
not seen by the signatories. Ink outside every word's box was seen but is not text that
pdftotext can read, so it cannot be compared: our export prints none.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from minutes_app.errors import MinutesError

DPI = 72  # one pixel a point: the box of a 9-pt letter holds pixels of its strokes
MIN_HEIGHT_PT = 4.0  # a 6-pt line's box is about 7 pt high; 1-pt text's about 1
CONTRAST = 48  # out of 255, between a word's strokes and what is behind them (as for a DOCX)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
PAD = 2  # points around a word's box where its glyphs may still reach
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


def _stray(image: tuple[int, int, bytes], boxes: list[tuple[float, float, float, float]]
           ) -> int | None:
    """The first pixel row holding ink outside every word's box (a picture, a drawing, text
    drawn as shapes or stamped on: what pdftotext does not read), else None."""
    width, height, pixels = image
    blank = bytearray(pixels)
    for x0, y0, x1, y1 in boxes:  # a glyph may reach a little out of its box
        a, b = max(int(x0) - PAD, 0), max(int(y0) - PAD, 0)
        c, d = min(int(x1) + PAD + 1, width), min(int(y1) + PAD + 1, height)
        for y in range(b, d):
            blank[y * width + a:y * width + c] = b"\xff" * max(c - a, 0)
    paper = 255 - CONTRAST
    return next((y for y in range(height) if min(blank[y * width:(y + 1) * width]) < paper),
                None)


def _unreadable(path: Path) -> MinutesError:
    return MinutesError("The pages of {path_name} could not be drawn to check that every word "
                        "on them can be seen; it was not verified.", path_name=path.name)


def unseen_words(path: Path) -> set[tuple[int, int, str]]:
    """(page, word, kind) of every word drawn unseen (``hidden``) and of the word nearest to
    ink that is no word (``object``), the words counted in the order of ``pdftotext -raw``.

    A PDF whose pages cannot be looked at is refused, never passed as seen: a verdict of
    "the agreed text" must not hide white or tiny words it could not check.
    """
    text_tool, image_tool = _tool("pdftotext"), _tool("pdftoppm")
    if text_tool is None or image_tool is None:
        raise MinutesError("Verifying a PDF needs pdftotext and pdftoppm (Debian: "
                           "poppler-utils).")
    boxes = subprocess.run([text_tool, "-raw", "-bbox", "-enc", "UTF-8", str(path), "-"],
                           capture_output=True, timeout=120, check=False)
    if boxes.returncode != 0:
        raise _unreadable(path)
    pages = _PAGE.findall(boxes.stdout.decode("utf-8", "replace"))
    out = set()
    with tempfile.TemporaryDirectory(prefix="minutes-ink-") as tmp:
        done = subprocess.run([image_tool, "-gray", "-r", str(DPI), str(path),
                               str(Path(tmp) / "p")], capture_output=True, timeout=300,
                              check=False)
        images = sorted(Path(tmp).glob("p*.pgm"))
        if done.returncode != 0 or len(images) != len(pages):
            raise _unreadable(path)
        for index, (page, image) in enumerate(zip(pages, images, strict=True)):
            picture = _pgm(image.read_bytes())
            words = [((float(x0), float(y0), float(x1), float(y1)), html.unescape(word))
                     for x0, y0, x1, y1, word in _WORD.findall(page)]
            for number, (box, word) in enumerate(words):
                if _MEANING.search(word) and (box[3] - box[1] < MIN_HEIGHT_PT
                                              or not _inked(picture, box)):
                    out.add((index, number, "hidden"))
            row = _stray(picture, [box for box, _w in words])
            if row is not None:
                near = min(range(len(words)), default=0,
                           key=lambda n: abs((words[n][0][1] + words[n][0][3]) / 2 - row))
                out.add((index, near, "object"))
    return out
