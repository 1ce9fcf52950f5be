"""Section templates for the usual cooperation fields, and the demo minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from minutes_app.errors import TemplateError, ValidationError
from minutes_app.model import Minutes, Status
from minutes_app.model.serialize import minutes_in
from minutes_app.resources import resource

DEFAULT_TEMPLATE = "cooperation-fields"


def template_names() -> list[str]:
    """The names accepted by ``new --template``."""
    return sorted(p.stem for p in resource("templates").glob("*.json"))


def _load(path: Path) -> Minutes:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return minutes_in(data)
    except FileNotFoundError:
        raise TemplateError(f"Resource {path.name} is missing from this installation.") from None
    except (json.JSONDecodeError, ValidationError) as exc:
        raise TemplateError(f"Resource {path.name} is malformed: {exc}") from None


def from_template(name: str = DEFAULT_TEMPLATE, today: dt.date | None = None) -> Minutes:
    """A new document from a template, dated ``today``."""
    if name not in template_names():
        choices = ", ".join(template_names())
        raise TemplateError(f"There is no template {name!r}. Templates: {choices}.")
    m = _load(resource("templates", f"{name}.json"))
    m.meeting = dataclasses.replace(m.meeting, start=today or dt.date.today())
    return m


def template_description(name: str, lang: str) -> str:
    """The one-line description of a template in an interface language."""
    data = json.loads(resource("templates", f"{name}.json").read_text(encoding="utf-8"))
    description = data.get("description", {})
    return str(description.get(lang) or description.get("en") or name)


def demo(history: bool = True, agreed: bool = False) -> Minutes:
    """The demo: the 14th Korea-Russia Far East and Siberia Sub-committee, 18 December 2020.

    With ``history``, three rounds of negotiation and what is still open; with ``agreed``,
    the text as it stands at signing.
    """
    from minutes_app.demo_history import add_negotiation, settle

    m = _load(resource("demo", "far-east-14.json"))
    for p in m.paragraphs():
        if p.status is Status.AGREED:
            p.agreed_texts = dict(p.texts)  # agreed before the demo's history begins
    if history or agreed:
        add_negotiation(m)
    return settle(m) if agreed else m
