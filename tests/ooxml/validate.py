"""Validate the WordprocessingML parts of a DOCX against the ISO/IEC 29500-4 Transitional schemas.

A stand-in for "would Microsoft Word open this without repairing it?" as far as XML structure
goes: child order, duplicate or missing children, attribute types, required attributes.

Adapted from the project's shared validator (``../shared/ooxml/validate.py``, written for this
project's sessions; its README explains the choice of schemas and the checks): the same Markup
Compatibility processing (ECMA-376 Part 3), the same schema entry points, and its one check
beyond the schema, the order of ``w:rPr`` children as ECMA-376 1st edition declared it and Word
writes it. Changes here: typed, a function interface for the tests, no command line, and the
loaded schema kept once per process. The schema files in ``schemas/`` are unmodified copies
(see ``README.md`` beside this file for their provenance and Ecma's notice).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import re
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_XML = "http://www.w3.org/XML/1998/namespace"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
PREFIXES = {
    NS_W: "w",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    "urn:schemas-microsoft-com:office:word": "w10",
    NS_MC: "mc", NS_CT: "ct", NS_REL: "rel",
}
# wml.xsd imports the XML namespace without a schemaLocation: declare xml:space and xml:lang
XML_NS_SCHEMA = b"""<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
    targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xsd:attribute name="space">
    <xsd:simpleType>
      <xsd:restriction base="xsd:NCName">
        <xsd:enumeration value="default"/>
        <xsd:enumeration value="preserve"/>
      </xsd:restriction>
    </xsd:simpleType>
  </xsd:attribute>
  <xsd:attribute name="lang" type="xsd:string"/>
</xsd:schema>
"""
WML_ENTRY_POINTS = ["wml.xsd", "vml-main.xsd", "vml-officeDrawing.xsd",
                    "vml-wordprocessingDrawing.xsd", "dml-picture.xsd", "dml-chart.xsd",
                    "dml-diagram.xsd", "dml-lockedCanvas.xsd"]
Error = tuple[str, str]  # (where, message)


class _XmlNsResolver(etree.Resolver):
    # lxml-stubs declare resolve() without the context lxml passes to it
    def resolve(self, system_url: str | None, public_id: str | None,  # type: ignore[override]
                context: object) -> object:
        if system_url and system_url.endswith("xml-namespace-stub.xsd"):
            return self.resolve_string(XML_NS_SCHEMA, context, base_url=None)
        return None


def _target_ns(path: Path) -> str:
    with path.open("rb") as fh:
        for _, element in etree.iterparse(fh, events=("start",)):
            return str(element.get("targetNamespace"))
    return ""


def _closure(names: list[str]) -> list[str]:
    """Schema files reachable from ``names`` by import/include schemaLocation."""
    seen: list[str] = []
    todo = list(names)
    while todo:
        n = todo.pop(0)
        if n not in seen:
            seen.append(n)
            todo.extend(re.findall(r'schemaLocation="([^"]+)"',
                                   (SCHEMA_DIR / n).read_text(encoding="utf-8")))
    return seen


def load_schema(entry_points: list[str]) -> tuple[etree.XMLSchema, set[str]]:
    """The schema of ``entry_points`` and the namespaces it understands."""
    imports = [f'<xsd:import namespace="{_target_ns(SCHEMA_DIR / n)}" schemaLocation="{n}"/>'
               for n in entry_points]
    driver = ('<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"'
              ' targetNamespace="urn:x-docx-validate:driver">'
              f'<xsd:import namespace="{NS_XML}" schemaLocation="xml-namespace-stub.xsd"/>'
              + "".join(imports) + "</xsd:schema>")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_XmlNsResolver())
    doc = etree.fromstring(driver.encode(), parser, base_url=str(SCHEMA_DIR / "driver.xsd"))
    understood = {NS_XML, NS_MC} | {_target_ns(SCHEMA_DIR / n) for n in _closure(entry_points)}
    return etree.XMLSchema(etree.ElementTree(doc)), understood


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag[:1] == "{" else ""


def _pretty(msg: str) -> str:
    return re.sub(r"\{([^}]*)\}", lambda m: PREFIXES[m.group(1)] + ":"
                  if m.group(1) in PREFIXES else m.group(0), msg).strip()


def _prefixes(el: etree._Element, value: str | None, errors: list[Error]) -> set[str]:
    out = set()
    for p in (value or "").split():
        ns = el.nsmap.get(p)
        if ns is None:
            errors.append((str(el.sourceline), f"mc: undeclared prefix '{p}'"))
        else:
            out.add(ns)
    return out


def _qnames(el: etree._Element, value: str | None, errors: list[Error]) -> set[tuple[str, str]]:
    out = set()
    for item in (value or "").split():
        p, _, local = item.partition(":")
        ns = el.nsmap.get(p)
        if not local or ns is None:
            errors.append((str(el.sourceline), f"mc:ProcessContent item '{item}' is unusable"))
        else:
            out.add((ns, local))
    return out


def _splice(parent: etree._Element, index: int, wrapper: etree._Element | None) -> None:
    """Replace ``parent[index]`` by the element children of ``wrapper`` (or nothing)."""
    kids = [k for k in wrapper if isinstance(k.tag, str)] if wrapper is not None else []
    parent.remove(parent[index])
    for off, k in enumerate(kids):
        parent.insert(index + off, k)


def _chosen(content: etree._Element, understood: set[str], errors: list[Error]
            ) -> etree._Element | None:
    """The branch of an ``mc:AlternateContent`` a consumer of ``understood`` takes."""
    for branch in content:
        if branch.tag == f"{{{NS_MC}}}Choice":
            needs = _prefixes(branch, branch.get("Requires"), errors)
            if needs and needs <= understood:
                return branch
        elif branch.tag == f"{{{NS_MC}}}Fallback":
            return branch
    return None


def apply_mc(root: etree._Element, understood: set[str]) -> list[Error]:
    """Markup Compatibility processing in place; errors for non-ignorable unknown content."""
    errors: list[Error] = []
    tree = root.getroottree()

    def process(el: etree._Element, ignorable: frozenset[str],
                contents: frozenset[tuple[str, str]]) -> None:
        ignorable = ignorable | _prefixes(el, el.get(f"{{{NS_MC}}}Ignorable"), errors)
        contents = contents | _qnames(el, el.get(f"{{{NS_MC}}}ProcessContent"), errors)
        for ns in _prefixes(el, el.get(f"{{{NS_MC}}}MustUnderstand"), errors) - understood:
            errors.append((str(el.sourceline), f"mc:MustUnderstand not understood: {ns}"))
        for name in list(el.attrib):
            ns = _ns(str(name))
            if ns and (ns == NS_MC or ns not in understood):
                if ns != NS_MC and ns not in ignorable:
                    errors.append((tree.getpath(el), f"attribute {name!s} is in a namespace "
                                   "neither understood nor mc:Ignorable"))
                del el.attrib[name]
        i = 0
        while i < len(el):
            child = el[i]
            if not isinstance(child.tag, str):
                i += 1
                continue
            ns = _ns(child.tag)
            if child.tag == f"{{{NS_MC}}}AlternateContent":
                _splice(el, i, _chosen(child, understood, errors))
            elif ns == NS_MC or (ns and ns not in understood and ns not in ignorable):
                errors.append((tree.getpath(child), f"element {child.tag} is in a namespace "
                               "neither understood nor mc:Ignorable"))
                el.remove(child)
            elif ns and ns not in understood:
                local = child.tag.split("}", 1)[1]
                if (ns, local) in contents or (ns, "*") in contents:
                    _splice(el, i, child)
                else:
                    el.remove(child)
            else:
                process(child, ignorable, contents)
                i += 1

    process(root, frozenset(), frozenset())
    return [(w, "MC: " + _pretty(m)) for w, m in errors]


def rpr_order() -> list[str]:
    """Word's order of ``w:rPr`` children: revision marks, EG_RPrBase as declared, rPrChange."""
    xs = "{http://www.w3.org/2001/XMLSchema}"
    group = etree.parse(str(SCHEMA_DIR / "wml.xsd")).find(f"{xs}group[@name='EG_RPrBase']")
    assert group is not None
    names = [str(e.get("name")) for e in group.iter(f"{xs}element")]
    return ["ins", "del", "moveFrom", "moveTo", *names, "rPrChange"]


