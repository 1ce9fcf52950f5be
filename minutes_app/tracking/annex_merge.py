"""Merging the other copy's annexes three-way from the common round.

Free annexes are matched by their key (kept by every copy of the file, wherever a copy moved
the annex); those made before annexes had keys in order (the k-th free annex of the common
round is the k-th of each copy). Their edits of a free annex both copies held become their
revisions; the same words changed on both sides become square brackets in the text holding
both versions and are listed in the report (an annex paragraph has no bracket objects), never
an overwrite. A free annex they added since the common round comes at the end of ours, its
words their pending insertions. Delegation lists: ``tracking.delegation_merge``. Whatever
cannot be matched is named in the report's notes, never dropped in silence.
"""

from __future__ import annotations

from minutes_app.errors import Message
from minutes_app.i18n.messages import N_
from minutes_app.model import Minutes
from minutes_app.model.annex_tracks import SetAnnexTrack
from minutes_app.model.annexes import FREE, Annex, SetAnnexes, part_text, roman
from minutes_app.model.entities import Round
from minutes_app.model.track import Author, plain
from minutes_app.model.types import LangText
from minutes_app.tracking.diff import retrack
from minutes_app.tracking.merge import MergeReport, Recorder, _their_authors
from minutes_app.tracking.merge3 import merge_text


def merge_annexes(rec: Recorder, theirs: Minutes, base: Round, author: Author,
                  report: MergeReport) -> None:
    """Their free-annex edits and new free annexes, then their delegation-list changes."""
    from minutes_app.tracking.delegation_merge import merge_delegations

    _merge_free(rec, theirs, base, author, report)
    merge_delegations(rec, theirs, base, report)


def _free(annexes: list[Annex] | tuple[Annex, ...]) -> list[int]:
    """The indexes of the free annexes, in order."""
    return [i for i, a in enumerate(annexes) if a.kind == FREE]


def _texts(a: Annex) -> tuple[LangText, ...]:
    return (dict(a.heading), *(dict(p) for p in a.paragraphs))


def _merge_free(rec: Recorder, theirs: Minutes, base: Round, author: Author,
                report: MergeReport) -> None:
    m = rec.m
    # a round that holds no annex texts may predate them: then it says nothing of annexes
    known = bool(base.annexes) or bool(base.delegations)
    keys = base.annex_keys if len(base.annex_keys) == len(base.annexes) else ()
    held = {i: parts for i, parts in enumerate(base.annexes) if parts}  # its free annexes
    keyed = {keys[i]: parts for i, parts in held.items() if keys and keys[i]}
    ours, their_free = _free(m.annexes), _free(theirs.annexes)
    _merge_keyed(rec, theirs, keyed, known, author, report)
    _merge_in_order(rec, theirs, [parts for i, parts in held.items() if not (keys and keys[i])],
                    [i for i in ours if not m.annexes[i].key],
                    [i for i in their_free if not theirs.annexes[i].key], known, author, report)
    _order_note(m, theirs, [keys[i] for i in held if keys and keys[i]], report)


def _merge_keyed(rec: Recorder, theirs: Minutes, keyed: dict[str, tuple[LangText, ...]],
                 known: bool, author: Author, report: MergeReport) -> None:
    """Free annexes with a key, matched by it wherever each copy moved them."""
    m = rec.m
    mine = {a.key: i for i, a in enumerate(m.annexes) if a.kind == FREE and a.key}
    for t, their in enumerate(theirs.annexes):
        if their.kind != FREE or not their.key:
            continue
        b, o = keyed.get(their.key), mine.get(their.key)
        if o is not None and (b is not None or _texts(m.annexes[o]) != _texts(their)):
            if b is None and not known:
                _left_out(report, t, N_(
                    "Annex {annex} of their copy differs from ours, and the common round does "
                    "not hold the annexes' texts: it was not merged; compare the two."))
                continue
            _merge_one(rec, o, b or (), their, author, report)
        elif o is None and b is not None and _texts(their) != b:
            _left_out(report, t, N_(
                "Annex {annex} of their copy was removed here, and their copy changed it: "
                "their changes were not merged."))
        elif o is None and b is None and not any(
                _texts(m.annexes[i]) == _texts(their) for i in _free(m.annexes)
                if m.annexes[i].key not in keyed):
            _add_theirs(rec, theirs, their, author, report)  # theirs, new since the round
    present = {a.key for a in theirs.annexes if a.kind == FREE}
    for key, o in mine.items():
        if key in keyed and key not in present:
            report.notes.append(Message(N_(
                "Their copy no longer has annex {annex}; ours is kept."), {"annex": roman(o + 1)}))


