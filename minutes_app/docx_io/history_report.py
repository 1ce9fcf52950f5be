"""The negotiation report: per round who sent it, when and the changes of each Side; a chart of
open items per round; per paragraph the rounds it changed in and the fate of each proposal.

Written in the interface language (``_()``); the minutes' own text is quoted as it is.
"""

from __future__ import annotations

import io
from pathlib import Path
from threading import Thread
from typing import IO

from docx.document import Document as DocxDocument
from docx.shared import Cm

from minutes_app.docx_io import xml as fx
from minutes_app.docx_io.base import fonts_of, new_document, save_stable
from minutes_app.docx_io.xml import Fonts
from minutes_app.i18n import _
from minutes_app.i18n.catalog import current_language
from minutes_app.i18n.names import title
from minutes_app.i18n.places import note_label
from minutes_app.model import Lang, Minutes, Side
from minutes_app.tracking.negotiation import ParagraphFigures, RoundFigures, figures
from minutes_app.tracking.provenance import quiet_gc

HANGUL_FONTS = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "UnDotum")


def side_name(side: Side) -> str:
    """A Side as the report names it."""
    return _("Korean Side") if side is Side.KR else _("Russian Side")


def _when(r: RoundFigures) -> str:
    if r.current:
        return _("not yet sent")
    return r.time[:10]


def _cell(width: float, text: str, fonts: Fonts, bold: bool = False, shade: str | None = None,
          lang: Lang | None = None) -> str:
    return fx.cell(width, fx.paragraph(fx.run(text, lang, fonts, bold=bold, size_pt=9)), shade)


def _ui_lang() -> Lang:
    return Lang.KO if current_language() == "ko" else Lang.EN


def _rounds_table(rounds: list[RoundFigures], fonts: Fonts) -> str:
    lang = _ui_lang()
    widths = [1.4, 3.0, 2.4, 5.0, 2.4, 2.4]  # 16.6 cm: the page's text width
    heads = [_("Round"), _("Sent by"), _("Date"), _("Note"), side_name(Side.KR),
             side_name(Side.RU)]
    rows = [fx.row([_cell(w, h, fonts, True, "D9DEE6", lang)
                    for w, h in zip(widths, heads, strict=True)], header=True)]
    for r in rounds:
        counts = [_("+{ins} / −{dels}").format(ins=r.insertions.get(s, 0),
                                                dels=r.deletions.get(s, 0)) for s in Side]
        label = str(r.number) + (" *" if r.current else "")
        cells = [label, side_name(r.side), _when(r), note_label(r.note), *counts]
        rows.append(fx.row([_cell(w, t, fonts, lang=lang)
                            for w, t in zip(widths, cells, strict=True)]))
    return fx.table(widths, rows)


def _fates(p: ParagraphFigures, side: Side) -> str:
    box = p.proposals.get(side)
    if not box:
        return "—"
    return _("{accepted} accepted, {rejected} rejected, {pending} pending").format(**box)


def _paragraphs_table(paragraphs: list[ParagraphFigures], fonts: Fonts) -> str:
    lang = _ui_lang()
    widths = [1.4, 3.2, 6.0, 6.0]
    heads = [_("No."), _("Changed in rounds"), side_name(Side.KR), side_name(Side.RU)]
    rows = [fx.row([_cell(w, h, fonts, True, "D9DEE6", lang)
                    for w, h in zip(widths, heads, strict=True)], header=True)]
    for p in paragraphs:
        cells = [str(p.number) if p.number is not None else "·",
                 ", ".join(map(str, p.rounds)), _fates(p, Side.KR), _fates(p, Side.RU)]
        rows.append(fx.row([_cell(w, t, fonts, lang=lang)
                            for w, t in zip(widths, cells, strict=True)]))
    return fx.table(widths, rows)


def _plotting() -> None:
    """Import the plotting library (Agg canvas only, no pyplot): ~0.5 s of CPU, so the report
    starts it in a thread while it counts the figures."""
    import matplotlib.backends.backend_agg
    import matplotlib.figure  # noqa: F401


