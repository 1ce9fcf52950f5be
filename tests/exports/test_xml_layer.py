"""The one XML layer: elements in the schema's order, python-docx through its public API only."""

from __future__ import annotations

import re
from pathlib import Path

from minutes_app.docx_io import xml as wml

DOCX_IO = Path(wml.__file__).parent


def _children(parent: wml.Element) -> list[str]:
    return [child.tag.rsplit("}", 1)[-1] for child in parent]


def test_properties_are_inserted_where_the_schema_puts_them() -> None:
    ppr = wml.element('<w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>')
    for markup in (wml.spacing(6), wml.on_off("keepNext"), wml.on_off("autoSpaceDN", "0"),
                   wml.on_off("autoSpaceDE", "0"), "<w:rPr/>"):
        wml.insert_ordered(ppr, markup, wml.PPR_ORDER)
    assert _children(ppr) == ["pStyle", "keepNext", "autoSpaceDE", "autoSpaceDN", "spacing",
                              "jc", "rPr"]
    settings = wml.element('<w:settings><w:zoom w:val="bestFit"/><w:defaultTabStop w:val="720"/>'
                           '<w:compat/></w:settings>')
    wml.insert_ordered(settings, wml.on_off("trackRevisions"), wml.SETTINGS_ORDER)
    assert _children(settings) == ["zoom", "trackRevisions", "defaultTabStop", "compat"]


def test_markup_and_tree_agree() -> None:
    fonts = wml.Fonts()
    p = wml.element(wml.paragraph("", keep_next=True, space_after_pt=2, align="both"))
    run = wml.text_run(p, "제14차 \x0b<회의>", None, fonts, bold=True, size_pt=9)
    assert _children(p) == ["pPr", "r"]
    assert _children(p[0]) == ["keepNext", "spacing", "jc"]
    assert _children(run) == ["rPr", "t"]
    assert _children(run[0]) == ["rFonts", "b", "sz", "szCs", "lang"]  # Hangul: Korean
    assert run[1].text == "제14차 <회의>"  # the vertical tab XML cannot hold is dropped


def test_no_private_python_docx_names() -> None:
    # an attribute "._x" of anything but our own objects (self) and NamedTuple's _replace
    private = re.compile(r"(\w*)([\])]?)\._([a-z]\w*)")
    found = [f"{path.name}: {hit.group(0)}" for path in sorted(DOCX_IO.glob("*.py"))
             for hit in private.finditer(path.read_text(encoding="utf-8"))
             if not ((hit.group(1) == "self" and not hit.group(2)) or hit.group(3) == "replace")]
    assert found == []
    sources = [p.read_text(encoding="utf-8") for p in DOCX_IO.glob("*.py")]
    assert not any("docx.oxml" in s or "docx.opc" in s for s in sources)  # python-docx's insides
