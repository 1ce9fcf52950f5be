"""History panels follow the document only while they are shown."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from minutes_app.ui.document import Document


class ShownPanel(QWidget):
    """A panel over ``doc`` that follows its edits while shown; hidden, an edit only marks it
    stale (typing pays nothing for it) and showing it again refreshes it."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._stale = False  # the document changed while the panel was hidden
        doc.changed.connect(self._on_document_changed)

    def refresh(self) -> None:
        """Show the document as it is now."""
        raise NotImplementedError

    def refresh_soon(self) -> None:
        """Refresh after an edit (at once here; a slow panel waits for a pause in typing)."""
        self.refresh()

    def _on_document_changed(self, _change: object) -> None:
        if self.isVisible():
            self.refresh_soon()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)
