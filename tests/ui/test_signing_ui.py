"""The signing parts of the window: export dialog preview and file names, the offer to open the
original, the annex dialog as one undo step, the meeting dialog's signing fields."""

from __future__ import annotations

from tests.helpers import some

from PySide6.QtWidgets import QMessageBox

from pathlib import Path

import pytest

from minutes_app.model import SetAnnexes, Lang, Minutes, Side
from minutes_app.workflows.templates import demo
from minutes_app.ui.main_window import MainWindow


@pytest.fixture
def demo_minutes() -> Minutes:
    return demo(agreed=True)


def test_export_dialog_shows_the_russian_original_opening(window: MainWindow) -> None:
    from minutes_app.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(Side.KR, False, window, window.doc.minutes)
    dialog.kind.setCurrentIndex(dialog.kind.findData("signing"))
    assert dialog.preview.text().startswith("한·러 극동·시베리아 분과위원회 제14차 회의 합의의사록")
    dialog.copy_for.setCurrentIndex(dialog.copy_for.findData("RU"))
    text = dialog.preview.text()
    assert text.startswith("Agreed Minutes of the 14th Meeting of the Russia-Korea Far East")
    assert "The 14th meeting of the Russia-Korea Far East and Siberia Sub-committee" in text
    assert "under the Russia-Korea Joint Commission" in text


def test_signing_export_names_the_side_and_offers_to_open_it(window: MainWindow,
        tmp_path: Path) -> None:
    from minutes_app.docx_io.export import default_name
    from minutes_app.ui.dialogs.export import ExportDialog

    assert default_name("far-east", "signing", Side.KR, "docx") == "far-east-signing-KR.docx"
    assert default_name("far-east", "signing", Side.RU, "pdf") == "far-east-signing-RU.pdf"
    assert default_name("far-east", "working", Side.RU, "docx") == "far-east-working.docx"
    boxes = []

    def shown(box: QMessageBox) -> None:
        boxes.append((box.objectName(), [b.text() for b in box.buttons()]))

    window.show_message_box = shown
    dialog = ExportDialog(Side.KR, False, window, window.doc.minutes)
    dialog.kind.setCurrentIndex(dialog.kind.findData("signing"))
    dialog.copy_for.setCurrentIndex(dialog.copy_for.findData("RU"))
    dialog.exec = lambda: 1
    out = window.exports.run(dialog=dialog, path=str(tmp_path / "x-signing-RU.docx"))
    assert out is not None and out.exists()
    name, buttons = boxes[-1]
    assert name == "exportDone" and "Open the file" in buttons and "Open the folder" in buttons
    assert window.doc.file.history()[-1][1] == "export-signing"


def test_annex_dialog_edits_are_one_undo_step(window: MainWindow) -> None:
    from minutes_app.ui.dialogs.annexes import AnnexDialog

    m = window.doc.minutes
    dialog = AnnexDialog(m.annexes, [Lang.KO, Lang.EN], window)
    assert dialog.list.count() == 2 and dialog.table.rowCount() == 4  # Korean members
    dialog.add_free()
    dialog.heading[Lang.EN].setText("Programme of the meeting")
    dialog.heading[Lang.KO].setText("회의 일정")
    dialog.paragraphs[Lang.EN].setPlainText("Opening remarks\n\nAdoption of the agenda"
                                            " (18\u00a0December)")
    dialog.paragraphs[Lang.KO].setPlainText("개회사\n\n의제 채택")
    dialog.list.setCurrentRow(1)
    dialog.add_member()
    dialog.table.item(3, 0) or None
    dialog.exec = lambda: 1
    window.edit_annexes(dialog)
    assert len(m.annexes) == 3
    free = m.annexes[2]
    assert free.heading[Lang.EN] == "Programme of the meeting"
    assert [p[Lang.KO] for p in free.paragraphs] == ["개회사", "의제 채택"]
    assert free.paragraphs[1][Lang.EN] == "Adoption of the agenda (18\u00a0December)"  # kept
    assert len(free.key) == 16  # its identity, which every copy keeps (merges match by it)
    assert len(m.annexes[1].members) == 4
    window.action_set["undo"].trigger()
    assert len(m.annexes) == 2 and len(m.annexes[1].members) == 3


def test_meeting_dialog_holds_the_signing_choices(window: MainWindow) -> None:
    from minutes_app.ui.dialogs.meeting import MeetingDialog

    m = window.doc.minutes
    dialog = MeetingDialog(m.meeting, [Lang.KO, Lang.EN], window, settings=m.settings,
                           pairs=m.pairs)
    assert dialog.pairs() == tuple(m.pairs)  # nothing lost, Russian forms included
    dialog.prevailing.setCurrentIndex(dialog.prevailing.findData("en"))
    dialog.signature_heading.setCurrentIndex(dialog.signature_heading.findData("side"))
    settings = dialog.settings()
    assert (settings.prevailing, settings.signature_heading) == ("en", "side")
    assert dialog.meeting().text_order is Side.KR


def test_verify_from_the_window_per_language(window: MainWindow, tmp_path: Path) -> None:
    import zipfile

    from minutes_app.docx_io.signing import write_signing

    shown = []
    window.show_message_box = lambda box: shown.append((box.objectName(), box.text()))
    original = tmp_path / "kr.docx"
    write_signing(window.doc.minutes, original, Side.KR)
    assert window.exports.run_verify(str(original)) is True
    assert shown[-1][0] == "verifyResult" and "Korean: the agreed text" in shown[-1][1]
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(changed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.decode().replace("50 percent", "60 percent").encode()
            dst.writestr(item, data)
    assert window.exports.run_verify(str(changed)) is False
    assert "English: NOT the agreed text" in shown[-1][1] and "paragraph 2" in shown[-1][1]
    assert window.exports.run_verify(str(tmp_path / "none.txt")) is None
    assert "verify reads" in shown[-1][1]


def test_an_uncited_annex_in_the_readiness_panel_opens_the_annexes(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    from minutes_app.model import Annex, SetAnnexes

    m = window.doc.minutes
    window.doc.apply(SetAnnexes((*m.annexes, Annex(heading={Lang.EN: "Programme"}))), "annex")
    opened = []
    window.edit_annexes = lambda dialog=None: opened.append(True)
    panel = window.readiness
    window.ready_dock.raise_()
    QApplication.processEvents()
    panel.refresh()
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "Annex III is not cited by the text." in texts
    panel.list.itemClicked.emit(panel.list.item(texts.index("Annex III is not cited by the text.")))
    assert opened == [True]


def test_annex_dialog_imports_a_csv_saved_by_korean_excel(window: MainWindow,
        tmp_path: Path) -> None:
    from minutes_app.ui.dialogs.annexes import AnnexDialog

    csv = tmp_path / "list.csv"
    csv.write_bytes("name_ko,title_ko,organisation_ko,name_en,title_en,organisation_en\r\n"
                    "박지원,국장,외교부,Park Jiwon,Director-General,MOFA\r\n".encode("cp949"))
    m = window.doc.minutes
    dialog = AnnexDialog(m.annexes, [Lang.KO, Lang.EN], window)
    dialog.import_csv(str(csv))
    assert dialog.table.rowCount() == 1 and some(dialog.table.item(0, 0)).text() == "박지원"
    op = dialog.operation()
    assert isinstance(op, SetAnnexes)
    members = op.annexes[0].members
    assert members[0].organisation == {Lang.KO: "외교부", Lang.EN: "MOFA"}
