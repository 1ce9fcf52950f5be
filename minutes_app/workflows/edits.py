"""Workflows that edit the text: decisions on revisions, findings, brackets, languages."""

from __future__ import annotations

import json
from collections.abc import Sequence

from minutes_app.errors import N_, Message, MinutesError, ValidationError
from minutes_app.model import Lang, Minutes, Operation, Side
from minutes_app.tracking.time import now_iso
from minutes_app.workflows.exchange import side_name
from minutes_app.workflows.step import Report, Step


def decide(m: Minutes, accept: bool, ids: Sequence[str] = (), side: Side | None = None,
           paragraph: int | None = None, everything: bool = False, annex: int | None = None
           ) -> Step:
    """Accept or reject revisions named by id, of one Side, of one paragraph or annex, or all."""
    from minutes_app.tracking.decide import by_ids, decision, select

    if everything:
        chosen = select(m, lambda r: True)
        label = N_("Accept all revisions") if accept else N_("Reject all revisions")
    elif side is not None:
        chosen = select(m, lambda r: r.side is side)
        label = (N_("Accept all revisions of the {side}") if accept
                 else N_("Reject all revisions of the {side}"))
    elif paragraph is not None:
        numbers = [n for p in m.paragraphs() if (n := m.number(p.id)) is not None]
        if paragraph not in numbers:
            raise MinutesError("There is no paragraph {number} (the paragraphs are numbered 1 "
                               "to {last}).", number=paragraph, last=max(numbers, default=0))
        chosen = select(m, lambda r: r.number == paragraph and r.annex is None)
        label = (N_("Accept the revisions of paragraph {number}") if accept
                 else N_("Reject the revisions of paragraph {number}"))
    elif annex is not None:
        from minutes_app.model.delegation import annex_at

        annex_at(m, annex)  # (refused by name when it is not there)
        chosen = select(m, lambda r: r.annex is not None and r.annex[0] + 1 == annex)
        label = (N_("Accept the revisions of annex {annex}") if accept
                 else N_("Reject the revisions of annex {annex}"))
    elif ids:
        chosen = by_ids(m, ids)
        label = N_("Accept revisions") if accept else N_("Reject revisions")
    else:
        raise MinutesError("Name revisions by id, or use --all, --side S, --paragraph N or "
                           "--annex N.")
    params = {"n": len(chosen), "side": side_name(side) if side else "", "number": paragraph,
              "annex": annex}
    said = (N_("Accepted {n} revision(s).") if accept else N_("Rejected {n} revision(s)."))
    return Step(Message(label, params), decision(m, chosen, accept),
                Report("accept" if accept else "reject",
                       {"n": len(chosen), "ids": [r.id for r in chosen]},
                       (Message(said, {"n": len(chosen)}),)))


def dismiss(m: Minutes, key: str, reason: str) -> Step:
    """Dismiss a conformity finding with a reason (an empty reason restores it)."""
    from minutes_app.checks.conformity import findings
    from minutes_app.model import DismissFinding

    if key not in {f.key for f in findings(m, include_dismissed=True)}:
        raise MinutesError("There is no finding {key!r}; see 'minutes-app check'.", key=key)
    said = (Message(N_("Dismissed {key}: {reason}"), {"key": key, "reason": reason}) if reason
            else Message(N_("Restored {key}."), {"key": key}))
    label = Message(N_("Dismiss finding") if reason else N_("Restore finding"))
    return Step(label, DismissFinding(key, reason),
                Report("dismiss", {"key": key, "reason": reason}, (said,)))


def choose_option(m: Minutes, pid: int, lang: Lang, bracket: int, option: int,
                  now: str | None = None) -> Step:
    """Close the ``bracket``-th open bracket of a language (text order) by keeping an option."""
    from minutes_app.model.brackets import open_brackets

    found = open_brackets(m.paragraph(pid), lang)
    if not 0 <= bracket < len(found):
        raise ValidationError("There is no such open bracket.")
    return choose_bracket(m, pid, found[bracket].id, option, now)


def choose_bracket(m: Minutes, pid: int, bracket_id: int, option: int,
                   now: str | None = None) -> Step:
    """Close the bracket with id ``bracket_id`` of paragraph ``pid`` by keeping an option."""
    from minutes_app.tracking.brackets import choose_option as choose_op

    op = choose_op(m, pid, bracket_id, option, now or now_iso())
    params = {"pid": pid, "bracket_id": bracket_id, "option": option}
    return Step(Message(N_("Choose bracket option")), op,
                Report("choose", params, (Message(N_("Bracket closed.")),)))


def change_languages(m: Minutes, action: str, value: str, force: bool = False,
                     now: str | None = None) -> Step:
    """Add, remove or reorder the document's languages (recorded in the history)."""
    from minutes_app.model.languages import (
        AddLanguage, RemoveLanguage, SetLanguageOrder, language_holds_text, parse_languages,
    )

    op: Operation
    if action == "add":
        op, order = AddLanguage(Lang(value)), [*m.languages, Lang(value)]
    elif action == "remove":
        lang = Lang(value)
        m.check_lang(lang)
        if language_holds_text(m, lang) and not force:
            raise MinutesError("The {lang} text is not empty: removing the language deletes "
                               "it. Add --force to remove it anyway.", lang=lang.value)
        op, order = RemoveLanguage(lang), [x for x in m.languages if x is not lang]
    elif action == "order":
        order = parse_languages(value)
        op = SetLanguageOrder(tuple(order))
    else:
        raise MinutesError("Unknown language action {action!r}.", action=action)
    names = ",".join(x.value for x in order)
    entry = json.dumps({"action": action, "value": value, "languages": names})
    said = Message(N_("Languages: {languages}"), {"languages": names})
    return Step(Message(N_("Change languages")), op,
                Report("languages", {"action": action, "value": value, "languages": names},
                       (said,)), history=((now or now_iso(), "languages", entry),))
