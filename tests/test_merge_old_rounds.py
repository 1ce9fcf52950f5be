"""Copies whose common round was saved before rounds kept the delegation lists: the merge says,
first and in the interface language, that their lists could not be compared, names each list
that differs or that their copy lacks, keeps ours, and never treats the lists as equal."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from minutes_app.cli.main import main
from minutes_app.model import Lang, Minutes, Side
from minutes_app.model.annexes import delegation_of
from minutes_app.model.serialize import minutes_out
from minutes_app.store.checksum import checksum
from tests.helpers.cli import cli_ok, read_minutes

PETROV = "Иван Петров|советник|МИД России"
UNCOMPARED = ("Round 3, the last both copies hold, holds no delegation lists (it was saved "
              "before rounds kept them, or the minutes had none then): the delegation lists of "
              "their copy could not be compared with it")




def _members(m: Minutes, side: Side) -> list[str]:
    i = delegation_of(m, side)
    assert i is not None
    return [p.name.get(Lang.RU, "") for p in m.annexes[i].members]


def _as_saved_before_lists(path: Path) -> None:
    """The file's rounds as an older version stored them: no delegation lists (the rows'
    checksums made anew, as that version wrote them)."""
    conn = sqlite3.connect(path)
    try:  # rounds are append-only: their guard is lifted for the rewrite, then put back
        guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                              "AND tbl_name = 'round'").fetchall()
        for name, _sql in guards:
            conn.execute(f'DROP TRIGGER "{name}"')
        rows = conn.execute("SELECT number, side, time, note, snapshot FROM round").fetchall()
        for number, side, time, note, snapshot in rows:
            d = json.loads(snapshot)
            d.pop("delegations", None)
            values = (number, side, time, note, json.dumps(d, ensure_ascii=False,
                                                           separators=(",", ":")))
            conn.execute("UPDATE round SET snapshot = ?, checksum = ? WHERE number = ?",
                         (values[4], checksum(values), number))
        for _name, sql in guards:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def old_copies(tmp_path: Path) -> tuple[Path, Path]:
    """A and B parted after round 3, which an older version saved (no lists in its rounds)."""
    base, a, b = tmp_path / "base.minutes", tmp_path / "A.minutes", tmp_path / "B.minutes"
    cli_ok("demo", "--languages", "ko,ru,en", "--force", str(base))
    cli_ok("send", str(base))
    _as_saved_before_lists(base)
    assert not read_minutes(base).rounds[-1].delegations  # read back as an older file
    shutil.copy(base, a)
    shutil.copy(base, b)
    return a, b


def test_a_list_they_changed_is_named_not_merged_after_saying_why(
        old_copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = old_copies
    cli_ok("delegation", str(b), "RU", "--lang", "ru", "--add", PETROV)
    cli_ok("send", str(b), "--side", "RU")
    before = _members(read_minutes(a), Side.RU)
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith(UNCOMPARED), lines  # first, right after the summary
    assert any("The delegation list of the Russian Side (annex II) differs in their copy, and "
               "the common round does not hold it: it was not merged" in x for x in lines)
    assert _members(read_minutes(a), Side.RU) == before  # ours kept, theirs not taken as equal


def test_a_list_their_copy_lacks_is_named_and_ours_kept(
        old_copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = old_copies
    cli_ok("annex", str(b), "2", "--remove")  # their copy without the Russian list
    cli_ok("send", str(b), "--side", "RU")
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    out = capsys.readouterr().out
    assert UNCOMPARED in out
    assert ("Their copy has no delegation list of the Russian Side, and the common round does "
            "not hold the lists: ours (annex II) is kept; compare the two copies.") in out, out
    assert len(_members(read_minutes(a), Side.RU)) == 3


def test_lists_alike_in_both_copies_need_no_word(
        old_copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = old_copies
    cli_ok("delegation", str(b), "RU", "--lang", "ru", "--add", PETROV)
    cli_ok("delegation", str(a), "RU", "--lang", "ru", "--add", PETROV)  # the same on both
    cli_ok("send", str(b), "--side", "RU")
    capsys.readouterr()
    cli_ok("merge", str(a), str(b))
    out = capsys.readouterr().out
    assert "delegation" not in out, out


@pytest.mark.usefixtures("english_after")
def test_the_korean_interface_says_it_in_korean(
        old_copies: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = old_copies
    cli_ok("delegation", str(b), "RU", "--lang", "ru", "--remove", "1")
    cli_ok("send", str(b), "--side", "RU")
    before = minutes_out(read_minutes(a))
    capsys.readouterr()
    assert main(["--lang", "ko", "merge", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "제3차 문안에는 대표단 명단이 없습니다" in out, out
    assert "delegation" not in out and "Round" not in out
    assert minutes_out(read_minutes(a))["annexes"] == before["annexes"]
