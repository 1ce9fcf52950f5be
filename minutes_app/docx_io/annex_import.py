"""A returned working copy's annex rows: their edits become the other Side's revisions.

Rows map back by their ``_ma_<annex>_<part>`` bookmarks. A changed cell becomes a tracked edit
of that part (authored as the cell's tracked changes say, else by the returning Side); a row
deleted (tracked, or gone) deletes its paragraph's words; a row without an id right after an
annex's last row (the copy's last as exported, or ours) is a new paragraph at the end of that
annex. What cannot be placed is listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from minutes_app.docx_io.import_rows import _cell_text, _Row
from minutes_app.docx_io.reader import DELETE
from minutes_app.docx_io.unplaced import Unplaced
from minutes_app.errors import N_, Message
from minutes_app.model import Lang
from minutes_app.model.annexes import FREE, part_text, roman
from minutes_app.model.track import Author
from minutes_app.tracking.annexes import EditAnnexText
from minutes_app.tracking.merge3 import merge_text

if TYPE_CHECKING:
    from minutes_app.docx_io.import_report import ImportReport
    from minutes_app.docx_io.importer import _Importer


def annex_note(report: ImportReport) -> Message | None:
    """The free-annex parts an import revised, when there are any (said after the summary)."""
    if not report.annexes:
        return None
    return Message(N_("Annex parts revised: {parts}."), {"parts": ", ".join(
        f"{roman(n)}.{part}" if part else roman(n) for n, part in sorted(report.annexes))})


class AnnexRows:
    """Places the annex rows of one returned file (and the rows they inserted after them)."""

    def __init__(self, imp: _Importer) -> None:
        self.imp = imp
        self.seen: set[tuple[int, int]] = set()
        self.last: tuple[int, int] | None = None  # the annex row just read
        # an annex moved since the export: the copy's index (its rows' ids) → ours now, by
        # the key the export recorded (an annex without one keeps its index)
        keys = imp.base.annex_keys if imp.base is not None else ()
        here = {a.key: i for i, a in enumerate(imp.m.annexes) if a.key}
        self.now: dict[int, int | None] = {i: here.get(k) for i, k in enumerate(keys) if k}
        self.then = {v: k for k, v in self.now.items() if v is not None}

    def _placeable(self, index: int) -> bool:
        """Whether our annex ``index`` is there and free (its rows can be placed)."""
        return index < len(self.imp.m.annexes) and self.imp.m.annexes[index].kind == FREE

    def _exported(self, index: int) -> int | None:
        """Our annex ``index`` as the copy numbered it (None: added since the export)."""
        if index in self.then:
            return self.then[index]
        return None if self.imp.m.annexes[index].key and self.now else index

    def row(self, row: _Row) -> bool:
        """Place ``row`` if it is an annex's (or follows one's last row); True when placed."""
        if row.annex is None:
            if self.last is None or row.section is not None or row.pid is not None:
                self.last = None
                return False
            return self._new(row)
        exported, part = row.annex
        moved = self.now.get(exported, exported)
        index = moved if moved is not None else len(self.imp.m.annexes)  # gone since: none
        self.last = (index, part)
        m = self.imp.m
        if not self._placeable(index) or part > len(m.annexes[index].paragraphs):
            text = " / ".join(_cell_text(c) for c in row.cells.values())
            self.imp.unplaced.append(Unplaced("annex", f"annex {exported + 1}, part {part}",
                                              text))
            return True
        self.seen.add((index, part))
        self._comments(row, index, part)
        deleted = row.mark is not None and row.mark[0] == DELETE
        for lang, cell in row.cells.items():
            if lang not in m.languages:
                continue
            ours = part_text(m.annexes[index], part, lang)
            text = self._onto_ours(exported, part, lang, ours,
                                   "" if deleted else _cell_text(cell))
            if text != ours:
                author = self.imp.author(cell, row.mark[1] if row.mark else None)
                self._edit(index, part, lang, text, author)
        return True

    def _onto_ours(self, index: int, part: int, lang: Lang, ours: str, returned: str) -> str:
        """Their changes to the part as the copy had it, onto ours (``import_base``)."""
        base = self.imp.base
        was = base.annex_part(index, part, lang) if base is not None else None
        if was is None:
            return returned
        merged = merge_text(was, ours, returned, delimit=True)
        self.imp.report.kept += merged.text != returned
        self.imp.report.text_conflicts += len(merged.conflicts)
        return merged.text

    def _comments(self, row: _Row, index: int, part: int) -> None:
        """Annex parts hold no comments: one there cannot be placed (listed, not dropped)."""
        for rp in row.anchors:
            for cid in rp.comment_ids:
                change, text = self.imp.doc.comments.get(cid, (None, ""))
                if change is not None and text:
                    self.imp.unplaced.append(Unplaced(
                        "comment", f"annex {index + 1}, part {part}", text, change.author))

    def _new(self, row: _Row) -> bool:
        assert self.last is not None
        index, part = self.last
        texts = {lang: _cell_text(c) for lang, c in row.cells.items()
                 if lang in self.imp.m.languages and _cell_text(c).strip()}
        if not texts:
            return True  # an empty row added: nothing to place
        if not self._placeable(index):  # after an annex row that could not be placed
            self.imp.unplaced.append(Unplaced("annex", f"row after annex {index + 1}",
                                              " / ".join(texts.values())))
            return True
        a = self.imp.m.annexes[index]
        if part not in (len(a.paragraphs), self._last_exported(self._exported(index))):
            # between two of its rows: where exactly is unknown
            self.imp.unplaced.append(Unplaced("annex", f"annex {index + 1}, after part {part}",
                                              " / ".join(texts.values())))
            return True
        # after the annex's last row (the copy's last, or ours): at its end, after the
        # paragraphs we added since the export
        new = len(a.paragraphs) + 1
        cells = [rp for c in row.cells.values() for rp in c]
        author = self.imp.author(cells, row.mark[1] if row.mark else None)
        for lang, text in texts.items():
            self._edit(index, new, lang, text, author)
        self.seen.add((index, new))
        self.last = (index, new)
        return True

    def _last_exported(self, index: int | None) -> int | None:
        """The last part of the copy's annex ``index`` as exported (None: no record of it)."""
        base, langs = self.imp.base, self.imp.m.languages
        if base is None or index is None or all(
                base.annex_part(index, 0, lang) is None for lang in langs):
            return None
        part = 0
        while any(base.annex_part(index, part + 1, lang) is not None for lang in langs):
            part += 1
        return part

    def _edit(self, index: int, part: int, lang: object, text: str, author: Author) -> None:
        assert isinstance(lang, Lang)
        self.imp.rec.do(EditAnnexText(index, part, lang, text, author))
        report = self.imp.report
        report.by_side[author.side.value] = report.by_side.get(author.side.value, 0) + 1
        if (index + 1, part) not in report.annexes:
            report.annexes.append((index + 1, part))

    def _added_since(self, index: int, part: int) -> bool:
        """A part we added after the export: not in the copy, so not deleted by them."""
        base, m = self.imp.base, self.imp.m
        exported = self._exported(index)
        return base is not None and (exported is None or all(
            base.annex_part(exported, part, lang) is None for lang in m.languages))

    def missing(self, rows: list[_Row]) -> None:
        """Annex paragraphs whose rows are gone: their words deleted by the returning Side;
        a heading row gone is listed (an annex keeps its heading)."""
        if not any(r.annex is not None for r in rows):
            return  # a file without annex rows (written before they existed)
        imp = self.imp
        for index, a in enumerate(imp.m.annexes):
            if a.kind != FREE:
                continue
            for part in range(1 + len(a.paragraphs)):
                if (index, part) in self.seen or self._added_since(index, part):
                    continue
                if part == 0:
                    text = " / ".join(a.heading.get(lang, "") for lang in imp.m.languages)
                    imp.unplaced.append(Unplaced("annex", f"annex {index + 1}, heading", text))
                    continue
                author = Author(imp.from_side, imp.round_number, imp.now)
                for lang in imp.m.languages:
                    if part_text(imp.m.annexes[index], part, lang):
                        self._edit(index, part, lang, "", author)