def check_rpr_order(root: etree._Element, order: list[str]) -> list[Error]:
    """``w:rPr`` children out of Word's order, or repeated (the ISO schema allows both)."""
    rank = {f"{{{NS_W}}}{n}": i for i, n in enumerate(order)}
    tree = root.getroottree()
    out: list[Error] = []
    for rpr in root.iter(f"{{{NS_W}}}rPr"):
        last, last_tag = -1, ""
        for child in rpr:
            r = rank.get(str(child.tag))
            if r is None:
                continue
            if r <= last:
                what = "repeated" if r == last else f"after {_pretty(last_tag)}"
                out.append((tree.getpath(child), f"order: {_pretty(str(child.tag))} {what}"))
            else:
                last, last_tag = r, str(child.tag)
    return out


class Validator:
    """The loaded schemas (WordprocessingML and OPC) and the ``w:rPr`` order."""

    def __init__(self) -> None:
        self.wml, self.understood = load_schema(WML_ENTRY_POINTS)
        self.ct, _ = load_schema(["opc-contentTypes.xsd"])
        self.rel, _ = load_schema(["opc-relationships.xsd"])
        self.order = rpr_order()

    def part(self, data: bytes) -> tuple[str, list[Error]]:
        """(kind, errors) of one part; kind is ``wml``, ``opc`` or ``skipped``."""
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as e:
            return "wml", [("", f"not well-formed: {e}")]
        ns = _ns(root.tag)
        schema = {NS_W: self.wml, NS_CT: self.ct, NS_REL: self.rel}.get(ns)
        if schema is None:
            return "skipped", []
        kind = "wml" if ns == NS_W else "opc"
        errors = apply_mc(root, self.understood) if kind == "wml" else []
        if not schema.validate(etree.ElementTree(root)):
            log = cast(Iterable[Any], schema.error_log)  # lxml-stubs leave _ErrorLog empty
            errors += [(f"line {e.line} {e.path}", _pretty(e.message)) for e in log]
        if kind == "wml":
            errors += check_rpr_order(root, self.order)
        return kind, errors

    def docx(self, path: str | Path) -> list[str]:
        """Every error of every XML part of ``path``, as ``part: where: message`` lines."""
        out, wml = [], 0
        with zipfile.ZipFile(path) as z:
            for name in sorted(n for n in z.namelist() if n.endswith((".xml", ".rels"))):
                kind, errors = self.part(z.read(name))
                wml += kind == "wml"
                out += [f"{name}: {where}: {msg}" for where, msg in errors]
        if not wml:
            out.append("no WordprocessingML part found")
        return out


@cache
def validator() -> Validator:
    """One validator per process (loading the schemas takes about a second)."""
    return Validator()


def errors_of(path: str | Path) -> list[str]:
    """Every schema error of the DOCX at ``path`` (empty when it is valid)."""
    return validator().docx(path)
