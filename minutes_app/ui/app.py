"""The Qt application: start-up, translations, error handling, the screenshot command."""

from __future__ import annotations

import contextlib
import gc

_collecting = gc.isenabled()
gc.disable()  # while PySide6 and our modules load (see minutes_app/ui/__init__.py)

import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from types import TracebackType  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def _known_to_pyside() -> None:
    """Tell PySide6's import hook which of our modules use it, as it would find out by reading
    the source of each module imported after it (a file read a module: milliseconds at
    start-up; 5 ms for ``zipimport``, which has none). Only ``ui`` uses Qt (the core never
    does): 0 there, "no feature selected", and -1, "ignore", for the rest of the package and
    for the standard library's modules already loaded, the values the hook gives. Its table is
    internal: if it is not there (another PySide6), the hook reads the sources as before."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the package
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith("__")]  # not __pycache__
        package = os.path.relpath(folder, os.path.dirname(root)).replace(os.sep, ".")
        flag = 0 if package.split(".")[:2] == ["minutes_app", "ui"] else -1
        table.setdefault(package, flag)
        for name in files:
            if name.endswith(".py") and name != "__init__.py":
                table.setdefault(f"{package}.{name[:-3]}", flag)
    for name in list(sys.modules):
        if not name.startswith(("PySide6", "shiboken", "minutes_app")):
            table.setdefault(name, -1)


_known_to_pyside()

from minutes_app.errors import MinutesError  # noqa: E402
from minutes_app.gcpause import collector_paused  # noqa: E402
from minutes_app.i18n import _, catalog  # noqa: E402
from minutes_app.i18n.messages import error_text  # noqa: E402
from minutes_app.resources import data_dir  # noqa: E402
from minutes_app.ui import freeze_loaded  # noqa: E402

freeze_loaded()  # module objects live as long as the process (see ui/__init__)
if _collecting:
    gc.enable()


log = logging.getLogger(__name__)
_modules_frozen = False  # see build_window
_qt_translator: QTranslator | None = None
_gap_translator: QTranslator | None = None  # the words Qt's catalog lacks (see ui/qt_gaps)
_locale_changed = False  # QLocale's default set for an interface that is not English


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names and fonts (reused if one exists)."""
    from minutes_app.ui import style

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("minutes_app")
    app.setApplicationName("minutes_app")
    app.setApplicationDisplayName("minutes_app")
    style.register_fonts()
    style.use_unhinted_text(app)
    return app


def install_translations(lang: str) -> None:
    """Switch our catalog and Qt's own (``qtbase_ko.qm``) to ``lang``."""
    global _qt_translator, _gap_translator
    catalog.set_language(lang)
    app = QApplication.instance()
    for old in (_qt_translator, _gap_translator):
        if old is not None and app is not None:
            app.removeTranslator(old)
    _qt_translator = _gap_translator = None
    if lang != "en" and app is not None:
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(lang), "qtbase", "_", folder):
            app.installTranslator(translator)
            _qt_translator = translator
        else:
            log.warning("Qt's own %s catalog was not found in %s", lang, folder)
        from minutes_app.ui.qt_gaps import GapTranslator  # not for English: nothing to fill

        _gap_translator = GapTranslator(app)  # installed last: asked first, for its few words
        app.installTranslator(_gap_translator)
    _follow_locale(lang)


def _follow_locale(lang: str) -> None:
    """Qt's own words that come from the locale rather than a catalog (the file dialog's
    file types) in the interface language; English keeps the system's locale untouched."""
    global _locale_changed
    if lang != "en":  # the system's when it speaks the language (its region), else the language's
        system, wanted = QLocale.system(), QLocale(lang)
        QLocale.setDefault(system if wanted.language() == system.language() else wanted)
        _locale_changed = True
    elif _locale_changed:
        QLocale.setDefault(QLocale.system())
        _locale_changed = False


def _excepthook(kind: type[BaseException], value: BaseException,
                tb: TracebackType | None) -> None:
    """Log anything unexpected and tell the user, instead of dying silently."""
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error:\n%s", text)
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "errors.log").open("a", encoding="utf-8") as fh:
            fh.write(text + "\n")
    except OSError:
        pass
    if isinstance(value, MinutesError):
        message = error_text(value)
    else:
        message = _("An unexpected error occurred. Your text is saved. Details: {error}").format(
            error=f"{kind.__name__}: {value}")
    if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, _("Unexpected error"), message)
    else:
        print(message, file=sys.stderr)


def refusal_box(exc: MinutesError) -> QMessageBox:
    """The dialog saying why the file given at start cannot be opened."""
    from PySide6.QtWidgets import QMessageBox  # built when first needed: its enums cost ms

    return QMessageBox(QMessageBox.Icon.Critical, _("Cannot open the file"), error_text(exc),
                       QMessageBox.StandardButton.Close)


