"""A DOCX package around hand-written WordprocessingML, written the way Word writes it.

Used where LibreOffice cannot write the markup (moves with range markers, content controls,
a paragraph mark inserted by one author and deleted by another, changes in headers): the
parts follow Word's own element order, namespaces and relationship types.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def _content_types(parts: dict[str, str]) -> str:
    kinds = {"header1": "header", "footer1": "footer", "footnotes": "footnotes",
             "comments": "comments"}
    overrides = "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="{CT}.{kind}+xml"/>'
        for name, kind in kinds.items() if name in parts)
    return (_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            f'ContentType="{CT}.document.main+xml"/>{overrides}</Types>')


def _document_rels(parts: dict[str, str]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{name}.xml"/>'
        for i, (name, kind) in enumerate((("header1", "header"), ("footer1", "footer"),
                                          ("footnotes", "footnotes"),
                                          ("comments", "comments")), start=1)
        if name in parts)
    return (_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships">{rels}</Relationships>')


def change(kind: str, ident: int, author: str, date: str = "2020-12-17T08:00:00Z") -> str:
    """The attributes Word writes on a revision element."""
    return f'<w:{kind} w:id="{ident}" w:author="{author}" w:date="{date}"'


def run(text: str, deleted: bool = False) -> str:
    """A run as Word writes it (``w:delText`` inside a deletion)."""
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def para(content: str, mark: str = "") -> str:
    """A paragraph; ``mark`` goes into ``w:pPr/w:rPr`` (the paragraph mark's revisions)."""
    ppr = f"<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>" if mark else ""
    return f"<w:p>{ppr}{content}</w:p>"


def write_docx(path: Path, body: str, header: str = "", footnotes: str = "",
               comments: str = "") -> Path:
    """A package whose body, header, footnotes and comments are the given XML."""
    sect = ('<w:sectPr>' + ('<w:headerReference w:type="default" r:id="rId1"/>' if header
                            else '') + '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    parts = {"document": f'{_DECL}<w:document {NS}><w:body>{body}{sect}</w:body></w:document>'}
    if header:
        parts["header1"] = f"{_DECL}<w:hdr {NS}>{header}</w:hdr>"
    if footnotes:
        parts["footnotes"] = f"{_DECL}<w:footnotes {NS}>{footnotes}</w:footnotes>"
    if comments:
        parts["comments"] = f"{_DECL}<w:comments {NS}>{comments}</w:comments>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _content_types(parts))
        z.writestr("_rels/.rels", _DECL + '<Relationships xmlns="http://schemas.openxmlformats.'
                   f'org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/'
                   'officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", _document_rels(parts))
        for name, xml in parts.items():
            z.writestr(f"word/{name}.xml", xml)
    return path
