"""A bare PySide6 window: shown, first events processed, exit (the start-up baseline)."""

import sys
import time

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 900)
window.show()
app.processEvents()
print(time.time(), flush=True)  # usable: the parent measures from its spawn time
