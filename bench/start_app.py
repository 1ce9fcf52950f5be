"""minutes_app with the demo: window shown, first events processed, exit."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from minutes_app.ui.app import build_window

window = build_window(sys.argv[1] if len(sys.argv) > 1 else None, "en")
window.show()
QApplication.processEvents()
print(time.time(), flush=True)  # usable: the parent measures from its spawn time
window.doc.close()
