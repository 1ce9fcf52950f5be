"""The "Ready to sign?" panel: every reason the signing export would refuse, each clickable."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from minutes_app.checks.readiness import reasons
from minutes_app.i18n import _, ngettext
from minutes_app.i18n.findings import describe_reason
from minutes_app.ui.document import Document

PID_ROLE = 256
CODE_ROLE = 257


class ReadinessPanel(QWidget):
    """Lists what stands between the text and signature; when nothing does, offers the export."""

    paragraph_activated = Signal(int)
    export_requested = Signal()
    annexes_requested = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readinessPanel")
        self.doc = doc
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("readinessList")
        self.list.setWordWrap(True)  # reasons are sentences: wrapped, never cut off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_activated)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.export_button)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        doc.changed.connect(lambda _change: self._timer.start())
        self.retranslate_ui()

    def sizeHint(self) -> QSize:
        return QSize(340, 600)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current interface language."""
        self.export_button.setText(_("Export the signing originals…"))
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()  # brought to the front: bring it up to date

    def refresh(self) -> None:
        """Recompute the reasons (only while the panel is shown: all checks run for this)."""
        if not self.isVisible():
            return
        found = reasons(self.doc.minutes)
        self.list.clear()
        for r in found:
            item = QListWidgetItem(describe_reason(r))  # findings worded, else r.msg
            item.setData(PID_ROLE, r.paragraph_id)
            item.setData(CODE_ROLE, r.code)
            self.list.addItem(item)
        ready = not found
        self.summary.setText(_("Ready to sign: nothing is open.") if ready else ngettext(
            "Not ready to sign: {n} reason.", "Not ready to sign: {n} reasons.", len(found))
            .format(n=len(found)))
        self.export_button.setEnabled(ready)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        pid = item.data(PID_ROLE)
        if pid is not None:
            self.paragraph_activated.emit(int(pid))
        elif str(item.data(CODE_ROLE)).startswith("annex_"):
            self.annexes_requested.emit()  # an annex uncited or without text: edit them
