"""The aligned editor's item model: a row per heading or paragraph, a column per language."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from minutes_app.i18n import _, title
from minutes_app.model import Change, Lang, Minutes, Paragraph, Side
from minutes_app.model.brackets import open_brackets, status_of
from minutes_app.model.track import DELETE, PLAIN, Track, baseline_text
from minutes_app.tracking.time import now_iso
from minutes_app.ui.document import Document
from minutes_app.ui.labels import column_languages, lang_label, side_label, status_label

Index = QModelIndex | QPersistentModelIndex

_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags

class RowKind(enum.IntEnum):
    """What a row shows."""

    SECTION = 0
    PARAGRAPH = 1


class Role(enum.IntEnum):
    """Item data roles beyond Qt's own."""

    KIND = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    STATUS = Qt.ItemDataRole.UserRole + 3
    VOICE = Qt.ItemDataRole.UserRole + 4
    LANG = Qt.ItemDataRole.UserRole + 5
    TRACK = Qt.ItemDataRole.UserRole + 6  # the pending revisions shown inline (or None)
    MARK = Qt.ItemDataRole.UserRole + 7
    BRACKETS = Qt.ItemDataRole.UserRole + 8  # open brackets on screen: (start, end, others)


class ShowMode(enum.Enum):
    """What the editor shows of pending revisions."""

    CHANGES = "changes"  # both texts, changes coloured by Side
    ORIGINAL = "original"  # the baseline, every change rejected
    PROPOSED = "proposed"  # the current text, every change accepted


RowKey = tuple[RowKind, int]


