"""Command-line commands for rounds and revisions: revisions, accept, reject, send, merge."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from minutes_app.i18n import _, ngettext
from minutes_app.i18n.messages import N_, render
from minutes_app.i18n.places import kind_label, side_label
from minutes_app.model import Minutes, Side
from minutes_app.store import MinutesFile
from minutes_app.tracking.revisions import Revision
from minutes_app.workflows import Step
from minutes_app.cli.args import Register, side_arg

def _line(r: Revision) -> str:
    where = (f"§{r.paragraph_id}" if r.heading else f"{r.number}." if r.number is not None
             else f"A{r.annex[0] + 1}.{r.annex[1]}" if r.annex else f"[id {r.paragraph_id}]")
    lang = r.lang.value if r.lang else "¶"
    inside = (" " + _("(inside {side} insertion)").format(side=r.inside.value)
              if r.inside else "")
    return (f"{r.id:<16} {where:>6} {lang:<2} {r.side.value} r{r.round} {kind_label(r)} "
            f"{r.text!r}{inside}")


def cmd_revisions(args: argparse.Namespace) -> int:
    """List pending revisions of a .minutes file, or the tracked changes of any DOCX."""
    from minutes_app.tracking.revisions import all_revisions

    if args.file.lower().endswith(".docx"):
        return _docx_revisions(args)
    from minutes_app.cli.commands import _open
    from minutes_app.cli.languages import lang_arg

    m = _open(args.file)  # read while the editor holds the file, too
    revisions = all_revisions(m)
    if args.lang:
        lang = lang_arg(m, args.lang)
        revisions = [r for r in revisions if r.lang is lang]
    if args.json:
        print(json.dumps([r.to_json() for r in revisions], ensure_ascii=False, indent=2))
    else:
        for r in revisions:
            print(_line(r))
        print(_("{n} pending revision(s)").format(n=len(revisions)))
    return 0


# what ``revisions FILE.docx`` lists, by kind and by scope (the JSON keeps the codes)
_DOCX_KINDS = {"insert": N_("Insertion"), "delete": N_("Deletion"),
               "format": N_("Formatting change"), "comment": N_("Comment")}
_DOCX_SCOPES = {
    "text": N_("text"), "paragraph-mark": N_("paragraph mark"), "comment": N_("comment"),
    "row": N_("table row"), "cell": N_("table cell"), "header": N_("header"),
    "footer": N_("footer"), "footnote": N_("footnote"), "endnote": N_("endnote"),
    "textbox": N_("text box"), "format": N_("formatting"),
}


def _docx_line(r: dict[str, object]) -> str:
    """One tracked change or comment of a DOCX as a line, in the interface language."""
    from minutes_app.docx_io.unplaced import PROPERTIES, location_message

    where = (f"¶{r['paragraph']}" if r["paragraph"] is not None
             else render(location_message(str(r["location"]))))
    kind, scope = str(r["kind"]), str(r["scope"])
    said = _(_DOCX_KINDS[kind]) if kind in _DOCX_KINDS else kind
    changed = r.get("changed")
    if isinstance(changed, list):  # a formatting change: what it changed
        said += " (" + ", ".join(dict.fromkeys(
            _(PROPERTIES.get(str(c), N_("other formatting"))) for c in changed)) + ")"
    move = " " + _("(moved: {name})").format(name=r["move"]) if r.get("move") else ""
    scope_said = _(_DOCX_SCOPES[scope]) if scope in _DOCX_SCOPES else scope
    return (f"{_pad(where, 6)} {_pad(said, 7)} {_pad(scope_said, 14)} {r['author']!s:<16} "
            f"{r['date']!s:<21} {r['text']!r}{move}")


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns of a terminal (Hangul takes two)."""
    from unicodedata import east_asian_width

    used = sum(2 if east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - used)


def _docx_revisions(args: argparse.Namespace) -> int:
    from pathlib import Path

    from minutes_app.docx_io.reader import read_docx
    from minutes_app.docx_io.reader_parts import revisions_json

    found = revisions_json(read_docx(Path(args.file)))
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        for r in found:
            print(_docx_line(r))
        print(_("{n} tracked change(s) and comment(s)").format(n=len(found)))
    return 0


def _run(path: str, make: Callable[[MinutesFile, Minutes], Step]) -> Step:
    """Open ``path``, make the workflow's step, apply and save it; the step that ran."""
    from minutes_app.workflows.runner import run

    f, m = MinutesFile.open(path)
    try:
        step = make(f, m)
        if not step.empty:
            run(f, m, step)
    finally:
        f.close()
    return step


