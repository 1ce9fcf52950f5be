"""A language removed after the working copy went out: what the other Side changed in its
column is listed as not placed, never dropped in silence; the other columns import as ever."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.model import Lang
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from tests.helpers.returned import W, edit_docx, read_only, row_of



def _append(cell: etree._Element, text: str) -> None:
    """Words typed at the end of the cell, without Track Changes."""
    last = list(cell.iter(f"{W}t"))[-1]
    last.text = (last.text or "") + text


def _returned(tmp_path: Path, pid: int) -> tuple[Path, Path]:
    """The trilingual demo sent as round 3; its copy returned with words added at the end of
    paragraph ``pid`` in the Russian and the English column; Russian removed meanwhile."""
    path = tmp_path / "tri.minutes"
    MinutesFile.create(path, demo(languages=[Lang.KO, Lang.RU, Lang.EN])).close()
    assert main(["--lang", "en", "send", str(path)]) == 0
    work, ret = tmp_path / "work.docx", tmp_path / "ret.docx"
    assert main(["--lang", "en", "export", str(path), "--kind", "working", "-o", str(work)]) == 0

    def change(root: etree._Element) -> None:
        cells = row_of(root, pid).findall(f"{W}tc")
        texts = ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in cells]
        by_text = list(zip(cells, texts, strict=True))
        _append(next(c for c, t in by_text if "Стороны" in t), " Дополнение.")
        _append(next(c for c, t in by_text if "The two Sides" in t), " Addition.")

    edit_docx(work, ret, change)
    assert main(["--lang", "en", "languages", str(path), "remove", "ru", "--force"]) == 0
    return path, ret


@pytest.mark.parametrize("ui", ["en", "ko"])
def test_a_removed_languages_column_is_listed_not_dropped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], ui: str) -> None:
    m = demo(languages=[Lang.KO, Lang.RU, Lang.EN])
    pid = next(p.id for p in m.paragraphs() if m.number(p.id) == 1)
    path, ret = _returned(tmp_path, pid)
    rounds = len(read_only(path).rounds)
    capsys.readouterr()
    assert main(["--lang", ui, "import", str(path), str(ret)]) == 1  # stopped: listed
    err = capsys.readouterr().err
    assert "Дополнение." in err and "Traceback" not in err
    said = ("Column of a language the document no longer has" if ui == "en"
            else "문서에 더 이상 없는 언어의 열")
    assert said in err, err
    assert len(read_only(path).rounds) == rounds
    assert main(["--lang", ui, "import", str(path), str(ret), "--accept-unplaced"]) == 0
    assert "Дополнение." in capsys.readouterr().out  # said again, and kept on record
    after = read_only(path)
    assert after.paragraph(pid).text(Lang.EN).endswith(" Addition.")
    assert Lang.RU not in after.languages
    f = MinutesFile.open(path, read_only=True)[0]
    history = f.history()
    f.close()
    assert "Дополнение." in history[-1][2]


def test_an_untouched_removed_column_lists_nothing(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tri.minutes"
    MinutesFile.create(path, demo(languages=[Lang.KO, Lang.RU, Lang.EN])).close()
    assert main(["--lang", "en", "send", str(path)]) == 0
    work = tmp_path / "work.docx"
    assert main(["--lang", "en", "export", str(path), "--kind", "working", "-o", str(work)]) == 0
    assert main(["--lang", "en", "languages", str(path), "remove", "ru", "--force"]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), str(work)]) in (0, 1)
    assert "no longer has" not in capsys.readouterr().err
