"""Command-line commands for rounds and revisions: revisions, accept, reject, send, merge."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from minutes_app.errors import MinutesError
from minutes_app.i18n import catalog
from minutes_app.i18n.messages import render, render_all
from minutes_app.model import Change, Minutes, Side
from minutes_app.store import MinutesFile
from minutes_app.tracking.revisions import Revision
from minutes_app.tracking.time import now_iso

Register = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def _side(value: str) -> Side:
    try:
        return Side(value.upper())
    except ValueError:
        raise argparse.ArgumentTypeError(f"unknown side {value!r} (KR or RU)") from None


def _line(r: Revision) -> str:
    where = (f"§{r.paragraph_id}" if r.heading else f"{r.number}." if r.number is not None
             else f"A{r.annex[0] + 1}.{r.annex[1]}" if r.annex else f"[id {r.paragraph_id}]")
    lang = r.lang.value if r.lang else "¶"
    inside = f" (inside {r.inside.value} insertion)" if r.inside else ""
    return (f"{r.id:<16} {where:>6} {lang:<2} {r.side.value} r{r.round} {r.kind:<6} "
            f"{r.text!r}{inside}")


def cmd_revisions(args: argparse.Namespace) -> int:
    """List pending revisions of a .minutes file, or the tracked changes of any DOCX."""
    from minutes_app.tracking.revisions import all_revisions

    if args.file.lower().endswith(".docx"):
        return _docx_revisions(args)
    from minutes_app.cli import _open
    from minutes_app.cli_languages import lang_arg

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
        print(f"{len(revisions)} pending revision(s)")
    return 0


def _docx_revisions(args: argparse.Namespace) -> int:
    from pathlib import Path

    from minutes_app.docx_io.reader import read_docx, revisions_json

    found = revisions_json(read_docx(Path(args.file)))
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        for r in found:
            where = f"¶{r['paragraph']}" if r["paragraph"] is not None else str(r["location"])
            move = f" move {r['move']}" if r.get("move") else ""
            print(f"{where:<6} {r['kind']:<7} {r['scope']:<14} {r['author']:<16} "
                  f"{r['date']:<21} {r['text']!r}{move}")
        print(f"{len(found)} tracked change(s) and comment(s)")
    return 0


def _remember_authors(m: Minutes, pairs: list[str]) -> Change:
    """``--author NAME=SIDE`` mappings, kept in the document for the next import."""
    from minutes_app.model import SetAuthorSides

    if not pairs:
        return Change()
    mapping = dict(m.author_sides)
    for pair in pairs:
        name, _, side = pair.rpartition("=")
        if not name or side.upper() not in {s.value for s in Side}:
            raise MinutesError("Write --author as NAME=KR or NAME=RU, not {pair!r}.", pair=pair)
        mapping[name] = Side(side.upper())
    return SetAuthorSides(tuple(mapping.items())).apply(m)[1]


def cmd_import(args: argparse.Namespace) -> int:
    """Bring the other delegation's returned working copy in as their round."""
    from pathlib import Path

    from minutes_app.docx_io.import_history import history_entry, imported_digests
    from minutes_app.docx_io.importer import plan_import

    f, m = MinutesFile.open(args.file)
    try:
        imported = imported_digests(f.history())
        mapped = _remember_authors(m, args.author or [])
        from_side = args.from_side or m.own_side.other
        op, report = plan_import(m, Path(args.returned), from_side, now_iso(), imported,
                                 args.accept_uncertain, args.accept_unplaced)
        _, change = op.apply(m)
        rounds = [r for r in (report.own_round, report.round) if r]
        # text, rounds and history entry in one transaction: a kill leaves all or none
        f.write(m, mapped | change, rounds,
                [(now_iso(), "import", history_entry(Path(args.returned), report))])
    finally:
        f.close()
    sides = ", ".join(catalog._("{n} by {side}").format(n=n, side=s)
                      for s, n in sorted(report.by_side.items())) or "—"
    print(f"{Path(args.returned).name}: {render(report.summary())} ({sides})")
    from minutes_app.docx_io.annex_import import annex_note

    note = annex_note(report)
    if note is not None:
        print("  " + render(note))
    for u in report.unplaced:
        line = render(u.describe())
        print("  " + catalog._("Accepted, not placed: {change}").format(change=line))
    for line in render_all(report.uncertain):
        print("  " + catalog._("Not imported (use --accept-uncertain): {row}").format(row=line))
    return 0


