"""The Qt application: start-up, translations, error handling, the screenshot command."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from minutes_app.errors import MinutesError
from minutes_app.i18n import _, catalog
from minutes_app.i18n.messages import error_text
from minutes_app.resources import data_dir

log = logging.getLogger(__name__)
_qt_translator: QTranslator | None = None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names, fonts and stylesheet (reused if one exists)."""
    from minutes_app.ui import style

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("minutes_app")
    app.setApplicationName("minutes_app")
    app.setApplicationDisplayName("minutes_app")
    style.register_fonts()
    app.setStyleSheet(style.STYLESHEET)
    return app


def install_translations(lang: str) -> None:
    """Switch our catalog and Qt's own (``qtbase_ko.qm``) to ``lang``."""
    global _qt_translator
    catalog.set_language(lang)
    app = QApplication.instance()
    if _qt_translator is not None and app is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if lang != "en" and app is not None:
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(lang), "qtbase", "_", folder):
            app.installTranslator(translator)
            _qt_translator = translator
        else:
            log.warning("Qt's own %s catalog was not found in %s", lang, folder)


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


def build_window(path: str | None, lang: str | None):  # type: ignore[no-untyped-def]
    """Create the application and a main window showing ``path`` (or the demo)."""
    from minutes_app.ui.files import demo_document, open_document
    from minutes_app.ui.main_window import MainWindow
    from minutes_app.ui.settings import AppSettings

    create_application()
    settings = AppSettings.load()
    if lang:
        settings.ui_language = lang
    install_translations(settings.ui_language)
    doc = open_document(path) if path else demo_document()
    settings.add_recent(str(doc.path))
    return MainWindow(doc, settings)


def run(path: str | None = None, lang: str | None = None) -> int:
    """Open the main window and run until it closes."""
    sys.excepthook = _excepthook
    window = build_window(path, lang)
    window.settings.save()
    window.show()
    app = QApplication.instance()
    assert app is not None
    return int(app.exec())


def screenshot(path: str, out: str, lang: str = "en", size: tuple[int, int] = (1400, 900)
               ) -> int:
    """Render the main window with ``path`` offscreen to the PNG ``out``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    window = build_window(path, lang)
    window.complete()  # the whole window, not only its first frame
    window.resize(*size)
    window.show()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    ok = window.grab().save(out, "PNG")
    window.close()
    if not ok:
        raise MinutesError("Could not write the screenshot to {out}.", out=out)
    print(f"Wrote {out}")
    return 0
