"""What a working copy went out with: the base its returned copy is compared with.

The export's history entry records, beside the round the copy was made from, the texts that
differed from that round (our pending edits then), the number and status each row showed and
the free annexes' texts when they differed; the copy carries a mark naming that record
(``_mx_<digest>`` on its first title). The import compares the returned file with this base,
three-way, so that what we changed after the export stays ours. A copy without the mark, or
whose record is not in the history, is compared with our current text, as before.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from minutes_app.docx_io.working import EXPORT_PREFIX, status_text
from minutes_app.model import Lang, Minutes, Round

Texts = dict[int, dict[Lang, str]]


def _rows(m: Minutes) -> tuple[list[list[int]], list[str], str]:
    """Each paragraph's id and number in runs ([first id, first number (0: none), count], a
    run going on while both go up by one), and its status as the copy shows it: the statuses
    met, and one character per paragraph naming one of them (a few bytes a paragraph)."""
    runs: list[list[int]] = []
    said: dict[str, int] = {}
    codes = []
    for p in m.paragraphs():
        number = m.number(p.id) or 0
        codes.append(chr(48 + said.setdefault(status_text(m, p), len(said))))
        if runs:
            pid, first, count = runs[-1]
            if p.id == pid + count and number == (first + count if first else 0):
                runs[-1][2] = count + 1
                continue
        runs.append([p.id, number, 1])
    return runs, list(said), "".join(codes)


def _texts(m: Minutes, last: Round | None) -> dict[str, dict[str, str]]:
    """The languages of headings and paragraphs whose text differs from the last round's
    (every language of one the round did not hold)."""
    held = last.texts if last is not None else {}
    found: list[tuple[int, dict[Lang, str]]] = [(s.id, s.heading) for s in m.sections]
    found += [(p.id, p.texts) for p in m.paragraphs()]
    out = {}
    for ident, texts in found:
        was = held.get(ident)
        if was != texts:
            langs = sorted({*texts, *(was or {})}, key=lambda x: x.value)
            out[str(ident)] = {lang.value: texts.get(lang, "") for lang in langs
                               if was is None or was.get(lang, "") != texts.get(lang, "")}
    return out


def base_record(m: Minutes) -> dict[str, object]:
    """What the history records of a working copy's base, with the mark the copy carries."""
    from minutes_app.tracking.annexes import annex_texts

    last = m.rounds[-1] if m.rounds else None
    annexes = annex_texts(m)
    runs, statuses, codes = _rows(m)
    record: dict[str, object] = {
        "round": last.number if last else 0, "texts": _texts(m, last), "rows": runs,
        "statuses": statuses, "status": codes,
        "annexes": None if last is not None and last.annexes == annexes else [
            [{lang.value: text for lang, text in part.items()} for part in annex]
            for annex in annexes]}
    if any(a.key for a in m.annexes):  # which annex each row's index named, for a move since
        record["annex_keys"] = [a.key for a in m.annexes]
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
    annex_keys: tuple[str, ...] = ()  # per annex of the copy its key ("": none; (): unknown)
    file: str = ""  # the name the copy was exported under ("": not recorded)
    time: str = ""  # when it was exported ("": not recorded)

    def text(self, ident: int, lang: Lang) -> str | None:
        """A heading's or paragraph's text in the copy; None when the copy did not hold it."""
        held = self.round.texts if self.round is not None else {}
        if lang in self.texts.get(ident, {}) or (ident in self.texts and ident not in held):
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
    statuses, codes = record.get("statuses"), record.get("status")
    if not isinstance(statuses, list) or not isinstance(codes, str):
        return None
    rows: dict[int, tuple[str, str]] = {}
    for pid, first, count in rows_in:
        for i in range(count):
            rows[pid + i] = (str(first + i) if first else "", statuses[ord(codes[len(rows)]) - 48])
    annexes = None if annexes_in is None else tuple(
        tuple(_langs(part) for part in annex) for annex in annexes_in)
    keys = record.get("annex_keys")
    annex_keys = tuple(k if isinstance(k, str) else "" for k in keys) if isinstance(
        keys, list) else ()
    return ExportBase(last, texts, rows, annexes, annex_keys)


def find_base(m: Minutes, marks: Iterable[str],
              history: Sequence[tuple[str, str, str]]) -> ExportBase | None:
    """The base of the copy carrying ``marks`` (its first title's bookmarks), from the
    document's history of exports; None when the copy or the history does not say."""
    wanted = {b[len(EXPORT_PREFIX):] for b in marks if b.startswith(EXPORT_PREFIX)}
    if not wanted:
        return None
    for time, kind, data in reversed(history):
        if kind != "export-working" or not any(w in data for w in wanted):
            continue
        try:
            record = json.loads(data).get("base")
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("mark") in wanted:
            try:
                base = _parse(m, record)
                file = json.loads(data).get("file")
                return base if base is None else dataclasses.replace(
                    base, file=file if isinstance(file, str) else "", time=time)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError):
                # a record this version cannot read, or one damaged by another tool (the
                # history has no checksum): imported as without a base, as before
                return None
    return None