def _refused_at_start(exc: MinutesError) -> int:
    """Say why the file cannot be opened on stderr and, on a display, in a dialog; exit 1."""
    with contextlib.suppress(OSError, ValueError):
        print(_("minutes-app: error: {message}").format(message=error_text(exc)),
              file=sys.stderr)
    if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        refusal_box(exc).exec()
    return 1


def build_window(path: str | None, lang: str | None):  # type: ignore[no-untyped-def]
    """Create the application and a main window showing ``path`` (or the demo)."""
    with collector_paused():  # only new objects until the window stands (see ui/__init__)
        from minutes_app.ui.commands.opening import demo_document, open_document
        from minutes_app.ui.main_window import MainWindow
        from minutes_app.ui.settings import AppSettings

        # The window's modules live as long as the process: frozen like the others (see
        # ui/__init__), once, before any window exists. Never a window's objects: some become
        # garbage, and collecting PySide6 wrappers long after their Qt objects have gone
        # crashed the collector.
        global _modules_frozen
        if not _modules_frozen:
            _modules_frozen = True
            freeze_loaded()
        create_application()
        settings = AppSettings.load()
        if lang:
            settings.ui_language = lang
        install_translations(settings.ui_language)
        doc = open_document(path) if path else demo_document()
        settings.add_recent(str(doc.path))
        window = MainWindow(doc, settings)
    return window


_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def _x_display_missing(display: str) -> bool:
    """A local X display (``:0``) whose socket is not there; remote ones are not checked."""
    if not display.startswith(":"):
        return False
    number = display[1:].split(".")[0]
    return not (number.isdigit() and os.path.exists(f"/tmp/.X11-unix/X{number}"))


def display_missing(env: dict[str, str] | os._Environ[str], platform: str) -> bool:
    """Whether Qt would find no display to open a window on (checked before it aborts)."""
    if not platform.startswith("linux"):
        return False
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if qpa in _HEADLESS:
        return False
    x, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if qpa == "xcb":
        return not x or _x_display_missing(x)
    if qpa.startswith("wayland"):
        return not wayland
    return not wayland and (not x or _x_display_missing(x))


def run(path: str | None = None, lang: str | None = None) -> int:
    """Open the main window and run until it closes (2 when there is no display)."""
    if display_missing(os.environ, sys.platform):
        catalog.set_language(lang or "en")
        print(_("minutes-app: there is no display to open the editor on (DISPLAY or "
                "WAYLAND_DISPLAY names none that can be reached). The other commands need "
                "none: run \"minutes-app --help\" for them, for example \"minutes-app info "
                "FILE\" or \"minutes-app export FILE --kind signing -o OUT.docx\"; "
                "\"minutes-app screenshot FILE -o OUT.png\" renders the window offscreen."),
              file=sys.stderr)
        return 2
    sys.excepthook = _excepthook
    try:
        window = build_window(path, lang)
    except MinutesError as exc:  # launched from a file manager, stderr is seen by nobody
        return _refused_at_start(exc)
    window.settings.save()
    window.show()
    if not window.settings.user_side:  # the first start: who edits, before any edit
        from minutes_app.ui.dialogs.identity import ask_identity

        ask_identity(window)
    elif path is None:  # an empty start: the recent files first
        from minutes_app.ui.dialogs.start_page import show_start

        window.complete()
        show_start(window)
    app = QApplication.instance()
    assert app is not None
    return int(app.exec())


# What the offscreen platform says of window-manager requests it cannot honour: not the
# user's concern when rendering a screenshot.
_OFFSCREEN_NOISE = ("does not support propagateSizeHints", "does not support raise")


def _quiet_offscreen(mode: object, _context: object, message: str) -> None:
    """Qt's messages during a screenshot: the offscreen plugin's noise dropped, the rest logged."""
    if not any(noise in message for noise in _OFFSCREEN_NOISE):
        log.warning("Qt: %s", message)


def screenshot(path: str, out: str, lang: str = "en", size: tuple[int, int] = (1400, 900)
               ) -> int:
    """Render the main window with ``path`` offscreen to the PNG ``out``."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, qInstallMessageHandler

    from minutes_app.outputs import check_output, write_atomically

    check_output(out)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen)
    window = build_window(path, lang)
    window.complete()  # the whole window, not only its first frame
    window.resize(*size)
    window.show()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    window.settle()  # what waits for the first frame (a panel in front) is in the picture too
    app.processEvents()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = window.grab().save(buffer, "PNG")
    window.close()
    if not ok:
        raise MinutesError("Could not write the screenshot to {out}.", out=out)
    write_atomically(out, bytes(data.data()))  # an old PNG stays whole if this fails
    print(_("Wrote the screenshot to {path}").format(path=out))
    return 0
