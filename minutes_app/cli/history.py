"""Command-line commands for the negotiation's history: compare, blame, history."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from minutes_app.model import Lang, Minutes
from minutes_app.model.track import DELETE, INSERT, Track
from minutes_app.cli.args import Register, force_arg, new_output
from minutes_app.i18n import _

if TYPE_CHECKING:
    from minutes_app.tracking.provenance import Span


def _open(path: str) -> Minutes:
    """These commands change nothing: read-only, without the lock (see cli.reading)."""
    from minutes_app.cli.reading import read

    return read(path)


def _langs(m: Minutes, value: str | None) -> list[Lang]:
    langs = [Lang(value)] if value else list(m.languages)
    for lang in langs:
        m.check_lang(lang)
    return langs


def _track_json(track: Track) -> list[dict[str, Any]]:
    return [{"kind": {INSERT: "insert", DELETE: "delete"}.get(s.kind, "same"), "text": s.text,
             **({"side": s.author.side.value, "round": s.author.round, "time": s.author.time}
                if s.author else {})} for s in track]


def _track_line(track: Track) -> str:
    """Changes written inline: ``{+words+}`` and ``[-words-]`` with Side and round."""
    out = []
    for s in track:
        if s.kind == INSERT and s.author:
            out.append(f"{{+{s.text}+}}({s.author.side.value} r{s.author.round})")
        elif s.kind == DELETE and s.author:
            out.append(f"[-{s.text}-]({s.author.side.value} r{s.author.round})")
        else:
            out.append(s.text)
    return "".join(out)


def cmd_compare(args: argparse.Namespace) -> int:
    """Print what changed between two rounds, by Side."""
    from minutes_app.tracking.compare import compare

    m = _open(args.file)
    langs = _langs(m, args.lang)
    c = compare(m, args.older, args.newer, langs)
    if args.json:
        print(json.dumps({"from": c.older, "to": c.newer, "current": c.current, "paragraphs": [
            {"paragraph_id": p.pid, "number": p.number, "kind": p.kind,
             "side": p.author.side.value if p.author else None,
             "tracks": {lang.value: _track_json(t) for lang, t in p.tracks.items()}}
            for p in c.paragraphs]}, ensure_ascii=False, indent=2))
        return 0
    newer = _("the current text") if c.current else _("round {n}").format(n=c.newer)
    print(_("Changes from round {older} to {newer}: {n} paragraph(s)").format(
        older=c.older, newer=newer, n=len(c.paragraphs)))
    for p in c.paragraphs:
        where = f"{p.number}." if p.number is not None else f"[id {p.pid}]"
        kind = {"inserted": " " + _("(paragraph inserted)"),
                "deleted": " " + _("(paragraph deleted)"),
                "moved": " " + _("(paragraph moved)")}.get(p.kind, "")
        for lang, track in p.tracks.items():
            print(f"{where:>6} {lang.value}{kind} {_track_line(track)}")
    return 0


def cmd_blame(args: argparse.Namespace) -> int:
    """Print who brought every word of the current text, span by span (annexes last)."""
    from minutes_app.model.annexes import roman
    from minutes_app.tracking.annexes import annex_blame
    from minutes_app.tracking.provenance import blame

    m = _open(args.file)
    langs = _langs(m, args.lang)
    rows: list[tuple[dict[str, object], str, Lang, list[Span]]] = []
    for lang in langs:
        rows += [({"paragraph_id": b.pid, "number": b.number},
                  f"{b.number}." if b.number is not None else f"[id {b.pid}]", b.lang, b.spans)
                 for b in blame(m, lang)]
    for lang in langs:
        rows += [({"annex": a.annex + 1, "part": a.part},
                  roman(a.annex + 1) + (f".{a.part}" if a.part else ""), a.lang, a.spans)
                 for a in annex_blame(m, lang)]
    if args.json:
        print(json.dumps([{**place, "lang": lang.value, "spans": [_span_json(s) for s in spans]}
                          for place, _where, lang, spans in rows], ensure_ascii=False, indent=2))
        return 0
    for _place, where, lang, spans in rows:
        for s in spans:
            replaced = "  ({})".format(_("replaced {text}").format(text=repr(s.replaced))) if (
                s.replaced) else ""
            print(f"{where:>6} {lang.value} {s.side.value} r{s.round:<3} {s.text!r}{replaced}")
    return 0


def _span_json(s: Span) -> dict[str, object]:
    return {"start": s.start, "end": s.end, "text": s.text, "side": s.side.value,
            "round": s.round, "time": s.time, "replaced": s.replaced, "sent": not s.current}


def cmd_history(args: argparse.Namespace) -> int:
    """Write the negotiation report."""
    from minutes_app.docx_io.history_report import write_history_report
    from minutes_app.i18n import set_language
    from minutes_app.i18n.catalog import current_language

    new_output(args.out, args.force)
    before = current_language()
    set_language(args.lang or args.ui_lang or "en")
    try:
        write_history_report(_open(args.file), args.out)
    finally:
        set_language(before)
    print(_("Wrote the negotiation report to {path}").format(path=args.out))
    return 0


def _round(value: str) -> int | None:
    if value in ("current", "now"):
        return None
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a round number: {value}").format(value=repr(value))) from None


def register(add: Register) -> None:
    """Add the history commands to the command line."""
    p = add("compare", cmd_compare, _("what changed between two rounds, by Side"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--from", dest="older", type=int, required=True, metavar="N",
                   help=_("the older round"))
    p.add_argument("--to", dest="newer", type=_round, default=None, metavar="M",
                   help=_("a round number, or 'current' (the default)"))
    p.add_argument("--lang", choices=[x.value for x in Lang],
                   help=_("only this language (default: every language)"))
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    p = add("blame", cmd_blame, _("who brought every word of the current text (Side, round)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--lang", choices=[x.value for x in Lang],
                   help=_("only this language (default: every language)"))
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    p = add("history", cmd_history, _("the negotiation report (DOCX): rounds, changes, chart"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--out", required=True, metavar="OUT.docx",
                   help=_("the file to write (an existing one only with --force)"))
    force_arg(p)
    p.add_argument("--lang", choices=["en", "ko"],
                   help=_("the report's language (default: the interface's, else English)"))
