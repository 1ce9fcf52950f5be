"""The commands of ``minutes-app`` other than opening the editor: their parser and handlers.

``cli.main`` imports this module only for a command, never on the way to the window.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from minutes_app import __version__
from minutes_app.cli import history as cli_history
from minutes_app.cli import languages as cli_languages
from minutes_app.cli import signing as cli_signing
from minutes_app.cli import tracking as cli_tracking
from minutes_app.cli.args import force_arg, new_output, side_arg
from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.model import Lang, Minutes
from minutes_app.store import MinutesFile

Handler = Callable[[argparse.Namespace], int]


def _cmd_demo(args: argparse.Namespace) -> int:
    from minutes_app.workflows.templates import demo

    new_output(args.out, args.force, document=True)
    m = demo(agreed=args.agreed, languages=args.languages)
    MinutesFile.create(args.out, m, overwrite=args.force).close()
    said = (_("Wrote the demo minutes (as it stands at signing) to {path}") if args.agreed
            else _("Wrote the demo minutes (with its negotiation so far) to {path}"))
    print(said.format(path=args.out))
    return 0


def _export_format(out: str, chosen: str | None) -> str:
    """The format of an export: from OUT's extension, which must agree with ``--format``."""
    from pathlib import Path

    suffix = Path(out).suffix.lower().lstrip(".")
    if suffix in ("docx", "pdf") and chosen in (None, suffix):
        return suffix
    ext = chosen or "docx"
    raise MinutesError("The export would write a {format} file, so the name must end in "
                       ".{ext}: {name}", format=ext.upper(), ext=ext, name=out)


def _cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from minutes_app.i18n.messages import render
    from minutes_app.workflows.export import ExportChoices, export_document
    from minutes_app.workflows.runner import run

    if args.kind != "comparison" and (args.older != 1 or args.newer is not None):
        raise MinutesError("--from and --to choose the rounds of a comparison "
                           "(--kind comparison); a {kind} export has none.", kind=args.kind)
    new_output(args.out, args.force)
    fmt = _export_format(args.out, args.format)
    f, m = _open_for_export(args.file)
    try:
        if args.latin_font or args.korean_font:  # for this export only: never saved
            import dataclasses

            m.settings = dataclasses.replace(
                m.settings, latin_font=args.latin_font or m.settings.latin_font,
                korean_font=args.korean_font or m.settings.korean_font)
        choices = ExportChoices(args.kind, args.copy_for,
                                args.layout, args.allow_ad_ref, args.initials, fmt,
                                args.fingerprint_footer, (args.older, args.newer))
        done = export_document(m, Path(args.out), choices, record=not f.read_only)
        try:
            if not done.step.empty:  # the entry first: an export is never out unrecorded
                run(f, m, done.step)
            done.finish()
        finally:
            done.discard()
    finally:
        f.close()
    if f.read_only:
        print(_("{name} is read-only: this export is not recorded in its history.").format(
            name=Path(args.file).name), file=sys.stderr)
    for msg in done.step.report.messages:
        print(render(msg))
    for lang, digest in done.step.report.params["fingerprints"].items():
        print(f"  {lang} SHA-256 {digest}")
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from minutes_app.workflows.templates import from_template

    new_output(args.out, args.force, document=True)
    m = from_template(args.template, languages=args.languages)
    MinutesFile.create(args.out, m, overwrite=args.force).close()
    print(_("Started {path} from the template {name!r}").format(path=args.out,
                                                               name=args.template))
    return 0


def _open(path: str) -> Minutes:
    """Read a document without writing it (no lock, no migration on disk)."""
    from minutes_app.cli.reading import read

    return read(path)


def _open_for_export(path: str) -> tuple[MinutesFile, Minutes]:
    """Open to record the export in the history; read-only when the file is."""
    from minutes_app.errors import FileLockedError

    try:
        return MinutesFile.open(path)
    except FileLockedError as exc:
        if exc.code != "read_only":
            raise
        return MinutesFile.open(path, read_only=True)


def _cmd_show(args: argparse.Namespace) -> int:
    from minutes_app.cli.textview import numbered_text

    m = _open(args.file)
    sys.stdout.write(numbered_text(m, cli_languages.lang_arg(m, args.lang)))
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from minutes_app.cli.textview import info

    m = _open(args.file)
    data = info(m, cli_languages.lang_arg(m, args.lang) if args.lang else None)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for key, value in data.items():
            print(f"{key}: {_plain(value)}")
    return 0


