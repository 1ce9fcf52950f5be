"""Negation carried by a word or a turn instead of a grammatical negation.

A correct translation often moves a negation out of the grammar and into a word: "이 의사록은
구속력이 없다" is "These Minutes are non-binding"; "허용될 수 없다" is "unacceptable" and
"недопустимо"; "합의하지 못하였다" is "failed to agree"; "달리 합의하지 않는 한" is "Unless
otherwise agreed". A text holding such a word is never said to have lost a negation.

Two kinds:

* ``SOFT_TURNS``: turns built with a negation word whose meaning is not negative, or whose
  negation the other languages write as a plain word ("이의가 없다": agreed; "нельзя не": must;
  "no objection"; "않는 한": unless; "아니라" / "не …, а" / "not … but": rather than). The
  negation check blanks them before it looks for markers, and they count as a softened text.
* ``_SOFT_WORDS``: words that carry a negation in their meaning (non-, un-…able, fail, without,
  unless, only, недопустимо, отсутствие, 금지, 실패). They are no markers (a text with one is
  not said to negate) but they excuse the other language's marker.
"""

from __future__ import annotations

import re
from typing import Final

from minutes_app.model import Lang

# "non-" words that name a kind of thing (비관세, нетарифные), not a thing not done
_NON_MODIFIERS: Final = (r"(?:tariff|governmental|government|profit|commercial|state|resident"
                         r"|ferrous|oil|energy|financial|food|member|permanent|core|market"
                         r"|public|nuclear|life)\b")

SOFT_TURNS: Final = {
    Lang.EN: re.compile(
        r"\bno\s+objections?\b|\b(?:not|never)\s+(?:to\s+)?object\w*|n[’']t\s+object\w*"
        r"|\b(?:can\s*not|can[’']t)\s+(?:but|help)\b|\bno\s+(?:choice|option|alternative)\s+but\b"
        r"|\b(?:no|not|nothing|none)\b[^.;:]{0,60}?\b(?:other\s+than|except|save\s+for|but\s+for)\b"
        r"|\bnot\s+[^.;:,]{1,40}?\s+but\s+(?!also\b)", re.IGNORECASE),
    Lang.KO: re.compile(
        r"(?:이의|이견|異議)\s?(?:가|이|는|도|를)?\s?(?:없|제기하지\s?않|표명하지\s?않)"
        r"|지\s?(?:않|아니하)는\s?한|없는\s?한"
        r"|아니라(?!고)"
        r"|(?:이외|외)에는[^.;]{0,40}?(?:않|없|못\s?하|아니)|밖에\s?(?:없|않|못)"
        r"|지\s?않을\s?수\s?없|(?:지\s?않|없)으면\s?안\s?되|수밖에\s?없"),
    Lang.RU: re.compile(
        r"\bнельзя\s+не\b|\bне\s+мо(?:жет|жем|гут|гли|г|гла)\s+не\b"
        r"|\bне\s+возража\w*|\b(?:не\s+имеет|нет)\s+возражений\b"
        r"|\bне\s+[^.;:,]{1,60},\s+а\b"
        r"|\bесли\s+(?:иное\s+)?(?:[^\W\d_]+\s+){0,3}?не\b"
        r"|\b(?:не|ни)\b[^.;]{0,60}?\bкроме\b", re.IGNORECASE),
}

_SOFT_WORDS: Final = {
    Lang.EN: re.compile(
        r"\b(?:non-?(?!" + _NON_MODIFIERS + r")[a-z]\w*|un\w+(?:able|ible)"
        r"|(?:in|im|ir)\w+(?:able|ible)|illegal\w*"
        r"|invalid\w*|unlawful\w*|insufficient\w*|inadequate\w*|inconsistent|incompatible"
        r"|inappropriate|unresolved|unsuccessful\w*|unwilling\w*|disagree\w*"
        r"|fail(?:s|ed|ing|ure)?|without|unless|rather\s+than|instead\s+of"
        r"|only|solely|exclusively|except|other\s+than|lack\w*|absen(?:ce|t)"
        r"|refrain\w*|abstain\w*|avoid\w*|prohibit\w*|forbid\w*|preclud\w*|declin\w*"
        r"|reject\w*|refus\w*|den(?:y|ied|ies|ial))\b",
        re.IGNORECASE),
    Lang.KO: re.compile(
        r"금지|자제|거부|거절|실패|결여|부재|제외|대신|불허|불가(?![피결])|불법|부적|불충분"
        r"|미흡|미해결|미이행|삼가|배제"),
    Lang.RU: re.compile(
        r"\b(?:недопуст\w*|неприем\w*|невозмож\w*|невыполн\w*|неиспол\w*|несоблюд\w*"
        r"|несоглас\w*|неспособ\w*|недостат\w*|необязател\w*|отсутств\w*|без|кроме|вместо"
        r"|лишь|только|исключительно|отказ\w*|воздерж\w*|запре\w*|избега\w*|отклон\w*"
        r"|ничто|ничего|никто|никак\w*|никогда"
        # a "не-" verbal noun: невмешательство, неприменение, нераспространение
        r"|не\w{3,}(?:ени|ани|тельств)\w{0,3})\b", re.IGNORECASE),
}


def softened(text: str, lang: Lang) -> bool:
    """Whether ``text`` carries a negation in a word or a turn (it excuses another's marker).

    ``text`` comes with the negation idioms blanked ("not only" holds no "only"); the
    grammatical markers are not among the words: the caller has found none in it.
    """
    turns, words = SOFT_TURNS.get(lang), _SOFT_WORDS.get(lang)
    return bool((turns is not None and turns.search(text))
                or (words is not None and words.search(text)))
