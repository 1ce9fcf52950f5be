"""What a working copy went out with: the base its returned copy is compared with.

The export's history entry records, beside the round the copy was made from, the texts that
differed from that round (our pending edits then), the number and status each row showed and
the free annexes' texts when they differed; the copy carries a mark naming that record
(``_mx_<digest>`` on its first title). The import compares the returned file with this base,
three-way, so that what we changed after the export stays ours. A copy without the mark, or
whose record is not in the history, is compared with our current text, as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from minutes_app.docx_io.working import EXPORT_PREFIX, status_text
from minutes_app.model import Lang, Minutes, Round

Texts = dict[int, dict[Lang, str]]


def _rows(m: Minutes) -> list[list[object]]:
    """Each paragraph's number and status as the copy shows them, in runs: [first id, first
    number (0: none), status, count], a run going on while ids and numbers go up by one."""
    out: list[list[object]] = []
    for p in m.paragraphs():
        number, status = m.number(p.id) or 0, status_text(m, p)
        if out:
            pid, first, said, count = out[-1]
            assert isinstance(pid, int) and isinstance(first, int) and isinstance(count, int)
            if (p.id == pid + count and said == status
                    and number == (first + count if first else 0)):
                out[-1][3] = count + 1
                continue
        out.append([p.id, number, status, 1])
    return out


def _texts(m: Minutes, last: Round | None) -> dict[str, dict[str, str]]:
    """The headings and paragraphs whose text differs from the last round's (or all)."""
    held = last.texts if last is not None else {}
    found: list[tuple[int, dict[Lang, str]]] = [(s.id, s.heading) for s in m.sections]
    found += [(p.id, p.texts) for p in m.paragraphs()]
    return {str(ident): {lang.value: text for lang, text in texts.items()}
            for ident, texts in found if held.get(ident) != texts}


def base_record(m: Minutes) -> dict[str, object]:
    """What the history records of a working copy's base, with the mark the copy carries."""
    from minutes_app.tracking.annexes import annex_texts

    last = m.rounds[-1] if m.rounds else None
    annexes = annex_texts(m)
    record: dict[str, object] = {
        "round": last.number if last else 0, "texts": _texts(m, last), "rows": _rows(m),
        "annexes": None if last is not None and last.annexes == annexes else [
            [{lang.value: text for lang, text in part.items()} for part in annex]
            for annex in annexes]}
    said = json.dumps([record, last.time if last else ""], ensure_ascii=False, sort_keys=True)
    record["mark"] = hashlib.sha256(said.encode()).hexdigest()[:16]
    return record


@dataclass(frozen=True)
class ExportBase:
    """The text, numbers and statuses a working copy was exported with."""

    round: Round | None
    texts: Texts
    rows: dict[int, tuple[str, str]]  # paragraph id → (number, status) as the copy shows them
    annexes: tuple[tuple[dict[Lang, str], ...], ...] | None  # None: the round's

    def text(self, ident: int, lang: Lang) -> str | None:
        """A heading's or paragraph's text in the copy; None when the copy did not hold it."""
        if ident in self.texts:
            return self.texts[ident].get(lang, "")
        if self.round is not None and ident in self.round.texts:
            return self.round.texts[ident].get(lang, "")
        return None

    def annex_part(self, index: int, part: int, lang: Lang) -> str | None:
        """An annex part's text in the copy (0: its heading); None when unknown."""
        held = self.annexes if self.annexes is not None else (
            self.round.annexes if self.round is not None else ())
        if index >= len(held) or part >= len(held[index]):
            return None
        return held[index][part].get(lang, "")


def _langs(texts: dict[str, str]) -> dict[Lang, str]:
    return {Lang(k): v for k, v in texts.items() if k in {x.value for x in Lang}}


def _parse(m: Minutes, record: dict[str, object]) -> ExportBase | None:
    """The base a history record describes; None when its round is no longer here."""
    number = record.get("round")
    last = next((r for r in m.rounds if r.number == number), None)
    if number and last is None:
        return None  # the round it was made from is not here (withdrawn): no base
    texts_in, rows_in, annexes_in = record.get("texts"), record.get("rows"), record.get("annexes")
    if not isinstance(texts_in, dict) or not isinstance(rows_in, list) or not (
            annexes_in is None or isinstance(annexes_in, list)):
        return None
    texts = {int(k): _langs(v) for k, v in texts_in.items()}
    rows: dict[int, tuple[str, str]] = {}
    for pid, first, status, count in rows_in:
        for i in range(count):
            rows[pid + i] = (str(first + i) if first else "", status)
    annexes = None if annexes_in is None else tuple(
        tuple(_langs(part) for part in annex) for annex in annexes_in)
    return ExportBase(last, texts, rows, annexes)


def find_base(m: Minutes, marks: Iterable[str],
              history: Sequence[tuple[str, str, str]]) -> ExportBase | None:
    """The base of the copy carrying ``marks`` (its first title's bookmarks), from the
    document's history of exports; None when the copy or the history does not say."""
    wanted = {b[len(EXPORT_PREFIX):] for b in marks if b.startswith(EXPORT_PREFIX)}
    if not wanted:
        return None
    for _time, kind, data in reversed(history):
        if kind != "export-working" or not any(w in data for w in wanted):
            continue
        try:
            record = json.loads(data).get("base")
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("mark") in wanted:
            try:
                return _parse(m, record)
            except (TypeError, ValueError):
                return None  # a record this version cannot read: as before
    return None
