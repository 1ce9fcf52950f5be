"""minutes_app with the demo: prints when the document is first on screen and when the window
is complete (actions, menus' entries, panel, counts) and painted, then exits.

It starts as ``minutes-app`` does: our package first, PySide6 through it.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import minutes_app.ui.app as ui_app


def main() -> None:
    """Start, wait for the complete window, print the two times."""
    from PySide6.QtWidgets import QApplication

    first_frame: list[float] = []
    window = ui_app.build_window(sys.argv[1] if len(sys.argv) > 1 else None, "en")
    window.editor.first_painted.connect(lambda: first_frame.append(time.time()))
    window.show()
    # complete (actions, menus' entries, panel, counts: built as the window is first shown)
    # and painted (the first frame's timer has fired), then one more turn of the event loop
    while not (window.completed and first_frame):
        QApplication.processEvents()
    QApplication.processEvents()
    print(first_frame[0], time.time(), flush=True)  # the parent measures from its spawn time
    window.doc.close()


main()
