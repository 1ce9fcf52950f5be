"""The command line with Russian: new/demo --languages, languages add/remove/order, --lang ru."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.test_cli import run


def test_trilingual_demo_through_show_info_revisions_and_check(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    made = run("demo", str(out), "--languages", "ko,ru,en")
    assert made.returncode == 0, made.stderr
    text = run("show", str(out), "--lang", "ru").stdout
    assert text.startswith("Согласованный протокол 14-го заседания")
    assert "1. Стороны отметили, что в 2020 г." in text
    assert "на русском, корейском и английском языках" in text  # its own language first
    info = json.loads(run("info", str(out), "--json").stdout)
    assert info["languages"] == ["ko", "ru", "en"]
    assert set(info["title"]) == {"ko", "ru", "en"}
    ru_info = json.loads(run("info", str(out), "--json", "--lang", "ru").stdout)
    assert list(ru_info["title"]) == ["ru"]
    assert ru_info["parties"] == {"KR": "Республика Корея", "RU": "Российская Федерация"}
    revs = json.loads(run("revisions", str(out), "--json", "--lang", "ru").stdout)
    assert revs and {r["lang"] for r in revs} == {"ru"} and {r["side"] for r in revs} == {
        "KR", "RU"}
    found = json.loads(run("check", str(out), "--json", "--lang", "ru").stdout)
    assert all("ru" in f["langs"] for f in found)
    assert run("show", str(out)).stdout.startswith("한·러")  # the first language by default


def test_new_with_languages_and_show_of_a_missing_language(tmp_path: Path) -> None:
    out = tmp_path / "n.minutes"
    assert run("new", str(out), "--languages", "ko,ru").returncode == 0
    assert run("languages", str(out)).stdout.strip() == "ko,ru"
    assert "Здравоохранение и медицина" in run("show", str(out), "--lang", "ru").stdout
    missing = run("show", str(out), "--lang", "en")
    assert missing.returncode == 1 and "not in this document" in missing.stderr
    bad = run("new", str(tmp_path / "b.minutes"), "--languages", "ko,fr")
    assert bad.returncode == 2 and "Unknown language 'fr'" in bad.stderr


def test_languages_add_remove_order(tmp_path: Path) -> None:
    out = tmp_path / "x.minutes"
    run("demo", str(out), "--languages", "ko,ru,en")
    refused = run("languages", str(out), "remove", "ru")
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert run("languages", str(out)).stdout.strip() == "ko,ru,en"
    removed = run("languages", str(out), "remove", "ru", "--force")
    assert removed.returncode == 0 and "ko,en" in removed.stdout
    assert run("show", str(out), "--lang", "ru").returncode == 1
    assert run("languages", str(out), "add", "ru").returncode == 0
    assert run("languages", str(out), "order", "ru,ko,en").returncode == 0
    assert run("languages", str(out)).stdout.strip() == "ru,ko,en"
    wrong = run("languages", str(out), "order", "ru,ko")
    assert wrong.returncode == 1 and "same languages" in wrong.stderr
    empty = run("languages", str(out), "remove", "ru")  # the added Russian is empty
    assert empty.returncode == 0, empty.stderr
    from minutes_app.store import MinutesFile

    f, _ = MinutesFile.open(out)
    kinds = [kind for _time, kind, _data in f.history()]
    f.close()
    assert kinds.count("languages") == 4  # every change of languages is in the history


def test_a_trilingual_document_from_a_template_has_whole_russian_titles(tmp_path: Path) -> None:
    from minutes_app.i18n.names import title
    from minutes_app.model import Lang
    from minutes_app.store import MinutesFile

    for template in ("blank", "cooperation-fields"):
        path = tmp_path / f"{template}.minutes"
        done = subprocess.run([sys.executable, "-m", "minutes_app", "new", str(path),
                               "--template", template, "--languages", "ko,ru,en"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        f, m = MinutesFile.open(path, read_only=True)
        f.close()
        russian = title(m, Lang.RU)
        assert russian == russian.strip() and russian.endswith("Подкомитета"), russian
        assert m.meeting.place.get(Lang.RU) == "Сеул"
