"""Application settings in one typed object; nothing else touches QSettings."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


@dataclass
class AppSettings:
    """What the application remembers between runs, with its defaults."""

    ui_language: str = "en"
    zoom: int = 0
    recent_files: list[str] = field(default_factory=list)
    geometry: bytes = b""
    window_state: bytes = b""
    user_side: str = ""  # "KR" or "RU"; empty until the user has said
    user_name: str = ""
    spell_check: bool = True
    hidden_languages: list[str] = field(default_factory=list)  # editor columns hidden
    # what was last read or written: a save writes only what changed since, so an unchanged
    # save costs no disk sync (10-20 ms on the way to the first window) and never overwrites
    # what another window or process changed meanwhile
    _stored: tuple[object, ...] | None = field(default=None, init=False, repr=False,
                                               compare=False)

    @classmethod
    def load(cls) -> AppSettings:
        """Read the stored settings (defaults for anything missing or malformed)."""
        qs = QSettings()
        s = cls()
        s.ui_language = str(qs.value("ui_language", s.ui_language))
        if s.ui_language not in ("en", "ko"):
            s.ui_language = "en"
        try:
            s.zoom = int(qs.value("zoom", 0))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            s.zoom = 0
        recent = qs.value("recent_files", [])
        s.recent_files = [str(x) for x in recent] if isinstance(recent, list) else (
            [str(recent)] if recent else [])
        hidden = qs.value("hidden_languages", [])
        s.hidden_languages = [str(x) for x in hidden] if isinstance(hidden, list) else (
            [str(hidden)] if hidden else [])
        s.geometry = _bytes(qs.value("geometry", b""))
        s.window_state = _bytes(qs.value("window_state", b""))
        s.user_side = str(qs.value("user_side", "") or "")
        if s.user_side not in ("KR", "RU"):
            s.user_side = ""
        s.user_name = str(qs.value("user_name", "") or "")
        s.spell_check = str(qs.value("spell_check", "true")).lower() not in ("false", "0")
        s._stored = s._values()
        return s

    def save(self) -> None:
        """Write the settings changed since they were read or written (all, for new ones)."""
        values = self._values()
        before = self._stored or (_NEVER,) * len(values)
        changed = [(n, v) for n, v, b in zip(_NAMES, values, before, strict=True) if v != b]
        if not changed:
            return
        qs = QSettings()
        for name, value in changed:
            qs.setValue(name, QByteArray(value) if isinstance(value, bytes) else value)
        qs.sync()
        self._stored = values

    def _values(self) -> tuple[object, ...]:
        """Every stored setting's value, copied (lists are changed in place elsewhere)."""
        return tuple(list(v) if isinstance(v, list) else v
                     for v in (getattr(self, name) for name in _NAMES))

    def add_recent(self, path: str) -> None:
        """Put ``path`` first in the recent files."""
        self.recent_files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]


_NEVER = object()  # the value of a setting never read nor written (equal to none)
_NAMES = tuple(f.name for f in fields(AppSettings) if f.name != "_stored")


def _bytes(value: object) -> bytes:
    if isinstance(value, QByteArray):
        return bytes(value.data())
    return value if isinstance(value, bytes) else b""
