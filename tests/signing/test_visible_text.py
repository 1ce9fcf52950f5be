"""What a reader of a signing original can see, judged run by run: against what is drawn
behind the text nearest first (a highlight, the run's shading, the paragraph's or its table
cell's shading, the page)."""

from __future__ import annotations

from lxml import etree

from minutes_app.docx_io.story import paragraph
from minutes_app.docx_io.visible import Styles

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(inner: str) -> etree._Element:
    return etree.fromstring(f"<w:document {NS}><w:body>{inner}</w:body></w:document>")


def _seen(inner: str) -> tuple[str, set[str]]:
    doc = _body(inner)
    p = next(doc.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))
    return paragraph(p, Styles(None, doc))


def _run(text: str, props: str) -> str:
    return f"<w:r><w:rPr>{props}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def _cell(fill: str, run: str) -> str:
    return (f'<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
            f"</w:tcPr><w:p>{run}</w:p></w:tc></w:tr></w:tbl>")


def test_dark_text_in_a_dark_cell_is_hidden_and_light_text_there_is_seen() -> None:
    text, kinds = _seen(_cell("1F1F1F", _run("not binding", '<w:color w:val="202020"/>')))
    assert text == "" and "hidden" in kinds
    text, kinds = _seen(_cell("1F1F1F", _run("binding", '<w:color w:val="FFFFFF"/>')))
    assert text == "binding" and "hidden" not in kinds
    text, kinds = _seen(_cell("auto", _run("binding", '<w:color w:val="000000"/>')))
    assert text == "binding" and "hidden" not in kinds  # no fill: the page behind


def test_a_highlight_is_drawn_over_the_runs_shading() -> None:
    yellow_on_yellow = ('<w:color w:val="FFFF00"/><w:highlight w:val="yellow"/>'
                        '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>')
    text, kinds = _seen(f"<w:p>{_run('not', yellow_on_yellow)}</w:p>")
    assert text == "" and "hidden" in kinds
    black_on_yellow = ('<w:color w:val="000000"/><w:highlight w:val="yellow"/>'
                       '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>')
    text, kinds = _seen(f"<w:p>{_run('agreed', black_on_yellow)}</w:p>")
    assert text == "agreed" and "hidden" not in kinds
