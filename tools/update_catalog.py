"""Extract the interface strings and merge them into the catalogs.

Run ``python tools/update_catalog.py`` after adding or changing ``_()`` strings, then translate
the new entries in ``translations/ko/LC_MESSAGES/minutes_app.po`` (tests fail until you do).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2),
            # an error's first positional argument is its code: the English sentence (errors
            # raised with code= take their sentence from TEMPLATES, marked with N_)
            **{name: (1,) for name in ("MinutesError", "ValidationError", "FileFormatError",
                                       "NewerFileError", "FileLockedError", "TemplateError",
                                       "StoreWriteError", "FileChangedError")}}


def extract() -> Catalog:
    """Every translatable string in the package."""
    template = Catalog(project="minutes_app")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT / "minutes_app"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        if _template_key(filename, lineno, message):
            continue
        template.add(message, None, [(f"minutes_app/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def _template_key(filename: str, lineno: int, message: object) -> bool:
    """True for ``SomeError(code="key", ...)``: a TEMPLATES key, whose template is the msgid."""
    lines = (ROOT / "minutes_app" / filename).read_text(encoding="utf-8").splitlines()
    return isinstance(message, str) and f'code="{message}"' in lines[lineno - 1]


def update(lang: str, template: Catalog) -> Path:
    """Merge ``template`` into the ``lang`` catalog, keeping existing translations."""
    po = ROOT / "translations" / lang / "LC_MESSAGES" / "minutes_app.po"
    if po.exists():
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="minutes_app")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=False)
    return po


if __name__ == "__main__":
    print(update("ko", extract()))
