"""The Korean interface says the core's messages in Korean: the Ready to sign? panel, review mode,
the export refusal and the import report, on a document holding every kind of reason."""

from __future__ import annotations

from tests.helpers import some

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtWidgets import QApplication

from minutes_app.checks.readiness import reasons
from minutes_app.i18n import catalog
from minutes_app.model import Lang, Minutes, SetAnnexes, SetText, Side
from minutes_app.model import delegation as dl
from minutes_app.model.serialize import minutes_out
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from minutes_app.ui.main_window import MainWindow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PRODUCTS = {"DOCX", "Word", "PDF", "LibreOffice"}  # names, said as such in Korean too
EVERY_KIND = {"pending", "status", "ad_ref", "bracket", "finding", "missing", "annex_missing",
              "annex_uncited", "annex_empty", "annex_numbers"}


def every_reason() -> Minutes:
    """The demo with every kind of reason: annexes cited and gone, uncited, empty, disagreeing."""
    m = demo()
    SetAnnexes(dl.add_free(m, {Lang.EN: "Programme", Lang.KO: "일정"})).apply(m)
    SetAnnexes(dl.set_free(m, 3, Lang.EN, paragraphs=["Opening at 10:00 on 18 December 2020"]))\
        .apply(m)
    SetAnnexes(dl.set_free(m, 3, Lang.KO, paragraphs=["2020년 12월 19일 10:00 개회"])).apply(m)
    SetAnnexes(dl.add_free(m, {Lang.EN: "Visits", Lang.KO: "방문"})).apply(m)  # no paragraphs
    last, before = m.paragraphs()[-1], m.paragraphs()[-2]
    SetText(last.id, Lang.KO, "").apply(m)  # the Korean text is missing
    for lang, cite in ((Lang.EN, " See Annex VII."), (Lang.KO, " 부속서 7 참조.")):
        SetText(before.id, lang, before.text(lang) + cite).apply(m)  # an annex it lacks
    return m


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def own_words(m: Minutes) -> set[str]:
    """Every Latin word the document itself holds (its text, revisions, names, annexes)."""
    words: set[str] = set()
    for s in _strings(minutes_out(m)):
        if " " in s.strip() or not s.isascii():  # texts, not the file's one-word codes
            words |= set(re.findall(r"[A-Za-z]{3,}", s))
    return words


def english_in(text: str, own: set[str]) -> list[str]:
    """Latin words of three letters or more in ``text`` that the document does not hold
    (Roman numerals are numbers: annexes are numbered so in every language)."""
    return [w for w in re.findall(r"[A-Za-z]{3,}", text)
            if w not in own and not re.fullmatch(r"[IVXLC]+", w)]


@pytest.fixture
def demo_minutes() -> Minutes:
    return every_reason()


def test_the_document_holds_every_kind_of_reason() -> None:
    assert {r.code for r in reasons(every_reason())} == EVERY_KIND


def test_ready_to_sign_panel_speaks_korean(korean: MainWindow) -> None:
    m = korean.doc.minutes
    own = own_words(m)
    panel = korean.readiness
    korean.ready_dock.raise_()
    QApplication.processEvents()
    panel.refresh()
    lines = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(lines) == len(reasons(m)) > 15
    assert {r.code for r in reasons(m)} == EVERY_KIND
    for line in [*lines, panel.summary.text()]:
        assert not english_in(line, own), line
    assert any("처리되지 않은 수정 사항" in line for line in lines)
    assert any("부속서 VII" in line and "문서에 없습니다" in line for line in lines)
    assert any("한국어 본문이 없습니다" in line for line in lines)  # the panel names languages


def test_review_mode_speaks_korean(korean: MainWindow) -> None:
    own = own_words(korean.doc.minutes)
    korean.action_set["review"].trigger()
    review = korean.review
    kinds = set()
    for _ in range(len(review.items)):
        item = review.current()
        assert item is not None
        kinds.add(item.kind)
        for label in (review.heading, review.item_label, review.progress_line):
            plain = re.sub(r"<[^>]+>", " ", label.text())  # the labels are rich text
            assert not english_in(plain, own), (item.kind, plain)
        review.step(1)
    assert {"revision", "bracket", "ad_ref"} <= kinds


