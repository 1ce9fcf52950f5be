"""Words of Qt's own dialogs that Qt's catalog lacks, answered from ours.

Qt 6 asks its non-native file dialog's two labels with a mnemonic (``&Look in:``, ``Files of
&type:``) and names a folder in its file list under a context of its own
(``QAbstractFileIconProvider``), while ``qtbase_ko.qm`` still holds the older strings: those
stay English in the Korean interface. This translator answers exactly those (context, source)
pairs from our gettext catalog and nothing else, so Qt's catalog, consulted after it, keeps
the rest. Installed only for an interface that is not English.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from minutes_app.errors import N_
from minutes_app.i18n import _

# Qt's source strings, as libQt6Widgets asks them, for which qtbase's catalogs have no entry
# (found by opening the dialog in Korean and by looking each of its strings up in qtbase_ko)
MISSING: dict[str, frozenset[str]] = {
    "QFileDialog": frozenset((N_("&Look in:"), N_("Files of &type:"))),
    # the Type column of the file list names a folder, a drive (a root) or anything else so
    "QAbstractFileIconProvider": frozenset((N_("Folder"), N_("Drive"), N_("Unknown"))),
}


class GapTranslator(QTranslator):
    """Answers the strings of ``MISSING`` in the interface language; nothing else."""

    def translate(self, context: str, source: str,
                  disambiguation: str | None = None, n: int = -1) -> str | None:
        """Our catalog's words for a string Qt's catalog lacks, or None: a null string, so
        that Qt asks the next catalog (an empty string would be taken as the translation)."""
        sources = MISSING.get(context)
        if sources is None or source not in sources:
            return None
        text = _(source)
        return None if text == source else text

    def isEmpty(self) -> bool:
        """Never empty: Qt skips an empty translator."""
        return False


__all__ = ["MISSING", "GapTranslator"]
