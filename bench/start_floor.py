"""The floor of any editor of this kind: a window with a QTreeView over a Python item model
showing the demo's first Korean and English sentences (wrapped), and no application code.

It is measured beside the bare window to show what PySide6 itself costs for a bilingual item
view: its Qt-namespace enums (built on first use of ``Qt``), the view's classes, text shaping.
"""

import sys
import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

KO = "양측은 대한민국과 러시아연방 간 수교 30주년인 2020년에 코로나19로 인한 대면 교류의 제약에도"
EN = "The two Sides noted that, despite the restrictions on face-to-face exchanges due to COVID-19"
Index = QModelIndex | QPersistentModelIndex


class Rows(QAbstractTableModel):
    """Forty rows: a number, the Korean text, the English text."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 40

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("No.", "Korean", "English")[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (str(index.row() + 1), KO, EN)[index.column()]


app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QTreeView()
view.setWordWrap(True)
view.setModel(Rows())
window.setCentralWidget(view)
window.resize(1400, 900)
window.show()
app.processEvents()
print(time.time(), flush=True)  # usable: the parent measures from its spawn time
