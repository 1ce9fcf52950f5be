"""Tracked changes where an import cannot place them: headers, footers, notes, text boxes, formats.

Our working copy never writes notes or text boxes and never tracks formatting; the other
Side's changes there are listed (``ReadDocument.elsewhere``) so that nothing goes unseen. Their
paragraphs are read as the body's are (hidden and marked words noted: ``run_content``) and
each is given its place (``ReadDocument.places``: ``part_places``). ``revisions_json`` lists
every tracked change and comment of a DOCX for the ``revisions`` command.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from minutes_app.docx_io import run_content as rc
from minutes_app.docx_io.part_places import held, part_name, part_places
from minutes_app.docx_io.reader import (
    INSERT, PLAIN, W, Elsewhere, ReadDocument, ReadParagraph, _change, _State, read_paragraph,
)
from minutes_app.docx_io.safety import DocxArchive

_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PART_SCOPES = {"header": "header", "footer": "footer", "footnotes": "footnote",
                "endnotes": "endnote"}
NOTE_REFERENCES = (f"{W}footnoteReference", f"{W}endnoteReference")
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
FORMAT_CHANGES = tuple(f"{W}{t}" for t in (
    "rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange",
    "tblPrExChange", "sectPrChange", "numberingChange", "cellIns", "cellDel", "cellMerge"))


def _paragraphs(node: etree._Element) -> Iterator[etree._Element]:
    """Every ``w:p`` below ``node``, skipping the fallback copy of a drawing (read once)."""
    for c in node:
        if c.tag == _FALLBACK or not isinstance(c.tag, str):
            continue
        if c.tag == f"{W}p":
            yield c
        yield from _paragraphs(c)


def _changes(rp: ReadParagraph, scope: str, location: str, index: int | None
             ) -> Iterator[Elsewhere]:
    if rp.mark is not None:
        kind, ch = rp.mark
        yield Elsewhere(scope, "insert" if kind == INSERT else "delete", "¶", ch, location,
                        index)
    for p in rp.pieces:
        if p.kind != PLAIN and p.change is not None:
            yield Elsewhere(scope, "insert" if p.kind == INSERT else "delete", p.text,
                            p.change, location, index)


def _part_targets(rels: etree._Element | None) -> list[tuple[str, str]]:
    """(scope, part name) of the headers, footers and notes the document uses."""
    found = []
    for r in rels.iter(_REL) if rels is not None else ():
        scope = _PART_SCOPES.get((r.get("Type") or "").rsplit("/", 1)[-1])
        if scope and r.get("TargetMode") != "External":
            found.append((scope, part_name(r.get("Target") or "")))
    return sorted(set(found))


class _Part(NamedTuple):
    """A part outside the body to read: its scope, name and place ("header of section 1")."""

    scope: str
    name: str
    place: str


def _read_part(archive: DocxArchive, part: _Part, doc: ReadDocument,
               cited: dict[tuple[str, str], int], styles: etree._Element | None) -> None:
    scope, name, place = part
    root = archive.xml(name)
    if root is None:
        return
    st = _State()
    st.looks = rc.Looks.for_document(root, styles)  # hidden or marked words there too
    for p in _paragraphs(root):
        note = next(p.iterancestors(f"{W}footnote", f"{W}endnote"), None)
        if note is not None and note.get(f"{W}type") in _NOTE_SEPARATORS:
            continue
        alternates = len(st.alternates)
        rp = read_paragraph(p, st)
        doc.parts.setdefault(scope, []).append(rp)
        at = cited.get((scope, note.get(f"{W}id") or "")) if note is not None else None
        where = place if at is None else held(scope, f"paragraph {at}")
        if next(p.iterancestors(f"{W}txbxContent"), None) is not None:
            where = held("text box", where)
        doc.places[id(rp)] = where
        if at is not None:
            doc.notes_at[id(rp)] = at
        doc.elsewhere.extend(_changes(rp, scope, name if at is None and place == scope
                                      else where, at))
        doc.part_alternates.extend((where, text) for _i, text in st.alternates[alternates:])
    doc.elsewhere.extend(_formats(root, scope, place, {}))


def _citations(root: etree._Element, index_of: dict[etree._Element, int] | None
               ) -> dict[tuple[str, str], int]:
    """(footnote | endnote, the note's id) → the body paragraph that cites it."""
    found: dict[tuple[str, str], int] = {}
    if not index_of:
        return found
    for ref in root.iter(*NOTE_REFERENCES):
        p = next(ref.iterancestors(f"{W}p"), None)
        if p is not None and p in index_of:
            scope = "footnote" if ref.tag == NOTE_REFERENCES[0] else "endnote"
            found.setdefault((scope, ref.get(f"{W}id") or ""), index_of[p])
    return found


def _textboxes(doc: ReadDocument, st: _State) -> None:
    """The body's text boxes (a drawing's, or VML's when it stands alone), read as Word shows
    them: hidden or marked words noted, each paragraph placed by the body paragraph holding
    the box."""
    seen: set[etree._Element] = set()
    for run, index in st.hosts:
        if run in seen:
            continue
        seen.add(run)
        for box in run.iter(f"{W}txbxContent"):
            if next(box.iterancestors(_FALLBACK), None) is not None:
                continue  # the VML copy of the same text box
            inner = _State()
            inner.looks = st.looks  # the document's: its runs were looked at with the body's
            for p in _paragraphs(box):
                rp = read_paragraph(p, inner)
                doc.parts.setdefault("textbox", []).append(rp)
                doc.places[id(rp)] = held("text box", f"paragraph {index}")
                doc.elsewhere.extend(_changes(rp, "textbox", f"paragraph {index}", index))


# the properties element a change holds the old copy of, and what is left out of the comparison
_NOT_COMPARED = {f"{W}{t}" for t in ("rPr", "sectPr", "ins", "del", "moveFrom", "moveTo",
                                     "cellIns", "cellDel", "cellMerge")}
_CELL_CHANGES = {f"{W}cellIns": "insert", f"{W}cellDel": "delete"}


def changed_properties(e: etree._Element) -> str:
    """What a formatting change changed, as the properties' local names (``b,jc``): those of
    its parent (the new formatting) that differ from the old copy it holds."""
    if not e.tag.endswith("Change") or e.tag in (f"{W}tblGridChange", f"{W}numberingChange",
                                                    f"{W}sectPrChange"):
        return etree.QName(e).localname
    parent = e.getparent()
    old = next((c for c in e if isinstance(c.tag, str)), None)

    def props(node: etree._Element | None) -> dict[str, bytes]:
        if node is None:
            return {}
        return {etree.QName(c).localname: etree.tostring(c, with_tail=False) for c in node
                if isinstance(c.tag, str) and not c.tag.endswith("Change")
                and c.tag not in _NOT_COMPARED}

    new, before = props(parent), props(old)
    return ",".join(sorted(k for k in new.keys() | before.keys() if new.get(k) != before.get(k)))


def _first_index(node: etree._Element, index_of: dict[etree._Element, int]) -> int | None:
    return next((index_of[p] for p in node.iter(f"{W}p") if p in index_of), None)


def _paragraph_place(p: etree._Element, location: str, index_of: dict[etree._Element, int]
                     ) -> tuple[str, int | None] | None:
    """Where a paragraph holding a formatting change stands, and its body index: a text box's
    by the paragraph holding the box (None: the fallback copy of a drawing's box)."""
    box = next(p.iterancestors(f"{W}txbxContent"), None)
    if box is None:
        index = index_of.get(p)
        return (f"paragraph {index}", index) if index is not None else (location, None)
    if next(box.iterancestors(_FALLBACK), None) is not None:
        return None
    host = next(box.iterancestors(f"{W}p"), None)
    at = index_of.get(host) if host is not None else None
    return held("text box", f"paragraph {at}" if at is not None else location), None


def _formats(root: etree._Element, scope: str, location: str,
             index_of: dict[etree._Element, int]) -> Iterator[Elsewhere]:
    """Formatting-only changes (``w:rPrChange`` and its kin), with the text they touch and what
    they changed; a cell inserted or deleted (``w:cellIns``, ``w:cellDel``) as such."""
    for e in root.iter(*FORMAT_CHANGES):
        holder = next(e.iterancestors(f"{W}p", f"{W}tc", f"{W}tr", f"{W}tbl", f"{W}sectPr"),
                      None)
        text, index, where = "", None, location
        if holder is not None and holder.tag == f"{W}p":
            placed = _paragraph_place(holder, location, index_of)
            if placed is None:
                continue  # the VML copy of a text box: its change is the drawing's
            text, (where, index) = read_paragraph(holder).text(), placed
        elif holder is not None and holder.tag in (f"{W}tc", f"{W}tr", f"{W}tbl"):
            text = " | ".join(read_paragraph(p).text() for p in holder.iter(f"{W}p"))[:200]
            index = _first_index(holder, index_of)
            where = {f"{W}tc": "table cell", f"{W}tr": "table row"}.get(holder.tag, "table")
        elif holder is not None:
            where = "section"
        if e.tag in _CELL_CHANGES:
            yield Elsewhere("cell", _CELL_CHANGES[e.tag], text, _change(e), where, index)
        else:
            yield Elsewhere("format", "format", text, _change(e), where, index,
                            changed_properties(e))


def read_elsewhere(archive: DocxArchive, root: etree._Element, doc: ReadDocument,
                   st: _State, styles: etree._Element | None) -> None:
    """Fill ``doc.elsewhere`` (and ``doc.parts``) from every place an import cannot place;
    ``styles`` (the styles part) tell the words they hide there."""
    _textboxes(doc, st)
    doc.elsewhere.extend(_formats(root, "format", "body", st.index_of or {}))
    cited = _citations(root, st.index_of)
    rels = archive.xml("word/_rels/document.xml.rels")
    places = part_places(root, rels)
    for scope, name in _part_targets(rels):
        _read_part(archive, _Part(scope, name, places.get(name, scope)), doc, cited, styles)


def elsewhere_json(doc: ReadDocument) -> list[dict[str, object]]:
    """The changes in ``doc.elsewhere`` as ``revisions --json`` lists them."""
    return [{"paragraph": e.paragraph, "kind": e.kind, "scope": e.scope, "text": e.text,
             "author": e.change.author, "date": e.change.date, "location": e.location,
             **({"changed": e.detail.split(",")} if e.detail else {})}
            for e in doc.elsewhere]


def row_marks_json(doc: ReadDocument) -> list[dict[str, object]]:
    """Whole table rows inserted or deleted, as ``revisions --json`` lists them."""
    return [{"paragraph": None, "kind": "insert" if kind == INSERT else "delete",
             "scope": "row", "text": " | ".join(p.text(accept=kind == INSERT) for cell in
                                                doc.tables[t][r] for p in cell),
             "author": ch.author, "date": ch.date, "location": f"table {t + 1}, row {r + 1}"}
            for (t, r), (kind, ch) in doc.row_marks.items()]


def link_moves(found: list[dict[str, object]]) -> None:
    """Give each half of a move the index of its other half (``pair``), by the range's name."""
    first: dict[tuple[object, object], int] = {}
    for i, r in enumerate(found):
        if r.get("move"):
            first.setdefault((r["move"], r["kind"]), i)
    for r in found:
        if r.get("move"):
            other = "insert" if r["kind"] == "delete" else "delete"
            r["pair"] = first.get((r["move"], other))


def revisions_json(doc: ReadDocument) -> list[dict[str, object]]:
    """Every tracked change and comment of a DOCX, for ``minutes-app revisions FILE.docx``."""
    out: list[dict[str, object]] = []
    for index, rp in enumerate(doc.paragraphs):
        if rp.mark is not None:  # the paragraph mark: a paragraph break inserted or deleted
            kind, ch = rp.mark
            out.append({"paragraph": index, "kind": "insert" if kind == INSERT else "delete",
                        "scope": "paragraph-mark", "text": "¶", "author": ch.author,
                        "date": ch.date,
                        "inside": rp.mark_inside.author if rp.mark_inside else None,
                        "move": rp.mark_move or None})
        for p in rp.pieces:
            if p.kind != PLAIN and p.change is not None:
                out.append({"paragraph": index, "kind": "insert" if p.kind == INSERT
                            else "delete", "scope": "text", "text": p.text,
                            "author": p.change.author, "date": p.change.date,
                            "inside": p.inside.author if p.inside else None,
                            "move": p.move or None})
        for cid in rp.comment_ids:
            if cid in doc.comments:
                ch, text = doc.comments[cid]
                out.append({"paragraph": index, "kind": "comment", "scope": "comment",
                            "text": text, "author": ch.author, "date": ch.date})
    link_moves(out)
    return out + row_marks_json(doc) + elsewhere_json(doc)
