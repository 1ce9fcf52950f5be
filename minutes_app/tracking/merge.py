"""Merging the other delegation's .minutes copy into ours, three-way from the last common round.

Their changes become their revisions in their round; the same words changed on both sides
become a bracket with both versions. The result is one operation (one undo step) plus the
rounds they sent, which are appended to ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from minutes_app.errors import MinutesError, ValidationError
from minutes_app.model import (
    Batch, Change, InsertParagraph, Lang, Minutes, Operation, Paragraph, ParagraphMark, Round,
    Section, SetBrackets, SetHeadingTrack,
    SetMark, SetStatus, SetTrack, Side, Status,
)
from minutes_app.model.track import Author, Seg, Track, plain
from minutes_app.tracking.diff import retrack
from minutes_app.model.brackets import Bracket, Option
from minutes_app.tracking.brackets import new_bracket
from minutes_app.tracking.merge3 import merge_text
from minutes_app.errors import Message
from minutes_app.i18n.messages import N_, SIDE_NAMES
from minutes_app.i18n.places import lang_message


@dataclass
class MergeReport:
    """What a merge did, for the summary shown to the user."""

    round: Round | None = None  # their last round: their text's (the last of ``rounds``)
    rounds: list[Round] = field(default_factory=list)  # every round of theirs ours lacked
    changed: list[int] = field(default_factory=list)
    conflicts: list[int] = field(default_factory=list)
    inserted: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)  # sections whose heading they changed
    annexes: list[tuple[int, int]] = field(default_factory=list)  # (annex number, part) changed
    # free-annex parts where both sides changed the same words: brackets in the text
    annex_conflicts: list[tuple[int, int]] = field(default_factory=list)
    annexes_added: list[int] = field(default_factory=list)  # annex numbers brought from theirs
    delegations: list[Side] = field(default_factory=list)  # delegation lists they changed
    # what the merge brought or left out of their annexes, one sentence each (never silent)
    notes: list[Message] = field(default_factory=list)
    # their languages ours lacks, with how many texts they hold there: not merged
    languages: list[tuple[Lang, int]] = field(default_factory=list)

    def summary(self) -> Message:
        """What the merge did, for the front ends to say."""
        r = self.round
        if r is not None and len(self.rounds) > 1:
            return Message(N_("Merged rounds {first} to {last}, the last of the {side}: "
                              "{changed} paragraphs changed, {inserted} inserted, {deleted} "
                              "deleted, {conflicts} conflicts put in brackets."), {
                "first": self.rounds[0].number, "last": r.number,
                "side": Message(SIDE_NAMES[r.side]), "changed": len(self.changed),
                "inserted": len(self.inserted), "deleted": len(self.deleted),
                "conflicts": len(self.conflicts)})
        return Message(N_("Merged round {number} of the {side}: {changed} paragraphs changed, "
                          "{inserted} inserted, {deleted} deleted, {conflicts} conflicts put in "
                          "brackets."), {
            "number": r.number if r else "?",
            "side": Message(SIDE_NAMES[r.side]) if r else "?", "changed": len(self.changed),
            "inserted": len(self.inserted), "deleted": len(self.deleted),
            "conflicts": len(self.conflicts)})


def annex_notes(report: MergeReport) -> list[Message]:
    """What a merge did to the annexes and what it left out, then the free-annex conflicts,
    one line each, for the front ends to list."""
    from minutes_app.model.annexes import roman

    return [*report.notes, *(Message(N_(
        "Annex {annex}, part {part}: both Sides changed the same words; both versions are now "
        "in square brackets."), {"annex": roman(n), "part": part})
        for n, part in report.annex_conflicts)]


def common_round(ours: Minutes, theirs: Minutes) -> Round:
    """The last round both copies hold identically."""
    mine = {(r.number, r.side, r.time) for r in ours.rounds}
    shared = [r for r in theirs.rounds if (r.number, r.side, r.time) in mine]
    if not shared:
        raise MinutesError("The two files share no round: they are not copies of the same "
                           "minutes, or the other copy was started separately.")
    return shared[-1]


def _their_rounds(ours: Minutes, theirs: Minutes, base: Round, now: str) -> list[Round]:
    """Every round they hold after the common one, in order (their text is the last's)."""
    if [r for r in ours.rounds if r.number > base.number]:
        raise MinutesError("Both copies sent rounds after round {n}; merge the other copy of "
                           "that round first.", n=base.number)
    new = [r for r in theirs.rounds if r.number > base.number]
    if [r.number for r in new] != list(range(base.number + 1, base.number + 1 + len(new))):
        raise MinutesError("The other copy's rounds after round {n} are not numbered one "
                           "after another; it cannot be merged.", n=base.number)
    if new:
        return new
    # they returned their working copy without sending: their text is their round
    from minutes_app.tracking.rounds import exchanged

    texts = {s.id: dict(s.heading) for s in theirs.sections}
    texts.update((p.id, dict(p.texts)) for p in theirs.paragraphs() if exchanged(p))
    from minutes_app.tracking.annexes import annex_keys, annex_texts, delegation_members

    return [Round(base.number + 1, theirs.own_side, now, "Merged working copy", texts,
                  annexes=annex_texts(theirs), delegations=delegation_members(theirs),
                  annex_keys=annex_keys(theirs))]


def renumber_own_edits(track: Track, side: Side, old: int, new: int,
                       sent: frozenset[tuple[str, str]] = frozenset()) -> Track:
    """Our edits of round ``old`` moved to round ``new``, but those ``sent`` (kind, text)."""
    def fix(a: Author | None, seg: Seg) -> Author | None:
        if a and a.side is side and a.round == old and (seg.kind, seg.text) not in sent:
            return a._replace(round=new)
        return a

    return tuple(Seg(s.kind, s.text, fix(s.author, s), fix(s.origin, s)) for s in track)


class Recorder:
    """Applies operations one by one (later ones see earlier ones) and can roll them back."""

    def __init__(self, m: Minutes) -> None:
        self.m = m
        self.ops: list[Operation] = []
        self._inverses: list[Operation] = []

    def do(self, op: Operation) -> Change:
        inverse, change = op.apply(self.m)
        self.ops.append(op)
        self._inverses.append(inverse)
        return change

    def roll_back(self) -> None:
        for inverse in reversed(self._inverses):
            inverse.apply(self.m)
        self._inverses.clear()


def _merge_paragraph(rec: Recorder, p: Paragraph, base: dict[Lang, str], theirs: Paragraph,
                     author: Author, report: MergeReport) -> None:
    m = rec.m
    made: list[Bracket] = []
    for lang in m.languages:
        b, o, t = base.get(lang, ""), p.text(lang), theirs.text(lang)
        merged = merge_text(b, o, t)
        if merged.text != o:
            track = retrack(p.tracks.get(lang) or plain(o), merged.text, author)
            first = report.rounds[0].number if report.rounds else author.round
            track = _their_authors(track, theirs.tracks.get(lang, ()), author, first)
            rec.do(SetTrack(p.id, lang, merged.text, track))
            if p.id not in report.changed:
                report.changed.append(p.id)
        for c in merged.conflicts:
            if any(x.is_open and x.spans.get(lang, (0, 0))[0] < c.end
                   and c.start < x.spans.get(lang, (0, 0))[1] for x in p.brackets):
                continue  # already disputed there: the open bracket stands
            options = [Option({lang: c.ours}, m.own_side), Option({lang: c.theirs}, author.side)]
            made.append(new_bracket(m, p.id, {lang: (c.start, c.end)}, options, author.time))
    made += _their_brackets(m, p, theirs, made)
    if made:
        report.conflicts.append(p.id)
        rec.do(SetBrackets(p.id, (*p.brackets, *made)))
        rec.do(SetStatus(p.id, Status.BRACKETED))
    elif p.id in report.changed and p.status.rank > Status.BRACKETED.rank:
        rec.do(SetStatus(p.id, Status.PROPOSED))  # changed by them: no longer agreed


def _their_authors(track: Track, their_track: Track, author: Author, first: int) -> Track:
    """Their changes as their copy attributes them (a round of theirs before their last may
    be another Side's): the merge's ``author`` only where their copy does not say."""
    known = {(s.kind, s.text): s.author for s in their_track
             if s.author is not None and first <= s.author.round <= author.round}
    return tuple(s._replace(author=known.get((s.kind, s.text), s.author))
                 if s.author == author else s for s in track)


def _same(a: Bracket, b: Bracket) -> bool:
    """Two copies' brackets are one when they offer the same words (ids differ per copy)."""
    return {tuple(sorted(o.texts.items())) for o in a.options} == {
        tuple(sorted(o.texts.items())) for o in b.options}


def _their_brackets(m: Minutes, p: Paragraph, theirs: Paragraph, made: list[Bracket]
                    ) -> list[Bracket]:
    """The open brackets they made in their copy, on the same words in ours."""
    out: list[Bracket] = []
    for tb in theirs.brackets:
        if not tb.is_open or any(_same(tb, x) for x in (*p.brackets, *made)):
            continue
        spans = {}
        for lang, (s, e) in tb.spans.items():
            words, text = theirs.text(lang)[s:e], p.text(lang)
            found = [i for i in range(len(text)) if text.startswith(words, i)]
            if lang in m.languages and words and found:  # the nearest to where they had it
                start = min(found, key=lambda i: abs(i - s))
                spans[lang] = (start, start + len(words))
        if not spans:
            continue
        try:
            out.append(new_bracket(m, p.id, spans, list(tb.options), tb.created_at))
        except ValidationError:
            continue  # their words overlap a bracket of ours: ours stands, theirs is in its text
    return out


def _merge_headings(rec: Recorder, theirs: Minutes, base: Round, author: Author,
                    report: MergeReport) -> None:
    """Their heading edits, three-way like paragraphs (rounds before headings had none)."""
    theirs_by_id = {s.id: s for s in theirs.sections}
    for s in rec.m.sections:
        ts: Section | None = theirs_by_id.get(s.id)
        if ts is None or s.id not in base.texts:
            continue
        for lang in rec.m.languages:
            b, o = base.texts[s.id].get(lang, ""), s.heading.get(lang, "")
            merged = merge_text(b, o, ts.heading.get(lang, ""), delimit=True)
            if merged.text == o:
                continue
            track = retrack(s.tracks.get(lang) or plain(o), merged.text, author)
            rec.do(SetHeadingTrack(s.id, lang, merged.text, track))
            if s.id not in report.headings:
                report.headings.append(s.id)


def _new_paragraphs(rec: Recorder, theirs: Minutes, base: Round, author: Author,
                    report: MergeReport) -> None:
    """Paragraphs they added: fresh ids here (theirs may collide), placed after their neighbour."""
    m = rec.m
    for section in theirs.sections:
        previous: int | None = None
        for tp in section.paragraphs:
            if tp.id in base.texts:
                previous = tp.id if m.has_paragraph(tp.id) else previous
                continue
            fresh = Paragraph(m.allocate_id(), dict(tp.texts))
            if previous is not None:
                target = m.section_of(previous)
                position = [x.id for x in target.paragraphs].index(previous) + 1
            else:
                target = next((s for s in m.sections if s.id == section.id), m.sections[-1])
                position = 0
            rec.do(InsertParagraph(target.id, position, fresh))
            rec.do(SetMark(fresh.id, ParagraphMark("insert", tp.mark.author if (
                tp.mark is not None and tp.mark.kind == "insert") else author)))
            report.inserted.append(fresh.id)
            previous = fresh.id


def _merge_all(rec: Recorder, theirs: Minutes, base: Round, author: Author,
               report: MergeReport) -> None:
    theirs_by_id = {p.id: p for p in theirs.paragraphs()}
    for p in list(rec.m.paragraphs()):
        if p.id not in base.texts:
            continue  # our own new paragraph: they have not seen it
        tp = theirs_by_id.get(p.id)
        if tp is None:  # gone from their text: deleted in the round that dropped it
            gone = next((r for r in report.rounds if p.id not in r.texts), None)
            rec.do(SetMark(p.id, ParagraphMark("delete", author if gone is None else Author(
                gone.side, gone.number, gone.time))))
            report.deleted.append(p.id)
            continue
        _merge_paragraph(rec, p, base.texts[p.id], tp, author, report)
        if tp.mark is not None and tp.mark.kind == "delete" and p.mark is None:
            rec.do(SetMark(p.id, tp.mark))  # their deletion, pending in their copy
            report.deleted.append(p.id)
    _merge_headings(rec, theirs, base, author, report)
    _new_paragraphs(rec, theirs, base, author, report)
    from minutes_app.tracking.annex_merge import merge_annexes

    merge_annexes(rec, theirs, base, author, report)


def _in_our_ids(r: Round, theirs: Minutes, base: Round, fresh: list[int]) -> Round:
    """Their round with the ids their new paragraphs got here (the history reads rounds by id)."""
    new = [p.id for s in theirs.sections for p in s.paragraphs if p.id not in base.texts]
    renamed = dict(zip(new, fresh, strict=True))  # in the order _new_paragraphs gave them
    if not renamed:
        return r
    texts = {renamed.get(k, k): v for k, v in r.texts.items()}
    order = tuple((sid, tuple(renamed.get(p, p) for p in pids)) for sid, pids in r.order)
    return replace(r, texts=texts, order=order)


def merge(ours: Minutes, theirs: Minutes, now: str) -> tuple[Operation, MergeReport]:
    """One operation bringing their rounds into ours, and what it does.

    ``ours`` is unchanged on return; apply the operation (one undo step), then append
    ``report.rounds`` (those not already there) to the rounds, in order.
    """
    base = common_round(ours, theirs)
    rounds = _their_rounds(ours, theirs, base, now)
    their = rounds[-1]
    author = Author(their.side, their.number, their.time)
    report = MergeReport(round=their, rounds=rounds)
    rec = Recorder(ours)
    try:
        _renumber_unsent(rec, theirs, rounds[0], their.number + 1)
        _merge_all(rec, theirs, base, author, report)
        report.rounds = [_in_our_ids(r, theirs, base, report.inserted) for r in rounds]
        report.round = report.rounds[-1]
        report.languages = missing_languages(ours, theirs)
        return Batch(tuple(rec.ops)), report
    finally:
        rec.roll_back()


def _sent_with(theirs: Minutes, first: Round, own: Side, ident: int, lang: Lang,
               text: str, track: Track, heading: bool) -> frozenset[tuple[str, str]]:
    """Our pending edits (kind, text) that went out in their first new round: it was sent
    by our Side (the other copy sent them) and holds them, or holds our very text."""
    if first.side is not own:
        return frozenset()
    if first.texts.get(ident, {}).get(lang) == text:
        return frozenset((s.kind, s.text) for s in track)
    if heading:
        holder = next((s for s in theirs.sections if s.id == ident), None)
        held = holder.tracks if holder is not None else {}
    else:
        held = theirs.paragraph(ident).tracks if theirs.has_paragraph(ident) else {}
    return frozenset((s.kind, s.text) for s in held.get(lang, ())
                     if s.author is not None and s.author.side is own
                     and s.author.round == first.number)


def _renumber_unsent(rec: Recorder, theirs: Minutes, first: Round, new: int) -> None:
    """Our edits not sent yet move to the round after their last (those that went out in
    their first new round, sent by our Side from the other copy, keep it)."""
    ours, old = rec.m, rec.m.working_round
    for p in ours.paragraphs():
        for lang, track in list(p.tracks.items()):
            sent = _sent_with(theirs, first, ours.own_side, p.id, lang, p.text(lang), track,
                              False)
            moved = renumber_own_edits(track, ours.own_side, old, new, sent)
            if moved != track:
                rec.do(SetTrack(p.id, lang, p.text(lang), moved))
    for s in ours.sections:
        for lang, track in list(s.tracks.items()):
            text = s.heading.get(lang, "")
            sent = _sent_with(theirs, first, ours.own_side, s.id, lang, text, track, True)
            moved = renumber_own_edits(track, ours.own_side, old, new, sent)
            if moved != track:
                rec.do(SetHeadingTrack(s.id, lang, text, moved))
    from minutes_app.tracking.annexes import renumber_own_annex_edits

    for op in renumber_own_annex_edits(ours, old, new):
        rec.do(op)




def missing_languages(ours: Minutes, theirs: Minutes) -> list[tuple[Lang, int]]:
    """Their languages ours lacks, with how many paragraphs and headings hold text in them."""
    out = []
    for lang in theirs.languages:
        if lang in ours.languages:
            continue
        n = sum(1 for p in theirs.paragraphs() if p.text(lang).strip())
        n += sum(1 for s in theirs.sections if s.heading.get(lang, "").strip())
        if n:
            out.append((lang, n))
    return out


def language_notes(report: MergeReport) -> list[Message]:
    """The text of their languages ours lacks, one line each: it was not merged."""
    return [Message(N_("Their copy also has {language} text ({n} paragraphs or headings), a "
                       "language these minutes do not have: it was not merged."),
                    {"language": lang_message(lang), "n": n})
            for lang, n in report.languages]


def brings_nothing(ours: Minutes, theirs: Minutes, report: MergeReport) -> bool:
    """True when a merge would change no text and add no round the other copy really sent
    (merging a copy with itself, or the same copy twice): then nothing must be recorded."""
    if (report.changed or report.inserted or report.deleted or report.conflicts
            or report.annexes or report.annexes_added or report.delegations):
        return False
    r = report.round
    return (r is None or all(x in ours.rounds for x in report.rounds or [r])
            or r not in theirs.rounds)
