"""Find and replace over everything the signed text holds as words of the document: the title,
the meeting details, the section headings, the paragraphs and the annexes (free annexes and
delegation lists).

Each replacement is the edit the rest of the application makes at that place (a tracked edit
once rounds exist), so Replace all is one operation and one undo step. The title is made from
the meeting details: only its body name is the document's text, and a match there changes that
field; its fixed words and the ordinal are never replaced. Delegation lists hold people's names,
titles and organisations: they are found, but only the Annexes dialog changes them. The
meeting details' own fields (venue, heads of delegation…) are replaced as the title's body name
is; their ordinal and dates are found but not replaced (see ``search_meeting``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from minutes_app.i18n.names import title, title_body_field, title_body_span
from minutes_app.model import Batch, Lang, Minutes, Operation, Side, Status
from minutes_app.model.annexes import DELEGATION, FREE
from minutes_app.model.brackets import status_of
from minutes_app.model.search import (
    ANNEX, MEETING, MEMBER, TITLE, Match, Unit, find_in, next_in, pattern, units,
)
from minutes_app.model.track import Author
from minutes_app.workflows import search_meeting

FIELDS = ("name", "title", "organisation")  # a delegation list member's fields, in this order


class Replaced(NamedTuple):
    """What Replace all did: its one operation and how many occurrences it replaced or left."""

    op: Operation
    replaced: int
    agreed: int = 0  # left in agreed paragraphs (only reopening one changes it)
    fixed: int = 0  # in the title's fixed words or ordinal (never the document's text)
    names: int = 0  # in delegation lists (changed in the Annexes dialog only)
    meeting: int = 0  # of ``replaced``, in the title's body name: the meeting details changed
    details: int = 0  # of ``replaced``, in the other fields of the meeting details
    dated: int = 0  # in the meeting's ordinal or dates (changed in the meeting dialog only)


def everything(m: Minutes) -> list[Unit]:
    """Every searched place in the order of the signed text (title, sections, annexes), then
    the meeting details: the words the user reads come first."""
    return [*_titles(m), *units(m), *_annexes(m), *search_meeting.units(m)]


def _titles(m: Minutes) -> Iterator[Unit]:
    yield (TITLE, 0, 0, False), {lang: _title(m, lang, None) for lang in m.languages}
    other = _other_side(m)  # its original's title, where its body name differs
    texts = {lang: _title(m, lang, other) for lang in m.languages
             if title_body_field(m, lang, other) != "body"
             and m.meeting.body_alternat.get(lang) != m.meeting.body.get(lang)}
    if texts:
        yield (TITLE, 1, 0, False), texts


def _title(m: Minutes, lang: Lang, copy_for: Side | None) -> str:
    try:
        return title(m, lang, copy_for)
    except Exception:  # a title that cannot be made (no ordinal form): nothing to find there
        return ""


def _other_side(m: Minutes) -> Side:
    return next(side for side in Side if side is not m.meeting.text_order)


def _annexes(m: Minutes) -> Iterator[Unit]:
    for index, a in enumerate(m.annexes):
        if a.kind == FREE:
            yield (ANNEX, index, 0, False), a.heading
            for k, texts in enumerate(a.paragraphs, start=1):
                yield (ANNEX, index, k, False), texts
        elif a.kind == DELEGATION:
            for i, person in enumerate(a.members):
                for f, name in enumerate(FIELDS):
                    yield (MEMBER, index, i * len(FIELDS) + f, False), getattr(person, name)


def find_all(m: Minutes, needle: str, langs: list[Lang], match_case: bool = False
             ) -> Iterator[Match]:
    """Every occurrence anywhere, in the order of the signed text."""
    return find_in(everything(m), needle, langs, match_case)


def find_next(m: Minutes, needle: str, langs: list[Lang], after: Match | None,
              match_case: bool = False) -> Match | None:
    """The first occurrence anywhere after ``after`` (wrapping around), or None."""
    return next_in(everything(m), needle, langs, after, match_case)


def text_at(m: Minutes, hit: Match) -> str | None:
    """The current text of the place ``hit`` is in (None when that place is gone)."""
    return dict(everything(m)).get(hit.unit, {}).get(hit.lang) if _exists(m, hit) else None


def _exists(m: Minutes, hit: Match) -> bool:
    if hit.place in (ANNEX, MEMBER):
        return 0 <= hit.pid < len(m.annexes)
    if hit.place == MEETING:
        return 0 <= hit.pid < len(search_meeting.FIELDS)
    if hit.place == TITLE:
        return True
    return (any(s.id == hit.pid for s in m.sections) if hit.heading
            else m.has_paragraph(hit.pid))


def is_agreed(m: Minutes, hit: Match) -> bool:
    """Whether ``hit`` is in an agreed paragraph (which only a reopening may change)."""
    return (not hit.place and not hit.heading
            and status_of(m.paragraph(hit.pid)) in (Status.AGREED, Status.AGREED_AD_REF))


def replace_one(m: Minutes, hit: Match, replacement: str, now: str) -> Operation | None:
    """The edit replacing ``hit``, or None where Find cannot change the text: the title's
    fixed words or ordinal, a delegation list, the meeting's ordinal or dates."""
    text = text_at(m, hit)
    if text is None or hit.place == MEMBER:
        return None
    if hit.place == MEETING:
        new = text[:hit.start] + replacement + text[hit.end:]
        return (search_meeting.edit(hit.pid, hit.lang, new)
                if search_meeting.replaceable(hit.pid) else None)
    if hit.place == TITLE:
        copy_for = _other_side(m) if hit.pid else None
        start, end = title_body_span(m, hit.lang, copy_for)
        if not start <= hit.start <= hit.end <= end:
            return None
        body = text[start:end]
        new = body[:hit.start - start] + replacement + body[hit.end - start:]
        return _title_edit(m, hit.lang, copy_for, new)
    return _edit(m, hit, text[:hit.start] + replacement + text[hit.end:], now)


