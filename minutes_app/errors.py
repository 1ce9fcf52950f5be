"""Errors the user can cause; each carries the message shown to the user."""

from __future__ import annotations


class MinutesError(Exception):
    """Base of every error with a user-facing message (shown in a dialog or on stderr)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(MinutesError):
    """A model operation or document would break an invariant."""


class FileFormatError(MinutesError):
    """The file is not a .minutes file, or it is corrupt or truncated."""


class NewerFileError(MinutesError):
    """The file was written by a newer version of minutes_app."""


class FileLockedError(MinutesError):
    """Another running instance holds the file."""


class TemplateError(MinutesError):
    """A template or resource is missing or malformed."""