def _family() -> list[str]:
    """One face that has Hangul (the bundled one when the machine has none): one face, so each
    label is looked up once, not through a list of fallbacks."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = [f for f in HANGUL_FONTS if f in installed]
    if not found:  # no Korean face on this machine: the bundled one
        from minutes_app.resources import resource

        font_manager.fontManager.addfont(str(resource("fonts", "NanumGothic.ttf")))
        found = ["NanumGothic"]
    return found[:1]


def chart_png(rounds: list[RoundFigures]) -> bytes:
    """A bar chart of open items per round (changed, in brackets), labelled in the UI language."""
    _plotting()
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context({"font.family": _family(), "axes.unicode_minus": False}):
        fig = Figure(figsize=(6.4, 3.0), dpi=120)  # 16 cm wide: ~120 dpi in print
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        x = [r.number for r in rounds]  # numbers under the bars, "Round" once below them
        changed = [r.changed for r in rounds]
        bracketed = [r.bracketed for r in rounds]
        ax.bar(x, changed, color="#5B7DB1", label=_("Changed in the round"))
        ax.bar(x, bracketed, bottom=changed, color="#D08C3A", label=_("In brackets"))
        ax.set_xlabel(_("Round"), fontsize=8)  # "*": the working text, as in the table
        ax.set_xticks(x, [f"{r.number}{' *' if r.current else ''}" for r in rounds], fontsize=8)
        ax.set_ylabel(_("Paragraphs"), fontsize=8)
        ax.set_title(_("Open items per round"), fontsize=10, loc="left")
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, fontsize=8,
                  frameon=False)  # above the bars, beside the title: it hides none
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
        ax.margins(y=0.08)  # the tallest bar below the frame
        ax.tick_params(axis="y", labelsize=8)
        fig.subplots_adjust(left=0.1, right=0.98, top=0.9, bottom=0.16)  # tight_layout: slow
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()


def _heading(text: str, fonts: Fonts) -> str:
    return fx.paragraph(fx.run(text, _ui_lang(), fonts, bold=True, size_pt=11),
                        space_after_pt=4, keep_next=True)


def write_history_report(m: Minutes, out: str | Path | IO[bytes]) -> bytes:
    """Write the negotiation report in the current interface language."""
    plotting = Thread(target=_plotting, daemon=True)  # the import overlaps the counting
    plotting.start()
    with quiet_gc():
        rounds, paragraphs = figures(m)
        data = _document(m, rounds, paragraphs, plotting)
    return save_stable(data, out)


def _document(m: Minutes, rounds: list[RoundFigures], paragraphs: list[ParagraphFigures],
              plotting: Thread) -> DocxDocument:
    lang = _ui_lang()
    doc = new_document(m, title(m, Lang.EN) + " — negotiation report")
    fonts = fonts_of(m)
    body = doc.element.body
    sect = body[-1]
    body.remove(sect)
    named = lang if lang in m.languages else m.languages[0]
    fx.append(body, "".join((
        fx.paragraph(fx.run(_("Negotiation report"), lang, fonts, bold=True, size_pt=13),
                     align="center", space_after_pt=2),
        fx.paragraph(fx.run(title(m, named), named, fonts, size_pt=11), align="center",
                     space_after_pt=8),
        _heading(_("Rounds"), fonts),
        _rounds_table(rounds, fonts),
        fx.paragraph(fx.run(_("* the working text, not yet sent"), lang, fonts, size_pt=8),
                     space_after_pt=6))))
    body.append(sect)  # python-docx adds the picture before w:sectPr
    plotting.join()
    doc.add_picture(io.BytesIO(chart_png(rounds)), width=Cm(16))
    body.remove(sect)
    fx.append(body, _heading(_("Paragraphs that changed"), fonts)
              + _paragraphs_table(paragraphs, fonts)
              + fx.paragraph(""))  # a table may not end the body
    body.append(sect)
    return doc
