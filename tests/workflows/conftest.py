"""Shared pieces of the workflow tests: a demo file and a returned working copy."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from minutes_app.docx_io.working import write_working
from minutes_app.model import Minutes
from minutes_app.model.serialize import minutes_out
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from minutes_app.workflows import Step
from minutes_app.workflows.runner import run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
State = tuple[dict[str, Any], list[tuple[str, str, str]]]


def returned_copy(m: Minutes, folder: Path, author: str, words: str = " Added in Moscow.",
                  name: str = "returned.docx") -> Path:
    """Our working copy with one tracked insertion by ``author`` in paragraph 7 (English)."""
    exported = folder / f"sent-{name}"
    write_working(m, exported, layout="consecutive")
    target = m.paragraphs()[6]
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    mark = root.find(f".//{W}bookmarkStart[@{W}name='_mp_{target.id}_en']")
    assert mark is not None
    p = mark.getparent()
    assert p is not None
    ins = etree.SubElement(p, f"{W}ins", {f"{W}id": "9001", f"{W}author": author,
                                          f"{W}date": "2020-12-17T09:00:00Z"})
    etree.SubElement(etree.SubElement(ins, f"{W}r"), f"{W}t").text = words
    parts["word/document.xml"] = etree.tostring(root)
    out = folder / name
    with zipfile.ZipFile(out, "w") as z:
        for part, data in parts.items():
            z.writestr(part, data)
    return out


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[tuple[MinutesFile, Minutes]]:
    """The demo (two rounds sent) as an open .minutes file."""
    path = tmp_path / "demo.minutes"
    MinutesFile.create(path, demo()).close()
    f, m = MinutesFile.open(path)
    yield f, m
    if not f.closed:
        f.close()


def state(f: MinutesFile, m: Minutes) -> State:
    """The whole document as it stands, rounds and history included."""
    return minutes_out(m), f.history()


def on_disk(f: MinutesFile) -> State:
    """The document as a fresh open of its file reads it (without disturbing ``f``)."""
    g, again = MinutesFile.open(f.path, read_only=True)
    try:
        return minutes_out(again), g.history()
    finally:
        g.close()


def undo_redo(f: MinutesFile, m: Minutes, step: Step) -> Step:
    """Apply, undo, redo ``step`` with the runner, checking document and file each time;
    returns the inverse of the applied step (to undo it once more)."""
    before = state(f, m)
    inverse = run(f, m, step)
    after = state(f, m)
    assert after != before
    assert on_disk(f) == after
    redo = run(f, m, inverse)
    assert state(f, m) == before
    assert on_disk(f) == before
    inverse = run(f, m, redo)
    assert state(f, m) == after
    assert on_disk(f) == after
    return inverse
