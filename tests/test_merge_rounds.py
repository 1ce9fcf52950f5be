"""Merging a copy that holds several rounds ours lacks brings every one of them, in order: the
rounds stay contiguous, our pending edits keep the round they went out in (or follow the last
round when they did not), and what a merge cannot bring (a language we lack) is said."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from minutes_app.cli.main import main
from minutes_app.model import Lang, Minutes, Side
from minutes_app.store import MinutesFile
from minutes_app.tracking.ops import edit_text
from minutes_app.tracking.revisions import all_revisions
from minutes_app.workflows.templates import demo

NOW = "2020-12-17T10:00:00Z"


def _open(path: Path) -> tuple[Minutes, list[tuple[str, str, str]]]:
    f, m = MinutesFile.open(path, read_only=True)
    history = f.history()
    f.close()
    return m, history


def _edit(path: Path, number: int, lang: Lang, old: str, new: str) -> None:
    f, m = MinutesFile.open(path)
    try:
        pid = next(p.id for p in m.paragraphs() if m.number(p.id) == number)
        text = m.paragraph(pid).text(lang)
        assert old in text
        edit_text(m, pid, lang, text.replace(old, new, 1), NOW).apply(m)
        f.write_all(m)
    finally:
        f.close()


def _returned(work: Path, ret: Path, old: str, new: str) -> None:
    """The working copy with words typed over, without Track Changes."""
    with zipfile.ZipFile(work) as zin, zipfile.ZipFile(ret, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                assert old in text
                data = text.replace(old, new, 1).encode()
            zout.writestr(item, data)


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """Ours (the demo: rounds 1 and 2) and a copy of it that sent round 3 and imported the
    Russian Side's returned working copy as round 4."""
    ours, theirs = tmp_path / "ours.minutes", tmp_path / "th.minutes"
    MinutesFile.create(ours, demo()).close()
    shutil.copy(ours, theirs)
    assert main(["--lang", "en", "send", str(theirs), "--side", "KR"]) == 0
    work, ret = tmp_path / "th-work.docx", tmp_path / "th-ret.docx"
    assert main(["--lang", "en", "export", str(theirs), "--kind", "working", "-o", str(work)]) == 0
    _returned(work, ret, "The two Sides noted that", "The two Sides noted with satisfaction that")
    assert main(["--lang", "en", "import", str(theirs), str(ret)]) == 0
    return ours, theirs