def replace_all(m: Minutes, needle: str, replacement: str, langs: list[Lang],
                match_case: bool, now: str) -> Replaced:
    """One operation replacing every occurrence Find can change, with the counts of those
    it replaced and of those it left (agreed paragraphs, the title's fixed words, names)."""
    found = pattern(needle, match_case)
    ops: list[Operation] = []
    count = agreed = fixed = names = meeting = details = dated = 0
    for key, texts in everything(m):
        place, ident, part, heading = key
        for lang in langs:
            text = texts.get(lang, "")
            new, n = found.subn(lambda _: replacement, text)
            if not n:
                continue
            probe = Match(ident, lang, 0, 0, heading, place, part)
            if place == MEMBER:
                names += n
            elif place == MEETING and not search_meeting.replaceable(ident):
                dated += n
            elif place == MEETING:
                ops.append(search_meeting.edit(ident, lang, new))
                count += n
                details += n
            elif place == TITLE:
                copy_for = _other_side(m) if ident else None
                start, end = title_body_span(m, lang, copy_for)
                body, inside = found.subn(lambda _: replacement, text[start:end])
                fixed += n - inside
                if inside:
                    ops.append(_title_edit(m, lang, copy_for, body))
                    count += inside
                    meeting += inside
            elif is_agreed(m, probe):
                agreed += n
            else:
                ops.append(_edit(m, probe, new, now))
                count += n
    return Replaced(Batch(tuple(ops)), count, agreed, fixed, names, meeting, details, dated)


def _title_edit(m: Minutes, lang: Lang, copy_for: Side | None, body: str) -> Operation:
    """The meeting field the title takes its body name from, set to ``body`` (and the other
    original's name too when it is written the same: the two titles stay alike)."""
    from minutes_app.model.structure import SetMeetingText

    name = title_body_field(m, lang, copy_for)
    ops: list[Operation] = [SetMeetingText(name, lang, body)]
    meeting = m.meeting
    if name == "body" and meeting.body_alternat.get(lang) and (
            meeting.body_alternat.get(lang) == meeting.body.get(lang)):
        ops.append(SetMeetingText("body_alternat", lang, body))
    return ops[0] if len(ops) == 1 else Batch(tuple(ops))


def _edit(m: Minutes, hit: Match, text: str, now: str) -> Operation:
    """The user's edit of a paragraph, heading or free annex part (tracked after a round)."""
    from minutes_app.tracking.ops import edit_heading, edit_text

    if hit.place == ANNEX:
        return annex_edit(m, hit.pid, hit.part, hit.lang, text, now)
    if hit.heading:
        return edit_heading(m, hit.pid, hit.lang, text, now)
    return edit_text(m, hit.pid, hit.lang, text, now)


def annex_edit(m: Minutes, index: int, part: int, lang: Lang, text: str, now: str
               ) -> Operation:
    """The user's edit of one part of a free annex: tracked once a round has been exchanged."""
    from minutes_app.model.annex_tracks import SetAnnexTrack
    from minutes_app.tracking.annexes import EditAnnexText

    if m.tracking:
        return EditAnnexText(index, part, lang, text, Author(m.own_side, m.working_round, now))
    return SetAnnexTrack(index, part, lang, text, None)