class EditorModel(QAbstractTableModel):
    """Rows of the aligned editor, following the document through its ``changed`` signal."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.langs: list[Lang] = column_languages(doc.minutes)
        self.show_mode = ShowMode.CHANGES
        # a comparison of two rounds shown instead of the pending revisions (the compare bar)
        self.overlay: dict[tuple[int, Lang], Track] | None = None
        self.read_only = False  # showing an earlier round: its text cannot be edited
        self._rows: list[RowKey] = self._build_rows()
        self._row_of: dict[RowKey, int] = self._index_rows(self._rows)
        doc.changed.connect(self._on_document_changed)

    @property
    def minutes(self) -> Minutes:
        """The document's model."""
        return self.doc.minutes

    # -- lookup ------------------------------------------------------------------
    def key(self, row: int) -> RowKey:
        """What row ``row`` shows."""
        return self._rows[row]

    def row_of(self, key: RowKey) -> int:
        """The row showing ``key`` (-1 when absent)."""
        return self._row_of.get(key, -1)

    def lang_of(self, column: int) -> Lang | None:
        """The language of a column (None for the number column)."""
        return self.langs[column - 1] if column >= 1 else None

    def column_of(self, lang: Lang) -> int:
        """The column of a language."""
        return self.langs.index(lang) + 1

    # -- Qt model API ------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self.langs)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        lang = self.lang_of(section)
        return _("No.") if lang is None else lang_label(lang)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Qt asks twice a row at every layout of the view (three at opening): precomputed
        # values, and only a section row looks further (``is_title_row``).
        row = index.row()
        if row < 0:  # the invalid index
            return _NO_FLAGS
        if self.read_only or not index.column():
            return _READ_ONLY
        if self._rows[row][0] is RowKind.SECTION and self.is_title_row(row):
            return _READ_ONLY
        return _EDITABLE

    def is_title_row(self, row: int) -> bool:
        """The heading row of an untitled preamble shows the minutes' title, read-only."""
        kind, ident = self._rows[row]
        if kind is not RowKind.SECTION or not self._exists(kind, ident):
            return False
        section = self.minutes.section(ident)
        return not section.numbered and not any(section.heading.values())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        kind, ident = self._rows[index.row()]
        lang = self.lang_of(index.column())
        if not self._exists(kind, ident):
            return None  # asked between a removal in the document and our row signals
        if role == Role.KIND:
            return kind
        if role == Role.ID:
            return ident
        if role == Role.LANG:
            return lang
        if kind is RowKind.SECTION:
            return self._section_data(ident, lang, role)
        return self._paragraph_data(ident, lang, role)

    def _section_data(self, sid: int, lang: Lang | None, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if lang is None:
                return ""
            section = self.minutes.section(sid)
            if not section.numbered and not any(section.heading.values()):
                return title(self.minutes, lang)  # the preamble opens under the title
            heading = section.heading.get(lang, "")
            if role == Qt.ItemDataRole.EditRole:
                return heading
            return self._shown_text(heading, section.tracks.get(lang))
        if role == Role.TRACK and lang is not None:  # a heading's revisions, drawn inline
            track = self.minutes.section(sid).tracks.get(lang)
            return track if self.show_mode is ShowMode.CHANGES else None
        return None

    def _paragraph_data(self, pid: int, lang: Lang | None, role: int) -> Any:
        m = self.minutes
        p = m.paragraph(pid)
        if role == Qt.ItemDataRole.EditRole:
            return "" if lang is None else p.text(lang)
        if self.overlay is not None and lang is not None and role in (
                Qt.ItemDataRole.DisplayRole, Role.TRACK):
            shown = self.overlay.get((pid, lang), ())
            return "".join(s.text for s in shown) if role == Qt.ItemDataRole.DisplayRole \
                else shown
        if role == Qt.ItemDataRole.DisplayRole:
            if lang is None:
                number = m.number(pid)
                return "" if number is None else str(number)
            return self._shown_text(p.text(lang), p.tracks.get(lang))
        if role == Role.TRACK:
            track = p.tracks.get(lang) if lang is not None else None
            return track if self.show_mode is ShowMode.CHANGES else None
        if role == Role.MARK:
            return p.mark
        if role == Role.BRACKETS:
            return self._brackets(p, lang) if p.brackets and lang is not None else ()
        if role == Role.STATUS:
            return status_of(p)
        if role == Role.VOICE:
            return m.paragraph(pid).voice
        if role == Qt.ItemDataRole.ToolTipRole and lang is None:
            return status_label(status_of(p))
        if role in (Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.AccessibleDescriptionRole):
            return self._spoken(pid, lang, role == Qt.ItemDataRole.AccessibleTextRole)
        return None

    def _spoken(self, pid: int, lang: Lang | None, text: bool) -> str:
        """What a screen reader says of a cell: colours and strike-outs are not heard, so the
        current text, and the pending changes counted by Side."""
        m = self.minutes
        p = m.paragraph(pid)
        if lang is None:
            number = m.number(pid)
            name = (_("Paragraph {number}").format(number=number) if number is not None
                    else _("Unnumbered paragraph"))
            return f"{name}, {status_label(status_of(p))}" if text else ""
        if text:
            return p.text(lang)
        counts: dict[Side, int] = {}
        for seg in p.tracks.get(lang) or ():
            if seg.kind != PLAIN and seg.author is not None:
                counts[seg.author.side] = counts.get(seg.author.side, 0) + 1
        return "; ".join(_("{side}: {n} pending changes").format(side=side_label(side), n=n)
                         for side, n in counts.items())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        lang = self.lang_of(index.column())
        if role != Qt.ItemDataRole.EditRole or lang is None or not isinstance(value, str):
            return False
        kind, ident = self._rows[index.row()]
        if not self._exists(kind, ident):
            return False  # an editor closing on a row that the document already removed
        if lang not in self.minutes.languages:
            return False  # an editor closing on a language the document just removed
        # an editor losing focus commits its text unchanged (at start-up, as the window is
        # activated): the edit operations' modules load with the first real edit only
        if kind is RowKind.SECTION:
            if value == self.minutes.section(ident).heading.get(lang, ""):
                return True
            from minutes_app.tracking.ops import edit_heading

            self.doc.apply(edit_heading(self.minutes, ident, lang, value, now_iso()),
                           _("Edit heading"))
        else:
            if value == self.minutes.paragraph(ident).text(lang):
                return True
            from minutes_app.tracking.ops import edit_text

            self.doc.apply(edit_text(self.minutes, ident, lang, value, now_iso()), _("Typing"))
        return True

    def _brackets(self, p: Paragraph, lang: Lang) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
        """The open brackets of a cell where the shown text has their words (the current
        text; with changes shown, deleted words count too); none on the original text."""
        track = p.tracks.get(lang)
        if track is not None and self.show_mode is ShowMode.ORIGINAL:
            return ()
        shown = []
        for b in open_brackets(p, lang):
            start, end = b.start, b.end
            if track is not None and self.show_mode is ShowMode.CHANGES:
                start, end = _on_screen(track, start, True), _on_screen(track, end, False)
            shown.append((start, end, tuple(o.text for o in b.options[1:])))
        return tuple(shown)

    def _shown_text(self, text: str, track: Track | None) -> str:
        if track is None:
            return text
        if self.show_mode is ShowMode.ORIGINAL:
            return baseline_text(track)
        if self.show_mode is ShowMode.CHANGES:
            return "".join(s.text for s in track)
        return text

    def set_overlay(self, overlay: dict[tuple[int, Lang], Track] | None,
                    read_only: bool = False) -> None:
        """Show these tracks (a comparison) instead of the pending revisions; None: stop."""
        self.overlay = overlay
        self.read_only = read_only and overlay is not None
        if self._rows:
            self.dataChanged.emit(self.index(0, 1),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def set_show_mode(self, mode: ShowMode) -> None:
        """Show changes, the original or the proposed text; rows re-measure themselves."""
        self.show_mode = mode
        if self._rows:
            self.dataChanged.emit(self.index(0, 1),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _exists(self, kind: RowKind, ident: int) -> bool:
        if kind is RowKind.PARAGRAPH:
            return self.minutes.has_paragraph(ident)
        return any(s.id == ident for s in self.minutes.sections)

    # -- following the document ----------------------------------------------------
    def _build_rows(self) -> list[RowKey]:
        rows: list[RowKey] = []
        for s in self.minutes.sections:
            rows.append((RowKind.SECTION, s.id))
            rows.extend((RowKind.PARAGRAPH, p.id) for p in s.paragraphs)
        return rows

    @staticmethod
    def _index_rows(rows: list[RowKey]) -> dict[RowKey, int]:
        return {key: i for i, key in enumerate(rows)}

    def _on_document_changed(self, change: Change) -> None:
        if change.meta and column_languages(self.minutes) != self.langs:
            self.beginResetModel()  # a language added, removed or moved: other columns
            self.langs = column_languages(self.minutes)
            self._set_rows(self._build_rows())
            self.endResetModel()
            return
        if change.structure:
            self._resync()
        columns = range(self.columnCount())
        for key in [*((RowKind.PARAGRAPH, p) for p in change.paragraphs),
                    *((RowKind.SECTION, s) for s in change.sections)]:
            row = self._row_of.get(key, -1)
            if row < 0:
                continue
            for column in columns:  # cell by cell: a view refreshes an open editor only so
                cell = self.index(row, column)
                self.dataChanged.emit(cell, cell)
        if change.meta and self._rows:  # the title row follows the meeting details
            self.dataChanged.emit(self.index(0, 1), self.index(0, self.columnCount() - 1))
        if change.structure and self._rows:  # numbers after the change may have shifted
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def _resync(self) -> None:
        """Turn the difference between old and new rows into insert/remove/move signals."""
        old, new = self._rows, self._build_rows()
        a = 0
        while a < min(len(old), len(new)) and old[a] == new[a]:
            a += 1
        b = 0
        while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
            b += 1
        old_mid, new_mid = old[a:len(old) - b], new[a:len(new) - b]
        root = QModelIndex()
        if len(old_mid) == len(new_mid) > 1 and old_mid[1:] == new_mid[:-1]:
            self.beginMoveRows(root, a, a, root, a + len(old_mid))  # one row moved down
            self._set_rows(new)
            self.endMoveRows()
        elif len(old_mid) == len(new_mid) > 1 and old_mid[:-1] == new_mid[1:]:
            last = a + len(old_mid) - 1
            self.beginMoveRows(root, last, last, root, a)  # one row moved up
            self._set_rows(new)
            self.endMoveRows()
        else:
            if old_mid:
                self.beginRemoveRows(root, a, a + len(old_mid) - 1)
                self._set_rows(old[:a] + old[len(old) - b:])
                self.endRemoveRows()
            if new_mid:
                self.beginInsertRows(root, a, a + len(new_mid) - 1)
                self._set_rows(new)
                self.endInsertRows()

    def _set_rows(self, rows: list[RowKey]) -> None:
        self._rows = rows
        self._row_of = self._index_rows(rows)

    def retranslate(self) -> None:
        """Refresh header and tooltips after an interface language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


def _on_screen(track: Track, offset: int, start: bool) -> int:
    """Where an offset of the current text stands in the text shown with its deletions.

    A bracket opens right before its first shown word and closes right after its last.
    """
    shown = current = 0
    for seg in track:
        n = len(seg.text)
        if seg.kind == DELETE:
            if current < offset or (current == offset and start):
                shown += n
            continue
        if current + n > offset or (current + n == offset and not start):
            return shown + offset - current
        shown += n
        current += n
    return shown
