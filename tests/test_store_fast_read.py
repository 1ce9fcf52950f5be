"""The bulk reading of paragraphs gives exactly what the careful row-by-row reading gives: on
texts of every kind it stays in bulk, and after any change to a row made outside the app it
names the same damage and builds the same model."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_app.model import Lang, Minutes, Side, Status
from minutes_app.model.entities import Comment
from minutes_app.store import MinutesFile
from minutes_app.store.checksum import COLUMNS, checksum
from minutes_app.store.fastread import FAST_SELECT, _split_texts, fast_paragraphs
from minutes_app.store.reading import Reader
from minutes_app.workflows.templates import demo

# texts whose repr is not the plain quoted text, and JSON that is not the app's own spelling
ODD_TEXTS = [
    "the Sides' views", 'the so-called "Arctic" route', "a back\\slash", "tab\there",
    "two\nlines", "non\u00a0breaking", "전각\u3000공백", "delete\x7f", "bell\x07",
    "zero\u200bwidth", "Российская Федерация", "emoji 🙂", "", "'", '"', "\\", "}{", "\",\"",
]


class CarefulReader(Reader):
    """The reference: every paragraph row read one by one (what a doubtful file gets)."""

    def _paragraphs(self, sections: dict[int, Any]) -> None:
        rows = self.conn.execute(f"SELECT {COLUMNS['paragraph']}, checksum FROM paragraph "
                                 "ORDER BY section_id, position").fetchall()
        self._careful_paragraphs(rows, sections)


def _odd_document() -> Minutes:
    m = demo()
    paragraphs = m.paragraphs()
    for i, text in enumerate(ODD_TEXTS):  # the last three paragraphs are odd otherwise
        paragraphs[i % 15].texts[Lang.EN if i < 15 else Lang.KO] = text
    paragraphs[-1].texts = {Lang.KO: "한국어만"}  # one language only: rows of two shapes
    paragraphs[-2].voice, paragraphs[-2].ad_ref_side = Side.RU, Side.KR
    paragraphs[-2].status = Status.AGREED_AD_REF
    paragraphs[-3].comments = [Comment(m.allocate_id(), Side.RU, "a 'remark'\n", "2020-12-16")]
    return m


def _read(path: Path, reader: type[Reader]) -> tuple[str, str]:
    """The model's repr (types and key order included) and the damage, or the error."""
    conn = sqlite3.connect(path)
    try:
        r = reader(conn)
        m = r.minutes()
        return repr(m), repr(r.damage)
    except sqlite3.Error as exc:
        return "error", repr(exc)
    finally:
        conn.close()


def _printable_document() -> Minutes:
    """Odd texts that JSON writes as they are, every row in both languages: read by splitting."""
    m = demo()
    plain = [t for t in ODD_TEXTS if t.isprintable() and '"' not in t and "\\" not in t]
    for p, text in zip(m.paragraphs(), plain, strict=False):
        p.texts[Lang.EN] = text
    return m


@pytest.mark.parametrize("odd", ["all", "printable", ""],
                         ids=["odd texts", "printable odd texts", "the demo"])
def test_texts_of_every_kind_are_read_in_bulk_as_row_by_row(tmp_path: Path, odd: str) -> None:
    path = tmp_path / "odd.minutes"
    document = {"all": _odd_document, "printable": _printable_document, "": demo}[odd]()
    MinutesFile.create(path, document).close()
    conn = sqlite3.connect(path)
    sections = {s.id: s for s in CarefulReader(conn).minutes().sections}
    for s in sections.values():
        s.paragraphs.clear()
    bulk = fast_paragraphs(conn, sections)
    blobs = [r[3] for r in sorted(conn.execute(FAST_SELECT), key=lambda r: (r[1], r[2]))]
    conn.close()
    assert bulk is not None  # stayed in bulk: odd texts are not damage
    # printable texts in the same languages are split at their quotes, not decoded as JSON
    assert (_split_texts(tuple(blobs), len(blobs)) is not None) == (odd != "all")
    careful, damage = _read(path, CarefulReader)
    assert damage == "[]"
    assert _read(path, Reader) == (careful, damage)
    f, m = MinutesFile.open(path)
    f.close()
    assert repr(m) == careful
    if odd == "all":
        assert {t for p in m.paragraphs() for t in p.texts.values()} >= set(ODD_TEXTS)


# a change made outside the app: a column, its new value (SQL), and what becomes of the checksum
COLUMN_VALUES: dict[str, list[str]] = {
    "texts": ["'{\"en\":\"x''y\",\"ko\":\"가\"}'", "'{\"en\": \"spaced\"}'", "'{}'",
              "'{\"en\":\"a\"},{\"en\":\"b\"}'", "'[\"en\"]'", "'{\"en\":1}'", "'{\"xx\":\"a\"}'",
              "'{\"en\":\"tab\tin\"}'", "'{\"en\":\"a\\u0007\"}'", "x'7b7d'", "7",
              "CAST(x'7b22656e223a2280227d' AS TEXT)", "'{\"en\":\"nbsp\u00a0\"}'",
              "'{\"ko\":\"b\",\"en\":\"a\"}'", "'{\"en\":\"a\",\"en\":\"b\"}'"],
    "voice": ["NULL", "''", "'KR'", "'RU'", "'XX'", "1", "x'4b52'"],
    "status": ["'agreed'", "'bogus'", "''", "x'6472616674'"],
    "ad_ref_side": ["'KR'", "''", "'XX'"],
    "section_id": ["section_id + 1", "999999", "1.5", "'a'", "NULL"],
    "position": ["position + 1", "2.0", "-1", "'p'", "(SELECT MIN(position) FROM paragraph)"],
    "comments": ["'[]'", "'[{\"id\":1,\"side\":\"RU\",\"text\":\"t\"}]'", "'bad'", "'{}'"],
    "tracks": ["'{}'", "'[]'", "'{\"en\":[]}'", "'bad'"],
    "mark": ["NULL", "'null'", "'bad'", "''"],
    "brackets": ["'{}'", "'bad'", "'[]'"],
    "agreed": ["'{}'", "'{\"en\":\"agreed\"}'", "'{\"zz\":\"a\"}'", "'bad'"],
}


