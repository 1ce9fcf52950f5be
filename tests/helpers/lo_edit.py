"""Edit a DOCX with LibreOffice itself, as a delegation would: run with Debian's /usr/bin/python3.

Usage: lo_edit.py IN.docx OUT.docx "Given Surname" TRACK(0|1) EDITS.json
EDITS.json is a list of [old, new] replacements (done with LibreOffice's own replace-all), or
{"insert_row_after": TEXT, "cells": [...]}: a table row inserted below the row holding TEXT,
its cells typed in (as a delegate adds a paragraph to the working copy), or
{"delete_row_with": TEXT}: the first table row holding TEXT deleted.
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
