"""Messages by code: the core says a code and parameters; the edge says them in words."""

from __future__ import annotations

import string
from collections.abc import Iterator

import pytest
from babel.messages.pofile import read_po

from minutes_app.checks.readiness import reasons
from minutes_app.cli.main import locale_language
from minutes_app.errors import Message, ValidationError
from minutes_app.i18n import catalog
from minutes_app.i18n.messages import error_text, render
from minutes_app.model import Lang
from minutes_app.workflows.templates import demo


@pytest.fixture
def korean() -> Iterator[None]:
    catalog.set_language("ko")
    yield
    catalog.set_language("en")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_translation_keeps_the_fields_of_its_code() -> None:
    with catalog.po_path("ko").open("rb") as fh:
        for entry in read_po(fh):
            if entry.id and isinstance(entry.id, str) and isinstance(entry.string, str) \
                    and entry.string:
                assert _fields(entry.string) == _fields(entry.id), entry.id


def test_an_error_is_english_in_logs_and_korean_on_screen(korean: None) -> None:
    m = demo()
    with pytest.raises(ValidationError) as raised:
        m.paragraph(9999)
    exc = raised.value
    assert str(exc) == "There is no paragraph with id 9999."
    assert exc.msg == Message("There is no paragraph with id {pid}.", {"pid": 9999})
    assert error_text(exc) == "식별자가 “9999”인 문단이 없습니다."
    with pytest.raises(ValidationError) as raised:
        m.check_lang(Lang.RU)
    assert "'ru'" in str(raised.value) and "언어 'ru'은(는) 이 문서에 없습니다" in error_text(
        raised.value)


def test_a_reason_is_said_in_the_language_in_force_when_shown(korean: None) -> None:
    found = reasons(demo())
    catalog.set_language("en")
    assert found[0].message == "Paragraph 3 has pending revisions."  # English, made under ko
    catalog.set_language("ko")
    assert render(found[0].msg) == "제3항에 처리되지 않은 수정 사항이 있습니다."
    assert render(found[0].msg, english=True) == found[0].message


def test_a_broken_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    import minutes_app.i18n.messages as messages

    msg = Message("Paragraph {n}", {"n": 4})
    monkeypatch.setattr(messages, "_", lambda code: "제{number}항")  # a field renamed by mistake
    assert render(msg) == "Paragraph 4"
    monkeypatch.setattr(messages, "_", lambda code: "제{n}항")
    assert render(msg) == "제4항"


@pytest.mark.parametrize(("env", "lang"), [
    ({"LANG": "ko_KR.UTF-8"}, "ko"), ({"LC_ALL": "en_GB.UTF-8", "LANG": "ko_KR.UTF-8"}, "en"),
    ({"LANG": "ru_RU.UTF-8"}, "en"), ({}, "en"), ({"LC_MESSAGES": "ko_KR"}, "ko")])
def test_the_command_line_follows_the_locale(monkeypatch: pytest.MonkeyPatch,
                                              env: dict[str, str], lang: str) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert locale_language() == lang


def test_what_an_error_names_is_said_in_korean_too(korean: None) -> None:
    from minutes_app.model import SetText

    m = demo()
    pid = m.paragraphs()[0].id
    with pytest.raises(ValidationError) as raised:
        SetText(pid, Lang.EN, "a\x07b").apply(m)
    assert str(raised.value) == "Paragraph text contains a control character (U+0007)."
    assert error_text(raised.value) == "문단 본문에 제어 문자(U+0007)가 있습니다."
