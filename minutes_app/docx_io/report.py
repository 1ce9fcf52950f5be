"""The printable review report: open items and findings per paragraph, languages side by side.

For the delegations' internal clearance before the final session.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from minutes_app.checks.conformity import findings
from minutes_app.checks.readiness import reasons
from minutes_app.docx_io import xml as fx
from minutes_app.docx_io.base import new_document, placeholder, save_stable
from minutes_app.docx_io.typography import font_table, signing_fonts
from minutes_app.docx_io.working import author_name, column_order
from minutes_app.docx_io.xml import Fonts
from minutes_app.i18n.names import title
from minutes_app.model import Lang, Minutes, Paragraph, Section
from minutes_app.model.brackets import status_of
from minutes_app.tracking.revisions import heading_revisions, paragraph_revisions

NUMBER_CM, ITEMS_CM, TEXT_CM = 1.2, 5.0, 10.4


def _items(m: Minutes, p: Paragraph, notes: dict[int | None, list[str]]) -> list[str]:
    out = [f"Status: {status_of(p).value}"]
    for r in paragraph_revisions(m, p):
        where = r.lang.value if r.lang else "¶"
        out.append(f"{author_name(m, r.side)}, round {r.round}, {where}: {r.kind} “{r.text}”")
    for c in p.comments:
        out.append(f"Comment ({author_name(m, c.side)}): {c.text}")
    out += notes.get(p.id, [])
    return out


def _heading_row(m: Minutes, s: Section, langs: list[Lang], width: float, fonts: Fonts) -> str:
    """A section heading with pending revisions: the heading is signed text too."""
    cells = [fx.cell(NUMBER_CM, fx.paragraph(fx.run("§", None, fonts, bold=True)))]
    cells += [fx.cell(width, fx.paragraph(fx.run(s.heading.get(lang, ""), lang, fonts,
                                                 bold=True, size_pt=9))) for lang in langs]
    items = [f"Heading — {author_name(m, r.side)}, round {r.round}, "
             f"{r.lang.value if r.lang else ''}: {r.kind} “{r.text}”"
             for r in heading_revisions(m, s)]
    cells.append(fx.cell(ITEMS_CM, "".join(fx.paragraph(fx.run(i, None, fonts, size_pt=8))
                                           for i in items)))
    return fx.row(cells)


def write_report(m: Minutes, out: str | Path | IO[bytes], only_open: bool = True) -> bytes:
    """Write the review report (only paragraphs with something open, unless told otherwise)."""
    lang = Lang.EN if Lang.EN in m.languages else column_order(m)[0]  # a Korean/Russian text
    fonts = signing_fonts(m.settings.latin_font)  # Korean in Nanum Myeongjo, as in the originals
    doc = new_document(m, title(m, lang) + " — review report", fonts)
    heading = fx.paragraph(fx.run("Review report — " + title(m, lang), lang, fonts, bold=True,
                                  size_pt=12), align="center", space_after_pt=4)
    from minutes_app.i18n.findings import describe

    notes: dict[int | None, list[str]] = {}
    for f in findings(m):
        notes.setdefault(f.paragraph_id, []).append(f"{f.severity.upper()}: {describe(f)}")
    open_ids = {r.paragraph_id for r in reasons(m)} | set(notes)
    langs = column_order(m)
    width = TEXT_CM / len(langs)
    head = [fx.cell(w, fx.paragraph(fx.run(t, None, fonts, bold=True, size_pt=9)), "D9DEE6")
            for t, w in (("No.", NUMBER_CM), *((x.value, width) for x in langs),
                         ("Open items and findings", ITEMS_CM))]
    rows = [fx.row(head, header=True)]
    headings = {s.paragraphs[0].id if s.paragraphs else -1: s for s in m.sections if s.tracks}
    for s in (s for s in m.sections if s.tracks and not s.paragraphs):
        rows.append(_heading_row(m, s, langs, width, fonts))  # an empty section's heading
    for p in m.paragraphs():
        if p.id in headings:
            rows.append(_heading_row(m, headings[p.id], langs, width, fonts))
        if only_open and p.id not in open_ids:
            continue
        number = m.number(p.id)
        cells = [fx.cell(NUMBER_CM, fx.paragraph(fx.run(str(number or "·"), None, fonts,
                                                        bold=True)))]
        cells += [fx.cell(width, fx.paragraph(fx.run(p.text(lang), lang, fonts, size_pt=9)))
                  for lang in langs]
        items = "".join(fx.paragraph(fx.run(i, None, fonts, size_pt=8))
                        for i in _items(m, p, notes))
        cells.append(fx.cell(ITEMS_CM, items))
        rows.append(fx.row(cells))
    from minutes_app.docx_io.annex_rows import report_rows

    rows += report_rows(m, langs, (NUMBER_CM, width, ITEMS_CM), fonts)  # annexes: last
    body = fx.as_written(heading + fx.table([NUMBER_CM, *([width] * len(langs)), ITEMS_CM], rows)
                         + fx.paragraph(""))  # a table may not end the body
    placeholder(doc)
    return save_stable(doc, out, [body], {"fontTable": [font_table(fonts)]})
