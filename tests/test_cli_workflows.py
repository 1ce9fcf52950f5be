"""The CLI runs the workflows: import with --author and --accept-unplaced, decisions, send."""

from __future__ import annotations

from pathlib import Path

import re

import pytest

from minutes_app.cli.main import COMMANDS, main
from minutes_app.i18n import catalog
from minutes_app.model import Side
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from minutes_app.tracking.revisions import all_revisions
from tests.workflows.conftest import returned_copy


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "d.minutes"
    MinutesFile.create(path, demo()).close()
    return path


def _read(path: Path) -> tuple[list[tuple[str, str, str]], object]:
    f, m = MinutesFile.open(path, read_only=True)
    f.close()
    return f.history(), m


def test_send_then_import_with_author_mapping(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path)
    assert main(["--lang", "en", "send", str(path), "--note", "third"]) == 0
    assert "Round 3 sent by the Korean Side." in capsys.readouterr().out
    f, m = MinutesFile.open(path)
    f.close()
    returned = returned_copy(m, tmp_path, "Ivan Petrov")
    args = ["--lang", "en", "import", str(path), str(returned), "--author", "Ivan Petrov=kr"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Imported round 4" in out and "returned.docx" in out
    f, m = MinutesFile.open(path)
    kinds = [h[1] for h in f.history()]
    f.close()
    assert m.author_sides == {"Ivan Petrov": Side.KR} and kinds[-1] == "import"
    assert [r.side for r in all_revisions(m) if "Moscow" in r.text] == [Side.KR]
    assert main(args) == 1  # the same file twice is refused, in a sentence
    assert "already been imported" in capsys.readouterr().err


def test_a_bad_author_pair_is_a_sentence(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path)
    returned = returned_copy(demo(), tmp_path, "Ivan Petrov")
    assert main(["--lang", "en", "import", str(path), str(returned), "--author", "Ivan"]) == 1
    assert "Write --author as NAME=KR or NAME=RU" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--all"], ["--side", "RU"], ["--paragraph", "FIRST"],
                                    ["ID"]])
def test_accept_and_reject_options(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   option: list[str]) -> None:
    path = _file(tmp_path)
    revs = all_revisions(demo())
    first = revs[0]
    option = [str(first.number) if o == "FIRST" else first.id if o == "ID" else o
              for o in option]
    assert main(["--lang", "en", "reject", str(path), *option]) == 0
    out = capsys.readouterr().out
    expected = {"--all": len(revs), "--side": len([r for r in revs if r.side is Side.RU]),
                "--paragraph": len([r for r in revs if r.number == first.number])}.get(
                    option[0], 1)
    assert f"Rejected {expected} revision(s)." in out
    f, m = MinutesFile.open(path)
    f.close()
    assert len(all_revisions(m)) <= len(revs) - expected  # nested ones go with theirs


def test_cli_speaks_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path)
    try:
        assert main(["--lang", "ko", "accept", str(path), "--all"]) == 0
        out = capsys.readouterr().out
        assert "revision" not in out and "수락했습니다" in out
        assert main(["--lang", "ko", "send", str(path)]) == 0
        out = capsys.readouterr().out
        assert "sent" not in out and "3" in out
    finally:
        catalog.set_language("en")


def test_help_and_argparse_errors_in_korean(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "ko", "accept", "--help"])  # the locale (below) says English after
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "사용법:" in out and "모든 미결 수정 사항 수락" in out and "usage" not in out
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")  # the locale, without --lang
    with pytest.raises(SystemExit):
        main(["accept", "--side", "XX", "x.minutes"])
    err = capsys.readouterr().err
    assert "알 수 없는 측 'XX'" in err and "오류" in err
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    with pytest.raises(SystemExit):
        main(["accept", "--side", "XX", "x.minutes"])
    assert "unknown side 'XX' (KR or RU)" in capsys.readouterr().err


def test_every_help_in_korean_has_no_english_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang ko`` then ``--help`` (alone or after any command): Korean text, never English."""
    try:
        for command in [None, *sorted(COMMANDS)]:
            with pytest.raises(SystemExit) as done:
                main(["--lang", "ko", *([command] if command else []), "--help"])
            assert done.value.code == 0, command
            out = capsys.readouterr().out
            assert out.startswith("사용법:"), (command, out[:80])
            # three English words in a row are a sentence left untranslated (metavars and
            # choices are single words or braces)
            english = [line for line in out.splitlines()
                       if re.search(r"\b[a-z]+ [a-z]+ [a-z]+\b", line)]
            assert not english, (command, english)
    finally:
        catalog.set_language("en")
