"""Random walks through the window: commands, typing, undo/redo, decisions and drops in any
order must never crash, warn (pytest-qt fails on Qt warnings) or lose what the file holds."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from minutes_app.model import Side
from minutes_app.model.serialize import minutes_out
from minutes_app.store import MinutesFile
from tests.ui.conftest import commit_text

COMMANDS = ("new_paragraph", "delete_paragraph", "move_up", "move_down", "new_section",
            "delete_section", "move_section_up", "move_section_down", "show_original",
            "show_changes", "show_proposed", "zoom_in", "zoom_out", "undo", "redo")
WEIGHTS = {"type": 8, "go": 6, "undo": 5, "redo": 3, "backspace": 3, "drop": 3}


def _open_editor(w):  # type: ignore[no-untyped-def]
    from minutes_app.ui.cell_editor import ParagraphEditor

    return next((e for e in w.editor.findChildren(ParagraphEditor) if e.isVisible()), None)


def _steps(w, rng: random.Random) -> dict[str, Callable[[], None]]:  # type: ignore[no-untyped-def]
    def type_() -> None:
        if (e := _open_editor(w)) is not None:
            commit_text(e, rng.choice(["양측은 ", "the Sides ", "2021년 ", "x"]))

    def backspace() -> None:
        if (e := _open_editor(w)) is not None:
            QTest.keyClick(e, Qt.Key.Key_Backspace)

    def go() -> None:
        w.editor.go_to(rng.randrange(w.editor_model.rowCount()), rng.choice([1, 2]))

    def drop() -> None:
        m, om = w.doc.minutes, w.outline_model
        if rng.random() < 0.7 and m.paragraphs():
            data = om.mimeData([om.index_of_paragraph(rng.choice(m.paragraphs()).id)])
            s = rng.choice(m.sections)
            om.dropMimeData(data, Qt.DropAction.MoveAction,
                            rng.randrange(-1, len(s.paragraphs) + 1), 0,
                            om.index_of_section(s.id))
        else:
            data = om.mimeData([om.index_of_section(rng.choice(m.sections).id)])
            om.dropMimeData(data, Qt.DropAction.MoveAction,
                            rng.randrange(-1, len(m.sections) + 1), 0, QModelIndex())

    steps: dict[str, Callable[[], None]] = {
        "type": type_, "backspace": backspace, "go": go, "drop": drop,
        "accept_all": lambda: w.negotiation.decide_side(None, True),
        "reject_kr": lambda: w.negotiation.decide_side(Side.KR, False),
        "language": lambda: w.set_ui_language(rng.choice(["en", "ko"])),
        "changes": lambda: w.changes.refresh(),
    }
    for name in COMMANDS:
        steps[name] = lambda n=name: w.action_set[n].trigger()
    return steps


# seeds whose walks crashed the process before the outline followed the editor after the fact
@pytest.mark.parametrize("seed", [1, 4, 13])
def test_random_walk(window, demo_file: Path, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    window.confirm = lambda title, question: rng.random() < 0.5
    steps = _steps(window, rng)
    names = list(steps)
    done: list[str] = []
    for _ in range(300):
        name = rng.choices(names, [WEIGHTS.get(n, 1) for n in names])[0]
        done.append(name)
        steps[name]()
        QApplication.processEvents()
    held = minutes_out(window.doc.minutes)
    window.close()
    f, reopened = MinutesFile.open(demo_file)
    f.close()
    assert minutes_out(reopened) == held, done[-12:]
