"""Every fixed phrase of the signed text, in every document language: ONE table to review.

Document text, not interface text: these never go through gettext. Phrases that name a Side
are written out per Side, because Russian declines the name ("За Российскую Сторону", "За
Правительство Российской Федерации") and no rule of ours should guess a case ending.
``docs/fixed-phrases.md`` is rendered from this table by ``tools/render_phrases.py``.
"""

from __future__ import annotations

from minutes_app.model import Lang, Side

KO, EN, RU = Lang.KO, Lang.EN, Lang.RU
KR, RUS = Side.KR, Side.RU

# key -> language -> text; "{...}" are filled in by minutes_app.i18n.names
PHRASES: dict[str, dict[Lang, str]] = {
    "title": {
        EN: "Agreed Minutes of the {ordinal} Meeting of the {body}",
        KO: "{body} {ordinal} 회의 합의의사록",
        RU: "Согласованный протокол {ordinal} заседания {body}",
    },
    "closing": {
        EN: "Done at {place} on {date}, in duplicate, in the {languages} languages, "
            "all texts being equally authentic.",
        KO: "{date} {place}에서 동등하게 정본인 {languages}로 각 2부씩 작성되었다.",
        RU: "Совершено в {place} {date} в двух экземплярах, каждый на {languages} языках, "
            "причём все тексты имеют одинаковую силу.",
    },
    "prevailing": {
        EN: "In case of any divergence of interpretation, the {language} text shall prevail.",
        KO: "해석상 차이가 있을 경우에는 {language}본이 우선한다.",
        RU: "В случае расхождения в толковании используется текст на {language} языке.",
    },
    "ad_ref": {
        EN: "(agreed ad referendum)", KO: "(본국 확인 조건부 합의)",
        RU: "(согласовано ad referendum)",
    },
    "annex": {EN: "Annex {roman}", KO: "별첨 {number}", RU: "Приложение {roman}"},
    "head_of_delegation": {EN: "Head of Delegation", KO: "수석대표", RU: "Глава делегации"},
    "members": {EN: "Members", KO: "대표단원", RU: "Члены делегации"},
    "verification": {
        EN: "Verification sheet (not part of the signed text)",
        KO: "검증표 (서명 문서의 일부가 아님)",
        RU: "Лист проверки (не является частью подписанного текста)",
    },
    "verification_note": {
        EN: "SHA-256 of the normalised signed text of each language "
            "(check with: minutes-app verify FILE.minutes ORIGINAL)",
        KO: "언어별 정규화된 서명 본문의 SHA-256 "
            "(확인: minutes-app verify FILE.minutes ORIGINAL)",
        RU: "SHA-256 нормализованного подписанного текста на каждом языке "
            "(проверка: minutes-app verify FILE.minutes ORIGINAL)",
    },
}

# The languages as named inside each language's closing formula (Russian: prepositional case,
# "на корейском и английском языках"; the same form serves the prevailing-text clause).
LANGUAGE_NAMES: dict[Lang, dict[Lang, str]] = {
    EN: {KO: "Korean", EN: "English", RU: "Russian"},
    KO: {KO: "한국어", EN: "영어", RU: "러시아어"},
    RU: {KO: "корейском", EN: "английском", RU: "русском"},
}

CONJUNCTION: dict[Lang, str] = {EN: " and ", KO: "와 ", RU: " и "}  # Korean: 와/과 by batchim

# Phrases naming a Side: key -> Side -> language -> text.
SIDE_PHRASES: dict[str, dict[Side, dict[Lang, str]]] = {
    "signature.government": {
        KR: {EN: "For the Government of the Republic of Korea", KO: "대한민국 정부를 대표하여",
             RU: "За Правительство Республики Корея"},
        RUS: {EN: "For the Government of the Russian Federation",
              KO: "러시아연방 정부를 대표하여", RU: "За Правительство Российской Федерации"},
    },
    "signature.side": {
        KR: {EN: "For the Korean Side", KO: "한국측을 대표하여", RU: "За Корейскую Сторону"},
        RUS: {EN: "For the Russian Side", KO: "러시아측을 대표하여", RU: "За Российскую Сторону"},
    },
    "signature.delegation": {
        KR: {EN: "For the Korean Delegation", KO: "한국 대표단을 대표하여",
             RU: "За Корейскую делегацию"},
        RUS: {EN: "For the Russian Delegation", KO: "러시아 대표단을 대표하여",
              RU: "За Российскую делегацию"},
    },
    "delegation_list": {
        KR: {EN: "Delegation of the Republic of Korea", KO: "대한민국 대표단 명단",
             RU: "Состав делегации Республики Корея"},
        RUS: {EN: "Delegation of the Russian Federation", KO: "러시아연방 대표단 명단",
              RU: "Состав делегации Российской Федерации"},
    },
}

SIGNATURE_HEADINGS = ("government", "side", "delegation")


def phrase(key: str, lang: Lang) -> str:
    """A fixed phrase in ``lang`` (unfilled)."""
    return PHRASES[key][lang]


def side_phrase(key: str, side: Side, lang: Lang) -> str:
    """A fixed phrase naming ``side`` in ``lang``."""
    return SIDE_PHRASES[key][side][lang]
