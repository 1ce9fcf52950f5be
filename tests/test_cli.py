"""The command line, run as a user runs it: a separate process, exit codes, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("minutes-app")
    cmd = [exe] if exe else [sys.executable, "-m", "minutes_app"]
    return subprocess.run([*cmd, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_demo_then_show_prints_the_korean_minutes(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    assert run("demo", str(out)).returncode == 0
    shown = run("show", str(out), "--lang", "ko")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout
    assert text.startswith("한·러 극동·시베리아 분과위원회 제14차 회의 합의의사록")
    assert "1. 양측은 대한민국과 러시아연방 간 수교 30주년" in text
    assert "15. 양측은 분과위 제15차 회의를" in text
    assert "동등하게 정본인 한국어와 영어로" in text
    assert "김건" in text and "알렉산더 크루티코프" in text


def test_show_english(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    run("demo", str(out))
    text = run("show", str(out), "--lang", "en").stdout
    assert "Agreed Minutes of the 14th Meeting" in text
    assert "18 December 2020" in text
    assert "2. The Korean Side underscored" in text


def test_info_json(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    run("demo", str(out))
    data = json.loads(run("info", str(out), "--json").stdout)
    assert data["ordinal"] == 14
    assert data["paragraphs"] == 18 and data["numbered_paragraphs"] == 15
    assert sum(data["by_status"].values()) == 18
    assert data["parties"] == {"KR": "Republic of Korea", "RU": "Russian Federation"}


def test_info_as_text_has_no_python_reprs(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    run("demo", str(out))
    lines = dict(line.split(": ", 1) for line in run("info", str(out)).stdout.splitlines())
    assert lines["languages"] == "ko, en"
    assert lines["parties"] == "KR: Republic of Korea; RU: Russian Federation"
    assert lines["title"].startswith("ko: 한·러 극동·시베리아 분과위원회 제14차 회의 "
                                     "합의의사록; en: ")
    assert not any(c in value for value in lines.values() for c in "{}[]'")


@pytest.mark.parametrize("template", ["cooperation-fields", "blank"])
def test_new_from_template(tmp_path: Path, template: str) -> None:
    out = tmp_path / "new.minutes"
    result = run("new", str(out), "--template", template)
    assert result.returncode == 0, result.stderr
    data = json.loads(run("info", str(out), "--json").stdout)
    assert data["sections"] >= 2


def test_new_lists_templates_for_an_unknown_name(tmp_path: Path) -> None:
    result = run("new", str(tmp_path / "n.minutes"), "--template", "nope")
    assert result.returncode == 1
    assert "cooperation-fields" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"hello", "not a minutes document"), (b"SQLite format 3\x00" + b"\x10\x00" * 200, "")],
)
def test_bad_files_give_a_message_not_a_traceback(tmp_path: Path, content: bytes,
                                                  message: str) -> None:
    bad = tmp_path / "bad.minutes"
    bad.write_bytes(content)
    result = run("show", str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith("minutes-app: error:")
    assert message in result.stderr and "Traceback" not in result.stderr
    assert bad.read_bytes() == content


def test_missing_file_and_existing_output(tmp_path: Path) -> None:
    result = run("info", str(tmp_path / "none.minutes"))
    assert result.returncode == 1 and "does not exist" in result.stderr
    out = tmp_path / "x.minutes"
    run("demo", str(out))
    again = run("demo", str(out))
    assert again.returncode == 1 and "already exists" in again.stderr


def test_revisions_accept_reject_send(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    run("demo", str(out))
    revs = json.loads(run("revisions", str(out), "--json").stdout)
    assert len(revs) == 15  # the demo's brackets are objects: bracketing is no text edit
    assert {r["side"] for r in revs} == {"KR", "RU"}
    inside = [r for r in revs if r["inside"] == "RU"]
    assert inside and all(r["side"] == "KR" and r["kind"] == "delete" for r in inside)
    one = revs[0]["id"]
    assert run("accept", str(out), one).returncode == 0
    assert len(json.loads(run("revisions", str(out), "--json").stdout)) == 14
    result = run("reject", str(out), "--side", "RU")
    assert result.returncode == 0, result.stderr
    left = json.loads(run("revisions", str(out), "--json").stdout)
    assert left and {r["side"] for r in left} == {"KR"}
    assert run("accept", str(out), "--all").returncode == 0
    assert json.loads(run("revisions", str(out), "--json").stdout) == []
    sent = run("send", str(out), "--side", "KR", "--note", "Round 3")
    assert sent.returncode == 0 and "Round 3 sent by the Korean Side" in sent.stdout
    assert json.loads(run("info", str(out), "--json").stdout)["rounds"] == 3


def test_accept_with_an_unknown_id_says_which(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    run("demo", str(out))
    result = run("accept", str(out), "999-en-abcdef")
    assert result.returncode == 1 and "999-en-abcdef" in result.stderr
    assert "Traceback" not in result.stderr


def test_info_and_revisions_read_a_file_the_editor_holds(tmp_path: Path) -> None:
    out = tmp_path / "held.minutes"
    assert run("demo", str(out)).returncode == 0
    holder = subprocess.Popen([sys.executable, "-m", "tests.helpers.holder", str(out)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        before = out.read_bytes()
        info = run("info", str(out), "--json")
        assert info.returncode == 0, info.stderr
        assert json.loads(info.stdout)
        revisions = run("revisions", str(out), "--json")
        assert revisions.returncode == 0, revisions.stderr
        assert len(json.loads(revisions.stdout)) > 10
        assert out.read_bytes() == before  # read, never touched
        refused = run("send", str(out))  # writing still waits for the editor to let go
        assert refused.returncode == 1 and "open in another" in refused.stderr
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


@pytest.mark.parametrize("env", [
    {"QT_QPA_PLATFORM": ""},  # nothing set: Qt would try xcb and abort
    {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":87"},  # a display that is not there
])
def test_no_display_is_a_clear_sentence_not_an_abort(tmp_path: Path, env: dict[str, str]
                                                      ) -> None:
    import os

    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "minutes_app"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60,
                            env={**base, **{k: v for k, v in env.items() if v}})
    assert result.returncode == 2, result.stderr
    assert "no display" in result.stderr and "minutes-app info FILE" in result.stderr
    assert "Traceback" not in result.stderr and "xcb" not in result.stderr


def test_an_unknown_side_for_an_original_is_a_usage_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.minutes"
    assert run("demo", str(doc), "--agreed").returncode == 0
    done = run("export", str(doc), "--kind", "signing", "--copy-for", "XX", "-o",
               str(tmp_path / "x.docx"))
    assert done.returncode == 2
    assert "unknown side 'XX' (KR or RU)" in done.stderr and "unexpected" not in done.stderr
    assert not (tmp_path / "x.docx").exists()


def test_a_missing_member_is_named_in_the_interface_language(tmp_path: Path) -> None:
    doc = tmp_path / "a.minutes"
    assert run("demo", str(doc)).returncode == 0
    done = run("--lang", "ko", "delegation", str(doc), "KR", "--remove", "99")
    assert done.returncode == 1
    assert "대표단원 99은(는) 없습니다" in done.stderr and "member" not in done.stderr
    english = run("delegation", str(doc), "KR", "--remove", "99")
    assert "There is no member 99" in english.stderr


def test_verify_says_a_working_copy_is_not_an_original(tmp_path: Path) -> None:
    doc, work = tmp_path / "a.minutes", tmp_path / "work.docx"
    assert run("demo", str(doc)).returncode == 0
    assert run("export", str(doc), "--kind", "working", "-o", str(work)).returncode == 0
    done = run("verify", str(doc), str(work))
    assert done.returncode == 1 and not done.stdout
    assert "work.docx is a working copy, not a signing original" in done.stderr
    korean = run("--lang", "ko", "verify", str(doc), str(work))
    assert "서명본이 아니라 작업본입니다" in korean.stderr


def test_deciding_a_paragraph_or_annex_that_is_not_there_says_so(tmp_path: Path) -> None:
    doc = tmp_path / "a.minutes"
    assert run("demo", str(doc)).returncode == 0
    before = doc.read_bytes()
    done = run("accept", str(doc), "--paragraph", "99")
    assert done.returncode == 1
    assert "There is no paragraph 99 (the paragraphs are numbered 1 to 15)." in done.stderr
    done = run("--lang", "ko", "reject", str(doc), "--annex", "7")
    assert done.returncode == 1 and "부속서 7은(는) 없습니다" in done.stderr
    assert doc.read_bytes() == before


def test_rounds_are_refused_for_an_export_that_has_none(tmp_path: Path) -> None:
    doc = tmp_path / "a.minutes"
    assert run("demo", str(doc)).returncode == 0
    done = run("export", str(doc), "--kind", "working", "--from", "9", "-o",
               str(tmp_path / "w.docx"))
    assert done.returncode == 1 and "a working export has none" in done.stderr
    assert not (tmp_path / "w.docx").exists()


def test_annexes_and_members_are_named_and_moved_only_where_they_are(tmp_path: Path) -> None:
    doc = tmp_path / "a.minutes"
    assert run("demo", str(doc)).returncode == 0
    before = doc.read_bytes()
    for args, said in ((["annex", str(doc), "99"], "There is no annex 99 (there are 2)."),
                       (["annex", str(doc), "1", "--move-to", "9"], "There is no place 9"),
                       (["delegation", str(doc), "KR", "--move", "1", "99"],
                        "There is no place 99 (there are 4).")):
        done = run(*args)
        assert done.returncode == 1 and said in done.stderr, done.stderr
    assert doc.read_bytes() == before
    moved = run("delegation", str(doc), "KR", "--move", "1", "4")
    assert moved.returncode == 0, moved.stderr


def test_korean_revisions_and_language_refusals_have_no_english(tmp_path: Path) -> None:
    doc = tmp_path / "a.minutes"
    assert run("demo", str(doc)).returncode == 0
    listed = run("--lang", "ko", "revisions", str(doc)).stdout
    kinds = {"insert", "delete", "Insertion", "Deletion"}
    assert "삽입" in listed and not any(f" {k} " in listed for k in kinds)
    english = run("revisions", str(doc)).stdout
    assert " Insertion '" in english and " insert " not in english
    for languages, said in (("ko,ko", "같은 언어가 두 번 지정되었습니다."),
                            ("ko", "문서의 언어는 두 개 또는 세 개입니다.")):
        done = run("--lang", "ko", "new", str(tmp_path / "n.minutes"), "--languages", languages)
        assert done.returncode == 2 and said in done.stderr, done.stderr
