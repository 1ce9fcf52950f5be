"""Command-line commands for a document's languages: ``languages`` (list, add, remove, order)."""

from __future__ import annotations

import argparse

from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.i18n.messages import error_text
from minutes_app.model import Lang, Minutes
from minutes_app.model.languages import parse_languages
from minutes_app.store import MinutesFile
from minutes_app.cli.args import Register

LANG_CODES = [lang.value for lang in Lang]


def languages_arg(value: str) -> list[Lang]:
    """``--languages ko,ru,en`` for argparse (two or three, in the delegation's order)."""
    try:
        return parse_languages(value)
    except MinutesError as exc:
        raise argparse.ArgumentTypeError(error_text(exc)) from None  # in the user's language


def lang_arg(m: Minutes, value: str | None) -> Lang:
    """``--lang`` checked against the document (its first language when omitted)."""
    if value is None:
        return m.languages[0]
    lang = Lang(value)
    m.check_lang(lang)
    return lang


def _names(m: Minutes) -> str:
    return ",".join(lang.value for lang in m.languages)


def cmd_languages(args: argparse.Namespace) -> int:
    """Print the document's languages, or add, remove or reorder one."""
    from minutes_app.workflows.edits import change_languages
    from minutes_app.workflows.runner import run

    f, m = MinutesFile.open(args.file)
    try:
        if args.action is None:
            print(_names(m))
            return 0
        run(f, m, change_languages(m, args.action, args.value, args.force))
    finally:
        f.close()
    print(_("Languages of {file}: {languages}").format(file=args.file, languages=_names(m)))
    return 0


def _action_value(args: argparse.Namespace) -> None:
    """Check that ``add``/``remove`` name a language and ``order`` a list."""
    if args.action is None:
        return
    if args.value is None:
        raise MinutesError("'languages {action}' needs a value, e.g. '{example}'.",
                           action=args.action, example="order ko,ru,en" if args.action == "order"
                           else f"{args.action} ru")
    if args.action in ("add", "remove") and args.value not in LANG_CODES:
        raise MinutesError("Unknown language {value!r}; expected ko, en or ru.", value=args.value)


def _checked(args: argparse.Namespace) -> int:
    _action_value(args)
    return cmd_languages(args)


def register(add: Register) -> None:
    """Add this module's commands to the parser."""
    p = add("languages", _checked, _("print, add, remove or reorder the document's languages"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("action", nargs="?", choices=["add", "remove", "order"])
    p.add_argument("value", nargs="?", metavar="LANG|ORDER",
                   help=_("ko, en or ru; for order a list such as ko,ru,en"))
    p.add_argument("--force", action="store_true",
                   help=_("remove a language even though it holds text"))
