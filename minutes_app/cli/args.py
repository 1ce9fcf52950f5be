"""What every group of commands shares: how a group registers its commands, a Side argument
and the refusal to replace an existing output without ``--force``."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

from minutes_app.errors import MinutesError
from minutes_app.i18n import _
from minutes_app.model import Side

Register = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def side_arg(value: str) -> Side:
    """A Side given on the command line (``KR``, ``ru``), for ``type=`` of an argument."""
    try:
        return Side(value.upper())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("unknown side {value!r} (KR or RU)").format(value=value)) from None


def new_output(out: str, force: bool, document: bool = False) -> None:
    """Refuse to replace a file already at ``out`` unless ``--force`` was given (``document``:
    ``out`` is a new .minutes file, else an export, a report or a list).

    An export named like yesterday's, or a signing original, must not vanish under a typo;
    checked before any work, so nothing is written. (The window's Save As asks instead.)
    """
    from minutes_app.outputs import check_output

    if not document:
        check_output(out)  # a folder or a .minutes document: refused even with --force
    if not force and os.path.lexists(out):
        raise MinutesError("{name} already exists and was not replaced (nothing was "
                           "written). Give --force to replace it, or choose another name.",
                           name=out)


def force_arg(p: argparse.ArgumentParser, name: str = "OUT") -> None:
    """The ``--force`` of a command that writes an output file."""
    p.add_argument("--force", action="store_true",
                   help=_("replace {name} if it exists").format(name=name))
