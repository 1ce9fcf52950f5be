"""The tester's case: in the Korean window, a bracket is put on Korean words only (Ctrl+B with an
alternative typed through the input method). The readiness panel and ``check`` then say that
the Russian and English texts have no matching bracket, naming the languages in Korean."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from minutes_app.cli.main import main
from minutes_app.i18n import catalog
from minutes_app.model import Lang, Minutes
from minutes_app.model.brackets import open_brackets
from minutes_app.ui.main_window import MainWindow
from tests.ui.conftest import cell_editor, commit_text
from tests.ui.test_editing import go_to_paragraph

KO, RU, EN = Lang.KO, Lang.RU, Lang.EN
COUNTS = "한국어 1, 러시아어 0, 영어 0"


@pytest.fixture
def demo_minutes() -> Minutes:
    """The trilingual demo (overrides the bilingual one)."""
    from minutes_app.workflows.templates import demo

    return demo(languages=[KO, RU, EN])


def test_a_bracket_on_korean_words_only_is_a_finding_in_the_panel_and_the_cli(
        korean: MainWindow, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from minutes_app.ui.commands import negotiation

    m = korean.doc.minutes
    pid = go_to_paragraph(korean, 15, KO)
    editor = cell_editor(korean)
    text = m.paragraph(pid).text(KO)
    start = text.index("2021년")
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("2021년"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)

    class Answer(negotiation.BracketDialog):
        def exec(self) -> int:  # the alternative typed through the input method
            commit_text(self.alternative, "2021년 하반기")
            return 1

    monkeypatch.setattr(negotiation, "BracketDialog", Answer)
    korean.action_set["bracket"].trigger()
    p = m.paragraph(pid)
    assert [len(open_brackets(p, lang)) for lang in (KO, RU, EN)] == [1, 0, 0]

    panel = korean.readiness
    korean.ready_dock.raise_()
    QApplication.processEvents()
    panel.refresh()
    lines = [panel.list.item(i).text() for i in range(panel.list.count())]
    said = [line for line in lines if "괄호 수가 다릅니다" in line]
    assert len(said) == 1 and COUNTS in said[0] and "제15항" in said[0], lines
    korean.action_set["undo"].trigger()  # undone, the finding goes with the bracket
    panel.refresh()
    assert not [i for i in range(panel.list.count()) if "괄호 수가" in panel.list.item(i).text()]
    korean.action_set["redo"].trigger()

    korean.close()  # the file is saved and let go; the command line reads it
    capsys.readouterr()
    try:
        code = main(["--lang", "ko", "check", str(korean.doc.path)])
    finally:
        catalog.set_language("en")
    out = capsys.readouterr().out
    assert code == 1  # it blocks signing
    line = next(x for x in out.splitlines() if "괄호" in x)
    assert line.startswith("제15항") and COUNTS in line, out
    assert "ko 1" not in out, out
