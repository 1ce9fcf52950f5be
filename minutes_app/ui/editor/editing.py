"""Structural edits from the cursor's position: new, delete and move paragraphs and sections."""

from __future__ import annotations

from minutes_app.i18n import _
from minutes_app.model import InsertSection, MoveSection, RemoveSection, Section, new_paragraph
from minutes_app.tracking.structure import delete_paragraph, insert_paragraph, move_paragraph
from minutes_app.tracking.time import now_iso
from minutes_app.ui.document import Document
from minutes_app.ui.editor.view import AlignedEditor
from minutes_app.ui.editor.rows import RowKind


class StructureEditing:
    """Turns structure commands into operations at the editor's current row."""

    def __init__(self, doc: Document, view: AlignedEditor) -> None:
        self.doc = doc
        self.view = view

    def _current(self) -> tuple[RowKind, int] | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.view.editor_model().key(index.row())

    def _go(self, kind: RowKind, ident: int, column: int | None = None) -> None:
        model = self.view.editor_model()
        current = self.view.currentIndex().column()
        self.view.go_to(model.row_of((kind, ident)), column or max(1, current))

    def new_paragraph(self) -> None:
        """Insert an empty paragraph after the current one (or first in the current section)."""
        m = self.doc.minutes
        key = self._current()
        if key is None:
            if not m.sections:
                return
            sid, index = m.sections[-1].id, len(m.sections[-1].paragraphs)
        elif key[0] is RowKind.SECTION:
            sid, index = key[1], 0
        else:
            section = m.section_of(key[1])
            sid = section.id
            index = [p.id for p in section.paragraphs].index(key[1]) + 1
        p = new_paragraph(m)
        self.doc.apply(insert_paragraph(m, sid, index, p, now_iso()), _("New paragraph"))
        self._go(RowKind.PARAGRAPH, p.id, 1)

    def delete_paragraph(self) -> None:
        """Remove the current paragraph (undoable)."""
        key = self._current()
        if key is None or key[0] is not RowKind.PARAGRAPH:
            return
        row = self.view.currentIndex().row()
        m = self.doc.minutes
        self.doc.apply(delete_paragraph(m, key[1], now_iso()), _("Delete paragraph"))
        self.view.go_to(min(row, self.view.editor_model().rowCount() - 1),
                        self.view.currentIndex().column())

    def move_paragraph(self, step: int) -> None:
        """Move the current paragraph one place up (-1) or down (+1), across sections too."""
        key = self._current()
        if key is None or key[0] is not RowKind.PARAGRAPH:
            return
        m = self.doc.minutes
        section = m.section_of(key[1])
        index = [p.id for p in section.paragraphs].index(key[1])
        target, new_index = section, index + step
        if not 0 <= new_index < len(section.paragraphs):
            s_index = m.sections.index(section) + step
            if not 0 <= s_index < len(m.sections):
                return
            target = m.sections[s_index]
            new_index = len(target.paragraphs) if step < 0 else 0
        label = _("Move paragraph up") if step < 0 else _("Move paragraph down")
        self.doc.apply(move_paragraph(m, key[1], target.id, new_index, now_iso()), label)
        self._go(RowKind.PARAGRAPH, key[1])

    def move_to(self, kind: RowKind, ident: int, section_id: int, before: int) -> None:
        """Move a paragraph (into ``section_id``) or a section to the place before index
        ``before``, counted while it is still where it was (a drop in the outline)."""
        m = self.doc.minutes
        if kind is RowKind.PARAGRAPH:
            source = m.section_of(ident)
            old = [p.id for p in source.paragraphs].index(ident)
            same = source.id == section_id
            position = before - 1 if same and old < before else before
            if not (same and position == old):
                self.doc.apply(move_paragraph(m, ident, section_id, position, now_iso()),
                               _("Move paragraph"))
        else:
            old = m.section_index(ident)
            position = before - 1 if old < before else before
            if position != old:
                self.doc.apply(MoveSection(ident, position), _("Move section"))
        self._go(kind, ident)

    def new_section(self) -> None:
        """Insert an empty section after the current one, holding one empty paragraph."""
        m = self.doc.minutes
        key = self._current()
        index = len(m.sections)
        if key is not None:
            sid = key[1] if key[0] is RowKind.SECTION else m.section_of(key[1]).id
            index = m.section_index(sid) + 1
        section = Section(m.allocate_id(), {lang: "" for lang in m.languages})
        section.paragraphs.append(new_paragraph(m))
        self.doc.apply(InsertSection(index, section), _("New section"))
        self._go(RowKind.SECTION, section.id, 1)

    def _current_section_id(self) -> int | None:
        key = self._current()
        if key is None:
            return None
        return key[1] if key[0] is RowKind.SECTION else self.doc.minutes.section_of(key[1]).id

    def delete_section(self) -> None:
        """Remove the current section with its paragraphs (undoable)."""
        sid = self._current_section_id()
        if sid is not None:
            self.doc.apply(RemoveSection(sid), _("Delete section"))

    def move_section(self, step: int) -> None:
        """Move the current section one place up (-1) or down (+1)."""
        sid = self._current_section_id()
        if sid is None:
            return
        index = self.doc.minutes.section_index(sid) + step
        if 0 <= index < len(self.doc.minutes.sections):
            label = _("Move section up") if step < 0 else _("Move section down")
            self.doc.apply(MoveSection(sid, index), label)
            self._go(RowKind.SECTION, sid)
