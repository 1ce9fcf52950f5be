"""Pending revisions drawn inline: insertions underlined, deletions struck, coloured by Side."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextLayout, QTextOption

from minutes_app.model import ParagraphMark, Status
from minutes_app.model.track import DELETE, INSERT, Seg, Track
from minutes_app.ui import style

MARK_GLYPHS = {"insert": "+¶", "delete": "−¶", "move": "↕¶"}


def whole_paragraph_track(text: str, mark: ParagraphMark | None) -> Track | None:
    """An inserted or deleted paragraph is drawn as one insertion or deletion."""
    if mark is None or mark.kind == "move" or not text:
        return None
    return (Seg(INSERT if mark.kind == "insert" else DELETE, text, mark.author),)


def _format(kind: str, colour: QColor, inside: QColor | None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(colour)
    if kind == INSERT:
        fmt.setFontUnderline(True)
    elif kind == DELETE:
        fmt.setFontStrikeOut(True)
        if inside is not None:  # deleted words of another Side's insertion keep its underline
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(inside)
    return fmt


def _formats(track: Track) -> list[QTextLayout.FormatRange]:
    ranges = []
    pos = 0
    for seg in track:
        if seg.kind in (INSERT, DELETE) and seg.author is not None:
            fr = QTextLayout.FormatRange()
            fr.start, fr.length = pos, len(seg.text)
            inside = style.SIDE_COLOURS[seg.origin.side] if seg.origin else None
            fr.format = _format(seg.kind, style.SIDE_COLOURS[seg.author.side], inside)
            ranges.append(fr)
        pos += len(seg.text)
    return ranges


def _spell_formats(spans: tuple[tuple[int, int], ...]) -> list[QTextLayout.FormatRange]:
    ranges = []
    for start, end in spans:
        fr = QTextLayout.FormatRange()
        fr.start, fr.length = start, end - start
        fr.format = QTextCharFormat()
        fr.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        fr.format.setUnderlineColor(QColor("#d00000"))
        ranges.append(fr)
    return ranges


@lru_cache(maxsize=256)
def spelling_layout(text: str, spans: tuple[tuple[int, int], ...], font: QFont, width: int
                    ) -> QTextLayout:
    """A laid-out plain text with its misspelt words underlined in red (visible cells)."""
    return _laid_out(text, _spell_formats(spans), font, width)


Shown = tuple[tuple[int, int, tuple[str, ...]], ...]  # bracket spans on screen, alternatives


def bracket_text(text: str, brackets: Shown) -> tuple[str, list[tuple[int, int, int]]]:
    """The text with each open bracket's delimiters and alternatives drawn in (never stored).

    Returns the shown text and what went in: (offset in ``text``, where shown, length).
    """
    inserts: list[tuple[int, int, str]] = []
    for start, end, alternatives in brackets:
        inserts.append((start, 1, "["))
        inserts.append((end, 0, "".join(f" / {a}" for a in alternatives) + "]"))
    inserts.sort()  # at one offset a bracket's end comes before the next one's start
    out, pos, placed, size = [], 0, [], 0
    for at, _order, piece in inserts:
        out.append(text[pos:at])
        size += at - pos
        placed.append((at, size, len(piece)))
        out.append(piece)
        size += len(piece)
        pos = at
    out.append(text[pos:])
    return "".join(out), placed


def _moved(formats: list[QTextLayout.FormatRange], placed: list[tuple[int, int, int]]
           ) -> list[QTextLayout.FormatRange]:
    """The formats of the text placed on the shown text, and the brackets' own."""
    def start(i: int) -> int:  # what was drawn in at i comes before the character at i
        return i + sum(n for x, _at, n in placed if x <= i)

    def end(i: int) -> int:
        return i + sum(n for x, _at, n in placed if x < i)

    out = []
    for fr in formats:
        moved = QTextLayout.FormatRange()
        moved.start = start(fr.start)
        moved.length = max(0, end(fr.start + fr.length) - moved.start)
        moved.format = fr.format
        out.append(moved)
    for _x, at, n in placed:
        fr = QTextLayout.FormatRange()
        fr.start, fr.length = at, n
        fr.format = QTextCharFormat()
        fr.format.setForeground(style.STATUS_COLOURS[Status.BRACKETED])
        fr.format.setFontWeight(QFont.Weight.Bold)
        out.append(fr)
    return out


@lru_cache(maxsize=256)
def bracket_layout(text: str, track: Track | None, brackets: Shown, font: QFont, width: int
                   ) -> QTextLayout:
    """A laid-out text with its open brackets drawn (and the track's changes, if any)."""
    shown, placed = bracket_text(text, brackets)
    return _laid_out(shown, _moved(_formats(track) if track else [], placed), font, width)


@lru_cache(maxsize=256)
def markup_layout(text: str, track: Track, font: QFont, width: int) -> QTextLayout:
    """A laid-out text with the track's changes formatted; cached for repaint and sizing."""
    return _laid_out(text, _formats(track), font, width)


def _laid_out(text: str, formats: list[QTextLayout.FormatRange], font: QFont, width: int
              ) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setFormats(formats)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout
