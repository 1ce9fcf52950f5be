"""The demo's negotiation: three rounds between the Korean and Russian Sides.

Built with the same operations a user's edits go through, so the demo is also a test of them.
Round 1 (Korean Side, 10 Dec 2020) sends the draft; round 2 (Russian Side, 14 Dec) comes back
with changes; the Korean Side accepts some, brackets one disputed date, agrees one paragraph
ad referendum and makes edits of its own for round 3.
"""

from __future__ import annotations

from minutes_app.model import Lang, Minutes, Operation, SetStatus, Side, Status
from minutes_app.model.brackets import BracketOption
from minutes_app.model.track import Author
from minutes_app.tracking.brackets import bracket_op, choose_op
from minutes_app.tracking.decide import decision, select
from minutes_app.tracking.ops import EditText
from minutes_app.tracking.rounds import snapshot

R1 = "2020-12-10T09:00:00Z"
R2 = "2020-12-14T08:30:00Z"
R3 = "2020-12-16T10:00:00Z"
SIGNED = "2020-12-18T07:00:00Z"

# (paragraph number, language, old words, new words)
RUSSIAN_CHANGES = [
    (3, Lang.EN, "to continue efforts", "to continue joint efforts"),
    (3, Lang.KO, "실질 협력 확대 노력을", "실질 협력 확대를 위한 공동의 노력을"),
    (6, Lang.EN, "requested the active cooperation", "requested the cooperation"),
    (6, Lang.KO, "적극적인 협조를", "협조를"),
    (9, Lang.EN, "be minimised.",
     "be minimised, taking into account the situation on the domestic grain market of the "
     "Russian Federation."),
    (9, Lang.KO, "영향이 최소화될", "영향이 러시아연방 국내 곡물시장 상황을 고려하여 최소화될"),
    (10, Lang.EN, "the Trans-Siberian Railway", "the Trans-Siberian Railway and the Northern Sea "
     "Route"),
    (10, Lang.KO, "시베리아횡단철도", "시베리아횡단철도 및 북극항로"),
    (12, Lang.EN, "in early 2021", "in the first half of 2021"),
    (12, Lang.KO, "2021년 초", "2021년 상반기"),
    (3, Lang.RU, "продолжить усилия", "продолжить совместные усилия"),
    (6, Lang.RU, "оказать активное содействие", "оказать содействие"),
    (9, Lang.RU, "деятельность корейских компаний.", "деятельность корейских компаний с учетом "
     "ситуации на внутреннем зерновом рынке Российской Федерации."),
    (10, Lang.RU, "Транссибирской магистрали", "Транссибирской магистрали и Северного морского "
     "пути"),
    (12, Lang.RU, "в начале 2021 г.", "в первом полугодии 2021 г."),
]
KOREAN_CHANGES = [
    (9, Lang.EN, "on the domestic grain market of the Russian Federation",
     "on the domestic grain market"),
    (9, Lang.KO, "러시아연방 국내 곡물시장", "국내 곡물시장"),
    (11, Lang.EN, "start-up companies", "start-ups and venture investors"),
    (11, Lang.KO, "스타트업 간", "스타트업 및 벤처투자자 간"),
    (9, Lang.RU, "на внутреннем зерновом рынке Российской Федерации",
     "на внутреннем зерновом рынке"),
    (11, Lang.RU, "стартап-компаниями", "стартапами и венчурными инвесторами"),
]
# the date in brackets in paragraph 12: (language, the Russian Side's words, the Korean Side's)
BRACKETED = ((Lang.EN, "the first half of 2021", "early 2021"),
             (Lang.KO, "2021년 상반기", "2021년 초"),
             (Lang.RU, "первом полугодии 2021 г.", "начале 2021 г."))


def _pid(m: Minutes, number: int) -> int:
    return next(p.id for p in m.paragraphs() if m.number(p.id) == number)


def _edit(m: Minutes, number: int, lang: Lang, old: str, new: str, author: Author) -> None:
    if lang not in m.languages:
        return
    pid = _pid(m, number)
    text = m.paragraph(pid).text(lang)
    assert old in text, (number, lang, old)
    EditText(pid, lang, text.replace(old, new, 1), author).apply(m)


def _apply(m: Minutes, op: Operation) -> None:
    op.apply(m)


def add_negotiation(m: Minutes) -> Minutes:
    """Give the demo its three rounds, pending revisions, a bracket and an ad ref paragraph."""
    m.rounds.append(snapshot(m, Side.KR, R1, "Draft agreed minutes sent to the Russian Side"))
    ru = Author(Side.RU, 2, R2)
    for number, lang, old, new in RUSSIAN_CHANGES:
        _edit(m, number, lang, old, new, ru)
    m.rounds.append(snapshot(m, Side.RU, R2, "Comments of the Russian Side"))
    p6 = _pid(m, 6)  # the Korean Side accepts the Russian deletion of "active"
    _apply(m, decision(m, select(m, lambda r: r.paragraph_id == p6), accept=True))
    kr = Author(Side.KR, 3, R3)
    for number, lang, old, new in KOREAN_CHANGES:
        _edit(m, number, lang, old, new, kr)
    p12 = _pid(m, 12)
    for lang, ru_words, kr_words in BRACKETED:
        if lang not in m.languages:
            continue
        start = m.paragraph(p12).text(lang).index(ru_words)
        options = [BracketOption(ru_words, Side.RU), BracketOption(kr_words, Side.KR)]
        _apply(m, bracket_op(m, p12, lang, start, start + len(ru_words), options, R3))
    _apply(m, SetStatus(_pid(m, 8), Status.AGREED_AD_REF, Side.RU))
    return m


def settle(m: Minutes) -> Minutes:
    """The demo as it stands at signing: every revision decided, every paragraph agreed."""
    for lang in sorted(m.languages, key=[Lang.EN, Lang.KO, Lang.RU].index):
        _apply(m, choose_op(m, _pid(m, 12), lang, 0, 0, SIGNED))
    _apply(m, decision(m, select(m, lambda r: True), accept=True))
    p14 = _pid(m, 14)  # the known discrepancy: the Forum is held in 2021 in both languages
    _edit(m, 14, Lang.KO, "2022년", "2021년", Author(Side.KR, m.working_round, SIGNED))
    _apply(m, decision(m, select(m, lambda r: r.paragraph_id == p14), accept=True))
    for p in m.paragraphs():
        _apply(m, SetStatus(p.id, Status.AGREED))
    return m