def _chosen(m: Minutes, args: argparse.Namespace) -> list[Revision]:
    from minutes_app.tracking.decide import by_ids, select

    if args.all:
        return select(m, lambda r: True)
    if args.side:
        return select(m, lambda r: r.side is args.side)
    if args.paragraph is not None:
        return select(m, lambda r: r.number == args.paragraph and r.annex is None)
    if args.annex is not None:
        return select(m, lambda r: r.annex is not None and r.annex[0] + 1 == args.annex)
    if not args.ids:
        raise MinutesError("Name revisions by id, or use --all, --side S, --paragraph N or "
                           "--annex N.")
    return by_ids(m, args.ids)


def _decide(args: argparse.Namespace, accept: bool) -> int:
    from minutes_app.tracking.decide import decision

    f, m = MinutesFile.open(args.file)
    try:
        chosen = _chosen(m, args)
        _, change = decision(m, chosen, accept).apply(m)
        f.write(m, change)
    finally:
        f.close()
    verb = "Accepted" if accept else "Rejected"
    print(f"{verb} {len(chosen)} revision(s).")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    """Accept revisions."""
    return _decide(args, accept=True)


def cmd_reject(args: argparse.Namespace) -> int:
    """Reject revisions."""
    return _decide(args, accept=False)


def cmd_send(args: argparse.Namespace) -> int:
    """Close the current text as a round sent by a Side."""
    from minutes_app.tracking.rounds import snapshot

    f, m = MinutesFile.open(args.file)
    try:
        r = snapshot(m, args.side or m.own_side, now_iso(), args.note or "")
        f.append_round(r)
    finally:
        f.close()
    print(f"Round {r.number} sent by the {r.side.value} Side at {r.time}.")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Bring the other delegation's copy into ours."""
    from minutes_app.i18n import _
    from minutes_app.tracking.merge import brings_nothing, merge

    theirs_file, theirs = MinutesFile.open(args.theirs, read_only=True)  # never written
    theirs_file.close()
    f, m = MinutesFile.open(args.ours)
    try:
        op, report = merge(m, theirs, now_iso())
        if brings_nothing(m, theirs, report):
            print(_("Nothing new: {name} brings no change and no round that these minutes do "
                    "not already hold. Nothing was recorded.").format(name=args.theirs))
            return 0
        change = op.apply(m)[1]
        new_rounds = [report.round] if report.round and report.round not in m.rounds else []
        f.write(m, change, new_rounds)  # text and round together, or neither
    finally:
        f.close()
    print(render(report.summary()))
    from minutes_app.tracking.merge import annex_notes

    for note in annex_notes(report):
        print("  " + render(note))
    return 0


def register(add: Register) -> None:
    """Add this module's commands to the parser."""
    p = add("revisions", cmd_revisions, "list pending revisions")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="as JSON")
    p.add_argument("--lang", choices=["ko", "en", "ru"],
                   help="only the revisions of one language's text")
    for name, handler, verb in (("accept", cmd_accept, "accept"), ("reject", cmd_reject,
                                                                      "reject")):
        p = add(name, handler, f"{verb} revisions (one undo-able decision)")
        p.add_argument("file", metavar="FILE")
        group = p.add_mutually_exclusive_group()
        group.add_argument("--all", action="store_true", help=f"{verb} every pending revision")
        group.add_argument("--side", type=_side, metavar="S", help=f"{verb} all of one Side")
        group.add_argument("--paragraph", type=int, metavar="N", help="all of paragraph N")
        group.add_argument("--annex", type=int, metavar="N", help="all of annex N")
        p.add_argument("ids", nargs="*", metavar="ID", help="revision ids from 'revisions'")
    p = add("import", cmd_import, "import the other delegation's returned working copy (DOCX)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("returned", metavar="RETURNED.docx")
    p.add_argument("--from", dest="from_side", type=_side, metavar="S",
                   help="the returning Side (default: the other Side)")
    p.add_argument("--accept-uncertain", action="store_true",
                   help="also import rows that lost their paragraph id but look alike")
    p.add_argument("--accept-unplaced", action="store_true",
                   help="import although the file changed things outside the paragraphs and "
                        "headings (they are listed, and recorded in the history)")
    p.add_argument("--author", action="append", metavar="NAME=S",
                   help="the Side of a DOCX author (remembered in the file)")
    p = add("merge", cmd_merge, "bring the other delegation's .minutes copy into ours")
    p.add_argument("ours", metavar="OURS")
    p.add_argument("theirs", metavar="THEIRS")
    p = add("send", cmd_send, "close the current text as a round sent by a Side")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--side", type=_side, metavar="S", help="the sending Side (default: own)")
    p.add_argument("--note", metavar="TEXT")


