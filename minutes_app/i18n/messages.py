"""Sentences for the core's messages, in the interface language (the one place that makes them).

The core says things as a ``Message`` (a code and its parameters) or raises a ``MinutesError``
that carries one. A code is the English sentence with ``{name}`` fields (the catalog's msgid);
parameters are numbers, identifiers, the document's own text, or other messages said in turn.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from minutes_app.errors import N_, TEMPLATES, Message, MinutesError

__all__ = ["N_", "SIDE_NAMES", "error_text", "render", "render_all"]
from minutes_app.i18n.catalog import _


# a Side as sentences name it
SIDE_NAMES = {"KR": N_("Korean Side"), "RU": N_("Russian Side")}


def _param(value: Any, english: bool) -> Any:
    from minutes_app.checks.finding import Finding  # checks import this module

    if isinstance(value, Finding):  # a conformity finding, worded by i18n.findings
        from minutes_app.i18n.findings import describe

        return str(value) if english else describe(value)
    if isinstance(value, Message):
        return render(value, english)
    if isinstance(value, (list, tuple)) and all(isinstance(v, Message) for v in value):
        return ", ".join(render(v, english) for v in value)
    return value


def render(msg: Message, english: bool = False) -> str:
    """``msg`` as a sentence in the interface language (in English when ``english``)."""
    template = msg.code if english else _(msg.code)
    params = {k: _param(v, english) for k, v in msg.params.items()}
    try:
        return template.format_map(params) if params else template
    except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
        return msg.code.format_map(params)


def render_all(msgs: Iterable[Message]) -> list[str]:
    """Every message of ``msgs`` as a sentence."""
    return [render(m) for m in msgs]


def error_text(exc: MinutesError) -> str:
    """The error as the user reads it, in the interface language (coded or sentence errors)."""
    from minutes_app.i18n.errors import coded_sentence  # it imports this module lazily too

    head = coded_sentence(exc) if exc.code in TEMPLATES else render(exc.msg)
    return "\n".join([head, *(f"- {render(m)}" for m in exc.details)])
