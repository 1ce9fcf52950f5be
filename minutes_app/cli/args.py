"""What every group of commands shares: how a group registers its commands, and a Side argument."""

from __future__ import annotations

import argparse
from collections.abc import Callable

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
