"""What shows nothing is not read as an ending or a double space: a text ending with a
zero-width space or a direction mark ends with what comes before it, and a tab is said to be a
tab, in either interface language."""

from __future__ import annotations

from minutes_app.checks.conformity import clear_caches, findings
from minutes_app.i18n import catalog
from minutes_app.i18n.findings import describe
from minutes_app.model import Lang, Minutes, SetText
from minutes_app.workflows.templates import demo


def _first(m: Minutes) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == 1)


def _kinds(m: Minutes, pid: int) -> dict[str, list[str]]:
    clear_caches()
    out: dict[str, list[str]] = {}
    for f in findings(m):
        if f.place_id == str(pid):
            out.setdefault(f.kind, []).append(describe(f))
    return out


def test_an_invisible_character_at_the_end_is_not_an_ending() -> None:
    m = demo(agreed=True)
    pid = _first(m)
    before = _kinds(m, pid)
    for mark in ("\u200b", "\u200f", "\u200d", "\ufeff", "\u200b\u200e"):
        SetText(pid, Lang.KO, m.paragraph(pid).text(Lang.KO).rstrip("\u200b\u200c\u200d\u200e"
                                                                    "\u200f\u2060\ufeff")
                + mark).apply(m)
        assert "punctuation" not in _kinds(m, pid), mark
    # a text that really ends differently is still found, invisible mark or not
    text = m.paragraph(pid).text(Lang.KO).rstrip("\u200b\u200e").rstrip(".")
    SetText(pid, Lang.KO, text + "\u200b").apply(m)
    found = _kinds(m, pid)
    assert "punctuation" in found and "—" in found["punctuation"][0]
    assert "punctuation" not in before


def test_a_tab_is_said_to_be_a_tab() -> None:
    m = demo(agreed=True)
    pid = _first(m)
    text = m.paragraph(pid).text(Lang.KO)
    SetText(pid, Lang.KO, text.replace(" ", "\t", 1)).apply(m)
    assert _kinds(m, pid)["spaces"] == ["Tab in the Korean text."]
    catalog.set_language("ko")
    try:
        said = _kinds(m, pid)["spaces"]
    finally:
        catalog.set_language("en")
    assert said == ["한국어 텍스트에 탭이 들어가 있습니다."]
    SetText(pid, Lang.KO, text.replace(" ", "  ", 1)).apply(m)  # two spaces stay so
    assert _kinds(m, pid)["spaces"] == ["Double space in the Korean text."]
