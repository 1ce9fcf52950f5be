"""Command-line commands for what is signed: delegation lists, annexes, verify an original."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import cast

from minutes_app.errors import MinutesError, ValidationError
from minutes_app.i18n import _
from minutes_app.inputs import read_input
from minutes_app.model import Annex, Change, Lang, Minutes, Operation, SetAnnexes, Side
from minutes_app.model import delegation as dl
from minutes_app.outputs import write_atomically
from minutes_app.model.annexes import DELEGATION, roman, with_members
from minutes_app.store import MinutesFile
from minutes_app.cli.args import Register, new_output, side_arg

Edit = Callable[[Minutes], tuple[Annex, ...] | Operation | None]


def _edit(path: str, *edits: Edit) -> Minutes:
    """Open, apply each edit's SetAnnexes (when it gives annexes) or operation in turn, write
    them in one save (all or nothing), close."""
    f, m = MinutesFile.open(path)
    try:
        total: Change | None = None
        for edit in edits:
            annexes = edit(m)
            if annexes is None:
                continue
            # a NamedTuple operation is a tuple too: tell them apart by what they can do
            op = (cast(Operation, annexes) if hasattr(annexes, "apply")
                  else SetAnnexes(annexes))
            _inverse, change = op.apply(m)
            total = change if total is None else total | change
        if total is not None:
            f.write(m, total)
    finally:
        f.close()
    return m


def _lang(m: Minutes, value: str | None) -> Lang:
    lang = Lang(value) if value else m.languages[0]
    m.check_lang(lang)
    return lang


def _print_members(m: Minutes, side: Side) -> None:
    head = m.meeting.heads.get(side)
    if head is not None:
        names = " / ".join(f"{lang.value}: {head.name.get(lang, '')}" for lang in m.languages)
        print(_("head: {names}  (from the meeting details)").format(names=names))
    for i, p in enumerate(dl.members(m, side), start=1):
        for lang in m.languages:
            parts = [getattr(p, f).get(lang, "") for f in dl.FIELDS]
            print(f"{i:>3} {lang.value}  {'|'.join(parts)}")


def cmd_delegation(args: argparse.Namespace) -> int:
    """List or edit a Side's delegation list."""
    side: Side = args.side

    def edit(m: Minutes) -> tuple[Annex, ...] | Operation | None:
        lang = _lang(m, args.lang)
        if args.add:
            return dl.add_member(m, side, lang, args.add, args.at)
        if args.set:
            return dl.set_member(m, side, int(args.set[0]), lang, args.set[1])
        if args.remove:
            return dl.remove_member(m, side, args.remove)
        if args.move:
            return dl.move_member(m, side, args.move[0], args.move[1])
        if args.import_csv:
            text = dl.csv_text(read_input(args.import_csv))
            return with_members(m, side, dl.members_from_csv(text, m.languages))
        if args.export_csv:
            text = dl.members_to_csv(dl.members(m, side), m.languages)
            write_atomically(args.export_csv, text.encode("utf-8"))
        return None

    if args.export_csv:
        new_output(args.export_csv, args.force)
    m = _edit(args.file, edit)
    if args.export_csv:
        print(_("Wrote {side}'s delegation list to {path}").format(side=side.value,
                                                                    path=args.export_csv))
    _print_members(m, side)
    return 0


