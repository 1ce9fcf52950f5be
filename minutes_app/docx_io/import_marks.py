"""What a returned row carries besides its text: brackets (bookmarks on their words, options
in a note) and comments (with their threads), brought in as the import's operations."""

from __future__ import annotations

from minutes_app.docx_io.bracket_marks import (
    BRACKET_NOTE, cell_anchors, placed, read_notes, unknown_brackets,
)
from minutes_app.docx_io.comment_threads import ThreadInfo
from minutes_app.docx_io.import_history import _iso
from minutes_app.docx_io.import_report import ImportReport
from minutes_app.docx_io.import_rows import _Row
from minutes_app.docx_io.reader import ANCHOR_PREFIX, ReadDocument, ReadParagraph
from minutes_app.docx_io.unplaced import Unplaced
from minutes_app.docx_io.working import author_name
from minutes_app.model import AddComment, Comment, Lang, Minutes, Paragraph, SetBrackets, Side
from minutes_app.tracking.brackets import add_bracket_op
from minutes_app.tracking.merge import Recorder


class RowMarks:
    """The import's handling of a row's brackets and comments (``_Importer`` holds the state
    named below)."""

    m: Minutes
    doc: ReadDocument
    rec: Recorder
    report: ImportReport
    from_side: Side
    now: str
    sides: dict[str, Side]  # DOCX author names → their Side
    unplaced: list[Unplaced]
    word_ids: dict[str, int]  # Word comment id → ours, for replies

    def _side_of(self, author: str) -> Side:
        """The Side of a DOCX author: known names, remembered ones, else the returning Side."""
        side = self.sides.get(author, self.from_side)
        self.report.authors[author] = side.value
        return side

    def _new_brackets(self, row: _Row, p: Paragraph,
                      moved: dict[Lang, tuple[str, str]]) -> None:
        """Brackets the file marks that this document does not know (made in another copy);
        in a text our later edits changed, placed by their words, or listed when those words
        are not there once."""
        anchors = {lang: cell_anchors(cell) for lang, cell in row.cells.items()
                   if lang in self.m.languages}
        for lang, (returned, text) in moved.items():
            anchors[lang] = self._by_words(anchors.get(lang, {}), returned, text)
        if not any(anchors.values()):
            return
        notes = read_notes(self.doc.comments.get(cid, (None, ""))[1]
                           for rp in row.anchors for cid in rp.comment_ids)
        names = {author_name(self.m, s): s for s in Side}
        made = unknown_brackets(self.m, p, anchors, notes,
                                lambda name: names.get(name) or self.sides.get(name), self.now)
        if made:
            self.rec.do(add_bracket_op(self.m, p.id, made[0]) if len(made) == 1
                        else SetBrackets(p.id, (*p.brackets, *made)))

    def _by_words(self, found: dict[str, tuple[int, int]], returned: str, text: str
                  ) -> dict[str, tuple[int, int]]:
        """Bookmarks on their text moved onto ours by the words they hold (found once)."""
        out = {}
        for name, (start, end) in found.items():
            words = returned[start:end]
            at = text.find(words) if words else -1
            if at >= 0 and text.find(words, at + 1) < 0:
                out[name] = (at, at + len(words))
            elif name.startswith(ANCHOR_PREFIX):
                self.unplaced.append(Unplaced("bracket", "bracket", words))
        return out

    def _brackets(self, p: Paragraph, lang: Lang, cell: list[ReadParagraph]) -> None:
        """Brackets go where the file's bracket bookmarks stand (they moved with the words)."""
        if p.brackets:
            op = placed(p, lang, cell_anchors(cell))
            if op is not None:
                self.rec.do(op)

    def _comments(self, row: _Row, pid: int) -> None:
        known = {c.text: c.id for c in self.m.paragraph(pid).comments}
        for rp in row.anchors:  # a comment starting in a language's cell keeps the language
            lang = next((lang for lang, cell in row.cells.items()
                         if lang in self.m.languages and any(x is rp for x in cell)), None)
            self._comment_ids(rp.comment_ids, pid, known, lang)
            # a comment over two rows: on this row's paragraph too (on the same row, once)
            self._comment_ids(rp.comment_ends, pid, known, lang)

    def _comment_ids(self, ids: list[str], pid: int, known: dict[str, int],
                     lang: Lang | None = None) -> None:
        for cid in ids:
            change, text = self.doc.comments.get(cid, (None, ""))
            if change is None or not text or BRACKET_NOTE.match(text) is not None:
                continue
            info = self.doc.threads.get(cid)
            if text in known:  # ours, sent out: only its thread's state may have changed
                self.word_ids.setdefault(cid, known[text])
                self._resolved(pid, known[text], info)
                continue
            side = self._side_of(change.author)
            created = _iso(change.date) or self.now
            parent = self.word_ids.get(info.parent) if info and info.parent else None
            person = "" if change.author in self.sides else change.author
            comment = Comment(self.m.allocate_id(), side, text, created, lang=lang,
                              author=person, parent=parent,
                              resolved=bool(info and info.done and not parent))
            self.rec.do(AddComment(pid, comment))
            known[text] = comment.id
            self.word_ids.setdefault(cid, comment.id)  # a reply answers the first of two
            self.report.comments += 1

    def _resolved(self, pid: int, comment_id: int, info: ThreadInfo | None) -> None:
        """A thread they resolved (or reopened) in Word: resolved (or reopened) here."""
        from minutes_app.model.threads import SetCommentResolved, thread_root

        root = thread_root(self.m.paragraph(pid), comment_id)
        if info is not None and info.parent is None and info.done != root.resolved:
            self.rec.do(SetCommentResolved(pid, root.id, info.done))
