"""Opening and creating documents for the window, with errors shown, never raised."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from minutes_app.errors import FileLockedError, MinutesError
from minutes_app.i18n import _
from minutes_app.model import Minutes
from minutes_app.resources import data_dir
from minutes_app.store import MinutesFile
from minutes_app.ui.document import Document

log = logging.getLogger(__name__)
DEMO_NAME = "far-east-14"


def open_document(path: str | Path) -> Document:
    """Open ``path`` as a Document (raises MinutesError with a message for the user).

    A read-only file, or the intact rest of a damaged one, opens read-only: the window then
    offers Save As.
    """
    from minutes_app.errors import DamagedFileError

    try:
        file, minutes = MinutesFile.open(path)
    except FileLockedError as exc:
        if exc.code != "read_only":
            raise
        file, minutes = MinutesFile.open(path, read_only=True)
    except DamagedFileError as exc:
        if not exc.intact:
            raise
        file, minutes = MinutesFile.open(path, salvage=True)
    return Document(minutes, file)


def create_document(path: str | Path, minutes: Minutes) -> Document:
    """Write ``minutes`` to a new file at ``path`` and open it."""
    MinutesFile.create(path, minutes, overwrite=True).close()
    return open_document(path)


def demo_document() -> Document:
    """The demo minutes, kept in the user's data folder so edits to it persist like any file."""
    folder = data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, 50):
        path = folder / (f"{DEMO_NAME}.minutes" if n == 1 else f"{DEMO_NAME} ({n}).minutes")
        try:
            if not path.exists():  # the first start only: the demo's module then
                from minutes_app.workflows.templates import demo

                MinutesFile.create(path, demo()).close()
            return open_document(path)
        except FileLockedError:
            continue  # another window has this copy open: use the next one
    raise MinutesError(_("Too many demo copies are open."))


def show_error(parent: QWidget | None, message: str, title: str = "") -> None:
    """A clear message for something the user can fix."""
    from PySide6.QtWidgets import QMessageBox

    log.info("error shown: %s", message)
    box = QMessageBox(QMessageBox.Icon.Warning, title or _("minutes_app"), message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.exec()
