"""Edit a DOCX with LibreOffice itself, as a delegation would: run with Debian's /usr/bin/python3.

Usage: lo_edit.py IN.docx OUT.docx "Given Surname" TRACK(0|1) EDITS.json
EDITS.json is a list of [old, new] replacements (done with LibreOffice's own replace-all), or
{"insert_row_after": TEXT, "cells": [...]}: a table row inserted below the row holding TEXT,
its cells typed in (as a delegate adds a paragraph to the working copy), or
{"delete_row_with": TEXT}: the first table row holding TEXT deleted, or {"accept_all": true}:
every tracked change accepted (Edit > Track Changes > Accept All), or
{"add_column_with": TEXT, "text": NEW}: a column appended to the table, NEW typed into it in the
row holding TEXT, or {"merge_with": TEXT, "down": BOOL, "below": WORDS}: the second and third
cells of that row merged (Table > Merge Cells), or its third cell and the one below (WORDS,
when given, typed into that lower, covered part through its cell), or {"split_before": TEXT,
"heading": BOOL}: the table split above the row holding TEXT (Table > Split Table), the heading
row copied or not; {"part_text": "header"|"footer", "text": WORDS, "props": {...}}: WORDS typed
at the end of the first page's header or footer with those character properties
(``CharHidden``, ``CharStrikeout``, ``CharColor``…), or {"frame_after": TEXT, "text": WORDS,
"props": {...}}: a text frame anchored at the paragraph holding TEXT, WORDS typed into it.
"""

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time

from typing import Any

import uno
from com.sun.star.beans import PropertyValue


def prop(name: str, value: object) -> Any:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def delete_row(doc: Any, anchor: str) -> None:
    """Delete the first table row whose text holds ``anchor``."""
    tables = doc.TextTables
    for t in range(tables.Count):
        table = tables.getByIndex(t)
        for r in range(table.Rows.Count):
            texts = [table.getCellByPosition(c, r).getString()
                     for c in range(table.Columns.Count)]
            if any(anchor in x for x in texts):
                table.Rows.removeByIndex(r, 1)
                return
    raise SystemExit(f"no row holds {anchor!r}")


def insert_row(doc: Any, anchor: str, cells: list[str]) -> None:
    """A row below the first table row whose text holds ``anchor``, its cells filled."""
    tables = doc.TextTables
    for t in range(tables.Count):
        table = tables.getByIndex(t)
        for r in range(table.Rows.Count):
            texts = [table.getCellByPosition(c, r).getString() for c in range(len(cells))]
            if any(anchor in x for x in texts):
                table.Rows.insertByIndex(r + 1, 1)
                for c, text in enumerate(cells):
                    table.getCellByPosition(c, r + 1).setString(text)
                return
    raise SystemExit(f"no row holds {anchor!r}")


def row_with(doc: Any, anchor: str) -> tuple[Any, int]:
    """The first table, and the index of its first row, whose text holds ``anchor``."""
    tables = doc.TextTables
    for t in range(tables.Count):
        table = tables.getByIndex(t)
        for r in range(table.Rows.Count):
            if any(anchor in table.getCellByPosition(c, r).getString()
                   for c in range(table.Columns.Count)):
                return table, r
    raise SystemExit(f"no row holds {anchor!r}")


def add_column(doc: Any, anchor: str, text: str) -> None:
    """A column appended to the table holding ``anchor``, ``text`` typed in its row."""
    table, r = row_with(doc, anchor)
    table.Columns.insertByIndex(table.Columns.Count, 1)
    table.getCellByPosition(table.Columns.Count - 1, r).setString(text)


def merge_cells(doc: Any, anchor: str, down: bool, below: str = "") -> None:
    """The second and third cells of the row holding ``anchor`` merged into one, or (``down``)
    its third cell and the one below it (``below`` typed into the lower, covered cell)."""
    table, r = row_with(doc, anchor)
    lower = table.getCellByPosition(2, r + 1).CellName
    cursor = table.createCursorByCellName(table.getCellByPosition(2 if down else 1, r).CellName)
    if down:
        cursor.goDown(1, True)
    else:
        cursor.goRight(1, True)
    cursor.mergeRange()
    if down and below:
        table.getCellByName(lower).setString(below)


def split_before(doc: Any, anchor: str, heading: bool) -> None:
    """The table holding ``anchor`` split above that row (Table > Split Table), its heading
    row copied atop the second part when ``heading`` (LibreOffice's option 2, else 1)."""
    table, r = row_with(doc, anchor)
    controller = doc.getCurrentController()
    controller.getViewCursor().gotoRange(table.getCellByPosition(0, r).getText().getStart(),
                                         False)
    ctx = uno.getComponentContext()
    dispatcher = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", ctx)
    dispatcher.executeDispatch(controller.getFrame(), ".uno:SplitTable", "", 0,
                               (prop("Type", 2 if heading else 1),))


