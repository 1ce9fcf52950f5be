"""The files the user gives to read: ordinary files only.

A pipe, a device (``/dev/zero``, ``/dev/urandom``) or a socket, or a link to one, would keep a
reader waiting for ever (a pipe nobody writes) or feed it without end (a device): each is
refused by its kind before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from minutes_app.errors import FileFormatError, MinutesError


def check_regular(path: str | os.PathLike[str]) -> None:
    """Refuse ``path`` unless it is a regular file (a link to one is fine); a missing file and a
    folder get their own sentences."""
    p = Path(path)
    try:
        mode = os.stat(p).st_mode  # follows links: a link to /dev/zero is a device
    except FileNotFoundError:
        raise MinutesError(code="missing", name=str(p)) from None
    except OSError:
        return  # unreadable, a loop of links, a path too long: the open that follows says which
    if stat.S_ISDIR(mode):
        raise FileFormatError(code="folder", name=str(p))
    if not stat.S_ISREG(mode):
        raise FileFormatError(code="not_a_file", name=str(p))


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a small file the user gave (a list, a text), once it is known to be one."""
    check_regular(path)
    return Path(path).read_bytes()
