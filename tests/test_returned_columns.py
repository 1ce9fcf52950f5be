"""Edits the other Side typed into the number or status column of the returned working copy
(without Track Changes) are listed as not applied, like anything else the import cannot place:
those columns are ours (numbers are derived, a status is decided in the app)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from minutes_app.cli.main import main
from minutes_app.model import Minutes, Status
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from tests.helpers.returned import W, edit_docx, read_only, row_of



def _set_cell(cell: etree._Element, text: str) -> None:
    """Word's result of selecting the cell's words and typing over them."""
    runs = [t for t in cell.iter(f"{W}t")]
    assert runs
    runs[0].text = text
    for t in runs[1:]:
        t.text = ""


def _returned(tmp_path: Path, edits: dict[int, tuple[int, str]]) -> tuple[Path, Path]:
    """The demo sent as round 3, its working copy returned with ``edits``: paragraph id →
    (column, text) typed into that row without Track Changes."""
    path = tmp_path / "st.minutes"
    MinutesFile.create(path, demo()).close()
    assert main(["--lang", "en", "send", str(path)]) == 0
    work, ret = tmp_path / "st-work.docx", tmp_path / "st-ret.docx"
    assert main(["--lang", "en", "export", str(path), "--kind", "working", "-o", str(work)]) == 0

    def change(root: etree._Element) -> None:
        for pid, (column, text) in edits.items():
            _set_cell(row_of(root, pid).findall(f"{W}tc")[column], text)

    edit_docx(work, ret, change)
    return path, ret


def _proposed_and_other(m: Minutes) -> tuple[int, int]:
    proposed = next(p.id for p in m.paragraphs() if p.status is Status.PROPOSED
                    and m.number(p.id) is not None and not p.brackets and p.mark is None)
    other = next(p.id for p in m.paragraphs() if p.id != proposed and m.number(p.id))
    return proposed, other


@pytest.mark.parametrize("ui", ["en", "ko"])
def test_status_and_number_typed_by_them_are_listed_and_not_applied(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], ui: str) -> None:
    proposed, other = _proposed_and_other(demo())
    path, ret = _returned(tmp_path, {proposed: (-1, "Agreed"), other: (0, "99")})
    before = read_only(path)
    number = before.number(other)
    capsys.readouterr()
    assert main(["--lang", ui, "import", str(path), str(ret)]) == 1  # stopped, nothing taken
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "“Proposed → Agreed”" in err and f"“{number} → 99”" in err, err
    if ui == "en":
        assert "Status column" in err and "Number column" in err
        assert "not applied" in err
    else:
        assert "상태 열" in err and "번호 열" in err and "Status column" not in err
    assert len(read_only(path).rounds) == len(before.rounds)
    assert main(["--lang", ui, "import", str(path), str(ret), "--accept-unplaced"]) == 0
    out = capsys.readouterr().out
    assert "“Proposed → Agreed”" in out and f"“{number} → 99”" in out, out
    after = read_only(path)
    assert after.paragraph(proposed).status is Status.PROPOSED  # the status is decided here
    assert after.number(other) == number
    f = MinutesFile.open(path, read_only=True)[0]
    history = f.history()
    f.close()
    assert "Proposed → Agreed" in history[-1][2]  # kept on record


def test_a_working_copy_returned_as_we_wrote_it_lists_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, ret = _returned(tmp_path, {})
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(path), str(ret)]) == 0
    assert "not placed" not in capsys.readouterr().out