def _typed(text: Any, at: Any, words: str, props: dict[str, Any]) -> None:
    """``words`` typed into ``text`` at ``at``, given the character properties ``props``."""
    cursor = text.createTextCursorByRange(at)
    text.insertString(cursor, words, False)
    cursor.goLeft(len(words), True)
    for name, value in props.items():
        cursor.setPropertyValue(name, value)


def part_text(doc: Any, part: str, words: str, props: dict[str, Any]) -> None:
    """``words`` typed at the end of the first page's header or footer (turned on first)."""
    name = doc.getCurrentController().getViewCursor().PageStyleName
    style = doc.StyleFamilies.getByName("PageStyles").getByName(name)
    on = "HeaderIsOn" if part == "header" else "FooterIsOn"
    if not style.getPropertyValue(on):
        style.setPropertyValue(on, True)
    text = style.getPropertyValue("HeaderText" if part == "header" else "FooterText")
    _typed(text, text.getEnd(), words, props)


def text_frame(doc: Any, anchor: str, words: str, props: dict[str, Any]) -> None:
    """A text frame (Insert > Frame) anchored at the paragraph holding ``anchor``, with
    ``words`` typed into it."""
    search = doc.createSearchDescriptor()
    search.SearchString = anchor
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit(f"not found: {anchor!r}")
    frame = doc.createInstance("com.sun.star.text.TextFrame")
    frame.AnchorType = uno.Enum("com.sun.star.text.TextContentAnchorType", "AT_PARAGRAPH")
    found.getText().insertTextContent(found.getEnd(), frame, False)
    inner = frame.getText()
    _typed(inner, inner.getStart(), words, props)


def accept_all(doc: Any) -> None:
    """Every tracked change accepted, as Edit > Track Changes > Accept All does."""
    ctx = uno.getComponentContext()
    dispatcher = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", ctx)
    dispatcher.executeDispatch(doc.getCurrentController().getFrame(),
                               ".uno:AcceptAllTrackedChanges", "", 0, ())
    if doc.Redlines.Count:
        raise SystemExit(f"{doc.Redlines.Count} tracked changes left after Accept All")


def main() -> None:
    src, dst, author, track, edits_file = sys.argv[1:6]
    given, _, surname = author.partition(" ")
    with open(edits_file, encoding="utf-8") as fh:
        edits = json.load(fh)
    profile = tempfile.mkdtemp(prefix="lo-uno-")
    pipe = f"minutes_{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                               "-env:UserInstallation=file://" + profile,
                               f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        else:
            raise SystemExit("LibreOffice did not start")
        smgr = ctx.ServiceManager
        cp = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider",
                                            ctx)
        data = cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
        data.setPropertyValue("givenname", given)
        data.setPropertyValue("sn", surname)
        data.commitChanges()
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)),
                                           "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise SystemExit(f"LibreOffice could not open {src}")
        try:
            doc.RecordChanges = track == "1"
            for edit in edits:
                if isinstance(edit, dict) and "add_column_with" in edit:
                    add_column(doc, edit["add_column_with"], edit["text"])
                    continue
                if isinstance(edit, dict) and "merge_with" in edit:
                    merge_cells(doc, edit["merge_with"], bool(edit.get("down")),
                                edit.get("below", ""))
                    continue
                if isinstance(edit, dict) and "split_before" in edit:
                    split_before(doc, edit["split_before"], bool(edit.get("heading")))
                    continue
                if isinstance(edit, dict) and "part_text" in edit:
                    part_text(doc, edit["part_text"], edit["text"], edit.get("props", {}))
                    continue
                if isinstance(edit, dict) and "frame_after" in edit:
                    text_frame(doc, edit["frame_after"], edit["text"], edit.get("props", {}))
                    continue
                if isinstance(edit, dict) and "accept_all" in edit:
                    accept_all(doc)
                    continue
                if isinstance(edit, dict) and "delete_row_with" in edit:
                    delete_row(doc, edit["delete_row_with"])
                    continue
                if isinstance(edit, dict):
                    insert_row(doc, edit["insert_row_after"], edit["cells"])
                    continue
                old, new = edit
                desc = doc.createReplaceDescriptor()
                desc.SearchString = old
                desc.ReplaceString = new
                if doc.replaceAll(desc) == 0:
                    raise SystemExit(f"not found: {old!r}")
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                           (prop("FilterName", "MS Word 2007 XML"),))
        finally:
            doc.close(True)  # no lock file left behind
        with contextlib.suppress(Exception):  # the bridge may already be gone
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
    print("edited")


main()
