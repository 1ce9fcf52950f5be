"""Errors as sentences in the interface language (the edge of rule 11: the core gives codes)."""

from __future__ import annotations

import sqlite3

from minutes_app.errors import (
    TEMPLATES, DamagedFileError, Message, MinutesError, describe_places, sqlite_detail,
)
from minutes_app.i18n.catalog import _


def sentence(exc: BaseException) -> str:
    """One sentence for an error the user can meet, in the current interface language."""
    if isinstance(exc, MinutesError):
        from minutes_app.i18n.messages import error_text  # it calls back coded_sentence

        return error_text(exc)
    if isinstance(exc, sqlite3.Error):
        return _store_sentence(exc)
    if isinstance(exc, OSError):
        return os_sentence(exc)
    return _("An unexpected error stopped the command ({kind}). Your files were not "
             "changed by it; please report it.").format(kind=type(exc).__name__)


def coded_sentence(exc: MinutesError) -> str:
    """The head sentence of an error raised with a ``TEMPLATES`` key (``code=``)."""
    from minutes_app.i18n.messages import render

    params = {k: render(v) if isinstance(v, Message) else v for k, v in exc.params.items()}
    if isinstance(exc, DamagedFileError):
        params["detail"] = describe_places(exc.places, _)
    return _(TEMPLATES[exc.code]).format(**params)


def _store_sentence(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "full" in text:
        return _("The disk is full: nothing was saved. Free some space and try again.")
    if "locked" in text or "busy" in text:
        return _("The file is in use by another program or window; close it there first.")
    if "readonly" in text or "read-only" in text:
        return _("The file cannot be written here (it is read-only).")
    from minutes_app.i18n.messages import render

    return _("The file could not be read or written ({detail}).").format(
        detail=render(sqlite_detail(text)))


def os_sentence(exc: OSError) -> str:
    """A system error (no such folder, permission, full disk) in the user's language."""
    import errno

    name = exc.filename or ""
    if exc.errno == errno.ENOSPC or exc.errno == errno.EFBIG:
        return _("The disk is full: {name} could not be written. Free some space and try "
                 "again.").format(name=name)
    if exc.errno == errno.ENOENT:
        return _("{name} does not exist (or its folder does not).").format(name=name)
    if exc.errno == errno.EROFS:
        return _("{name} cannot be written: the disk is read-only.").format(name=name)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("You do not have permission to write or read {name}.").format(name=name)
    if exc.errno == errno.EISDIR:
        return _("{name} is a folder, not a file.").format(name=name)
    return _("{name}: {detail}.").format(name=name, detail=exc.strerror or str(exc))
