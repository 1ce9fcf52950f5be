"""A working copy names the document it was exported from: importing it into another document
(one made from the same template, whose paragraph ids are the same) is refused with a sentence,
a copy of the file accepts it, and a working copy without the mark is matched by its rows."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from minutes_app.cli.main import main
from minutes_app.store import MinutesFile
from tests.helpers.returned import read_only


@pytest.fixture()
def two_documents(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Two documents made from the demo, each sent as round 3; the first one's working copy."""
    a, b, work = tmp_path / "a.minutes", tmp_path / "b.minutes", tmp_path / "a-work.docx"
    for path in (a, b):
        assert main(["--lang", "en", "demo", str(path)]) == 0
        assert main(["--lang", "en", "send", str(path)]) == 0
    assert main(["--lang", "en", "export", str(a), "--kind", "working", "-o", str(work)]) == 0
    return a, b, work


def test_every_new_document_has_its_own_id_and_a_copy_keeps_it(
        two_documents: tuple[Path, Path, Path], tmp_path: Path) -> None:
    a, b, _work = two_documents
    copy = tmp_path / "copy.minutes"
    shutil.copyfile(a, copy)
    ids = [read_only(p).document_id for p in (a, b, copy)]
    assert ids[0] and ids[1] and ids[0] != ids[1] and ids[2] == ids[0]
    with zipfile.ZipFile(_work := two_documents[2]) as z:
        assert f"_md_{ids[0]}".encode() in z.read("word/document.xml")


@pytest.mark.parametrize("ui", ["en", "ko"])
def test_another_documents_working_copy_is_refused(
        two_documents: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str],
        ui: str) -> None:
    _a, b, work = two_documents
    before = b.read_bytes()
    capsys.readouterr()
    assert main(["--lang", ui, "import", str(b), str(work), "--accept-unplaced",
                 "--accept-uncertain"]) == 1
    err = capsys.readouterr().err
    said = ("a-work.docx is a working copy of another document, not of this one" if ui == "en"
            else "a-work.docx은(는) 이 문서가 아닌 다른 문서의 작업본입니다")
    assert said in err and "Traceback" not in err, err
    assert b.read_bytes() == before


def test_the_same_document_or_a_copy_of_its_file_takes_it(
        two_documents: tuple[Path, Path, Path], tmp_path: Path) -> None:
    a, _b, work = two_documents
    copy = tmp_path / "copy.minutes"
    shutil.copyfile(a, copy)
    for path in (a, copy):
        assert main(["--lang", "en", "import", str(path), str(work)]) == 0
        assert len(read_only(path).rounds) == 4


def test_an_older_document_without_an_id_still_imports(tmp_path: Path) -> None:
    from minutes_app.workflows.templates import demo

    path, work = tmp_path / "old.minutes", tmp_path / "work.docx"
    m = demo()
    f = MinutesFile.create(path, m)
    f.close()
    # a file written before documents had ids: the row is gone
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'document_id'")
    assert read_only(path).document_id == ""
    assert main(["--lang", "en", "send", str(path)]) == 0
    assert main(["--lang", "en", "export", str(path), "--kind", "working", "-o", str(work)]) == 0
    with zipfile.ZipFile(work) as z:
        assert b"_md_" not in z.read("word/document.xml")
    assert main(["--lang", "en", "import", str(path), str(work)]) == 0