def _order_note(m: Minutes, theirs: Minutes, held: list[str], report: MergeReport) -> None:
    """Annexes they put in another order are named, never moved here (the text cites them by
    number)."""
    def order(annexes: list[Annex]) -> list[str]:
        return [a.key for a in annexes if a.key in both]

    both = set(held) & {a.key for a in m.annexes} & {a.key for a in theirs.annexes}
    base_order = [k for k in held if k in both]
    if order(theirs.annexes) not in (base_order, order(m.annexes)):
        report.notes.append(Message(N_(
            "Their copy puts the annexes in another order; ours is kept, and each annex was "
            "merged with its own.")))


def _merge_in_order(rec: Recorder, theirs: Minutes, held: list[tuple[LangText, ...]],
                    ours: list[int], their_free: list[int], known: bool, author: Author,
                    report: MergeReport) -> None:
    """Free annexes without a key (made before annexes had keys), matched in order: the k-th
    of the common round is the k-th of each copy."""
    m = rec.m
    if known and min(len(ours), len(their_free)) < len(held):
        # one copy removed a free annex since: the order no longer matches the round's
        for i in their_free:
            texts = _texts(theirs.annexes[i])
            if texts not in held and all(_texts(m.annexes[j]) != texts for j in ours):
                _left_out(report, i, N_(
                    "Annex {annex} of their copy was not merged: an annex was removed from one "
                    "copy since the common round, so the annexes cannot be matched; compare "
                    "them."))
        return
    for k in range(min(len(held), len(ours), len(their_free))):
        _merge_one(rec, ours[k], held[k], theirs.annexes[their_free[k]], author, report)
    for k in range(len(held), len(their_free)):
        their = theirs.annexes[their_free[k]]
        if any(_texts(m.annexes[i]) == _texts(their) for i in ours[len(held):]):
            continue  # already here (merged before, or both added the same annex)
        if not known and k < len(ours):
            _left_out(report, their_free[k], N_(
                "Annex {annex} of their copy differs from ours, and the common round does not "
                "hold the annexes' texts: it was not merged; compare the two."))
            continue
        _add_theirs(rec, theirs, their, author, report)


def _left_out(report: MergeReport, index: int, code: str) -> None:
    report.notes.append(Message(code, {"annex": roman(index + 1)}))


def _merge_one(rec: Recorder, index: int, held: tuple[LangText, ...], their: Annex,
               author: Author, report: MergeReport) -> None:
    """Their edits of one free annex both copies held at the common round."""
    m = rec.m
    count = max(len(held), 1 + len(their.paragraphs), 1 + len(m.annexes[index].paragraphs))
    for part in range(count):
        for lang in m.languages:
            b = held[part].get(lang, "") if part < len(held) else ""
            o = part_text(m.annexes[index], part, lang)
            merged = merge_text(b, o, part_text(their, part, lang), delimit=True)
            if merged.text == o:
                continue
            old = m.annexes[index].tracks.get(part, {}).get(lang) or plain(o)
            track = retrack(old, merged.text, author)
            rec.do(SetAnnexTrack(index, part, lang, merged.text, track))
            place = (index + 1, part)
            if place not in report.annexes:
                report.annexes.append(place)
            if merged.conflicts and place not in report.annex_conflicts:
                report.annex_conflicts.append(place)


def _add_theirs(rec: Recorder, theirs: Minutes, their: Annex, author: Author,
                report: MergeReport) -> None:
    """Their new free annex at the end of ours, every word their pending insertion."""
    m = rec.m
    rec.do(SetAnnexes((*m.annexes, Annex(FREE, paragraphs=tuple({} for _ in their.paragraphs),
                                          key=their.key))))
    index = len(m.annexes) - 1
    first = report.rounds[0].number if report.rounds else author.round
    for part in range(1 + len(their.paragraphs)):
        for lang in m.languages:
            text = part_text(their, part, lang)
            if not text:
                continue
            track = retrack(plain(""), text, author)
            track = _their_authors(track, their.tracks.get(part, {}).get(lang, ()), author, first)
            rec.do(SetAnnexTrack(index, part, lang, text, track))
    report.annexes_added.append(index + 1)
    report.notes.append(Message(N_(
        "Annex {annex} was added from their copy: its text is their pending insertion, to "
        "accept or reject."), {"annex": roman(index + 1)}))
    if not any(part_text(their, p, lang) for p in range(1 + len(their.paragraphs))
               for lang in m.languages):
        report.notes.append(Message(N_(
            "Annex {annex} from their copy has no text in the languages of these minutes."),
            {"annex": roman(index + 1)}))