def test_export_refusal_speaks_korean(korean: MainWindow, tmp_path: Path) -> None:
    from minutes_app.ui.dialogs.export import ExportDialog

    own = own_words(korean.doc.minutes)
    shown: list[str] = []
    korean.show_message_box = lambda box: shown.append(box.text())
    dialog = ExportDialog(Side.KR, False, korean)
    dialog.kind.setCurrentIndex(dialog.kind.findData("signing"))
    dialog.exec = lambda: 1
    assert korean.exports.run(dialog=dialog, path=str(tmp_path / "s.docx")) is None
    assert shown and shown[0].startswith("아직 서명본을 만들 수 없습니다")
    assert shown[0].count("\n- ") == len(reasons(korean.doc.minutes))
    assert not english_in(shown[0], own), shown[0]


def _without_one_id(exported: Path, returned: Path) -> None:
    """The working copy with the paragraph-id bookmarks of one row removed, as Word may do."""
    with zipfile.ZipFile(exported) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    rows = [tr for tr in root.iter(f"{W}tr")
            if any(b.get(f"{W}name", "").startswith("_mp_") for b in tr.iter(f"{W}bookmarkStart"))]
    for b in list(rows[3].iter(f"{W}bookmarkStart")):
        some(b.getparent()).remove(b)
    parts["word/document.xml"] = etree.tostring(root)
    with zipfile.ZipFile(returned, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_import_report_and_import_errors_speak_korean(korean: MainWindow, tmp_path: Path) -> None:
    from minutes_app.docx_io.working import write_working

    own = own_words(korean.doc.minutes)
    asked: list[str] = []
    errors: list[str] = []

    def confirm(title: str, question: str) -> bool:
        asked.append(f"{title}\n{question}")
        return False

    korean.confirm = confirm
    korean.show_error = lambda message, title="": errors.append(f"{title}\n{message}")
    exported = tmp_path / "w.docx"
    write_working(korean.doc.minutes, exported)
    returned = tmp_path / "returned.docx"
    _without_one_id(exported, returned)
    korean.negotiation.import_file(str(returned))
    assert asked and "문단 식별자가 없는 행이" in asked[0], asked
    assert not english_in(asked[0], own), asked[0]
    not_a_copy = tmp_path / "other.docx"
    not_a_copy.write_bytes(b"not a zip")
    korean.negotiation.import_file(str(not_a_copy))
    assert errors and "Word 문서" in errors[-1], errors
    assert not english_in(errors[-1], own | PRODUCTS | {"other", "docx"}), errors[-1]


def test_the_command_line_speaks_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from minutes_app.cli.main import main

    path = tmp_path / "every.minutes"
    m = every_reason()
    MinutesFile.create(path, m).close()
    try:
        assert main(["--lang", "ko", "export", str(path), "-o", str(tmp_path / "s.docx"),
                     "--kind", "signing"]) == 1
    finally:
        catalog.set_language("en")
    err = capsys.readouterr().err
    assert err.startswith("minutes-app: 오류: 아직 서명본을 만들 수 없습니다")
    assert err.count("\n- ") == len(reasons(m))
    assert not english_in(err.replace("minutes-app", ""), own_words(m)), err
    assert main(["export", str(path), "-o", str(tmp_path / "s.docx"), "--kind", "signing"]) == 1
    assert "The signing copy cannot be made yet" in capsys.readouterr().err


def test_the_command_line_reports_an_import_in_korean(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from minutes_app.cli.main import main
    from minutes_app.docx_io.working import write_working

    path = tmp_path / "every.minutes"
    m = every_reason()
    MinutesFile.create(path, m).close()
    exported, returned = tmp_path / "w.docx", tmp_path / "returned.docx"
    write_working(m, exported)
    _without_one_id(exported, returned)
    try:
        assert main(["--lang", "ko", "import", str(path), str(returned)]) == 1
        err = capsys.readouterr().err  # asked first: nothing imported without the flag
        assert main(["--lang", "ko", "import", str(path), str(returned),
                     "--accept-uncertain"]) == 0
    finally:
        catalog.set_language("en")
    assert "문단 식별자를 잃어" in err and "--accept-uncertain" in err, err
    assert not english_in(err.replace("minutes-app", ""),
                          own_words(m) | {"docx", "accept", "uncertain"}), err
    out = capsys.readouterr().out
    assert "차 문안을 가져왔습니다: 수정된 문단" in out, out
    assert "문단 식별자가 없는 행을" in out and "가져오지 않음" not in out, out
    assert not english_in(out, own_words(m) | {"returned", "docx", "accept", "uncertain"}), out
