"""Colours, glyphs and fonts: calm, readable, and safe for colour-blind readers.

Status colours come from the Okabe-Ito palette and each status also has its own glyph, so
colour is never the only signal.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QTreeView

from minutes_app.model import Side, Status
from minutes_app.resources import resource

STATUS_COLOURS = {
    Status.DRAFT: QColor("#7a7a7a"),
    Status.PROPOSED: QColor("#e69f00"),
    Status.BRACKETED: QColor("#d55e00"),
    Status.AGREED_AD_REF: QColor("#56b4e9"),
    Status.AGREED: QColor("#009e73"),
}
STATUS_GLYPHS = {
    Status.DRAFT: "○",
    Status.PROPOSED: "◔",
    Status.BRACKETED: "[ ]",
    Status.AGREED_AD_REF: "◑",
    Status.AGREED: "●",
}
SIDE_COLOURS = {Side.KR: QColor("#0072b2"), Side.RU: QColor("#cc79a7")}
HEADING_BACKGROUND = QColor("#eef1f5")
GRID = QColor("#dde1e6")

# Families tried in order for document text; Hangul falls through to a Korean face.
_KOREAN_FAMILIES = ["NanumGothic", "Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans CJK KR"]
# Faces for Russian and English text, before the Korean ones: a Korean face's Cyrillic and
# Latin glyphs (NanumGothic draws « » as wide ≪ ≫) are not what a Russian reader expects.
_LATIN_FAMILIES = ["Segoe UI", "Helvetica Neue", "Noto Sans", "DejaVu Sans", "Liberation Sans",
                   "Arial"]
BASE_POINT_SIZE = 11


def register_fonts() -> None:
    """Register the bundled Korean font so Hangul never depends on fontconfig fallback."""
    path = resource("fonts", "NanumGothic.ttf")
    if "NanumGothic" not in QFontDatabase.families() and path.exists():
        QFontDatabase.addApplicationFont(str(path))


def use_unhinted_text(app: QGuiApplication) -> None:
    """Draw all text unhinted: with the fonts' design metrics, as on paper.

    Hinting fits each glyph to the pixel grid one glyph at a time, and a screen of minutes holds
    hundreds of distinct Hangul syllables: on first paint, hinting them costs more than drawing
    them (about 60 M instructions, a tenth of the window's start). Qt 6 leaves text unhinted on
    high-DPI screens already; the difference on others is a softer horizontal stem.
    """
    font = app.font()
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)


def document_font(zoom: int = 0) -> QFont:
    """The font of paragraph text: the platform's UI face, then a Korean face for Hangul."""
    base = QGuiApplication.font()
    font = QFont(base)
    font.setFamilies([base.family(), *_KOREAN_FAMILIES])
    font.setPointSizeF(max(6.0, BASE_POINT_SIZE + zoom))
    return font


def latin_families(font: QFont) -> list[str]:
    """The families of ``font`` with an installed Latin and Cyrillic face first.

    The face must be a real one, not a generic name: a style sheet re-polishing a widget keeps
    only the first family of its font.
    """
    global _latin_face
    if _latin_face is None:
        installed = set(QFontDatabase.families())
        _latin_face = next((f for f in _LATIN_FAMILIES if f in installed), "")
    families = font.families() or [font.family()]
    return [_latin_face, *families] if _latin_face else families


_latin_face: str | None = None


# No application-wide style sheet: one makes Qt style every widget through its style-sheet
# engine, which costs start-up time (each widget's polish) for four rules. The look they gave
# is set directly: backgrounds through the palette; the status bar and the cell editor (a
# few widgets) keep style sheets of their own.
EDITOR_BACKGROUND = QColor("#ffffff")
OUTLINE_BACKGROUND = QColor("#f7f8fa")
STATUS_BAR_STYLE = "QStatusBar QLabel { padding: 0 8px; }"
CELL_EDITOR_STYLE = ("QPlainTextEdit#paragraphEditor "
                     "{ background: #fffef5; border: 2px solid #0072b2; }")


def set_background(view: QTreeView, colour: QColor) -> None:
    """Paint ``view``'s base (its viewport) and frame as a style sheet's ``background`` did;
    its header and scroll bars keep the interface's colours, as they did."""
    roles = (QPalette.ColorRole.Base, QPalette.ColorRole.Window)  # the frame derives from Window
    palette, plain = view.palette(), QGuiApplication.palette()
    for role in roles:
        palette.setColor(role, colour)
        plain.setColor(role, plain.color(role))  # set, so that it is not inherited
    view.setPalette(palette)
    for part in (view.header(), view.verticalScrollBar(), view.horizontalScrollBar()):
        part.setPalette(plain)
