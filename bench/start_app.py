"""minutes_app with the demo, started as a user starts it: the installed ``minutes-app`` command
(its own script, run here as it is) with the demo file and ``--lang en``. Prints when the
document is first on screen and when the window is complete (actions, menus' entries, panel,
counts) and painted, then leaves the event loop, so the command returns.

Nothing is imported before the command runs: the times are only watched, from the moment the
command's own path loads the module that builds the window.

``--prepare`` (an unmeasured first run): writes the demo file and the settings of a user who
has started before (their Side chosen: no first-start dialog); prints the demo file's path.
"""

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WATCHED = "minutes_app.ui.app"  # where ``minutes-app`` builds the window (``build_window``)


def prepare() -> None:
    """The demo file and a returning user's settings; print the file's path."""
    sys.path.insert(0, str(ROOT))
    from minutes_app.ui.app import create_application
    from minutes_app.ui.commands.opening import demo_document
    from minutes_app.ui.settings import AppSettings

    create_application()
    settings = AppSettings.load()
    settings.user_side = settings.user_side or "KR"
    settings.save()
    doc = demo_document()
    print(doc.path, flush=True)
    doc.close()


class WhenLoaded:
    """An import finder that only watches: once the window's module has run, ``watch`` it."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        """Find ``WATCHED`` with the other finders and wrap its loading; nothing else."""
        if name != WATCHED:
            return None
        sys.meta_path.remove(self)
        spec = next((s for s in (getattr(f, "find_spec", lambda *a: None)(name, path, target)
                                 for f in sys.meta_path) if s is not None), None)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_watch(module: Any) -> None:
            exec_module(module)
            watch(module)

        spec.loader.exec_module = exec_and_watch
        return spec


def watch(ui_app: Any) -> None:
    """Time the window ``ui_app.build_window`` builds; end the event loop once it is complete."""
    build_window = ui_app.build_window

    def timed(path: str | None, lang: str | None) -> Any:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        window = build_window(path, lang)
        first_frame: list[float] = []

        def finish() -> None:
            print(first_frame[0], time.time(), flush=True)  # measured from the spawn time
            window.doc.close()
            QApplication.exit(0)

        def check() -> None:
            # complete (built as the window is first shown) and painted, then one more turn
            # of the event loop
            QTimer.singleShot(0, finish if window.completed else check)

        def painted() -> None:
            first_frame.append(time.time())
            check()

        window.editor.first_painted.connect(painted)
        return window

    ui_app.build_window = timed


def main() -> None:
    """Run ``minutes-app DEMO --lang en`` as installed, its times watched."""
    if sys.argv[1:2] == ["--prepare"]:
        prepare()
        return
    demo = sys.argv[1]
    sys.meta_path.insert(0, WhenLoaded())
    script = Path(sys.executable).with_name("minutes-app")
    sys.argv = [str(script), demo, "--lang", "en"]
    if script.exists():  # the console script pip wrote: exactly what the user runs
        code = compile(script.read_text(), str(script), "exec")
        exec(code, {"__name__": "__main__", "__file__": str(script)})
    else:  # a checkout without the install: the script's one call
        sys.path.insert(0, str(ROOT))
        from minutes_app.cli.main import main as command

        sys.exit(command())


if __name__ == "__main__":
    main()
