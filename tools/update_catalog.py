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
            # an error's first argument is its code: the English sentence
            **{name: (1,) for name in ("MinutesError", "ValidationError", "FileFormatError",
                                       "NewerFileError", "FileLockedError", "TemplateError")}}


def extract() -> Catalog:
    """Every translatable string in the package."""
    template = Catalog(project="minutes_app")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT / "minutes_app"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        template.add(message, None, [(f"minutes_app/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


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
