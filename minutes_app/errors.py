"""Errors the user can cause; each carries a code and parameters the front ends put into words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """A sentence the core has to say, as a code and its parameters (never words).

    ``minutes_app.i18n.messages.render`` makes it a sentence in the interface language.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


def N_(code: str) -> str:
    """Mark ``code`` for the catalog without translating it (it is translated when said)."""
    return code


def english(msg: Message) -> str:
    """``msg`` as an English sentence (its code with its parameters, messages said in turn)."""
    params = {k: english(v) if isinstance(v, Message) else v for k, v in msg.params.items()}
    return msg.code.format_map(params) if params else msg.code


class MinutesError(Exception):
    """Base of every error with a user-facing message (shown in a dialog or on stderr).

    The first argument is the code: an English sentence, with ``{name}`` fields filled from the
    keyword parameters. ``message`` (and ``str()``) is that sentence in English, for logs; the
    front ends say it in the user's language through ``minutes_app.i18n.messages``.
    """

    def __init__(self, code: str, /, **params: Any) -> None:
        message = english(Message(code, params))
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = params
        self.details: list[Message] = []  # one line each under the sentence (e.g. the reasons)

    def __str__(self) -> str:
        return self.message

    @property
    def msg(self) -> Message:
        """The error as a code and its parameters."""
        return Message(self.code, self.params)


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
