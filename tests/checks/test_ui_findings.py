"""The window shows findings and readiness reasons as sentences in the interface language."""

from __future__ import annotations

import os
from pathlib import Path

from minutes_app.ui.main_window import MainWindow
from pytestqt.qtbot import QtBot

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication



def test_readiness_and_review_speak_korean(korean: MainWindow, tmp_path: Path) -> None:
    w = korean
    w.ready_dock.raise_()
    QApplication.processEvents()
    panel = w.readiness
    panel.refresh()
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts and any(t.startswith("제14항: 숫자가 다릅니다") for t in texts), texts
    for text in texts:  # document words ("2022") may appear, English sentences may not
        latin = [w for w in text.replace("(", " ").split() if w.isascii() and w.isalpha()]
        assert latin == [], text
    shot = Path(os.environ.get("CHECKS_SHOT", tmp_path / "readiness-ko.png"))
    assert panel.grab().save(str(shot)) and shot.stat().st_size > 0


def test_a_heading_finding_is_reviewed_and_dismissed(qtbot: QtBot, tmp_path: Path) -> None:
    from minutes_app.checks.conformity import findings
    from minutes_app.model import Lang, SetSectionHeading
    from minutes_app.store import MinutesFile
    from minutes_app.workflows.templates import demo
    from minutes_app.ui.app import build_window

    m = demo(agreed=True)
    section = m.sections[1]
    SetSectionHeading(section.id, Lang.EN, "Review of Cooperation in 2021").apply(m)
    SetSectionHeading(section.id, Lang.KO, "2022년 협력 검토").apply(m)
    path = tmp_path / "heading.minutes"
    MinutesFile.create(path, m).close()
    w = build_window(str(path), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.completed)
    try:
        w.action_set["review"].trigger()
        review = w.review
        [item] = [i for i in review.items if i.kind == "finding"]
        assert item.finding is not None and item.finding.place == "heading"
        assert item.paragraph_id == section.paragraphs[0].id
        while review.current() is not item:
            review.buttons["next"].click()
        assert review.item_label.text().startswith("a section heading: Numbers differ")
        review.note.setText("Years checked with the capital")
        review.buttons["dismiss"].click()
        assert not [f for f in findings(w.doc.minutes) if f.place == "heading"]
    finally:
        w.close()
