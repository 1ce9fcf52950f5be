"""The number and status columns of a returned working copy: ours, never imported.

A number is derived and a status decided in the app, so whatever the other Side changed there
is listed as not applied (``Unplaced``): tracked changes as they are, words typed over ours
as ours → theirs. So is what changed in the column of a language the document no longer has.
"""

from __future__ import annotations

import re

from minutes_app.docx_io.headers import HEADER_WORDS
from minutes_app.docx_io.import_rows import _cell_text, _Row
from minutes_app.docx_io.reader import ReadParagraph
from minutes_app.docx_io.unplaced import Unplaced
from minutes_app.docx_io.working import status_text
from minutes_app.model import Minutes


# words a header may hold besides a language's name: how a delegation names our columns
_HEADER_WORDS = {"no", "nr", "№", "number", "номер", "번호", "status", "статус", "상태", "text",
                 "текст", "язык", "языке", "языка", "на", "version", "версия", "column", "본문",
                 "문안", "열", "the", "in", "of", "original", "оригинал"}
_WORD = re.compile(r"\w+|№")


def _names_a_column(text: str) -> bool:
    """Whether a header's words only name a column (each a language's or a header word)."""
    stems = [w for words in HEADER_WORDS.values() for w in words]
    return all(w in _HEADER_WORDS or any(s in w for s in stems)
               for w in _WORD.findall(text.lower()))


def _plain(text: str) -> str:
    """A number or status cell's words as compared: spaces and the "no number" dot aside."""
    return " ".join(text.replace("·", " ").split())


class ColumnCheck:
    """What our export wrote in each row's number and status columns, and what differs."""

    def __init__(self, m: Minutes) -> None:
        # taken before the import moves anything: (kind, id) → (number, status)
        self.sent: dict[tuple[str, int | None], tuple[str, str]] = {
            ("s", s.id): ("", "") for s in m.sections}
        for p in m.paragraphs():
            number = m.number(p.id)
            self.sent["p", p.id] = (str(number) if number else "", status_text(m, p))
        self.typed_status: list[tuple[int, str, Unplaced]] = []
        self.languages = set(m.languages)
        self.round_texts = m.rounds[-1].texts if m.rounds else {}  # what went out last

    def row(self, row: _Row, index: int) -> list[Unplaced]:
        """The changes in one row's number and status columns (a whole row inserted or
        deleted takes its number and status with it: nothing), and in a column of a language
        the document no longer has."""
        foreign = self._foreign(row, index) + self._strays(row, index)
        if row.mark is not None:
            return foreign
        return foreign + self._ours(row, index)

    def _strays(self, row: _Row, index: int) -> list[Unplaced]:
        """Cells no language column takes: one they added (a status word as we wrote it under
        a renamed Status header aside), one merged across columns (not given to a language)."""
        out = []
        sent = self.sent.get(("s", row.section) if row.section is not None else ("p", row.pid))
        for scope, cell in row.strays:
            text = _cell_text(cell)
            if not text.strip() and not any(rp.changed for rp in cell):
                continue
            if scope == "added-column" and sent is not None and _plain(text) == _plain(sent[1]):
                continue
            out.append(Unplaced(scope, f"row {index}",
                                text if text.strip() else _cell_text(cell, accept=False)))
        return out

    def header(self, cells: list[list[ReadParagraph]]) -> list[Unplaced]:
        """The header row: words that do not just name a column (a language, "No.", "Status"
        in any of our languages; a header renamed so, tracked or not, is no proposal) are
        listed, never dropped."""
        return [Unplaced("header-row", "header-row", text) for cell in cells
                if not _names_a_column(text := _cell_text(cell))]

    def _foreign(self, row: _Row, index: int) -> list[Unplaced]:
        """A column of a language removed since the copy went out: a text that differs there
        from the last round (changed tracked or typed, a new row's) is listed, never dropped."""
        if row.section is not None or row.annex is not None:
            return []
        out = []
        for lang, cell in row.cells.items():
            text = _cell_text(cell)
            if lang in self.languages or not text.strip():
                continue
            sent = self.round_texts.get(row.pid, {}).get(lang) if row.pid is not None else None
            if text != sent:  # the text as it reads with every change taken, as a round
                out.append(Unplaced("language", f"row {index}", f"{lang.value}: {text}"))
        return out

    def _ours(self, row: _Row, index: int) -> list[Unplaced]:
        texts = {id(rp) for cell in row.cells.values() for rp in cell}
        texts |= {id(rp) for _scope, cell in row.strays for rp in cell}  # listed by _strays
        status = row.status or []
        number = [rp for rp in row.anchors if id(rp) not in texts
                  and all(rp is not q for q in status)]
        out = [Unplaced("column", f"row {index}", rp.text() or rp.text(accept=False))
               for rp in row.anchors if id(rp) not in texts and rp.changed]
        sent = self.sent.get(("s", row.section) if row.section is not None else ("p", row.pid))
        if sent is None:  # a row of theirs, an annex's row: its columns are its own
            return out
        theirs = (row.number, _cell_text(status) if row.status is not None else None)
        for scope, cell, ours, typed in (("number", number, sent[0], theirs[0]),
                                         ("status", status, sent[1], theirs[1])):
            if typed is None or any(rp.changed for rp in cell) or _plain(typed) == _plain(ours):
                continue
            said = Unplaced(scope, f"row {index}", f"{ours or '·'} → {typed.strip() or '·'}")
            if scope == "status" and row.pid is not None:  # unless the import brings it
                self.typed_status.append((row.pid, typed, said))
            else:
                out.append(said)
        return out

    def after(self, m: Minutes) -> list[Unplaced]:
        """A status typed over ours, unless the imported text has it (a bracket from another
        copy makes the paragraph bracketed, as their cell says): once the rows are in."""
        out = []
        for pid, typed, said in self.typed_status:
            p = m.paragraph(pid) if m.has_paragraph(pid) else None
            if p is None or _plain(typed) != _plain(status_text(m, p)):
                out.append(said)
        return out
