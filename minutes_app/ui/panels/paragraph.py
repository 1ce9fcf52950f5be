"""The paragraph panel: status, voice and comments of the current paragraph."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from minutes_app.errors import MinutesError
from minutes_app.i18n.messages import error_text
from minutes_app.i18n import _
from minutes_app import model  # its edit operations load with the first edit (model.SetStatus)
from minutes_app.model import Change, Comment, Paragraph, Side, Status
from minutes_app.model.brackets import open_brackets, status_of
from minutes_app.ui.document import Document
from minutes_app.ui.labels import side_label, status_label

if TYPE_CHECKING:
    from minutes_app.model import Operation

def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


VOICES: list[Side | None] = [None, Side.KR, Side.RU]
STATUSES = [s for s in Status if s is not Status.BRACKETED]  # brackets set "bracketed" themselves


class ParagraphPanel(QWidget):
    """Controls for the paragraph under the cursor; every change is an undoable operation."""

    option_chosen = Signal(int, int, int)  # pid, bracket id, option: the window's workflow
    failed = Signal(str)  # a refused edit, for the window's message sink

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paragraphPanel")
        self.doc = doc
        self.pid: int | None = None
        self._build()
        self.retranslate_ui()
        doc.changed.connect(self._on_document_changed)
        self.show_paragraph(None)

    def _build(self) -> None:
        self.heading = QLabel()
        self.status = QComboBox()
        self.ad_ref_side = QComboBox()
        self.voice = QComboBox()
        self.comments = QListWidget()
        self.comment_text = QLineEdit()
        self.add_button = QPushButton()
        self.reply_button = QPushButton()
        self.resolve_button = QPushButton()
        self.remove_button = QPushButton()
        self.comments.setWordWrap(True)
        self.comments.setObjectName("commentThreads")
        form = QFormLayout()
        self.status_label, self.ad_ref_label, self.voice_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.status_label, self.status)
        form.addRow(self.ad_ref_label, self.ad_ref_side)
        form.addRow(self.voice_label, self.voice)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.remove_button)
        self.comments_label = QLabel()
        self.brackets_label = QLabel()
        self.brackets_box = QWidget()
        self.brackets_layout = QVBoxLayout(self.brackets_box)
        self.brackets_layout.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.brackets_label)
        layout.addWidget(self.brackets_box)
        layout.addWidget(self.comments_label)
        layout.addWidget(self.comments, 1)
        layout.addWidget(self.comment_text)
        layout.addLayout(buttons)
        self.status.activated.connect(self._on_status_activated)
        self.ad_ref_side.activated.connect(self._on_status_activated)
        self.voice.activated.connect(self._on_voice_activated)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.comment_text.returnPressed.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.comments.currentItemChanged.connect(lambda *_: self._enable_thread_buttons())

    def sizeHint(self) -> QSize:
        return QSize(340, 600)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        self.status_label.setText(_("Status"))
        self.ad_ref_label.setText(_("Awaiting"))
        self.voice_label.setText(_("Voice"))
        self.comments_label.setText(_("Comments"))
        self.brackets_label.setText(_("Open brackets"))
        self.comment_text.setPlaceholderText(_("Add a comment and press Enter"))
        self.add_button.setText(_("Add comment"))
        self.reply_button.setText(_("Reply"))
        self.reply_button.setToolTip(_("Reply to the selected comment with the text above"))
        self.remove_button.setText(_("Remove comment"))
        self.status.clear()
        self.status.addItems([status_label(s) for s in STATUSES])
        self.ad_ref_side.clear()
        self.ad_ref_side.addItems([side_label(s) for s in Side])
        self.voice.clear()
        self.voice.addItems([side_label(v) for v in VOICES])
        self.show_paragraph(self.pid)

    def show_paragraph(self, pid: int | None) -> None:
        """Show the controls of paragraph ``pid`` (None: nothing selected)."""
        self.pid = pid
        enabled = pid is not None
        for w in (self.status, self.voice, self.comments, self.comment_text, self.add_button,
                  self.remove_button, self.ad_ref_side):
            w.setEnabled(enabled)
        if pid is None:
            self.heading.setText(_("No paragraph selected"))
            self.comments.clear()
            return
        m = self.doc.minutes
        p = m.paragraph(pid)
        number = m.number(pid)
        self.heading.setText(_("Paragraph {number}").format(number=number) if number
                             else _("Unnumbered paragraph"))
        status = status_of(p)
        self.status.setEnabled(status is not Status.BRACKETED)
        self.status.setPlaceholderText(status_label(status))
        self.status.setCurrentIndex(STATUSES.index(status) if status in STATUSES else -1)
        self.ad_ref_side.setEnabled(p.status is Status.AGREED_AD_REF)
        self.ad_ref_side.setCurrentIndex(list(Side).index(p.ad_ref_side or m.own_side.other))
        self.voice.setCurrentIndex(VOICES.index(p.voice))
        self._show_brackets(pid)
        self._show_threads(p)

    def _show_threads(self, p: Paragraph) -> None:
        """Each thread: its first comment, then its replies indented; resolved ones dimmed."""
        from minutes_app.model.threads import threads

        current = self.comments.currentItem()
        keep = current.data(256) if current is not None else None
        self.comments.clear()
        for root, replies in threads(p):
            for c in (root, *replies):
                who = f"{side_label(c.side)} — {c.author}" if c.author else side_label(c.side)
                text = f"[{who}] {c.text}"
                if c is root and root.resolved:
                    text = _("{comment} (resolved)").format(comment=text)
                item = QListWidgetItem(f"    ↳ {text}" if c is not root else text)
                item.setData(256, c.id)
                if root.resolved:
                    item.setForeground(self.palette().placeholderText())
                self.comments.addItem(item)
                if c.id == keep:
                    self.comments.setCurrentItem(item)
        self._enable_thread_buttons()

    def selected_comment(self) -> int | None:
        """The id of the comment selected in the list."""
        item = self.comments.currentItem()
        return int(item.data(256)) if item is not None else None

    def _enable_thread_buttons(self) -> None:
        from minutes_app.model.threads import thread_root

        cid = self.selected_comment()
        ok = self.pid is not None and cid is not None
        self.reply_button.setEnabled(ok)
        self.resolve_button.setEnabled(ok)
        resolved = ok and thread_root(self.doc.minutes.paragraph(self.pid),  # type: ignore[arg-type]
                                      cid).resolved  # type: ignore[arg-type]
        self.resolve_button.setText(_("Reopen") if resolved else _("Resolve"))

    def reply(self) -> None:
        """Answer the selected comment's thread with the text typed."""
        from minutes_app.model.threads import thread_root

        text, cid = self.comment_text.text().strip(), self.selected_comment()
        if self.pid is None or cid is None or not text:
            return
        m = self.doc.minutes
        root = thread_root(m.paragraph(self.pid), cid)
        comment = Comment(m.allocate_id(), m.own_side, text, _now(), author=self.doc.user_name,
                          parent=root.id)
        self._apply(model.AddComment(self.pid, comment), _("Reply to comment"))
        self.comment_text.clear()

    def toggle_resolved(self) -> None:
        """Resolve the selected comment's thread, or reopen it."""
        from minutes_app.model.threads import SetCommentResolved, thread_root

        cid = self.selected_comment()
        if self.pid is None or cid is None:
            return
        resolved = thread_root(self.doc.minutes.paragraph(self.pid), cid).resolved
        self._apply(SetCommentResolved(self.pid, cid, not resolved),
                    _("Reopen comment") if resolved else _("Resolve comment"))

    def _show_brackets(self, pid: int) -> None:
        while self.brackets_layout.count():
            item = self.brackets_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        p = self.doc.minutes.paragraph(pid)
        found = False
        for lang in self.doc.minutes.languages:
            for b_index, bracket in enumerate(open_brackets(p, lang)):
                found = True
                for o_index, option in enumerate(bracket.options):
                    who = side_label(option.side) if option.side else "?"
                    button = QPushButton(_("Keep “{option}” ({side})").format(
                        option=option.text, side=who))
                    button.setObjectName(f"choose_{lang.value}_{b_index}_{o_index}")
                    button.clicked.connect(lambda _=False, b=bracket.id, o=o_index:
                                           self.option_chosen.emit(pid, b, o))
                    self.brackets_layout.addWidget(button)
        self.brackets_label.setVisible(found)
        self.brackets_box.setVisible(found)

    def _apply(self, op: Operation, label: str) -> None:
        try:
            self.doc.apply(op, label)
        except MinutesError as exc:
            self.failed.emit(error_text(exc))

    def _on_status_activated(self, _index: int) -> None:
        if self.pid is None:
            return
        status = STATUSES[self.status.currentIndex()]
        side = list(Side)[self.ad_ref_side.currentIndex()] if status is Status.AGREED_AD_REF \
            else None
        self._apply(model.SetStatus(self.pid, status, side), _("Set status"))

    def _on_voice_activated(self, index: int) -> None:
        if self.pid is not None:
            self._apply(model.SetVoice(self.pid, VOICES[index]), _("Set voice"))

    def _on_add_clicked(self) -> None:
        text = self.comment_text.text().strip()
        if self.pid is None or not text:
            return
        m = self.doc.minutes
        comment = Comment(m.allocate_id(), m.own_side, text, _now(), author=self.doc.user_name)
        self._apply(model.AddComment(self.pid, comment), _("Add comment"))
        self.comment_text.clear()

    def _on_remove_clicked(self) -> None:
        item = self.comments.currentItem()
        if self.pid is not None and item is not None:
            self._apply(model.RemoveComment(self.pid, int(item.data(256))), _("Remove comment"))

    def _on_document_changed(self, change: Change) -> None:
        if self.pid is None:
            return
        if self.pid in change.removed_paragraphs:
            self.show_paragraph(None)
        elif self.pid in change.paragraphs or change.structure:
            self.show_paragraph(self.pid)
