"""``minutes-app``: the command line, driving the same core as the GUI, headless.

Opening the editor (no command, a FILE, ``--lang``) is the common call: it goes to the window
without building the other commands' parser or importing their modules (``cli.commands``).
"""

from __future__ import annotations

import argparse  # PySide6 imports it on the way to the window in any case
import contextlib
import logging
import os
import sqlite3
import sys
from collections.abc import Collection, Sequence

from minutes_app.errors import N_, MinutesError
from minutes_app.i18n import _, catalog

log = logging.getLogger(__name__)

# the commands ``cli.commands`` registers, known here without building its parser (a test
# keeps the two the same)
COMMANDS = frozenset({
    "accept", "annex", "blame", "check", "compare", "delegation", "demo", "dismiss", "export",
    "history", "import", "info", "languages", "merge", "new", "reject", "report", "revisions",
    "screenshot", "send", "show", "verify",
})


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minutes-app", add_help=False)
    parser.add_argument("file", nargs="?", metavar="FILE")
    parser.add_argument("--lang", choices=["en", "ko"], help=_("interface language"))
    return parser


def _is_gui_call(argv: Sequence[str], commands: Collection[str]) -> bool:
    if argv[:1] == ["--lang"] or (argv[:1] and argv[0].startswith("--lang=")):  # both take it
        argv = argv[2:] if argv[0] == "--lang" else argv[1:]
    if not argv:
        return True
    first = argv[0]
    return first not in commands and first not in ("-h", "--help", "--version")


def _asked_language(argv: Sequence[str]) -> str | None:
    """The ``--lang`` given before the command (the messages' language), if any."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        arg = argv[i]
        value = (argv[i + 1] if arg == "--lang" and i + 1 < len(argv)
                 else arg.split("=", 1)[1] if arg.startswith("--lang=") else None)
        if value is not None:
            return value if value in catalog.UI_LANGUAGES else None
        i += 1
    return None


# argparse's own words (usage, option groups, its errors), said through our catalog
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("expected one argument"), N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"), N_("ambiguous option: %(option)s could match %(matches)s"),
)


def _argparse_in_our_language() -> None:
    """argparse looks its words up through the module's ``_``: make that our catalog's."""
    argparse._ = lambda text: _(text)  # type: ignore[attr-defined]


def locale_language() -> str:
    """The interface language the locale asks for (``LC_ALL``, ``LC_MESSAGES``, ``LANG``)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            code = value.split("_")[0].split(".")[0].split(":")[0].lower()
            return code if code in catalog.UI_LANGUAGES else "en"
    return "en"


def _fail(exc: BaseException) -> int:
    """One sentence on stderr, in the interface language, never a traceback; exit code 1."""
    from minutes_app.i18n.errors import sentence

    if not isinstance(exc, (MinutesError, sqlite3.Error, OSError)):
        log.debug("unexpected error", exc_info=exc)
    with contextlib.suppress(OSError, ValueError):  # stderr itself may be gone
        print(_("minutes-app: error: {message}").format(message=sentence(exc)), file=sys.stderr)
    return 1


def _quiet_stdout() -> None:
    """After a broken pipe (``| head``), let Python's exit flush nowhere instead of failing."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``minutes-app``; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    catalog.set_language(_asked_language(args_list) or locale_language())  # help, too
    _argparse_in_our_language()
    try:
        if _is_gui_call(args_list, COMMANDS):
            gui_args = _gui_parser().parse_args(args_list)
            from minutes_app.ui.app import run

            return run(gui_args.file, gui_args.lang)
        from minutes_app.cli.commands import run_command

        code = run_command(args_list)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the user gets a sentence, never a traceback
        return _fail(exc)
