"""The printable review report: open items and findings per paragraph, languages side by side.

For the delegations' internal clearance before the final session. It is an edge of the
application (rule 11): its own words are in the interface language of the user who prints it,
through the catalogs; the minutes' text is shown as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from minutes_app.checks.conformity import findings
from minutes_app.checks.readiness import reasons
from minutes_app.docx_io import xml as fx
from minutes_app.docx_io.base import new_document, placeholder, save_stable
from minutes_app.docx_io.typography import font_table, signing_fonts
from minutes_app.docx_io.working import column_order
from minutes_app.docx_io.xml import Fonts
from minutes_app.errors import N_
from minutes_app.i18n.catalog import _, current_language
from minutes_app.i18n.findings import language_name, severity_name
from minutes_app.i18n.messages import SIDE_NAMES
from minutes_app.i18n.names import title
from minutes_app.model import Lang, Minutes, Paragraph, Section, Side, Status
from minutes_app.model.brackets import status_of
from minutes_app.tracking.revisions import Revision, heading_revisions, paragraph_revisions

NUMBER_CM, ITEMS_CM, TEXT_CM = 1.2, 5.0, 10.4
# the words the report's items use, translated where they are said
KINDS = {"insert": N_("insertion"), "delete": N_("deletion"), "move": N_("move")}
STATUSES = {Status.DRAFT: N_("draft"), Status.PROPOSED: N_("proposed"),
            Status.BRACKETED: N_("bracketed"), Status.AGREED_AD_REF: N_("agreed ad referendum"),
            Status.AGREED: N_("agreed")}


def side_name(side: Side) -> str:
    """A Side as the report's reader calls it ("Russian Side", "러시아측")."""
    return _(SIDE_NAMES[side.value])


def revision_item(r: Revision) -> str:
    """One pending revision as the report lists it."""
    return _("{side}, round {round}, {lang}: {kind} “{text}”").format(
        side=side_name(r.side), round=r.round,
        lang=language_name(r.lang.value) if r.lang else _("whole paragraph"),
        kind=_(KINDS.get(r.kind, r.kind)), text=r.text)


def items(m: Minutes, p: Paragraph, notes: dict[int | None, list[str]]) -> list[str]:
    """What the report lists against paragraph ``p``: status, revisions, comments, findings."""
    out = [_("Status: {status}").format(status=_(STATUSES[status_of(p)]))]
    out += [revision_item(r) for r in paragraph_revisions(m, p)]
    out += [_("Comment ({side}): {text}").format(side=side_name(c.side), text=c.text)
            for c in p.comments]
    out += notes.get(p.id, [])
    return out


def finding_notes(m: Minutes) -> dict[int | None, list[str]]:
    """Each paragraph's conformity findings as the report words them."""
    from minutes_app.i18n.findings import describe

    notes: dict[int | None, list[str]] = {}
    for f in findings(m):
        notes.setdefault(f.paragraph_id, []).append(_("{severity}: {finding}").format(
            severity=severity_name(f.severity), finding=describe(f)))
    return notes


def _heading_row(m: Minutes, s: Section, langs: list[Lang], width: float, fonts: Fonts) -> str:
    """A section heading with pending revisions: the heading is signed text too."""
    cells = [fx.cell(NUMBER_CM, fx.paragraph(fx.run("§", None, fonts, bold=True)))]
    cells += [fx.cell(width, fx.paragraph(fx.run(s.heading.get(lang, ""), lang, fonts,
                                                 bold=True, size_pt=9))) for lang in langs]
    said = [_("Heading — {revision}").format(revision=revision_item(r))
            for r in heading_revisions(m, s)]
    cells.append(fx.cell(ITEMS_CM, "".join(fx.paragraph(fx.run(i, None, fonts, size_pt=8))
                                           for i in said)))
    return fx.row(cells)


def write_report(m: Minutes, out: str | Path | IO[bytes], only_open: bool = True) -> bytes:
    """Write the review report (only paragraphs with something open, unless told otherwise)."""
    # the title in the reader's language when the minutes have it, else in their first
    wanted = Lang.KO if current_language() == "ko" else Lang.EN
    lang = wanted if wanted in m.languages else column_order(m)[0]
    fonts = signing_fonts(m.settings.latin_font)  # Korean in Nanum Myeongjo, as in the originals
    said = _("Review report — {title}").format(title=title(m, lang))
    doc = new_document(m, said, fonts)
    heading = fx.paragraph(fx.run(said, lang, fonts, bold=True, size_pt=12), align="center",
                           space_after_pt=4)
    notes = finding_notes(m)
    open_ids = {r.paragraph_id for r in reasons(m)} | set(notes)
    langs = column_order(m)
    width = TEXT_CM / len(langs)
    head = [fx.cell(w, fx.paragraph(fx.run(t, None, fonts, bold=True, size_pt=9)), "D9DEE6")
            for t, w in ((_("No."), NUMBER_CM),
                         *((language_name(x.value), width) for x in langs),
                         (_("Open items and findings"), ITEMS_CM))]
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
        listed = "".join(fx.paragraph(fx.run(i, None, fonts, size_pt=8))
                         for i in items(m, p, notes))
        cells.append(fx.cell(ITEMS_CM, listed))
        rows.append(fx.row(cells))
    from minutes_app.docx_io.annex_rows import report_rows

    rows += report_rows(m, langs, (NUMBER_CM, width, ITEMS_CM), fonts)  # annexes: last
    body = fx.as_written(heading + fx.table([NUMBER_CM, *([width] * len(langs)), ITEMS_CM], rows)
                         + fx.paragraph(""))  # a table may not end the body
    placeholder(doc)
    return save_stable(doc, out, [body], {"fontTable": [font_table(fonts)]})
