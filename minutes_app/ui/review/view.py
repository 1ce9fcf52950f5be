"""Review mode: the final session's walk through what is still open, one item at a time.

Large type for a projected screen, zoom and a high-contrast scheme; every decision is the
workflow the Negotiation menu and the CLI run, one undo step; errors go to the message bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.i18n.findings import describe
from minutes_app.i18n.findings import where as finding_place
from minutes_app.model import AddComment, Comment, Lang, Operation, SetStatus, Status
from minutes_app.model.track import INSERT, PLAIN, Track
from minutes_app.tracking.time import now_iso
from minutes_app.ui import style
from minutes_app.i18n.places import kind_label
from minutes_app.ui.document import Document
from minutes_app.model.brackets import status_of
from minutes_app.ui.labels import column_languages, lang_label, side_label, status_label
from minutes_app.ui.review.items import ReviewItem, open_items, progress
from minutes_app.ui.workflow import WorkflowRunner
from minutes_app.workflows.edits import choose_bracket, decide, dismiss

NORMAL = "QWidget#reviewView { background: #fbfbf8; } QLabel { color: #1b1b1b; }"
CONTRAST = ("QWidget#reviewView { background: #000000; } QLabel { color: #ffffff; }"
            " QLabel#reviewItem { color: #ffd700; }")


def _wrapped(label: QLabel) -> QLabel:
    """A label for paragraph text: wrapped, selectable, from the top left."""
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class ReviewView(QWidget):
    """One open item at a time, with the decisions it allows."""

    left = Signal(int)  # the paragraph to return to in the editor

    def __init__(self, doc: Document, runner: WorkflowRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.doc = doc
        self.runner = runner  # decisions and errors: the window's workflows and message sink
        self.items: list[ReviewItem] = []
        self.index = 0
        self.zoom = 0
        self._build()
        self.contrast.toggled.connect(self._apply_scheme)
        self._apply_scheme(False)
        keys = ((QKeySequence("Escape"), self.leave),
                (QKeySequence("Right"), lambda: self.step(1)),
                (QKeySequence("Left"), lambda: self.step(-1)),
                (QKeySequence(QKeySequence.StandardKey.ZoomIn), lambda: self.set_zoom(1)),
                (QKeySequence(QKeySequence.StandardKey.ZoomOut), lambda: self.set_zoom(-1)))
        for sequence, slot in keys:
            QShortcut(sequence, self).activated.connect(slot)
        # the window's commands (undo, structure, typing elsewhere) work in review mode too
        doc.changed.connect(self._on_document_changed)

    def _build(self) -> None:
        self.progress_line = QLabel()
        self.heading = QLabel()
        self.item_label = QLabel()
        self.item_label.setObjectName("reviewItem")
        self.texts: dict[Lang, QLabel] = {}
        _wrapped(self.item_label)
        self.buttons = {name: QPushButton() for name in
                        ("previous", "next", "accept", "reject", "agree", "comment", "dismiss",
                         "leave")}
        self.options = QHBoxLayout()
        self.note = QLineEdit()
        self.contrast = QCheckBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_line)
        layout.addWidget(self.heading)
        self.columns = QHBoxLayout()
        self._sync_languages()
        layout.addLayout(self.columns)
        layout.addWidget(self.item_label)
        layout.addLayout(self.options)
        layout.addStretch(1)
        row = QHBoxLayout()
        for name in ("previous", "accept", "reject", "agree", "next"):
            row.addWidget(self.buttons[name])
        layout.addLayout(row)
        extra = QHBoxLayout()
        extra.addWidget(self.note, 1)
        for name in ("comment", "dismiss"):
            extra.addWidget(self.buttons[name])
        extra.addWidget(self.contrast)
        extra.addWidget(self.buttons["leave"])
        layout.addLayout(extra)
        b = self.buttons
        b["previous"].clicked.connect(lambda: self.step(-1))
        b["next"].clicked.connect(lambda: self.step(1))
        b["accept"].clicked.connect(lambda: self.decide(True))
        b["reject"].clicked.connect(lambda: self.decide(False))
        b["agree"].clicked.connect(self.mark_agreed)
        b["comment"].clicked.connect(self.add_comment)
        b["dismiss"].clicked.connect(self.dismiss)
        b["leave"].clicked.connect(self.leave)

    def _sync_languages(self) -> None:
        """A column per document language, own language first (rebuilt when they change)."""
        langs = column_languages(self.doc.minutes)
        if list(self.texts) == langs:
            return
        for label in self.texts.values():
            label.deleteLater()
        self.texts = {lang: _wrapped(QLabel()) for lang in langs}
        for lang in langs:
            self.columns.addWidget(self.texts[lang], 1, Qt.AlignmentFlag.AlignTop)
        if hasattr(self, "contrast"):
            self._apply_scheme(self.contrast.isChecked())

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        texts = {"previous": _("◀ Previous"), "next": _("Next ▶"), "accept": _("Accept"),
                 "reject": _("Reject"), "agree": _("Mark agreed"), "comment": _("Add comment"),
                 "dismiss": _("Dismiss finding"), "leave": _("Leave review (Esc)")}
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.note.setPlaceholderText(_("A comment, or the reason for dismissing a finding"))
        self.contrast.setText(_("High contrast"))
        if self.isVisible():  # the open items are computed when review mode starts
            self.show_item()

    # -- items -----------------------------------------------------------------------------
    def start(self, pid: int | None = None) -> None:
        """Enter review mode at the first open item (of paragraph ``pid`` when given)."""
        self._sync_languages()
        self.items = open_items(self.doc.minutes)
        self.index = next((i for i, it in enumerate(self.items) if it.paragraph_id == pid), 0)
        self.retranslate_ui()
        self.show_item()

    def current(self) -> ReviewItem | None:
        """The item on screen."""
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def step(self, delta: int) -> None:
        """The next (or previous) open item."""
        if self.items:
            self.index = (self.index + delta) % len(self.items)
        self.show_item()

    def _on_document_changed(self, _change: object) -> None:
        """Any change, ours or not, may close, open or move items: the list is recomputed,
        at the same paragraph when it still has an open item."""
        if not self.isVisible():
            return  # not in review mode: starting it computes the items afresh
        self._sync_languages()
        item = self.current()
        self.items = open_items(self.doc.minutes)
        pid = item.paragraph_id if item is not None else None
        same = next((i for i, it in enumerate(self.items) if it.paragraph_id == pid), None)
        self.index = same if same is not None else min(self.index, max(0, len(self.items) - 1))
        self.show_item()

    def show_item(self) -> None:
        """Show the current item, its paragraph in every language and its choices."""
        m = self.doc.minutes
        counts = progress(m)
        self.progress_line.setText(_(
            "{agreed} of {total} paragraphs agreed, {brackets} open brackets (bracketed "
            "paragraphs: {bracketed}), {revisions} revisions pending, {findings} findings").format(
                **counts))
        item = self.current()
        self._clear_options()
        for name in ("accept", "reject", "agree", "dismiss"):
            self.buttons[name].setEnabled(False)
        if item is None:
            from minutes_app.checks.readiness import reasons

            left = len(reasons(m))
            self.heading.setText(
                _("Nothing is open: the minutes are ready to sign.") if not left else
                _("Nothing left to review here, but {n} reasons still stand between the text "
                  "and signature: see Ready to sign?").format(n=left))
            self.item_label.setText("")
            for label in self.texts.values():
                label.setText("")
            return
        if item.revision is not None and item.revision.heading:
            self._show_heading(item)
            return
        if item.revision is not None and item.revision.annex is not None:
            self._show_annex(item)
            return
        p = m.paragraph(item.paragraph_id)
        number = m.number(p.id)
        self.heading.setText(_("Item {i} of {n} — paragraph {number}").format(
            i=self.index + 1, n=len(self.items), number=number or "·"))
        for lang, label in self.texts.items():
            shown = track_html(p.tracks.get(lang), p.text(lang))
            label.setText(f"<b>{lang_label(lang)}</b><br>{shown}")
        self.item_label.setText(self._describe(item))
        self._enable(item)

    def _show_heading(self, item: ReviewItem) -> None:
        """A revision of a section heading: the heading in every language, accept or reject."""
        s = self.doc.minutes.section(item.paragraph_id)
        self.heading.setText(_("Item {i} of {n} — section heading").format(
            i=self.index + 1, n=len(self.items)))
        for lang, label in self.texts.items():
            shown = track_html(s.tracks.get(lang), s.heading.get(lang, ""))
            label.setText(f"<b>{lang_label(lang)}</b><br>{shown}")
        self.item_label.setText(self._describe(item))
        self.buttons["accept"].setEnabled(True)
        self.buttons["reject"].setEnabled(True)

    def _show_annex(self, item: ReviewItem) -> None:
        """A revision of a free annex: that part in every language, accept or reject."""
        from minutes_app.ui.panels.annex_revisions import annex_place, part_html

        r = item.revision
        assert r is not None and r.annex is not None
        index, part = r.annex
        a = self.doc.minutes.annexes[index]
        self.heading.setText(_("Item {i} of {n} — {place}").format(
            i=self.index + 1, n=len(self.items), place=annex_place(r)))
        for lang, label in self.texts.items():
            label.setText(f"<b>{lang_label(lang)}</b><br>{part_html(a, part, lang)}")
        self.item_label.setText(self._describe(item))
        self.buttons["accept"].setEnabled(True)
        self.buttons["reject"].setEnabled(True)

    def _describe(self, item: ReviewItem) -> str:
        if item.revision is not None:
            r = item.revision
            where = lang_label(r.lang) if r.lang else "¶"
            return f"{side_label(r.side)} — {kind_label(r)} ({where}): “{_escape(item.text())}”"
        if item.bracket is not None:
            return _("Open bracket in {lang}: choose one option.").format(
                lang=lang_label(item.bracket.lang))
        if item.finding is not None:
            if item.finding.paragraph_id is None:  # a heading, the title, the meeting details
                return _escape(_("{where}: {finding}").format(
                    where=finding_place(item.finding), finding=describe(item.finding)))
            return _escape(describe(item.finding))
        p = self.doc.minutes.paragraph(item.paragraph_id)
        if item.kind == "status":
            return _("This paragraph is {status}, not agreed.").format(
                status=status_label(status_of(p)))
        side = side_label(p.ad_ref_side) if p.ad_ref_side else "?"
        return _("Agreed ad referendum: awaiting confirmation by the {side}.").format(side=side)

    def _enable(self, item: ReviewItem) -> None:
        self.buttons["accept"].setEnabled(item.kind == "revision")
        self.buttons["reject"].setEnabled(item.kind == "revision")
        self.buttons["agree"].setEnabled(item.kind in ("ad_ref", "finding", "revision", "status"))
        self.buttons["dismiss"].setEnabled(item.kind == "finding")
        if item.bracket is not None:
            for o_index, option in enumerate(item.bracket.options):
                who = side_label(option.side) if option.side else "?"
                button = QPushButton(f"“{option.text}” ({who})")
                button.setObjectName(f"option_{o_index}")
                button.clicked.connect(lambda _=False, o=o_index: self.choose(o))
                self.options.addWidget(button)

    def _clear_options(self) -> None:
        while self.options.count():
            entry = self.options.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.deleteLater()

    # -- decisions ---------------------------------------------------------------------------
    def _apply(self, op: Operation, label: str) -> None:
        """An edit that is no workflow (status, comment); the items follow the change."""
        try:
            self.doc.apply(op, label)
        except MinutesError as exc:
            self.runner.sink.failed(exc)

    def decide(self, accept: bool) -> None:
        """Accept or reject the revision on screen."""
        item = self.current()
        if item is not None and item.revision is not None:
            ids = [r.id for r in item.revisions()]  # a word and its space: one decision
            self.runner.run(lambda: decide(self.doc.minutes, accept, ids=ids))

    def choose(self, option: int) -> None:
        """Close the bracket on screen with one of its options."""
        item = self.current()
        if item is not None and item.bracket is not None:
            pid, bracket_id = item.paragraph_id, item.bracket.id
            self.runner.run(lambda: choose_bracket(self.doc.minutes, pid, bracket_id, option))

    def mark_agreed(self) -> None:
        """Mark the paragraph on screen agreed."""
        item = self.current()
        if item is not None and not (item.revision is not None and item.revision.heading):
            self._apply(SetStatus(item.paragraph_id, Status.AGREED), _("Set status"))

    def add_comment(self) -> None:
        """Attach the note as a comment of the own Side."""
        item, text = self.current(), self.note.text().strip()
        if item is None or not text or (item.revision is not None and item.revision.heading):
            return
        m = self.doc.minutes
        self._apply(AddComment(item.paragraph_id, Comment(
            m.allocate_id(), m.own_side, text, now_iso(), author=self.doc.user_name)),
            _("Add comment"))
        self.note.clear()

    def dismiss(self) -> None:
        """Dismiss the finding on screen, the note being the reason."""
        item, reason = self.current(), self.note.text().strip()
        if item is None or item.finding is None:
            return
        if not reason:
            self.runner.sink.error(_("Give the reason for dismissing the finding."))
            return
        key = item.finding.key
        if self.runner.run(lambda: dismiss(self.doc.minutes, key, reason)) is not None:
            self.note.clear()

    def leave(self) -> None:
        """Back to the editor, at the paragraph on screen."""
        item = self.current()
        heading = item is not None and item.revision is not None and item.revision.heading
        self.left.emit(item.paragraph_id if item is not None and not heading else -1)

    # -- looks -----------------------------------------------------------------------------
    def set_zoom(self, delta: int) -> None:
        """Larger or smaller type, for the room and the projector."""
        self.zoom = max(-4, min(self.zoom + delta, 24))
        self._apply_scheme(self.contrast.isChecked())

    def _apply_scheme(self, contrast: bool) -> None:
        self.setStyleSheet(CONTRAST if contrast else NORMAL)
        base = 18 + self.zoom
        for label, size in ((self.progress_line, base - 4), (self.heading, base + 2),
                            (self.item_label, base)):
            font = QFont(label.font())
            font.setPointSize(max(8, size))
            label.setFont(font)
        for label in self.texts.values():
            font = QFont(label.font())
            font.setPointSize(max(8, base))
            label.setFont(font)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def track_html(track: Track | None, text: str) -> str:
    """The text with its pending changes: insertions underlined, deletions struck, by Side."""
    if not track:
        return _escape(text)
    out = []
    for seg in track:
        piece = _escape(seg.text)
        if seg.author is None or seg.kind == PLAIN:
            out.append(piece)
            continue
        colour = style.SIDE_COLOURS[seg.author.side].name()
        tag = "u" if seg.kind == INSERT else "s"
        out.append(f'<span style="color:{colour}"><{tag}>{piece}</{tag}></span>')
    return "".join(out)


__all__ = ["Lang", "ReviewView"]
