"""An omission finding names the dropped field by the word the text writes ("tourism",
"туризма"), never by the stem it was matched with ("touris", "туризм"), which reads as a typo."""

from __future__ import annotations

from minutes_app.checks.conformity import findings
from minutes_app.i18n import findings as wording
from minutes_app.i18n.catalog import set_language
from minutes_app.model import Lang
from tests.checks.corpus_docs import EN, KO, RU, document

# the tester's case: the Russian and English texts add tourism, the Korean text does not
TEXTS = {
    KO: "양측은 문화 분야의 협력을 확대하기로 하였다.",
    RU: "Стороны договорились расширять сотрудничество в области культуры и туризма.",
    EN: "The Sides agreed to expand cooperation in culture and Tourism.",
}


def _omissions(langs: list[Lang]) -> dict[tuple[str, str], dict[str, str]]:
    m, _pids, _sid = document(langs, [TEXTS])
    return {(f.langs[0].value, f.langs[-1].value): dict(f.param)
            for f in findings(m) if f.kind == "omission" and "only_a" in dict(f.param)}


def test_the_words_are_shown_as_the_text_writes_them() -> None:
    found = _omissions([KO, RU, EN])
    assert found[("ko", "ru")]["only_b"] == "туризма"
    assert found[("ko", "en")]["only_b"] == "Tourism"  # the text's own case, whole word
    assert found[("ko", "ru")]["only_a"] == found[("ko", "en")]["only_a"] == "—"
    # the Russian and English texts name the same fields: no finding between them
    assert ("ru", "en") not in found


def test_the_match_stays_on_stems_a_finding_key_does_not_change_with_the_ending() -> None:
    m1, _p, _s = document([KO, EN], [TEXTS])
    m2, _p, _s = document([KO, EN], [TEXTS | {EN: TEXTS[EN].replace("Tourism", "tourists")}])
    (f1,) = [f for f in findings(m1) if f.kind == "omission"]
    (f2,) = [f for f in findings(m2) if f.kind == "omission"]
    assert f1.key == f2.key and f1.detail == f2.detail == "|touris"  # matched by the stem
    assert dict(f2.param)["only_b"] == "tourists"
    assert [s.text for s in f2.spans] == ["touris"]  # the place marked is unchanged


def test_a_list_of_words_and_the_korean_stem() -> None:
    m, _p, _s = document([KO, RU], [{
        KO: "양측은 수산 분야 협력을 논의하였다.",
        RU: "Стороны обсудили сотрудничество в энергетике, рыболовстве и сельском хозяйстве.",
    }])
    (f,) = [f for f in findings(m) if f.kind == "omission"]
    p = dict(f.param)
    assert p["only_b"] == "энергетике, сельском"
    assert p["only_a"] == "—"


def test_the_korean_sentence_shows_the_words() -> None:
    m, _p, _s = document([KO, RU, EN], [TEXTS])
    set_language("ko")
    try:
        said = [wording.describe(f) for f in findings(m) if f.kind == "omission"]
    finally:
        set_language("en")
    assert all("러시아어" in s or "영어" in s for s in said)
    assert any("туризма" in s for s in said) and any("Tourism" in s for s in said)
    assert not any("туризм." in s or "Touris." in s or "Touris;" in s for s in said)