@pytest.fixture(scope="module")
def base_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The odd document (rows of two shapes) and the demo (every row the same languages)."""
    folder = tmp_path_factory.mktemp("fast")
    MinutesFile.create(folder / "odd.minutes", _odd_document()).close()
    MinutesFile.create(folder / "demo.minutes", demo()).close()
    return [folder / "odd.minutes", folder / "demo.minutes"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_change_made_outside_is_named_as_the_careful_reading_names_it(
        base_files: list[Path], tmp_path: Path, data: st.DataObject) -> None:
    path = tmp_path / "changed.minutes"
    shutil.copyfile(data.draw(st.sampled_from(base_files)), path)
    conn = sqlite3.connect(path, isolation_level=None)
    ids = [r[0] for r in conn.execute("SELECT id FROM paragraph ORDER BY id")]
    for _ in range(data.draw(st.integers(1, 3))):
        pid = data.draw(st.sampled_from(ids))
        column = data.draw(st.sampled_from(sorted(COLUMN_VALUES)))
        value = data.draw(st.sampled_from(COLUMN_VALUES[column]))
        then = data.draw(st.sampled_from(["stale", "recomputed", "none"]))
        try:
            conn.execute(f"UPDATE paragraph SET {column} = {value} WHERE id = ?", (pid,))
        except sqlite3.IntegrityError:  # NOT NULL
            continue
        if then == "recomputed":  # as a tool that knows the checksum would write it
            try:
                row = conn.execute(f"SELECT {COLUMNS['paragraph']} FROM paragraph WHERE id = ?",
                                   (pid,)).fetchone()
            except sqlite3.OperationalError:  # not UTF-8: no tool could have read it
                continue
            conn.execute("UPDATE paragraph SET checksum = ? WHERE id = ?", (checksum(row), pid))
        elif then == "none":
            conn.execute("UPDATE paragraph SET checksum = NULL WHERE id = ?", (pid,))
    conn.close()
    assert _read(path, Reader) == _read(path, CarefulReader)


# one row's texts as a tool that knows the checksum might write them, in a document whose rows
# all have the same languages (the rows read by splitting at the quotes, when nothing forbids it)
WRITTEN_OUTSIDE = [
    '{"en":"plain","ko":"가"}', '{"en":"the Sides\' views","ko":"가"}',
    '{"en":"q\\"q","ko":"가"}', '{"en":"back\\\\slash","ko":"가"}', '{"en":"nl\\nx","ko":"가"}',
    '{"en":"raw\ttab","ko":"가"}', '{"en":"raw\nline","ko":"가"}', '{"en":"del\x7f","ko":"가"}',
    '{"en":"nbsp\u00a0","ko":"가"}', '{"en": "spaced", "ko": "가"}', '{"ko":"가","en":"swapped"}',
    '{"en":"a","en":"twice"}', '{"en":"a","xx":"unknown"}', '{"en":1,"ko":"가"}',
    '{"en":"a}\n{b","ko":"가"}', '{"en":"a","ko":"b"},{"en":"c","ko":"d"}',
    '{"en":"a:b,c","ko":"}{"}', '{"en":"","ko":""}', '{"en":"x","ko":"y","ru":"z"}',
    '{"en":"a","ko":"b",}', '{"en""a","ko":"b"}', '{"en":"a";"ko":"b"}', '{"en":"a","ko":"b"}}',
    '{"en":"a","ko":"b"} ', '{{"en":"a","ko":"b"}',
]


@pytest.mark.parametrize("texts", WRITTEN_OUTSIDE)
def test_a_row_written_outside_with_its_checksum_reads_as_row_by_row(
        tmp_path: Path, texts: str) -> None:
    path = tmp_path / "d.minutes"
    MinutesFile.create(path, demo()).close()
    conn = sqlite3.connect(path, isolation_level=None)
    pid = conn.execute("SELECT id FROM paragraph ORDER BY section_id, position").fetchone()[0]
    conn.execute("UPDATE paragraph SET texts = ? WHERE id = ?", (texts, pid))
    row = conn.execute(f"SELECT {COLUMNS['paragraph']} FROM paragraph WHERE id = ?",
                       (pid,)).fetchone()
    conn.execute("UPDATE paragraph SET checksum = ? WHERE id = ?", (checksum(row), pid))
    conn.close()
    assert _read(path, Reader) == _read(path, CarefulReader)
