"""The bulk reading of paragraphs (the good path of every load) hands any doubt to the careful
row-by-row reading: rows whose texts would still decode as a whole table are named too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from minutes_app.errors import DamagedFileError
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo
from tests.faults.scenes import small_document


def _texts(path: Path, changes: dict[int, str]) -> None:
    """Rewrite paragraphs' texts without their checksum (as an older tool might)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pid, text in changes.items():
        conn.execute("UPDATE paragraph SET texts = ?, checksum = NULL WHERE id = ?", (text, pid))
    conn.close()


def test_a_split_row_and_a_merged_pair_keep_the_count_but_are_named(tmp_path: Path) -> None:
    path = small_document(tmp_path / "d.minutes")
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM paragraph ORDER BY section_id, position")]
    conn.close()
    # joined into one JSON array these still give one object per row: the first two rows make
    # one object through a string, the last row makes two
    _texts(path, {ids[0]: '{"en": "a}', ids[1]: '{b"}',
                  ids[-1]: '{"en": "c"}, {"en": "d"}'})
    with pytest.raises(DamagedFileError) as refused:
        MinutesFile.open(path)
    named = {key for _table, key, _problem in refused.value.places}
    assert named == {str(ids[0]), str(ids[1]), str(ids[-1])}
    f, m = MinutesFile.open(path, salvage=True)
    f.close()
    assert len(m.paragraphs()) == len(demo().paragraphs()) - 3


def test_an_intact_file_reads_the_same_in_bulk_as_row_by_row(tmp_path: Path) -> None:
    from minutes_app.store.reading import Reader

    path = small_document(tmp_path / "d.minutes")
    f, fast = MinutesFile.open(path)
    f.close()
    conn = sqlite3.connect(path)
    reader = Reader(conn)
    careful = reader.minutes()
    sections = {s.id: s for s in careful.sections}
    for s in careful.sections:
        s.paragraphs.clear()
    rows = conn.execute("SELECT id, section_id, position, texts, voice, status, ad_ref_side, "
                        "comments, tracks, mark, brackets, agreed, checksum FROM paragraph "
                        "ORDER BY section_id, position").fetchall()
    reader._careful_paragraphs(rows, sections)
    conn.close()
    assert not reader.damage
    assert careful.paragraphs() == fast.paragraphs() and fast.paragraphs()
