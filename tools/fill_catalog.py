"""Fill untranslated entries of a catalog from a Python dict: python tools/fill_catalog.py ko F.py.

F.py defines ``KO = {msgid: translation}``; plural entries use the singular msgid as key and
the same translation for every form (Korean has one plural form).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Fill the catalog of ``sys.argv[1]`` from the dict in ``sys.argv[2]``."""
    lang, source = sys.argv[1], sys.argv[2]
    table: dict[str, str] = runpy.run_path(source)[lang.upper()]
    po = ROOT / "translations" / lang / "LC_MESSAGES" / "minutes_app.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in table and not (message.string if isinstance(message.string, str)
                                 else any(message.string or ())):
            message.string = (table[key],) if isinstance(message.id, tuple) else table[key]
    with po.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=False)


if __name__ == "__main__":
    main()
