"""Where a returned file's headers and footers stand, as a listing names them.

A header or footer part belongs to the page-layout sections (``w:sectPr``) that refer to it;
it is named by the first of them and by the pages it serves, as Word shows it ("Header
-Section 1-"): "header of section 1", "first-page footer of section 2". A text box or a
note is named by what holds it ("text box in paragraph 12", "text box in header of
section 1"), and the import names our rows' places in turn (``import_outside.PlaceNames``).
"""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REFERENCES = {f"{W}headerReference": "header", f"{W}footerReference": "footer"}
_PAGES = {"first": "first-page ", "even": "even-page "}
# the places a header or footer part can have (``unplaced`` says each in words)
KINDS = tuple(f"{pages}{part}" for pages in ("", *_PAGES.values())
              for part in ("header", "footer"))
HOLDERS = ("text box", "footnote", "endnote")  # "text box in <place>": held by a place


def part_name(target: str) -> str:
    """A relationship's target as the part's name in the package (``word/header1.xml``)."""
    target = target.lstrip("/")
    return target if target.startswith("word/") else f"word/{target}"


def part_places(root: etree._Element, rels: etree._Element | None) -> dict[str, str]:
    """Each header and footer part the body refers to → its place ("header of section 1")."""
    targets = {r.get("Id"): part_name(r.get("Target") or "")
               for r in (rels.iter(_REL) if rels is not None else ())
               if r.get("TargetMode") != "External"}
    out: dict[str, str] = {}
    for number, sect in enumerate(_sections(root), start=1):
        for ref in sect:
            part = _REFERENCES.get(ref.tag)
            name = targets.get(ref.get(_R))
            if part is not None and name is not None:
                pages = _PAGES.get(ref.get(f"{W}type") or "", "")
                out.setdefault(name, f"{pages}{part} of section {number}")
    return out


def _sections(root: etree._Element) -> list[etree._Element]:
    """The body's section properties in order: a paragraph's that ends a section, the
    body's last. Only the body's children are looked at (a section ends at a paragraph of the
    body, never in a table), not the whole tree; a content control's are looked into."""
    body = root.find(f"{W}body")
    found: list[etree._Element] = []
    for c in body if body is not None else ():
        if c.tag == f"{W}p":
            found.extend(c.iterfind(f"{W}pPr/{W}sectPr"))
        elif c.tag == f"{W}sectPr":
            found.append(c)
        elif c.tag in (f"{W}sdt", f"{W}customXml"):
            found.extend(s for s in c.iter(f"{W}sectPr")  # not the old copy of a change
                         if next(s.iterancestors(f"{W}sectPrChange"), None) is None)
    return found


def held(holder: str, place: str) -> str:
    """What stands in ``place`` (a text box, a note), as a place."""
    return f"{holder} in {place}"