def _say(step: Step) -> None:
    for msg in step.report.messages:
        print(render(msg))


def cmd_import(args: argparse.Namespace) -> int:
    """Bring the other delegation's returned working copy in as their round."""
    from pathlib import Path

    from minutes_app.cli.reading import history
    from minutes_app.workflows.exchange import import_returned, parse_authors

    returned = Path(args.returned)
    authors = parse_authors(args.author or [])
    step = _run(args.file, lambda f, m: import_returned(
        m, returned, history(f), args.from_side, authors, args.accept_uncertain,
        args.accept_unplaced))
    by_side = step.report.params["by_side"]
    # places (a paragraph's or heading's text in one language, an annex part, a paragraph
    # inserted or deleted), not revisions: one place may hold several
    sides = ", ".join(ngettext("{n} place changed by the {side}",
                               "{n} places changed by the {side}", n).format(
                                   n=n, side=side_label(Side(s)))
                      for s, n in sorted(by_side.items())) or "—"
    summary, *unplaced = step.report.messages
    print(f"{returned.name}: {render(summary)} ({sides})")
    for msg in unplaced:
        print("  " + render(msg))
    return 0


def _decide(args: argparse.Namespace, accept: bool) -> int:
    from minutes_app.workflows.edits import decide

    _say(_run(args.file, lambda f, m: decide(m, accept, args.ids, args.side, args.paragraph,
                                             args.all, args.annex)))
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    """Accept revisions."""
    return _decide(args, accept=True)


def cmd_reject(args: argparse.Namespace) -> int:
    """Reject revisions."""
    return _decide(args, accept=False)


def cmd_send(args: argparse.Namespace) -> int:
    """Close the current text as a round sent by a Side."""
    from minutes_app.workflows.exchange import send_round

    _say(_run(args.file, lambda f, m: send_round(m, args.side, args.note or "")))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Bring the other delegation's copy into ours."""
    from minutes_app.workflows.exchange import merge_copy

    theirs_file, theirs = MinutesFile.open(args.theirs, read_only=True)  # never written
    theirs_file.close()
    _say(_run(args.ours, lambda f, m: merge_copy(m, theirs, args.theirs)))
    return 0


def register(add: Register) -> None:
    """Add this module's commands to the parser."""
    p = add("revisions", cmd_revisions, _("list pending revisions"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    p.add_argument("--lang", choices=["ko", "en", "ru"],
                   help=_("only the revisions of one language's text"))
    for name, handler, helps in (
            ("accept", cmd_accept, (_("accept revisions (one undo-able decision)"),
                                    _("accept every pending revision"),
                                    _("accept all of one Side"))),
            ("reject", cmd_reject, (_("reject revisions (one undo-able decision)"),
                                    _("reject every pending revision"),
                                    _("reject all of one Side")))):
        p = add(name, handler, helps[0])
        p.add_argument("file", metavar="FILE")
        group = p.add_mutually_exclusive_group()
        group.add_argument("--all", action="store_true", help=helps[1])
        group.add_argument("--side", type=side_arg, metavar="S", help=helps[2])
        group.add_argument("--paragraph", type=int, metavar="N", help=_("all of paragraph N"))
        group.add_argument("--annex", type=int, metavar="N", help=_("all of annex N"))
        p.add_argument("ids", nargs="*", metavar="ID", help=_("revision ids from 'revisions'"))
    p = add("import", cmd_import, _("import the other delegation's returned working copy (DOCX)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("returned", metavar="RETURNED.docx")
    p.add_argument("--from", dest="from_side", type=side_arg, metavar="S",
                   help=_("the returning Side (default: the other Side)"))
    p.add_argument("--accept-uncertain", action="store_true",
                   help=_("also import rows that lost their paragraph id but look alike"))
    p.add_argument("--accept-unplaced", action="store_true",
                   help=_("import although the file changed things outside the paragraphs and "
                        "headings (they are listed, and recorded in the history)"))
    p.add_argument("--author", action="append", metavar="NAME=S",
                   help=_("the Side of a DOCX author (remembered in the file)"))
    p = add("merge", cmd_merge, _("bring the other delegation's .minutes copy into ours"))
    p.add_argument("ours", metavar="OURS")
    p.add_argument("theirs", metavar="THEIRS")
    p = add("send", cmd_send, _("close the current text as a round sent by a Side"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--side", type=side_arg, metavar="S", help=_("the sending Side (default: own)"))
    p.add_argument("--note", metavar="TEXT", help=_("a note kept with the round"))


