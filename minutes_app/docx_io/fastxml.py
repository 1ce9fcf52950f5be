"""The former name of the markup half of ``xml``: kept while code written against it is merged."""

from __future__ import annotations

from minutes_app.docx_io.xml import (
    W_NS, bookmarked, cell, comment_anchor, paragraph, revision, row, rpr, run, table,
    table_start, text_xml,
)

__all__ = ["W_NS", "bookmarked", "cell", "comment_anchor", "paragraph", "revision", "row", "rpr",
           "run", "table", "table_start", "text_xml"]
