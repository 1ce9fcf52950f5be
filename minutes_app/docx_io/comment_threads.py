"""Comment threads as Word writes them: replies and the resolved state in
``word/commentsExtended.xml`` (w15), keyed by the ``w14:paraId`` of each comment's paragraph.

Writing: ``write_threads`` after the comments are added. Reading: ``read_threads`` gives, per
comment id, the id of the comment it answers and whether its thread is done.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

from minutes_app.docx_io.package import Edit, NewPart

if TYPE_CHECKING:
    from docx.comments import Comment as DocxComment

    from minutes_app.docx_io.safety import DocxArchive
    from minutes_app.model import Comment

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PART = "word/commentsExtended.xml"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
RELATIONSHIP = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


class ThreadInfo(NamedTuple):
    """What commentsExtended says of one comment."""

    parent: str | None  # the Word id of the comment it answers
    done: bool


def para_id(comment_id: int) -> str:
    """A stable ``w14:paraId`` for a comment (eight hex digits below 0x80000000)."""
    return f"{0x1C000000 + comment_id:08X}"


def write_threads(written: list[tuple[DocxComment, Comment]]) -> tuple[Edit, NewPart] | None:
    """The edit of the comments part that marks each comment's paragraph, and the
    commentsExtended part (``save_stable``'s ``edits["comments"]`` and ``added``).

    None when no comment answers another or is resolved.
    """
    if not any(c.parent is not None or c.resolved for _w, c in written):
        return None  # no thread to tell: Word's plain comments are enough
    by_word_id = {str(w.comment_id): c for w, c in written}
    ours = {c.id for _w, c in written}
    resolved = {c.id for _w, c in written if c.parent is None and c.resolved}
    entries = []
    for model in by_word_id.values():  # the comments part's order: as they were added
        parent = model.parent if model.parent in ours else None
        entry = {"paraId": para_id(model.id)}
        if parent is not None:
            entry["paraIdParent"] = para_id(parent)
        entry["done"] = "1" if (parent or model.id) in resolved else "0"
        entries.append(entry)
    xml = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
    xml.set(f"{{{MC}}}Ignorable", "w15")

    def edit(root: etree._Element) -> etree._Element:
        fresh = _with_w14(root)
        for elm in fresh.iter(f"{{{W}}}comment"):
            model = by_word_id.get(elm.get(f"{{{W}}}id") or "")
            paragraphs = list(elm.iter(f"{{{W}}}p"))
            if model is not None and paragraphs:
                paragraphs[-1].set(f"{{{W14}}}paraId", para_id(model.id))
        return fresh

    for entry in entries:
        etree.SubElement(xml, f"{{{W15}}}commentEx",
                         {f"{{{W15}}}{k}": v for k, v in entry.items()})
    blob = etree.tostring(xml, xml_declaration=True, encoding="UTF-8", standalone=True)
    return edit, NewPart(PART, CONTENT_TYPE, RELATIONSHIP, blob)


def dated(dates: dict[int, dt.datetime]) -> Edit:
    """The edit of the comments part that gives each comment (by Word id) its date.

    python-docx dates a comment now, read-only; the date is the comment's own (or the
    meeting's), so that the same document gives the same file.
    """
    stamps = {str(k): v.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
              for k, v in dates.items()}

    def edit(root: etree._Element) -> None:
        for elm in root.iter(f"{{{W}}}comment"):
            stamp = stamps.get(elm.get(f"{{{W}}}id") or "")
            if stamp is not None:
                elm.set(f"{{{W}}}date", stamp)
    return edit


def _with_w14(root: etree._Element) -> etree._Element:
    """The comments part's root declaring w14 as ignorable (Word's own declaration)."""
    nsmap = {**root.nsmap, "w14": W14, "mc": MC}
    fresh = etree.Element(root.tag, nsmap=nsmap)  # type: ignore[arg-type]
    for key, value in root.attrib.items():
        fresh.set(key, value)
    fresh.set(f"{{{MC}}}Ignorable", "w14")
    fresh.extend(list(root))
    return etree.fromstring(etree.tostring(fresh))  # the children's declarations tidied


def read_threads(archive: DocxArchive, comments_root: etree._Element | None
                 ) -> dict[str, ThreadInfo]:
    """Per Word comment id: the comment it answers and whether its thread is done."""
    extended = archive.xml("word/commentsExtended.xml")
    if extended is None or comments_root is None:
        return {}
    by_para: dict[str, str] = {}
    for c in comments_root.findall(f"{{{W}}}comment"):
        paragraphs = list(c.iter(f"{{{W}}}p"))
        if paragraphs and paragraphs[-1].get(f"{{{W14}}}paraId"):
            by_para[paragraphs[-1].get(f"{{{W14}}}paraId") or ""] = c.get(f"{{{W}}}id") or ""
    found: dict[str, ThreadInfo] = {}
    for ex in extended.iter(f"{{{W15}}}commentEx"):
        cid = by_para.get(ex.get(f"{{{W15}}}paraId") or "")
        if cid is None:
            continue
        parent = by_para.get(ex.get(f"{{{W15}}}paraIdParent") or "")
        found[cid] = ThreadInfo(parent, ex.get(f"{{{W15}}}done") == "1")
    return found


def read_comments(archive: DocxArchive) -> dict[str, tuple[str, str, str]]:
    """Each comment of ``word/comments.xml``: its id → author, date and text."""
    root = archive.xml("word/comments.xml")
    if root is None:
        return {}
    w = f"{{{W}}}"
    found = {}
    for c in root.findall(f"{w}comment"):
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{w}t"))
                         for p in c.iter(f"{w}p"))
        found[c.get(f"{w}id") or ""] = (c.get(f"{w}author") or "", c.get(f"{w}date") or "",
                                        text.strip())
    return found
