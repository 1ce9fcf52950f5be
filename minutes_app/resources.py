"""The one place that locates resources, translations and per-user folders.

Works from a checkout (``resources/`` and ``translations/`` beside the package) and from an
installed wheel (the same folders packaged as ``minutes_app._resources`` and
``minutes_app._translations``).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
_PACKAGE = Path(__file__).resolve().parent


def _packaged(installed_name: str, checkout_name: str) -> Path:
    """The folder in a checkout (``resources/``) or in the installed package (``_resources/``)."""
    for candidate in (_CHECKOUT / checkout_name, _PACKAGE / installed_name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE / installed_name


@cache
def resource_dir() -> Path:
    """The folder of icons, stylesheet, templates and the demo minutes."""
    return _packaged("_resources", "resources")


@cache
def translations_dir() -> Path:
    """The folder of gettext catalogs (``<lang>/LC_MESSAGES/minutes_app.po``)."""
    return _packaged("_translations", "translations")


def resource(*parts: str) -> Path:
    """A file under the resource folder."""
    return resource_dir().joinpath(*parts)


def _user_dir(env: str, windows_env: str, mac_sub: str, fallback: str) -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get(windows_env) or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / mac_sub
    else:
        base = Path(os.environ.get(env) or Path.home() / fallback)
    return base / "minutes_app"


def cache_dir() -> Path:
    """Per-user cache (compiled catalogs); safe to delete."""
    return _user_dir("XDG_CACHE_HOME", "LOCALAPPDATA", "Caches", ".cache")


def data_dir() -> Path:
    """Per-user data (untitled documents, crash logs)."""
    return _user_dir("XDG_DATA_HOME", "APPDATA", "Application Support", ".local/share")
