"""PySide6 6.12.0 on Python 3.11 aborts after a few thousand void Qt calls; we pin below it."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QObject


def test_pyside_is_pinned_below_the_broken_release() -> None:
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) == (6, 11), PySide6.__version__


def test_many_void_calls_do_not_abort_the_process() -> None:
    obj = QObject()
    for i in range(20_000):  # 6.12.0 aborted with none_dealloc after about 2,000
        obj.setObjectName(f"n{i % 7}")
    assert obj.objectName() == f"n{19_999 % 7}"
