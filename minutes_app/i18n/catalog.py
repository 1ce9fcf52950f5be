"""gettext catalogs for the interface (never for the minutes' own text).

Catalogs are ``translations/<lang>/LC_MESSAGES/minutes_app.po``, compiled with babel on first
use into the user's cache folder and recompiled whenever the ``.po`` changes.
"""

from __future__ import annotations

import gettext
import io
import logging
import zlib
from pathlib import Path

from minutes_app.errors import TemplateError
from minutes_app.resources import cache_dir, translations_dir

log = logging.getLogger(__name__)

DOMAIN = "minutes_app"
UI_LANGUAGES = ("en", "ko")  # English is the source language

_current: gettext.NullTranslations = gettext.NullTranslations()
_current_lang = "en"


def po_path(lang: str) -> Path:
    """The source catalog of ``lang``."""
    return translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled_catalog(lang: str) -> Path:
    """The ``.mo`` of ``lang``, compiling it with babel when missing or stale."""
    po = po_path(lang)
    try:
        source = po.read_bytes()
    except FileNotFoundError:
        raise TemplateError("The {lang} interface catalog is missing ({po}).",
                            lang=lang, po=po) from None
    digest = f"{zlib.crc32(source):08x}{len(source):x}"  # changes whenever the .po does
    mo = cache_dir() / "locale" / f"{lang}-{digest}" / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.exists():
        _compile(po, mo)
    return mo


def _compile(po: Path, mo: Path) -> None:
    data = _mo_bytes(po)
    mo.parent.mkdir(parents=True, exist_ok=True)
    tmp = mo.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(mo)
    log.info("compiled %s to %s", po, mo)


def _mo_bytes(po: Path) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def load(lang: str) -> gettext.NullTranslations:
    """The translations of ``lang``; raises instead of silently falling back."""
    if lang == "en":
        return gettext.NullTranslations()
    if lang not in UI_LANGUAGES:
        raise TemplateError("No interface catalog for {lang!r}; choose one of {UI_LANGUAGES}.",
                            lang=lang, UI_LANGUAGES=UI_LANGUAGES)
    try:
        with compiled_catalog(lang).open("rb") as fh:
            return gettext.GNUTranslations(fh)
    except OSError as exc:  # no cache folder to write (a read-only home): compile in memory
        log.info("cannot keep the compiled %s catalog (%s); compiled for this run only",
                 lang, exc)
        return gettext.GNUTranslations(io.BytesIO(_mo_bytes(po_path(lang))))


def set_language(lang: str) -> None:
    """Switch the interface language for every later ``_()`` call."""
    global _current, _current_lang
    _current = load(lang)
    _current_lang = lang


def current_language() -> str:
    """The interface language in force."""
    return _current_lang


def _(message: str) -> str:
    """Translate an interface string into the current interface language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a string with a count."""
    return _current.ngettext(singular, plural, n)
