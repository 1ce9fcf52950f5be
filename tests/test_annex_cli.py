"""The command line edits a free annex after a round as tracked revisions, lists them, and
accepts or rejects them; signing is refused meanwhile."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


def test_cli_annex_edit_after_a_round_is_tracked_listed_accepted_and_rejected(
        tmp_path: Path) -> None:
    path = tmp_path / "a.minutes"
    assert _run("demo", str(path), "--agreed").returncode == 0
    assert _run("annex", str(path), "--add", "--heading", "Programme", "--lang", "en"
                ).returncode == 0
    text = tmp_path / "programme.txt"
    text.write_text("Opening remarks\n\nAdoption of the agenda\n", encoding="utf-8")
    # the demo has exchanged two rounds: the annex's new paragraphs are our revisions
    assert _run("annex", str(path), "3", "--text", str(text), "--lang", "en").returncode == 0
    assert _run("revisions", str(path)).stdout.strip().endswith("2 pending revision(s)")
    assert "Accepted 2 revision(s)." in _run("accept", str(path), "--annex", "3").stdout
    sent = _run("send", str(path), "--side", "KR")
    assert sent.returncode == 0, sent.stderr
    text.write_text("Opening remarks by the co-chairs\n\nAdoption of the agenda\n\n"
                    "Signing of the minutes\n", encoding="utf-8")
    edited = _run("annex", str(path), "3", "--text", str(text), "--heading",
                  "Programme of the meeting", "--lang", "en")
    assert edited.returncode == 0, edited.stderr
    assert "(3 paragraphs, pending revisions)" in edited.stdout
    listed = json.loads(_run("revisions", str(path), "--json").stdout)
    annex = [r for r in listed if r["scope"] == "annex"]
    assert {(r["annex"], r["part"], r["kind"], r["text"].strip(), r["side"], r["round"])
            for r in annex} == {
        (3, 0, "insert", "of the meeting", "KR", 4),
        (3, 1, "insert", "by the co-chairs", "KR", 4),
        (3, 3, "insert", "Signing of the minutes", "KR", 4)}
    plain = _run("revisions", str(path)).stdout
    assert "A3.1" in plain and "A3.0" in plain
    refusal = _run("export", str(path), "--kind", "signing", "-o", str(tmp_path / "x.docx"))
    assert refusal.returncode == 1 and "Annex III has pending revisions" in refusal.stderr
    new_part = next(r["id"] for r in annex if r["part"] == 3)
    rejected = _run("reject", str(path), new_part)
    assert rejected.returncode == 0 and "Rejected 1 revision(s)." in rejected.stdout
    assert "(2 paragraphs, pending revisions)" in _run("annex", str(path)).stdout
    accepted = _run("accept", str(path), "--annex", "3")
    assert accepted.returncode == 0 and "Accepted 2 revision(s)." in accepted.stdout
    assert "Programme of the meeting  (2 paragraphs)" in _run("annex", str(path)).stdout
    assert _run("revisions", str(path)).stdout.strip().endswith("0 pending revision(s)")


def test_cli_annex_added_with_its_text_and_a_delegation_list_refusing_text(
        tmp_path: Path) -> None:
    text = tmp_path / "programme.txt"
    text.write_text("개회사\n\n의제 채택\n", encoding="utf-8")
    for made in ("new", "demo"):  # before any round, and after rounds (tracked)
        path = tmp_path / f"{made}.minutes"
        assert _run(made, str(path)).returncode == 0
        added = _run("annex", str(path), "--add", "--heading", "회의 일정", "--text", str(text),
                     "--lang", "ko")
        assert added.returncode == 0, added.stderr
        last = added.stdout.strip().splitlines()[-1]
        assert "회의 일정" in last and "(2 paragraphs" in last, added.stdout
        assert ("pending revisions" in last) == (made == "demo")  # our revisions
    refused = _run("annex", str(path), "--delegation", "RU", "--text", str(text))
    assert refused.returncode != 0
    assert "delegation list; edit it with 'delegation'" in refused.stderr
    listed = _run("annex", str(path)).stdout
    assert listed.count("delegation list of RU") == 1  # nothing added by the refused command
