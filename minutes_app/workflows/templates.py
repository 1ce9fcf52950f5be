"""Section templates for the usual cooperation fields, and the demo minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from minutes_app.errors import TemplateError, ValidationError
from minutes_app.model import Lang, Minutes, Status
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
        raise TemplateError("Resource {path_name} is missing from this installation.",
                            path_name=path.name) from None
    except (json.JSONDecodeError, ValidationError) as exc:
        raise TemplateError("Resource {path_name} is malformed: {exc}",
                            path_name=path.name, exc=exc) from None


def with_languages(m: Minutes, langs: list[Lang] | None) -> Minutes:
    """``m`` in ``langs`` (its own when None): texts and headings of other languages dropped.

    Templates and the demo carry every language they have words for; a new document keeps
    the ones asked for, in the order asked for. Meeting and party names stay in every language.
    """
    from minutes_app.model.languages import check_languages

    if langs is None:
        langs = list(m.languages)
    check_languages(langs)
    for s in m.sections:
        s.heading = {lang: s.heading.get(lang, "") for lang in langs}
        for p in s.paragraphs:
            p.texts = {lang: p.texts[lang] for lang in langs if lang in p.texts}
            p.agreed_texts = {lang: p.agreed_texts[lang] for lang in langs
                              if lang in p.agreed_texts}
    m.glossary = [{lang: e[lang] for lang in langs if lang in e} for e in m.glossary]
    m.languages = list(langs)
    return m


def from_template(name: str = DEFAULT_TEMPLATE, today: dt.date | None = None,
                  languages: list[Lang] | None = None) -> Minutes:
    """A new document from a template, dated ``today``, in ``languages`` (the template's)."""
    if name not in template_names():
        choices = ", ".join(template_names())
        raise TemplateError("There is no template {name!r}. Templates: {choices}.",
                            name=name, choices=choices)
    m = with_languages(_load(resource("templates", f"{name}.json")), languages)
    m.meeting = dataclasses.replace(m.meeting, start=today or dt.date.today())
    return m


def template_description(name: str, lang: str) -> str:
    """The one-line description of a template in an interface language."""
    data = json.loads(resource("templates", f"{name}.json").read_text(encoding="utf-8"))
    description = data.get("description", {})
    return str(description.get(lang) or description.get("en") or name)


def demo(history: bool = True, agreed: bool = False,
         languages: list[Lang] | None = None) -> Minutes:
    """The demo: the 14th Korea-Russia Far East and Siberia Sub-committee, 18 December 2020.

    With ``history``, three rounds of negotiation and what is still open; with ``agreed``,
    the text as it stands at signing. ``languages`` are any two or three of Korean, English
    and Russian (Korean and English by default).
    """
    from minutes_app.workflows.demo_history import add_negotiation, settle

    m = with_languages(_load(resource("demo", "far-east-14.json")), languages)
    for p in m.paragraphs():
        if p.status is Status.AGREED:
            p.agreed_texts = dict(p.texts)  # agreed before the demo's history begins
    if history or agreed:
        add_negotiation(m)
    return settle(m) if agreed else m
