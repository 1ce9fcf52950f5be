"""Random keys come from one small function (files12, item 2): the document id and a free
annex's key alike, never from ``secrets`` (it loads OpenSSL at start-up)."""

from __future__ import annotations

import re
from pathlib import Path

from minutes_app.model.annexes import new_annex_key
from minutes_app.model.keys import random_hex
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo

PACKAGE = Path(__file__).resolve().parent.parent / "minutes_app"
HEX16 = re.compile(r"[0-9a-f]{16}")


def test_the_document_id_and_annex_keys_are_random_hex(tmp_path: Path) -> None:
    ids = set()
    for n in range(3):
        m = demo()
        m.document_id = ""
        MinutesFile.create(tmp_path / f"{n}.minutes", m).close()
        ids.add(m.document_id)
    keys = {new_annex_key() for _ in range(3)}
    assert len(ids) == 3 and len(keys) == 3 and not ids & keys
    assert all(HEX16.fullmatch(k) for k in ids | keys), ids | keys
    assert HEX16.fullmatch(random_hex()) and len(random_hex(4)) == 8


def test_randomness_is_drawn_in_one_place() -> None:
    users = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if "os.urandom(" in p.read_text(encoding="utf-8"))
    assert users == ["model/keys.py"], users
    assert not [p for p in PACKAGE.rglob("*.py")
                if re.search(r"^\s*(import secrets|from secrets)", p.read_text(encoding="utf-8"),
                             re.M)]