def cmd_annex(args: argparse.Namespace) -> int:
    """List, add, edit, move or remove annexes."""

    def edit(m: Minutes) -> tuple[Annex, ...] | Operation | None:
        lang = _lang(m, args.lang)
        paragraphs = None
        if args.text:
            raw = dl.csv_text(read_input(args.text))  # UTF-8, or CP949
            paragraphs = [p for p in raw.replace("\r\n", "\n").split("\n\n") if p.strip()]
        if args.add:
            return dl.add_free(m, {lang: args.heading} if args.heading else None)
        if args.delegation:
            if args.heading is not None or paragraphs is not None:  # never ignored in silence
                raise ValidationError("Annex {n} is a delegation list; edit it with "
                                      "'delegation'.", n=len(m.annexes) + 1)
            return dl.add_delegation(m, args.delegation)
        if args.number is None:
            return None
        dl.annex_at(m, args.number)  # named: it must be there
        if args.remove:
            return dl.remove_annex(m, args.number)
        if args.move_to:
            return dl.move_annex(m, args.number, args.move_to)
        if (args.heading is not None or paragraphs is not None) and m.tracking:
            # after a round: tracked like a paragraph (revisions by our Side in this round)
            from minutes_app.tracking.annexes import edit_annex
            from minutes_app.tracking.time import now_iso

            dl.set_free(m, args.number, lang, args.heading, paragraphs)  # checks N and kind
            heading = {lang: args.heading.strip()} if args.heading is not None else {}
            texts = {lang: [p.strip() for p in paragraphs]} if paragraphs is not None else {}
            return edit_annex(m, args.number - 1, heading, texts, now_iso())
        if args.heading is not None or paragraphs is not None:
            return dl.set_free(m, args.number, lang, args.heading, paragraphs)
        return None

    def then_its_text(m: Minutes) -> tuple[Annex, ...] | Operation | None:
        # the new annex's text, exactly as 'annex FILE N --text' gives it (after a round:
        # tracked, our Side's revisions), saved with the annex
        args.add, args.heading, args.number = False, None, len(m.annexes)
        return edit(m)

    m = _edit(args.file, *((edit, then_its_text) if args.add and args.text else (edit,)))
    for i, a in enumerate(m.annexes, start=1):
        what = (_("delegation list of {side}").format(side=a.side.value)
                if a.kind == DELEGATION and a.side
                else " / ".join(a.heading.get(lang, "") for lang in m.languages))
        size = (_("{n} members").format(n=len(a.members)) if a.kind == DELEGATION
                else _("{n} paragraphs").format(n=len(a.paragraphs)))
        if a.tracks:
            size += _(", pending revisions")
        print(_("Annex {number} {what}  ({size})").format(number=f"{roman(i):<5}", what=what,
                                                         size=size))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Is ORIGINAL the agreed text of FILE? Exit 0 when every language is."""
    from minutes_app.checks.verify import verify_text
    from minutes_app.i18n.places import side_label, where_label
    from minutes_app.docx_io.originals import original_text

    from minutes_app.cli.reading import read_with_history

    m, history = read_with_history(args.file)  # read-only: at the signing table it is open
    recorded = {digest for _t, kind, data in history if kind == "export-signing"
                for digest in _fingerprints(data)}
    side, results = verify_text(m, *original_text(Path(args.original)))
    if args.json:
        print(json.dumps({"copy_for": side.value, "languages": [
            {"lang": r.lang.value, "agreed": r.agreed, "expected": r.expected, "found": r.found,
             "recorded_at_export": r.expected in recorded,
             # the places as the interface names them, and their stable keys for programs
             "differing": list(dict.fromkeys(where_label(m, k) for k in r.differing)),
             "differing_keys": list(dict.fromkeys(r.differing))}
            for r in results]},
            ensure_ascii=False, indent=2))
    else:
        print(_("{file}: the original for the {side}").format(file=Path(args.original).name,
                                                               side=side_label(side)))
        for r in results:
            state = _("the agreed text") if r.agreed else _("NOT the agreed text")
            print(f"  {r.lang.value}: {state}  (SHA-256 {r.found})")
            if not r.agreed:
                print("      " + _("agreed SHA-256 {digest}").format(digest=r.expected))
                for where in dict.fromkeys(where_label(m, key) for key in r.differing):
                    print("      " + _("differs: {where}").format(where=where))
    return 0 if all(r.agreed for r in results) else 1


def _fingerprints(data: str) -> list[str]:
    """The digests an export entry records (none when the entry is not as we write it)."""
    found = json.loads(data).get("fingerprints")
    return [d for d in found.values() if isinstance(d, str)] if isinstance(found, dict) else []


def register(add: Register) -> None:
    """Add this module's commands to the parser."""
    p = add("delegation", cmd_delegation, _("list or edit a Side's delegation list (an annex)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("side", type=side_arg, metavar="SIDE", help=_("KR or RU"))
    p.add_argument("--lang", choices=[x.value for x in Lang],
                   help=_("the language of NAME|TITLE|ORG (default: the document's first)"))
    group = p.add_mutually_exclusive_group()
    group.add_argument("--add", metavar="NAME|TITLE|ORG", help=_("add a member (last, or --at N)"))
    group.add_argument("--set", nargs=2, metavar=("N", "NAME|TITLE|ORG"),
                       help=_("member N's name, title and organisation in --lang"))
    group.add_argument("--remove", type=int, metavar="N", help=_("remove member N"))
    group.add_argument("--move", type=int, nargs=2, metavar=("N", "TO"),
                       help=_("move member N to position TO (order of precedence)"))
    group.add_argument("--import", dest="import_csv", metavar="LIST.csv",
                       help=_("replace the members by a CSV: name_ko,title_ko,organisation_ko,"
                       "name_en,... (one row per member, in order of precedence)"))
    group.add_argument("--export", dest="export_csv", metavar="LIST.csv",
                       help=_("write the members as that CSV (to fill in a spreadsheet)"))
    p.add_argument("--at", type=int, metavar="N", help=_("with --add: the position"))
    p.add_argument("--force", action="store_true",
                   help=_("with --export: replace LIST.csv if it exists"))
    p = add("annex", cmd_annex, _("list, add, edit, move or remove annexes"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("number", nargs="?", type=int, metavar="N", help=_("the annex to edit"))
    p.add_argument("--lang", choices=[x.value for x in Lang],
                   help=_("the language of --heading and --text (default: the document's first)"))
    p.add_argument("--add", action="store_true", help=_("add a free annex at the end"))
    p.add_argument("--delegation", type=side_arg, metavar="SIDE",
                   help=_("add SIDE's delegation list at the end"))
    p.add_argument("--heading", metavar="TEXT", help=_("the annex's heading in --lang"))
    p.add_argument("--text", metavar="FILE.txt",
                   help=_("the annex's paragraphs in --lang (separated by blank lines)"))
    p.add_argument("--remove", action="store_true", help=_("remove annex N"))
    p.add_argument("--move-to", type=int, metavar="M", help=_("make annex N number M"))
    p = add("verify", cmd_verify, _("is a signing original (DOCX or PDF) the agreed text?"))
    p.add_argument("file", metavar="FILE.minutes")
    p.add_argument("original", metavar="ORIGINAL")
    p.add_argument("--json", action="store_true", help=_("as JSON"))


__all__ = ["MinutesError", "register"]
