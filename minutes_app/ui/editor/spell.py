"""Spell checking in the editor: red wavy underlines in the open cell, corrections and
"ignore" in its context menu. Dictionaries load in a thread; typing never waits for them."""

from __future__ import annotations

import atexit
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor

from minutes_app.checks import spelling
from minutes_app.i18n import _
from minutes_app.model import Change, Lang
from minutes_app.model.spelling import ignore_word

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu, QPlainTextEdit

    from minutes_app.ui.document import Document

CACHE = 4000  # texts remembered with their misspellings (the visible ones, and more)


class _Loader(QObject):
    """Loads dictionaries in one background thread per request; lives as long as the
    process, so a thread never signals an object that is gone (a closed window's)."""

    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[threading.Thread] = []
        atexit.register(self.join)

    def load(self, langs: list[Lang]) -> None:
        """Load the dictionaries of ``langs``; ``done`` follows."""
        thread = threading.Thread(target=self._run, args=(langs,), daemon=True,
                                  name="dictionaries")
        self.threads.append(thread)
        thread.start()

    def _run(self, langs: list[Lang]) -> None:
        for lang in langs:
            spelling.dictionary(lang)
        self.done.emit()

    def join(self) -> None:
        """Let a loading thread finish before the process ends (Enchant is mid-call)."""
        for thread in self.threads:
            thread.join(timeout=5)


_loader: _Loader | None = None


def loader() -> _Loader:
    """The process's dictionary loader."""
    global _loader
    if _loader is None:
        _loader = _Loader()
    return _loader


class SpellService(QObject):
    """The document's spell checker: loads dictionaries in the background, caches results."""

    ready = Signal()  # the dictionaries have loaded: underline what is shown

    def __init__(self, doc: Document, enabled: bool = True) -> None:
        super().__init__()
        self.doc = doc
        self.enabled = enabled
        self.loaded = False
        self._cache: OrderedDict[tuple[str, Lang], list[spelling.Misspelling]] = OrderedDict()
        self._known = spelling.known_words(doc.minutes)
        doc.changed.connect(self._on_document_changed)
        loader().done.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        """Load the document's dictionaries off the event loop (Korean takes about a second)."""
        loader().load(list(self.doc.minutes.languages))

    def _on_loaded(self) -> None:
        if not self.loaded and set(self.doc.minutes.languages) <= spelling.LOADED:
            self.loaded = True
            self.ready.emit()

    def wait_loaded(self) -> None:
        """Load now, in this thread (tests, benchmarks)."""
        for lang in self.doc.minutes.languages:
            spelling.dictionary(lang)
        self.loaded = True

    def misspellings(self, text: str, lang: Lang) -> list[spelling.Misspelling]:
        """The flagged words of a text ([] while off or loading)."""
        if not (self.enabled and self.loaded) or not text:
            return []
        key = (text, lang)
        found = self._cache.get(key)
        if found is None:
            found = spelling.misspellings(text, lang, self._known)
            self._cache[key] = found
            if len(self._cache) > CACHE:
                self._cache.popitem(last=False)
        return found

    def _on_document_changed(self, change: Change) -> None:
        if change.meta:  # glossary, names or exceptions may have changed
            self._known = spelling.known_words(self.doc.minutes)
            self._cache.clear()


class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underlines under the open cell's misspelt words."""

    def __init__(self, editor: QPlainTextEdit, lang: Lang, service: SpellService) -> None:
        super().__init__(editor.document())
        self.lang = lang
        self.service = service
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.underline.setUnderlineColor(QColor("#d00000"))
        service.ready.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:
        for bad in self.service.misspellings(text, self.lang):
            self.setFormat(bad.start, bad.end - bad.start, self.underline)


def word_at(editor: QPlainTextEdit, pos: QPoint | None) -> QTextCursor:
    """The word under ``pos`` (or the text cursor), selected."""
    cursor = editor.cursorForPosition(pos) if pos is not None else editor.textCursor()
    cursor.select(QTextCursor.SelectionType.WordUnderCursor)
    return cursor


def add_spelling_entries(menu: QMenu, editor: QPlainTextEdit, lang: Lang,
                         service: SpellService, pos: QPoint | None) -> None:
    """Corrections for the misspelt word under the click, and "Ignore", at the menu's top."""
    cursor = word_at(editor, pos)
    word = cursor.selectedText()
    block = cursor.block()
    start = cursor.selectionStart() - block.position()
    flagged = any(b.start <= start < b.end
                  for b in service.misspellings(block.text(), lang))
    if not word or not flagged:
        return
    from PySide6.QtGui import QAction

    top = menu.actions()[0] if menu.actions() else None
    entries: list[QAction] = []
    for suggestion in spelling.suggestions(word, lang):
        action = QAction(suggestion, menu)
        action.setObjectName("spell_suggestion")
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(lambda _=False, s=suggestion: _replace(editor, cursor, s))
        entries.append(action)
    if not entries:
        none = QAction(_("No spelling suggestions"), menu)
        none.setEnabled(False)
        entries.append(none)
    ignore = QAction(_("Ignore “{word}” in this document").format(word=word), menu)
    ignore.setObjectName("spell_ignore")
    doc = service.doc
    ignore.triggered.connect(lambda: doc.apply(ignore_word(doc.minutes, word),
                                               _("Ignore spelling")))
    entries.append(ignore)
    menu.insertActions(top, entries)  # type: ignore[arg-type]
    menu.insertSeparator(top)  # type: ignore[arg-type]


def _replace(editor: QPlainTextEdit, cursor: QTextCursor, text: str) -> None:
    """Put a correction in place of the word, as typing would (one tracked edit)."""
    editor.setTextCursor(cursor)
    editor.insertPlainText(text)