def _plain(value: object) -> str:
    """A value of ``info`` as a reader wants it: ``ko: …; en: …`` and ``ko, en``, not reprs."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _cmd_check(args: argparse.Namespace) -> int:
    from minutes_app.checks.conformity import ERROR, findings
    from minutes_app.i18n import catalog
    from minutes_app.i18n import ngettext
    from minutes_app.i18n.findings import describe, severity_name, where

    if args.ui_lang:
        catalog.set_language(args.ui_lang)
    m = _open(args.file)
    found = findings(m, include_dismissed=args.all)
    if args.lang:
        lang = cli_languages.lang_arg(m, args.lang)
        found = [f for f in found if lang in f.langs]
    if args.json:
        print(json.dumps([f.to_json() | {"message": describe(f), "where": where(f),
                                         "dismissed": m.dismissed.get(f.key)} for f in found],
                         ensure_ascii=False, indent=2))
    else:
        for f in found:
            dismissed = f"  [{m.dismissed[f.key]}]" if f.key in m.dismissed else ""
            print(f"{where(f)} · {severity_name(f.severity)} · {describe(f)}  ({f.key}){dismissed}")
        print(ngettext("{n} finding", "{n} findings", len(found)).format(n=len(found)))
    blocking = [f for f in found if f.severity == ERROR and f.key not in m.dismissed]
    return 1 if blocking else 0


def _cmd_dismiss(args: argparse.Namespace) -> int:
    from minutes_app.i18n.messages import render
    from minutes_app.workflows.edits import dismiss
    from minutes_app.workflows.runner import run

    f, m = MinutesFile.open(args.file)
    try:
        step = dismiss(m, args.key, args.reason)
        run(f, m, step)
    finally:
        f.close()
    for msg in step.report.messages:
        print(render(msg))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from minutes_app.docx_io.report import write_report

    new_output(args.out, args.force)
    write_report(_open(args.file), args.out, only_open=not args.all)
    print(_("Wrote the review report to {path}").format(path=args.out))
    return 0


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from minutes_app.ui.app import screenshot

    new_output(args.out, args.force)
    return screenshot(args.file, args.out, args.lang or args.ui_lang or "en")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutes-app",
        description=_("Draft, negotiate and sign bilingual agreed minutes. "
        "With no command (or with a FILE), opens the editor."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("show program's version number and exit"))
    parser.add_argument("--lang", dest="ui_lang", choices=["en", "ko"], metavar="UI",
                        help=_("language of the messages, en or ko (default: the locale)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=handler)
        return p

    p = add("demo", _cmd_demo,
            _("write the demo minutes (14th Far East and Siberia Sub-committee)"))
    p.add_argument("out", metavar="OUT.minutes")
    force_arg(p)
    p.add_argument("--agreed", action="store_true", help=_("the demo as it stands at signing"))
    p.add_argument("--languages", type=cli_languages.languages_arg, metavar="LIST",
                   help=_("two or three of ko, en, ru in the delegation's order, default ko,en"))
    p = add("new", _cmd_new, _("start a document from a template"))
    p.add_argument("out", metavar="OUT.minutes")
    p.add_argument("--template", default="cooperation-fields", metavar="NAME",
                   help=_("the template (default: cooperation-fields; an unknown name lists them)"))
    p.add_argument("--languages", type=cli_languages.languages_arg, metavar="LIST",
                   help=_("two or three of ko, en, ru in the delegation's order, e.g. ko,ru,en"))
    force_arg(p)
    p = add("show", _cmd_show, _("print the numbered text of one language"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--lang", choices=[x.value for x in Lang],
                   help=_("default: the document's first language"))
    p = add("info", _cmd_info, _("print metadata and counts"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    p.add_argument("--lang", choices=[x.value for x in Lang],
                   help=_("titles in this language only"))
    p = add("check", _cmd_check, _("language conformity findings; exit 1 if any blocks signing"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--lang", choices=[x.value for x in Lang],
                   help=_("only findings that involve this language"))
    p.add_argument("--json", action="store_true", help=_("as JSON"))
    p.add_argument("--all", action="store_true", help=_("include dismissed findings"))
    p.add_argument("--ui-lang", choices=["en", "ko"], help=_("language of the messages"))
    p = add("dismiss", _cmd_dismiss, _("dismiss a finding with a reason (kept in the file)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("key", metavar="KEY")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p = add("report", _cmd_report, _("the printable review report (DOCX)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--out", required=True, metavar="OUT.docx",
                   help=_("the file to write (an existing one only with --force)"))
    force_arg(p)
    p.add_argument("--all", action="store_true", help=_("every paragraph, not only open ones"))
    p = add("screenshot", _cmd_screenshot,
            _("render the main window with FILE to a PNG, offscreen"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--out", required=True, metavar="OUT.png",
                   help=_("the file to write (an existing one only with --force)"))
    force_arg(p)
    p.add_argument("--lang", choices=["en", "ko"], help=_(
        "interface language (default: the one given before the command, else English)"))
    p = add("export", _cmd_export, _("export the working copy or a signing original (DOCX, PDF)"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--kind", required=True, choices=["working", "signing", "comparison"],
                   help=_("working: the copy for the other Side to edit; signing: an "
                          "original; comparison: two rounds side by side"))
    p.add_argument("--from", dest="older", type=int, default=1, metavar="N",
                   help=_("comparison: the older round"))
    p.add_argument("--to", dest="newer", type=int, metavar="M",
                   help=_("comparison: the newer round (default: the current text)"))
    p.add_argument("--copy-for", metavar="S", type=side_arg,
                   help=_("whose original (KR or RU; signing only)"))
    p.add_argument("--layout", choices=["consecutive", "side-by-side"],
                   help=_("working copy: side-by-side (default); signing: consecutive (default)"))
    p.add_argument("--allow-ad-ref", action="store_true",
                   help=_("sign paragraphs agreed ad referendum (they are marked)"))
    p.add_argument("--initials", action="store_true", help=_("initials boxes in the footer"))
    p.add_argument("--format", choices=["docx", "pdf"], help=_("default: from OUT's extension"))
    p.add_argument("--latin-font", metavar="NAME", help=_("default: Times New Roman"))
    p.add_argument("--korean-font", metavar="NAME",
                   help=_("East Asian font of the working copy; default: Batang (signing "
                   "originals use Nanum Myeongjo)"))
    p.add_argument("--fingerprint-footer", action="store_true",
                   help=_("print the fingerprints in the footer instead of a verification sheet"))
    p.add_argument("-o", "--out", required=True, metavar="OUT",
                   help=_("the file to write (an existing one only with --force)"))
    force_arg(p)
    cli_tracking.register(add)
    cli_history.register(add)
    cli_languages.register(add)
    cli_signing.register(add)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def run_command(argv: Sequence[str]) -> int:
    """Parse ``argv`` (a command and its arguments) and run the command; its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return int(args.func(args))
