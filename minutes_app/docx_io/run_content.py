"""What a returned file's runs hold besides plain text, as the reader takes it in.

Word writes more than ``w:t`` inside a paragraph: symbols (``w:sym``), a phonetic guide over
the text (``w:ruby``), equations (``m:oMath``), pictures and objects, content controls showing
their placeholder, hidden text and formatting that marks words without Track Changes. What has
a character becomes text; what an import cannot place is noted on the paragraph
(``ReadParagraph.notes``) so that it is listed, never dropped in silence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

from minutes_app.docx_io.visible import Styles

if TYPE_CHECKING:
    from minutes_app.docx_io.reader import ReadParagraph, _State

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MATH = frozenset((f"{_M}oMath", f"{_M}oMathPara"))
_TEXTS = {f"{W}t", f"{W}delText"}
_CHARS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "\u2011",
          f"{W}ptab": "\t"}  # an absolute tab is a tab as the text knows it
_COMMENT_REF, _BR = f"{W}commentReference", f"{W}br"
_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_HOSTS = {f"{W}pict", f"{W}drawing", f"{W}object", _ALTERNATE}
_SYM, _RUBY = f"{W}sym", f"{W}ruby"
_SPECIAL = frozenset((_SYM, _RUBY))
_OFF = ("0", "false", "off")
_RPR, _T = f"{W}rPr", f"{W}t"


class Note(NamedTuple):
    """Something a paragraph holds that is not its text: ``kind`` is hidden | equation |
    object | symbol | ruby | format; ``detail`` says more (the formatting, the ruby's base)."""

    kind: str
    text: str
    detail: str = ""
    at: int = -1  # where in the paragraph's text (changes accepted) it stands


# Adobe's Symbol encoding (Unicode's SYMBOL.TXT), codes 0x20–0xFE to Unicode; the codes it
# gives only a private-use character (parts of big brackets, serif ®) have none here
_SYMBOL_PAIRS = (
    "20 0020 21 0021 22 2200 23 0023 24 2203 25 0025 26 0026 27 220B 28 0028 29 0029 2A 2217 "
    "2B 002B 2C 002C 2D 2212 2E 002E 2F 002F 30 0030 31 0031 32 0032 33 0033 34 0034 35 0035 "
    "36 0036 37 0037 38 0038 39 0039 3A 003A 3B 003B 3C 003C 3D 003D 3E 003E 3F 003F 40 2245 "
    "41 0391 42 0392 43 03A7 44 0394 45 0395 46 03A6 47 0393 48 0397 49 0399 4A 03D1 4B 039A "
    "4C 039B 4D 039C 4E 039D 4F 039F 50 03A0 51 0398 52 03A1 53 03A3 54 03A4 55 03A5 56 03C2 "
    "57 03A9 58 039E 59 03A8 5A 0396 5B 005B 5C 2234 5D 005D 5E 22A5 5F 005F 61 03B1 62 03B2 "
    "63 03C7 64 03B4 65 03B5 66 03C6 67 03B3 68 03B7 69 03B9 6A 03D5 6B 03BA 6C 03BB 6D 03BC "
    "6E 03BD 6F 03BF 70 03C0 71 03B8 72 03C1 73 03C3 74 03C4 75 03C5 76 03D6 77 03C9 78 03BE "
    "79 03C8 7A 03B6 7B 007B 7C 007C 7D 007D 7E 223C A0 20AC A1 03D2 A2 2032 A3 2264 A4 2044 "
    "A5 221E A6 0192 A7 2663 A8 2666 A9 2665 AA 2660 AB 2194 AC 2190 AD 2191 AE 2192 AF 2193 "
    "B0 00B0 B1 00B1 B2 2033 B3 2265 B4 00D7 B5 221D B6 2202 B7 2022 B8 00F7 B9 2260 BA 2261 "
    "BB 2248 BC 2026 BF 21B5 C0 2135 C1 2111 C2 211C C3 2118 C4 2297 C5 2295 C6 2205 C7 2229 "
    "C8 222A C9 2283 CA 2287 CB 2284 CC 2282 CD 2286 CE 2208 CF 2209 D0 2220 D1 2207 D5 220F "
    "D6 221A D7 22C5 D8 00AC D9 2227 DA 2228 DB 21D4 DC 21D0 DD 21D1 DE 21D2 DF 21D3 E0 25CA "
    "E1 2329 E5 2211 F1 232A F2 222B F3 2320 F5 2321").split()
SYMBOL = {int(a, 16): chr(int(b, 16)) for a, b in zip(_SYMBOL_PAIRS[::2], _SYMBOL_PAIRS[1::2],
                                                       strict=True)}
# fonts whose codes are their own glyphs, not Unicode: Symbol is mapped, the others are not
_SYMBOL_FONTS = ("symbol",)
_PICTURE_FONTS = ("wingdings", "webdings", "marlett", "mt extra", "zapf dingbats")


def symbol(sym: etree._Element) -> tuple[str, Note | None]:
    """A ``w:sym``'s character; a code no table maps (Wingdings) is noted instead."""
    font = (sym.get(f"{W}font") or "").strip()
    code = (sym.get(f"{W}char") or "").upper()
    try:
        value = int(code, 16)
    except ValueError:
        value = -1
    key = font.lower()
    if key in _SYMBOL_FONTS and (0xF020 <= value <= 0xF0FF or 0x20 <= value <= 0xFF):
        found = SYMBOL.get(value & 0xFF)
        if found:
            return found, None
    elif not key.startswith(_PICTURE_FONTS) and key not in _SYMBOL_FONTS \
            and 0 < value < 0x110000 and not 0xF000 <= value <= 0xF0FF and _text_char(value):
        return chr(value), None  # a font's own Unicode character
    return "", Note("symbol", f"{font} {code}".strip())


def _text_char(value: int) -> bool:
    """Whether a code point may stand in the minutes' text: no surrogate (it cannot be
    saved), control character (refused as text) or noncharacter."""
    import unicodedata

    category = unicodedata.category(chr(value))
    return category not in ("Cs", "Cc", "Co", "Cn") and (value & 0xFFFE) != 0xFFFE \
        and not 0xFDD0 <= value <= 0xFDEF


def ruby(element: etree._Element) -> tuple[str, Note | None]:
    """A phonetic guide: its base is the text; the reading above it is noted."""
    base = element.find(f"{W}rubyBase")
    reading = element.find(f"{W}rt")
    text = "".join(t.text or "" for t in base.iter(*_TEXTS)) if base is not None else ""
    over = "".join(t.text or "" for t in reading.iter(*_TEXTS)) if reading is not None else ""
    return text, (Note("ruby", over, text) if over.strip() else None)


def math_text(element: etree._Element) -> str:
    """An equation's characters, as a reader would spell them out."""
    return "".join(t.text or "" for t in element.iter(f"{_M}t", _T)) or "…"


def object_name(element: etree._Element) -> str:
    """A picture's or object's name as the file gives it (its description first)."""
    for found in element.iter("{*}docPr", "{*}cNvPr", "{*}shape", "{*}OLEObject"):
        for attr in ("descr", "title", "name", "alt", "ProgID"):
            if value := (found.get(attr) or "").strip():
                return value
    return element.tag.rsplit("}", 1)[-1]


def showing_placeholder(sdt: etree._Element) -> bool:
    """Whether a content control shows its placeholder, which no one typed."""
    flag = sdt.find(f"{W}sdtPr/{W}showingPlcHdr")
    return flag is not None and (flag.get(f"{W}val") or "true").lower() not in _OFF


# formatting our working copy never writes on a run's words: theirs, marking words untracked
_VANISH = (f"{W}vanish", f"{W}specVanish")
_FORMATS = (f"{W}strike", f"{W}dstrike", f"{W}highlight", f"{W}color", f"{W}shd")
_UNCOMMON = (*_VANISH, *_FORMATS[:3])  # names a tree of ours never holds
_PLAIN_COLOURS = ("auto", "000000", "00000a")  # 00000A: LibreOffice's automatic
_PLAIN_FILLS = ("auto", "ffffff", "")


# in a part's bytes, a run's colour or shading: ``w:color`` anywhere (ours writes it only as
# an attribute), ``w:shd`` closed with its ``w:rPr`` (ours shades cells: ``w:tcPr``); one
# pass over the bytes, where the tree's would visit every element
_MARKED_BYTES = re.compile(rb"<w:(?:color|shd[^>]*>(?:<w:[a-zA-Z]+[^>]*/>)*</w:rPr>)")


def _on_run(e: etree._Element) -> bool:
    """Whether a property is a run's own (not a paragraph mark's, a cell's, a style's)."""
    rpr = e.getparent()
    run = rpr.getparent() if rpr is not None else None
    return rpr is not None and rpr.tag == _RPR and run is not None and run.tag == f"{W}r"


def _on(e: etree._Element) -> bool:
    return (e.get(f"{W}val") or "true").lower() not in _OFF


def _format(e: etree._Element) -> str:
    """One run property as a word of the note ("" when it marks nothing)."""
    name = e.tag[len(W):]
    if name in ("strike", "dstrike"):
        return name if _on(e) else ""
    if name == "highlight":
        value = e.get(f"{W}val") or ""
        return f"highlight:{value}" if value and value != "none" else ""
    if name == "color":
        value = (e.get(f"{W}val") or "auto").lower()
        theme = e.get(f"{W}themeColor") or ""
        plain = value in _PLAIN_COLOURS and theme in ("", "text1", "dark1")
        return "" if plain else f"color:{theme or value.upper()}"
    fill = (e.get(f"{W}fill") or "").lower()
    pattern = (e.get(f"{W}val") or "clear").lower()
    return "" if fill in _PLAIN_FILLS and pattern in ("clear", "nil") else f"shd:{fill.upper()}"


class Looks:
    """How a document's runs look, where that matters to an import: hidden runs and
    formatting that marks words. ``None`` from ``for_document`` when nothing does."""

    def __init__(self, styles: Styles | None) -> None:
        self.styles = styles  # None: no style hides text, a run's own properties decide

    @classmethod
    def for_document(cls, root: etree._Element, styles_part: etree._Element | None,
                     raw: bytes = b"") -> Looks | None:
        """The looks to check, or None when no run is hidden or marked (the common case:
        none per run). lxml skips at once a tree that holds none of the names asked for;
        ours holds ``color`` (borders' attributes) and ``shd`` (cells' shading), which would
        make it walk every element, so those two are looked for in the part's ``raw`` bytes."""
        hiding = styles_part is not None and any(
            _on(e) for e in styles_part.iter(*_VANISH))
        bytes_say = raw.find(b"<w:body", 0, 65536) >= 0  # the prefix Word writes: bytes tell
        if bytes_say and _MARKED_BYTES.search(raw):
            tags: tuple[str, ...] = (*_VANISH, *_FORMATS)
        else:
            tags = _UNCOMMON if bytes_say else (*_VANISH, *_FORMATS)
        if not hiding and not any(_on_run(e) for e in root.iter(*tags)):
            return None
        return cls(Styles(styles_part, root) if hiding else None)

    def run(self, r: etree._Element, text: str, untracked: bool = False
            ) -> tuple[str, Note | None]:
        """The run's text as a reader sees it ("" when hidden), and the note to take.

        Hidden words outside tracked changes (``untracked``) are kept and noted as formatting:
        hiding is no deletion, and words of ours they hid must not read as deleted by them."""
        rpr = r.find(_RPR)
        if self.styles is not None:  # its paragraph's and table's styles count too
            hidden = self.styles.vanished(r, _style(r, f"{W}p", f"{W}pPr/{W}pStyle"),
                                          _style(r, f"{W}tbl", f"{W}tblPr/{W}tblStyle"))
        else:
            hidden = rpr is not None and any(_on(e) for e in rpr if e.tag in _VANISH)
        if hidden and untracked:
            return text, Note("format", text, "hidden") if text.strip() else None
        if hidden:
            return "", Note("hidden", text) if text.strip() else None
        marks = [m for e in rpr if e.tag in _FORMATS and (m := _format(e))] \
            if rpr is not None else []
        return text, Note("format", text, " ".join(marks)) if marks and text.strip() else None


def _style(r: etree._Element, holder: str, path: str) -> str | None:
    """The style of the paragraph or table holding a run."""
    found = next(r.iterancestors(holder), None)
    style = found.find(path) if found is not None else None
    return style.get(f"{W}val") if style is not None else None


def merged(notes: tuple[Note, ...]) -> tuple[Note, ...]:
    """Neighbouring notes of one kind and detail as one (words split over runs)."""
    out: list[Note] = []
    for n in notes:
        last = out[-1] if out else None
        if last is not None and last.kind == n.kind and last.detail == n.detail and \
                n.kind in ("format", "hidden") and \
                last.at + (len(last.text) if n.kind == "format" else 0) == n.at:
            out[-1] = last._replace(text=last.text + n.text)
        else:
            out.append(n)
    return tuple(out)


def _at(rp: ReadParagraph) -> int:
    """Where the paragraph's text (changes accepted) stands so far."""
    return sum(len(p.text) for p in rp.pieces if p.kind != "-")


def run_text(r: etree._Element, rp: ReadParagraph, st: _State, kind: str) -> str:
    """A run's text; its comment reference and any drawing (a text box) are noted, and so
    is what it holds that is no text (unless deleted: nothing of it is lost)."""
    out = []
    for c in r:
        tag = c.tag
        if tag in _TEXTS:
            out.append(c.text or "")
        elif tag in _CHARS:
            if tag == _BR and c.get(f"{W}type") in ("page", "column"):
                continue  # LibreOffice writes a page break before as one: it is no text
            out.append(_CHARS[tag])
        elif tag == _COMMENT_REF:  # a point comment has only its reference
            st.comment(rp, c.get(f"{W}id") or "", end=True)
        elif tag in _HOSTS:
            st.hosts.append((r, st.index))
            if tag != _ALTERNATE and kind != "-" and \
                    next(c.iter(f"{W}txbxContent"), None) is None:  # a text box is listed
                rp.notes += (Note("object", object_name(c), at=_at(rp)),)
        elif tag in _SPECIAL:
            text, note = symbol(c) if tag == _SYM else ruby(c)
            out.append(text)
            if note is not None and kind != "-":
                rp.notes += (note._replace(at=_at(rp)),)
    return "".join(out)


def looked(r: etree._Element, text: str, rp: ReadParagraph, st: _State,
           untracked: bool = False) -> str:
    """A run's text unless hidden in a tracked change; hidden or marked words noted where they
    stand."""
    assert st.looks is not None
    text, note = st.looks.run(r, text, untracked)
    if note is not None:
        rp.notes += (note._replace(at=_at(rp)),)
    return text
