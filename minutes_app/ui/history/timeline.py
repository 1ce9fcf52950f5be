"""The paragraph timeline: every round's text of the paragraph under the cursor, per language,
with what that round changed (coloured by Side) and the comments of that round.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout,
    QWidget,
)

from minutes_app.i18n import _
from minutes_app.i18n.places import note_label
from minutes_app.model import Lang
from minutes_app.model.track import DELETE, INSERT, Track
from minutes_app.tracking.compare import TimelineEntry, timeline
from minutes_app.ui import style
from minutes_app.ui.document import Document
from minutes_app.ui.history.shown import ShownPanel
from minutes_app.ui.labels import column_languages, lang_label, side_label


def track_html(track: Track) -> str:
    """A track as HTML: insertions underlined, deletions struck, coloured by Side."""
    out = []
    for seg in track:
        text = html.escape(seg.text)
        if seg.author is None or seg.kind not in (INSERT, DELETE):
            out.append(text)
            continue
        colour = style.SIDE_COLOURS[seg.author.side].name()
        deco = "underline" if seg.kind == INSERT else "line-through"
        out.append(f'<span style="color:{colour}; text-decoration:{deco}">{text}</span>')
    return "".join(out)


def entry_title(e: TimelineEntry) -> str:
    """One round in the list: number, Side, date, and whether the paragraph changed."""
    when = _("not yet sent") if e.current else e.time[:10]
    title = _("Round {number} — {side}, {date}").format(number=e.round,
                                                        side=side_label(e.side), date=when)
    if e.texts is None:
        return title + " · " + _("not in this round")
    return title + (" ●" if e.changes else "")


class TimelinePanel(ShownPanel):
    """Rounds of one paragraph in a list; the chosen round's texts and changes below."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.setObjectName("timelinePanel")
        self.pid: int | None = None
        self.entries: list[TimelineEntry] = []
        self.heading = QLabel()
        self.rounds = QListWidget()
        self.rounds.setObjectName("timelineRounds")
        self.rounds.currentRowChanged.connect(self._show_entry)
        self.text = QTextBrowser()
        self.text.setObjectName("timelineText")
        self.previous, self.next = QPushButton(), QPushButton()
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        nav = QHBoxLayout()
        nav.addWidget(self.previous)
        nav.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.rounds, 1)
        layout.addLayout(nav)
        layout.addWidget(self.text, 3)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        self.previous.setText(_("◀ Earlier round"))
        self.next.setText(_("Later round ▶"))
        self.refresh()

    def show_paragraph(self, pid: int | None) -> None:
        """Follow the paragraph under the cursor (None: no paragraph)."""
        if pid != self.pid:
            self.pid = pid
            self.refresh(last=True)

    def refresh(self, last: bool = False) -> None:
        """Recompute the timeline, keeping the chosen round (or choosing the last)."""
        m = self.doc.minutes
        row = self.rounds.currentRow()
        pid = self.pid if self.pid is not None and m.has_paragraph(self.pid) else None
        self.entries = timeline(m, pid) if pid is not None else []
        number = m.number(pid) if pid is not None else None
        self.heading.setText(_("Paragraph {number}").format(number=number or "·")
                             if pid is not None else _("No paragraph chosen"))
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for e in self.entries:
            item = QListWidgetItem(entry_title(e))
            item.setForeground(style.SIDE_COLOURS[e.side])
            self.rounds.addItem(item)
        self.rounds.blockSignals(False)
        if self.entries:
            keep = row if 0 <= row < len(self.entries) and not last else len(self.entries) - 1
            self.rounds.setCurrentRow(keep)
            self._show_entry(keep)
        else:
            self.text.clear()

    def step(self, direction: int) -> None:
        """Show the round before or after the one shown."""
        row = self.rounds.currentRow() + direction
        if 0 <= row < self.rounds.count():
            self.rounds.setCurrentRow(row)

    def _show_entry(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        e = self.entries[row]
        parts = [f"<h3>{html.escape(entry_title(e))}</h3>"]
        if e.note:
            parts.append(f"<p><i>{html.escape(note_label(e.note))}</i></p>")
        if e.texts is None:
            absent = _("The paragraph was not in this round.")
            parts.append(f"<p>{html.escape(absent)}</p>")
        else:
            for lang in column_languages(self.doc.minutes):
                body = track_html(e.changes[lang]) if lang in e.changes else html.escape(
                    e.texts.get(lang, ""))
                parts.append(f"<p><b>{html.escape(lang_label(Lang(lang)))}</b><br/>{body}</p>")
            if not e.changes and row > 0:
                same = _("No change in this round.")
                parts.append(f"<p>{html.escape(same)}</p>")
        for c in e.comments:
            who = html.escape(side_label(c.side))
            parts.append(f"<p>💬 <b>{who}</b>: {html.escape(c.text)}</p>")
        self.text.setHtml("".join(parts))
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft)
