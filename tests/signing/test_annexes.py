"""Annexes in the model, the file, readiness and the command line; the alternat pairs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from minutes_app.checks.annex_refs import cited_in
from minutes_app.checks.readiness import reasons
from minutes_app.docx_io.signing import NotReadyToSignError, write_signing
from minutes_app.i18n.alternat import in_order, replacements
from minutes_app.model import Lang, Person, SetAnnexes, Side
from minutes_app.model import delegation as dl
from minutes_app.store import MinutesFile
from minutes_app.workflows.templates import demo

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.parametrize(("text", "lang", "cited"), [
    ("The lists of the delegations are attached as Annexes I and II.", Lang.EN, {1, 2}),
    ("as set out in Annex III", Lang.EN, {3}),
    ("양측 대표단 명단은 별첨 1 및 2와 같다.", Lang.KO, {1, 2}),
    ("Составы делегаций прилагаются (Приложения I и II).", Lang.RU, {1, 2}),
    ("согласно приложению № 4", Lang.RU, {4}),
    ("The annexed list", Lang.EN, set()),
])
def test_citations_in_each_language(text: str, lang: Lang, cited: set[int]) -> None:
    assert cited_in(text, lang) == cited


def test_signing_refused_for_a_missing_or_an_uncited_annex(tmp_path: Path) -> None:
    m = demo(agreed=True)
    assert not reasons(m)
    inverse, _change = SetAnnexes(tuple(m.annexes[:1])).apply(m)  # Annex II is cited, gone
    with pytest.raises(NotReadyToSignError) as refused:
        write_signing(m, tmp_path / "x.docx", Side.KR)
    assert [r.code for r in refused.value.reasons] == ["annex_missing"]
    assert "Annex II" in refused.value.reasons[0].message
    inverse.apply(m)
    SetAnnexes((*m.annexes, *dl.add_free(m, {Lang.EN: "Programme", Lang.KO: "일정"})[2:]))\
        .apply(m)
    codes = [r.code for r in reasons(m)]
    assert codes == ["annex_uncited", "annex_empty"]  # Annex III: not cited, no paragraphs
    SetAnnexes(dl.set_free(m, 3, Lang.EN, paragraphs=["Opening"])).apply(m)
    SetAnnexes(dl.set_free(m, 3, Lang.KO, paragraphs=["개회"])).apply(m)
    assert [r.code for r in reasons(m)] == ["annex_uncited"]
    SetAnnexes(dl.remove_annex(m, 3)).apply(m)
    assert not reasons(m)


def test_annexes_and_pairs_survive_the_file_and_undo(tmp_path: Path) -> None:
    m = demo(agreed=True)
    inverse, _change = SetAnnexes(dl.add_member(m, Side.KR, Lang.EN, "Ivan Kim|Adviser|MOFA", 2))\
        .apply(m)
    assert dl.members(m, Side.KR)[1].name == {Lang.EN: "Ivan Kim"}
    path = tmp_path / "a.minutes"
    MinutesFile.create(path, m).close()
    f, loaded = MinutesFile.open(path)
    f.close()
    assert loaded.annexes == m.annexes and loaded.pairs == m.pairs
    assert loaded.settings == m.settings and loaded.meeting == m.meeting
    inverse.apply(m)
    assert len(dl.members(m, Side.KR)) == 4


def test_csv_with_a_column_per_field_and_language_round_trips() -> None:
    m = demo(agreed=True)
    text = dl.members_to_csv(dl.members(m, Side.RU), m.languages)
    assert text.splitlines()[0] == ("name_ko,title_ko,organisation_ko,"
                                    "name_en,title_en,organisation_en")
    assert dl.members_from_csv(text, m.languages) == tuple(
        dataclass_without(p, Lang.RU) for p in dl.members(m, Side.RU))


def dataclass_without(p: Person, lang: Lang) -> Person:
    return Person(*({k: v for k, v in getattr(p, f).items() if k is not lang}
                    for f in dl.FIELDS))


def test_alternat_pairs_replace_the_text_order_form_only() -> None:
    m = demo(agreed=True)
    assert replacements(m, Lang.EN, Side.KR) == {}
    table = replacements(m, Lang.EN, Side.RU)
    text = "the Korea-Russia Far East and Siberia Sub-committee and the Korea-Russia Forum"
    assert in_order(text, table) == ("the Russia-Korea Far East and Siberia Sub-committee and "
                                     "the Russia-Korea Forum")
    ru = replacements(m, Lang.RU, Side.RU)
    assert in_order("корейско-российского форума; Корейско-российский", ru) == \
        "российско-корейского форума; Российско-корейский"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


def test_cli_delegation_annex_and_verify(tmp_path: Path) -> None:
    path = tmp_path / "a.minutes"
    assert _run("demo", str(path), "--agreed").returncode == 0
    added = _run("delegation", str(path), "RU", "--add", "Ivan Petrov|Adviser|Ministry of Energy",
                 "--lang", "en")
    assert added.returncode == 0 and "4 en  Ivan Petrov|Adviser|Ministry of Energy" in added.stdout
    assert _run("delegation", str(path), "RU", "--set", "4", "이반 페트로프|보좌관|에너지부",
                "--lang", "ko").returncode == 0
    csv = tmp_path / "kr.csv"
    csv.write_text("name_ko,title_ko,organisation_ko,name_en,title_en,organisation_en\n"
                   "박지원,국장,외교부,Park Jiwon,Director-General,MOFA\n", encoding="utf-8")
    imported = _run("delegation", str(path), "KR", "--import", str(csv))
    assert imported.returncode == 0 and "1 en  Park Jiwon|Director-General|MOFA" in \
        imported.stdout and "  2 " not in imported.stdout
    bad = _run("delegation", str(path), "KR", "--set", "9", "X", "--lang", "en")
    assert bad.returncode == 1 and "There is no member 9" in bad.stderr
    out = tmp_path / "ru.docx"
    export = _run("export", str(path), "--kind", "signing", "--copy-for", "RU", "-o", str(out))
    assert export.returncode == 0, export.stderr
    ok = _run("verify", str(path), str(out))
    assert ok.returncode == 0 and "the original for the Russian Side" in ok.stdout
    assert "ko: the agreed text" in ok.stdout and "en: the agreed text" in ok.stdout
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(changed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.decode().replace("Ivan Petrov", "Ivan Petrova").encode()
            dst.writestr(item, data)
    refused = _run("verify", str(path), str(changed))
    assert refused.returncode == 1 and "en: NOT the agreed text" in refused.stdout
    assert "differs: Annex II" in refused.stdout and "ko: the agreed text" in refused.stdout
    korean = _run("--lang", "ko", "verify", str(path), str(changed))  # no English place names
    assert "러시아측 서명본" in korean.stdout and "다른 부분: 부속서 II" in korean.stdout
    assert not {"annex", "original", "differs", "paragraph"} & set(korean.stdout.split())
    text = tmp_path / "programme.txt"
    text.write_text("Opening remarks\n\nAdoption of the agenda\n", encoding="utf-8")
    annex = _run("annex", str(path), "--add", "--heading", "Programme", "--lang", "en")
    assert "Annex III" in annex.stdout and "Programme" in annex.stdout
    # the demo has exchanged rounds: the new paragraphs are pending revisions (tracked)
    assert "(2 paragraphs, pending revisions)" in _run("annex", str(path), "3", "--text",
                                                       str(text), "--lang", "en").stdout
    refusal = _run("export", str(path), "--kind", "signing", "-o", str(tmp_path / "x.docx"))
    assert refusal.returncode == 1 and "Annex III is not cited by the text" in refusal.stderr


def test_fingerprint_footer_on_request_instead_of_the_sheet(tmp_path: Path) -> None:
    m = demo(agreed=True)
    sheet, footer = tmp_path / "sheet.docx", tmp_path / "footer.docx"
    write_signing(m, sheet, Side.KR)
    write_signing(m, footer, Side.KR, fingerprint_footer=True)
    with zipfile.ZipFile(sheet) as a, zipfile.ZipFile(footer) as b:
        assert "Verification sheet" in a.read("word/document.xml").decode()
        assert "SHA-256" not in a.read("word/footer1.xml").decode()
        assert "Verification sheet" not in b.read("word/document.xml").decode()
        assert "SHA-256" in b.read("word/footer1.xml").decode()


def test_the_fixed_phrase_page_is_rendered_from_the_table() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from render_phrases import OUT, render

    assert OUT.read_text(encoding="utf-8") == render(), "run python tools/render_phrases.py"
    assert "За Российскую Сторону" in render() and "За Правительство Российской Федерации" \
        in render()


def test_documents_from_before_the_text_order_use_their_own_sides_order() -> None:
    from minutes_app.model.serialize import minutes_in, minutes_out

    data = minutes_out(demo(agreed=True))
    del data["meeting"]["text_order"], data["annexes"], data["pairs"]
    data["own_side"] = "RU"
    m = minutes_in(data)
    assert m.meeting.text_order is Side.RU and m.annexes == [] and m.pairs == []


def test_a_pair_of_places_follows_the_alternat_in_the_closing_formula() -> None:
    from minutes_app.checks.signed_text import body_lines
    from minutes_app.model import AlternatPair, SetPairs

    m = demo(agreed=True)
    places = AlternatPair(((Side.KR, {Lang.EN: "Seoul and Moscow", Lang.KO: "서울과 모스크바"}),
                           (Side.RU, {Lang.EN: "Moscow and Seoul", Lang.KO: "모스크바와 서울"})))
    SetPairs((*m.pairs, places)).apply(m)
    closing = {side: body_lines(m, Lang.EN, side)[-1].text for side in Side}
    assert closing[Side.KR].startswith("Done at Seoul and Moscow on 18 December 2020")
    assert closing[Side.RU].startswith("Done at Moscow and Seoul on 18 December 2020")
    korean = body_lines(m, Lang.KO, Side.RU)[-1].text
    assert korean.startswith("2020년 12월 18일 모스크바와 서울에서")


def test_a_free_annex_stating_another_number_in_one_language_is_refused() -> None:
    m = demo(agreed=True)
    SetAnnexes(dl.add_free(m, {Lang.EN: "Programme", Lang.KO: "일정"})).apply(m)
    SetAnnexes(dl.set_free(m, 3, Lang.EN, paragraphs=["Opening at 10:00 on 18 December 2020"]))\
        .apply(m)
    SetAnnexes(dl.set_free(m, 3, Lang.KO, paragraphs=["2020년 12월 19일 10:00 개회"])).apply(m)
    found = [r for r in reasons(m) if r.code == "annex_numbers"]
    assert [r.message for r in found] == [
        "Annex III, paragraph 1: the numbers or dates differ between Korean and English."]
    SetAnnexes(dl.set_free(m, 3, Lang.KO, paragraphs=["2020년 12월 18일 10:00 개회"])).apply(m)
    assert not [r for r in reasons(m) if r.code == "annex_numbers"]
