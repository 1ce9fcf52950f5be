"""Which runs of a DOCX a reader sees: run formatting resolved through the style chain.

A signing original must print every word it holds: a run hidden (``w:vanish``,
``w:specVanish``, ``w:webHidden``), coloured like what lies behind it, or too small to read is
text the signatories did not see. Its formatting is resolved as Word does: the document
defaults, the table's style, the paragraph style, the run style (each with its ``w:basedOn``
chain), then the run's own properties, each later one overriding what it sets.
"""

from __future__ import annotations

import re

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HIDING = (f"{W}vanish", f"{W}specVanish", f"{W}webHidden")
_WATCHED = (*_HIDING, f"{W}color", f"{W}sz", f"{W}w", f"{W}shd", f"{W}highlight")
_OFF = ("0", "false", "off")
MIN_HALF_POINTS = 12  # 6 pt: smaller text is not read, only seen as a line
MIN_SCALE = 33  # per cent of the width (w:w)
MIN_CONTRAST = 48  # per channel, out of 255, between the text's colour and what is behind it
_RGB = re.compile(r"[0-9A-Fa-f]{6}")
_THEME = {"background1": "FFFFFF", "light1": "FFFFFF", "text1": "000000", "dark1": "000000"}
_HIGHLIGHT = {"white": "FFFFFF", "black": "000000", "yellow": "FFFF00", "green": "00FF00",
              "cyan": "00FFFF", "magenta": "FF00FF", "blue": "0000FF", "red": "FF0000",
              "lightGray": "C0C0C0", "darkGray": "808080"}
_Props = dict[str, etree._Element]


def _rgb(value: str | None) -> tuple[int, int, int] | None:
    if value is None or not _RGB.fullmatch(value):
        return None
    return int(value[:2], 16), int(value[2:4], 16), int(value[4:], 16)


class Styles:
    """A document's styles, to resolve what a run looks like."""

    def __init__(self, styles: etree._Element | None, document: etree._Element) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self.defaults: etree._Element | None = None
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                sid = style.get(f"{W}styleId")
                if sid is not None:
                    self.by_id[sid] = style
                if style.get(f"{W}type") == "paragraph" and \
                        (style.get(f"{W}default") or "").lower() in ("1", "true", "on"):
                    self.default_paragraph = sid
            self.defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        background = document.find(f"{W}background")
        self.page = _rgb(background.get(f"{W}color")) if background is not None else None
        self._cache: dict[tuple[str | None, str | None, str | None], _Props] = {}

    def chain(self, sid: str | None) -> list[etree._Element]:
        """The style and those it is based on, the most basic first."""
        out: list[etree._Element] = []
        while sid is not None and sid in self.by_id and len(out) < 32:  # a loop ends too
            style = self.by_id[sid]
            if style in out:
                break
            out.append(style)
            based = style.find(f"{W}basedOn")
            sid = based.get(f"{W}val") if based is not None else None
        return out[::-1]

    def inherited(self, pstyle: str | None, rstyle: str | None, tstyle: str | None) -> _Props:
        """What a run's styles set (the watched properties), before its own: the defaults,
        its table's style, its paragraph's, its own, each with what it is based on."""
        key = (pstyle, rstyle, tstyle)
        if key not in self._cache:
            props: _Props = {}
            layers = [self.defaults] + [s.find(f"{W}rPr") for s in self.chain(tstyle)]
            layers += [s.find(f"{W}rPr") for s in self.chain(pstyle or self.default_paragraph)]
            layers += [s.find(f"{W}rPr") for s in self.chain(rstyle)]
            for rpr in layers:
                _apply(props, rpr)
            self._cache[key] = props
        return self._cache[key]

    def numbered(self, pstyle: str | None) -> bool:
        """Whether a paragraph style gives its paragraphs an automatic number."""
        num = None
        for style in self.chain(pstyle or self.default_paragraph):
            found = style.find(f"{W}pPr/{W}numPr/{W}numId")
            num = found if found is not None else num
        return num is not None and num.get(f"{W}val") not in (None, "0")

    def props(self, run: etree._Element, pstyle: str | None, tstyle: str | None) -> _Props:
        """A run's watched properties: its styles' (``inherited``), then its own."""
        rpr = run.find(f"{W}rPr")
        rstyle = rpr.find(f"{W}rStyle") if rpr is not None else None
        props = dict(self.inherited(pstyle, rstyle.get(f"{W}val") if rstyle is not None
                                    else None, tstyle))
        _apply(props, rpr)
        return props

    def vanished(self, run: etree._Element, pstyle: str | None, tstyle: str | None) -> bool:
        """Whether a run is hidden text (``w:vanish``, ``w:specVanish``), itself or by a style:
        what Word shows only with formatting marks on (web-hidden text it prints)."""
        return _hides(self.props(run, pstyle, tstyle), _HIDING[:2])

    def hidden(self, run: etree._Element, pstyle: str | None, tstyle: str | None,
               paragraph_fill: str | None) -> bool:
        """Whether a run's text is hidden, behind a colour like its own, or too small."""
        props = self.props(run, pstyle, tstyle)
        if _hides(props, _HIDING):
            return True
        if _number(props.get(f"{W}sz")) < MIN_HALF_POINTS or \
                _number(props.get(f"{W}w")) < MIN_SCALE:
            return True
        return self._blends(props, paragraph_fill)

    def _blends(self, props: _Props, paragraph_fill: str | None) -> bool:
        colour = props.get(f"{W}color")
        if colour is None:
            return False
        theme = colour.get(f"{W}themeColor")
        text = _rgb(_THEME.get(theme or "", colour.get(f"{W}val")))
        if text is None:  # "auto": Word picks a colour that contrasts
            return False
        shd, mark = props.get(f"{W}shd"), props.get(f"{W}highlight")
        # nearest first: a highlight is drawn over the run's shading, that over the
        # paragraph's or cell's, that over the page
        behind = ((_rgb(_HIGHLIGHT.get(mark.get(f"{W}val") or "")) if mark is not None
                   else None)
                  or (_rgb(shd.get(f"{W}fill")) if shd is not None else None)
                  or _rgb(paragraph_fill) or self.page or (255, 255, 255))
        return max(abs(a - b) for a, b in zip(text, behind, strict=True)) < MIN_CONTRAST


def _hides(props: _Props, tags: tuple[str, ...]) -> bool:
    return any(tag in props and (props[tag].get(f"{W}val") or "").lower() not in _OFF
               for tag in tags)


def _apply(props: _Props, rpr: etree._Element | None) -> None:
    if rpr is None:
        return
    for child in rpr:
        if child.tag in _WATCHED:
            props[child.tag] = child


def _number(element: etree._Element | None) -> float:
    if element is None:
        return float("inf")
    try:
        return float(element.get(f"{W}val") or "inf")
    except ValueError:
        return float("inf")
