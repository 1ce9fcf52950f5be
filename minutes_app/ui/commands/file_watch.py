"""Watching the document's file, and the bar of a document that cannot be written.

A sync client may rename a new file over ours, another program may overwrite or delete it:
the window notices (a poll every two seconds, and a check before every write), stops
writing and asks: keep mine (Save As), reload theirs, or compare. A read-only or damaged
file opens read-only, with a bar offering Save As.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QToolBar

from minutes_app.errors import FileChangedError, MinutesError
from minutes_app.i18n import _
from minutes_app.ui.document import Document

if TYPE_CHECKING:
    from minutes_app.ui.messages import MessageSink
    from minutes_app.ui.workflow import Holder

POLL_MS = 2000


class WindowHooks:
    """What the watch asks of its window: plain callables, so it needs no window."""

    def __init__(self, save_as: Callable[[], None], replace: Callable[[Document], None],
                 add_toolbar: Callable[[QToolBar], None], visible: Callable[[], bool]) -> None:
        self.save_as = save_as  # File > Save As
        self.replace = replace  # show another document (the old one closed)
        self.add_toolbar = add_toolbar
        self.visible = visible  # a hidden (closed) window's document is not watched


class FileWatch(QObject):
    """Watches the window's document; one per window, following its document."""

    def __init__(self, holder: Holder, sink: MessageSink, hooks: WindowHooks,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.sink = sink
        self.hooks = hooks
        self.bar: QToolBar | None = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self._asking = False

    def follow(self, doc: Document) -> None:
        """Watch ``doc`` (the window's new document)."""
        doc.file_changed.connect(self._on_doc_file_changed)
        self.update_bar()
        QTimer.singleShot(0, self.update_bar)  # after the window restored its saved layout

    def poll(self) -> None:
        """Has another program touched the file?"""
        doc = self.holder.doc
        if doc.read_only or doc.file.closed or not self.hooks.visible():
            return  # a closed window's document is not watched (another may hold the file)
        try:
            doc.file.check_unchanged()
        except FileChangedError:
            doc.stop_writing()

    def _on_doc_file_changed(self) -> None:
        self.update_bar()
        if self._asking:
            return
        self._asking = True
        try:
            self._ask()
        finally:
            self._asking = False

    def _ask(self) -> None:
        doc = self.holder.doc
        while doc is self.holder.doc and doc.writing_stopped:
            choice = self.ask(_(
                "{name} was changed, replaced or deleted by another program. Your edits are "
                "kept here and nothing more is written to it.").format(name=doc.path.name))
            if choice == "keep":
                self.hooks.save_as()
            elif choice == "reload":
                self.reload()
            elif choice == "compare":
                self.compare()
            else:
                return
        self.update_bar()

    def ask(self, message: str) -> str:
        """"keep" (Save As), "reload", "compare" or "cancel" (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox  # built when first used

        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, _("The file changed"), message,
                          buttons.Save | buttons.Reset | buttons.Apply | buttons.Cancel,
                          self.sink.parent)
        box.button(buttons.Save).setText(_("Keep mine (Save As…)"))
        box.button(buttons.Reset).setText(_("Reload theirs"))
        box.button(buttons.Apply).setText(_("Compare"))
        answer = buttons(box.exec())
        return {buttons.Save: "keep", buttons.Reset: "reload", buttons.Apply: "compare"}.get(
            answer, "cancel")

    def reload(self) -> None:
        """Open the file as it now is, dropping this window's copy of it."""
        from minutes_app.ui.commands.opening import open_document

        doc = self.holder.doc
        try:
            fresh = open_document(doc.path)
        except MinutesError as exc:
            self.sink.failed(exc, _("Cannot open the file"), blocking=True)
            return
        doc.file.close()
        self.hooks.replace(fresh)

    def compare(self) -> None:
        """List the paragraphs whose text differs between this window and the file now."""
        from minutes_app.store import MinutesFile

        doc = self.holder.doc
        try:
            f, theirs = MinutesFile.open(doc.path, read_only=True)
            f.close()
        except MinutesError as exc:
            self.sink.failed(exc, _("Cannot open the file"), blocking=True)
            return
        differ = differing_paragraphs(doc, theirs)
        text = (_("Paragraphs that differ: {numbers}.").format(numbers=", ".join(differ))
                if differ else _("The texts are the same; other details may differ."))
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, _("Compare with the file"), text,
                          QMessageBox.StandardButton.Ok, self.sink.parent)
        box.setObjectName("compareBox")
        self.sink.show_message_box(box)

    def update_bar(self) -> None:
        """Show the read-only bar while the document cannot be written, else hide it."""
        doc = self.holder.doc
        if doc.read_only and self.bar is None:
            self.bar = self._make_bar()
        if self.bar is not None:
            self.bar.setVisible(doc.read_only)
            label = self.bar.findChild(QLabel, "readOnlyLabel")
            if label is not None:
                label.setText(bar_text(doc))

    def _make_bar(self) -> QToolBar:
        bar = QToolBar(self.sink.parent)
        bar.setObjectName("readOnlyBar")
        bar.setMovable(False)
        label = QLabel()
        label.setObjectName("readOnlyLabel")
        bar.addWidget(label)
        action = bar.addAction(_("Save As…"))
        action.setObjectName("readOnlySaveAs")
        action.triggered.connect(self._on_save_as_triggered)
        self.hooks.add_toolbar(bar)
        return bar

    def _on_save_as_triggered(self) -> None:
        self.hooks.save_as()
        self.update_bar()


def bar_text(doc: Document) -> str:
    """Why the document is read-only, in one sentence."""
    from minutes_app.errors import describe_places

    name = doc.path.name
    if doc.file.damage:
        return _("{name} is damaged ({detail}): what is intact is shown, read-only. Use Save "
                 "As to keep it.").format(name=name, detail=describe_places(doc.file.damage, _))
    if doc.writing_stopped:
        return _("{name} was changed by another program: nothing more is written to it. Use "
                 "Save As to keep your edits.").format(name=name)
    return _("{name} is read-only: nothing is written to it. Use Save As to keep your "
             "edits in a copy.").format(name=name)


def differing_paragraphs(doc: Document, theirs: object) -> list[str]:
    """The numbers (or ids) of paragraphs whose texts differ, new or gone."""
    from minutes_app.model import Minutes

    assert isinstance(theirs, Minutes)
    mine = {p.id: p.texts for p in doc.minutes.paragraphs()}
    other = {p.id: p.texts for p in theirs.paragraphs()}
    out = []
    for pid in sorted(mine.keys() | other.keys()):
        if mine.get(pid) != other.get(pid):
            number = doc.minutes.number(pid) if pid in mine else None
            out.append(str(number) if number is not None else f"#{pid}")
    return out
