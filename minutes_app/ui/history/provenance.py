"""Provenance: the text of the section under the cursor, each word coloured by the Side that
brought it (lighter for earlier rounds), with a tooltip naming the round, its date and the text
it replaced.
"""

from __future__ import annotations

import html
from bisect import bisect_right

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from minutes_app.i18n import _
from minutes_app.model import Lang, Minutes, Side
from minutes_app.tracking.provenance import Span, blame
from minutes_app.ui import style
from minutes_app.ui.document import Document
from minutes_app.ui.history.shown import ShownPanel
from minutes_app.ui.labels import column_languages, lang_label, side_label


def shade(span: Span, last_round: int) -> QColor:
    """The Side's colour, paler for earlier rounds (the latest round at full strength)."""
    colour = QColor(style.SIDE_COLOURS[span.side])
    weight = 0.15 + 0.85 * (span.round / max(1, last_round)) ** 1.5
    colour.setAlphaF(min(1.0, weight) * 0.5)
    return colour


def span_tip(span: Span) -> str:
    """What hovering a word says."""
    when = _("not yet sent") if span.current else span.time[:10]
    tip = _("{side}, round {number} ({date})").format(side=side_label(span.side),
                                                     number=span.round, date=when)
    if span.replaced:
        tip += "\n" + _("Replaced: “{text}”").format(text=span.replaced)
    return tip


class ProvenanceText(QTextEdit):
    """Read-only text whose tooltips come from the spans under the mouse."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("provenanceText")
        self.setReadOnly(True)
        self.starts: list[int] = []
        self.tips: list[tuple[int, str]] = []  # (end, tip) per span, in document positions

    def tip_at(self, position: int) -> str:
        """The tooltip of the span holding document ``position`` ("" outside spans)."""
        i = bisect_right(self.starts, position) - 1
        if i < 0 or position >= self.tips[i][0]:
            return ""
        return self.tips[i][1]

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            cursor = self.cursorForPosition(self.viewport().mapFromGlobal(e.globalPos()))
            tip = self.tip_at(cursor.position())
            if tip:
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


class ProvenanceView(ShownPanel):
    """A language chooser, a legend and the coloured text of the current section."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.setObjectName("provenanceView")
        self.pid: int | None = None
        self.lang = QComboBox()
        self.lang.activated.connect(lambda _i: self.refresh())
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.text = ProvenanceText()
        layout = QVBoxLayout(self)
        layout.addWidget(self.lang)
        layout.addWidget(self.legend)
        layout.addWidget(self.text, 1)
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.refresh)
        self.retranslate_ui()

    def refresh_soon(self) -> None:
        """Colouring a section diffs its rounds: wait for a pause in typing."""
        self._timer.start()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        m = self.doc.minutes
        chosen = self.lang.currentData()
        self.lang.clear()
        for lang in column_languages(m):
            self.lang.addItem(lang_label(lang), lang.value)
        self.lang.setCurrentIndex(max(0, self.lang.findData(chosen)))
        sides = "  ".join(f'<span style="color:{style.SIDE_COLOURS[s].name()}">■</span> '
                          f"{html.escape(side_label(s))}" for s in Side)
        explain = html.escape(_("Each word in the colour of the Side that brought it "
                                "(paler: earlier rounds). Hover a word for its round."))
        self.legend.setText(f"{sides}<br/>{explain}")
        self.refresh()

    def show_paragraph(self, pid: int | None) -> None:
        """Show the section of the paragraph under the cursor."""
        if pid is None or pid == self.pid:
            return
        m = self.doc.minutes
        old = m.section_of(self.pid).id if self.pid is not None and m.has_paragraph(
            self.pid) else None
        self.pid = pid
        if not m.has_paragraph(pid) or m.section_of(pid).id != old:
            self.refresh()

    def refresh(self) -> None:
        """Colour the current section's paragraphs by provenance."""
        m = self.doc.minutes
        lang = Lang(self.lang.currentData() or m.languages[0])
        pids = self._section_paragraphs(m)
        self.text.clear()
        self.text.starts, self.text.tips = [], []
        cursor = QTextCursor(self.text.document())
        plain = QTextCharFormat()
        for b in blame(m, lang, pids):
            number = m.number(b.pid)
            cursor.insertText(f"{number}. " if number is not None else "", plain)
            for span in b.spans:
                fmt = QTextCharFormat()
                fmt.setBackground(shade(span, m.working_round))
                start = cursor.position()
                cursor.insertText(span.text, fmt)
                self.text.starts.append(start)
                self.text.tips.append((cursor.position(), span_tip(span)))
            cursor.insertBlock()
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _section_paragraphs(self, m: Minutes) -> list[int]:
        if self.pid is not None and m.has_paragraph(self.pid):
            return [p.id for p in m.section_of(self.pid).paragraphs]
        first = next((s for s in m.sections if s.paragraphs), None)
        return [p.id for p in first.paragraphs] if first is not None else []