def test_a_merge_brings_every_round_ours_lacks_in_order(
        copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    ours, theirs = copies
    kr_before = {(r.paragraph_id, r.lang, r.text) for r in all_revisions(_open(ours)[0])
                 if r.side is Side.KR}
    capsys.readouterr()
    assert main(["--lang", "en", "merge", str(ours), str(theirs)]) == 0
    out = capsys.readouterr().out
    assert "rounds 3 to 4" in out, out
    m, history = _open(ours)
    th = _open(theirs)[0]
    assert [(r.number, r.side) for r in m.rounds] == [(1, Side.KR), (2, Side.RU), (3, Side.KR),
                                                      (4, Side.RU)]
    assert m.rounds[2:] == th.rounds[2:]  # as they were sent
    assert json.loads(history[-1][2])["rounds"] == [3, 4]
    revs = all_revisions(m)
    # our pending edits went out in round 3 (the other copy sent them): they keep it
    assert {(r.paragraph_id, r.lang, r.text) for r in revs if r.side is Side.KR and r.round == 3
            } == kr_before
    assert [(r.side, r.round, r.text) for r in revs if "satisfaction" in r.text] == [
        (Side.RU, 4, "with satisfaction ")]
    assert {r.round for r in revs} <= {2, 3, 4}
    for args in (["--from", "3", "--to", "4"], ["--from", "4"]):
        capsys.readouterr()
        assert main(["--lang", "en", "compare", str(ours), *args, "--json"]) == 0
        found = json.loads(capsys.readouterr().out)["paragraphs"]
        changed = [s for p in found for t in p["tracks"].values() for s in t
                   if s["kind"] != "same"]
        if args[1] == "3":
            assert {(s["side"], s["round"], s["text"]) for s in changed} == {
                ("RU", 4, "with satisfaction ")}
        else:
            assert changed == []  # nothing since round 4
    capsys.readouterr()
    assert main(["--lang", "en", "merge", str(ours), str(theirs)]) == 0
    assert "Nothing new" in capsys.readouterr().out
    assert len(_open(ours)[0].rounds) == 4


def test_our_edits_made_since_the_copies_parted_follow_their_last_round(
        copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    ours, theirs = copies
    _edit(ours, 12, Lang.EN, "2021", "2021 in Seoul")
    assert main(["--lang", "en", "merge", str(ours), str(theirs)]) == 0
    m = _open(ours)[0]
    assert m.working_round == 5
    assert [(r.side, r.round) for r in all_revisions(m) if "in Seoul" in r.text] == [
        (Side.KR, 5)]
    capsys.readouterr()
    assert main(["--lang", "en", "compare", str(ours), "--from", "4", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["paragraphs"]
    assert [(s["side"], s["round"]) for p in found for t in p["tracks"].values() for s in t
            if s["kind"] != "same"] == [("KR", 5)]


@pytest.mark.parametrize("ui", ["en", "ko"])
def test_a_language_ours_lacks_is_named_not_dropped_in_silence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], ui: str) -> None:
    ours, theirs = tmp_path / "ours.minutes", tmp_path / "la.minutes"
    MinutesFile.create(ours, demo()).close()
    shutil.copy(ours, theirs)
    assert main(["--lang", "en", "languages", str(theirs), "add", "ru"]) == 0
    _edit(theirs, 1, Lang.RU, "", "Стороны отметили.")
    assert main(["--lang", "en", "send", str(theirs)]) == 0
    capsys.readouterr()
    assert main(["--lang", ui, "merge", str(ours), str(theirs)]) == 0
    out = capsys.readouterr().out
    if ui == "en":
        assert "Russian" in out and "not merged" in out, out
    else:
        assert "러시아어" in out and "병합하지 않" in out and "not merged" not in out, out
    assert _open(ours)[0].languages == [Lang.KO, Lang.EN]


def test_their_rounds_keep_their_authors_and_a_deletion_pending_in_their_copy_comes_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The other copy's Korean edit sent in round 3 stays the Korean Side's in round 3; the
    paragraph the Russian Side removed from the returned copy (round 4) is deleted here by them,
    pending, and shows so in the comparison."""
    from tests.helpers.returned import edit_docx
    from tests.test_returned_deletions import _remove_row

    ours, theirs = tmp_path / "ours.minutes", tmp_path / "th.minutes"
    MinutesFile.create(ours, demo()).close()
    shutil.copy(ours, theirs)
    _edit(theirs, 12, Lang.EN, "2021", "2021 in Busan")
    assert main(["--lang", "en", "send", str(theirs)]) == 0
    work, ret = tmp_path / "th-work.docx", tmp_path / "th-ret.docx"
    assert main(["--lang", "en", "export", str(theirs), "--kind", "working", "-o", str(work)]) == 0
    th = _open(theirs)[0]
    gone = next(p.id for p in th.paragraphs() if th.number(p.id) == 7)
    edit_docx(work, ret, _remove_row(gone, False))
    assert main(["--lang", "en", "import", str(theirs), str(ret)]) == 0
    assert main(["--lang", "en", "merge", str(ours), str(theirs)]) == 0
    m = _open(ours)[0]
    assert [(r.side, r.round) for r in all_revisions(m) if "Busan" in r.text] == [(Side.KR, 3)]
    mark = m.paragraph(gone).mark
    assert mark is not None and mark.kind == "delete"
    assert (mark.author.side, mark.author.round) == (Side.RU, 4)
    capsys.readouterr()
    assert main(["--lang", "en", "compare", str(ours), "--from", "3", "--to", "4", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["paragraphs"]
    assert [(p["paragraph_id"], p["kind"], p["side"]) for p in found] == [(gone, "deleted", "RU")]
