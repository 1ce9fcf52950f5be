"""A returned working copy made from ours by editing its ``document.xml`` as Word would, and
the document read back without writing it."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from minutes_app.model import Minutes
from minutes_app.store import MinutesFile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_only(path: Path) -> Minutes:
    """The document as it is on disk (opened read-only)."""
    f, m = MinutesFile.open(path, read_only=True)
    f.close()
    return m


def edit_docx(src: Path, dst: Path, change: Callable[[etree._Element], None],
              styles: Callable[[etree._Element], None] | None = None) -> None:
    """``dst``: ``src`` with ``change`` made to its main part (and ``styles`` to its styles
    part), every other part as it was."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, edit in (("word/document.xml", change), ("word/styles.xml", styles)):
        if edit is not None:
            root = etree.fromstring(parts[name])
            edit(root)
            parts[name] = etree.tostring(root)
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def row_of(root: etree._Element, pid: int) -> etree._Element:
    """The table row of paragraph ``pid`` (its ``_mp_`` bookmark)."""
    return next(tr for tr in root.iter(f"{W}tr")
                if tr.find(f".//{W}bookmarkStart[@{W}name='_mp_{pid}']") is not None)
